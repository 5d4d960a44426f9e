"""`briefing fetch`: the offline sample on a new home, a real loopback server, exit statuses."""

import re

import pytest
from httpserver import serve

from briefing_tui.cli import main
from briefing_tui.facts import EXTRACTOR_VERSION
from briefing_tui.store import Store

OUTCOME_KEYS = ["feed_id", "title", "url", "status", "new", "updated", "error", "note"]


def rss(title: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><guid>{guid}</guid><title>{text}</title><link>https://x.example/{guid}</link>"
        f"<description>{text} body.</description></item>"
        for guid, text in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://x.example/</link>{entries}</channel></rss>"
    ).encode()


def test_fetch_on_a_new_home_loads_the_sample_offline(home, briefing, capsys, json_array):
    proc = briefing("fetch", "--json")
    assert proc.returncode == 0, proc.stderr
    outcomes = json_array(proc.stdout)
    assert len(outcomes) >= 2
    assert all(list(o) == OUTCOME_KEYS for o in outcomes)
    assert all(o["url"].startswith("sample:") and o["error"] is None for o in outcomes)
    assert sum(o["new"] for o in outcomes) >= 15
    with Store(home / "briefing.db") as store:  # fetch stores; the fact index pass is later
        pending = len(store.articles_needing_facts(EXTRACTOR_VERSION, 1000))
    assert pending == sum(o["new"] for o in outcomes)
    assert main(["articles", "--json"]) == 0  # the reader runs the pass before listing
    articles = json_array(capsys.readouterr().out)
    assert len(articles) == sum(o["new"] for o in outcomes)
    assert sum(1 for a in articles if any(f["category"] == "deaths" for f in a["facts"])) >= 3
    # A second fetch finds nothing new and does not add the sample twice.
    assert main(["fetch", "--json"]) == 0
    again = json_array(capsys.readouterr().out)
    assert len(again) == len(outcomes) and sum(o["new"] for o in again) == 0


