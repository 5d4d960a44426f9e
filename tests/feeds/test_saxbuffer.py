"""feedparser with the buffered expat reader (feeds/saxbuffer.py) gives the same results."""

from __future__ import annotations

import io
import xml.sax
from pathlib import Path

import feedparser
import feedparser.api

from briefing_tui.feeds import saxbuffer
from briefing_tui.feeds.parse import parse_job

DATA = Path(__file__).parent / "data"
CORPUS = Path("/work/shared/corpus/feedparser")
ESCAPED = (
    b'<rss version="2.0"><channel><title>T &amp; U</title><item><guid>1</guid>'
    b"<description>&lt;p&gt;At &lt;b&gt;least&lt;/b&gt; 12 &amp;amp; more&lt;/p&gt;"
    + b"&lt;i&gt;x&lt;/i&gt;" * 5000
    + b"</description></item></channel></rss>"
)


def documents() -> list[bytes]:
    docs = [ESCAPED] + [p.read_bytes() for p in sorted(DATA.rglob("*")) if p.is_file()]
    if CORPUS.is_dir():  # the shared real-world corpus, when this machine has it
        docs += [p.read_bytes() for p in sorted(CORPUS.rglob("*.xml"))[:400]]
    return docs


def test_feedparser_gets_the_buffered_reader():
    reader = xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS)
    assert isinstance(reader, saxbuffer.BufferedExpatParser)


def test_parse_results_are_unchanged(monkeypatch):
    docs = documents()
    buffered = [parse_job(d, {}, "https://example.org/feed", 10**7) for d in docs]
    plain = [n for n in feedparser.api.PREFERRED_XML_PARSERS if n != saxbuffer.__name__]
    monkeypatch.setattr(feedparser.api, "PREFERRED_XML_PARSERS", plain)
    assert not isinstance(xml.sax.make_parser(plain), saxbuffer.BufferedExpatParser)
    assert [parse_job(d, {}, "https://example.org/feed", 10**7) for d in docs] == buffered
    assert "least 12 & more" in buffered[0].entries[0].body


def test_external_entities_stay_unresolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<rss version="2.0"><channel><title>a&x;b</title></channel></rss>'
    ).encode()
    data = feedparser.parse(io.BytesIO(doc), sanitize_html=False, resolve_relative_uris=False)
    assert "TOPSECRET" not in str(data.feed.get("title"))
