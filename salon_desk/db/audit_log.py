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

from ..audit_chain import GENESIS, AuditFields, ChainBreak, first_break, seal, stored_time
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
