"""The fact index pass: what a refresh stored gets its badges afterwards, in one thread or
on both cores, with the same result either way, and the reader runs it before listing."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefing_tui.facts import EXTRACTOR_VERSION, extract_facts, summarize
from briefing_tui.models import HeadlineQuery, ParsedEntry
from briefing_tui.services import factindex
from briefing_tui.services.factindex import facts_pending, index_facts
from briefing_tui.store import Store

NOW = datetime(2026, 3, 1, tzinfo=UTC)
TEXTS = (
    "At least 18 people were killed and 40 injured when floodwaters hit the valley.",
    "Police arrested 12 protesters near the port on Sunday, officials said.",
    "About 2,000 residents were displaced; dozens of people are missing.",
    "The council met on Tuesday to discuss the budget for next year.",
)


def fill(path, count: int) -> dict[int, str]:
    with Store(path) as store:
        feed = store.add_feed("https://a.test/rss")
        entries = [
            ParsedEntry(guid=f"g{i}", link="", title=f"T{i}", body=f"{TEXTS[i % 4]} Item {i}.")
            for i in range(count)
        ]
        ids = store.upsert_entries(feed.id, entries, NOW).new_ids
    return {i: e.body for i, e in zip(ids, entries, strict=True)}


def badges_by_id(path) -> dict[int, set]:
    with Store(path) as store:
        return {
            h.id: {(b.category, b.value, b.approx) for b in h.badges}
            for h in store.headlines(HeadlineQuery())
        }


@pytest.mark.parametrize("parallel", [False, True])
def test_the_pass_indexes_everything_pending_once(tmp_path, parallel):
    bodies = fill(tmp_path / "a.db", 600)
    with Store(tmp_path / "a.db") as store:
        assert facts_pending(store)
        assert index_facts(store, parallel=parallel) == 600
        assert not facts_pending(store) and index_facts(store) == 0
    got = badges_by_id(tmp_path / "a.db")
    for article_id, body in bodies.items():
        want = {(b.category, b.value, b.approx) for b in summarize(extract_facts(body)).badges()}
        assert got[article_id] == want
    assert sum(1 for v in got.values() if v) == 450  # the fourth text has no figures


def test_workers_and_one_thread_store_the_same_badges(tmp_path):
    fill(tmp_path / "one.db", 300)
    fill(tmp_path / "two.db", 300)
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "two.db") as two:
        index_facts(one, parallel=False)
        index_facts(two, parallel=True)
    assert badges_by_id(tmp_path / "one.db") == badges_by_id(tmp_path / "two.db")


def test_a_failing_worker_pool_leaves_the_rest_to_this_thread(tmp_path, monkeypatch):
    fill(tmp_path / "a.db", 50)

    def broken(store, meanwhile, stop):
        raise RuntimeError("worker died")

    monkeypatch.setattr(factindex, "_in_workers", broken)
    with Store(tmp_path / "a.db") as store:
        assert index_facts(store, parallel=True) == 50
        assert store.articles_needing_facts(EXTRACTOR_VERSION) == []


def test_a_big_backlog_goes_to_the_workers(tmp_path, monkeypatch):
    fill(tmp_path / "a.db", 30)
    used = []
    real = factindex._in_workers
    monkeypatch.setattr(factindex, "PARALLEL_MIN", 20)
    monkeypatch.setattr(
        factindex,
        "_in_workers",
        lambda store, meanwhile, stop: used.append(1) or real(store, meanwhile, stop),
    )
    monkeypatch.setattr(factindex.os, "cpu_count", lambda: 2)
    with Store(tmp_path / "a.db") as store:
        assert index_facts(store) == 30
    assert used == [1]


@pytest.mark.parametrize("parallel", [False, True])
def test_meanwhile_runs_once_while_workers_extract_and_never_without_them(tmp_path, parallel):
    fill(tmp_path / "a.db", 40)
    calls = []
    with Store(tmp_path / "a.db") as store:
        assert index_facts(store, parallel=parallel, meanwhile=lambda: calls.append(1)) == 40
    assert calls == ([1] if parallel else [])


def test_library_index_all_fills_both_indexes(tmp_path, monkeypatch):
    from briefing_tui.services.library import Library
    from briefing_tui.services.settings import Settings

    fill(tmp_path / "a.db", 30)
    monkeypatch.setattr(factindex, "PARALLEL_MIN", 10)  # the overlapped path
    monkeypatch.setattr(factindex.os, "cpu_count", lambda: 2)
    library = Library(tmp_path / "a.db", Settings())
    try:
        assert library.index_all() == (30, 30)
        assert library.index_all() == (0, 0)
        assert library.store.search_pending() == 0 and not library.facts_pending()
    finally:
        library.close()


@pytest.mark.parametrize("parallel", [False, True])
def test_should_stop_ends_the_pass_after_a_batch_and_the_next_pass_resumes(tmp_path, parallel):
    fill(tmp_path / "a.db", 1_000)
    asked = []

    def stop_after_first_batch() -> bool:
        asked.append(1)
        return len(asked) > 1

    with Store(tmp_path / "a.db") as store:
        first = index_facts(store, parallel=parallel, should_stop=stop_after_first_batch)
        assert 0 < first < 1_000  # stopped early, what it did is stored
        assert len(store.articles_needing_facts(EXTRACTOR_VERSION, 2_000)) == 1_000 - first
        assert index_facts(store, parallel=False) == 1_000 - first
