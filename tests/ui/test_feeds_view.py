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
