"""The CPU worker pool survives a worker process dying."""

from __future__ import annotations

import os

import pytest

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


def test_process_workers_start_when_stderr_has_no_file_descriptor():
    """Inside the Textual app sys.stderr is a capture object whose fileno() is -1; spawning
    the pool failed there with 'bad value(s) in fds_to_keep' (multiprocessing's resource
    tracker passes stderr's descriptor to its child).  A fresh interpreter, so the tracker
    is not already running."""
    import subprocess
    import sys

    script = """
import asyncio, io, sys
from briefing_tui.feeds.workers import WorkerPool, is_heap_kept

class Captured(io.StringIO):
    def fileno(self):
        return -1

async def main():
    pool = WorkerPool(processes=True, max_bytes=1)
    try:
        return await pool.run(len, "four")
    finally:
        pool.close()

sys.stderr = Captured()
result = asyncio.run(main())
sys.stderr = sys.__stderr__
print(result)
"""
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "4"


def output_targets() -> list[str]:
    return [os.path.realpath(f"/proc/self/fd/{fd}") for fd in (1, 2)]


@pytest.mark.skipif(not os.path.exists("/proc/self/fd"), reason="needs /proc")
async def test_worker_output_goes_to_dev_null():
    """Whatever a library prints in a worker must not land on the app's screen."""
    pool = WorkerPool(processes=True, max_bytes=1_000_000)
    try:
        assert await pool.run(output_targets) == [os.devnull, os.devnull]
    finally:
        pool.close()
