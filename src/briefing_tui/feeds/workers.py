"""CPU work on both cores: parsing a refresh's feeds, and the fact index's extraction.

feedparser needs ~2.6 s of CPU for 10k items, so a large refresh parses in 2 worker processes
(spawned, never forked: the caller may be a threaded Textual app), and the fact index pass
over a large backlog does the same (services/factindex.py).  Small refreshes use 2 threads
instead, where starting processes would cost more than they save.  The pool is created on
first use, so an all-304 refresh never starts one.
Jobs are module-level functions that return values (never raise), so results and failures
cross the process boundary intact.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import (
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    as_completed,
)
from concurrent.futures.process import BrokenProcessPool as BrokenExecutor
from typing import TYPE_CHECKING, Any

from briefing_tui.feeds.parse import ParseFailure, parse_job
from briefing_tui.models import FactBadge, ParsedFeed

if TYPE_CHECKING:  # workers import this module: keep httpx out of them
    from briefing_tui.feeds.fetch import FetchResult

WORKERS = 2


def text_badges(body: str) -> tuple[FactBadge, ...]:
    """The headline badges of one text; a failing text gets none."""
    from briefing_tui.facts import extract_facts, summarize

    try:
        return tuple(summarize(extract_facts(body)).badges())
    except Exception:  # one pathological text must not lose the batch
        return ()


def badges_job(rows: Sequence[tuple[int, str]]) -> list[tuple[int, tuple[FactBadge, ...]]]:
    """(article id, body) -> (article id, headline badges); a failing text gets no badges."""
    return [(article_id, text_badges(body)) for article_id, body in rows]


def warm_up() -> None:
    """Import what the jobs need, so the first real job does not wait for it."""
    import briefing_tui.facts  # noqa: F401


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr.

    It starts on the first spawn and hands the child `sys.stderr.fileno()`; inside the
    Textual app stderr is a capture object whose fileno() is -1, and the spawn fails with
    "bad value(s) in fds_to_keep" (every refresh of 24+ feeds failed in the app).  Its
    stderr is /dev/null: it must not write over the app's screen either."""
    from multiprocessing import resource_tracker

    saved = sys.stderr
    try:
        with open(os.devnull, "w") as quiet:
            sys.stderr = quiet
            resource_tracker.ensure_running()
    finally:
        sys.stderr = saved


def silence_output() -> None:
    """In a worker: stdout and stderr go to /dev/null.  Workers report through return values;
    anything a library prints would otherwise land on the app's screen."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for fd in (1, 2):
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
    os.close(devnull)


def init_worker() -> None:
    """The pool's initializer: quiet output, keep freed heap (see keep_heap)."""
    silence_output()
    keep_heap()


HEAP_PAD = 16 << 20
heap_kept = False
"""Set in a worker process once keep_heap() took effect (the tests ask a worker)."""


def keep_heap() -> None:
    """In a worker (init_worker): let glibc keep HEAP_PAD of freed heap instead of returning it.

    Each feed's parse allocates and frees a few hundred kB (Lexbor's tokenizer, feedparser's
    dicts); by default glibc trims that from the top of the heap after every feed and the next
    one faults it back in.  Keeping 16 MB halves the worker's page faults and saves ~0.3-0.5 s
    of CPU per 10k items (measured on the fetch benchmark's feeds).  Elsewhere (no glibc:
    macOS, musl) this does nothing."""
    global heap_kept
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        heap_kept = bool(libc.mallopt(-2, HEAP_PAD))  # -2 = M_TOP_PAD
    except (OSError, AttributeError, TypeError, ValueError):
        heap_kept = False


def is_heap_kept() -> bool:
    return heap_kept


class WorkerPool:
    def __init__(self, processes: bool, max_bytes: int) -> None:
        self.processes = processes
        self.max_bytes = max_bytes
        self._executor: Executor | None = None

    def _get(self) -> Executor:
        if self._executor is None:
            if self.processes:
                _start_resource_tracker()
                ctx = multiprocessing.get_context("spawn")
                self._executor = ProcessPoolExecutor(
                    WORKERS, mp_context=ctx, initializer=init_worker
                )
            else:
                self._executor = ThreadPoolExecutor(WORKERS, thread_name_prefix="briefing-cpu")
        return self._executor

    def start(self) -> None:
        """Start the workers now (a cold refresh: their start-up overlaps the first fetches)."""
        executor = self._get()
        for _ in range(WORKERS):
            executor.submit(warm_up)

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """fn(*args) in the pool; a pool whose worker died is replaced and the job retried once
        (BrokenExecutor propagates if the retry breaks it too: that input kills parsers)."""
        from asyncio import get_running_loop  # here: worker processes never import asyncio

        for attempt in range(2):
            executor = self._get()
            try:
                return await get_running_loop().run_in_executor(executor, fn, *args)
            except BrokenExecutor:
                if self._executor is executor:  # the first job to notice replaces the pool
                    executor.shutdown(wait=False, cancel_futures=True)
                    self._executor = None
                if attempt:
                    raise
        raise AssertionError("unreachable")

    async def parse(self, result: FetchResult) -> ParsedFeed | ParseFailure:
        url = result.final_url or result.url
        try:
            return await self.run(parse_job, result.body, result.headers, url, self.max_bytes)
        except BrokenExecutor:
            return ParseFailure("the feed parser crashed on this document")

    def submit_all(self, fn: Callable[[Any], Any], jobs: Sequence[Any]) -> list[Future]:
        """fn(job) for every job, started now (for synchronous callers: the fact index)."""
        executor = self._get()
        return [executor.submit(fn, job) for job in jobs]

    @staticmethod
    def completed(futures: Sequence[Future]) -> Iterator[Any]:
        """Results in the order they finish; a dead worker raises BrokenExecutor here, and
        what has not started is cancelled when the caller stops early."""
        try:
            for future in as_completed(futures):
                yield future.result()
        finally:
            for future in futures:
                future.cancel()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
