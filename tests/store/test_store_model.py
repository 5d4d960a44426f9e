"""Property test: any sequence of refreshes leaves the store equal to a tiny reference model.

The model: an entry's identity is its guid, else its link, else its (title, body); within
one refresh the first occurrence wins; the stored text is the last text sent; read state,
once set, survives every later refresh; the search index always matches the table.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from storehelp import NOW

from briefing_tui.models import HeadlineQuery, ParsedEntry
from briefing_tui.store import Store

entries = st.builds(
    ParsedEntry,
    guid=st.sampled_from(["", "a", "b", "\x00c", "d" * 5000]),
    link=st.sampled_from(["", "https://x.test/1", "https://x.test/2"]),
    title=st.sampled_from(["", "flood", "protest", "NEAR(", '"']),
    body=st.sampled_from(["", "one", "two three", "\ud800"]),
)
refreshes = st.lists(st.lists(entries, max_size=6), min_size=1, max_size=5)


def identity(entry: ParsedEntry) -> tuple:
    if entry.guid:
        return ("g", entry.guid)
    if entry.link:
        return ("l", entry.link)
    return ("h", entry.title, entry.body)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(refreshes, st.randoms(use_true_random=False))
def test_refreshes_match_the_model(batches, rng):
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.db") as store:
        feed = store.add_feed("https://x.test/rss")
        expected: dict[tuple, ParsedEntry] = {}
        ids: dict[tuple, int] = {}
        read: set[int] = set()
        for batch in batches:
            result = store.upsert_entries(feed.id, batch, NOW)
            firsts: dict[tuple, ParsedEntry] = {}
            for entry in batch:
                firsts.setdefault(identity(entry), entry)
            new = [k for k in firsts if k not in expected]
            assert len(result.new_ids) == len(new)
            ids.update(zip(new, result.new_ids, strict=True))
            expected.update(firsts)
            chosen = [i for i in ids.values() if rng.random() < 0.5]
            store.set_read(chosen, True)
            read.update(chosen)
        assert store.feed(feed.id).article_count == len(expected)
        for key, entry in expected.items():
            article = store.article(ids[key])
            assert article.title == entry.title.replace("\x00", "")
            assert article.read == (ids[key] in read)
        store.headline_ids(HeadlineQuery(search="flood"))  # drains the index queue
        store.conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
