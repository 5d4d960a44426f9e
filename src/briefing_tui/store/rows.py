"""SQL rows in, model objects out; model values in, values safe to bind out.

The store never trusts a length or an encoding, even though the parser already sanitized:
every text is capped, NUL-free and encodable as UTF-8 (a lone surrogate would otherwise
make sqlite3 raise), and every date survives any year (out-of-range becomes NULL).
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

from briefing_tui.models import Article, Feed, Headline

MAX_SHORT = 1_000
"""Cap for one-line fields that are not titles: author, tag, ETag, error text."""


def fit(text: str | None, cap: int) -> str:
    """`text` as stored: at most `cap` characters, no NUL, valid UTF-8."""
    if not text:
        return ""
    text = text[:cap]
    if "\x00" in text:
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "replace").decode("utf-8")
    return text


def digest(*parts: str) -> bytes:
    """A 16-byte hash of `parts`; any string hashes, lone surrogates included."""
    h = hashlib.blake2b(digest_size=16)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00\x1f")
    return h.digest()


def to_ts(when: datetime | None) -> int | None:
    """Unix seconds; naive datetimes are taken as UTC; impossible values become None."""
    if when is None:
        return None
    try:
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return int(when.timestamp())
    except (OverflowError, ValueError, OSError):
        return None


def from_ts(value: object) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromtimestamp(int(value), UTC)  # type: ignore[call-overload]
    except (OverflowError, ValueError, OSError, TypeError):
        return None


FEED_COLUMNS = (
    "f.id, f.url, f.title, f.site_url, f.etag, f.last_modified, f.last_attempt, "
    "f.last_success, f.last_error, f.failures, f.retry_after"
)


def feed_from_row(row: tuple, tags: tuple[str, ...], total: int = 0, unread: int = 0) -> Feed:
    return Feed(
        id=row[0],
        url=row[1],
        title=row[2],
        tags=tags,
        site_url=row[3],
        etag=row[4],
        last_modified=row[5],
        last_attempt=from_ts(row[6]),
        last_success=from_ts(row[7]),
        last_error=row[8],
        failures=row[9],
        retry_after=from_ts(row[10]),
        article_count=total,
        unread_count=unread,
    )


FEED_TITLE_SQL = "CASE WHEN f.title = '' THEN f.url ELSE f.title END"

HEADLINE_COLUMNS = (
    f"a.id, a.feed_id, {FEED_TITLE_SQL}, a.title, a.link, a.published, "
    "a.read, a.starred, a.dismissed"
)


def headline_from_row(row: tuple, badges: tuple = ()) -> Headline:
    return Headline(
        id=row[0],
        feed_id=row[1],
        feed_title=row[2],
        title=row[3],
        link=row[4],
        published=from_ts(row[5]),
        read=bool(row[6]),
        starred=bool(row[7]),
        dismissed=bool(row[8]),
        badges=badges,
    )


ARTICLE_COLUMNS = (
    f"a.id, a.feed_id, {FEED_TITLE_SQL}, a.guid, a.link, a.title, a.author, a.published, "
    "a.body, a.fetched_at, a.read, a.starred, a.dismissed, a.changed_at"
)


def article_from_row(row: tuple) -> Article:
    return Article(
        id=row[0],
        feed_id=row[1],
        feed_title=row[2],
        guid=row[3],
        link=row[4],
        title=row[5],
        author=row[6],
        published=from_ts(row[7]),
        body=row[8],
        fetched_at=from_ts(row[9]) or datetime.fromtimestamp(0, UTC),
        read=bool(row[10]),
        starred=bool(row[11]),
        dismissed=bool(row[12]),
        changed_at=from_ts(row[13]),
    )
