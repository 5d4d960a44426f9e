"""Find the feed a web page advertises, for users who subscribe to a site's home page.

Sites announce their feeds with `<link rel="alternate" type="application/rss+xml" href=...>`
in the page head (the RSS autodiscovery convention).  We read those with the same HTML5 parser
as htmltext (selectolax), resolve relative hrefs against the page URL, and keep http(s) only.
"""

from __future__ import annotations

from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser

from briefing_tui.sanitize import openable_url

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
