"""How long a hostile article body freezes the TUI.

Run: `python tests/security/bench_tui_hostile_body.py`.

Opens (previews) one article in the real app (headless, 160x50) and measures the longest gap
between ticks of a 20 ms Textual timer while it loads: that is how long the event loop, and
so every key press, was blocked.  Bodies are the sanitizer's maximum size (200 kB), shaped
the way a hostile feed can shape them.  Median of 3 runs, ratio to a one-line body.
Not a test: no timing is asserted anywhere; the figures go in reports.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing_tui.models import ParsedEntry
from briefing_tui.sanitize import clean_text
from briefing_tui.services.library import Library
from briefing_tui.services.settings import Settings
from briefing_tui.ui.app import BriefingApp

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
BODIES = {
    "one line": "hello",
    "prose 200 kB": "lorem ipsum dolor " * 11_000,
    "one 200 kB word": "x" * 200_000,
    "100k short lines": "a\n" * 100_000,
    "66k paragraphs": "a\n\n" * 66_000,
}


async def _stall(body: str) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(Path(tmp) / "b.db", Settings())
        feed = library.store.add_feed("https://h.example/rss", "F", [])
        library.store.upsert_entries(
            feed.id,
            [
                ParsedEntry("first", "https://h.example/1", "first", published=NOW, body="hi"),
                ParsedEntry(
                    "big",
                    "https://h.example/2",
                    "big",
                    published=NOW - timedelta(hours=1),
                    body=clean_text(body),
                ),
            ],
            NOW,
        )
        app = BriefingApp(library, Settings(), clock=lambda: NOW, auto_refresh=False)
        try:
            async with app.run_test(size=(160, 50)) as pilot:
                for _ in range(4):
                    await app.workers.wait_for_complete()
                    await pilot.pause()
                ticks: list[float] = []
                app.set_interval(0.02, lambda: ticks.append(time.perf_counter()))
                await pilot.pause(0.1)
                start = time.perf_counter()
                await pilot.press("j")
                while getattr(app.main_screen.article_view.article, "guid", None) != "big":
                    await pilot.pause(0.01)
                await pilot.pause(0.1)
                gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False) if b > start]
                return max(gaps, default=0.0)
        finally:
            library.close()


def main() -> None:
    results = {
        name: statistics.median(asyncio.run(_stall(b)) for _ in range(3))
        for name, b in BODIES.items()
    }
    base = results["one line"] or 0.02
    print(f"{'article body':<20}{'max stall s':>12}{'x one line':>12}")
    for name, stall in results.items():
        print(f"{name:<20}{stall:>12.2f}{stall / base:>12.0f}")


if __name__ == "__main__":
    main()
