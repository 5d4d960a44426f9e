"""refresh_feeds end to end: loopback server -> fetch -> parse -> real SQLite store in tmp_path."""

from __future__ import annotations

import asyncio
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from feed_docs import rss

from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.feeds.backoff import BACKOFF_BASE, backoff_seconds
from briefing_tui.models import HeadlineQuery
from briefing_tui.services.factindex import index_facts
from briefing_tui.services.refresh import RefreshProgress, refresh_blocking, refresh_feeds
from briefing_tui.services.settings import FetchSettings, RetentionSettings, Settings
from briefing_tui.store import Store

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
SETTINGS = Settings(fetch=FetchSettings(deadline=1.0, connect_timeout=1.0, read_timeout=1.0))
PATIENT = Settings(fetch=FetchSettings(deadline=30.0))  # for tests where timeouts are not the point


@pytest.fixture
def db(tmp_path):
    return tmp_path / "briefing.db"


def subscribe(db, *urls: str) -> list[int]:
    with Store(db) as store:
        return [store.add_feed(url).id for url in urls]


def feed_row(db, feed_id):
    with Store(db) as store:
        return store.feed(feed_id)


def titles(db, feed_id) -> list[str]:
    with Store(db) as store:
        return sorted(h.title for h in store.headlines(HeadlineQuery(feed_ids=(feed_id,))))


async def test_first_refresh_stores_articles_then_conditional_get(http_server, db):
    http_server.add("/a", rss(("1", "Alpha"), ("2", "Beta"), title="Feed A"), etag='"a1"')
    http_server.add("/b", rss(("3", "Gamma")), last_modified="Sat, 01 Mar 2025 10:00:00 GMT")
    a, b = subscribe(db, http_server.url("/a"), http_server.url("/b"))
    seen: list[RefreshProgress] = []
    report = await refresh_feeds(db, SETTINGS, on_progress=seen.append, now=lambda: T0)
    assert {(o.feed_id, o.status, o.new) for o in report.outcomes} == {
        (a, "updated", 2),
        (b, "updated", 1),
    }
    assert report.new_total == 3 and report.failed == ()
    assert [p.done for p in seen] == [1, 2] and {p.total for p in seen} == {2}
    assert titles(db, a) == ["Alpha", "Beta"]
    row = feed_row(db, a)
    assert (row.title, row.etag, row.last_success) == ("Feed A", '"a1"', T0)
    with Store(db) as store:
        assert store.get_state("last_refresh") == T0.isoformat()

    again = await refresh_feeds(db, SETTINGS, now=lambda: T0)
    assert {o.status for o in again.outcomes} == {"not_modified"}
    assert http_server.hits("/a")[-1].headers["if-none-match"] == '"a1"'
    assert http_server.hits("/b")[-1].headers["if-modified-since"].startswith("Sat, 01 Mar")


async def test_changed_feed_reports_new_and_updated(http_server, db):
    http_server.add("/a", rss(("1", "Alpha"), ("2", "Beta")))
    (a,) = subscribe(db, http_server.url("/a"))
    await refresh_feeds(db, SETTINGS, now=lambda: T0)
    http_server.add("/a", rss(("1", "Alpha v2"), ("2", "Beta"), ("3", "New")))
    report = await refresh_feeds(db, SETTINGS, now=lambda: T0 + timedelta(hours=1))
    (outcome,) = report.outcomes
    assert (outcome.status, outcome.new, outcome.updated) == ("updated", 1, 1)
    assert titles(db, a) == ["Alpha v2", "Beta", "New"]


async def test_one_failing_feed_does_not_stop_the_others(http_server, db):
    http_server.add("/ok", rss(("1", "Fine")))
    http_server.add("/down", b"nope", status=500)
    http_server.drip("/slow", interval=0.1)
    http_server.reset("/reset")
    http_server.add("/html", b"<html><body>no feed here</body></html>", content_type="text/html")
    http_server.add("/junk", b"\x00\x01binary junk")
    urls = [http_server.url(p) for p in ("/ok", "/down", "/slow", "/reset", "/html", "/junk")]
    ids = subscribe(db, *urls)
    started = time.monotonic()
    report = await refresh_feeds(db, SETTINGS, now=lambda: T0)
    assert time.monotonic() - started < 8.0  # deadlines of 1 s, not the servers, end it
    by_id = {o.feed_id: o for o in report.outcomes}
    assert by_id[ids[0]].status == "updated"
    errors = [by_id[i].error for i in ids[1:]]
    assert all(by_id[i].status == "failed" for i in ids[1:])
    assert errors[0] == "HTTP 500 Internal Server Error"
    assert "deadline" in errors[1]
    assert "advertises no feed" in errors[3] and "not a feed" in errors[4]
    for feed_id, error in zip(ids[1:], errors, strict=True):
        row = feed_row(db, feed_id)
        assert (row.last_error, row.failures) == (error, 1)
        assert "\n" not in error and "\x1b" not in error


