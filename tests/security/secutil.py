"""Shared oracles for the security tests: what may never reach a terminal.

The oracle is written independently of sanitize.py (it asks unicodedata directly), so a bug in
the sanitizer's tables cannot hide itself.
"""

from __future__ import annotations

import unicodedata

from briefing_tui.sanitize import MAX_COMBINING

_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def is_forbidden(ch: str) -> bool:
    """True for a character that must never be stored or drawn (newline and tab are fine)."""
    if ch in "\n\t":
        return False
    cp = ord(ch)
    if 0xFDD0 <= cp <= 0xFDEF or (cp & 0xFFFE) == 0xFFFE:
        return True  # noncharacters
    return unicodedata.category(ch) in _FORBIDDEN_CATEGORIES


def forbidden_chars(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if is_forbidden(c)]


def longest_mark_run(text: str) -> int:
    best = run = 0
    for ch in text:
        run = run + 1 if unicodedata.category(ch).startswith("M") else 0
        best = max(best, run)
    return best


def assert_terminal_safe(text: str, *, one_line: bool = False) -> None:
    """No control/format/surrogate/noncharacter, marks capped; one line if asked."""
    assert not forbidden_chars(text), (forbidden_chars(text)[:10], text[:200])
    assert longest_mark_run(text) <= MAX_COMBINING
    text.encode("utf-8")  # valid UTF-8 for SQLite: no lone surrogate survived
    if one_line:
        assert "\n" not in text and "\t" not in text, text[:200]


# Terminal escape sequences a hostile feed might carry (7-bit and 8-bit forms).
ESCAPES = {
    "clear screen": "\x1b[2J\x1b[H",
    "cursor-up overwrite": "\x1b[1A\x1b[2K",
    "SGR conceal": "\x1b[8m",
    "alt screen": "\x1b[?1049h",
    "mouse reporting": "\x1b[?1000h\x1b[?1006h",
    "full reset": "\x1bc",
    "OSC 52 write BEL": "\x1b]52;c;Y3VybCBodHRwczovL2V2aWwuaW52YWxpZC94IHwgc2g=\x07",
    "OSC 52 write ST": "\x1b]52;c;Y3VybCBodHRwczovL2V2aWwuaW52YWxpZC94IHwgc2g=\x1b\\",
    "OSC 52 read query": "\x1b]52;c;?\x07",
    "OSC 8 fake link": "\x1b]8;;https://evil.invalid/\x1b\\https://bank.example\x1b]8;;\x1b\\",
    "OSC 0 title": "\x1b]0;pwned\x07",
    "OSC 1 icon title": "\x1b]1;pwned\x1b\\",
    "CSI 21t title report": "\x1b[21t",
    "DA query": "\x1b[c",
    "DSR query": "\x1b[6n",
    "DECRQSS": "\x1bP$qm\x1b\\",
    "font query": "\x1b]50;?\x07",
    "tmux passthrough": "\x1bPtmux;\x1b\x1b]52;c;aWQ=\x07\x1b\\",
    "8-bit CSI": "\x9b2J",
    "8-bit OSC + ST": "\x9d52;c;aWQ=\x9c",
    "8-bit DCS": "\x90$qm\x9c",
    "NUL": "a\x00b",
    "DEL": "a\x7fb",
    "BS overwrite": "safe\x08\x08\x08\x08evil",
    "SO/SI charset": "\x0eabc\x0f",
    "BEL": "\x07",
}


def assert_parsed_feed_safe(pf) -> None:  # noqa: ANN001 - models.ParsedFeed
    """Every field of a ParsedFeed is terminal-safe, bounded, and links are http(s) or ''."""
    from briefing_tui.feeds.parse import MAX_GUID
    from briefing_tui.sanitize import MAX_BODY, MAX_TITLE, MAX_URL, openable_url

    assert_terminal_safe(pf.title, one_line=True)
    assert len(pf.title) <= MAX_TITLE
    assert pf.site_url == "" or openable_url(pf.site_url) == pf.site_url
    if pf.warning is not None:
        assert_terminal_safe(pf.warning, one_line=True)
        assert len(pf.warning) <= 1_000
    for e in pf.entries:
        for value, cap in ((e.title, MAX_TITLE), (e.author, MAX_TITLE), (e.guid, MAX_GUID)):
            assert_terminal_safe(value, one_line=True)
            assert len(value) <= cap
        assert_terminal_safe(e.body)
        assert len(e.body) <= MAX_BODY
        assert e.link == "" or openable_url(e.link) == e.link
        assert len(e.link) <= MAX_URL
        for when in (e.published, e.updated):
            assert when is None or when.utcoffset() is not None
