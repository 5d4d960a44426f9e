"""Opening the database file safely: the user's read state and stars live in it.

What can go wrong on open, and what the user is told:
- the folder cannot be created or written (read-only, full)  -> StoreError naming the path;
- the file is not a SQLite database, or SQLite reports it malformed -> the file (and its
  -wal/-shm companions) is renamed to `<name>.corrupt-<UTC timestamp>` and kept, never
  deleted, and StoreCorrupt says where it went; the next start begins a fresh cache;
- the file was written by a newer briefing-tui (user_version above ours) -> StoreTooNew,
  and the file is not modified at all (WAL mode is only switched on after this check,
  because switching it writes to the header).

No integrity check runs on every open: on a 100k-article cache it costs far more than the
whole start-up budget.  Corruption that SQLite notices while reading the header or the
schema is handled here; damage met later leaves a marker (guard.py) and the next open runs
`PRAGMA quick_check` first; `Store.integrity_check()` exists for an explicit check.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from briefing_tui.errors import StoreCorrupt, StoreError, StoreTooNew
from briefing_tui.store.guard import check_marker
from briefing_tui.store.schema import SCHEMA_VERSION, migrate, user_version

BUSY_TIMEOUT_S = 10.0
JOURNAL_LIMIT = 32 * 1024 * 1024
_HEADER = b"SQLite format 3\x00"


def open_connection(path: Path) -> sqlite3.Connection:
    """A migrated, configured connection to `path` (created if missing)."""
    _ensure_folder(path)
    if _header_is_wrong(path):
        raise _move_aside(path, "is not a SQLite database")
    try:
        conn = sqlite3.connect(
            path,
            timeout=BUSY_TIMEOUT_S,
            isolation_level=None,
            check_same_thread=False,
        )
    except sqlite3.Error as exc:
        raise _unusable(path, exc) from exc
    try:
        _configure(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def _configure(conn: sqlite3.Connection, path: Path) -> None:
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000):d}")
        version = user_version(conn)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        raise _damaged_or_unusable(conn, path, exc) from exc
    if version > SCHEMA_VERSION:
        raise StoreTooNew(
            f"{path} was written by a newer briefing-tui (schema {version}, this version "
            f"knows {SCHEMA_VERSION}); upgrade briefing-tui or use another --home"
        )
    if check_marker(path).exists():
        _check_after_damage(conn, path)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        # A big refresh can grow the WAL to tens of MB; give the space back after checkpoints.
        conn.execute(f"PRAGMA journal_size_limit = {JOURNAL_LIMIT:d}")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.Error as exc:
        raise _damaged_or_unusable(conn, path, exc) from exc


def _damaged_or_unusable(conn: sqlite3.Connection, path: Path, exc: sqlite3.Error) -> StoreError:
    """Only SQLite's plain DatabaseError ("not a database", "malformed") means damage; a
    lock, a read-only file or a failing migration must never move the user's file."""
    if type(exc) is not sqlite3.DatabaseError:
        return _unusable(path, exc)
    conn.close()
    return _move_aside(path, f"is damaged ({exc})")


def _check_after_damage(conn: sqlite3.Connection, path: Path) -> None:
    """Damage was seen at run time (guard.py left a marker): check the whole file now."""
    try:
        rows = conn.execute("PRAGMA quick_check(5)").fetchall()
        damaged = rows != [("ok",)]
        detail = "; ".join(str(r[0]) for r in rows)[:200]
    except sqlite3.DatabaseError as exc:
        damaged, detail = True, str(exc)
    if damaged:
        conn.close()
        check_marker(path).unlink(missing_ok=True)
        raise _move_aside(path, f"failed its integrity check ({detail})")
    check_marker(path).unlink(missing_ok=True)


def _ensure_folder(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise StoreError(f"cannot create data folder {path.parent}: {reason}") from exc


def _header_is_wrong(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_HEADER))
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return bool(head) and head != _HEADER


def _move_aside(path: Path, why: str) -> StoreCorrupt:
    """Rename the damaged file (and its WAL/SHM) out of the way; return the error to raise."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    try:
        os.replace(path, target)
    except OSError as exc:
        return StoreCorrupt(
            f"{path} {why} and could not be moved aside ({exc.strerror or exc}); "
            "move it away yourself to start a fresh cache"
        )
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            try:
                os.replace(companion, target.with_name(target.name + suffix))
            except OSError:
                pass
    return StoreCorrupt(
        f"{path} {why}; it was kept as {target} and a new empty cache will be created "
        "on the next start"
    )


def _unusable(path: Path, exc: sqlite3.Error) -> StoreError:
    message = " ".join(str(exc).split())[:160]
    if "readonly" in message or "unable to open" in message:
        hint = "check that the folder exists and is writable"
    elif "full" in message:
        hint = "free some disk space"
    elif "locked" in message:
        hint = "another briefing process holds it; try again"
    else:
        hint = "check the file and its folder"
    return StoreError(f"cannot use database {path}: {message}; {hint}")
