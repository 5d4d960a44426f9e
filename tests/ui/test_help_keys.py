"""The help screen scrolls with j/k/g/G at 80x24, where its table is taller than the screen.

Found in tmux: j did nothing in the help screen; only the arrows and page keys scrolled it.
"""

from __future__ import annotations

from .conftest import make_app, settle


async def test_help_scrolls_with_the_reader_keys(library):
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await settle(app, pilot)
        scroll = app.screen.query_one("#help")
        assert scroll.max_scroll_y > 0
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert scroll.scroll_y == 3
        await pilot.press("k")
        await pilot.pause()
        assert scroll.scroll_y == 2
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_y == scroll.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_y == 0
        await pilot.press("q")
        await settle(app, pilot)
        assert app.screen is app.main_screen
