"""Subscription lists in and out: OPML (import and export) and newsboat's `urls` file (import).

Pure functions, text in and data out, so the CLI only reads a file and hands over its bytes.
Both formats come from elsewhere and are untrusted:

* OPML is parsed with defusedxml, which refuses DOCTYPEs and entity declarations (no file or
  network access, no entity blow-up), and the outline tree is walked without recursion, so a
  deeply nested file cannot raise RecursionError.
* A newsboat `urls` line may name a command (`exec:`, `filter:`) or a saved search (`query:`).
  Those lines are skipped with a warning and nothing is ever executed (newsboat's own OPML
  import once turned such entries into commands, see SECURITY.md).
* Every URL must be http(s) with a host; titles and tags pass the shared sanitizer.

Tags: OPML folders (outlines without `xmlUrl`) and the `category` attribute both become tags;
export writes a flat list with tags in `category` (OPML 2.0: comma-separated, no slashes means
"a tag"), so an export read back gives the same titles, URLs and tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import NamedTuple
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

from briefing_tui.errors import UsageError
from briefing_tui.sanitize import clean_line, clean_url

MAX_IMPORT_BYTES = 16 * 1024 * 1024
"""Larger files are refused before parsing: a subscription list is a few kilobytes."""

_SKIPPED_KINDS = ("query:", "exec:", "filter:")


class Subscription(NamedTuple):
    """One feed to subscribe to, as a file describes it."""

    url: str
    title: str = ""
    tags: tuple[str, ...] = ()


class ImportResult(NamedTuple):
    subscriptions: tuple[Subscription, ...]
    warnings: tuple[str, ...]
    format: str
    """'opml' or 'urls'."""


class ImportFormatError(UsageError):
    """The file is not a usable subscription list (exit status 2, like other bad input)."""


# --------------------------------------------------------------------------- URLs


def normalize_feed_url(url: str) -> str:
    """The URL stripped, or ValueError with a one-line reason if it cannot be a feed address."""
    cleaned = clean_url(url)
    if not cleaned:
        raise ValueError("empty, too long, or contains spaces or control characters")
    try:
        parts = urlsplit(cleaned)
        parts.port  # noqa: B018 -- raises ValueError on a bad port
    except ValueError as exc:
        raise ValueError(f"malformed URL ({exc})") from None
    if parts.scheme.lower() not in ("http", "https"):
        raise ValueError("only http:// and https:// feeds are supported")
    if not parts.hostname:
        raise ValueError("no host name")
    return cleaned


# --------------------------------------------------------------------------- detection


def parse_subscriptions(data: bytes | str) -> ImportResult:
    """Read OPML or a newsboat `urls` file, telling them apart by content."""
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFormatError(f"file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB")
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n" if isinstance(data, bytes) else "\ufeff \t\r\n")
    is_xml = head.startswith(b"<") if isinstance(data, bytes) else head.startswith("<")
    result = parse_opml(data) if is_xml else parse_urls(_decode(data))
    if not result.subscriptions:
        why = f" ({result.warnings[0]})" if result.warnings else ""
        raise ImportFormatError(f"no feed URLs found{why}")
    return result


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    return data.decode("utf-8-sig", errors="replace")


# --------------------------------------------------------------------------- OPML in


def parse_opml(data: bytes | str) -> ImportResult:
    """Feeds of an OPML document: nested folders and `category` become tags."""
    root = _parse_xml(data)
    if _local(root.tag) != "opml":
        raise ImportFormatError(f"not an OPML document (root element <{_local(root.tag)}>)")
    body = next((el for el in root if _local(el.tag) == "body"), None)
    if body is None:
        raise ImportFormatError("not an OPML document (no <body>)")
    collector = _Collector()
    stack: list[tuple[ET.Element, tuple[str, ...]]] = [(c, ()) for c in reversed(_outlines(body))]
    while stack:  # depth-first in document order, without recursion
        element, folders = stack.pop()
        url = _attr(element, "xmlurl")
        if url:
            collector.add_outline(element, url, folders)
            continue
        label = clean_line(_attr(element, "title") or _attr(element, "text"))
        inner = (*folders, label) if label else folders
        stack.extend((child, inner) for child in reversed(_outlines(element)))
    return collector.result("opml")


def _outlines(element: ET.Element) -> list[ET.Element]:
    return [child for child in element if _local(child.tag) == "outline"]


def _parse_xml(data: bytes | str) -> ET.Element:
    import defusedxml.ElementTree as SafeET
    from defusedxml import DefusedXmlException

    try:
        return SafeET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException:
        raise ImportFormatError("OPML with a DOCTYPE or entities is refused") from None
    except ET.ParseError as exc:
        line, column = exc.position
        raise ImportFormatError(f"invalid XML at line {line}, column {column + 1}") from None


def _local(tag: object) -> str:
    """Element name without a namespace; comments and processing instructions give ''."""
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _attr(element: ET.Element, name: str) -> str:
    """Attribute by case-insensitive name (`xmlUrl`, `xmlurl` and `XMLURL` all occur)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return ""


