"""Article HTML -> readable plain text for a terminal.

Why not html2text?  It writes Markdown (``1\\.``, ``[text](url)``) where we want ``text <url>``
(the reader sees where a link really goes), and it was slow (PERFORMANCE.md).

selectolax (the Lexbor HTML5 engine, C) builds a spec-conformant tree from any tag soup and
decodes entities once.  This module walks that tree *iteratively* (an explicit parent stack:
5,000 nested <div> cannot raise RecursionError) and writes blocks, lists, quotes and links as
text; per node it does as little Python as it can (the walk is most of the cost, not the parse).

Nothing is fetched: images become at most ``[image: alt]``; scripts, styles, forms, frames and
embedded objects are dropped with their content; only http(s) hrefs are shown.  The result goes
through `sanitize.clean_text` *after* the one entity-decoding step, so ``&amp;#27;`` stays the
visible text ``&#27;`` and never becomes ESC.
"""

from __future__ import annotations

import functools
import re
from html import unescape
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from briefing_tui.sanitize import MAX_BODY, MAX_URL, ascii_url, clean_text, openable_url

MAX_DEPTH = 200
"""Deeper elements are still read for their text, but their structure is flattened."""

_DROP = frozenset(
    "script style noscript template head title meta link base form input button select "
    "option textarea iframe frame frameset object embed applet svg math canvas audio video "
    "source track map area dialog".split()
)
_BLOCK = frozenset(
    "p div section article header footer main aside nav address figure figcaption "
    "h1 h2 h3 h4 h5 h6 table thead tbody tfoot caption dl center details summary".split()
)
_WS = re.compile(r"\s+")
_HANDLED = _DROP | _BLOCK | {*"pre blockquote ul ol menu li br tr dt dd td th hr img a".split()}
"""Tags the writer acts on; any other element is transparent (its content is walked)."""
_TAG = re.compile(r"<(/?)[A-Za-z][^>]*>")
_ABSOLUTE = re.compile(
    r"https?://[^/?#;\x00-\x20\x7f-\U0010ffff](?!.*\?#)[^;\x00-\x20\x7f-\U0010ffff]*(?<![?#])"
)
"""Links urljoin returns unchanged (a host; no ';' params, empty '?' or '#', space, non-ASCII)."""
_LABEL = r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?"
_PLAIN_URL = re.compile(
    rf"https?://(?!.*\?#)((?:{_LABEL}\.)*{_LABEL}\.?)(?:[/?#][!#-:=?-\[\]-_a-~]*)?(?<![?#])"
)
"""Links ascii_url returns as they are (lower-case DNS host, no port or userinfo); in _ABSOLUTE."""
_ASCII_SPACE = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f"  # what str.split() splits on in ASCII, but " "
SOUP_TAGS = 2_000
"""Below this many '<' the nesting cannot be deep enough to matter (checking costs time)."""
MAX_NESTING = 1_500
"""HTML5 tree building scans the open-element stack per tag: 50k nested tags took 11 s.
Deeper documents are rendered as flat text instead, in linear time."""


def _is_blank(line: str) -> bool:
    if (last := line[-1:]) and last != ">" and not last.isspace():
        return False  # the usual case, without copying the line
    return not line.replace(">", "").strip()


def _squash(data: str) -> str:
    """ " ".join(data.split()): whitespace runs -> one space, none at either end."""
    if data.isascii() and "  " not in data:  # then C-level checks beat splitting into words
        if len(data.encode().translate(None, _ASCII_SPACE)) == len(data):
            return data.strip(" ")  # the only whitespace is single spaces
    return " ".join(data.split())


