"""The SQLite article cache: the user's data (read state, stars), so it is never discarded.

    store.py       Store: the public API (one connection; one per thread)
    connection.py  opening: pragmas, damaged / too-new / unwritable files
    schema.py      DDL and the ordered migrations (PRAGMA user_version)
    guard.py       sqlite3 errors -> StoreError / StoreCorrupt; write transactions
    articles.py    upsert (dedupe, updates that keep state) and retention
    feeds.py       subscriptions, tags, fetch bookkeeping
    queries.py     HeadlineQuery -> SQL, FTS5 escaping, the severity rule
    search.py      the deferred full-text index queue
    badges.py      the fact badges per article
    rows.py        rows -> model objects, values -> safe-to-bind values

Only this package imports sqlite3.
"""

from briefing_tui.store.store import Store

__all__ = ["Store"]
