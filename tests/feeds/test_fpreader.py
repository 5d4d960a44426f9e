"""fpreader's element callbacks give feedparser exactly what the stdlib expat reader gives it.

The reference is the stdlib `ExpatParser` with saxbuffer's text buffering (the reader before
fpreader); the reader under test is what feedparser gets now (`saxbuffer`'s, fpreader's
callbacks).  Compared: every SAX event with its arguments, and feedparser's whole result.
"""

from __future__ import annotations

import inspect
import io
import sys
import types
import xml.sax
import xml.sax.handler
from pathlib import Path
from typing import Any
from xml.sax.expatreader import ExpatParser

import feedparser
import feedparser.api
import pytest

from briefing_tui.feeds import fpreader, saxbuffer

DATA = Path(__file__).parent / "data"
SAMPLE = Path(__file__).parents[2] / "src" / "briefing_tui" / "sample"
CORPUS = Path("/work/shared/corpus/feedparser")
ATOM = "http://www.w3.org/2005/Atom"

SHAPES = {
    "namespaced attributes": (
        f'<feed xmlns="{ATOM}" xmlns:x="urn:x" xml:base="http://e.example/">'
        '<entry x:a="1" b="2" xml:lang="en"><title type="html" x:t="3">&lt;b&gt;t</title>'
        '<link rel="alternate" href="/a"/></entry></feed>'
    ),
    "namespace URI with a space": (
        '<rss version="2.0" xmlns:q="a b"><channel><q:t q:x="1">v</q:t>'
        '<item q:z="2"><title>t</title></item></channel></rss>'
    ),
    "undeclared prefix": '<rss version="2.0"><channel><a:b>x</a:b></channel></rss>',
    "mathml, svg and xlink": (
        '<rss version="2.0"><channel><item><title>t</title>'
        '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math>'
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<a xlink:href="u"/></svg></item></channel></rss>'
    ),
    "xhtml content": (
        f'<feed xmlns="{ATOM}"><entry><content type="xhtml">'
        '<div xmlns="http://www.w3.org/1999/xhtml"><p class="c">a<b>b</b></p></div>'
        "</content></entry></feed>"
    ),
    "userland namespace": (
        '<rss xmlns="http://backend.userland.com/rss2"><channel><title>u</title>'
        "<item><title>x</title></item></channel></rss>"
    ),
    "malformed": '<rss version="2.0"><channel><item><title><b>open</title></item>',
    "entity loop refused by expat": (
        '<!DOCTYPE rss [<!ENTITY a "&b;"><!ENTITY b "&a;">]><rss><channel>'
        "<title>&a;</title></channel></rss>"
    ),
    "more names than the cache holds": (
        '<rss version="2.0"><channel>'
        + "".join(f"<n{i % 5000} k{i}='v'>x</n{i % 5000}>" for i in range(9000))
        + "</channel></rss>"
    ),
}


class StockBufferedParser(ExpatParser):
    def reset(self) -> None:
        super().reset()
        self._parser.buffer_text = True
        self._parser.buffer_size = saxbuffer.BUFFER


STOCK = "_test_fpreader_stock"
sys.modules[STOCK] = types.SimpleNamespace(  # type: ignore[assignment]
    create_parser=lambda *a, **k: StockBufferedParser(*a, **k)
)


