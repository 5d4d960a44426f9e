"""Triage keys against the real store: m, s, d, u, A, U, and rebinding through [keys]."""

from __future__ import annotations

from briefing_tui.models import HeadlineQuery
from briefing_tui.services.settings import Settings

from .conftest import SIZE, make_app, settle


async def test_m_toggles_read_in_the_store(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.main_screen.headlines.current_id
        await pilot.press("m")
        await settle(app, pilot)
        assert library.article(first).read
        assert app.main_screen.headlines.headline(first).read
        assert app.main_screen.status.unread == 7
        await pilot.press("m")
        await settle(app, pilot)
        assert not library.article(first).read


async def test_s_stars(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.main_screen.headlines.current_id
        await pilot.press("s")
        await settle(app, pilot)
        assert library.article(first).starred
        assert library.headline_ids(HeadlineQuery(starred_only=True)) == [first]


async def test_d_dismisses_and_u_brings_it_back_in_place(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        lst = app.main_screen.headlines
        await pilot.press("j")
        gone = lst.current_id
        before = list(lst.ids)
        await pilot.press("d")
        await settle(app, pilot)
        assert gone not in lst.ids
        assert library.article(gone).dismissed
        assert gone not in library.headline_ids(HeadlineQuery())
        await pilot.press("u")
        await settle(app, pilot)
        assert lst.ids == before
        assert lst.current_id == gone
        assert not library.article(gone).dismissed


async def test_u_undoes_in_reverse_order(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.main_screen.headlines.current_id
        await pilot.press("s", "m")
        await settle(app, pilot)
        assert library.article(first).read and library.article(first).starred
        await pilot.press("u")
        await settle(app, pilot)
        assert not library.article(first).read and library.article(first).starred
        await pilot.press("u")
        await settle(app, pilot)
        assert not library.article(first).starred
        await pilot.press("u")  # nothing left: a notice, no error
        await settle(app, pilot)
        assert app.is_running


async def test_A_marks_everything_listed_read_and_u_undoes_it(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("A")
        await settle(app, pilot)
        assert library.unread_count() == 0
        assert app.main_screen.status.unread == 0
        await pilot.press("u")
        await settle(app, pilot)
        assert library.unread_count() == 8


async def test_A_only_touches_the_filtered_list(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash")
        await pilot.press(*"harbour", "enter")
        await settle(app, pilot)
        shown = list(app.main_screen.headlines.ids)
        await pilot.press("A")
        await settle(app, pilot)
        assert library.unread_count() == 8 - len(shown)


async def test_U_shows_unread_only(library):
    ids = library.headline_ids(HeadlineQuery())
    library.set_read(ids[:2], True)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("U")
        await settle(app, pilot)
        assert app.main_screen.headlines.ids == ids[2:]
        assert "unread" in app.main_screen.status.filters
        await pilot.press("U")
        await settle(app, pilot)
        assert app.main_screen.headlines.ids == ids


async def test_keys_are_rebindable_from_settings(library):
    settings = Settings(keys={"star": "z", "toggle-read": "ctrl+r,M"})
    app = make_app(library, settings)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        first = app.main_screen.headlines.current_id
        await pilot.press("s")
        await settle(app, pilot)
        assert not library.article(first).starred
        await pilot.press("z")
        await settle(app, pilot)
        assert library.article(first).starred
        await pilot.press("M")
        await settle(app, pilot)
        assert library.article(first).read


async def test_unknown_key_ids_are_reported_not_fatal(library):
    app = make_app(library, Settings(keys={"no-such-action": "z"}))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.unknown_keys == ["no-such-action"]
        assert any("no-such-action" in str(n.message) for n in app._notifications)
