"""HeadlineQuery: every filter, every order, FTS ranking and hostile search strings."""

from __future__ import annotations

import pytest
from storehelp import NOW, make_entry

from briefing_tui.models import FactBadge, HeadlineQuery
from briefing_tui.store.queries import fts_query, severity_score


@pytest.fixture
def world(store):
    """Two tagged feeds plus an untagged one, with known articles and states."""
    alpha = store.add_feed("https://a.test/rss", "Alpha News", ["world", "Europe"])
    beta = store.add_feed("https://b.test/rss", "beta wire", ["world"])
    gamma = store.add_feed("https://c.test/rss", "", [])  # no title: sorts by URL
    ids = {}
    ids["a1"], ids["a2"], ids["a3"] = store.upsert_entries(
        alpha.id,
        [
            make_entry(1, title="Floods kill dozens", body="Rivers burst their banks."),
            make_entry(5, title="Election results", body="Counting continues."),
            make_entry(9, title="Market report", body="Floods of buyers; flood of sellers."),
        ],
        NOW,
    ).new_ids
    ids["b1"], ids["b2"] = store.upsert_entries(
        beta.id,
        [
            make_entry(2, title="Protesters arrested", body="Police detained 200 people."),
            make_entry(7, title="Quiet day", body="Nothing happened."),
        ],
        NOW,
    ).new_ids
    (ids["c1"],) = store.upsert_entries(
        gamma.id, [make_entry(3, title="Camp grows", body="Thousands displaced.")], NOW
    ).new_ids
    store.set_read([ids["a2"], ids["b2"]], True)
    store.set_starred([ids["a3"], ids["b1"]], True)
    store.set_dismissed([ids["b2"]], True)
    store.set_badges(ids["a1"], [FactBadge("deaths", 30, "about", "dozens")], 1)
    store.set_badges(ids["b1"], [FactBadge("arrests", 200, "exact", "200")], 1)
    store.set_badges(
        ids["c1"],
        [FactBadge("displaced", 5000, "about", "thousands"), FactBadge("deaths", 2, "exact")],
        1,
    )
    return {"alpha": alpha, "beta": beta, "gamma": gamma, **ids}


def ids_for(store, **kwargs):
    return store.headline_ids(HeadlineQuery(**kwargs))


def test_default_is_newest_first_without_dismissed(store, world):
    w = world
    assert ids_for(store) == [w["a1"], w["b1"], w["c1"], w["a2"], w["a3"]]


def test_filters(store, world):
    w = world
    assert ids_for(store, include_dismissed=True) == [
        w["a1"], w["b1"], w["c1"], w["a2"], w["b2"], w["a3"],
    ]  # fmt: skip
    assert ids_for(store, unread_only=True) == [w["a1"], w["b1"], w["c1"], w["a3"]]
    assert ids_for(store, starred_only=True) == [w["b1"], w["a3"]]
    assert ids_for(store, feed_ids=(w["beta"].id,), include_dismissed=True) == [w["b1"], w["b2"]]
    assert ids_for(store, feed_ids=(w["beta"].id, w["gamma"].id)) == [w["b1"], w["c1"]]
    assert ids_for(store, tag="europe") == [w["a1"], w["a2"], w["a3"]]  # tags match any case
    assert ids_for(store, tag="world", unread_only=True) == [w["a1"], w["b1"], w["a3"]]
    assert ids_for(store, tag="nope") == []
    assert ids_for(store, fact_category="deaths") == [w["a1"], w["c1"]]
    assert ids_for(store, fact_category="deaths", fact_min=10) == [w["a1"]]
    assert ids_for(store, fact_category="arrests", fact_min=200) == [w["b1"]]
    assert ids_for(store, fact_category="arrests", fact_min=201) == []
    assert ids_for(store, fact_min=1000) == [w["c1"]]  # any category
    assert ids_for(store, limit=2) == [w["a1"], w["b1"]]
    assert ids_for(store, limit=2, offset=2) == [w["c1"], w["a2"]]
    assert ids_for(store, offset=4) == [w["a3"]]
    assert ids_for(store, limit=0) == []


def test_sort_by_feed_then_newest(store, world):
    w = world
    # "Alpha News", "beta wire" (case-insensitive), then the untitled feed by its URL.
    assert ids_for(store, sort="feed") == [w["a1"], w["a2"], w["a3"], w["b1"], w["c1"]]


