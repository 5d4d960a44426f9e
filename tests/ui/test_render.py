"""Pure rendering and state rules, tested by rendering to a Rich Console (no app needed)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from rich.console import Console
from rich.style import Style

from briefing_tui.models import FactBadge, Headline
from briefing_tui.ui.render import (
    badge_text,
    body_paragraph,
    compact_number,
    display_url,
    fact_excerpt,
    headline_row,
    hedged_figure,
    relative_time,
    safe,
)
from briefing_tui.ui.state import ListFilters, TriageAction, UndoStack

from .conftest import HARBOUR_BODY, NOW, fact


def render(text, width=100) -> str:
    console = Console(file=io.StringIO(), width=width, force_terminal=True, color_system=None)
    console.print(text, end="")
    return console.file.getvalue()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (7, "7"),
        (999, "999"),
        (1000, "1k"),
        (1500, "1.5k"),
        (2000, "2k"),
        (12_400, "12k"),
        (1_200_000, "1.2M"),
    ],
)
def test_compact_number(value, expected):
    assert compact_number(value) == expected


@pytest.mark.parametrize(
    ("approx", "expected"),
    [
        ("exact", "18"),
        ("at_least", "18+"),
        ("more_than", "18+"),
        ("about", "~18"),
        ("up_to", "≤18"),
        ("vague", "18+"),
    ],
)
def test_hedged_figure_keeps_the_hedge(approx, expected):
    assert hedged_figure(18, approx) == expected


def test_badge_text_is_words_not_colour():
    assert badge_text(FactBadge("deaths", 18, "at_least")) == "dead 18+"
    assert badge_text(FactBadge("arrests", 2000, "about")) == "arrested ~2k"


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (timedelta(seconds=20), "now"),
        (timedelta(minutes=12), "12m"),
        (timedelta(hours=3), "3h"),
        (timedelta(days=2), "2d"),
        (timedelta(days=20), "2w"),
        (timedelta(days=100), "3mo"),
        (timedelta(days=800), "2y"),
        (-timedelta(hours=2), "now"),
    ],
)
def test_relative_time(delta, expected):
    assert relative_time(NOW - delta, NOW) == expected


def _headline(title: str, **kw) -> Headline:
    defaults = dict(id=1, feed_id=1, feed_title="World Desk", link="", published=NOW)
    return Headline(title=title, **(defaults | kw))


@pytest.mark.parametrize("width", [30, 44, 60, 80, 120])
def test_headline_row_fills_exactly_the_width(width):
    head = _headline("A" * 300, badges=(FactBadge("deaths", 18, "at_least"),))
    row = headline_row(head, width, NOW, {})
    assert row.cell_len == width


def test_headline_row_shows_marker_feed_age_title_and_badge():
    head = _headline("Ferry capsizes", badges=(FactBadge("deaths", 18, "at_least"),))
    plain = headline_row(head, 100, NOW, {}, feed_width=12).plain
    assert plain.startswith("● ")
    assert "World Desk" in plain and "now" in plain and "Ferry capsizes" in plain
    assert plain.rstrip().endswith("dead 18+")
    read = headline_row(_headline("x", read=True, starred=True), 40, NOW, {}).plain
    assert read.startswith(" ★")


@pytest.mark.parametrize("title", ["[/bold]", "[link=https://x]y[/link]", "[@click=app.quit]x[/]"])
def test_feed_text_is_never_markup(title):
    row = headline_row(_headline(title), 80, NOW, {"unread": Style(bold=True)})
    assert title in row.plain
    assert title in render(row)


def test_control_characters_never_reach_the_terminal():
    head = _headline("evil \x1b]52;c;aGk=\x07 title \x9b31m", feed_title="feed\x1b[2J")
    out = render(headline_row(head, 100, NOW, {}))
    # the only escapes are Rich's own (none: color_system=None); the content's ESC is gone
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert safe("a\x1bb") == "a\ufffdb" and len(safe("a\x1bb")) == 3


def test_body_links_become_hyperlinks_only_for_http():
    para = body_paragraph("see <https://example.org/a> and <javascript:alert(1)>", {})
    links = [span.style.link for span in para.spans if isinstance(span.style, Style)]
    assert links == ["https://example.org/a"]


def test_display_url_shows_punycode_hosts_decoded():
    assert display_url("https://example.org/x") == "https://example.org/x"
    shown = display_url("https://xn--80ak6aa92e.com/login")
    assert shown == "https://аррӏе.com/login (xn--80ak6aa92e.com)"  # decoded, ASCII beside it
    assert display_url("https://аррӏе.com/login") == shown  # however the feed spelled it


def test_fact_excerpt_emphasises_the_figure():
    f = fact(HARBOUR_BODY, "injuries", "About 40", 40, "about", "passengers")
    text = fact_excerpt(f, 40)
    bold = [text.plain[s.start : s.end] for s in text.spans if "bold" in str(s.style)]
    assert bold == ["About 40"]
    assert len(text.plain) <= 42


def test_filters_build_the_query_and_describe_themselves():
    filters = ListFilters(
        unread_only=True,
        search="ferry",
        feed_id=3,
        feed_title="World Desk",
        fact_category="deaths",
        fact_min=10,
    )
    query = filters.query()
    assert query.unread_only and query.search == "ferry" and query.feed_ids == (3,)
    assert query.fact_category == "deaths" and query.fact_min == 10
    assert filters.describe() == "unread · feed: World Desk · deaths ≥ 10 · search: ferry"
    assert [ListFilters().next_sort().sort, ListFilters().next_sort().next_sort().sort] == [
        "feed",
        "severity",
    ]
    assert ListFilters().describe() == ""


def test_undo_stack_is_lifo_and_bounded():
    stack = UndoStack(limit=2)
    for n in range(3):
        stack.push(TriageAction(f"a{n}", "read", (n,), True))
    stack.push(TriageAction("empty", "read", (), True))  # nothing changed: not recorded
    assert len(stack) == 2
    top = stack.pop()
    assert top.label == "a2" and top.inverse().value is False
    assert stack.pop().label == "a1" and stack.pop() is None


def test_feed_prompt_says_when_the_last_success_was():
    from dataclasses import replace as _replace

    from briefing_tui.models import Feed
    from briefing_tui.ui.screens.feeds import feed_prompt

    feed = Feed(id=1, url="https://a.test/rss", title="A", last_success=NOW)
    assert "last success just now" in feed_prompt(feed, NOW).plain
    earlier = _replace(feed, last_success=NOW - timedelta(hours=3))
    assert "last success 3h ago" in feed_prompt(earlier, NOW).plain
    assert "never fetched successfully" in feed_prompt(_replace(feed, last_success=None), NOW).plain
