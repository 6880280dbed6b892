"""Backups of the shop file: taken before migrations and daily, kept in rotation,
and restored only after the copy passes an integrity check.

Each function takes the open shop's database (a peewee database made by
:func:`salon_desk.db.encryption.make_database`, or any peewee SQLite database).
The backup of an encrypted shop is encrypted with the same key: the online
backup API copies the pages into a file opened with that key, so a backup is
never a readable copy of an encrypted shop.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from peewee import SqliteDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from ..errors import DatabaseProblem
from ..keystore import database_key
from .encryption import _cipher_connection, _opens, export_encrypted, is_encrypted, raw_key_of, verify_copy
from .file_lock import alone_with

from .rows import connection

BACKUP_GLOB = "*.sqlite"
STEPS = 100                    # a copy reports about this many steps, whatever the file's size
MIN_PAGES_PER_STEP = 64

Progress = Callable[[int, int, str], None]   # (done, total, text): pages copied, or bytes


def pages_per_step(page_count: int) -> int:
    """Pages copied between two progress reports: about ``STEPS`` reports for a big file."""
    return max(MIN_PAGES_PER_STEP, page_count // STEPS)


def backup_to(db: SqliteDatabase, target: str | Path, progress: Progress | None = None) -> Path:
    """Copy the open database ``db`` to ``target`` with SQLite's online backup API
    (encrypted with the same key when ``db`` is encrypted).

    The copy is written under a temporary name beside ``target``, checked whole, flushed
    to the disk and only then renamed: ``target`` is never a cut-short or 0-byte file.
    A copy that cannot be written (a full disk, a folder that refuses it) is the typed
    error ``backup.failed``, with nothing left behind.

    ``progress(pages_copied, pages_total, "")`` is called as the pages are copied (a plain
    callable: the window's dialog and the command line's bar both feed on it). An exception
    raised by ``progress`` (the person cancelled) stops the copy, removes the partial file and
    is raised again as it is: no file is left under either name.
    """
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    raw_key = raw_key_of(db)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if raw_key is None:
            dest = sqlite3.connect(str(partial))
        else:
            dest = sqlcipher.connect(str(partial))
            dest.execute("PRAGMA key = \"%s\"" % raw_key)       # x'<hex>' only: nothing to escape
        source: Any = getattr(db, "connection")()      # untyped in peewee's stubs
        try:
            if progress is None:
                source.backup(dest)
            else:
                step = pages_per_step(int(source.execute("PRAGMA page_count").fetchone()[0]))

                def pages(status: int, remaining: int, total: int) -> None:
                    progress(total - remaining, total, "")
                progress(0, 1, "")
                source.backup(dest, pages=step, progress=pages)
        finally:
            dest.close()
        _check_written(partial, raw_key)
        with open(partial, "rb") as written:
            os.fsync(written.fileno())
        partial.replace(target)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, DatabaseProblem):
            raise DatabaseProblem("backup.failed", path=str(target), detail=str(exc)) from exc
        if isinstance(exc, (OSError, sqlite3.Error, sqlcipher.Error)):
            raise DatabaseProblem("backup.failed", path=str(target), detail=str(exc)) from exc
        raise                      # cancelled, or interrupted: nothing left behind
    return target


def _check_written(copy: Path, raw_key: str | None) -> None:
    """The copy opens (with the key) and its pages are whole (``quick_check``: the same check as
    opening the shop, so a shop that opens can always be backed up)."""
    con: Any = sqlite3.connect(str(copy)) if raw_key is None else _cipher_connection(copy, raw_key)
    try:
        if raw_key is not None:
            _opens(con, copy)
        result = con.execute("PRAGMA quick_check").fetchone()[0]
    finally:
        con.close()
    if result != "ok":
        raise DatabaseProblem("db.corrupt", path=str(copy), detail=result)


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


MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SHOP_TABLES = ("schema_history", "staff", "customer", "sale")


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds, shown to the owner before it replaces the shop file."""

    path: Path
    written_at: datetime              # when the copy was written (the file's time)
    last_sale_at: datetime | None
    last_receipt_no: str | None
    customers: int
    sales: int
    encrypted: bool


