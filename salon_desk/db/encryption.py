"""Encrypted shop files (SQLCipher): open one with its key, tell one from a plain file,
and turn a plain file into an encrypted one without putting it at risk.

The key every function here takes is the shop's *recovery key* (see
:mod:`salon_desk.keystore`); the SQLCipher key is derived from it. An
encrypted file has no ``SQLite format 3`` header: its first 16 bytes are a
random salt and the rest cannot be told from noise, so a wrong key and a
damaged encrypted file look the same (both are ``db.wrong_key``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from peewee import SqliteDatabase
from playhouse.sqlcipher_ext import SqlCipherDatabase
from sqlcipher3 import dbapi2 as sqlcipher

from ..errors import DatabaseProblem
from ..keystore import database_key

# (done, total, text): the bytes of the shop file worked through so far; it may raise to cancel
Progress = Callable[[int, int, str], None]

STEPS_PER_TICK = 50_000      # SQLite virtual-machine steps between two calls of a pass's tick

SQLITE_HEADER = b"SQLite format 3\x00"
_SMALLEST_PAGE = 512
_SIDE_FILES = ("-wal", "-shm", "-journal")

# SQLCipher writes "hmac check failed" lines to stderr on a wrong key; the typed error says it instead.
_quiet = sqlcipher.connect(":memory:")
_quiet.execute("PRAGMA cipher_log_level = NONE")
_quiet.close()


def _side(path: Path, suffix: str) -> Path:
    return Path(str(path) + suffix)


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        _side(path, suffix).unlink(missing_ok=True)


def _header(path: Path) -> bytes:
    try:
        with path.open("rb") as f:
            return f.read(len(SQLITE_HEADER))
    except OSError:
        return b""


def is_encrypted(path: str | Path) -> bool:
    """True when ``path`` looks like an encrypted shop file.

    That is: it has whole pages (a multiple of 512 bytes) and no ``SQLite format 3``
    header. A missing or empty file is not encrypted; nor is an odd-sized file of
    garbage (that one is damaged, ``db.corrupt`` when opened).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        return False
    head = _header(path)
    return size > 0 and size % _SMALLEST_PAGE == 0 and len(head) == len(SQLITE_HEADER) \
        and head != SQLITE_HEADER


def is_plain(path: str | Path) -> bool:
    """True when ``path`` is a non-empty unencrypted SQLite file."""
    return _header(Path(path)) == SQLITE_HEADER


def _cipher_connection(path: Path, raw_key: str | None) -> Any:
    """A sqlcipher3 connection on ``path``; ``raw_key`` None opens a plain file."""
    con = sqlcipher.connect(str(path), isolation_level=None, timeout=2)
    if raw_key is not None:
        con.execute("PRAGMA key = \"%s\"" % raw_key)        # x'<hex>' only: nothing to escape
    return con


@contextmanager
def _watching(con: Any, tick: Callable[[], None] | None) -> Iterator[None]:
    """``tick()`` once at the start, then every few thousand steps of the statements run on ``con``
    meanwhile: a bar moves during one long statement (a whole-file check gives no steps: it
    shows at least its start), and an exception ``tick`` raises (a Cancel) interrupts the
    statement and is raised again here instead of SQLite's "interrupted"."""
    if tick is None:
        yield
        return
    tick()
    raised: list[BaseException] = []

    def handler() -> int:
        try:
            tick()
        except BaseException as exc:       # noqa: BLE001 (handed back once SQLite has stopped)
            raised.append(exc)
            return 1
        return 0
    con.set_progress_handler(handler, STEPS_PER_TICK)
    try:
        yield
    except sqlcipher.Error:
        if raised:
            raise raised[0] from None
        raise
    finally:
        con.set_progress_handler(None, 0)
    if raised:
        raise raised[0]


def _opens(con: Any, path: Path) -> None:
    """Read the first page: a wrong key fails here, before anything is written."""
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        text = str(exc)
        if "not a database" in text:
            raise DatabaseProblem("db.wrong_key", path=str(path)) from exc
        if "locked" in text or "busy" in text:
            raise DatabaseProblem("db.locked", path=str(path)) from exc
        if "malformed" in text:
            raise DatabaseProblem("db.corrupt", path=str(path), detail=text) from exc
        raise DatabaseProblem("db.cannot_open", path=str(path), detail=text) from exc


