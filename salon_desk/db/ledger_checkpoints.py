"""Running totals of the append-only ledgers at month starts, so a report reads one month.

A balance at an instant is a sum over the whole ledger before it; a checkpoint
stores that sum at the start of a month, and the report adds only the rows
since. Checkpoints are derived data: a row written later with an earlier date
(the yearly points reset is dated on its reset day) drops every checkpoint
after that date, found by reading only the rows added since the last check.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from peewee import Database

from .rows import execute

# ledger -> (table, queries giving (month "YYYY-MM", key, delta) for rows with lo <= at < hi)
LEDGERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "points": ("points_entry", (
        "SELECT substr(at, 1, 7), 'total', SUM(points) FROM points_entry"
        " WHERE at >= ? AND at < ? GROUP BY 1",)),
    "tiers": ("tier_change", (
        "SELECT substr(at, 1, 7), to_tier, COUNT(*) FROM tier_change"
        " WHERE at >= ? AND at < ? AND to_tier IS NOT NULL GROUP BY 1, 2",
        "SELECT substr(at, 1, 7), from_tier, -COUNT(*) FROM tier_change"
        " WHERE at >= ? AND at < ? AND from_tier IS NOT NULL GROUP BY 1, 2")),
}
MARKER = "*"   # every checkpoint has this key, so an empty total is still a checkpoint


def stamp(at: datetime | date) -> str:
    """The text form the shop file stores datetimes in (peewee's)."""
    if not isinstance(at, datetime):
        at = datetime(at.year, at.month, at.day)
    return at.strftime("%Y-%m-%d %H:%M:%S")


def _next_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return f"{year:04d}-{mon:02d}-01 00:00:00"


def _invalidate(db: Database, ledger: str) -> None:
    table = LEDGERS[ledger][0]
    row = execute(db, "SELECT verified_id FROM report_checkpoint_state WHERE ledger = ?", (ledger,)).fetchone()
    verified = row[0] if row else 0
    # MIN(+at): read the new rows by id; plain MIN(at) would walk the date index from its start.
    earliest = execute(db, f"SELECT MIN(+at) FROM {table} WHERE id > ?", (verified,)).fetchone()[0]
    if earliest is not None:
        execute(db, "DELETE FROM report_checkpoint WHERE ledger = ? AND at > ?", (ledger, str(earliest)))
    newest = execute(db, f"SELECT MAX(id) FROM {table}").fetchone()[0] or 0
    execute(db, "INSERT OR REPLACE INTO report_checkpoint_state (ledger, verified_id) VALUES (?, ?)",
                   (ledger, newest))


def _nearest(db: Database, ledger: str, at: str) -> tuple[str, dict[str, int]]:
    row = execute(db, "SELECT MAX(at) FROM report_checkpoint WHERE ledger = ? AND at <= ?",
                         (ledger, at)).fetchone()
    if row[0] is None:
        return "", {}
    values = execute(db, "SELECT key, value FROM report_checkpoint WHERE ledger = ? AND at = ?",
                            (ledger, row[0])).fetchall()
    return row[0], {k: v for k, v in values if k != MARKER}


def ledger_totals(db: Database, ledger: str, at: datetime | date) -> dict[str, int]:
    """Per key, the sum of ``ledger`` over every row dated before ``at``.

    Costs the rows between the nearest checkpoint and ``at``; saves checkpoints
    at the month starts it passes.
    """
    until = stamp(at)
    with db.atomic():
        _invalidate(db, ledger)
        since, totals = _nearest(db, ledger, until)
        deltas: dict[str, dict[str, int]] = defaultdict(dict)
        for query in LEDGERS[ledger][1]:
            for month, key, delta in execute(db, query, (since, until)).fetchall():
                deltas[month][key] = deltas[month].get(key, 0) + delta
        running = dict(totals)
        saves = []
        for month in sorted(deltas):
            for key, delta in deltas[month].items():
                running[key] = running.get(key, 0) + delta
            boundary = _next_month(month)
            if boundary <= until:
                saves.extend((ledger, boundary, k, v) for k, v in running.items())
                saves.append((ledger, boundary, MARKER, 0))
        if saves:
            db.connection().executemany(
                "INSERT OR REPLACE INTO report_checkpoint (ledger, at, key, value) VALUES (?, ?, ?, ?)", saves)
    return {k: v for k, v in running.items()}
