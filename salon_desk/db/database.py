"""Opening the shop file: pragmas in one place, migrations with a backup first.

SQLite enforces foreign keys only with the pragma, and ``synchronous=full``
keeps the last sales through a power cut.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from peewee import Database, DatabaseError, OperationalError, SqliteDatabase

from ..errors import DatabaseProblem
from .backup import backup_to
from .encryption import make_database
from .rows import execute

if TYPE_CHECKING:
    from playhouse.migrations import Runner

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
HISTORY_TABLE = "schema_history"

PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": "full",
    "foreign_keys": 1,
    "busy_timeout": 5000,
    "cache_size": -32_000,   # 32 MB page cache
}


FIRST_PAGE = "SELECT count(*) FROM sqlite_master"   # reads the header and the schema: not a database fails here


def check_file(database: Database) -> str:
    """``PRAGMA quick_check`` over the whole file: "ok", or the first problem found.

    Reads every page (seconds on a file of many years), so it is never on the start path:
    the window runs it in the background after the counter is painted.
    """
    try:
        return str(execute(database, "PRAGMA quick_check").fetchone()[0])
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        if "interrupt" in str(exc):
            raise
        return str(exc)


def checkpoint(database: Database) -> tuple[int, int, int]:
    """Copy the pages the write-ahead log holds into the file, waiting for nobody (``PASSIVE``):
    (busy, pages in the log, pages copied). With ``hold_checkpoints`` on the selling connection
    this is the only place the file itself is written, so a sale's commit never pays for it."""
    busy, log, copied = execute(database, "PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    return int(busy), int(log), int(copied)


def hold_checkpoints(database: SqliteDatabase) -> None:
    """This connection's commits leave the log for ``checkpoint`` to copy: SQLite's automatic
    checkpoint (every 1,000 pages, i.e. every ~14 sales) otherwise lands inside a sale's commit,
    the slowest one in twenty at the counter. The log is still copied when the file closes.
    The database keeps the setting for the connections it opens later (after a restore)."""
    database.pragma("wal_autocheckpoint", 0, permanent=True)


def _runner(database: Database) -> Runner:
    from playhouse.migrations import Runner     # loaded only when the file has steps to take
    return Runner(database, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE)


def _up_to_date(database: Database) -> bool:
    """Whether the file's history names exactly the migration files shipped: the usual start,
    answered by one small read without loading the migration runner."""
    shipped = {path.stem for path in MIGRATIONS_DIR.glob("[0-9]*.py")}
    try:
        applied = {row[0] for row in execute(database, f"SELECT name FROM {HISTORY_TABLE}").fetchall()}
    except (DatabaseError, sqlite3.DatabaseError):
        return False                  # a new file: no history yet
    return applied == shipped


def _has_log(path: Path) -> bool:
    wal = Path(str(path) + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def writable(path: Path) -> bool:
    """Whether this program may write the shop file (and its folder, for the write-ahead log)."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def is_read_only(database: Database) -> bool:
    """True for a shop file opened read-only (sales cannot be taken: nothing can be saved)."""
    return bool(getattr(database, "salon_read_only", False))


def _open_read_only(path: Path) -> SqliteDatabase:
    """A shop file this program may not write, opened to be read: the day's figures and the
    customer file stay readable, every change is refused as ``db.read_only``."""
    pragmas = {"foreign_keys": 1, "busy_timeout": PRAGMAS["busy_timeout"], "query_only": 1}
    database = SqliteDatabase(f"file:{path}?mode=ro", uri=True, pragmas=pragmas)
    try:
        database.connect()
        execute(database, FIRST_PAGE).fetchone()      # the whole-file check runs after the counter shows
        if _up_to_date(database):
            setattr(database, "salon_read_only", True)
            return database
        status = _runner(database).status()
        if any(m.path is None for m in status):
            raise DatabaseProblem("db.newer_version", path=str(path), steps=[m.name for m in status if m.path is None])
        if any(not m.applied for m in status):       # it cannot be brought up to date
            raise DatabaseProblem("db.read_only", path=str(path))
    except DatabaseProblem:
        database.close()
        raise
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        raise DatabaseProblem("db.cannot_open", path=str(path), detail=str(exc)) from exc
    setattr(database, "salon_read_only", True)
    return database


def open_database(path: str | Path, backup_dir: str | Path | None = None,
                  key: str | None = None) -> tuple[SqliteDatabase, list[str]]:
    """Open ``path`` (created if missing; encrypted with ``key``, a recovery key, when given), migrate
    it; the shop's own database object and the steps applied.

    Raises :class:`DatabaseProblem` with ``db.corrupt``, ``db.locked``, ``db.newer_version``,
    ``db.cannot_open``, or for an encrypted file ``db.key_missing`` / ``db.wrong_key``.
    """
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseProblem("db.cannot_open", path=str(path), detail=str(exc)) from exc
    existed = path.exists() and path.stat().st_size > 0
    if path.exists() and not existed and not _has_log(path):
        # a shop file cut to nothing (a failed copy, a full disk) is not a new shop: refused
        raise DatabaseProblem("db.empty_file", path=str(path))
    if existed and key is None and not writable(path):
        return _open_read_only(path), []
    # its own database object (IMMEDIATE: writers queue at BEGIN, never in the middle of a sale)
    database = make_database(path, key, PRAGMAS)
    try:
        database.connect()
        # Only the first page and the schema are read here: a start must not grow with the years.
        # The whole-file check (quick_check) runs in the background once the counter shows
        # (check_file), and integrity_check in the nightly job; a damaged file is told then.
        execute(database, FIRST_PAGE).fetchone()
        if _up_to_date(database):
            return database, []
        runner = _runner(database)
        status = runner.status()
        unknown = [m.name for m in status if m.path is None]
        if unknown:
            raise DatabaseProblem("db.newer_version", path=str(path), steps=unknown)
        pending = [m.name for m in status if not m.applied]
        if pending and existed and any(m.applied for m in status):
            stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
            target = Path(backup_dir or path.parent / "backups") / f"{path.stem}-before-{pending[0]}-{stamp}.sqlite"
            backup_to(database, target)
        return database, runner.up()
    except DatabaseProblem:
        database.close()
        raise
    except (DatabaseError, sqlite3.DatabaseError) as exc:
        database.close()
        text = str(exc)
        if "locked" in text or "busy" in text:
            raise DatabaseProblem("db.locked", path=str(path)) from exc
        if "not a database" in text or "malformed" in text:
            raise DatabaseProblem("db.corrupt", path=str(path), detail=text) from exc
        raise DatabaseProblem("db.cannot_open", path=str(path), detail=text) from exc
    except OSError as exc:
        database.close()
        raise DatabaseProblem("db.cannot_open", path=str(path), detail=str(exc)) from exc


def schema_version(database: Database) -> list[str]:
    return sorted(_runner(database).applied())


__all__ = ["open_database", "check_file", "schema_version", "is_read_only", "writable", "OperationalError"]
