"""Untrusted text in, text that is safe to store and draw in a terminal out.

Every string that came from a feed or a server (titles, authors, bodies, links, error
messages quoting server text) passes through here after its last decoding step, because
feedparser, Rich and Textual all let ESC and C1 bytes reach the terminal (see SECURITY.md).
"""

from __future__ import annotations

import re
import unicodedata

MAX_TITLE = 1_000
MAX_BODY = 200_000
MAX_URL = 4_096
MAX_COMBINING = 3

# C0 except tab and newline, DEL, C1; bidi embeddings/overrides/isolates; zero-width and other
# invisible format characters; noncharacters.  Line/paragraph separators become newlines.
_DROP = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f"
    "\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff"
    "\U000e0000-\U000e007f]"
)
_SEPARATORS = re.compile("[\r\u2028\u2029\x85]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")


def _cap_combining(text: str) -> str:
    """Keep at most MAX_COMBINING combining marks after each base character (anti-Zalgo)."""
    out: list[str] = []
    run = 0
    for ch in text:
        if unicodedata.combining(ch):
            run += 1
            if run > MAX_COMBINING:
                continue
        else:
            run = 0
        out.append(ch)
    return "".join(out)


def clean_text(text: str | None, max_len: int = MAX_BODY) -> str:
    """Multi-line text: control and invisible characters removed, blank runs collapsed."""
    if not text:
        return ""
    text = text[: max_len * 2]
    text = _SEPARATORS.sub("\n", text)
    text = _DROP.sub("", text)
    if _has_combining(text):
        text = _cap_combining(text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()[:max_len]


def _has_combining(text: str) -> bool:
    return not text.isascii() and any(unicodedata.combining(c) for c in text)


def clean_line(text: str | None, max_len: int = MAX_TITLE) -> str:
    """One-line text (titles, authors, feed names): whitespace of any kind becomes one space."""
    text = clean_text(text, max_len * 2)
    text = _SPACES.sub(" ", text.replace("\n", " ").replace("\t", " "))
    return text.strip()[:max_len]


_URL_BAD = re.compile(r"[\x00-\x20\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_url(url: str | None) -> str:
    """A link as stored: trimmed, capped, and '' if it contains whitespace or controls."""
    if not url:
        return ""
    url = url.strip()
    if len(url) > MAX_URL or _URL_BAD.search(url):
        return ""
    return url


def openable_url(url: str | None) -> str | None:
    """The URL if it may be opened in a browser or made a hyperlink: http(s) only."""
    url = clean_url(url)
    if not url or url.startswith("-"):
        return None
    scheme, sep, rest = url.partition(":")
    if not sep or scheme.lower() not in ("http", "https") or not rest.startswith("//"):
        return None
    if len(rest) <= 2:
        return None
    return url
