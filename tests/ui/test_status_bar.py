"""The status bar in a narrow terminal keeps the counts whole.

Found in tmux at 60 columns during a refresh: ' briefing  10,… 10,000 unread  ⟳ refreshing
204/205' — the shown count was cut while the app's name took the room.
"""

from __future__ import annotations

from textual.app import App, ComposeResult

from briefing_tui.ui.widgets.status_bar import StatusBar


class _Bar(App):
    def compose(self) -> ComposeResult:
        yield StatusBar()


async def test_the_counts_win_over_the_app_name_when_narrow():
    app = _Bar()
    async with app.run_test(size=(60, 3)) as pilot:
        bar = app.query_one(StatusBar)
        bar.total, bar.unread, bar.progress = 10_000, 10_000, "refreshing 204/205"
        await pilot.pause()
        line = bar.render().plain
        assert "10,000 shown" in line and "10,000 unread" in line
        assert "refreshing 204/205" in line
    async with _Bar().run_test(size=(120, 3)) as pilot:
        bar = pilot.app.query_one(StatusBar)
        bar.total = 21
        await pilot.pause()
        assert bar.render().plain.startswith(" briefing  21 shown")