async def test_failures_back_off_and_force_overrides(http_server, db):
    http_server.add("/down", b"", status=502)
    (down,) = subscribe(db, http_server.url("/down"))
    await refresh_feeds(db, PATIENT, now=lambda: T0)
    assert feed_row(db, down).retry_after is None  # first failure: retried next time
    second = await refresh_feeds(db, PATIENT, now=lambda: T0 + timedelta(minutes=1))
    assert feed_row(db, down).failures == 2
    assert feed_row(db, down).retry_after == T0 + timedelta(minutes=1, seconds=BACKOFF_BASE)
    assert "next automatic try" in second.outcomes[0].note
    hits = len(http_server.hits("/down"))
    skipped = await refresh_feeds(db, PATIENT, now=lambda: T0 + timedelta(minutes=2))
    assert skipped.outcomes[0].status == "skipped" and "backing off" in skipped.outcomes[0].note
    assert len(http_server.hits("/down")) == hits
    forced = await refresh_feeds(db, PATIENT, force=True, now=lambda: T0 + timedelta(minutes=2))
    assert forced.outcomes[0].status == "failed" and len(http_server.hits("/down")) == hits + 1
    http_server.add("/down", rss(("1", "Back")))
    await refresh_feeds(db, PATIENT, force=True, now=lambda: T0 + timedelta(minutes=3))
    row = feed_row(db, down)
    assert (row.failures, row.last_error, row.retry_after) == (0, None, None)


def test_backoff_schedule_is_exponential_and_capped():
    assert [backoff_seconds(n) for n in (0, 1, 2, 3, 4)] == [0, 0, 600, 1200, 2400]
    assert backoff_seconds(50) == 12 * 3600


async def test_retry_after_is_honoured_and_clamped(http_server, db):
    http_server.add("/busy", b"", status=429, headers={"Retry-After": "99999999999"})
    (busy,) = subscribe(db, http_server.url("/busy"))
    await refresh_feeds(db, SETTINGS, now=lambda: T0)
    assert feed_row(db, busy).retry_after == T0 + timedelta(hours=24)
    later = await refresh_feeds(db, SETTINGS, now=lambda: T0 + timedelta(hours=23))
    assert later.outcomes[0].status == "skipped"


async def test_permanent_redirect_updates_url_temporary_does_not(http_server, db):
    http_server.add("/new", rss(("1", "Moved")))
    http_server.add("/other", rss(("2", "Elsewhere")))
    http_server.redirect("/old", http_server.url("/new"), status=301)
    http_server.redirect("/tmp", "/other", status=302)
    old, tmp = subscribe(db, http_server.url("/old"), http_server.url("/tmp"))
    report = await refresh_feeds(db, SETTINGS, now=lambda: T0)
    assert feed_row(db, old).url == http_server.url("/new")
    assert feed_row(db, tmp).url == http_server.url("/tmp")
    notes = {o.feed_id: o.note for o in report.outcomes}
    assert "moved permanently" in notes[old]


async def test_html_page_subscribes_to_the_feed_it_advertises(http_server, db):
    http_server.add("/feed.xml", rss(("1", "Discovered")))
    page = b'<html><head><link rel="alternate" type="application/rss+xml" href="/feed.xml">'
    http_server.add("/", page + b"</head><body>Home</body></html>", content_type="text/html")
    (site,) = subscribe(db, http_server.url("/"))
    report = await refresh_feeds(db, SETTINGS, now=lambda: T0)
    (outcome,) = report.outcomes
    assert outcome.status == "updated" and outcome.new == 1
    assert outcome.url == http_server.url("/feed.xml")
    assert "subscribed to the feed it advertises" in outcome.note
    assert feed_row(db, site).url == http_server.url("/feed.xml")
    assert titles(db, site) == ["Discovered"]


async def test_process_pool_parsing_retention_then_the_fact_index_pass(http_server, db):
    http_server.add("/a", rss(("1", "One"), ("2", "Two"), ("3", "Three")))
    killed = "Police said at least 12 people were killed and 40 injured in the blast"
    http_server.add("/b", rss(("4", killed)))
    a, b = subscribe(db, http_server.url("/a"), http_server.url("/b"))
    keep_one = replace(SETTINGS, retention=RetentionSettings(max_articles_per_feed=1))
    report = await refresh_feeds(db, keep_one, parse_processes=True, now=lambda: T0)
    assert report.new_total == 4
    assert len(titles(db, a)) == 1 and titles(db, b) == [killed]
    with Store(db) as store:
        # the refresh stores; badges are the fact index pass's work (services/factindex.py)
        assert len(store.articles_needing_facts(EXTRACTOR_VERSION)) == 2
        assert index_facts(store, parallel=True) == 2
        assert store.articles_needing_facts(EXTRACTOR_VERSION) == []
        (headline,) = store.headlines(HeadlineQuery(feed_ids=(b,)))
    assert {badge.category for badge in headline.badges} >= {"deaths"}


