"""Counts on screen follow triage at once: 'N shown', the list's border, 'N figures'.

Found in tmux on the sample briefing: after `d` the status bar still said '21 shown' and
the list border '21' while 20 rows were listed, until the next reload; one figure read
'1 figures'.
"""

from __future__ import annotations

from .conftest import SIZE, make_app, settle


async def test_dismiss_and_undo_update_the_shown_count(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        before = len(screen.headlines.ids)
        assert screen.status.total == before
        await pilot.press("d")
        await settle(app, pilot)
        assert screen.status.total == before - 1
        assert screen.query_one("#list-pane").border_subtitle == f"{before - 1}"
        await pilot.press("u")
        await settle(app, pilot)
        assert screen.status.total == before
        assert screen.query_one("#list-pane").border_subtitle == f"{before}"


async def test_one_figure_is_singular(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        headline = screen._current()
        assert headline is not None and headline.title.startswith("Ferry")
        summary = library.facts(library.article(headline.id))
        one = type(summary)(categories=summary.categories[:1], facts=summary.facts[:1])
        screen._show_article(library.article(headline.id), one)
        assert screen.sidebar.border_subtitle == "1 figure"
        screen._show_article(library.article(headline.id), summary)
        assert screen.sidebar.border_subtitle == "3 figures"
