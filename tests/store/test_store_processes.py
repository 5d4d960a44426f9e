"""Several processes on one file: no "database is locked", no lost state, kill -9 is safe."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from briefing_tui.models import HeadlineQuery
from briefing_tui.store import Store

# A refresh-like writer: many short upsert transactions into one feed.  argv: db, feed url,
# first, count, batch, body tag, loops (0 = forever).  Prints one line per committed batch.
WRITER = r"""
import os, sys, time
from datetime import UTC, datetime
from briefing_tui.models import ParsedEntry
from briefing_tui.store import Store

db, url, first, count, batch, tag, loops = sys.argv[1:8]
open(db + ".ready-" + tag, "w").close()
while not os.path.exists(db + ".go"):  # start together with the other writers
    time.sleep(0.005)
first, count, batch, loops = int(first), int(count), int(batch), int(loops)
store = Store(db)
feed = store.feed_by_url(url)
now = datetime(2026, 3, 1, tzinfo=UTC)
print(0, 0, time.time(), flush=True)  # when this writer began competing for the lock
n = 0
while loops == 0 or n < loops:
    for start in range(first, first + count, batch):
        entries = [
            ParsedEntry(guid=f"g{i}", link=f"https://x.test/{i}", title=f"Item {i}",
                        body=(f"item {i} {tag} " * 200) + f"end {i}")
            for i in range(start, min(start + batch, first + count))
        ]
        result = store.upsert_entries(feed.id, entries, now)
        store.set_state(f"progress-{tag}", str(start))
        print(len(result.new_ids), len(result.updated_ids), time.time(), flush=True)
    n += 1
"""


def _go(db):
    """Let the writers waiting on `db` start."""
    (db.parent / (db.name + ".go")).touch()


def _writer(db, url, first, count, batch, tag, loops=1):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db), url, str(first), str(count), str(batch), tag,
         str(loops)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def test_two_writers_and_a_reader_at_once(tmp_path):
    db = tmp_path / "briefing.db"
    store = Store(db)
    shared = store.add_feed("https://shared.test/rss")
    own = store.add_feed("https://own.test/rss")
    # Two "briefing fetch" runs write the same feed (with different text) and another one.
    procs = [
        _writer(db, shared.url, 0, 400, 10, "one"),
        _writer(db, shared.url, 0, 400, 10, "two"),
        _writer(db, own.url, 1000, 300, 10, "own"),
    ]
    deadline = time.monotonic() + 60
    while len(list(tmp_path.glob("briefing.db.ready-*"))) < 3:  # all imported and open
        assert time.monotonic() < deadline and all(p.poll() is None for p in procs)
        time.sleep(0.01)
    _go(db)  # now they start at the same moment
    # Meanwhile the "TUI" stars and reads whatever has arrived.
    starred: set[int] = set()
    while any(p.poll() is None for p in procs):
        ids = store.headline_ids(HeadlineQuery(feed_ids=(shared.id,), limit=50))
        store.set_read(ids, True)
        store.set_starred(ids[:5], True)
        starred.update(ids[:5])
        time.sleep(0.01)
    spans = []
    for proc in procs:
        out, err = proc.communicate()
        assert proc.returncode == 0, err
        assert "locked" not in err
        stamps = [float(line.split()[2]) for line in out.splitlines()]
        spans.append((min(stamps), max(stamps)))
    assert max(s for s, _ in spans) < min(e for _, e in spans)  # the writers competed
    counts = {f.url: f.article_count for f in store.feeds()}
    assert counts == {shared.url: 400, own.url: 300}  # nothing lost, nothing duplicated
    rows = store.headlines_by_ids(sorted(starred))
    assert starred and all(h.starred and h.read for h in rows)  # triage survived the refresh
    store.close()


def test_kill_9_mid_upsert_leaves_a_consistent_file(tmp_path):
    db = tmp_path / "briefing.db"
    with Store(db) as store:
        feed = store.add_feed("https://big.test/rss")
    batch = 400
    _go(db)
    proc = _writer(db, feed.url, 0, 20_000, batch, "crash", loops=0)
    for _ in range(4):  # the start line, then a few commits; kill during the next ones
        assert proc.stdout.readline(), proc.stderr.read()
    time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    proc.stderr.close()
    with Store(db) as store:
        assert store.integrity_check()
        store.index_search()
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        titles_bodies = store.conn.execute("SELECT guid, title, body FROM articles").fetchall()
        # Whole batches only, and every article complete.
        assert titles_bodies and len(titles_bodies) % batch == 0
        for guid, title, body in titles_bodies:
            n = guid[1:]
            assert title == f"Item {n}" and body.endswith(f"end {n}")
        # The next run carries on normally.
        done = _writer(db, feed.url, 0, 2 * batch, batch, "again")
        out, err = done.communicate()
        assert done.returncode == 0, err
        assert store.feed(feed.id).article_count >= len(titles_bodies)
