"""Every file of feedparser's own test corpus goes through parse_feed without an exception.

A clean refusal (FeedError, e.g. "not a feed") is the defined outcome for documents that are
not feeds; anything else escaping parse_feed would be a crash in the refresh path.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing_tui.errors import FeedError
from briefing_tui.feeds.parse import parse_feed

REPO = Path(__file__).resolve().parents[2]
CORPUS = (REPO / ".." / "shared" / "corpus" / "feedparser").resolve()
FILES = sorted(p for p in CORPUS.rglob("*") if p.is_file()) if CORPUS.is_dir() else []
SHARDS = 8

pytestmark = pytest.mark.skipif(not FILES, reason=f"feedparser corpus not found at {CORPUS}")


@pytest.mark.parametrize("shard", range(SHARDS))
def test_corpus_shard_parses_without_exception(shard):
    refused, parsed = [], 0
    for path in FILES[shard::SHARDS]:
        try:
            parse_feed(path.read_bytes(), {}, "http://example.org/feed.xml")
            parsed += 1
        except FeedError:
            refused.append(path.name)
    # the corpus is overwhelmingly feeds: only a few non-feed files (README, LICENSE...)
    assert parsed > 200 and len(refused) <= 10, refused


def test_corpus_is_complete():
    assert len(FILES) > 2000