def test_sort_by_severity_deaths_first(store, world):
    w = world
    # deaths 30 > deaths 2 (with 5000 displaced) > 200 arrests > no badges (newest first).
    assert ids_for(store, sort="severity") == [w["a1"], w["c1"], w["b1"], w["a2"], w["a3"]]


def test_severity_rule():
    assert severity_score([]) is None
    one_death = severity_score([FactBadge("deaths", 1, "exact")])
    many_arrests = severity_score([FactBadge("arrests", 10**9, "exact")])
    injured = severity_score([FactBadge("injuries", 5, "exact")])
    assert one_death > injured > many_arrests
    assert severity_score([FactBadge("deaths", 10**15, "exact")]) > one_death  # capped, sane


def test_headlines_by_ids_keeps_order_and_fills_badges(store, world):
    w = world
    order = [w["c1"], w["a3"], 999_999, w["a1"]]
    got = store.headlines_by_ids(order)
    assert [h.id for h in got] == [w["c1"], w["a3"], w["a1"]]
    camp = got[0]
    assert camp.feed_title == "https://c.test/rss"
    assert [b.category for b in camp.badges] == ["deaths", "displaced"]  # category order
    assert got[1].starred and not got[1].read and got[1].badges == ()
    assert store.headlines_by_ids([]) == []
    assert [h.id for h in store.headlines(HeadlineQuery(limit=2))] == [w["a1"], w["b1"]]


def test_search_ranks_title_matches_first(store, world):
    w = world
    # "flood" stems nothing; it matches exact tokens: title hit outranks body-only hits.
    assert ids_for(store, search="floods") == [w["a1"], w["a3"]]
    assert ids_for(store, search="flood*") == [w["a1"], w["a3"]]
    assert ids_for(store, search="FLOODS banks") == [w["a1"]]
    assert ids_for(store, search="police", include_dismissed=True) == [w["b1"]]
    assert ids_for(store, search="floods", feed_ids=(w["alpha"].id,), starred_only=True) == [
        w["a3"]
    ]
    assert ids_for(store, search="floods", sort="severity") == [w["a1"], w["a3"]]


@pytest.mark.parametrize(
    "text",
    ['"', "*", "NEAR(", "AND OR", "-", "%_\\", '"unbalanced', "flood\"s'", "(", ")", "^",
     "col:floods", "floods NOT", "NOT", "a AND", "\x00", "😀", "'; DROP TABLE articles; --",
     "x" * 5000, " ".join(["w"] * 500), "{title body}: x", "+", "NEAR(a b, 3)"],
)  # fmt: skip
def test_hostile_search_text_is_never_an_error(store, world, text):
    result = ids_for(store, search=text)
    assert isinstance(result, list)
    assert store.conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 6


def test_operators_are_searched_as_words(store, feed):
    ids = store.upsert_entries(
        feed.id,
        [
            make_entry(1, title="Talks NEAR collapse", body="and or not"),
            make_entry(2, title="Unrelated", body="nothing"),
        ],
        NOW,
    ).new_ids
    assert ids_for(store, search="NEAR") == [ids[0]]
    assert ids_for(store, search="AND OR") == [ids[0]]
    assert ids_for(store, search="talks -collapse") == [ids[0]]


def test_empty_and_wordless_searches(store, world):
    assert len(ids_for(store, search="")) == 5  # empty: no search filter
    assert len(ids_for(store, search="   ")) == 5
    assert ids_for(store, search='" * -') == []  # nothing searchable: nothing matches


def test_fts_query_quotes_every_word():
    assert fts_query('NEAR( a"b c*') == '"NEAR(" "a""b" "c"*'
    assert fts_query("*** ---") is None


def test_counts_exclude_dismissed(store, world):
    w = world
    assert store.unread_count() == 4  # b2 is read+dismissed, a2 read
    store.set_dismissed([w["a1"]], True)
    assert store.unread_count() == 3
    counts = {f.id: (f.article_count, f.unread_count) for f in store.feeds()}
    assert counts[w["alpha"].id] == (3, 1)
    assert counts[w["beta"].id] == (2, 1)
    store.set_read([w["b1"]], True)
    store.set_read([w["b1"]], False)
    assert store.unread_count() == 3
