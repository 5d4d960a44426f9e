"""What the app does while a refresh runs: keys pressed then must not cancel it.

Found in tmux with 205 feeds: `r` on one feed in the feeds view (or `r` again in the list)
cancelled the running refresh, so the feeds it had not started yet were skipped and the
status bar still said "refreshed".  The refresh here is the real Library method replaced by
one that blocks until the test lets it finish, recording what it was asked for.
"""

from __future__ import annotations

import threading

from .conftest import SIZE, make_app, settle


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
