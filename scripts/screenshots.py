"""Regenerate screenshots/*.svg from the bundled sample briefing.

    .venv/bin/python scripts/screenshots.py [--out screenshots]

Builds a throwaway home, subscribes the bundled sample feeds and refreshes them (offline), then
runs the app headless at 120x36 and 80x24 with a fixed clock and saves SVGs of the main views.
Convert to PNG to look at them: rsvg-convert screenshots/main-120x36.svg -o /tmp/main.png
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from briefing_tui.models import HeadlineQuery
from briefing_tui.services.library import Library
from briefing_tui.services.settings import Settings
from briefing_tui.ui.app import BriefingApp

CLOCK = datetime(2026, 11, 26, 13, 0, tzinfo=UTC)
"""After the newest sample item, so ages read like a morning briefing."""

SHOTS = [
    # (file stem, terminal size, keys to press after start-up)
    ("main-120x36", (120, 36), []),
    ("article-facts-120x36", (120, 36), ["@most-figures", "right_square_bracket"]),
    ("help-120x36", (120, 36), ["question_mark"]),
    ("feeds-120x36", (120, 36), ["e"]),
    ("main-80x24", (80, 24), []),
    ("figures-80x24", (80, 24), ["@most-figures", "x", "right_square_bracket"]),
]


def build_library(home: Path) -> Library:
    settings = Settings()
    library = Library(home / "briefing.db", settings)
    library.ensure_sample()
    library.refresh()
    library.index_facts()  # what the app does after its own refresh
    refreshed = CLOCK.replace(hour=12, minute=55)
    library.set_state("last_refresh", refreshed.isoformat())
    for feed in library.feeds():  # the pictures must not depend on when the script ran
        library.store.record_success(feed.id, when=refreshed, etag=None, last_modified=None)
    return library


async def settle(app: BriefingApp, pilot) -> None:
    for _ in range(6):
        await app.workers.wait_for_complete()
        await pilot.pause(0.05)


async def shoot(library: Library, stem: str, size: tuple[int, int], keys: list[str], out: Path):
    app = BriefingApp(library, library.settings, clock=lambda: CLOCK, auto_refresh=False)
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for key in keys:
            if key == "@most-figures":
                ids = app.main_screen.headlines.ids
                heads = library.headlines_by_ids(ids)
                best = max(heads, key=lambda h: (len(h.badges), -ids.index(h.id)))
                app.main_screen.headlines.move_to(ids.index(best.id))
            else:
                await pilot.press(key)
            await settle(app, pilot)
        app.clear_notifications()
        await pilot.pause(0.05)
        path = out / f"{stem}.svg"
        app.save_screenshot(str(path))
        print(f"wrote {path}")


async def shoot_all(library: Library, out: Path) -> None:
    for stem, size, keys in SHOTS:
        library.set_state("last_article", "")
        await shoot(library, stem, size, keys, out)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="briefing-shots-") as tmp:
        library = build_library(Path(tmp))  # refresh runs its own event loop: not inside one
        try:
            if not library.headline_ids(HeadlineQuery()):
                raise SystemExit("the bundled sample produced no articles")
            asyncio.run(shoot_all(library, out))
        finally:
            library.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent.parent / "screenshots")
    main(parser.parse_args().out)
