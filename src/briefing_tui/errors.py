"""Errors the user can act on.

    BriefingError            base: carries a one-line message meant for the user
    ├── ConfigError          config.toml unreadable or invalid (names file and line/key)
    ├── UsageError           bad command-line input (exit 2)
    └── StoreError           the database cannot be used
        ├── StoreCorrupt     not a database / fails integrity: moved aside, never deleted
        ├── StoreTooNew      written by a newer briefing-tui: left untouched
        └── DuplicateFeed    a feed with that URL is already subscribed

Expected per-feed failures (a dead server, a malformed feed) are not exceptions that cross
layers: the refresh records them as data in its report and in the store.
"""

from __future__ import annotations


class BriefingError(Exception):
    """An error with a message fit to show the user as a single line."""

    exit_code = 1


class ConfigError(BriefingError):
    pass


class UsageError(BriefingError):
    exit_code = 2


class StoreError(BriefingError):
    pass


class StoreCorrupt(StoreError):
    pass


class StoreTooNew(StoreError):
    pass


class DuplicateFeed(StoreError):
    pass


class FeedError(BriefingError):
    """A single feed could not be fetched or parsed; the message is stored as its last error."""
