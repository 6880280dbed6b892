"""The figures of the reliability suite (runs, violations), printed at the end of the run."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from salon_desk.db.ledger_check import check_books

FIGURES: dict[str, list[int]] = {}      # what was tried -> [runs, violations]


def record(name: str, runs: int, violations: int) -> None:
    total = FIGURES.setdefault(name, [0, 0])
    total[0] += runs
    total[1] += violations


def books_of(path: Path) -> list[str]:
    """The broken invariants of the closed shop file at ``path`` (none: the books hold)."""
    con = sqlite3.connect(str(path))
    try:
        return [f"{b.check}: {b.detail}" for b in check_books(lambda sql, params: con.execute(sql, params))]
    finally:
        con.close()
