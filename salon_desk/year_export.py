"""A calendar year of the shop's money for the accountant: the rows of the year's workbook and its rules.

The data layer reads the year month by month (``salon_desk.db.year_export``) into
the records below; a sink (the XLSX of ``salon_desk.reports.year_workbook``)
writes each month as it comes, so a busy year is never held in memory at once.
Money stays integer fen here; the sink turns it into yuan.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Iterable, Protocol

from .errors import InvalidInput, SalonError
from .money import Fen
from .tenders import METHODS

MONTHS = 12
WALK_IN = "散客"
ERASED = "（已注销）"
# what a row of the 销售 sheet is
SALE, REFUND, VOID = "销售", "退款", "作废"
SALE_VOIDED = "销售（已作废）"


class ExportCancelled(SalonError):
    """The person stopped the export between two months; no file was written."""


@dataclass(frozen=True)
class Tenders:
    """Amounts by payment method, in the fixed order of :data:`salon_desk.tenders.METHODS`."""

    amounts: tuple[Fen, ...] = (0,) * len(METHODS)

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, Fen]]) -> "Tenders":
        """From (method, amount) pairs; a method the program does not know counts as ``other``."""
        by_method: dict[str, Fen] = defaultdict(int)
        for method, amount in pairs:
            by_method[method if method in METHODS else "other"] += amount
        return cls(tuple(by_method[m] for m in METHODS))

    def __add__(self, other: "Tenders") -> "Tenders":
        return Tenders(tuple(a + b for a, b in zip(self.amounts, other.amounts)))

    def negated(self) -> "Tenders":
        return Tenders(tuple(-a for a in self.amounts))

    @property
    def total(self) -> Fen:
        return sum(self.amounts)


@dataclass(frozen=True)
class MoneyRow:
    """One row of the 销售 sheet: a sale, a refund or a void (a refund or void with negative amounts)."""

    at: datetime
    receipt_no: str
    kind: str                        # SALE / SALE_VOIDED / REFUND / VOID
    customer: str                    # name, WALK_IN or ERASED
    member_number: int | None
    technicians: str                 # the lines' technicians, 、-separated
    list_fen: Fen
    member_discount_fen: Fen
    birthday_discount_fen: Fen
    points_discount_fen: Fen
    amount_due_fen: Fen              # what the sale took, or (negative) what went back
    tenders: Tenders
    points_earned: int
    points_used: int
    note: str = ""


@dataclass(frozen=True)
class LineRow:
    """One row of the 明细 sheet: a line of a sale of the month."""

    at: datetime
    receipt_no: str
    status: str                      # 销售 / 已作废 / 已退款 YYYY-MM-DD
    kind: str                        # service / product / package
    code: str
    name: str
    category: str
    technician: str
    designated: bool
    quantity: int
    unit_price_fen: Fen
    list_fen: Fen
    member_discount_fen: Fen
    birthday_discount_fen: Fen
    amount_fen: Fen                  # after the discounts
    points_share_fen: Fen
    paid_fen: Fen                    # amount less its share of the points deduction


@dataclass(frozen=True)
class TopUpRow:
    """One row of the 储值卡充值 sheet: money received on a card (not revenue)."""

    at: datetime
    receipt_no: str
    customer: str
    member_number: int | None
    card_no: str
    method: str
    paid_fen: Fen
    bonus_fen: Fen
    staff: str

    @property
    def to_card_fen(self) -> Fen:
        return self.paid_fen + self.bonus_fen


@dataclass(frozen=True)
class MonthTotals:
    """One row of the 月度汇总 sheet (the monthly report's revenue and tender figures, plus the
    money received on cards and the packages sold)."""

    receipts: int = 0
    list_fen: Fen = 0
    member_discount_fen: Fen = 0
    birthday_discount_fen: Fen = 0
    points_discount_fen: Fen = 0
    amount_due_fen: Fen = 0
    refunds: int = 0
    refunds_fen: Fen = 0
    voids: int = 0
    voids_fen: Fen = 0
    tenders: Tenders = field(default_factory=Tenders)   # received less refunded, by method
    topups: int = 0
    topup_paid_fen: Fen = 0
    topup_bonus_fen: Fen = 0
    packages_sold: int = 0
    packages_fen: Fen = 0

    @property
    def net_fen(self) -> Fen:
        """Net received: what the completed sales took, less refunds paid out (as the monthly report)."""
        return self.amount_due_fen - self.refunds_fen

    def __add__(self, o: "MonthTotals") -> "MonthTotals":
        return MonthTotals(
            self.receipts + o.receipts, self.list_fen + o.list_fen, self.member_discount_fen + o.member_discount_fen,
            self.birthday_discount_fen + o.birthday_discount_fen, self.points_discount_fen + o.points_discount_fen,
            self.amount_due_fen + o.amount_due_fen, self.refunds + o.refunds, self.refunds_fen + o.refunds_fen,
            self.voids + o.voids, self.voids_fen + o.voids_fen, self.tenders + o.tenders, self.topups + o.topups,
            self.topup_paid_fen + o.topup_paid_fen, self.topup_bonus_fen + o.topup_bonus_fen,
            self.packages_sold + o.packages_sold, self.packages_fen + o.packages_fen)


@dataclass(frozen=True)
class YearMonth:
    """Everything of one month the workbook writes."""

    year: int
    month: int
    totals: MonthTotals
    money_rows: tuple[MoneyRow, ...]
    lines: tuple[LineRow, ...]
    topups: tuple[TopUpRow, ...]

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class YearHeader:
    shop_name: str
    year: int
    generated_at: datetime
    last_day: date                   # the year's last day, or today in the year under way


@dataclass(frozen=True)
class YearExport:
    """What was written (the audit log and the window say it)."""

    year: int
    path: Path
    sales: int                       # sales of the year, voided ones included
    refunds: int
    voids: int
    lines: int
    topups: int
    totals: MonthTotals


class YearSink(Protocol):
    """Where the months go as they are read (the workbook). ``finish`` makes the file appear whole at
    its place and returns it; ``discard`` leaves nothing behind."""

    def begin(self, header: YearHeader) -> None: ...

    def month(self, data: YearMonth) -> None: ...

    def finish(self, totals: MonthTotals) -> Path: ...

    def discard(self) -> None: ...


def check_year(year: object, today: date, first_sale: date | None) -> int:
    """The year if it can be exported: not in the future, not before the shop's first sale
    (a shop with no sale yet exports only the year under way)."""
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2200:
        raise InvalidInput("year_export.bad_year", text=str(year))
    if year > today.year:
        raise InvalidInput("year_export.future", year=year, this_year=today.year)
    first_year = first_sale.year if first_sale else today.year
    if year < first_year:
        raise InvalidInput("year_export.before_first_sale", year=year, first_year=first_year)
    return year


def parse_year(text: str) -> int:
    """``"2025"`` -> 2025; anything else is ``year_export.bad_year``."""
    stripped = (text or "").strip()
    if len(stripped) != 4 or not stripped.isdecimal():
        raise InvalidInput("year_export.bad_year", text=text)
    return int(stripped)


def progress_text(label: str, sales: int) -> str:
    """The progress line after a month: ``"2025-03：1,234 笔"``."""
    return f"{label}：{sales:,} 笔"


def totals_of(money_rows: Iterable[MoneyRow], topups: Iterable[TopUpRow],
              packages: tuple[int, Fen] = (0, 0)) -> MonthTotals:
    """A month's 月度汇总 row from its 销售 and 储值卡充值 rows (a voided sale and its void cancel out;
    refunds are counted on the day they were made)."""
    receipts = refunds = voids = 0
    listed = member = birthday = points = due = refunded = voided = 0
    tenders = Tenders()
    for row in money_rows:
        tenders = tenders + row.tenders
        if row.kind == SALE:
            receipts += 1
            listed += row.list_fen
            member += row.member_discount_fen
            birthday += row.birthday_discount_fen
            points += row.points_discount_fen
            due += row.amount_due_fen
        elif row.kind == REFUND:
            refunds += 1
            refunded -= row.amount_due_fen
        elif row.kind == SALE_VOIDED:
            voids += 1
            voided += row.amount_due_fen
    tops = list(topups)
    return MonthTotals(receipts, listed, member, birthday, points, due, refunds, refunded, voids, voided, tenders,
                       len(tops), sum(t.paid_fen for t in tops), sum(t.bonus_fen for t in tops),
                       packages[0], packages[1])
