"""articles / show / bare `briefing` on a store filled through the real Store API."""

from datetime import UTC, datetime

import pytest

from briefing_tui.cli import main
from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.models import FactBadge, ParsedEntry
from briefing_tui.store import Store

ARTICLE_KEYS = [
    "id", "feed_id", "feed", "title", "link", "guid", "author", "published",
    "read", "starred", "dismissed", "facts",
]  # fmt: skip


def entry(n: int, title: str, body: str, day: int | None) -> ParsedEntry:
    return ParsedEntry(
        guid=f"urn:test:{n}",
        link=f"https://news.example/{n}",
        title=title,
        author="Desk Reporter",
        published=datetime(2026, 3, day, 12, 0, tzinfo=UTC) if day else None,
        body=body,
    )


@pytest.fixture
def stocked(home):
    """Two feeds, five articles (one undated), one read, one starred, one with a badge."""
    store = Store(home / "briefing.db")
    world = store.add_feed("https://world.example/rss", "World Desk", ["world"])
    local = store.add_feed("https://local.example/atom", "Local [bold]News", [])
    now = datetime(2026, 3, 20, tzinfo=UTC)
    store.upsert_entries(world.id, [
        entry(1, "Flood waters rise in the delta", "Rivers burst their banks. " * 5, 10),
        entry(2, "Talks resume after ceasefire", "Negotiators met again on Monday.", 12),
        entry(3, "Harbour crane [/bold] collapses", "A crane fell onto the quay.", None),
    ], now)  # fmt: skip
    store.upsert_entries(local.id, [
        entry(4, "Council approves flood barrier", "The flood barrier vote passed.", 11),
        entry(5, "Bakery wins prize", "Sourdough from the delta, again.", 13),
    ], now)  # fmt: skip
    ids = {h.title: h.id for h in store.headlines(_all())}
    store.set_read([ids["Bakery wins prize"]], True)
    store.set_starred([ids["Talks resume after ceasefire"]], True)
    store.set_badges(ids["Flood waters rise in the delta"],
                     [FactBadge("displaced", 1200, "about", "about 1,200")],
                     EXTRACTOR_VERSION)  # fmt: skip
    store.close()
    return ids


def _all():
    from briefing_tui.models import HeadlineQuery

    return HeadlineQuery()


def articles_json(capsys, json_array, *args):
    capsys.readouterr()
    assert main(["articles", "--json", *args]) == 0
    return json_array(capsys.readouterr().out)


def test_articles_json_shape_and_newest_first(stocked, capsys, json_array):
    rows = articles_json(capsys, json_array)
    assert all(list(r) == ARTICLE_KEYS for r in rows)
    assert [r["title"] for r in rows] == [
        "Bakery wins prize",
        "Talks resume after ceasefire",
        "Council approves flood barrier",
        "Flood waters rise in the delta",
        "Harbour crane [/bold] collapses",  # undated last
    ]
    talks = rows[1]
    assert talks["feed"] == "World Desk" and talks["starred"] is True and talks["read"] is False
    assert talks["guid"] == "urn:test:2" and talks["link"] == "https://news.example/2"
    assert talks["published"] == "2026-03-12T12:00:00+00:00"
    assert rows[4]["published"] is None
    assert rows[3]["facts"] == [
        {"category": "displaced", "value": 1200, "approx": "about", "raw": "about 1,200"}
    ]


def test_articles_filters(stocked, capsys, json_array):
    unread = articles_json(capsys, json_array, "--unread")
    assert "Bakery wins prize" not in [r["title"] for r in unread] and len(unread) == 4
    by_title = articles_json(capsys, json_array, "--feed", "local [BOLD]news")
    by_url = articles_json(capsys, json_array, "--feed", "https://local.example/atom")
    by_id = articles_json(capsys, json_array, "--feed", str(by_title[0]["feed_id"]))
    assert by_title == by_url == by_id
    assert {r["feed"] for r in by_title} == {"Local [bold]News"} and len(by_title) == 2
    assert len(articles_json(capsys, json_array, "--limit", "2")) == 2
    tagged = articles_json(capsys, json_array, "--tag", "world")
    assert {r["feed"] for r in tagged} == {"World Desk"} and len(tagged) == 3
    assert articles_json(capsys, json_array, "--tag", "no-such-tag") == []
    starred = articles_json(capsys, json_array, "--starred")
    assert [r["title"] for r in starred] == ["Talks resume after ceasefire"]


def test_search_is_ranked_and_accepts_any_text(stocked, capsys, json_array):
    hits = articles_json(capsys, json_array, "--search", "delta")
    # Ranked, not newest first: the title match beats the newer body-only mention.
    assert [h["title"] for h in hits] == ["Flood waters rise in the delta", "Bakery wins prize"]
    flood = articles_json(capsys, json_array, "--search", "flood")
    assert {h["title"] for h in flood} == {
        "Flood waters rise in the delta",
        "Council approves flood barrier",
    }
    # FTS syntax in user input is escaped by the store: an answer, never an error.
    for nasty in ['"unbalanced', "AND OR NOT", "title:*", "(((", "NEAR(a b", "crane [/bold]"]:
        rows = articles_json(capsys, json_array, "--search", nasty)
        assert all(list(r) == ARTICLE_KEYS for r in rows)
    crane = articles_json(capsys, json_array, "--search", "crane [/bold]")
    assert [r["title"] for r in crane] == ["Harbour crane [/bold] collapses"]


