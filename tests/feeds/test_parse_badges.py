"""Badges extracted while parsing a first fetch land on the right articles, or are left for
the post-refresh pass when the mapping to article ids is not certain."""

from __future__ import annotations

from datetime import UTC, datetime

from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.feeds.workers import badges_job, parse_badges_job
from briefing_tui.models import HeadlineQuery, ParsedEntry, ParsedFeed
from briefing_tui.services.refresh_writes import store_badges
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
        up = store.upsert_entries(feed_id, feed.entries, T0)
        store_badges(store, feed, badges, up.new_ids, up.updated_ids)
        assert store.articles_needing_facts(EXTRACTOR_VERSION) == []
        got = stored_badges(store, feed_id)
    assert got == {"a": {("deaths", 12)}, "b": set(), "c": {("arrests", 37)}}


def test_badges_are_left_for_the_post_pass_when_some_items_were_known(tmp_path):
    first = ParsedFeed(title="T", site_url="", entries=entries(("a", KILLED)))
    second = ParsedFeed(title="T", site_url="", entries=entries(("b", ARRESTED), ("a", KILLED)))
    with Store(tmp_path / "b.db") as store:
        feed_id = store.add_feed("https://example.org/feed").id
        store.upsert_entries(feed_id, first.entries, T0)
        up = store.upsert_entries(feed_id, second.entries, T0)
        store_badges(store, second, [(), ()], up.new_ids, up.updated_ids)
        pending = {title for _, title, _ in store.articles_needing_facts(EXTRACTOR_VERSION)}
    assert pending == {"a", "b"}
