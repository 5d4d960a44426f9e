"""Store benchmark: the queries the headline list runs, on a 100k-article cache.

    .venv/bin/python bench/store_bench.py [--feeds 200] [--items 500] [--runs 5] [--db PATH]

Builds the cache through the public Store API (200 feeds x 500 synthetic articles of about
1 kB of text, a third of them with fact badges), then times each query 5 times and prints
the median.  Baseline in the same run: `SELECT id FROM articles` with no order and no
filter, the floor for handing 100k ids to Python; the ratio column is query / baseline.
With --db an existing file is reused (built there first if missing).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.models import CATEGORIES, FactBadge, HeadlineQuery, ParsedEntry
from briefing_tui.store import Store

NOW = datetime(2026, 3, 1, tzinfo=UTC)
WORDS = (
    "police protest flood storm troops border ministry officials village city capital "
    "rebels army ceasefire talks election court judge hospital rescue quake fire drought "
    "harvest market prices bank strike union workers students camp refugees aid convoy "
    "bridge road rail port airport coast river valley mountain island region province"
).split()


def _entry(rng: random.Random, feed: int, item: int) -> ParsedEntry:
    words = rng.choices(WORDS, k=160)
    body = "\n\n".join(" ".join(words[i : i + 40]).capitalize() + "." for i in range(0, 160, 40))
    title = " ".join(rng.choices(WORDS, k=7)).capitalize()
    if rng.random() < 0.01:
        title += " zanzibarite"  # a rare word for the selective search
    return ParsedEntry(
        guid=f"urn:bench:{feed}:{item}",
        link=f"https://feed{feed}.test/item/{item}",
        title=title,
        body=body,
        published=NOW - timedelta(minutes=rng.randrange(0, 60 * 24 * 365)),
    )


def build(path: Path, feeds: int, items: int) -> dict[str, float]:
    rng = random.Random(1)
    store = Store(path)
    t0 = time.perf_counter()
    for f in range(feeds):
        feed = store.add_feed(f"https://feed{f}.test/rss", f"Feed {f:03d}", [f"tag{f % 10}"])
        store.upsert_entries(feed.id, [_entry(rng, f, i) for i in range(items)], NOW)
    t_insert = time.perf_counter() - t0
    t0 = time.perf_counter()
    store.index_search()
    t_fts = time.perf_counter() - t0
    ids = [row[0] for row in store.conn.execute("SELECT id FROM articles")]
    badged = [
        (i, [FactBadge(rng.choice(CATEGORIES), rng.randrange(1, 5000), "exact")]) for i in ids[::3]
    ]
    t0 = time.perf_counter()
    for article_id, badges in badged[:1000]:
        store.set_badges(article_id, badges, EXTRACTOR_VERSION)
    t_one = (time.perf_counter() - t0) / min(1000, len(badged))
    t0 = time.perf_counter()
    for start in range(1000, len(badged), 500):
        store.set_badges_many(badged[start : start + 500], EXTRACTOR_VERSION)
    t_many = (time.perf_counter() - t0) / max(len(badged) - 1000, 1)
    with_badges = set(ids[::3])
    unbadged = [(i, []) for i in ids if i not in with_badges]
    for start in range(0, len(unbadged), 500):
        store.set_badges_many(unbadged[start : start + 500], EXTRACTOR_VERSION)
    store.set_read(ids[::2], True)
    store.set_starred(ids[::50], True)
    store.close()
    return {"insert": t_insert, "fts": t_fts, "one": t_one, "many": t_many}


def median_ms(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=200)
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args(argv)
    tmp = None
    path = args.db
    if path is None:
        tmp = tempfile.TemporaryDirectory()
        path = Path(tmp.name) / "bench.db"
    if not path.exists():
        n = args.feeds * args.items
        print(f"building {n:,} articles ({args.feeds} feeds x {args.items}) in {path} ...")
        built = build(path, args.feeds, args.items)
        size = path.stat().st_size / 1e6
        print(
            f"upsert_entries: {built['insert']:.2f} s ({n / built['insert']:,.0f} articles/s,"
            f" one transaction per feed); index_search: {built['fts']:.2f} s"
            f" ({n / built['fts']:,.0f} articles/s); file {size:.0f} MB\n"
            f"set_badges: {built['one'] * 1e6:.0f} us/article one transaction each,"
            f" {built['many'] * 1e6:.0f} us/article with set_badges_many (500 per transaction)"
        )
    run_queries(path, args.runs)
    if tmp is not None:
        tmp.cleanup()


def run_queries(path: Path, runs: int) -> None:
    store = Store(path)
    ids = store.headline_ids(HeadlineQuery())
    mid = ids[len(ids) // 2 :][:60]
    cases: list[tuple[str, Callable[[], object]]] = [
        ("baseline: SELECT id FROM articles", lambda: store.conn.execute(
            "SELECT id FROM articles").fetchall()),
        ("open Store (existing file)", lambda: Store(path).close()),
        ("headline_ids newest (all)", lambda: store.headline_ids(HeadlineQuery())),
        ("headline_ids unread_only", lambda: store.headline_ids(HeadlineQuery(unread_only=True))),
        ("headline_ids sort=feed", lambda: store.headline_ids(HeadlineQuery(sort="feed"))),
        ("headline_ids sort=severity", lambda: store.headline_ids(HeadlineQuery(sort="severity"))),
        ("headline_ids tag filter", lambda: store.headline_ids(HeadlineQuery(tag="tag3"))),
        ("headline_ids one feed", lambda: store.headline_ids(HeadlineQuery(feed_ids=(7,)))),
        ("headline_ids deaths >= 1000", lambda: store.headline_ids(
            HeadlineQuery(fact_category="deaths", fact_min=1000))),
        ("headlines_by_ids (first 60)", lambda: store.headlines_by_ids(ids[:60])),
        ("headlines_by_ids (60 mid-list)", lambda: store.headlines_by_ids(mid)),
        ("article(id)", lambda: store.article(ids[len(ids) // 2])),
        ("search rare word (ranked)", lambda: store.headline_ids(
            HeadlineQuery(search="zanzibarite"))),
        ("search common word (ranked)", lambda: store.headline_ids(HeadlineQuery(search="police"))),
        ("search two words (ranked)", lambda: store.headline_ids(
            HeadlineQuery(search="flood convoy"))),
        ("unread_count", store.unread_count),
        ("feeds() with counts", store.feeds),
        ("feed_by_url (one, with counts)", lambda: store.feed_by_url("https://feed7.test/rss")),
        ("articles_needing_facts (none)", lambda: store.articles_needing_facts(1, 4000)),
        ("set_read 1 id", lambda: store.set_read([ids[0]], True)),
    ]  # fmt: skip
    timed = []
    for name, fn in cases:
        ms, result = median_ms(fn, runs)
        timed.append((name, ms, len(result) if isinstance(result, list) else ""))
    base = timed[0][1]
    print(f"\n{len(ids):,} visible articles, medians of {runs} runs\n")
    print(f"{'operation':<34} {'median ms':>10} {'rows':>8} {'x baseline':>11}")
    print("-" * 66)
    for name, ms, rows in timed:
        print(f"{name:<34} {ms:>10.2f} {rows!s:>8} {ms / base:>11.2f}")
    store.close()


if __name__ == "__main__":
    sys.exit(main())
