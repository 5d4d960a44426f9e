"""Search, pickers, sort, refresh, links, help, palette, feeds view, quit, failures."""

from __future__ import annotations

import pytest
from textual.command import CommandPalette

from briefing_tui.models import HeadlineQuery
from briefing_tui.services.library import Library
from briefing_tui.services.settings import Settings
from briefing_tui.ui.messages import RefreshFinished, RefreshProgressed
from briefing_tui.ui.screens import refreshing
from briefing_tui.ui.screens.feeds import FeedsScreen
from briefing_tui.ui.screens.help import HelpScreen
from briefing_tui.ui.screens.pickers import FactFilterPicker, FeedPicker

from .conftest import SIZE, make_app, settle


def guids(app, library) -> list[str]:
    return [library.article(i).guid for i in app.main_screen.headlines.ids]


async def test_slash_searches_and_escape_clears(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"ferry", "enter")
        await settle(app, pilot)
        assert guids(app, library) == ["harbour"]
        assert "search: ferry" in app.main_screen.status.filters
        await pilot.press("escape")
        await settle(app, pilot)
        assert len(app.main_screen.headlines.ids) == 8


async def test_search_accepts_fts_syntax_errors(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*'"AND (', "enter")
        await settle(app, pilot)
        assert app.is_running


async def test_f_filters_by_feed_and_by_tag(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        assert isinstance(app.screen, FeedPicker)
        # options: All feeds, --, #local, #world, --, Broken Feed, Metro Wire, World Desk
        await pilot.press("down", "enter")
        await settle(app, pilot)
        assert sorted(guids(app, library)) == ["arrests", "bridge", "council"]
        assert "tag: local" in app.main_screen.status.filters
        await pilot.press("f")
        await settle(app, pilot)
        await pilot.press("end", "enter")
        await settle(app, pilot)
        assert "harbour" in guids(app, library) and "council" not in guids(app, library)
        assert "feed: World Desk" in app.main_screen.status.filters


async def test_F_filters_by_figures(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("F")
        await settle(app, pilot)
        assert isinstance(app.screen, FactFilterPicker)
        await pilot.press("down")  # deaths
        await pilot.press("tab", *"10", "enter")
        await settle(app, pilot)
        assert guids(app, library) == ["harbour"]
        assert "deaths ≥ 10" in app.main_screen.status.filters
        await pilot.press("F")
        await settle(app, pilot)
        await pilot.press("home", "down", "down", "down", "enter")  # arrests
        await settle(app, pilot)
        assert guids(app, library) == ["arrests"]


async def test_S_cycles_sort_orders(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("S")  # by feed
        await settle(app, pilot)
        assert app.main_screen.filters.sort == "feed"
        await pilot.press("S")  # most severe first
        await settle(app, pilot)
        assert app.main_screen.headlines.ids == library.headline_ids(HeadlineQuery(sort="severity"))
        order = guids(app, library)
        assert {order[0], order[1]} == {"harbour", "arrests"}  # the stories with figures


@pytest.fixture
def sample_library(db_path):
    lib = Library(db_path, Settings())
    yield lib
    lib.close()


async def test_first_run_opens_on_the_sample_and_refreshes(sample_library):
    app = make_app(sample_library)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(40):
            await settle(app, pilot, rounds=2)
            if app.main_screen.headlines.ids and not app.main_screen.status.progress:
                break
        assert len(sample_library.feeds()) == 3
        assert len(app.main_screen.headlines.ids) > 5
        messages = [str(n.message) for n in app._notifications]
        assert any("new article" in m for m in messages)
        assert app.main_screen.status.last_refresh != "never"
        await settle(app, pilot)
        assert sample_library.store.search_pending() == 0  # indexed for search after refresh


async def test_r_refreshes_in_the_background(sample_library, monkeypatch):
    seen = []
    real = Library.refresh

    def spy(self, *args, **kwargs):
        seen.append(kwargs.get("force"))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Library, "refresh", spy)
    sample_library.ensure_sample()
    app = make_app(sample_library)
    messages = []
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await settle(app, pilot)
        assert seen == []
        await pilot.press("r")
        for _ in range(40):
            await settle(app, pilot, rounds=2)
            if not app.main_screen.status.progress:
                break
        assert seen == [False]
        assert len(app.main_screen.headlines.ids) > 5
        progress = [m for m in messages if isinstance(m, RefreshProgressed) and not m.note]
        assert progress and progress[-1].done == progress[-1].total == 3
        notes = [m.note for m in messages if isinstance(m, RefreshProgressed) and m.note]
        assert set(notes) == {"indexing figures…"}  # the fact index pass, before the reload
        assert not sample_library.facts_pending()
        listed = app.main_screen.headlines
        badged = [listed.headline(i) for i in listed.ids if listed.headline(i) is not None]
        assert any(h.badges for h in badged)  # the reloaded rows carry the new badges
        assert any(isinstance(m, RefreshFinished) for m in messages)


async def test_o_opens_http_links_in_the_browser(library, monkeypatch):
    opened = []
    monkeypatch.setattr(refreshing, "has_browser", lambda: True)
    monkeypatch.setattr(refreshing.webbrowser, "open", lambda url, new=0: opened.append(url) or 1)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert opened == ["https://example.org/harbour"]


async def test_o_without_a_display_copies_and_shows_the_url(library, monkeypatch):
    monkeypatch.setattr(refreshing, "has_browser", lambda: False)
    monkeypatch.setattr(refreshing.webbrowser, "open", lambda *a, **k: pytest.fail("opened"))
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert app.clipboard == "https://example.org/harbour"
        assert any("https://example.org/harbour" in str(n.message) for n in app._notifications)


async def test_o_refuses_non_http_links(library, monkeypatch):
    monkeypatch.setattr(refreshing, "has_browser", lambda: True)
    monkeypatch.setattr(refreshing.webbrowser, "open", lambda *a, **k: pytest.fail("opened"))
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("j", "j")  # the story whose link is javascript:
        await settle(app, pilot)
        await pilot.press("o", "y")
        await settle(app, pilot)
        assert app.clipboard == ""
        assert any("no http(s) link" in str(n.message) for n in app._notifications)


def test_has_browser_is_false_over_ssh(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setenv("SSH_CONNECTION", "1.2.3.4 5 6.7.8.9 22")
    assert not refreshing.has_browser()


async def test_y_copies_the_link(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("y")
        assert app.clipboard == "https://example.org/harbour"


async def test_question_mark_shows_every_key(library):
    app = make_app(library, Settings(keys={"star": "z"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.table
        ids = [cell.plain for cell in table.columns[2]._cells]
        keys = dict(zip(ids, [c.plain for c in table.columns[0]._cells], strict=True))
        assert {"toggle-read", "dismiss", "undo", "search", "filter-facts", "quit"} <= set(ids)
        assert keys["star"] == "z"
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_ctrl_p_palette_runs_actions(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.main_screen.headlines.current_id
        await pilot.press("ctrl+p")
        await settle(app, pilot)
        assert CommandPalette.is_open(app)
        await pilot.press(*"Star")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert library.article(first).starred


async def test_e_shows_failing_feeds_with_their_error(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        assert isinstance(app.screen, FeedsScreen)
        listing = app.screen.query_one("#feed-list")
        prompts = [listing.get_option_at_index(i).prompt.plain for i in range(3)]
        broken = next(p for p in prompts if "Broken Feed" in p)
        assert "HTTP 503 Service Unavailable" in broken and "backing off until" in broken
        await pilot.press("escape")
        assert not isinstance(app.screen, FeedsScreen)


async def test_q_quits(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_hostile_titles_are_shown_literally(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("G")
        await settle(app, pilot)
        lst = app.main_screen.headlines
        text = "\n".join(lst.render_line(y).text for y in range(lst.size.height))
        for title in ("[/bold]", "[link=https://x]y[/link]", "[@click=app.quit]x[/]"):
            assert title in text
        for _ in range(4):
            await pilot.press("k")
            await settle(app, pilot)
        assert app.is_running


class _BrokenArticles(Library):
    def article(self, article_id):
        raise RuntimeError("disk on fire")


async def test_a_failing_worker_is_a_notification_not_a_crash(db_path):
    from .conftest import fill

    lib = _BrokenArticles(db_path, Settings())
    fill(lib)
    app = make_app(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert any("disk on fire" in str(n.message) for n in app._notifications)
    lib.close()
