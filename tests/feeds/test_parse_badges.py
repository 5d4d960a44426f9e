"""Badges extracted while parsing a first fetch are stored with the new articles they belong
to; known articles and bodies the store had to cut are left for the fact index."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.feeds.workers import badges_job, parse_badges_job
from briefing_tui.models import HeadlineQuery, ParsedEntry, ParsedFeed
from briefing_tui.sanitize import MAX_BODY
from briefing_tui.store import Store

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
KILLED = "At least 12 people were killed in the blast."
ARRESTED = "Police arrested 37 demonstrators near the port."


def entries(*pairs: tuple[str, str]) -> tuple[ParsedEntry, ...]:
    return tuple(ParsedEntry(guid=g, link="", title=g, body=body) for g, body in pairs)


def stored_badges(store: Store, feed_id: int) -> dict[str, set]:
    headlines = store.headlines(HeadlineQuery(feed_ids=(feed_id,)))
    return {h.title: {(b.category, b.value) for b in h.badges} for h in headlines}


def test_parse_badges_job_returns_one_badge_tuple_per_entry():
    doc = (
        b'<rss version="2.0"><channel><title>T</title>'
        b"<item><guid>a</guid><description>At least 12 people were killed.</description></item>"
        b"<item><guid>b</guid><description>Nothing here.</description></item>"
        b"</channel></rss>"
    )
    parsed, badges = parse_badges_job(doc, {}, "https://example.org/", 1_000_000)
    assert isinstance(parsed, ParsedFeed) and len(badges) == 2
    assert [b.category for b in badges[0]] == ["deaths"] and badges[1] == ()
    failure, none = parse_badges_job(b"not a feed", {}, "https://example.org/", 1_000_000)
    assert none is None and failure.reason


def test_first_fetch_badges_map_to_new_ids_even_with_a_repeated_item(tmp_path):
    feed = ParsedFeed(
        title="T",
        site_url="",
        entries=entries(("a", KILLED), ("b", "quiet"), ("a", "x"), ("c", ARRESTED)),
    )
    badges = [tuple(b) for _, b in badges_job(list(enumerate(e.body for e in feed.entries)))]
    with Store(tmp_path / "b.db") as store:
        feed_id = store.add_feed("https://example.org/feed").id
        store.upsert_entries(
            feed_id, feed.entries, T0, badges=badges, facts_version=EXTRACTOR_VERSION
        )
        assert store.articles_needing_facts(EXTRACTOR_VERSION) == []
        got = stored_badges(store, feed_id)
    assert got == {"a": {("deaths", 12)}, "b": set(), "c": {("arrests", 37)}}


def test_known_articles_keep_their_state_and_only_new_ones_take_badges(tmp_path):
    first = ParsedFeed(title="T", site_url="", entries=entries(("a", KILLED)))
    second = ParsedFeed(title="T", site_url="", entries=entries(("b", ARRESTED), ("a", KILLED)))
    badges = [tuple(b) for _, b in badges_job(list(enumerate(e.body for e in second.entries)))]
    with Store(tmp_path / "b.db") as store:
        feed_id = store.add_feed("https://example.org/feed").id
        store.upsert_entries(feed_id, first.entries, T0)
        up = store.upsert_entries(
            feed_id, second.entries, T0, badges=badges, facts_version=EXTRACTOR_VERSION
        )
        pending = {title for _, title, _ in store.articles_needing_facts(EXTRACTOR_VERSION)}
        got = stored_badges(store, feed_id)
    assert len(up.new_ids) == 1 and up.updated_ids == ()
    assert pending == {"a"}  # stored before without badges: the fact index does it
    assert got == {"a": set(), "b": {("arrests", 37)}}


def test_a_body_the_store_cuts_is_left_for_the_fact_index(tmp_path):
    long_body = KILLED + " filler" * (MAX_BODY // 6)
    feed = ParsedFeed(title="T", site_url="", entries=entries(("long", long_body), ("c", ARRESTED)))
    badges = [tuple(b) for _, b in badges_job(list(enumerate(e.body for e in feed.entries)))]
    with Store(tmp_path / "b.db") as store:
        feed_id = store.add_feed("https://example.org/feed").id
        store.upsert_entries(
            feed_id, feed.entries, T0, badges=badges, facts_version=EXTRACTOR_VERSION
        )
        pending = {title for _, title, _ in store.articles_needing_facts(EXTRACTOR_VERSION)}
        got = stored_badges(store, feed_id)
    assert pending == {"long"}
    assert got["c"] == {("arrests", 37)} and got["long"] == set()


def test_badges_of_the_wrong_length_are_ignored(tmp_path):
    feed = ParsedFeed(title="T", site_url="", entries=entries(("a", KILLED), ("c", ARRESTED)))
    with Store(tmp_path / "b.db") as store:
        feed_id = store.add_feed("https://example.org/feed").id
        store.upsert_entries(feed_id, feed.entries, T0, badges=[()], facts_version=1)
        pending = {title for _, title, _ in store.articles_needing_facts(EXTRACTOR_VERSION)}
    assert pending == {"a", "c"}