def test_fetch_does_not_load_the_sample_when_disabled(home, capsys):
    (home / "config.toml").write_text("[general]\nsample_when_empty = false\n")
    assert main(["fetch", "--json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"


@pytest.fixture
def server():
    with serve() as srv:
        srv.add("/world.xml", rss("World", [("w1", "Quake"), ("w2", "Storm")]), etag='"v1"')
        srv.add("/local.xml", rss("Local", [("l1", "Fair")]))
        srv.route("/broken.xml")(lambda h: h.send_error(503, "Service Unavailable"))
        srv.add("/page.html", (
            b'<html><head><link rel="alternate" type="application/rss+xml" href="/local.xml">'
            b"</head><body>hi</body></html>"
        ), content_type="text/html")  # fmt: skip
        yield srv


def test_fetch_from_a_loopback_server(home, server, capsys, json_array):
    for path in ("/world.xml", "/broken.xml"):
        assert main(["add", server.url(path)]) == 0
    assert main(["add", server.url("/page.html"), "--title", "Page"]) == 0
    capsys.readouterr()

    assert main(["fetch", "--json"]) == 0, "failing feeds do not fail the command"
    by_url = {o["url"]: o for o in json_array(capsys.readouterr().out)}
    world = by_url[server.url("/world.xml")]
    assert (world["status"], world["new"], world["error"], world["title"]) == (
        "updated", 2, None, "World",
    )  # fmt: skip
    broken = by_url[server.url("/broken.xml")]
    assert broken["status"] == "failed" and "503" in broken["error"]
    discovered = [o for o in by_url.values() if o["note"]]
    assert discovered and discovered[0]["new"] == 1, by_url

    feeds = {f["url"]: f for f in _feeds(capsys, json_array)}
    assert "503" in feeds[server.url("/broken.xml")]["last_error"]
    assert feeds[server.url("/world.xml")]["last_success"] is not None
    assert feeds[server.url("/world.xml")]["articles"] == 2

    # Conditional GET the second time: 304, nothing new.
    assert main(["fetch", "--json", "World"]) == 0
    (again,) = json_array(capsys.readouterr().out)
    assert again["status"] == "not_modified" and again["new"] == 0
    assert server.hits("/world.xml")[-1].headers.get("if-none-match") == '"v1"'


def _feeds(capsys, json_array):
    assert main(["feeds", "--json"]) == 0
    return json_array(capsys.readouterr().out)


def test_fetch_plain_output_and_named_feed(home, server, briefing):
    assert main(["add", server.url("/world.xml")]) == 0
    assert main(["add", server.url("/broken.xml")]) == 0
    proc = briefing("fetch", server.url("/broken.xml"))
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert len(lines) == 2 and "\tfailed\t" in lines[0] and "503" in lines[0]
    assert lines[-1] == "1 feed: 0 new, 0 updated, 1 failed"
    assert server.hits("/world.xml") == []  # only the named feed was fetched
    assert "\x1b" not in proc.stdout


def test_fetch_of_an_unknown_feed_is_a_usage_error(home, capsys, error_line):
    assert main(["fetch", "no-such-feed"]) == 2
    error_line(capsys.readouterr().err, "no feed matches")


def test_fetch_with_an_unusable_store_exits_non_zero(home, briefing, error_line):
    (home / "briefing.db").write_bytes(b"this is not a database, just some bytes" * 100)
    proc = briefing("fetch")
    assert proc.returncode != 0
    error_line(proc.stderr)
    kept = [p for p in home.iterdir() if p.name.startswith("briefing.db") and p.stat().st_size]
    assert kept, "the damaged file is kept (moved aside), never deleted"


def test_fetch_on_a_terminal_shows_progress_and_a_summary_table(home, capsys, monkeypatch):
    from briefing_tui.cli import fetch_cmd

    monkeypatch.setattr(fetch_cmd, "is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "200")
    seen = []
    from briefing_tui.services.library import Library

    original = Library.refresh

    def spy(self, feed_ids=None, *, force=False, on_progress=None):
        def record(event):
            seen.append((event.done, event.total))
            on_progress(event)

        return original(self, feed_ids, force=force, on_progress=record)

    monkeypatch.setattr(Library, "refresh", spy)
    assert main(["fetch"]) == 0
    captured = capsys.readouterr()
    assert seen and seen[-1][0] == seen[-1][1] == 3, "the progress bar was fed"
    lines = captured.out.strip().splitlines()
    assert lines[0].split() == ["feed", "new", "updated", "status"]
    assert any("World Desk" in line and "updated" in line for line in lines)
    assert lines[-1].startswith("3 feeds: ") and "failed" not in lines[-1]
    assert "loading the bundled sample" in captured.err


def test_backoff_is_visible_and_force_overrides_it(home, server, capsys, json_array):
    assert main(["add", server.url("/broken.xml"), "--title", "Broken"]) == 0
    for _ in range(2):
        assert main(["fetch", "--json"]) == 0
    capsys.readouterr()
    assert len(server.hits("/broken.xml")) == 2

    assert main(["fetch", "--json"]) == 0
    (skipped,) = json_array(capsys.readouterr().out)
    assert skipped["status"] == "skipped" and "backing off" in skipped["note"]
    assert len(server.hits("/broken.xml")) == 2, "no request while backing off"
    (feed,) = _feeds(capsys, json_array)
    assert feed["failures"] == 2 and feed["retry_after"] is not None

    assert main(["feeds"]) == 0
    assert "retry after" in capsys.readouterr().out

    assert main(["fetch", "--force", "--json"]) == 0
    (forced,) = json_array(capsys.readouterr().out)
    assert forced["status"] == "failed" and len(server.hits("/broken.xml")) == 3


CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def test_hostile_feed_text_never_reaches_the_terminal(home, briefing, capsys):
    title = "Evil &#27;[2J&#x1b;]52;c;Y3VybCBldmlsIHwgc2g=&#7; \x1b[31mred\u009b1m [/bold] title"
    body = "Body &#27;]8;;https://evil.invalid&#27;\\\\link&#27;]8;;&#27;\\\\ \u202eoverride text"
    doc = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed \x1b[2J name</title><item><guid>h1</guid><title>{title}</title>"
        f"<author>a\x07uthor</author><link>https://x.example/h1</link>"
        f"<description>{body}</description></item></channel></rss>"
    ).encode()
    with serve() as srv:
        srv.add("/evil.xml", doc)
        assert main(["add", srv.url("/evil.xml")]) == 0
        assert main(["fetch"]) == 0
    outputs = [briefing("articles").stdout]  # the real entry point once, the rest in-process
    for args in (["articles", "--json"], ["show", "1"], ["show", "1", "--json"], ["feeds"],
                 ["feeds", "--json"], []):  # fmt: skip
        capsys.readouterr()
        assert main(args) == 0
        outputs.append(capsys.readouterr().out)
    assert "[/bold]" in outputs[0], "the title is there, shown literally"
    assert "override text" in outputs[2]
    for out in outputs:
        found = CONTROL.findall(out.replace("\n", "").replace("\t", ""))
        assert not found, (out, found)
        assert "\u202e" not in out


def test_two_fetches_at_once_neither_crashes_nor_duplicates(home, server, capsys, json_array):
    import os
    import subprocess
    import sys

    for path in ("/world.xml", "/local.xml"):
        assert main(["add", server.url(path)]) == 0
    env = {**os.environ, "BRIEFING_HOME": str(home)}
    cmd = [sys.executable, "-m", "briefing_tui", "fetch", "--json", "--force"]
    procs = [
        subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    results = [p.communicate(timeout=60) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert all(o["error"] is None for o in json_array(out)), out
    capsys.readouterr()
    assert main(["articles", "--json"]) == 0
    articles = json_array(capsys.readouterr().out)
    assert sorted(a["guid"].rsplit("/", 1)[-1] for a in articles) == ["l1", "w1", "w2"]


def test_ctrl_c_during_fetch_is_one_line_and_exit_130(home, briefing):
    import os
    import signal
    import subprocess
    import sys
    import time

    with serve() as srv:
        srv.drip("/slow.xml", interval=0.1)
        assert briefing("add", srv.url("/slow.xml")).returncode == 0
        env = {**os.environ, "BRIEFING_HOME": str(home)}
        proc = subprocess.Popen(
            [sys.executable, "-m", "briefing_tui", "fetch"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 30
        while not srv.hits("/slow.xml") and time.monotonic() < deadline:
            time.sleep(0.05)  # wait until it is stuck in the slow body
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=20)
    assert proc.returncode == 130
    assert err == "briefing: interrupted\n"
    assert briefing("feeds", "--json").returncode == 0, "the store is still usable"


def test_index_builds_the_fact_badges_and_search_index_a_fetch_left(home, capsys, json_array):
    assert main(["fetch", "--json"]) == 0  # the bundled sample, offline
    stored = sum(o["new"] for o in json_array(capsys.readouterr().out))
    assert main(["index", "--json"]) == 0
    assert json_array(capsys.readouterr().out) == [
        {"index": "facts", "articles": stored},
        {"index": "search", "articles": stored},
    ]
    with Store(home / "briefing.db") as store:
        assert store.articles_needing_facts(EXTRACTOR_VERSION) == []
        assert store.search_pending() == 0
    assert main(["index"]) == 0  # nothing left: plain output says so
    assert capsys.readouterr().out.strip() == "fact badges: 0 articles; search index: 0 articles"


def test_fetch_summary_lists_failures_first_then_titles_in_natural_order(home, server, capsys):
    for n in (10, 2, 1):
        server.add(f"/n{n}.xml", rss(f"feed {n}", [(f"n{n}", "Story")]))
        assert main(["add", server.url(f"/n{n}.xml")]) == 0
    assert main(["add", server.url("/world.xml")]) == 0
    assert main(["add", server.url("/broken.xml")]) == 0
    capsys.readouterr()
    assert main(["fetch"]) == 0
    rows = [line.split("\t")[4] for line in capsys.readouterr().out.splitlines()[:-1]]
    assert rows == [server.url("/broken.xml"), "feed 1", "feed 2", "feed 10", "World"]
