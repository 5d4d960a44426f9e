"""The fact index: each article's headline figures kept in the store, so the list can show
badges, sort by severity and filter by facts without re-reading every body.

Like the search index, it is derived data built after a refresh, not during it: a refresh
fetches, parses, sanitizes and stores (the work newsboat's reload does), and the index pass
then extracts what is new or changed.  The reader runs the pass (the app right after its own
refresh and, in the background, at start-up; `briefing articles` before it lists), so a cron
`briefing fetch` returns as soon as the articles are safe on disk.  A changed
EXTRACTOR_VERSION re-indexes everything the same way.  A large backlog (a first fetch of
many feeds) is extracted on both cores.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.feeds.workers import WorkerPool, badges_job, text_badges
from briefing_tui.store import Store

PARALLEL_MIN = 1_000
"""From this many pending articles on, extract in worker processes (starting them costs
~0.3 s of CPU; 1,000 bench articles take ~0.15 s on one core)."""
BATCH = 250
"""Articles per worker job (and per write transaction)."""


def facts_pending(store: Store) -> bool:
    return bool(store.articles_needing_facts(EXTRACTOR_VERSION, 1))


def index_facts(
    store: Store,
    *,
    parallel: bool | None = None,
    meanwhile: Callable[[], object] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> int:
    """Extract and store badges for every article not yet indexed by this extractor version;
    returns how many.  `parallel` forces (True) or forbids (False) the worker processes.
    `meanwhile` is called once while the workers extract their first jobs (other store work
    that would otherwise wait, such as the search index); without workers it is not called.
    `should_stop` is asked after every batch: the app quitting in the middle of re-indexing a
    big cache must not wait for the rest (what is stored stays; the next pass resumes)."""
    done = 0
    if parallel is None:
        backlog = len(store.articles_needing_facts(EXTRACTOR_VERSION, PARALLEL_MIN))
        parallel = backlog >= PARALLEL_MIN and (os.cpu_count() or 1) > 1
    if parallel:
        try:
            done += _in_workers(store, meanwhile, should_stop)
        except Exception:  # noqa: S110 - a dead worker: this thread does what is left
            pass
    while not should_stop() and (rows := store.articles_needing_facts(EXTRACTOR_VERSION, BATCH)):
        # The body only, so the badges agree with the sidebar of the opened article.
        items = [(article_id, text_badges(body)) for article_id, _, body in rows]
        store.set_badges_many(items, EXTRACTOR_VERSION)
        done += len(items)
    return done


def _in_workers(
    store: Store, meanwhile: Callable[[], object] | None, should_stop: Callable[[], bool]
) -> int:
    done = 0
    pool = WorkerPool(processes=True, max_bytes=0)
    pool.start()  # the workers start up while the first rows are read
    try:
        while rows := store.articles_needing_facts(EXTRACTOR_VERSION, 16 * BATCH):
            jobs: list[Sequence[tuple[int, str]]] = [
                [(r[0], r[2]) for r in rows[i : i + BATCH]] for i in range(0, len(rows), BATCH)
            ]
            futures = pool.submit_all(badges_job, jobs)
            if meanwhile is not None:  # store work that overlaps the first extraction
                meanwhile()
                meanwhile = None
            for items in pool.completed(futures):
                store.set_badges_many(items, EXTRACTOR_VERSION)
                done += len(items)
                if should_stop():
                    return done  # the pool's close() cancels the jobs not yet started
    finally:
        pool.close()
    return done
