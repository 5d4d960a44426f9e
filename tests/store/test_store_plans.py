"""The list queries stay index-backed: no table scan over the bodies, no sort of 100k rows.

bench/store_bench.py has the timings; this only pins the query plans that make them."""

from __future__ import annotations

import pytest

from briefing_tui.models import HeadlineQuery
from briefing_tui.store.badges import NEEDING_FACTS_SQL
from briefing_tui.store.queries import headline_select


def plan(store, query):
    sql, params = headline_select(query)
    return [row[3] for row in store.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


@pytest.mark.parametrize(
    ("query", "index"),
    [
        (HeadlineQuery(), "articles_newest"),
        (HeadlineQuery(unread_only=True), "articles_newest"),
        (HeadlineQuery(sort="severity"), "articles_severity"),
        (HeadlineQuery(feed_ids=(3,)), "articles_by_feed"),
        (HeadlineQuery(feed_ids=(3,), unread_only=True), "articles_by_feed"),
    ],
)
def test_list_queries_use_a_covering_index_without_sorting(store, query, index):
    steps = plan(store, query)
    assert any(f"COVERING INDEX {index}" in step for step in steps), steps
    assert not any("TEMP B-TREE" in step for step in steps), steps


def test_filters_use_their_indexes(store):
    steps = plan(store, HeadlineQuery(feed_ids=(3, 4)))
    assert any("COVERING INDEX articles_by_feed" in s for s in steps), steps
    assert any("feed_tags_tag" in s for s in plan(store, HeadlineQuery(tag="x")))
    steps = plan(store, HeadlineQuery(fact_category="deaths", fact_min=5))
    assert any("badges_by_value" in s for s in steps), steps


def test_facts_queue_is_read_from_its_index(store):
    steps = [
        row[3]
        for row in store.conn.execute(
            "EXPLAIN QUERY PLAN " + NEEDING_FACTS_SQL, {"v": 1, "limit": 10}
        )
    ]
    assert not any(step.startswith("SCAN articles") for step in steps), steps
    assert any("articles_facts_version" in step for step in steps), steps
