"""What the disk says, turned into the shop's typed errors.

SQLite reports a full disk, a file locked by another program or a read-only file as
an ``OperationalError`` with a message; after a full disk it also rolls the transaction
back itself, so the rollback that follows fails with "cannot rollback - no transaction
is active" (the sale is not stored and the file stays whole). :func:`storage_errors`
wraps every operation of the front door and raises ``db.disk_full`` ("disk full: nothing
was saved"), ``db.locked`` or ``db.read_only`` instead, with the shop file's path.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from peewee import DatabaseError as PeeweeDatabaseError
from sqlcipher3 import dbapi2 as sqlcipher

from ..errors import DatabaseProblem

STORAGE_ERRORS = (PeeweeDatabaseError, sqlite3.DatabaseError, sqlcipher.DatabaseError)


def _messages(exc: BaseException) -> str:
    seen: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(seen) < 5:
        seen.append(str(current).lower())
        current = current.__cause__ or current.__context__
    return " | ".join(seen)


def problem_of(exc: BaseException, path: Path | str) -> DatabaseProblem | None:
    """The typed error for a storage failure, or None when ``exc`` is something else."""
    text = _messages(exc)
    if "full" in text or "cannot rollback" in text:
        return DatabaseProblem("db.disk_full", path=str(path))
    if "readonly" in text or "read-only" in text:
        return DatabaseProblem("db.read_only", path=str(path))
    if "locked" in text or "busy" in text:
        return DatabaseProblem("db.locked", path=str(path))
    return None


@contextmanager
def storage_errors(path: Path | str) -> Iterator[None]:
    """Re-raise the disk's failures inside the block as typed :class:`DatabaseProblem` errors."""
    try:
        yield
    except STORAGE_ERRORS as exc:
        problem = problem_of(exc, path)
        if problem is None:
            raise
        raise problem from exc
