"""Property tests: whatever the input, the sanitizer's output is terminal-safe and stable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from secutil import ESCAPES, assert_terminal_safe

from briefing_tui.sanitize import clean_line, clean_text, clean_url, display_url, openable_url

_SPECIALS = [
    *"\x00\x07\x08\t\n\x0b\x0c\r\x0e\x1b\x7f\x80\x85\x9b\x9c\x9d",
    *"\u00a0\u00ad\u034f\u061c\u115f\u180e\u200b\u200c\u200d\u200e\u202e\u2028\u2029",
    *"\u2060\u2066\u2069\u3000\u3164\ufe0f\ufeff\ufff9\ufffe\uffff\ufdd0",
    *"\u0301\u0336\u20dd\U000e0001\U000e0041\U000e0100\U0001fffe\U0010ffff\U0001f600",
    " ",
    "e",
]
_char = st.one_of(
    st.characters(),
    st.sampled_from(_SPECIALS),
    st.integers(0xD800, 0xDFFF).map(chr),  # lone surrogates (surrogateescape, JSON)
    st.integers(0, 0x10FFFF).map(chr),
)
_piece = st.one_of(
    _char,
    st.sampled_from(list(ESCAPES.values())),
    st.integers(1, 30).map(lambda n: "a" + "\u0301" * n),
    st.sampled_from(["\r\n", "\n\n\n", " \t ", "[/bold]", "https://x.example/"]),
)
hostile_text = st.lists(_piece, max_size=120).map("".join)

PROPS = settings(max_examples=250, deadline=None)


@PROPS
@given(hostile_text, st.integers(1, 400))
def test_clean_text_is_safe_bounded_idempotent(text, max_len):
    out = clean_text(text, max_len)
    assert_terminal_safe(out)
    assert len(out) <= max_len
    assert out == out.strip()
    assert clean_text(out, max_len) == out


@PROPS
@given(hostile_text, st.integers(1, 200))
def test_clean_line_is_one_safe_line(text, max_len):
    out = clean_line(text, max_len)
    assert_terminal_safe(out, one_line=True)
    assert len(out) <= max_len
    assert "  " not in out and out == out.strip()
    assert clean_line(out, max_len) == out


@PROPS
@given(hostile_text)
def test_default_caps_and_no_exception(text):
    assert_terminal_safe(clean_text(text))
    assert_terminal_safe(clean_line(text), one_line=True)


_url = st.one_of(
    hostile_text,
    st.builds(
        lambda scheme, host, rest: f"{scheme}{host}{rest}",
        st.sampled_from(
            ["https://", "http://", "HTTP://", "javascript:", "file://", "//", "-", ""]
        ),
        st.one_of(
            st.sampled_from(["example.com", "xn--80ak6aa92e.com", "bücher.example", "[::1]"]),
            hostile_text,
        ),
        st.one_of(st.sampled_from(["/", "/a?b=c#d", ":8080/x", "@evil.invalid/"]), hostile_text),
    ),
)


@PROPS
@given(_url)
def test_url_functions_never_raise_and_only_pass_http(url):
    stored = clean_url(url)
    assert not any(c.isspace() for c in stored)
    assert_terminal_safe(stored, one_line=True)
    opened = openable_url(url)
    if opened is not None:
        assert opened.lower().startswith(("http://", "https://"))
        assert_terminal_safe(opened, one_line=True)
        assert not any(c.isspace() for c in opened)
        assert "@" not in opened.split("/")[2]
    shown = display_url(url)
    assert_terminal_safe(shown, one_line=True)
    assert len(shown) <= 4_096 + 300
