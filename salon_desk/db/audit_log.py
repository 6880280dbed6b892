"""Writing and checking the audit log's hash chain (the rules are in :mod:`salon_desk.audit_chain`).

:func:`append_entry` runs inside the transaction that writes the entry. The shop's
transactions begin IMMEDIATE (one writer at a time, queued at BEGIN), so the newest
entry read here is still the newest when the entry is written: two programs writing
at once each link onto the other's entry, never onto the same one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Iterator, Sequence

from peewee import Database

from pathlib import Path

from ..audit_chain import GENESIS, AuditFields, ChainBreak, Head, first_break, first_lost_head, seal, stored_time
from . import sql_sqlite
from .rows import execute

Execute = Callable[[str, Sequence[Any]], Any]


def append_entry(db: Database, at: datetime, staff_id: int | None, action: str, target: str,
                 details: str) -> int:
    """Write one audit entry with the next number, linked to the newest entry's seal; its id."""
    head = execute(db, sql_sqlite.AUDIT_HEAD).fetchone()
    last_id, last_hash = (int(head[0]), str(head[1] or GENESIS)) if head else (0, GENESIS)
    entry = seal(AuditFields(last_id + 1, stored_time(at), staff_id, action, target, details), last_hash)
    execute(db, sql_sqlite.AUDIT_APPEND, (entry.id, entry.at, entry.staff_id, entry.action, entry.target,
                                          entry.details, entry.prev_hash, entry.hash))
    return entry.id


def append_in_migration(db: Database, at: datetime, staff_id: int | None, action: str, target: str,
                        details: str) -> int:
    """An audit entry written by a migration step: sealed when the file's log is already a chain
    (version 15 on), as the log was before otherwise (version 15 seals it then)."""
    columns = {str(r[1]) for r in execute(db, "PRAGMA table_info(audit_log)").fetchall()}
    if "hash" in columns:
        return append_entry(db, at, staff_id, action, target, details)
    cursor = execute(db, 'INSERT INTO "audit_log" ("at", "staff_id", "action", "target", "details")'
                         " VALUES (?, ?, ?, ?, ?)", (stored_time(at), staff_id, action, target, details))
    return int(cursor.lastrowid or 0)


def _entries(run: Execute, batch: int = 5000) -> Iterator[AuditFields]:
    cursor = run(sql_sqlite.AUDIT_CHAIN, ())
    while True:
        rows = cursor.fetchmany(batch)
        if not rows:
            return
        for row in rows:
            staff = row[2]
            yield AuditFields(int(row[0]), str(row[1]), int(staff) if staff is not None else None,
                              str(row[3]), str(row[4]), str(row[5]), row[6], row[7])


def check_chain(run: Execute) -> ChainBreak | None:
    """The first entry of the audit log whose link does not hold, or None."""
    return first_break(_entries(run))


def heads_path(shop_path: Path, backup_dir: Path) -> Path:
    """Where the chain's heads are written down: beside the backups, outside the shop file."""
    return Path(backup_dir) / f"{Path(shop_path).stem}.audit-heads"


def read_heads(path: Path | None) -> list[Head]:
    if path is None or not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return []
    return [h for h in (Head.parse(line) for line in text.splitlines()) if h is not None]


def write_head(run: Execute, path: Path) -> Head | None:
    """Write the chain's newest entry down in ``path`` (appended; a folder that refuses is skipped:
    the chain itself still holds)."""
    row = run('SELECT "id", "hash", "at" FROM "audit_log" ORDER BY "id" DESC LIMIT 1', ()).fetchone()
    if row is None or row[1] is None:
        return None
    head = Head(int(row[0]), str(row[1]), str(row[2]))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as out:
            out.write(head.line() + "\n")
    except OSError:
        return None
    return head


def check_heads(run: Execute, heads: list[Head]) -> ChainBreak | None:
    """The first head written down that the chain no longer holds, or None."""
    if not heads:
        return None
    ids = sorted({h.entry_id for h in heads})
    seal_of: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        for entry_id, seal_now in run(f'SELECT "id", "hash" FROM "audit_log" WHERE "id" IN ({marks})',
                                      tuple(chunk)).fetchall():
            seal_of[int(entry_id)] = str(seal_now)
    last = run('SELECT COALESCE(MAX("id"), 0) FROM "audit_log"', ()).fetchone()[0]
    return first_lost_head(heads, seal_of, int(last))
