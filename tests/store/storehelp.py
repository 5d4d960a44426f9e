"""Helpers for store tests: a fixed clock and an entry factory."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from briefing_tui.models import ParsedEntry

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def make_entry(n: int, **fields) -> ParsedEntry:
    """Entry number n: guid g{n}, published n hours before NOW."""
    values = {
        "guid": f"g{n}",
        "link": f"https://example.test/{n}",
        "title": f"Headline {n}",
        "body": f"Body text of article {n}.",
        "published": NOW - timedelta(hours=n),
    }
    values.update(fields)
    return ParsedEntry(**values)
