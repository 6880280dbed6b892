"""The books' invariants, checked on the stored rows (the nightly check, ``salon-desk verify``,
the reliability suite). Each check returns the first broken link it finds, in words a
support person can follow, or nothing.

- the file is whole (``PRAGMA integrity_check``);
- receipt numbers are gapless per day (1, 2, 3 ... with no number twice);
- every completed sale's payments add up to its amount due;
- a stored-value card's balances after each entry are the running sums of its entries;
- no points balance went below zero except by a refund taking back points (the owner's recorded
  choice) or a merge carrying such a balance over;
- the points totals the reports start from (month checkpoints) are the ledger's sums;
- the audit log's hash chain holds (:mod:`salon_desk.audit_chain`): the first entry changed,
  slipped in or missing is named with its number and time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Sequence

from ..audit_chain import ChainBreak
from ..audit_chain import Head
from .audit_log import check_chain, check_heads

Execute = Callable[[str, Sequence[Any]], Any]

# sales and stored-value top-ups share the day's receipt numbers
SALE_DAYS = "SELECT day, seq FROM sale UNION ALL SELECT day, seq FROM card_topup ORDER BY day, seq"
SALE_PAYMENTS = (
    "SELECT s.receipt_no AS receipt_no, s.amount_due_fen AS due, COALESCE(SUM(p.amount_fen), 0) AS paid "
    "FROM sale s LEFT JOIN payment p ON p.sale_id = s.id WHERE s.status = 'completed' "
    "GROUP BY s.id HAVING paid != due ORDER BY s.id LIMIT 1")
# each entry with the customer's balance after it; the first that took points below zero
# when only a refund's take-back (or a merge carrying one over) may
POINTS_BELOW_ZERO = (
    "SELECT id, customer_id, kind, points, balance FROM (SELECT id, customer_id, kind, points,"
    " SUM(points) OVER (PARTITION BY customer_id ORDER BY id) AS balance FROM points_entry)"
    " WHERE points < 0 AND balance < 0 AND kind NOT IN ('refund', 'merge') ORDER BY id LIMIT 1")
POINTS_MONTHS = "SELECT substr(at, 1, 7) AS month, SUM(points) FROM points_entry GROUP BY 1 ORDER BY 1"
POINTS_CHECKPOINTS = ("SELECT at, value FROM report_checkpoint WHERE ledger = 'points' AND key = 'total'"
                      " ORDER BY at")
CARD_ENTRIES = ("SELECT id, customer_id, principal_fen, bonus_fen, principal_after_fen, bonus_after_fen "
                "FROM card_entry ORDER BY customer_id, id")


@dataclass(frozen=True)
class Broken:
    """A check that failed: which (``file``, ``receipts``, ``payments``, ``stored value``, ``points``,
    ``audit``), its first broken link in words, and for the audit chain the break itself."""

    check: str
    detail: str
    chain: ChainBreak | None = field(default=None, compare=False)


@dataclass(frozen=True)
class BooksCheck:
    """The last time the books were checked (the nightly job, or the owner's "verify now"), and what
    was found broken (nothing: they held)."""

    at: datetime
    nightly: bool
    problems: tuple[Broken, ...]


def problems_as_details(found: list[Broken]) -> list[dict[str, Any]]:
    """What an audit entry records of a check: each broken check with its words (and chain link)."""
    out: list[dict[str, Any]] = []
    for b in found:
        item: dict[str, Any] = {"check": b.check, "detail": b.detail}
        if b.chain is not None:
            item.update(entry_id=b.chain.entry_id, at=b.chain.at, kind=b.chain.kind, after_id=b.chain.after_id)
        out.append(item)
    return out


def problems_from_details(items: list[dict[str, Any]]) -> tuple[Broken, ...]:
    out = []
    for item in items:
        chain = (ChainBreak(int(item["entry_id"]), str(item["at"]), str(item["kind"]), int(item["after_id"]))
                 if "entry_id" in item else None)
        out.append(Broken(str(item["check"]), str(item["detail"]), chain))
    return tuple(out)


def books_checker(path: Path, key: str | None, heads: Callable[[], list[Head]] = list) -> Callable[[], list[Broken]]:
    """:func:`check_books` on a connection of its own to the shop file at ``path`` (read only), to run
    on another thread: on a big file the whole check takes a minute and the counter must not wait."""
    def run() -> list[Broken]:
        from .encryption import make_database
        from .rows import execute
        db = make_database(path, key, {"query_only": 1, "busy_timeout": 5000})
        db.connect()
        try:
            return check_books(lambda sql, params: execute(db, sql, params), heads())
        finally:
            db.close()
    return run


def check_books(execute: Execute, heads: Sequence[Head] = ()) -> list[Broken]:
    """Every invariant; the first broken link of each check that fails. ``heads``: the chain's heads
    written down outside the file, each of which the audit log must still hold."""
    found: list[Broken] = []
    result = execute("PRAGMA integrity_check", ()).fetchone()[0]
    if result != "ok":
        return [Broken("file", str(result))]
    last_day, expected = None, 1
    for day, seq in execute(SALE_DAYS, ()).fetchall():
        if day != last_day:
            last_day, expected = day, 1
        if seq != expected:
            found.append(Broken("receipts", f"{day}: number {seq} where {expected} was due"))
            break
        expected += 1
    bad = execute(SALE_PAYMENTS, ()).fetchone()
    if bad is not None:
        found.append(Broken("payments", f"{bad[0]}: paid {bad[2]} fen of {bad[1]} due"))
    tables = {r[0] for r in execute("SELECT name FROM sqlite_master WHERE type = 'table'", ()).fetchall()}
    if "card_entry" in tables:
        current: dict[int, tuple[int, int]] = {}
        for entry_id, customer, principal, bonus, p_after, b_after in execute(CARD_ENTRIES, ()).fetchall():
            p, b = current.get(customer, (0, 0))
            p, b = p + principal, b + bonus
            current[customer] = (p, b)
            if (p, b) != (p_after, b_after):
                found.append(Broken("stored value", f"entry {entry_id}: balances after {p_after}/{b_after}, "
                                                    f"the entries add up to {p}/{b}"))
                break
    found += _points(execute)
    chain = check_chain(execute) or check_heads(execute, list(heads))
    if chain is not None:
        found.append(Broken("audit", f"entry {chain.entry_id} ({chain.at}): {chain.kind.replace('_', ' ')}"
                                     f" (the chain holds up to entry {chain.after_id})", chain))
    return found


def _points(execute: Execute) -> list[Broken]:
    below = execute(POINTS_BELOW_ZERO, ()).fetchone()
    if below is not None:
        return [Broken("points", f"entry {below[0]} ({below[2]} {below[3]}) took customer {below[1]}'s balance "
                                 f"to {below[4]}")]
    running, totals = 0, {}
    for month, delta in execute(POINTS_MONTHS, ()).fetchall():
        running += int(delta)
        totals[str(month)] = running
    for at, value in execute(POINTS_CHECKPOINTS, ()).fetchall():
        before = [m for m in totals if m < str(at)[:7]]
        expected = totals[max(before)] if before else 0
        if int(value) != expected:
            return [Broken("points", f"the balance kept for {str(at)[:10]} is {value}, the ledger adds up to "
                                     f"{expected}")]
    return []
