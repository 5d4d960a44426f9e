"""CPU that feedparser spends per 10,000 fetch-benchmark items, by SAX reader.

    .venv/bin/python bench/feedparser_speed.py [--runs N] [--feeds F]

Parses F feeds of bench/fetch/gen_feeds.py (3 of 4 RSS, 1 of 4 Atom, 50 items of ~1.9 KB
escaped HTML; default 40 feeds = 2,000 items) the way feeds/parse.py calls feedparser
(BytesIO, no sanitizer, no URI resolution), once per reader in each round, and prints the
median CPU time (process_time) over N rounds (default 7), scaled to 10,000 items:
* stdlib expat reader (what feedparser uses on its own);
* buffered text, stdlib element callbacks (feeds/saxbuffer.py before fpreader) = baseline;
* buffered text + fpreader's element callbacks (feeds/saxbuffer.py now).
A second table times the reader layer alone (a do-nothing SAX handler): how much of
feedparser's time any reader could save at all.  Rounds interleave the readers so that
other jobs on a shared machine skew them alike.
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
import types
import xml.sax
import xml.sax.handler
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.expatreader import ExpatParser

import feedparser
import feedparser.api

from briefing_tui.feeds import saxbuffer

sys.path.insert(0, str(Path(__file__).resolve().parent / "fetch"))
from gen_feeds import write_feeds  # noqa: E402

ITEMS_PER_FEED = 50
HEADERS = {"content-type": "application/xml; charset=utf-8"}


class StockBufferedParser(ExpatParser):
    """The baseline: text buffering as saxbuffer does, the stdlib's element callbacks."""

    def reset(self) -> None:
        super().reset()
        self._parser.buffer_text = True
        self._parser.buffer_size = saxbuffer.BUFFER


def _register_baseline() -> str:
    """make_parser imports readers by module name: give the baseline one."""
    module = types.ModuleType("_bench_stock_buffered")
    module.create_parser = lambda *a, **k: StockBufferedParser(*a, **k)  # type: ignore[attr-defined]
    sys.modules[module.__name__] = module
    return module.__name__


READERS = {
    "stdlib expat reader": "xml.sax.expatreader",
    "buffered, stdlib callbacks (baseline)": _register_baseline(),
    "buffered + fpreader callbacks (now)": saxbuffer.__name__,
}


def parse_all(bodies: list[bytes], reader: str) -> None:
    feedparser.api.PREFERRED_XML_PARSERS[:] = [reader]
    for body in bodies:
        feedparser.parse(
            io.BytesIO(body),
            response_headers=HEADERS,
            sanitize_html=False,
            resolve_relative_uris=False,
        )


class NullHandler(xml.sax.handler.ContentHandler):
    def startElementNS(self, name: Any, qname: Any, attrs: Any) -> None:
        pass

    def endElementNS(self, name: Any, qname: Any) -> None:
        pass

    def characters(self, content: str) -> None:
        pass


def read_all(bodies: list[bytes], reader: str) -> None:
    """The reader alone, set up as feedparser sets it up, feeding a do-nothing handler."""
    for body in bodies:
        parser = xml.sax.make_parser([reader])
        parser.setFeature(xml.sax.handler.feature_namespaces, 1)
        parser.setFeature(xml.sax.handler.feature_external_ges, 0)
        parser.setContentHandler(NullHandler())
        source = xml.sax.xmlreader.InputSource()
        source.setByteStream(io.BytesIO(body))
        parser.parse(source)


def medians(job: Callable[[list[bytes], str], None], bodies: list[bytes], runs: int) -> dict:
    samples: dict[str, list[float]] = {label: [] for label in READERS}
    job(bodies, saxbuffer.__name__)  # warm up imports and caches
    for _ in range(runs):
        for label, reader in READERS.items():
            t0 = time.process_time()
            job(bodies, reader)
            samples[label].append(time.process_time() - t0)
    return {label: statistics.median(times) for label, times in samples.items()}


def table(title: str, figures: dict[str, float], scale: float, total: float) -> None:
    base = figures["buffered, stdlib callbacks (baseline)"]
    print(f"\n{title:<40} {'s/10k items':>12} {'vs baseline':>12} {'% feedparser':>13}")
    for label, seconds in figures.items():
        share = f"{100 * seconds / total:12.1f}%"
        print(f"{label:<40} {seconds * scale:>12.3f} {seconds / base:>11.2f}x {share:>13}")


def main(argv: list[str]) -> int:
    runs = int(argv[argv.index("--runs") + 1]) if "--runs" in argv else 7
    feeds = int(argv[argv.index("--feeds") + 1]) if "--feeds" in argv else 40
    saved = list(feedparser.api.PREFERRED_XML_PARSERS)
    with tempfile.TemporaryDirectory() as tmp:
        write_feeds(Path(tmp), feeds, ITEMS_PER_FEED)
        bodies = [p.read_bytes() for p in sorted(Path(tmp).glob("*.xml"))]
    scale = 10_000 / (feeds * ITEMS_PER_FEED)
    try:
        parsing = medians(parse_all, bodies, runs)
        reading = medians(read_all, bodies, runs)
    finally:
        feedparser.api.PREFERRED_XML_PARSERS[:] = saved
    total = parsing["buffered, stdlib callbacks (baseline)"]
    print(f"feedparser {feedparser.__version__}: {feeds} feeds x {ITEMS_PER_FEED} items, ", end="")
    print(f"median CPU of {runs} interleaved rounds")
    table("feedparser.parse, by reader", parsing, scale, total)
    table("reader alone (do-nothing handler)", reading, scale, total)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