class Recorder(xml.sax.handler.ContentHandler):
    """Every event and everything a handler can read from its arguments."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[tuple[Any, ...]] = []

    def startPrefixMapping(self, prefix: Any, uri: Any) -> None:
        self.events.append(("ns", prefix, uri))

    def endPrefixMapping(self, prefix: Any) -> None:
        self.events.append(("end-ns", prefix))

    def startElementNS(self, name: Any, qname: Any, attrs: Any) -> None:
        qnames = attrs.getQNames()
        by_qname = [attrs.getValueByQName(q) for q in qnames]
        self.events.append(("start", name, qname, attrs.items(), qnames, by_qname, len(attrs)))

    def endElementNS(self, name: Any, qname: Any) -> None:
        self.events.append(("end", name, qname))

    def characters(self, content: str) -> None:
        self.events.append(("text", content))


def sax_events(doc: bytes, reader: str) -> list[tuple[Any, ...]]:
    parser = xml.sax.make_parser([reader])
    parser.setFeature(xml.sax.handler.feature_namespaces, 1)
    parser.setFeature(xml.sax.handler.feature_external_ges, 0)
    recorder = Recorder()
    parser.setContentHandler(recorder)
    source = xml.sax.xmlreader.InputSource()
    source.setByteStream(io.BytesIO(doc))
    try:
        parser.parse(source)
    except (xml.sax.SAXException, ValueError, LookupError) as exc:  # encodings expat lacks
        recorder.events.append(("error", type(exc).__name__, str(exc)))
    return recorder.events


def comparable(value: Any) -> Any:
    """A feedparser result with exceptions reduced to type and message."""
    if isinstance(value, BaseException):
        return (type(value).__name__, str(value))
    if isinstance(value, dict):
        return {key: comparable(item) for key, item in value.items()}
    if isinstance(value, list | tuple) and not hasattr(value, "tm_year"):
        return [comparable(item) for item in value]
    return value


def feedparser_result(doc: bytes, reader: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(feedparser.api, "PREFERRED_XML_PARSERS", [reader])
    result = feedparser.parse(io.BytesIO(doc), sanitize_html=False, resolve_relative_uris=False)
    return comparable(dict(result))


def documents(corpus_files: int) -> list[bytes]:
    docs = [shape.encode() for shape in SHAPES.values()]
    docs += [p.read_bytes() for p in sorted(DATA.glob("*")) + sorted(SAMPLE.glob("*.xml"))]
    if CORPUS.is_dir():  # the shared real-world corpus, when this machine has it
        docs += [p.read_bytes() for p in sorted(CORPUS.rglob("*.xml"))[:corpus_files]]
    return docs


def test_feedparser_gets_fpreader_callbacks():
    parser = xml.sax.make_parser(feedparser.api.PREFERRED_XML_PARSERS)
    parser.setFeature(xml.sax.handler.feature_namespaces, 1)
    parser.setContentHandler(Recorder())
    parser.reset()
    assert parser._parser.StartElementHandler.__module__ == fpreader.__name__


def test_sax_events_are_identical():
    docs = documents(2_100)
    for doc in docs:
        assert sax_events(doc, saxbuffer.__name__) == sax_events(doc, STOCK)


def test_feedparser_results_are_identical(monkeypatch):
    for doc in documents(300):
        ours = feedparser_result(doc, saxbuffer.__name__, monkeypatch)
        assert ours == feedparser_result(doc, STOCK, monkeypatch)
    shapes = [feedparser_result(s.encode(), saxbuffer.__name__, monkeypatch) for s in SHAPES]
    assert sum(bool(r["bozo"]) for r in shapes) >= 3  # the error paths were exercised


def test_split_name_matches_expat_names():
    assert fpreader.split_name("title") == (None, "title")
    assert fpreader.split_name(f"{ATOM} entry") == (ATOM, "entry")
    assert fpreader.split_name("urn:x t x") == ("urn:x", "t")
    assert fpreader.split_attribute("urn:x t x") == (("urn:x", "t"), "x:t")
    assert fpreader.split_attribute("href") == ((None, "href"), "href")


def test_name_cache_is_bounded():
    seen = []
    start, _end = fpreader.element_handlers(
        types.SimpleNamespace(startElementNS=lambda *a: seen.append(a[0]), endElementNS=None)
    )
    for i in range(fpreader.MAX_NAMES + 500):
        start(f"urn:n e{i} p", {})
    pairs = inspect.getclosurevars(start).nonlocals["pairs"]
    assert len(pairs) == fpreader.MAX_NAMES
    assert seen[-1] == ("urn:n", f"e{fpreader.MAX_NAMES + 499}")


def test_a_new_content_handler_gets_the_rest_of_the_document():
    """SAX lets a handler hand over mid-parse; the stdlib reader honours it, so must we."""

    class HandOver(Recorder):
        def __init__(self, parser: Any, successor: Recorder) -> None:
            super().__init__()
            self.parser, self.successor = parser, successor

        def endElementNS(self, name: Any, qname: Any) -> None:
            super().endElementNS(name, qname)
            self.parser.setContentHandler(self.successor)

    doc = f'<feed xmlns="{ATOM}"><title>a</title><entry><id>1</id></entry></feed>'.encode()
    streams = []
    for reader in (saxbuffer.__name__, STOCK):
        parser = xml.sax.make_parser([reader])
        parser.setFeature(xml.sax.handler.feature_namespaces, 1)
        successor = Recorder()
        parser.setContentHandler(HandOver(parser, successor))
        parser.parse(io.BytesIO(doc))
        streams.append(successor.events)
    assert streams[0] == streams[1]
    assert ("end", (ATOM, "feed"), None) in streams[0]