def test_unknown_feed_filter_is_a_usage_error(stocked, capsys, error_line):
    assert main(["articles", "--feed", "nope"]) == 2
    error_line(capsys.readouterr().err, "no feed matches 'nope'")


def test_articles_plain_output(stocked, capsys):
    capsys.readouterr()
    assert main(["articles", "--limit", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split("\t") == [
        str(stocked["Bakery wins prize"]), "", "2026-03-13T12:00:00+00:00",
        "Local [bold]News", "Bakery wins prize",
    ]  # fmt: skip
    assert lines[1].split("\t")[1] == "*N"  # starred, unread


def test_show_text_and_json(stocked, capsys, json_array):
    article_id = stocked["Flood waters rise in the delta"]
    capsys.readouterr()
    assert main(["show", str(article_id)]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Flood waters rise in the delta\nWorld Desk · Desk Reporter · ")
    assert "https://news.example/1\n" in text
    assert "Rivers burst their banks." in text
    assert main(["show", str(article_id), "--json"]) == 0
    (obj,) = json_array(capsys.readouterr().out)
    assert obj["id"] == article_id and obj["guid"] == "urn:test:1"
    assert obj["body"].startswith("Rivers burst their banks.")
    assert isinstance(obj["facts"], list)
    for key in ("feed_id", "feed", "title", "link", "published", "read", "starred", "author"):
        assert key in obj


def test_show_unknown_id_exits_1(stocked, briefing, error_line):
    proc = briefing("show", "999")
    assert proc.returncode == 1
    error_line(proc.stderr, "no article with id 999")
    assert proc.stdout == ""


def test_bare_briefing_without_a_terminal_lists_headlines(stocked, briefing):
    proc = briefing(stdin="")  # stdin and stdout are pipes: no TUI, never hangs
    assert proc.returncode == 0, proc.stderr
    assert "Talks resume after ceasefire" in proc.stdout
    assert len(proc.stdout.splitlines()) == 5


def test_bare_briefing_on_a_new_home_shows_the_sample_offline(home, briefing):
    proc = briefing(stdin="")
    assert proc.returncode == 0, proc.stderr
    assert "loaded the bundled sample briefing" in proc.stderr
    lines = proc.stdout.splitlines()
    assert 15 <= len(lines) <= 50 and all(len(line.split("\t")) == 5 for line in lines)


def test_bare_briefing_without_feeds_or_sample_says_what_to_do(home, capsys):
    (home / "config.toml").write_text("[general]\nsample_when_empty = false\n")
    assert main([]) == 0
    assert "briefing add URL" in capsys.readouterr().out


def test_show_includes_the_facts_summary(home, capsys, json_array):
    store = Store(home / "briefing.db")
    feed = store.add_feed("https://f.example/rss", "Wire")
    body = "Police said at least 18 people were killed when the bridge collapsed on Monday."
    store.upsert_entries(
        feed.id,
        [ParsedEntry(guid="b", link="https://f.example/b", title="Bridge", body=body)],
        datetime(2026, 3, 1, tzinfo=UTC),
    )
    store.close()
    assert main(["show", "1"]) == 0
    text = capsys.readouterr().out
    assert "Facts: deaths ≥18" in text
    assert f"  deaths: {body}" in text
    assert main(["show", "1", "--json"]) == 0
    (obj,) = json_array(capsys.readouterr().out)
    (deaths,) = obj["facts"]
    assert (deaths["category"], deaths["value"], deaths["approx"], deaths["raw"]) == (
        "deaths", 18, "at_least", "at least 18",
    )  # fmt: skip
    assert deaths["sentence"] == body and deaths["mentions"]


def test_show_wraps_on_a_terminal_without_breaking_urls(home, capsys, monkeypatch):
    from briefing_tui.cli import articles_cmd

    url = "https://very.long.example/" + "segment-" * 20
    store = Store(home / "briefing.db")
    feed = store.add_feed("https://f.example/rss", "Wire")
    body = ("word " * 60) + f"see <{url}> for more"
    store.upsert_entries(
        feed.id,
        [ParsedEntry(guid="w", link="https://f.example/w", title="Wrap", body=body)],
        datetime(2026, 3, 1, tzinfo=UTC),
    )
    store.close()
    monkeypatch.setattr(articles_cmd, "is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["show", "1"]) == 0
    out = capsys.readouterr().out
    body_lines = out.split("\n\n", 1)[1].splitlines()
    assert len(body_lines) > 4
    assert all(len(line) <= 60 for line in body_lines if url not in line)
    assert any(f"<{url}>" in line for line in body_lines)


def test_show_prints_a_lookalike_link_with_its_ascii_host(home, capsys):
    store = Store(home / "briefing.db")
    feed = store.add_feed("https://f.example/rss", "Wire")
    link = "https://\u0430\u0440\u0440\u04cf\u0435.com/login"  # Cyrillic look-alike
    store.upsert_entries(
        feed.id,
        [ParsedEntry(guid="l", link=link, title="Login", body="Sign in.")],
        datetime(2026, 3, 1, tzinfo=UTC),
    )
    store.close()
    assert main(["show", "1"]) == 0
    assert "(xn--80ak6aa92e.com)" in capsys.readouterr().out