def _categories(value: str) -> tuple[str, ...]:
    """OPML 2.0 `category`: comma-separated, optionally slash-delimited paths."""
    tags = (clean_line(part.strip().strip("/")) for part in value.split(","))
    return tuple(tag for tag in tags if tag)


class _Collector:
    """Accumulates subscriptions in file order, merging duplicates and noting what was skipped."""

    def __init__(self) -> None:
        self._subs: dict[str, Subscription] = {}
        self._warnings: list[str] = []

    def warn(self, message: str) -> None:
        self._warnings.append(message)

    def add_outline(self, element: ET.Element, url: str, folders: tuple[str, ...]) -> None:
        title = clean_line(_attr(element, "title") or _attr(element, "text"))
        if title == url.strip():
            title = ""
        tags = (*folders, *_categories(_attr(element, "category")))
        self.add(url, title, tags, where=f"outline {clean_line(url, 200)!r}")

    def add(self, url: str, title: str, tags: Iterable[str], *, where: str) -> None:
        try:
            url = normalize_feed_url(url)
        except ValueError as exc:
            self.warn(f"{where}: skipped, {exc}")
            return
        known = self._subs.get(url)
        merged = _unique([*(known.tags if known else ()), *tags])
        self._subs[url] = Subscription(url, (known.title if known else "") or title, merged)

    def result(self, fmt: str) -> ImportResult:
        return ImportResult(tuple(self._subs.values()), tuple(self._warnings), fmt)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item for item in items if item))


# --------------------------------------------------------------------------- newsboat urls in

_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"?|(\S+)')


def parse_urls(text: str) -> ImportResult:
    """newsboat's `urls` file: `URL tag "tag with spaces" "~Title"`, `#` comments."""
    collector = _Collector()
    for number, line in enumerate(text.splitlines(), start=1):
        tokens = _tokenize(line)
        if not tokens:
            continue
        url, *rest = tokens
        kind = next((k for k in _SKIPPED_KINDS if url.lower().startswith(k)), None)
        if kind:
            collector.warn(f"line {number}: skipped {kind[:-1]} entry (never executed)")
            continue
        title = next((t[1:] for t in rest if t.startswith("~")), "")
        tags = [clean_line(t) for t in rest if not t.startswith(("~", "!"))]
        collector.add(url, clean_line(title), tags, where=f"line {number}")
    return collector.result("urls")


def _tokenize(line: str) -> list[str]:
    """Whitespace-separated words, double quotes group words, `#` outside quotes ends the line."""
    tokens: list[str] = []
    for match in _TOKEN.finditer(line):
        quoted, bare = match.groups()
        if bare is not None:
            if bare.startswith("#"):
                break
            tokens.append(bare)
        else:
            tokens.append(re.sub(r"\\(.)", r"\1", quoted))
    return tokens


# --------------------------------------------------------------------------- OPML out


def write_opml(
    subscriptions: Iterable[Subscription],
    *,
    title: str = "briefing-tui subscriptions",
    created: datetime | None = None,
) -> str:
    """An OPML 2.0 document, one flat outline per feed, tags in `category`."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    when = created or datetime.now(UTC)
    ET.SubElement(head, "dateCreated").text = format_datetime(when.astimezone(UTC), usegmt=True)
    body = ET.SubElement(root, "body")
    for sub in subscriptions:
        name = clean_line(sub.title)
        attrs = {"type": "rss", "text": name or sub.url}
        if name:
            attrs["title"] = name
        attrs["xmlUrl"] = sub.url
        tags = [clean_line(tag).replace(",", " ") for tag in sub.tags]
        if any(tags):
            attrs["category"] = ",".join(tag for tag in tags if tag)
        ET.SubElement(body, "outline", attrs)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
