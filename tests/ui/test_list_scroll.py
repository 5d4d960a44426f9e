"""The highlighted row stays on screen when the list around it grows.

Found in tmux: during a refresh (and after clearing a search, or at start-up on the last
article read) the list was replaced by a longer one with the cursor's article far down; the
cursor kept its article but the view stayed at the top, so no row looked selected and the
article pane showed a story the list did not.
"""

from __future__ import annotations

from .conftest import NOW, SIZE, entry, make_app, settle


def _visible(headlines) -> bool:
    top = round(headlines.scroll_y)
    return top <= headlines.cursor < top + headlines.scrollable_content_region.height


async def test_cursor_stays_visible_when_many_rows_arrive_above_it(library):
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        headlines = screen.headlines
        await pilot.press("j", "j")
        await settle(app, pilot)
        chosen = headlines.current_id
        store = library.store
        feed = store.add_feed("https://example.org/many.xml", "Many", [])
        newer = [entry(f"m{i}", f"Newer story {i}", -10 - i * 0.01) for i in range(500)]
        store.upsert_entries(feed.id, newer, NOW)
        screen.reload()
        await settle(app, pilot)
        assert headlines.current_id == chosen
        assert headlines.cursor > 500
        assert _visible(headlines)


async def test_cursor_stays_visible_after_clearing_a_search(library):
    store = library.store
    feed = store.add_feed("https://example.org/many.xml", "Many", [])
    older = [entry(f"o{i}", f"Older story {i}", 100 + i) for i in range(300)]
    store.upsert_entries(feed.id, older, NOW)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("slash", *"story 250", "enter")
        await settle(app, pilot)
        headlines = app.main_screen.headlines
        title = headlines.headline(headlines.current_id).title
        assert title == "Older story 250"
        await pilot.press("escape")
        await settle(app, pilot)
        assert headlines.headline(headlines.current_id).title == title
        assert headlines.cursor > 200
        assert _visible(headlines)


async def test_a_background_reload_does_not_flash_the_first_page(library, monkeypatch):
    """During a refresh the list reloads every 2 s; each reload used to show the first 100
    rows ('100+ shown') before the whole list, so the count and scrollbar flickered."""
    store = library.store
    feed = store.add_feed("https://example.org/many.xml", "Many", [])
    store.upsert_entries(feed.id, [entry(f"o{i}", f"Story {i}", 100 + i) for i in range(300)], NOW)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.main_screen
        shown: list[int] = []
        original = type(screen).on_list_loaded

        def record(self, message) -> None:
            shown.append(len(message.ids))
            original(self, message)

        monkeypatch.setattr(type(screen), "on_list_loaded", record)
        screen.reload(keep_current=True)
        await settle(app, pilot)
        assert shown == [308]
        shown.clear()
        screen.reload()  # one the user asked for: the first page at once, then the rest
        await settle(app, pilot)
        assert shown == [100, 308]
