"""The shift close and the day close (交班 / 日结), SPEC §10: the rules as plain functions.

A shift opens with a counted float. Cash expected in the drawer = the float + cash taken by sales
+ cash top-ups − cash given back by voids and refunds − cash paid out by prepaid refunds. The close is
blind: the cashier types the count before the program shows what it expected; the variance
(counted − expected) is recorded, and one larger (either way) than the shop's limit needs the owner's
authorisation and a reason. The next shift's float is what the closing cashier leaves in the drawer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .errors import InvalidInput
from .money import Fen, parse_yuan

CASH = "cash"

ByMethod = tuple[tuple[str, Fen], ...]


@dataclass(frozen=True)
class ShiftTotals:
    float_fen: Fen
    sales: ByMethod                 # money taken by the shift's sales, by method
    sales_count: int
    voids: ByMethod                 # given back by voids, by method
    voids_count: int
    refunds: ByMethod               # given back by refunds, by method
    refunds_count: int
    topups: ByMethod                # card top-ups received, by method
    topups_count: int
    prepaid_refunds: ByMethod       # unused card money and packages refunded, by method
    package_sales_count: int
    package_sales_fen: Fen


def of(rows: ByMethod, method: str) -> Fen:
    return sum(v for m, v in rows if m == method)


def cash_expected(t: ShiftTotals) -> Fen:
    return (t.float_fen + of(t.sales, CASH) + of(t.topups, CASH)
            - of(t.voids, CASH) - of(t.refunds, CASH) - of(t.prepaid_refunds, CASH))


def parse_count(text: str) -> Fen:
    """The cash counted, as typed: ``"1,234.50"``; letters or a negative count are refused."""
    fen = parse_yuan(text)
    if fen < 0:
        raise InvalidInput("shift.bad_count", text=text)
    return fen


def check_count(fen: Fen) -> Fen:
    if fen < 0:
        raise InvalidInput("shift.bad_count", text=str(fen))
    return fen


def needs_owner(variance_fen: Fen, limit_fen: Fen) -> bool:
    """A variance above the limit, short or over, needs the owner's authorisation and a reason."""
    return abs(variance_fen) > limit_fen


@dataclass(frozen=True)
class VoidOrRefund:
    kind: str
    receipt_no: str
    amount_fen: Fen
    staff_name: str
    reason: str


@dataclass(frozen=True)
class ShiftReport:
    """An X report (shift open, ``z_no`` None) or the Z report of a closed shift (immutable)."""

    shop_name: str
    shift_id: int
    z_no: int | None
    opened_at: datetime
    opened_by: str
    until: datetime
    totals: ShiftTotals
    cash_expected_fen: Fen
    voids_and_refunds: tuple[VoidOrRefund, ...]
    closed_by: str = ""
    counted_fen: Fen | None = None
    variance_fen: Fen | None = None
    reason: str = ""
    authorised_by: str = ""
    next_float_fen: Fen | None = None
