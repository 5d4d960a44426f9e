"""The CPU worker pool survives a worker process dying."""

from __future__ import annotations

import os

from briefing_tui.feeds.fetch import FetchResult
from briefing_tui.feeds.parse import ParseFailure
from briefing_tui.feeds.workers import WorkerPool, badges_job, is_heap_kept


def die_if(flag: bool) -> str:
    if flag:
        os._exit(1)  # what a segfault in a C parser looks like to the pool
    return "alive"


async def test_a_dead_worker_is_replaced_and_other_jobs_go_on():
    pool = WorkerPool(processes=True, max_bytes=1_000_000)
    try:
        doc = b'<rss version="2.0"><channel><title>T</title></channel></rss>'
        assert await pool.run(die_if, False) == "alive"
        try:
            await pool.run(die_if, True)
        except Exception as exc:  # the retry died too: reported to this job only
            assert "terminated abruptly" in str(exc) or "Broken" in type(exc).__name__
        assert await pool.run(die_if, False) == "alive"
        parsed = await pool.parse(FetchResult("u", "ok", body=doc))
        assert not isinstance(parsed, ParseFailure) and parsed.title == "T"
    finally:
        pool.close()


def test_badges_job_never_raises():
    rows = [(1, "At least 12 people were killed."), (2, "\x00" * 10), (3, "")]
    out = badges_job(rows)
    assert [article_id for article_id, _ in out] == [1, 2, 3]
    assert {b.category for b in out[0][1]} == {"deaths"}


async def test_worker_processes_keep_freed_heap_on_glibc():
    """keep_heap runs as the pool's initializer (a speed setting; see workers.keep_heap)."""
    import platform
    import sys

    pool = WorkerPool(processes=True, max_bytes=1_000_000)
    try:
        kept = await pool.run(is_heap_kept)
    finally:
        pool.close()
    if sys.platform == "linux" and platform.libc_ver()[0] == "glibc":
        assert kept is True
    assert is_heap_kept() is False  # the calling process is left as it was
