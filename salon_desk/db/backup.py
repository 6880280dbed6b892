"""Backups of the shop file: taken before migrations and daily, kept in rotation,
and restored only after the copy passes an integrity check.

Each function takes the open shop's database (a peewee database made by
:func:`salon_desk.db.encryption.make_database`, or any peewee SQLite database).
The backup of an encrypted shop is encrypted with the same key: the online
backup API copies the pages into a file opened with that key, so a backup is
never a readable copy of an encrypted shop.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from ..errors import DatabaseProblem
from ..keystore import database_key
from .encryption import export_encrypted, is_encrypted, raw_key_of, verify_copy

from .rows import connection

BACKUP_GLOB = "*.sqlite"


def backup_to(db: SqliteDatabase, target: str | Path) -> Path:
    """Copy the open database ``db`` to ``target`` with SQLite's online backup API
    (encrypted with the same key when ``db`` is encrypted)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    raw_key = raw_key_of(db)
    if raw_key is None:
        dest = sqlite3.connect(str(target))
    else:
        dest = sqlcipher.connect(str(target))
        dest.execute("PRAGMA key = \"%s\"" % raw_key)       # x'<hex>' only: nothing to escape
    source: Any = getattr(db, "connection")()      # untyped in peewee's stubs
    try:
        source.backup(dest)
    finally:
        dest.close()
    return target


def rotate_backup(db: SqliteDatabase, backup_dir: str | Path, stem: str, keep: int) -> Path:
    """Write today's backup ``stem-daily-YYYYmmdd-HHMMSS-ffffff.sqlite`` and keep the newest ``keep``."""
    backup_dir = Path(backup_dir)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # two backups in one second stay apart
    made = backup_to(db, backup_dir / f"{stem}-daily-{stamp}.sqlite")
    daily = sorted(backup_dir.glob(f"{stem}-daily-*.sqlite"))
    for old in daily[:-keep]:
        old.unlink()
    return made


def _check_plain(backup: Path) -> None:
    try:
        con = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem("db.corrupt", path=str(backup), detail=str(exc)) from exc
    if result != "ok":
        raise DatabaseProblem("db.corrupt", path=str(backup), detail=result)


def restore_backup(backup: str | Path, target: str | Path, key: str | None = None) -> Path | None:
    """Replace ``target`` (closed) with ``backup`` after checking the backup is whole.

    ``key`` is the shop's recovery key. An encrypted backup is checked with it
    (``db.key_missing`` without one, ``db.wrong_key`` when it does not open the
    backup) and copied as it is. A plain backup restored with a key (one taken
    before the shop was encrypted) is written encrypted with that key, so the shop
    stays encrypted. The file being replaced is kept first (with its write-ahead log)
    in the backups folder beside it: restoring the wrong copy must not lose the sales
    made since. Returns that safety copy, or None when there was no file to keep.
    Nothing is changed when a check fails.
    """
    backup, target = Path(backup), Path(target)
    encrypted = is_encrypted(backup)
    if encrypted:
        if key is None:
            raise DatabaseProblem("db.key_missing", path=str(backup))
        verify_copy(backup, database_key(key))
    else:
        _check_plain(backup)
    partial = None
    if key is not None and not encrypted:
        partial = target.with_name(f"{target.name}.restoring")
        export_encrypted(backup, partial, database_key(key))    # checked, or removed and raised
    kept = None
    if target.exists() and target.stat().st_size > 0:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        kept = target.parent / "backups" / f"{target.stem}-before-restore-{stamp}.sqlite"
        kept.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal"):
            if Path(str(target) + suffix).exists():
                shutil.copyfile(str(target) + suffix, str(kept) + suffix)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    if partial is not None:
        partial.replace(target)
    else:
        shutil.copyfile(backup, target)
    return kept