def test_refresh_blocking_selected_feeds_and_sample(http_server, db):
    http_server.add("/a", rss(("1", "One")))
    a, b, sample = subscribe(db, http_server.url("/a"), http_server.url("/b"), "sample:world-desk")
    report = refresh_blocking(db, SETTINGS, feed_ids=[a, sample], now=lambda: T0)
    assert {o.feed_id for o in report.outcomes} == {a, sample}
    by_id = {o.feed_id: o for o in report.outcomes}
    assert by_id[sample].status == "updated" and by_id[sample].new > 5
    assert report.started == report.finished == T0


async def test_concurrent_refreshes_neither_crash_nor_duplicate(http_server, db):
    for i in range(6):
        http_server.add(f"/f{i}", rss(*[(f"{i}-{n}", f"Item {i}-{n}") for n in range(30)]))
    ids = subscribe(db, *(http_server.url(f"/f{i}") for i in range(6)))
    first, second = await asyncio.gather(
        refresh_feeds(db, PATIENT, now=lambda: T0),
        asyncio.to_thread(refresh_blocking, db, PATIENT, now=lambda: T0),
    )
    assert not first.failed and not second.failed
    assert first.new_total + second.new_total == 180  # each article stored exactly once
    assert sum(len(titles(db, i)) for i in ids) == 180


async def test_read_and_starred_state_survive_a_refresh_that_updates_text(http_server, db):
    http_server.add("/a", rss(("1", "Old title")))
    (a,) = subscribe(db, http_server.url("/a"))
    await refresh_feeds(db, SETTINGS, now=lambda: T0)
    with Store(db) as store:
        (article_id,) = [h.id for h in store.headlines(HeadlineQuery(feed_ids=(a,)))]
        store.set_read([article_id], True)
        store.set_starred([article_id], True)
    http_server.add("/a", rss(("1", "New title")))
    report = await refresh_feeds(db, SETTINGS, now=lambda: T0 + timedelta(hours=1))
    assert report.updated_total == 1
    with Store(db) as store:
        article = store.article(article_id)
    assert (article.title, article.read, article.starred) == ("New title", True, True)


async def test_permanent_redirect_to_an_unchanged_feed_still_updates_the_url(http_server, db):
    body = rss(("1", "Same"))
    http_server.add("/old", body, etag='"v1"')
    (feed_id,) = subscribe(db, http_server.url("/old"))
    await refresh_feeds(db, SETTINGS, now=lambda: T0)
    http_server.redirect("/old", http_server.url("/new"), status=308)
    http_server.add("/new", body, etag='"v1"')
    report = await refresh_feeds(db, SETTINGS, now=lambda: T0 + timedelta(hours=1))
    (outcome,) = report.outcomes
    assert outcome.status == "not_modified" and "moved permanently" in outcome.note
    assert feed_row(db, feed_id).url == http_server.url("/new")


async def test_bare_guids_keep_articles_unique_when_the_feed_moves(http_server, db):
    # RSS guids like "1" are identifiers, not links: resolving them against the document URL
    # (as feedparser does when told the URL) would re-key every article once the feed moves.
    http_server.add("/feeds/a.xml", rss(("1", "Alpha"), ("2", "Beta")))
    (feed,) = subscribe(db, http_server.url("/feeds/a.xml"))
    await refresh_feeds(db, SETTINGS, now=lambda: T0)
    http_server.add("/elsewhere/b/a.xml", rss(("1", "Alpha"), ("2", "Beta")))
    http_server.redirect("/feeds/a.xml", http_server.url("/elsewhere/b/a.xml"), status=301)
    report = await refresh_feeds(db, SETTINGS, force=True, now=lambda: T0)
    assert feed_row(db, feed).url == http_server.url("/elsewhere/b/a.xml")
    assert report.new_total == 0
    assert titles(db, feed) == ["Alpha", "Beta"]
    with Store(db) as store:
        guids = {store.article(h.id).guid for h in store.headlines(HeadlineQuery())}
    assert guids == {"1", "2"}


async def test_should_stop_skips_the_feeds_not_started_and_keeps_what_finished(http_server, db):
    for n in range(6):
        http_server.add(f"/f{n}", rss((str(n), f"Story {n}")))
    ids = subscribe(db, *(http_server.url(f"/f{n}") for n in range(6)))
    asked = []

    def stop_after_two() -> bool:  # as the app quitting in the middle of a refresh
        asked.append(1)
        return len(asked) > 2

    one_at_a_time = replace(SETTINGS, fetch=replace(SETTINGS.fetch, concurrency=1))
    report = await refresh_feeds(db, one_at_a_time, should_stop=stop_after_two, now=lambda: T0)
    statuses = [o.status for o in report.outcomes]
    assert statuses.count("updated") == 2 and statuses.count("skipped") == 4
    assert all(o.note == "refresh stopped" for o in report.outcomes if o.status == "skipped")
    assert sum(len(titles(db, i)) for i in ids) == 2  # what finished is stored
    with Store(db) as store:
        assert store.get_state("last_refresh") is None  # the next start refreshes again
