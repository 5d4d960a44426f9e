"""Properties of html_to_text's output, for any markup (hypothesis).

The whitespace rules the reader relies on: outside <pre>, text is words separated by single
spaces, as str.split() sees words; inside <pre>, lines are kept (trailing spaces and blank
lines dropped); the result is already clean (sanitize.clean_text leaves it as it is), bounded,
stripped, never has two blank lines in a row, and has no tab unless the markup had a <pre>.
tests/security/test_sec_htmltext_props.py covers terminal safety and hostile links.
"""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from briefing_tui.htmltext import html_to_text
from briefing_tui.sanitize import clean_text

WHITESPACE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace() and chr(c) != "\r"]
"""Every character str.split() splits on ('\\r' aside: the HTML parser turns it into '\\n')."""
_plain = st.text(st.sampled_from([*WHITESPACE, "a", "b", ".", "\u00e9", "\u4e2d", ">"]))

TAGS = "p div span b a li ul ol blockquote pre br hr td tr table h1 dd dt img script em".split()
_piece = st.one_of(
    st.sampled_from(["a", "b", " ", "\n", "\t", "\u00a0", "\x0b", "&#9;", "&amp;", "x  y"]),
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(TAGS), st.sampled_from(["", " alt=x"])),
    st.builds(lambda t: f"</{t}>", st.sampled_from(TAGS)),
    st.sampled_from(['<a href="https://x.example/a">', '<a href="/rel">', "<!-- c -->"]),
)
_soup = st.lists(_piece, max_size=40).map("".join)
_BLANK_RUN = re.compile(r"\n[ \t]*\n[ \t]*\n")


@settings(max_examples=200, deadline=None)
@given(_plain, st.integers(1, 300))
@example("  lead and\ttrail\n ", 200)
@example("a\u3000\u2028b\x85c\x1fd", 3)
def test_plain_text_is_its_words_with_single_spaces(text: str, max_len: int) -> None:
    read = text[: 5 * max_len]  # html_to_text reads at most 5 x max_len characters of markup
    assert html_to_text(text, "", max_len) == " ".join(read.split())[:max_len].strip()


@settings(max_examples=200, deadline=None)
@given(st.text(st.sampled_from("ab. \t\n")), st.integers(0, 300))
@example("\nfirst newline dropped\n\n  kept indent  \n\t\n", 200)
def test_pre_keeps_lines_and_drops_blank_ones(text: str, extra: int) -> None:
    lines = text.removeprefix("\n").split("\n")  # HTML drops a newline right after <pre>
    want = "\n".join(line.rstrip() for line in lines if line.strip())
    html = f"<pre>{text}</pre>"
    max_len = -(-len(html) // 5) + extra  # all of the markup is read
    assert html_to_text(html, "", max_len) == want[:max_len].strip()


@settings(max_examples=300, deadline=None)
@given(_soup, st.integers(1, 400))
def test_output_is_clean_bounded_and_collapsed(html: str, max_len: int) -> None:
    out = html_to_text(html, "https://news.example/world/", max_len)
    assert len(out) <= max_len
    assert out == out.strip()
    assert clean_text(out, max_len) == out  # nothing left for the sanitizer to change
    assert not _BLANK_RUN.search(out)
    if "pre" not in html.lower():
        assert "\t" not in out
