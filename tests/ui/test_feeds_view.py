"""The feeds view as a newsboat user meets it after '5 feeds failed — press e'.

Found in tmux with 205 feeds: the failing feeds were listed by title after 200 healthy ones
(four lines each), so finding why they failed meant paging through 800 lines.
"""

from __future__ import annotations

from datetime import timedelta

from .conftest import NOW, SIZE, make_app, settle


async def _open_feeds(app, pilot):
    await settle(app, pilot)
    await pilot.press("e")
    await settle(app, pilot)
    return app.screen


async def test_failing_feeds_are_listed_first(library):
    store = library.store
    zeta = store.add_feed("https://example.org/zeta.xml", "Zeta Daily", [])
    store.record_failure(
        zeta.id, when=NOW - timedelta(minutes=1), error="HTTP 404", retry_after=None
    )
    healthy = [
        store.add_feed(f"https://example.org/h{n}.xml", f"Healthy {n}", []) for n in range(5)
    ]
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_feeds(app, pilot)
        failing = [f.display_title for f in screen.feeds if f.last_error]
        assert [f.display_title for f in screen.feeds[: len(failing)]] == failing
        assert set(failing) == {"Broken Feed", "Zeta Daily"}
        assert failing == sorted(failing)  # title order within the failing part
        listing = screen.query_one("#feed-list")
        assert listing.highlighted_option.id == str(screen.feeds[0].id)
        assert len(screen.feeds) == 4 + len(healthy)  # 3 in the fixture, zeta, the healthy


async def test_pickers_and_feeds_view_move_with_j_k_and_close_with_q(library):
    """Found in tmux: in the feed/tag picker j did nothing, so 'f j j enter' showed all
    feeds; in the feeds view q did nothing (newsboat's 'back')."""
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f")
        await settle(app, pilot)
        await pilot.press("j", "j", "k", "j", "enter")  # All feeds, #local, #world -> #world
        await settle(app, pilot)
        assert app.main_screen.filters.tag == "world"
        screen = await _open_feeds(app, pilot)
        listing = screen.query_one("#feed-list")
        await pilot.press("G")
        last = listing.highlighted
        assert last == listing.option_count - 1
        await pilot.press("k", "g", "j")
        assert listing.highlighted not in (0, last)
        await pilot.press("q")
        await settle(app, pilot)
        assert app.screen is app.main_screen
        assert app.is_running


async def test_feeds_view_keeps_its_place_when_a_refresh_ends(library, monkeypatch):
    """The feeds view reloads when a refresh ends; the highlight used to jump to the top."""

    class _Report:
        new_total, failed = 0, ()

    monkeypatch.setattr(type(library), "refresh", lambda self, *a, **k: _Report())
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_feeds(app, pilot)
        await pilot.press("down")
        listing = screen.query_one("#feed-list")
        chosen = listing.highlighted_option.id
        assert listing.highlighted > 0
        await pilot.press("R")
        await settle(app, pilot)
        assert listing.highlighted_option.id == chosen


async def test_the_feeds_view_instructions_wrap_at_80_columns(library):
    """Found in tmux at 80x24: the title line was cut after 'R: refresh all', hiding how
    to close the view."""
    app = make_app(library)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open_feeds(app, pilot)
        label = screen.query_one("#feeds-title")
        assert label.size.height >= 2
        assert label.size.width <= screen.query_one(".picker").content_region.width