class _Writer:
    """Accumulates lines; knows the current quote depth and list nesting."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.lines: list[str] = []
        self.buf: list[str] = []
        self.has_text = False  # whether buf holds text beyond list markers and indentation
        self.quote = 0
        self.lists: list[list[int]] = []  # one [counter] per open list; -1 for <ul>
        self.links: list[tuple[str, list[str]]] = []
        self.pre = 0
        self.size = 0

    # -- low-level output
    def flush(self) -> None:
        if not self.has_text:
            self.buf = []
            return
        line = "".join(self.buf).rstrip()
        if line.strip():
            self.lines.append("> " * self.quote + line if self.quote else line)
        self.buf = []
        self.has_text = False

    def blank(self) -> None:
        if self.has_text or self.buf:
            self.flush()
        if (lines := self.lines) and lines[-1] and not _is_blank(lines[-1]):
            lines.append(("> " * self.quote).rstrip() if self.quote else "")

    def text(self, data: str) -> None:
        if self.pre:
            for i, part in enumerate(data.split("\n")):
                if i:
                    self.flush()
                self._put(part)
            return
        # whitespace runs -> one space; no space after a space
        if piece := _squash(data):
            if self.has_text and data[0].isspace() and not self.buf[-1].endswith(" "):
                piece = " " + piece
            self._put(piece + " " if data[-1].isspace() else piece)
        elif self.has_text and data and not self.buf[-1].endswith(" "):
            self._put(" ")

    def _put(self, data: str) -> None:
        self.size += len(data)
        self.buf.append(data)
        self.has_text = True
        if self.links:
            self.links[-1][1].append(data)

    # -- elements
    def start(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """Handle an opening tag; False means 'do not descend into it'."""
        if tag in _DROP:
            return False
        if tag in _BLOCK or tag == "pre":
            self.blank()
            self.pre += tag == "pre"
        elif tag == "blockquote":
            self.blank()
            self.quote += 1
        elif tag in ("ul", "ol", "menu"):
            self.flush() if self.lists else self.blank()
            self.lists.append([0 if tag == "ol" else -1])
        elif tag == "li":
            self._list_item()
        elif tag in ("br", "tr", "dt"):
            self.flush()
        elif tag == "dd":
            self.flush()
            self.buf.append("    ")
        elif tag in ("td", "th"):
            if self.buf and "".join(self.buf).strip():
                self._put(" | ")
        elif tag == "hr":
            self.blank()
            self.lines.append("> " * self.quote + "----")
            self.blank()
        elif tag == "img":
            if alt := _WS.sub(" ", attrs.get("alt") or "").strip():
                self.text(f" [image: {alt}] ")
        elif tag == "a":
            self.links.append((self._href(attrs.get("href")), []))
        return True

    def _list_item(self) -> None:
        self.flush()
        if not self.lists:
            self.lists.append([-1])
        counter = self.lists[-1]
        counter[0] += counter[0] >= 0
        marker = f"{counter[0]}. " if counter[0] >= 0 else "- "
        self.buf.append("  " * (len(self.lists) - 1) + marker)

    def _href(self, href: str | None) -> str:
        if not href or href.startswith("#"):
            return ""
        url = href.strip()
        if self.base and not _ABSOLUTE.fullmatch(url):
            try:
                url = urljoin(self.base, url)
            except ValueError:
                return ""
        if (m := _PLAIN_URL.fullmatch(url)) and len(url) <= MAX_URL:
            if len(host := m[1]) <= 253 and "xn--" not in host:
                return url  # what ascii_url would return, ~20x faster
        return ascii_url(url) or ""  # punycode host: a look-alike cannot pass as apple.com

    def end(self, tag: str) -> None:
        if tag in _BLOCK or tag == "pre":
            self.blank()
            self.pre -= tag == "pre" and self.pre > 0
        elif tag == "blockquote":
            self.flush()
            while self.lines and _is_blank(self.lines[-1]):
                self.lines.pop()
            self.quote = max(0, self.quote - 1)
            self.blank()
        elif tag in ("ul", "ol", "menu"):
            self.flush()
            if self.lists:
                self.lists.pop()
            if not self.lists:
                self.blank()
        elif tag in ("li", "tr", "dd", "dt"):
            self.flush()
        elif tag == "a" and self.links:
            href, pieces = self.links.pop()
            label = "".join(pieces).strip()
            if self.links:
                self.links[-1][1].extend(pieces)
            if href and label not in (href, href.rstrip("/")):
                self._put(f" <{href}>")


valid_base = functools.lru_cache(maxsize=256)(openable_url)
"""openable_url, cached: a feed's entries share a handful of base URLs (feed URL, xml:base)."""


def html_to_text(
    html: str, base_url: str = "", max_len: int = MAX_BODY, *, base_checked: bool = False
) -> str:
    """Readable text from an HTML fragment or document; relative links resolved on base_url.

    base_checked: the caller already has base_url from openable_url (or it is ''), which is
    idempotent, so it need not be checked again (a feed's entry links are all different)."""
    if not html or not html.strip():
        return ""
    html = html[: max_len * 5]
    if html.count("<") > SOUP_TAGS and _nesting(html) > MAX_NESTING:
        return _flat_text(html, max_len)
    writer = _Writer(base_url if base_checked or valid_base(base_url) else "")
    if (root := LexborHTMLParser(html).body) is not None:
        _walk(root, writer, max_len * 2)
    writer.flush()
    return clean_text("\n".join(writer.lines), max_len)


def _nesting(html: str) -> int:
    """A linear upper-bound estimate of element nesting (void elements count as open)."""
    depth = deepest = 0
    for m in _TAG.finditer(html):
        depth = max(0, depth - 1) if m.group(1) else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _flat_text(html: str, max_len: int) -> str:
    """Pathological markup: drop script/style blocks and all tags, decode entities once."""
    lower, out, pos = html.lower(), [], 0
    while True:
        starts = [i for i in (lower.find(f"<{t}", pos) for t in ("script", "style")) if i >= 0]
        if not starts:
            out.append(html[pos:])
            break
        start = min(starts)
        tag = "script" if lower.startswith("<script", start) else "style"
        end = lower.find(f"</{tag}", start)
        out.append(html[pos:start])
        if end < 0:
            break
        pos = lower.find(">", end) + 1 or len(html)
    text = _WS.sub(" ", _TAG.sub(" ", "".join(out)))
    return clean_text(unescape(text), max_len)


def _walk(root, writer: _Writer, budget: int) -> None:  # noqa: ANN001 - selectolax Node
    """Depth-first over the tree with an explicit stack of open parents.  A handled element
    whose one child is text (most <p>, <li>, <a> in feeds) is not pushed: the same calls."""
    parents: list = []
    node = root.child
    text = writer.text
    while writer.size < budget:
        if node is None:
            if not parents:
                return
            node = parents.pop()
            if (tag := node.tag) in _HANDLED:
                writer.end(tag)
            node = node.next
            continue
        tag = node.tag
        if tag == "-text":
            text(node.text_content or "")
        elif (child := node.child) is not None and tag not in _HANDLED and len(parents) < MAX_DEPTH:
            parents.append(node)  # inline formatting (b, em, span...): only its content matters
            node = child
            continue
        elif tag and tag[0] != "-" and tag != "_comment":
            attrs = node.attributes if tag in ("a", "img") else {}
            if writer.start(tag, attrs) and child is not None:
                if len(parents) >= MAX_DEPTH:
                    text(" " + (node.text(deep=True) or "") + " ")
                elif child.next is not None or child.tag != "-text":
                    parents.append(node)
                    node = child
                    continue
                else:
                    text(child.text_content or "")
                    if writer.size >= budget:
                        return
            writer.end(tag)
        node = node.next
