"""The bundled sample briefing: feeds readable offline, loaded on a new home.

A new user has no subscriptions and maybe no network, yet the first screen should show what the
app is for: headlines, readable article bodies and the fact sidebar. So three hand-written feeds
(one RSS 2.0, one Atom 1.0, one RSS with content:encoded) ship as package data. Every place,
person and event in them is fictional; the articles deliberately mix figures, vague quantities,
negations and number traps so the fact extractor has something real to show.

Feeds are addressed by name ("sample:world-desk"), never by a path taken from input: a name is
looked up in SAMPLE_FEEDS first, so nothing outside this package can be read. Importing this
module does no I/O; files are read only when asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

URL_SCHEME = "sample:"


@dataclass(frozen=True)
class SampleFeed:
    """One bundled feed: its name (also the file stem), display title and default tags."""

    name: str
    title: str
    tags: tuple[str, ...]

    @property
    def url(self) -> str:
        """The pseudo-URL under which the feed is subscribed, e.g. "sample:world-desk"."""
        return f"{URL_SCHEME}{self.name}"

    @property
    def filename(self) -> str:
        """The package data file holding the feed."""
        return f"{self.name}.xml"


SAMPLE_FEEDS: tuple[SampleFeed, ...] = (
    SampleFeed("world-desk", "World Desk", ("sample", "world")),
    SampleFeed("crisis-wire", "Crisis Wire", ("sample", "crisis")),
    SampleFeed("regional-dispatch", "Regional Dispatch", ("sample", "regional")),
)

_BY_NAME = {feed.name: feed for feed in SAMPLE_FEEDS}


def sample_feed(name_or_url: str) -> SampleFeed:
    """Look up a bundled feed by name or by its "sample:" URL; KeyError if there is none."""
    name = name_or_url.removeprefix(URL_SCHEME) if isinstance(name_or_url, str) else None
    try:
        return _BY_NAME[name]
    except KeyError:
        known = ", ".join(sorted(_BY_NAME))
        raise KeyError(f"no bundled sample feed named {name_or_url!r} (known: {known})") from None


def is_sample_url(url: str) -> bool:
    """True when url names a bundled feed (so the fetcher reads it locally, not over HTTP)."""
    return (
        isinstance(url, str) and url.startswith(URL_SCHEME) and url[len(URL_SCHEME) :] in _BY_NAME
    )


def read_sample(name: str) -> bytes:
    """The raw bytes of one bundled feed, for the same parse path as a downloaded body.

    Accepts the name ("world-desk") or the URL ("sample:world-desk"). Anything else, including
    path-like names, raises KeyError with the list of known names.
    """
    feed = sample_feed(name)
    return files(__package__).joinpath(feed.filename).read_bytes()
