"""Feed bytes -> `models.ParsedFeed`: the only module that imports feedparser.

Defences, in the order they run (SECURITY.md findings 4, 5, 6, 7):
- a size cap before anything else;
- the document is decoded the way feedparser will decode it (its own `convert_to_utf8`), then
  DOCTYPEs and ENTITY declarations are removed from the prolog, because feedparser's
  loose-parser fallback expands a quadratic entity blow-up that expat refused (a 125 kB feed
  became a 500 MB string); decoding first means UTF-7, EBCDIC or BOM-less UTF-16 cannot hide
  a DOCTYPE from the byte-level search;
- feedparser only ever gets a `BytesIO`: given bytes or a str it may open a local file;
- every feedparser dict becomes frozen dataclasses here; nothing else sees them;
- out-of-range date tuples (year -1 or 10000) become None; links outside http(s) become '';
  all text goes through the sanitizer after the last decoding step (our HTML-to-text).

feedparser reads through `saxbuffer` (expat buffering text: a fifth less feedparser time).
`sanitize_html=False, resolve_relative_uris=False` doubles feedparser's speed (PERFORMANCE.md):
its HTML sanitizer is wasted work because `htmltext` drops scripts, forms and embeds itself and
shows only http(s) links, which it resolves against the entry's base (xml:base when it is
http(s), else the entry link, else the feed URL).
"""

from __future__ import annotations

import calendar
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

import feedparser
from feedparser.encodings import convert_to_utf8

from briefing_tui.errors import FeedError
from briefing_tui.feeds import saxbuffer  # noqa: F401 - feedparser gets the buffered reader
from briefing_tui.htmltext import html_to_text, valid_base
from briefing_tui.models import ParsedEntry, ParsedFeed
from briefing_tui.sanitize import MAX_TITLE, clean_line, clean_text, clean_url, openable_url

MAX_FEED_BYTES = 10 * 1024 * 1024
MAX_GUID = 2_048


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """A parse that failed, as a value (it crosses process boundaries intact)."""

    reason: str
    looks_like_html: bool = False


class NotAFeed(FeedError):
    """The document is not RSS/Atom/JSON; `looks_like_html` says whether discovery may help."""

    def __init__(self, message: str, looks_like_html: bool = False) -> None:
        super().__init__(message)
        self.looks_like_html = looks_like_html


_SUBSET_END = re.compile(rb"\]\s*>")
_NAME_START = re.compile(rb"[A-Za-z_:\x80-\xff]")
_HTML_SNIFF = re.compile(rb"<html[\s>]|<!doctype\s+html|<head[\s>]|<body[\s>]", re.IGNORECASE)
_UTF16 = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
)
_XML_DECL_ENCODING = re.compile(rb"""^(\s*<\?xml[^>]*?encoding=)(["'])[^"']*\2""")


def strip_doctype(body: bytes) -> bytes:
    """Remove DOCTYPEs (with internal subsets) and any other `<!...>` declaration from the prolog.

    Only the prolog (before the root element) can declare entities, for expat and for
    feedparser's loose fallback alike.  The scan steps over comments and processing
    instructions, so a decoy `<!-- <rss> -->` does not end the prolog early; a DOCTYPE quoted
    inside an article's CDATA is content and stays.
    """
    for bom, codec in _UTF16:
        if body.startswith(bom):
            return _strip_wide(body, codec)
    kept: list[bytes] = []
    pos = 0
    while (lt := body.find(b"<", pos)) >= 0:
        if body.startswith(b"<?", lt):
            end = _after(body, b"?>", lt + 2)
        elif body.startswith(b"<!--", lt):
            end = _after(body, b"-->", lt + 4)
        elif body.startswith(b"<!", lt):  # DOCTYPE, or a stray ENTITY/ELEMENT: dropped
            kept.append(body[pos:lt])
            is_doctype = body[lt : lt + 9].upper() == b"<!DOCTYPE"
            pos = _doctype_end(body, lt) if is_doctype else _after(body, b">", lt + 2)
            continue
        elif _NAME_START.match(body, lt + 1):
            break  # the root element: the prolog ends here
        else:
            end = lt + 1  # a stray '<' is not the root; keep looking
        kept.append(body[pos:end])
        pos = end
    return b"".join(kept) + body[pos:]


def _after(data: bytes, token: bytes, start: int) -> int:
    found = data.find(token, start)
    return len(data) if found < 0 else found + len(token)


def _doctype_end(data: bytes, start: int) -> int:
    close = data.find(b">", start)
    bracket = data.find(b"[", start)
    if close < 0:
        return len(data)
    if 0 <= bracket < close:
        sub = _SUBSET_END.search(data, bracket)
        return sub.end() if sub else len(data)
    return close + 1


def _strip_wide(body: bytes, codec: str) -> bytes:
    """UTF-16/32 documents: transcode to UTF-8 only when they carry a DOCTYPE."""
    text = body.decode(codec, "replace").lstrip("\ufeff")
    if "<!doctype" not in text.lower() and "<!entity" not in text.lower():
        return body
    utf8 = _XML_DECL_ENCODING.sub(rb"\1\2utf-8\2", text.encode("utf-8"), count=1)
    return strip_doctype(utf8)


