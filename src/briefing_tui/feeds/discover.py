"""Find the feed a web page advertises, for users who subscribe to a site's home page.

Sites announce their feeds with `<link rel="alternate" type="application/rss+xml" href=...>`
in the page head (the RSS autodiscovery convention).  We read those with the same HTML5 parser
as htmltext (selectolax), resolve relative hrefs against the page URL, and keep http(s) only.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from briefing_tui.feeds.fetch import Fetcher, FetchResult
from briefing_tui.feeds.parse import ParseFailure
from briefing_tui.models import ParsedFeed
from briefing_tui.sanitize import clean_line, openable_url

FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
)
MAX_PAGE = 2 * 1024 * 1024


def find_feed_links(page: bytes, page_url: str) -> list[str]:
    """Feed URLs advertised by an HTML page, in page order, without duplicates."""
    try:
        tree = LexborHTMLParser(page[:MAX_PAGE].decode("utf-8", "replace"))
    except Exception:  # a page the parser cannot read advertises nothing
        return []
    found: list[str] = []
    for node in tree.css("link[rel][href]"):
        attrs = node.attributes
        rels = (attrs.get("rel") or "").lower().split()
        kind = (attrs.get("type") or "").split(";")[0].strip().lower()
        if "alternate" not in rels or kind not in FEED_TYPES:
            continue
        try:
            url = openable_url(urljoin(page_url, (attrs.get("href") or "").strip()))
        except ValueError:
            continue
        if url and url not in found:
            found.append(url)
    return found


@dataclass(frozen=True, slots=True)
class Discovered:
    feed: ParsedFeed
    fetched: FetchResult
    url: str
    """The feed URL to store from now on (after its own permanent redirects)."""


async def follow_advertised(
    fetcher: Fetcher,
    page: FetchResult,
    parse: Callable[[FetchResult], Awaitable[ParsedFeed | ParseFailure]],
) -> Discovered | ParseFailure:
    """The URL gave an HTML page: fetch and parse the first feed it advertises, if any."""
    links = find_feed_links(page.body, page.final_url or page.url)
    if not links:
        return ParseFailure("an HTML page that advertises no feed")
    target = links[0]
    result = await fetcher.fetch(target)
    if result.status != "ok":
        reason = f"the page advertises {target}, but fetching it failed: {result.error}"
        return ParseFailure(clean_line(reason, 300))
    parsed = await parse(result)
    if isinstance(parsed, ParseFailure):
        return ParseFailure(clean_line(f"{target}: {parsed.reason}", 300))
    return Discovered(parsed, result, result.permanent_url or target)
