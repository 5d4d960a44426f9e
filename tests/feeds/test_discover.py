"""Feed autodiscovery from <link rel="alternate"> in an HTML page."""

from briefing_tui.feeds.discover import find_feed_links

PAGE = b"""<!DOCTYPE html><html><head>
<link rel="stylesheet" href="/s.css">
<link rel="alternate" type="application/atom+xml" title="Atom" href="/feed.atom">
<link rel="Alternate" type="application/rss+xml; charset=utf-8" href="https://cdn.example/rss">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="alternate" type="text/html" href="/fr/">
<link rel="alternate" type="application/atom+xml" href="/feed.atom">
</head><body><a href="/other.rss">not a link element</a></body></html>"""


def test_finds_feed_links_in_order_resolved_and_http_only():
    assert find_feed_links(PAGE, "https://site.example/blog/") == [
        "https://site.example/feed.atom",
        "https://cdn.example/rss",
    ]


def test_page_without_feeds_or_garbage():
    assert find_feed_links(b"<html><body>nothing</body></html>", "https://x/") == []
    assert find_feed_links(b"\xff\xfe\x00garbage<<<", "https://x/") == []
