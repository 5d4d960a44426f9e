"""The bundled sample briefing is what every new user sees first: it must parse cleanly, be
complete enough to fill every pane of the app, and exercise the fact extractor both ways."""

import io
import re
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser
import pytest

from briefing_tui.sample import SAMPLE_FEEDS, is_sample_url, read_sample, sample_feed

CASUALTY_WORDS = re.compile(
    r"\b(killed|dead|died|deaths?|injured|wounded|hurt|arrest\w*|detained|missing|"
    r"displaced|evacuated|fled|troops|soldiers|peacekeepers)\b",
    re.IGNORECASE,
)


def _parse(name):
    return feedparser.parse(io.BytesIO(read_sample(name)))


def _body(entry):
    return entry.content[0].value if entry.get("content") else entry.get("summary", "")


def _text(html):
    return re.sub(r"<[^>]+>", " ", html)


@pytest.fixture(scope="module")
def parsed():
    return {feed.name: _parse(feed.name) for feed in SAMPLE_FEEDS}


@pytest.fixture(scope="module")
def entries(parsed):
    return [entry for result in parsed.values() for entry in result.entries]


@pytest.mark.parametrize("feed", SAMPLE_FEEDS, ids=lambda f: f.name)
def test_sample_parses_cleanly_with_its_title(feed, parsed):
    result = parsed[feed.name]
    assert not result.bozo, result.get("bozo_exception")
    assert result.feed.title == feed.title
    assert feed.url == f"sample:{feed.name}"


def test_sample_covers_rss_atom_and_content_encoded(parsed):
    versions = {name: result.version for name, result in parsed.items()}
    assert versions == {
        "world-desk": "rss20",
        "crisis-wire": "atom10",
        "regional-dispatch": "rss20",
    }
    assert all("content" in e for e in parsed["regional-dispatch"].entries)
    assert all("content" not in e for e in parsed["world-desk"].entries)


def test_sample_has_18_to_24_entries_with_unique_ids_and_links(entries):
    assert 18 <= len(entries) <= 24
    assert len({e.id for e in entries}) == len(entries)
    assert len({e.link for e in entries}) == len(entries)


def test_every_entry_is_complete(entries):
    first, last = datetime(2026, 11, 20, tzinfo=UTC), datetime(2026, 11, 27, tzinfo=UTC)
    for entry in entries:
        assert entry.title.strip() and entry.author.strip() and entry.id.strip(), entry.title
        assert urlsplit(entry.link).scheme == "https", entry.link
        published = datetime(*entry.published_parsed[:6], tzinfo=UTC)
        assert first <= published < last, (entry.title, published)
        assert entry.get("tags"), entry.title
        body = _body(entry)
        assert body.count("<p>") >= 4, entry.title
        assert 250 <= len(_text(body).split()) <= 600, entry.title


def test_bodies_use_lists_quotes_and_only_example_links(entries):
    bodies = [_body(e) for e in entries]
    assert sum("<li>" in b for b in bodies) >= 5
    assert sum("<blockquote>" in b for b in bodies) >= 5
    hrefs = [h for b in bodies for h in re.findall(r'href="([^"]+)"', b)]
    assert len(hrefs) >= len(entries)
    for href in hrefs:
        parts = urlsplit(href)
        assert parts.scheme == "https" and parts.hostname in {"example.org", "example.com"}, href


def test_sample_mixes_figures_traps_and_articles_without_figures(entries):
    text = " ".join(_text(_body(e)) for e in entries)
    phrases = [
        "At least 18 people were killed",  # hedge
        "about 2,000 additional troops",  # approximate troop figure
        "Dozens were injured",  # vague
        "more than 300 people",  # more than
        "Up to 40,000 people have been displaced",  # up to
        "eighteen bodies",  # spelled-out number
        "Tens of thousands of people",  # vague large
        "between 20 and 25 are missing",  # range
        "rose from 19 to 34",  # update
        "rose to 45",  # update
        "including five children",  # breakdown
        "no one was hurt",  # negation
        "a 23-year-old student",  # age trap
        "A 1986 earthquake",  # historic figure trap
        "10,000 people marched",  # crowd-size trap
        "Observers from six countries",  # count of countries trap
        "2.4 billion lira",  # money trap
    ]
    missing = [p for p in phrases if p not in text]
    assert not missing
    without_figures = [e.title for e in entries if not CASUALTY_WORDS.search(_text(_body(e)))]
    assert 3 <= len(without_figures) <= 5, without_figures


@pytest.mark.parametrize("feed", SAMPLE_FEEDS, ids=lambda f: f.name)
def test_read_sample_accepts_name_and_url(feed):
    assert read_sample(feed.name) == read_sample(feed.url)
    assert read_sample(feed.name).startswith(b"<?xml")
    assert sample_feed(feed.url) is feed
    assert is_sample_url(feed.url)


@pytest.mark.parametrize(
    "name",
    [
        "",
        "nope",
        "World-Desk",
        "world-desk.xml",
        "./world-desk",
        "../sample/world-desk",
        "/etc/passwd",
        "sample:../world-desk",
        "__init__.py",
        "sample:",
    ],
)
def test_read_sample_rejects_unknown_and_path_like_names(name):
    with pytest.raises(KeyError, match="no bundled sample feed"):
        read_sample(name)
    assert not is_sample_url(name)


def test_http_urls_are_not_sample_urls():
    assert not is_sample_url("https://example.org/world-desk/feed.xml")
