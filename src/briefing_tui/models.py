"""Plain data shared by every layer.

These frozen dataclasses are the only shapes that cross module boundaries: feedparser
dictionaries, HTTP headers and SQL rows are turned into them by the one module that reads
them, so nothing downstream depends on a third-party structure.  No behaviour lives here
beyond trivial derived properties.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

FactCategory = Literal["deaths", "injuries", "arrests", "troops", "displaced", "missing"]
CATEGORIES: tuple[FactCategory, ...] = (
    "deaths",
    "injuries",
    "arrests",
    "troops",
    "displaced",
    "missing",
)

Approx = Literal["exact", "at_least", "more_than", "about", "up_to", "vague"]


@dataclass(frozen=True, slots=True)
class Feed:
    """A subscription and what the last fetches left behind."""

    id: int
    url: str
    title: str = ""
    tags: tuple[str, ...] = ()
    site_url: str = ""
    etag: str | None = None
    last_modified: str | None = None
    last_attempt: datetime | None = None
    last_success: datetime | None = None
    last_error: str | None = None
    failures: int = 0
    """Consecutive failed fetches; reset to 0 by a success."""
    retry_after: datetime | None = None
    """No automatic fetch before this moment (backoff); a forced refresh ignores it."""
    article_count: int = 0
    unread_count: int = 0

    @property
    def display_title(self) -> str:
        return self.title or self.url


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One item of a parsed feed, already converted to sanitized plain text."""

    guid: str
    link: str
    title: str
    author: str = ""
    published: datetime | None = None
    """Timezone-aware UTC, or None when the feed gave no usable date."""
    updated: datetime | None = None
    body: str = ""
    """Readable plain text: paragraphs separated by blank lines, links as 'text <url>'."""


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    """A feed document after parsing: metadata plus its entries."""

    title: str
    site_url: str
    entries: tuple[ParsedEntry, ...]
    warning: str | None = None
    """Set when the document was malformed but still yielded entries (feedparser's bozo)."""


@dataclass(frozen=True, slots=True)
class FactBadge:
    """The headline figure of one category, small enough to keep per article in the store."""

    category: FactCategory
    value: int
    approx: Approx
    raw: str = ""


@dataclass(frozen=True, slots=True)
class Headline:
    """A row of the headline list: everything but the body."""

    id: int
    feed_id: int
    feed_title: str
    title: str
    link: str
    published: datetime | None
    read: bool = False
    starred: bool = False
    dismissed: bool = False
    badges: tuple[FactBadge, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One cached article with its reading state."""

    id: int
    feed_id: int
    feed_title: str
    guid: str
    link: str
    title: str
    author: str
    published: datetime | None
    body: str
    fetched_at: datetime
    read: bool = False
    starred: bool = False
    dismissed: bool = False
    changed_at: datetime | None = None
    """When the feed last sent new content for an article we already had (None: never)."""


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure the text states, with its hedge, its subject and where it came from."""

    category: FactCategory
    value: int
    """Lower bound of the figure (see facts/numbers.py for the vague-word convention)."""
    approx: Approx
    raw: str
    """The number phrase as written, e.g. 'at least 18', 'dozens'."""
    who: str
    """The subject as written ('police officers'), '' when the text names none."""
    sentence: str
    sentence_start: int
    sentence_end: int
    start: int
    """Offset of the figure in the input text."""
    end: int
    part_of: int | None = None
    """Index (in the same extraction result) of the total this figure breaks down, if any."""


@dataclass(frozen=True, slots=True)
class CategorySummary:
    category: FactCategory
    headline: Fact
    """The largest current figure, respecting updates ('rose to 45')."""
    mentions: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class FactSummary:
    """What the sidebar shows for one article."""

    categories: tuple[CategorySummary, ...] = ()
    facts: tuple[Fact, ...] = field(default=())

    def badges(self) -> tuple[FactBadge, ...]:
        return tuple(
            FactBadge(c.category, c.headline.value, c.headline.approx, c.headline.raw)
            for c in self.categories
        )


SortOrder = Literal["newest", "feed", "severity"]


@dataclass(frozen=True, slots=True)
class HeadlineQuery:
    """Which headlines the list shows; the UI builds it, the store answers it."""

    unread_only: bool = False
    starred_only: bool = False
    include_dismissed: bool = False
    feed_ids: tuple[int, ...] = ()
    tag: str | None = None
    search: str | None = None
    """Free text for FTS5 over title and body; any input is accepted (escaped, never an error)."""
    fact_category: FactCategory | None = None
    """Only articles with a headline figure in this category..."""
    fact_min: int = 0
    """...of at least this value."""
    sort: SortOrder = "newest"
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class UpsertResult:
    new_ids: tuple[int, ...] = ()
    updated_ids: tuple[int, ...] = ()
