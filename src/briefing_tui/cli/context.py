"""What every command shares: where the files are, the settings, the library, output helpers.

Settings are loaded for every command, so a broken config.toml is reported the same way
whatever the user ran.  The library (and with it the database) is opened only by commands
that need it, and closed by `main`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from briefing_tui.errors import StoreError, UsageError
from briefing_tui.paths import Paths, resolve_paths
from briefing_tui.sanitize import clean_line
from briefing_tui.services.settings import Settings, load_settings

if TYPE_CHECKING:
    from briefing_tui.models import FactBadge, Feed
    from briefing_tui.services.library import Library


@dataclass
class Context:
    paths: Paths
    settings: Settings
    _library: Library | None = field(default=None, repr=False)

    @classmethod
    def create(cls, home: str | None) -> Context:
        paths = resolve_paths(home)
        return cls(paths=paths, settings=load_settings(paths.config_file))

    def library(self) -> Library:
        if self._library is None:
            from briefing_tui.services.library import Library

            try:
                self.paths.ensure()
            except OSError as exc:
                where = exc.filename or self.paths.data_dir
                raise StoreError(f"cannot create {where}: {exc.strerror or exc}") from None
            self._library = Library(self.paths.database, self.settings)
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


# --------------------------------------------------------------------------- output


def is_terminal() -> bool:
    return sys.stdout.isatty()


def print_json(rows: Iterable[dict[str, Any]]) -> None:
    """Every --json output: one array of objects, UTF-8 as is, keys in a fixed order."""
    sys.stdout.write(json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n")


def iso(moment: datetime | None) -> str | None:
    """ISO 8601 in UTC, or None; a naive datetime is taken to be UTC already."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat()


def short_date(moment: datetime | None) -> str:
    """A compact local date for tables: '2026-01-02 14:05', '' when unknown."""
    if moment is None:
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone().strftime("%Y-%m-%d %H:%M")
    except (OverflowError, ValueError, OSError):  # out of range for the local timezone
        return moment.strftime("%Y-%m-%d %H:%M")


_HEDGES = {"at_least": "≥", "more_than": ">", "about": "~", "up_to": "≤", "vague": "~"}


def badge_text(badges: Iterable[FactBadge]) -> str:
    """'deaths ≥18 · injuries ~40': each category's headline figure with its hedge."""
    return " · ".join(f"{b.category} {_HEDGES.get(b.approx, '')}{b.value:,}" for b in badges)


def error_summary(feed: Feed) -> str:
    """The last error, with the backoff the user can override with `fetch --force`."""
    if not feed.last_error:
        return ""
    text = clean_line(feed.last_error)
    if feed.failures > 1:
        text += f" ({feed.failures} failures in a row)"
    retry = feed.retry_after
    if retry is not None and (retry if retry.tzinfo else retry.replace(tzinfo=UTC)) > datetime.now(
        UTC
    ):
        text += f" (retry after {iso(retry)}, or fetch --force)"
    return text


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def warn(message: str) -> None:
    print(f"briefing: warning: {message}", file=sys.stderr)


def note(message: str) -> None:
    """Information for a person, on stderr so stdout stays clean for scripts."""
    print(f"briefing: {message}", file=sys.stderr)


# --------------------------------------------------------------------------- feeds by name


def find_feed(feeds: Sequence[Feed], spec: str) -> Feed:
    """A feed by id, URL or title (case-insensitive); UsageError if none or several match."""
    spec = spec.strip()
    if spec.isdigit():
        match = [f for f in feeds if f.id == int(spec)]
        if match:
            return match[0]
    match = [f for f in feeds if f.url == spec] or [
        f for f in feeds if f.title.casefold() == spec.casefold()
    ]
    if len(match) == 1:
        return match[0]
    if not match:
        raise UsageError(f"no feed matches {spec!r} (see `briefing feeds`)")
    ids = ", ".join(str(f.id) for f in match)
    raise UsageError(f"{spec!r} matches several feeds (ids {ids}); use the id")
