"""Small feed documents for the feed tests (a module, not conftest: conftest names clash)."""

from __future__ import annotations


def rss(*items: tuple[str, str], title: str = "Test Feed") -> bytes:
    """A small RSS 2.0 document; items are (guid, title) pairs."""
    body = "".join(
        f"<item><guid>{guid}</guid><title>{text}</title><link>https://example.org/{guid}</link>"
        f"<description>&lt;p&gt;Body of {text}.&lt;/p&gt;</description></item>"
        for guid, text in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://example.org/</link>{body}</channel></rss>"
    ).encode()