def check_key(path: str | Path, key: str | None) -> None:
    """Refuse a file this key cannot open; the file is only read.

    ``db.key_missing`` (encrypted, no key), ``db.wrong_key`` (encrypted, the key
    does not open it), ``db.not_encrypted`` (a key for a plain file); a missing,
    empty or plain file with no key passes. A mistyped recovery key is
    :class:`InvalidInput` ``key.mistyped``.
    """
    path = Path(path)
    if key is None:
        if is_encrypted(path):
            raise DatabaseProblem("db.key_missing", path=str(path))
        return
    raw = database_key(key)
    if not path.exists() or path.stat().st_size == 0:
        return
    if is_plain(path):
        raise DatabaseProblem("db.not_encrypted", path=str(path))
    con = _cipher_connection(path, raw)
    try:
        _opens(con, path)
    finally:
        con.close()


def make_database(path: str | Path, key: str | None, pragmas: Mapping[str, Any]) -> SqliteDatabase:
    """The peewee database of the shop file ``path``, not yet connected.

    ``key`` None gives a plain :class:`SqliteDatabase`; a recovery key gives a
    :class:`SqlCipherDatabase` (a subclass) whose file is created encrypted when
    missing or empty. Both take ``pragmas`` and ``lock_type='IMMEDIATE'``. The
    key is checked first (:func:`check_key`, same errors) and the file is left
    untouched when it does not fit.
    """
    path = Path(path)
    check_key(path, key)
    if key is None:
        return SqliteDatabase(str(path), pragmas=dict(pragmas), lock_type="IMMEDIATE")
    cipher: SqliteDatabase = SqlCipherDatabase(str(path), passphrase=database_key(key),
                                               pragmas=dict(pragmas), lock_type="IMMEDIATE")
    return cipher


def raw_key_of(db: SqliteDatabase) -> str | None:
    """The SQLCipher key a database made by :func:`make_database` opens its file with (None: plain)."""
    if isinstance(db, SqlCipherDatabase):
        key = db.connect_params.get("passphrase")
        return key if isinstance(key, str) and key else None
    return None


# -- checking a copy -------------------------------------------------------------------------

def _tables(con: Any) -> list[str]:
    return [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' "
        "ORDER BY name")]


