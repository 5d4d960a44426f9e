"""What the app does while a refresh runs: keys pressed then must not cancel it.

Found in tmux with 205 feeds: `r` on one feed in the feeds view (or `r` again in the list)
cancelled the running refresh, so the feeds it had not started yet were skipped and the
status bar still said "refreshed".  The refresh here is the real Library method replaced by
one that blocks until the test lets it finish, recording what it was asked for.
"""

from __future__ import annotations

import threading
from types import SimpleNamespace

from briefing_tui.store import Store
from briefing_tui.ui.screens import refreshing

from .conftest import NOW, SIZE, entry, make_app, settle


class _Report:
    new_total = 0
    failed = ()


class _BlockingRefresh:
    def __init__(self) -> None:
        self.release = threading.Event()
        self.calls: list[dict] = []
        self.stopped: list[bool] = []

    def __call__(self, feed_ids=None, **kwargs):
        self.calls.append({"feed_ids": feed_ids, "force": kwargs.get("force")})
        if len(self.calls) == 1:
            self.release.wait(5)
        self.stopped.append(kwargs["should_stop"]())
        return _Report()


def _busy(app, group: str) -> bool:
    return any(w.group == group and not w.is_finished for w in app.workers)


async def _wait_for(pilot, condition, rounds: int = 100) -> None:
    for _ in range(rounds):
        if condition():
            return
        await pilot.pause(0.02)


async def test_keys_during_a_refresh_do_not_cancel_it(library, monkeypatch):
    fake = _BlockingRefresh()
    monkeypatch.setattr(type(library), "refresh", lambda self, *a, **k: fake(*a, **k))
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await _wait_for(pilot, lambda: fake.calls)
        await pilot.press("r")  # again in the list: "already refreshing"
        feed_id = library.feeds()[0].id
        await pilot.press("e")
        await _wait_for(pilot, lambda: app.screen.feeds)
        app.screen.query_one("#feed-list").highlighted = 0
        await pilot.press("r")  # one feed from the feeds view: queued, not a restart
        await pilot.pause(0.1)
        assert len(fake.calls) == 1
        fake.release.set()
        await _wait_for(pilot, lambda: len(fake.calls) == 2)
        await settle(app, pilot)
        assert fake.stopped[0] is False  # the first refresh ran to its end
        assert fake.calls[1] == {"feed_ids": [feed_id], "force": True}
        messages = [str(n.message) for n in app._notifications]
        assert "Already refreshing" in messages
        assert app.main_screen.status.progress == ""


async def test_headlines_stored_so_far_show_while_a_refresh_waits(library, monkeypatch):
    """A slow feed must not hide the headlines of the feeds already stored (in tmux: 0 shown
    for the 45 s deadline of one slow feed while 10,000 articles sat in the cache)."""
    release = threading.Event()

    def slow_refresh(self, feed_ids=None, **kwargs):
        writer = Store(self.db_path)  # the refresh writes on its own connection
        try:
            for done, title in enumerate(("Early bird headline", "Second quick one"), 1):
                feed = writer.add_feed(f"https://example.org/fast{done}.xml", title, [])
                writer.upsert_entries(feed.id, [entry(f"fast-{done}", title, 0.5)], NOW)
                kwargs["on_progress"](SimpleNamespace(done=done, total=3, feed_title=title))
        finally:
            writer.close()
        release.wait(5)  # the third feed is slow
        return _Report()

    monkeypatch.setattr(type(library), "refresh", slow_refresh)
    monkeypatch.setattr(refreshing, "LIVE_RELOAD_SECONDS", 0.3)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        before = len(app.main_screen.headlines.ids)
        await pilot.press("r")

        def listed() -> bool:
            screen = app.main_screen
            titles = {(h := screen.headlines.headline(i)) and h.title for i in screen.headlines.ids}
            return {"Early bird headline", "Second quick one"} <= titles

        await _wait_for(pilot, listed)
        try:
            assert listed()  # the second one came in right after the first: a later reload
            assert app.main_screen.status.total == before + 2
            assert app.main_screen.status.progress == "refreshing 2/3"
        finally:
            release.set()
        await settle(app, pilot)


async def test_a_refresh_does_not_move_the_reader_in_the_unread_only_list(library, monkeypatch):
    """Reloads the user did not ask for keep the article being read, though opening it made
    it read and the unread-only list no longer matches it (it used to jump to the top)."""
    release = threading.Event()

    def slow_refresh(self, feed_ids=None, **kwargs):
        kwargs["on_progress"](SimpleNamespace(done=1, total=2, feed_title="Fast Feed"))
        release.wait(5)
        return _Report()

    monkeypatch.setattr(type(library), "refresh", slow_refresh)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        await pilot.press("U")
        await settle(app, pilot)
        await pilot.press("j", "j", "enter")
        await settle(app, pilot)
        reading, row = screen.headlines.current_id, screen.headlines.cursor
        assert row == 2 and screen.shown_id == reading
        generation = screen.generation
        await pilot.press("r")
        await _wait_for(pilot, lambda: screen.generation > generation)
        await _wait_for(pilot, lambda: not _busy(app, "list"))
        assert not release.is_set() and screen.status.progress == "refreshing 1/2"
        assert (screen.headlines.current_id, screen.headlines.cursor) == (reading, row)
        release.set()
        await settle(app, pilot)
        assert (screen.headlines.current_id, screen.headlines.cursor) == (reading, row)
        assert screen.shown_id == reading
        await pilot.press("U", "U")  # a reload the user asks for applies the filter
        await settle(app, pilot)
        assert reading not in screen.headlines.ids


async def test_a_refresh_that_fails_after_fetching_can_be_run_again(library, monkeypatch):
    """If reading the refresh time failed after the fetch, no RefreshFinished was posted:
    the status bar said 'refreshing…' for ever and every later `r` was 'Already refreshing'."""
    calls: list[object] = []
    monkeypatch.setattr(
        type(library), "refresh", lambda self, *a, **k: calls.append(a) or _Report()
    )

    def broken(self):
        raise OSError("disk I/O error")

    monkeypatch.setattr(type(library), "last_refresh", broken)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        assert app.main_screen.status.progress == ""
        assert any("disk I/O error" in str(n.message) for n in app._notifications)
        await pilot.press("r")
        await settle(app, pilot)
        assert len(calls) == 2
