"""When to try a failing feed again.

Servers that fail repeatedly should not be hammered on every refresh (and a user's refresh
should not wait on them), but one failure is usually transient: so the first failure is retried
at the next refresh, and from the second on the wait doubles from 10 minutes up to 12 hours.
A server's own Retry-After (429/503, clamped to 24 h by the fetcher) wins when it is later.
A forced refresh ignores all of this (services/refresh.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta

BACKOFF_BASE = 10 * 60.0
BACKOFF_CAP = 12 * 3600.0


def backoff_seconds(failures: int) -> float:
    """Delay before the next automatic try after `failures` consecutive failures."""
    if failures < 2:
        return 0.0
    return min(BACKOFF_BASE * 2 ** min(failures - 2, 20), BACKOFF_CAP)


def retry_at(when: datetime, failures: int, server_wait: float | None) -> datetime | None:
    """The moment before which the feed is skipped, or None to retry at the next refresh."""
    wait = max(backoff_seconds(failures), server_wait or 0.0)
    return when + timedelta(seconds=wait) if wait > 0 else None
