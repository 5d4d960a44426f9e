"""Hostile feed text, parsed and stored, then searched: it is data, never SQL or a pattern.

The store's own tests cover its API with hand-made entries; this goes through the parser
first, the way refresh feeds it, and checks the text comes back byte-for-byte.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefing_tui.feeds.parse import parse_feed
from briefing_tui.models import HeadlineQuery
from briefing_tui.store import Store

NOW = datetime(2026, 11, 26, tzinfo=UTC)
TITLES = [
    "'); DROP TABLE articles; --",
    "Robert'); DELETE FROM feeds WHERE 1=1; --",
    "100% certain",
    "snake_case wins",
    "back\\slash and \\% and \\_",
    '" OR ""="',
    "x' UNION SELECT guid, body FROM articles --",
]


@pytest.fixture
def store(tmp_path):
    items = "".join(
        f"<item><title><![CDATA[{t}]]></title><guid>{i}' OR '1'='1</guid>"
        f"<description><![CDATA[body {i} %% __ {t}]]></description></item>"
        for i, t in enumerate(TITLES)
    )
    doc = f'<rss version="2.0"><channel><title>F</title>{items}</channel></rss>'.encode()
    parsed = parse_feed(doc, {"content-type": "application/rss+xml"}, "https://f.example/")
    s = Store(tmp_path / "briefing.db")
    feed = s.add_feed("https://f.example/", "F' --", ["%"])
    s.upsert_entries(feed.id, parsed.entries, NOW)
    s.index_search()
    yield s
    s.close()


def test_sql_looking_titles_round_trip_exactly(store):
    titles = {h.title for h in store.headlines(HeadlineQuery(include_dismissed=True))}
    assert titles == set(TITLES)
    assert [f.title for f in store.feeds()] == ["F' --"]


@pytest.mark.parametrize("pattern", ["%", "_", "%%", "__", "\\", "\\%", "*", "' OR 1=1 --", '"'])
def test_wildcards_and_quotes_match_nothing_extra(store, pattern):
    hits = store.headlines(HeadlineQuery(search=pattern, include_dismissed=True))
    # no pattern may act as "match everything"
    assert len(hits) < len(TITLES)


def test_words_from_hostile_titles_are_searchable(store):
    hits = store.headlines(HeadlineQuery(search="certain", include_dismissed=True))
    assert [h.title for h in hits] == ["100% certain"]
    hits = store.headlines(HeadlineQuery(search="DROP", include_dismissed=True))
    assert [h.title for h in hits] == ["'); DROP TABLE articles; --"]


def test_tag_filter_with_a_wildcard_is_literal(store):
    assert len(store.headlines(HeadlineQuery(tag="%"))) == len(TITLES)
    assert store.headlines(HeadlineQuery(tag="_")) == []