def _known_migrations() -> set[str]:
    return {p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py")}


def inspect_backup(backup: str | Path, key: str | None = None) -> BackupSummary:
    """Check ``backup`` is a whole salon-desk shop file this program can open, and say what it holds.

    Refused (:class:`DatabaseProblem`, nothing changed): ``file.not_found``; ``db.backup_empty``
    (0 bytes); ``db.key_missing`` / ``db.wrong_key`` (encrypted); ``db.corrupt`` (``integrity_check``
    fails); ``db.not_a_shop`` (an SQLite file of another program); ``db.newer_version`` (written by a
    newer salon-desk: steps this program does not know).
    """
    backup = Path(backup)
    if not backup.is_file():
        raise DatabaseProblem("file.not_found", path=str(backup))
    if backup.stat().st_size == 0:
        raise DatabaseProblem("db.backup_empty", path=str(backup))
    encrypted = is_encrypted(backup)
    raw = None
    if encrypted:
        if key is None:
            raise DatabaseProblem("db.key_missing", path=str(backup))
        raw = database_key(key)
        verify_copy(backup, raw)
    else:
        _check_plain(backup)
    con = _cipher_connection(backup, raw)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not set(SHOP_TABLES) <= tables:
            raise DatabaseProblem("db.not_a_shop", path=str(backup))
        steps = {r[0] for r in con.execute("SELECT name FROM schema_history")}
        unknown = sorted(steps - _known_migrations())
        if unknown:
            raise DatabaseProblem("db.newer_version", path=str(backup), steps=unknown)
        last = con.execute("SELECT receipt_no, created_at FROM sale ORDER BY id DESC LIMIT 1").fetchone()
        customers = con.execute("SELECT count(*) FROM customer").fetchone()[0]
        sales = con.execute("SELECT count(*) FROM sale").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseProblem("db.not_a_shop", path=str(backup)) from exc
    except Exception as exc:       # sqlcipher3's own DatabaseError class
        if isinstance(exc, DatabaseProblem):
            raise
        raise DatabaseProblem("db.not_a_shop", path=str(backup)) from exc
    finally:
        con.close()
    last_at = None
    if last is not None and last[1]:
        try:
            last_at = datetime.fromisoformat(str(last[1]))
        except ValueError:
            last_at = None
    return BackupSummary(path=backup, written_at=datetime.fromtimestamp(os.path.getmtime(backup)),
                         last_sale_at=last_at, last_receipt_no=last[0] if last else None,
                         customers=int(customers), sales=int(sales), encrypted=encrypted)


def copy_file(source: Path, target: Path, progress: Progress | None = None, chunk: int = 1 << 20) -> None:
    """Copy ``source`` to ``target`` (flushed to the disk), with ``progress(bytes_done, bytes_total, "")``."""
    total = max(source.stat().st_size, 1)
    done = 0
    with open(source, "rb") as src, open(target, "wb") as dst:
        while block := src.read(chunk):
            dst.write(block)
            done += len(block)
            if progress is not None:
                progress(min(done, total), total, "")
        dst.flush()
        os.fsync(dst.fileno())


def restore_backup(backup: str | Path, target: str | Path, key: str | None = None,
                   progress: Progress | None = None) -> Path | None:
    """Replace ``target`` (closed) with ``backup`` after checking the backup is whole.

    ``key`` is the shop's recovery key. An encrypted backup is checked with it
    (``db.key_missing`` without one, ``db.wrong_key`` when it does not open the
    backup) and copied as it is. A plain backup restored with a key (one taken
    before the shop was encrypted) is written encrypted with that key, so the shop
    stays encrypted. The file being replaced is kept first (with its write-ahead log)
    in the backups folder beside it: restoring the wrong copy must not lose the sales
    made since. Returns that safety copy, or None when there was no file to keep.
    Nothing is changed when a check fails (:func:`inspect_backup`), and the restore is refused
    with ``db.in_use`` while any program has ``target`` open (:mod:`.file_lock`).
    """
    backup, target = Path(backup), Path(target)
    with alone_with(target):
        return replace_with_backup(backup, target, key, progress=progress)


def replace_with_backup(backup: Path, target: Path, key: str | None, backup_dir: Path | None = None,
                        progress: Progress | None = None) -> Path | None:
    """The restore itself, for a caller that holds the file's lock alone and has the file closed.
    ``progress(bytes_done, bytes_total, "")`` follows the copy of the backup (a plain backup
    encrypted on the way reports only its end)."""
    encrypted = inspect_backup(backup, key).encrypted
    # the copy is made beside the shop file first, then renamed over it in one step:
    # a restore stopped half-way (killed, a power cut) never leaves a half-copied shop file
    partial = target.with_name(f"{target.name}.restoring")
    if key is not None and not encrypted:
        export_encrypted(backup, partial, database_key(key))    # checked, or removed and raised
        if progress is not None:
            progress(1, 1, "")
    else:
        copy_file(backup, partial, progress)
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
    partial.replace(target)
    set_heads_aside(target, backup_dir or target.parent / "backups")
    return kept


def set_heads_aside(target: Path, backup_dir: Path) -> None:
    """The audit chain's heads written down for the file replaced are kept aside: the restored file's
    chain is its own (shorter, and the nightly check writes its head down from now on)."""
    from .audit_log import heads_path
    heads = heads_path(target, backup_dir)
    if heads.exists():
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        try:
            heads.replace(heads.with_name(f"{heads.name}-before-restore-{stamp}"))
        except OSError:
            pass
