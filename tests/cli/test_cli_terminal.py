"""Terminal output paths: rich tables never read feed text as markup, the TUI gets the library,
and `briefing facts` is wired in from cli/facts_cmd.py."""

import re
import sys
import types

import pytest

from briefing_tui.cli import articles_cmd, feeds_cmd, main
from briefing_tui.models import ParsedEntry
from briefing_tui.store import Store

HOSTILE = "[link=https://evil.invalid]click[/link] [@click=app.quit]x[/] [/bold] :skull:"
SGR = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def hostile_home(home):
    store = Store(home / "briefing.db")
    feed = store.add_feed("https://h.example/rss", HOSTILE, [HOSTILE])
    from datetime import UTC, datetime

    store.upsert_entries(
        feed.id,
        [ParsedEntry(guid="g", link="https://h.example/1", title=HOSTILE, body=HOSTILE)],
        datetime(2026, 1, 1, tzinfo=UTC),
    )
    store.close()
    return home


@pytest.fixture
def fake_terminal(monkeypatch):
    """Make the commands take their terminal branch, and rich emit real escape codes."""
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "400")
    for module in (feeds_cmd, articles_cmd):
        monkeypatch.setattr(module, "is_terminal", lambda: True)


@pytest.mark.parametrize("command", [["feeds"], ["articles"]])
def test_rich_tables_show_feed_markup_literally(hostile_home, fake_terminal, capsys, command):
    assert main(command) == 0
    out = capsys.readouterr().out
    assert "\x1b[" in out, "the terminal branch was taken (rich styled the table)"
    assert "\x1b]8;" not in out, "no hyperlink made from feed text"
    assert "💀" not in out, "no emoji code expansion"
    plain = SGR.sub("", out)
    assert "[link=https://evil.invalid]click[/link]" in plain
    assert "[@click=app.quit]x[/] [/bold] :skull:" in plain


def test_show_prints_markup_literally_on_a_terminal(hostile_home, fake_terminal, capsys):
    assert main(["show", "1"]) == 0
    out = capsys.readouterr().out
    assert HOSTILE in out.replace("\n", " ") and "\x1b" not in out


def test_bare_briefing_on_a_terminal_opens_the_app_with_library_and_settings(
    hostile_home, monkeypatch
):
    seen = {}

    class FakeApp:
        def __init__(self, *, library, settings):
            seen["titles"] = [f.title for f in library.feeds()]
            seen["settings"] = settings

        def run(self):
            seen["ran"] = True

    monkeypatch.setitem(
        sys.modules, "briefing_tui.ui.app", types.SimpleNamespace(BriefingApp=FakeApp)
    )
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert main([]) == 0
    assert seen["ran"] and seen["titles"] == [HOSTILE]
    assert seen["settings"].fetch.concurrency == 16


def test_facts_command_is_wired_in(home, briefing, json_array):
    text = "Police said at least 18 people were killed in the blast."
    proc = briefing("facts", "--json", "-", stdin=text)
    assert proc.returncode == 0, proc.stderr
    facts = json_array(proc.stdout)
    assert [(f["category"], f["value"]) for f in facts] == [("deaths", 18)]
    assert briefing("facts", "--home", str(home), "--json", "-", stdin="").returncode == 0


def test_articles_on_a_terminal_draws_one_page_pipes_get_everything(home, monkeypatch, capsys):
    from datetime import UTC, datetime, timedelta

    store = Store(home / "briefing.db")
    feed = store.add_feed("https://many.example/rss", "Many")
    start = datetime(2026, 1, 1, tzinfo=UTC)
    entries = [
        ParsedEntry(guid=f"m{i}", link=f"https://many.example/{i}", title=f"Item {i}",
                    published=start + timedelta(minutes=i))
        for i in range(articles_cmd.TERMINAL_PAGE + 30)
    ]  # fmt: skip
    store.upsert_entries(feed.id, entries, start)
    store.close()
    assert main(["articles"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == len(entries)

    monkeypatch.setattr(articles_cmd, "is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", "120")
    assert main(["articles"]) == 0
    captured = capsys.readouterr()
    rows = [line for line in captured.out.splitlines() if "Item " in line]
    assert len(rows) == articles_cmd.TERMINAL_PAGE
    assert f"showing 200 of {len(entries)} articles" in captured.err
    assert main(["articles", "--limit", "230"]) == 0
    assert len([ln for ln in capsys.readouterr().out.splitlines() if "Item " in ln]) == 230