def fingerprint(con: Any) -> dict[str, Any]:
    """What a faithful copy keeps: the schema, every table's row count, the user version."""
    return {
        "schema": sorted((r[0], r[1], r[2] or "") for r in con.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%'")),
        "rows": {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in _tables(con)},
        "user_version": con.execute("PRAGMA user_version").fetchone()[0],
    }


def verify_copy(path: Path, raw_key: str | None, expected: Mapping[str, Any] | None = None,
                tick: Callable[[], None] | None = None) -> dict[str, Any]:
    """Open the copy at ``path`` (with ``raw_key`` when encrypted) and check it is whole.

    Raises ``db.wrong_key`` when the key does not open it, ``db.corrupt`` when a check
    fails or, given ``expected`` (a :func:`fingerprint`), when a table lost or gained rows.
    Returns the copy's fingerprint. ``tick`` is called as the checks read the file.
    """
    try:
        con = _cipher_connection(path, raw_key)
    except sqlcipher.Error as exc:
        raise DatabaseProblem("db.corrupt", path=str(path), detail=str(exc)) from exc
    try:
        _opens(con, path)
        try:
            with _watching(con, tick):
                result = con.execute("PRAGMA integrity_check").fetchone()[0]
                if result == "ok" and raw_key is not None:
                    bad = con.execute("PRAGMA cipher_integrity_check").fetchall()
                    result = "; ".join(str(r[0]) for r in bad[:3]) if bad else "ok"
                found = fingerprint(con) if result == "ok" else {}
        except sqlcipher.DatabaseError as exc:
            raise DatabaseProblem("db.corrupt", path=str(path), detail=str(exc)) from exc
    finally:
        con.close()
    if result != "ok":
        raise DatabaseProblem("db.corrupt", path=str(path), detail=result)
    if expected is not None and found != dict(expected):
        raise DatabaseProblem("db.corrupt", path=str(path), detail="the copy differs from the original")
    return found


def export_encrypted(source: Path, target: Path, raw_key: str,
                     written: Callable[[int], None] | None = None,
                     checking: Callable[[], None] | None = None) -> dict[str, Any]:
    """Write the plain file ``source`` as a new encrypted file ``target`` (replaced if present),
    verified against the source; returns the source's fingerprint.

    ``target`` is left in WAL mode like a shop file. On failure it is removed. ``written(bytes)``
    is told the encrypted copy's size as it grows, ``checking()`` ticks while it is checked;
    either may raise to stop (the copy is then removed).
    """
    _remove_with_side_files(target)
    con = _cipher_connection(source, None)
    try:
        expected = fingerprint(con)
        con.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), raw_key))
        try:
            con.execute("BEGIN")
            tick = None if written is None else (lambda: written(_size(target)))
            with _watching(con, tick):
                con.execute("SELECT sqlcipher_export('encrypted')")
            con.execute(f"PRAGMA encrypted.user_version = {int(expected['user_version'])}")
            con.execute("COMMIT")
        finally:
            if con.in_transaction:
                con.execute("ROLLBACK")
            con.execute("DETACH DATABASE encrypted")
        check = _cipher_connection(target, raw_key)
        try:
            check.execute("PRAGMA journal_mode = wal")
        finally:
            check.close()
        verify_copy(target, raw_key, expected, checking)
        _fsync(target)
        return expected
    except BaseException:
        _remove_with_side_files(target)
        raise
    finally:
        con.close()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _fsync(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":             # Windows cannot open a folder to flush it
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# -- turning a plain shop file into an encrypted one ------------------------------------------

def encrypt_file(path: str | Path, key: str, backup_dir: str | Path, progress: Progress | None = None) -> Path:
    """Encrypt the plain shop file ``path`` (closed) with ``key``; returns the backup taken first.

    1. the other programs are kept from writing (a write lock held throughout; a file
       in use gives ``db.locked``);
    2. a plain backup ``<stem>-before-encrypt-<time>.sqlite`` goes to ``backup_dir`` and
       is checked (integrity and the same row count in every table);
    3. ``sqlcipher_export`` writes an encrypted copy beside the file, which is opened
       with the key and checked the same way;
    4. the copy replaces the file in one rename, and the plain write-ahead log and
       shared-memory files are removed.

    Nothing replaces the file unless every check passed. Errors: ``db.already_encrypted``,
    ``db.corrupt``, ``db.locked``, ``db.cannot_open``; ``key.mistyped`` (InvalidInput).
    The backup is NOT encrypted: delete it once the encrypted shop has been opened.

    ``progress(done, total, text)`` follows the four passes over the file (copy, check, encrypt,
    check) in bytes; an exception it raises (a Cancel) stops the work before the file is
    replaced, leaving the shop file as it was (the plain backup stays, as any backup).

    Close the shop in this process first: the lock sees other programs, not this
    process's own connections (sqlite3 and sqlcipher3 are two SQLite libraries).
    """
    path, backup_dir = Path(path), Path(backup_dir)
    raw = database_key(key)
    if not path.exists() or path.stat().st_size == 0:
        raise DatabaseProblem("db.cannot_open", path=str(path), detail="no such shop file")
    if is_encrypted(path):
        raise DatabaseProblem("db.already_encrypted", path=str(path))
    if not is_plain(path):
        raise DatabaseProblem("db.corrupt", path=str(path), detail="not a shop file")
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    backup = backup_dir / f"{path.stem}-before-encrypt-{stamp}.sqlite"
    partial = path.with_name(f"{path.name}.encrypting")
    # The guard, like every connection here, is sqlcipher3's: two SQLite libraries locking
    # one file in one process would release each other's locks.
    guard = _cipher_connection(path, None)
    passes = _Passes(progress, _size(path) + _size(_side(path, "-wal")))
    try:
        try:
            guard.execute("BEGIN IMMEDIATE")        # no other program writes until the copy is in place
        except sqlcipher.OperationalError as exc:
            raise DatabaseProblem("db.locked", path=str(path)) from exc
        expected = _plain_backup(path, backup, passes)
        try:
            found = export_encrypted(path, partial, raw, written=passes.encrypting, checking=passes.checking_copy)
        except DatabaseProblem as problem:
            raise DatabaseProblem("db.encrypt_failed", path=str(path),
                                  detail=str(problem.params.get("detail", problem.code))) from problem
        if found != expected:                        # cannot happen while the lock holds
            _remove_with_side_files(partial)
            raise DatabaseProblem("db.encrypt_failed", path=str(path), detail="the file changed meanwhile")
        passes.done()
        guard.execute("ROLLBACK")
    except BaseException:
        _remove_with_side_files(partial)
        raise
    finally:
        guard.close()       # the last connection folds the write-ahead log into the file
    if _side(path, "-wal").exists():
        _remove_with_side_files(partial)             # someone else still has the plain file open
        raise DatabaseProblem("db.locked", path=str(path))
    try:
        os.replace(partial, path)
    except OSError as exc:                           # Windows: the file is open elsewhere
        _remove_with_side_files(partial)
        raise DatabaseProblem("db.locked", path=str(path)) from exc
    for suffix in _SIDE_FILES:
        _side(path, suffix).unlink(missing_ok=True)
    _fsync_folder(path.parent)
    return backup


class _Passes:
    """The four passes of an encryption as one bar in bytes of the shop file: the plain backup's
    copy and its check, the encrypted copy's writing and its check."""

    COPY, CHECK, ENCRYPT, CHECK_COPY = range(4)
    TEXTS = ("copying the shop file to a plain backup", "checking the backup",
             "writing the encrypted copy", "checking the encrypted copy")

    def __init__(self, progress: Progress | None, size: int) -> None:
        self.progress = progress
        self.size = max(size, 1)
        self.total = 4 * self.size

    def _at(self, step: int, within: int) -> None:
        if self.progress is not None:
            self.progress(step * self.size + min(max(within, 0), self.size), self.total, self.TEXTS[step])

    def copying(self, remaining_pages: int, total_pages: int) -> None:
        self._at(self.COPY, self.size * (total_pages - remaining_pages) // max(total_pages, 1))

    def checking_backup(self) -> None:
        self._at(self.CHECK, 0)

    def encrypting(self, written: int) -> None:
        self._at(self.ENCRYPT, written)

    def checking_copy(self) -> None:
        self._at(self.CHECK_COPY, 0)

    def done(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total, "putting the encrypted file in place")


def _plain_backup(path: Path, backup: Path, passes: _Passes | None = None) -> dict[str, Any]:
    """Copy the plain file to ``backup`` with the online backup API and check the copy;
    returns the source's fingerprint."""
    backup.parent.mkdir(parents=True, exist_ok=True)
    source = _cipher_connection(path, None)
    try:
        try:
            expected = fingerprint(source)
        except sqlcipher.DatabaseError as exc:
            raise DatabaseProblem("db.corrupt", path=str(path), detail=str(exc)) from exc
        dest = _cipher_connection(backup, None)
        try:
            if passes is None:
                source.backup(dest)
            else:
                source.backup(dest, pages=256, progress=lambda _status, remaining, total: passes.copying(remaining, total))
        finally:
            dest.close()
    except BaseException:
        backup.unlink(missing_ok=True)       # a copy cut short (a Cancel) is no backup
        raise
    finally:
        source.close()
    try:
        verify_copy(backup, None, expected, None if passes is None else passes.checking_backup)
    except DatabaseProblem as problem:
        raise DatabaseProblem("db.encrypt_failed", path=str(path),
                              detail=f"the backup {backup} did not check out") from problem
    return expected


def plain_copies(folder: str | Path) -> list[Path]:
    """The unencrypted shop files in ``folder`` (e.g. backups made before encryption)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.sqlite") if is_plain(p))
