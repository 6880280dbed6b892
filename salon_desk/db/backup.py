"""Backups of the shop file: taken before migrations and daily, kept in rotation,
and restored only after the copy passes an integrity check."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from ..errors import DatabaseProblem
from peewee import Database

from .rows import connection

BACKUP_GLOB = "*.sqlite"


def backup_to(db: Database, target: str | Path) -> Path:
    """Copy the open database ``db`` to ``target`` with SQLite's online backup API."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    dest = sqlite3.connect(str(target))
    try:
        connection(db).backup(dest)
    finally:
        dest.close()
    return target


def rotate_backup(db: Database, backup_dir: str | Path, stem: str, keep: int) -> Path:
    """Write today's backup ``stem-YYYYmmdd-HHMMSS.sqlite`` and keep the newest ``keep``."""
    backup_dir = Path(backup_dir)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # two backups in one second stay apart
    made = backup_to(db, backup_dir / f"{stem}-daily-{stamp}.sqlite")
    daily = sorted(backup_dir.glob(f"{stem}-daily-*.sqlite"))
    for old in daily[:-keep]:
        old.unlink()
    return made


def restore_backup(backup: str | Path, target: str | Path) -> Path | None:
    """Replace ``target`` (closed) with ``backup`` after checking the backup is whole.

    The file being replaced is kept first (with its write-ahead log) in the backups
    folder beside it: restoring the wrong copy must not lose the sales made since.
    Returns that safety copy, or None when there was no file to keep.
    """
    backup, target = Path(backup), Path(target)
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
    shutil.copyfile(backup, target)
    return kept
