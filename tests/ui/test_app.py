"""App-wide behaviour: theme from settings, NO_COLOR, auto-refresh on start, big lists."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from briefing_tui.models import HeadlineQuery, ParsedEntry
from briefing_tui.services.library import Library
from briefing_tui.services.settings import GeneralSettings, Settings
from briefing_tui.ui.app import BriefingApp

from .conftest import NOW, SIZE, make_app, settle


async def test_theme_comes_from_settings(library):
    app = make_app(library, Settings(general=GeneralSettings(theme="nord")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.theme == "nord"


async def test_unknown_theme_is_a_warning(library):
    app = make_app(library, Settings(general=GeneralSettings(theme="no-such-theme")))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.is_running
        assert any("no-such-theme" in str(n.message) for n in app._notifications)


async def test_no_color_is_honoured(library, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.no_color
        # the cursor row and unread rows still differ by style, not only by colour
        lst = app.main_screen.headlines
        cursor = lst.get_component_rich_style("headline-list--cursor")
        unread = lst.get_component_rich_style("headline-list--unread", partial=True)
        assert unread.bold and (cursor.bold or cursor.reverse or cursor.bgcolor is not None)


async def test_stale_cache_refreshes_on_start_when_auto_refresh_is_on(db_path, monkeypatch):
    calls = []
    monkeypatch.setattr(Library, "refresh", lambda self, *a, **k: calls.append(k) or None)
    lib = Library(db_path, Settings())
    lib.store.add_feed("https://example.org/a.xml", "A")
    lib.set_state("last_refresh", (NOW - timedelta(hours=3)).isoformat())
    app = BriefingApp(lib, Settings(), clock=lambda: NOW, auto_refresh=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert len(calls) == 1 and calls[0]["force"] is False
        assert calls[0]["should_stop"]() is False  # the worker is not cancelled
    lib.set_state("last_refresh", (NOW - timedelta(minutes=5)).isoformat())
    calls.clear()
    app = BriefingApp(lib, Settings(), clock=lambda: NOW, auto_refresh=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert calls == []  # fresh enough: no network at start
    lib.close()


async def test_a_long_list_loads_rows_on_demand(db_path):
    lib = Library(db_path, Settings())
    feed = lib.store.add_feed("https://example.org/many.xml", "Many")
    lib.store.upsert_entries(
        feed.id,
        [
            ParsedEntry(
                guid=f"g{n}",
                link=f"https://example.org/{n}",
                title=f"Item {n:04d}",
                published=NOW - timedelta(minutes=n),
            )
            for n in range(1500)
        ],
        NOW,
    )
    app = make_app(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        lst = app.main_screen.headlines
        assert len(lst.ids) == 1500 == len(lib.headline_ids(HeadlineQuery()))
        assert len(lst._cache) < 400  # only the rows around the viewport were read
        await pilot.press("G")
        await settle(app, pilot)
        text = "".join(lst.render_line(y).text for y in range(lst.size.height))
        assert "Item 1499" in text
        assert app.main_screen.article_view.article.title == "Item 1499"
    lib.close()


def test_settings_keys_do_not_leak_between_apps(library):
    settings = Settings(keys={"star": "z"})
    first = make_app(library, settings)
    second = make_app(library, replace(settings, keys={}))
    assert first.keymap == {"star": "z"} and second.keymap == {}


class _Outcome:
    def __init__(self, title: str, error: str) -> None:
        self.title, self.url, self.error = title, "https://example.org/x", error


class _Report:
    def __init__(self, new: int, failed: list[_Outcome]) -> None:
        self.new_total, self.failed = new, tuple(failed)


async def test_failing_feeds_make_one_notice_not_a_storm(library, monkeypatch):
    failed = [_Outcome(f"Feed {n}", "HTTP 500") for n in range(12)]
    monkeypatch.setattr(type(library), "refresh", lambda self, *a, **k: _Report(2, failed))
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        messages = [str(n.message) for n in app._notifications]
        assert "2 new articles" in messages
        assert [m for m in messages if "failed" in m] == ["12 feeds failed — press e to see why"]
        assert len(app.screen_stack) == 2  # the main screen only: no dialog per feed


async def test_a_refresh_that_cannot_run_is_reported(library, monkeypatch):
    def broken(self, *args, **kwargs):
        raise OSError("database is locked")

    monkeypatch.setattr(type(library), "refresh", broken)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.main_screen.status.progress == ""
        assert any("database is locked" in str(n.message) for n in app._notifications)
        assert app.is_running


async def test_auto_refresh_timer_follows_the_settings(library, monkeypatch):
    monkeypatch.setattr(type(library), "refresh", lambda self, *a, **k: _Report(0, []))
    general = GeneralSettings(refresh_interval_minutes=15)
    on = BriefingApp(library, Settings(general=general), clock=lambda: NOW)
    async with on.run_test(size=SIZE) as pilot:
        await settle(on, pilot)
        timers = [t for t in on.main_screen._timers if t.name == "auto-refresh"]
        assert [t._interval for t in timers] == [15 * 60]
    off = BriefingApp(
        library, Settings(general=replace(general, auto_refresh=False)), clock=lambda: NOW
    )
    async with off.run_test(size=SIZE) as pilot:
        await settle(off, pilot)
        assert not [t for t in off.main_screen._timers if t.name == "auto-refresh"]


async def test_a_huge_body_is_laid_out_only_as_far_as_it_is_read(db_path):
    body = "\n".join(f"l{n}" for n in range(40_000))  # one 40k-line paragraph (< 200 kB)
    lib = Library(db_path, Settings())
    feed = lib.store.add_feed("https://example.org/big.xml", "Big")
    lib.store.upsert_entries(
        feed.id,
        [
            ParsedEntry(
                guid="big", link="https://example.org/big", title="Big", published=NOW, body=body
            )
        ],
        NOW,
    )
    app = make_app(lib)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        view = app.main_screen.article_view
        assert view.article.guid == "big"
        assert view.line_count < 1000  # not 100k strips up front
        assert view.virtual_size.height > 1000  # but the scrollbar knows there is more
        stored = view.article.body  # the store caps bodies; use what it kept
        last = stored.rstrip().rsplit("\n", 1)[-1]
        line = view.line_of(stored.rindex(last))  # laid out on demand, up to that offset
        assert view._lines[line].text.strip() == last
        await pilot.press("tab", "G")
        assert view.scroll_y > 1000
    lib.close()
