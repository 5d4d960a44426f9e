"""htmltext's fast paths must give exactly what the general code gives.

Three shortcuts keep HTML -> text cheap (bench/html_speed.py): plain absolute links skip
sanitize.ascii_url, ASCII text with single spaces skips splitting into words, and an element
whose one child is a text node is not pushed on the walker's stack.  Each is checked here against
the slow path it replaces: the reference for links is the pre-shortcut code (urljoin unless the
link is already absolute, then ascii_url), and for the walker the same markup with an empty
comment after the text, which the walker skips but which takes the shortcut away.
"""

from __future__ import annotations

import sys
from urllib.parse import urljoin

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing_tui import htmltext
from briefing_tui.htmltext import html_to_text
from briefing_tui.sanitize import MAX_URL, ascii_url

WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
BASES = ["", "https://news.example/world/page?q=1", "http://b.example"]


def test_ascii_space_is_what_split_splits_on_in_ascii_but_the_space() -> None:
    ascii_space = {c for c in WHITESPACE if c.isascii()} - {" "}
    assert ascii_space == {chr(b) for b in htmltext._ASCII_SPACE}


_ascii_words = st.text(st.sampled_from(" ab.\t\n\x0b\x1f\x01"))  # the fast path is ASCII-only


@settings(max_examples=300, deadline=None)
@given(_ascii_words | st.text(st.sampled_from([*WHITESPACE, "a", "\u00e9", "\u4e2d"])) | st.text())
@example("a  b")
@example(" a b ")
@example(" a\u00a0b")
@example("a\x1fb")
def test_squash_is_split_and_join(data: str) -> None:
    assert htmltext._squash(data) == " ".join(data.split())


def _reference_href(href: str, base: str) -> str:
    """The link target before the fast path: urljoin unless absolute already, then ascii_url."""
    if not href or href.startswith("#"):
        return ""
    url = href.strip()
    if base and not htmltext._ABSOLUTE.fullmatch(url):
        try:
            url = urljoin(base, url)
        except ValueError:
            return ""
    return ascii_url(url) or ""


_host = st.one_of(
    st.text("abcxyzXN019_-.", max_size=70),
    st.sampled_from(["xn--80ak6aa92e.com", "a" * 64 + ".example", "[::1]", "u@h.example"]),
    st.sampled_from(["h.example:8080", "h.example:", "-a.example", "a..b", "news3.example."]),
)
_rest = st.text("/?#;:@%=&+~!$'()*,[]_.-azAZ09\"<>`\\ \u00e9\t", max_size=30)
_url = st.builds(
    lambda scheme, sep, host, rest: f"{scheme}{sep}{host}{rest}",
    st.sampled_from(["https", "http", "HTTP", "Https", "ftp", "javascript", ""]),
    st.sampled_from(["://", ":/", ":", "//"]),
    _host,
    _rest,
)


@settings(max_examples=400, deadline=None)
@given(_url | st.text(max_size=40), st.sampled_from(BASES))
@example("https://news3.example/a/7?x=1#f", "")
@example("https://a.example/x;p", "https://news.example/")
@example("https://a.example/x?#", "https://news.example/")
@example("https://xn--80ak6aa92e.com/", "")
@example("https://" + ("a" * 60 + ".") * 5 + "example/", "")  # host > 253
@example("https://xn--zz.example/", "")  # not valid punycode
@example("https://a.example/" + "b" * MAX_URL, "")
@example(" https://a.example/pad ", "")
@example("/a/2?x=1", "https://news.example/world/page?q=1")  # resolved, then plain
@example("../up#f", "http://B.example/x/y")  # resolved with an upper-case host: not plain
def test_link_targets_match_the_path_without_shortcut(href: str, base: str) -> None:
    assert htmltext._Writer(base)._href(href) == _reference_href(href, base)
    if htmltext._PLAIN_URL.fullmatch(href):  # plain links are a subset of the urljoin skip
        assert htmltext._ABSOLUTE.fullmatch(href)


def test_plain_link_in_a_body_is_shown_as_written() -> None:
    html = '<p>More at <a href="https://news3.example/a/7?x=1#f">the desk</a>.</p>'
    assert html_to_text(html) == "More at the desk <https://news3.example/a/7?x=1#f>."


ELEMENTS = [
    ("p", "p"),
    ("div", "div"),
    ("h2", "h2"),
    ("li", "li"),
    ("ol><li", "li></ol"),
    ("a href=https://x.example/y", "a"),
    ("a href=/rel", "a"),
    ("a href=x.example", "a"),
    ("a", "a"),
    # a bare <td> is dropped by the HTML parser, which then merges its text with the
    # suffix into one node that the comment of `walked` would split: only inside a table
    ("table><tr><td", "td></tr></table"),
    ("dd", "dd"),
    ("dt", "dt"),
    ("blockquote", "blockquote"),
    ("pre", "pre"),
    ("b", "b"),
    ("span", "span"),
    ("script", "script"),
    ("img alt=pic", "img"),
]
PREFIXES = [
    "",
    "<p>before</p>",
    "<ul><li>item ",
    "<blockquote>",
    "<a href=https://outer.example/>outer ",
    "<pre>x",
] + ["<pre>" + (" " * 10 + "\n") * n + "</pre>" for n in (2, 5, 12)]  # budget counts, no output
_words = st.lists(st.sampled_from(["a", "bc", " ", "  ", "\n", "\t", "\u00a0", ">", "&amp;"])).map(
    "".join
)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(ELEMENTS),
    _words,
    st.sampled_from(PREFIXES),
    st.sampled_from(["", "<p>after</p>", " tail", "<a href=https://t.example/>t</a>"]),
    st.integers(0, 60),
)
@example(("a href=https://x.example/y", "a"), "label", PREFIXES[-2], "", 4)
def test_one_text_child_shortcut_changes_nothing(element, text, prefix, suffix, extra) -> None:
    (open_tag, close_tag) = element
    lone = f"{prefix}<{open_tag}>{text}</{close_tag}>{suffix}"
    walked = f"{prefix}<{open_tag}>{text}<!----></{close_tag}>{suffix}"
    max_len = -(-len(walked) // 5) + extra  # html_to_text reads 5 x max_len characters of HTML
    base = "https://news.example/world/"
    assert html_to_text(lone, base, max_len) == html_to_text(walked, base, max_len)


@pytest.mark.parametrize("max_len", range(11, 45))
def test_walk_stops_where_it_did_around_a_link(max_len: int) -> None:
    # The walk stops once it has written 2 x max_len characters, counting text that prints
    # nothing: the <pre> holds 4 lines of 10 spaces (40).  With max_len 21 or 22 it stops after
    # the link's label, before the link's end adds the target; from 34 on it reaches "after".
    html = (
        "<pre>" + (" " * 10 + "\n") * 4 + "</pre><a href=https://x.example/>label</a><p>after</p>"
    )
    budget = 2 * max_len
    if budget <= 40:
        want = ""
    elif budget <= 40 + len("label"):
        want = "label"
    else:
        want = "label <https://x.example/>" + ("\n\nafter" if budget > 66 else "")
    assert html_to_text(html, max_len=max_len) == want[:max_len].strip()
