"""Synthetic feeds for the fetch benchmark: N feeds x M items, ~1.9 KB of (escaped) HTML per
item, 50 items ~ 94 KB per feed as in shared/design/PERFORMANCE.md.

3 of 4 feeds are RSS 2.0, 1 of 4 Atom 1.0 (as in shared/design/PERFORMANCE.md). Deterministic
for a seed.  `update=True` rewrites every feed with 10 % new items at the top (the oldest drop
out), which is what a busy feed looks like between two refreshes.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from xml.sax.saxutils import escape

WORDS = (
    "police protest city council river flood storm village minister army border talks port "
    "railway strike hospital school market harbour court election officials residents rescue "
    "teams bridge road power supply water district region capital report according statement "
    "spokesperson weekend morning evening the of and in on said would after before during "
    "government agency local national company plans budget meeting week year new old public"
).split()
FACTS = (
    "At least {n} people were killed when the {w} collapsed.",
    "Officials said {n} people were injured in the {w} incident.",
    "Police arrested {n} protesters near the {w} on Sunday.",
    "About {n} residents were displaced by flooding along the {w}.",
)
BASE = datetime(2025, 3, 1, tzinfo=UTC)


def _sentence(rng: random.Random) -> str:
    """News-like filler: a figure in 1 of 5 sentences, a casualty-style fact in 1 of 25."""
    if rng.random() < 0.04:
        return rng.choice(FACTS).format(n=rng.randint(2, 900), w=rng.choice(WORDS))
    words = [rng.choice(WORDS) for _ in range(rng.randint(10, 18))]
    if rng.random() < 0.2:
        words.insert(rng.randint(0, len(words)), str(rng.randint(2, 900)))
    return " ".join(words).capitalize() + "."


def _html(rng: random.Random, feed: int, item: int) -> str:
    paras = []
    while sum(map(len, paras)) < 1150:
        paras.append("<p>" + " ".join(_sentence(rng) for _ in range(3)) + "</p>")
    paras.insert(1, f'<p>More at <a href="https://news{feed}.example/a/{item}">the desk</a>.</p>')
    paras.append("<ul><li>" + _sentence(rng) + "</li><li>" + _sentence(rng) + "</li></ul>")
    return "".join(paras)


def _items(feed: int, count: int, first: int) -> list[tuple[int, str, str, datetime]]:
    out = []
    for n in range(first, first + count):
        rng = random.Random(feed * 1_000_003 + n)
        title = _sentence(rng)[:80]
        out.append((n, title, _html(rng, feed, n), BASE + timedelta(minutes=n)))
    return out[::-1]


def _rss(feed: int, items: list) -> str:
    body = "".join(
        f"<item><title>{escape(t)}</title><link>https://news{feed}.example/a/{n}</link>"
        f'<guid isPermaLink="false">f{feed}-{n}</guid><pubDate>{format_datetime(d)}</pubDate>'
        f"<description>{escape(h)}</description></item>"
        for n, t, h, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Bench feed {feed}</title><link>https://news{feed}.example/</link>"
        f"<description>synthetic</description>{body}</channel></rss>"
    )


def _atom(feed: int, items: list) -> str:
    body = "".join(
        f"<entry><title>{escape(t)}</title><id>urn:f{feed}:{n}</id>"
        f'<link href="https://news{feed}.example/a/{n}"/><updated>{d.isoformat()}</updated>'
        f'<content type="html">{escape(h)}</content></entry>'
        for n, t, h, d in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Bench feed {feed}</title><id>urn:f{feed}</id>"
        f'<link href="https://news{feed}.example/"/><updated>{BASE.isoformat()}</updated>'
        f"{body}</feed>"
    )


def write_feeds(folder: Path, feeds: int, items: int, *, update: bool = False) -> int:
    """Write feed files 0.xml..N-1.xml; returns the total bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    shift = max(1, items // 10) if update else 0
    total = 0
    for feed in range(feeds):
        entries = _items(feed, items, shift)
        text = _atom(feed, entries) if feed % 4 == 3 else _rss(feed, entries)
        data = text.encode()
        (folder / f"{feed}.xml").write_bytes(data)
        total += len(data)
    return total