def _utf8_without_doctype(body: bytes, headers: dict[str, str]) -> tuple[bytes, dict[str, str]]:
    """Decode as feedparser will (HTTP charset, XML declaration, BOM, fallbacks), then strip.

    Stripping raw bytes would miss a DOCTYPE in UTF-7, EBCDIC or BOM-less UTF-16/32, which
    feedparser decodes and then expands.  So we run feedparser's own decoding step first and
    strip the UTF-8 it produced; the second decoding inside feedparser.parse is then a no-op.
    """
    info: dict[str, Any] = {}
    try:
        data = convert_to_utf8(headers, body, info)
    except Exception:  # feedparser's decoder failing is no reason to skip the defence
        data = body
    if not info.get("encoding") or not isinstance(data, bytes):
        return strip_doctype(body), headers  # undecodable: feedparser reads these raw bytes
    mime = headers.get("content-type", "").split(";")[0].strip() or "application/xml"
    return strip_doctype(data), {**headers, "content-type": f"{mime}; charset=utf-8"}


def parse_feed(
    body: bytes, headers: Mapping[str, str], url: str, *, max_bytes: int = MAX_FEED_BYTES
) -> ParsedFeed:
    """Parse one feed document; raises FeedError (NotAFeed) with a one-line reason."""
    if len(body) > max_bytes:
        raise FeedError(f"feed is larger than {max_bytes // 1024} kB")
    if not body.strip():
        raise NotAFeed("empty response")
    response_headers = {k.lower(): v for k, v in headers.items()}
    cleaned, response_headers = _utf8_without_doctype(body, response_headers)
    # No content-location: feedparser would resolve a bare RSS <guid> against the document URL,
    # so a feed that moves would re-key (and duplicate) every article.  Links are resolved
    # against the document URL here instead (_resolve).
    response_headers.pop("content-location", None)
    try:
        data = feedparser.parse(
            io.BytesIO(cleaned),
            response_headers=response_headers,
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except RecursionError:
        raise FeedError("feed is nested too deeply to parse") from None
    except Exception as exc:  # feedparser has many failure types; all are one-line reasons
        raise FeedError(clean_line(f"could not parse feed: {exc}", 300)) from None
    return _convert(data, body, url)


def _convert(data: Any, body: bytes, url: str) -> ParsedFeed:
    feed = data.get("feed", {})
    raw_entries = data.get("entries", [])
    if not data.get("version") and not raw_entries:
        html = bool(_HTML_SNIFF.search(body[:65536]))
        reason = "an HTML page, not a feed" if html else "not a feed"
        exc = data.get("bozo_exception")
        detail = f" ({clean_line(str(exc), 150)})" if exc and not html else ""
        raise NotAFeed(reason + detail, looks_like_html=html)
    site = _resolve(feed.get("link"), url)
    base = site or openable_url(url) or ""
    entries = tuple(_entry(e, base, url) for e in raw_entries)
    warning = None
    if data.get("bozo"):
        warning = clean_line(f"malformed feed: {data.get('bozo_exception')}", 300)
    return ParsedFeed(
        title=_title(feed),
        site_url=site,
        entries=entries,
        warning=warning,
    )


def _resolve(link: Any, document_url: str) -> str:
    """An http(s) link, relative ones resolved against the feed document's URL."""
    link = clean_url(link if isinstance(link, str) else "")
    if link and document_url and "://" not in link[:12]:
        try:
            link = urljoin(document_url, link)
        except ValueError:
            return ""
    return openable_url(link) or ""


def _entry(entry: Any, feed_base: str, document_url: str) -> ParsedEntry:
    e = dict(entry)  # C-level .get(); FeedParserDict.get is Python with key aliases (~0.7 us)
    link = _resolve(e.get("link"), document_url)
    base = link or feed_base
    published = _date(e.get("published_parsed"))
    updated = _date(entry.get("updated_parsed"))  # the alias: published_parsed if no updated
    return ParsedEntry(
        guid=clean_line(e.get("id") or "", MAX_GUID),
        link=link,
        title=_title(e),
        author=clean_line(e.get("author") or ""),
        published=published or updated,
        updated=updated,
        body=_body(e, base),
    )


def _title(d: Any) -> str:
    title = d.get("title") or ""
    detail = d.get("title_detail") or {}
    if "html" in (detail.get("type") or "") and ("<" in title or "&" in title):
        title = html_to_text(title, max_len=MAX_TITLE * 2)
    return clean_line(title)


def _body(e: Any, base: str) -> str:
    """Prefer full content over the summary; HTML becomes text, plain text stays as it is."""
    parts = [c for c in e.get("content") or () if c.get("value")]
    if parts:
        chosen = max(parts, key=lambda c: ("html" in (c.get("type") or ""), len(c["value"])))
    elif e.get("summary"):
        chosen = e.get("summary_detail") or {"value": e["summary"], "type": "text/html"}
    else:
        return ""
    value = chosen.get("value") or ""
    kind = chosen.get("type") or "text/html"
    if "html" in kind or "xml" in kind:
        base = valid_base(chosen.get("base") or "") or base  # both from openable_url
        return html_to_text(value, base, base_checked=True)
    return clean_text(value)


def _date(parsed: Any) -> datetime | None:
    """feedparser's UTC struct_time -> aware datetime; out-of-range tuples -> None."""
    if not parsed:
        return None
    try:
        stamp = calendar.timegm(tuple(parsed)[:6] + (0, 0, 0))
        return datetime.fromtimestamp(stamp, UTC)
    except (ValueError, OverflowError, TypeError, OSError):
        return None


def parse_job(body: bytes, headers: Mapping[str, str], url: str, max_bytes: int) -> Any:
    """parse_feed for a worker process or thread: a ParsedFeed or a ParseFailure, never raises."""
    try:
        return parse_feed(body, headers, url, max_bytes=max_bytes)
    except NotAFeed as exc:
        return ParseFailure(str(exc), exc.looks_like_html)
    except FeedError as exc:
        return ParseFailure(str(exc))
    except Exception as exc:  # a parser bug must stay one feed's problem
        return ParseFailure(clean_line(f"parser failed: {type(exc).__name__}: {exc}", 300))
