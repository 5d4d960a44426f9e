"""SQLite errors become the project's one-line errors, and damage found at run time is
remembered so the next start checks the file.

Every public Store method runs under `guarded`: a full disk, a lock held too long or a
read-only file becomes StoreError; "database disk image is malformed" found while reading
becomes StoreCorrupt and leaves a `<name>.check` marker, and the next open runs
`PRAGMA quick_check` (too slow to run on every start) and moves a damaged file aside.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from briefing_tui.errors import StoreCorrupt, StoreError

T = TypeVar("T")


def check_marker(path: Path) -> Path:
    return path.with_name(path.name + ".check")


def translate(path: Path, exc: sqlite3.Error) -> StoreError:
    reason = " ".join(str(exc).split())[:160]
    # We only ever write valid UTF-8, so text that does not decode is damage, not a lock.
    undecodable = "decode" in reason
    if not undecodable and (
        isinstance(exc, sqlite3.OperationalError) or not isinstance(exc, sqlite3.DatabaseError)
    ):
        return StoreError(f"cannot use database {path}: {reason}")
    if isinstance(exc, sqlite3.IntegrityError | sqlite3.InterfaceError | sqlite3.ProgrammingError):
        return StoreError(f"database {path}: {reason}")
    try:
        check_marker(path).touch()
    except OSError:
        pass
    return StoreCorrupt(
        f"{path} is damaged ({reason}); restart briefing: the file will be checked and, if "
        "needed, kept aside as a .corrupt copy while a new cache starts"
    )


def guarded(cls: type[T]) -> type[T]:
    """Wrap each public method of `cls` so sqlite3 errors leave as StoreError."""
    for name, member in list(vars(cls).items()):
        if name.startswith("_") or not callable(member) or isinstance(member, classmethod):
            continue
        setattr(cls, name, _wrap(member))
    return cls


def _wrap(method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def call(self: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.Error as exc:
            raise translate(self.path, exc) from exc

    return call


@contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
