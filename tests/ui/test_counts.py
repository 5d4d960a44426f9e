"""Counts on screen follow triage at once: 'N shown', the list's border, 'N figures'.

Found in tmux on the sample briefing: after `d` the status bar still said '21 shown' and
the list border '21' while 20 rows were listed, until the next reload; one figure read
'1 figures'.
"""

from __future__ import annotations

from briefing_tui.models import HeadlineQuery

from .conftest import NOW, SIZE, entry, make_app, settle


def _all() -> HeadlineQuery:
    return HeadlineQuery(include_dismissed=True)


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


async def test_mark_all_read_marks_only_the_listed_articles(library):
    """'A' marks what the list shows; an article a refresh stored after the list was loaded
    (the list reloads during a refresh only every few seconds) stays unread."""
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        listed = list(app.main_screen.headlines.ids)
        feed = library.store.add_feed("https://example.org/late.xml", "Late Feed", [])
        library.store.upsert_entries(feed.id, [entry("late", "Arrived after the list", 0.1)], NOW)
        await pilot.press("A")
        await settle(app, pilot)
        every = library.headlines_by_ids(library.headline_ids(_all()))
        late = [h for h in every if h.title == "Arrived after the list"]
        assert late and not late[0].read
        assert all(h.read for h in library.headlines_by_ids(listed))
        await pilot.press("u")
        await settle(app, pilot)
        assert not any(h.read for h in library.headlines_by_ids(listed))
