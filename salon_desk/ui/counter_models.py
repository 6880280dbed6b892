"""Tables of the counter: search results, who is in the shop, visit lines, checkout lines, payments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QColor

from ..records import CustomerSummary, VisitInfo, VisitLineInfo
from ..tenders import Tender
from . import labels
from .table_base import MUTED, RecordTableModel

if TYPE_CHECKING:
    from ..pricing import PricedLine


def _stamp(value) -> str:
    return value.isoformat() if value is not None else ""


class CustomerTableModel(RecordTableModel):
    """CustomerSummary rows: the counter's search results and the customers page."""

    NAME, PHONE, TIER, POINTS, LAST_VISIT = range(5)
    NUMERIC = frozenset({POINTS})
    # the widest text of each fixed column (the counter's results never measure their contents)
    SAMPLES = {PHONE: "+86 138 0000 0000", TIER: "Platinum member", POINTS: "99,999,999", LAST_VISIT: "2026-12-31"}

    def __init__(self, parent=None, masked_phone: bool = True) -> None:
        super().__init__(parent)
        self.masked_phone = masked_phone      # the counter's screen faces the customers

    def headers(self) -> list[str]:
        return [self.tr("Name"), self.tr("Phone"), self.tr("Membership"), self.tr("Points"),
                self.tr("Last visit")]

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5     # asked for every cell on every keystroke: not translated each time

    def display(self, c: CustomerSummary, column: int) -> str:
        if column == self.NAME:
            name = c.name or self.tr("(erased)")
            return name + (self.tr(" (archived)") if c.archived else "")
        if column == self.PHONE:
            return c.phone_masked if self.masked_phone else c.phone
        if column == self.TIER:
            return labels.tier_name(c.tier)
        if column == self.POINTS:
            return str(c.points) if c.tier else ""
        if column == self.LAST_VISIT:
            return labels.when(c.last_visit_at.date()) if c.last_visit_at else self.tr("never")
        return ""

    def sort_key(self, c: CustomerSummary, column: int) -> Any:
        if column == self.POINTS:
            return c.points
        if column == self.LAST_VISIT:
            return _stamp(c.last_visit_at)
        return self.display(c, column)

    def tooltip(self, c: CustomerSummary, column: int) -> str | None:
        return self.tr("Member no. {no}").format(no=c.member_no) if c.member_no else None

    def colour(self, c: CustomerSummary, column: int) -> QColor | None:
        return MUTED if c.archived else None


class OpenVisitsModel(RecordTableModel):
    """Who is in the shop now: customer, since when, technicians, running total at list prices."""

    CUSTOMER, SINCE, TECHNICIANS, TOTAL = range(4)
    NUMERIC = frozenset({TOTAL})

    def headers(self) -> list[str]:
        return [self.tr("Customer"), self.tr("Since"), self.tr("Technicians"), self.tr("Running total")]

    def display(self, v: VisitInfo, column: int) -> str:
        if column == self.CUSTOMER:
            if v.customer is None:
                return self.tr("Walk-in #{id}").format(id=v.id)
            return f"{v.customer.name} {v.customer.phone_masked[-4:]}"
        if column == self.SINCE:
            return v.opened_at.strftime("%H:%M")
        if column == self.TECHNICIANS:
            return "、".join(v.technicians)
        if column == self.TOTAL:
            return labels.money(v.running_total_fen)
        return ""

    def sort_key(self, v: VisitInfo, column: int) -> Any:
        if column == self.SINCE:
            return _stamp(v.opened_at)
        if column == self.TOTAL:
            return v.running_total_fen
        return self.display(v, column)


class VisitLinesModel(RecordTableModel):
    """The open visit's lines: service with technician, or product with quantity; each with its note."""

    NAME, TECHNICIAN, QUANTITY, PRICE, AMOUNT, NOTE = range(6)
    NUMERIC = frozenset({QUANTITY, PRICE, AMOUNT})
    package_lines: frozenset[int] = frozenset()   # lines to be paid by a package session
    amounts: dict[int, int] = {}                  # line id -> amount after discounts (the core's quote)

    def headers(self) -> list[str]:
        return [self.tr("Item"), self.tr("Technician"), self.tr("Qty"), self.tr("List price (each)"),
                self.tr("Amount"), self.tr("Note")]

    def display(self, line: VisitLineInfo, column: int) -> str:
        if column == self.NAME:
            paid = self.tr(" (package session)") if line.id in self.package_lines else ""
            return f"{line.code} {line.name}{paid}"
        if column == self.TECHNICIAN:
            return line.technician_name if line.kind == "service" else labels.kind_name(line.kind)
        if column == self.QUANTITY:
            return str(line.quantity)
        if column == self.PRICE:
            return labels.money(line.unit_price_fen)
        if column == self.AMOUNT:
            amount = self.amounts.get(line.id)
            return labels.money(amount) if amount is not None else ""
        if column == self.NOTE:
            return line.note
        return ""

    def sort_key(self, line: VisitLineInfo, column: int) -> Any:
        if column == self.QUANTITY:
            return line.quantity
        if column == self.PRICE:
            return line.unit_price_fen
        if column == self.AMOUNT:
            return self.amounts.get(line.id, 0)
        return self.display(line, column)


class QuoteLinesModel(RecordTableModel):
    """Checkout lines: (visit line, priced line) pairs as the core priced them."""

    NAME, TECHNICIAN, LIST, DISCOUNT, AMOUNT = range(5)
    NUMERIC = frozenset({LIST, DISCOUNT, AMOUNT})

    def headers(self) -> list[str]:
        return [self.tr("Item"), self.tr("Technician"), self.tr("List price"), self.tr("Discount"),
                self.tr("Amount")]

    def display(self, row: tuple[VisitLineInfo, PricedLine], column: int) -> str:
        line, priced = row
        if column == self.NAME:
            qty = f" ×{line.quantity}" if line.quantity > 1 else ""
            return f"{line.name}{qty}"
        if column == self.TECHNICIAN:
            return line.technician_name
        if column == self.LIST:
            return labels.money(priced.list_amount_fen)
        if column == self.DISCOUNT:
            off = priced.member_discount_fen + priced.birthday_discount_fen + priced.package_fen
            if not off:
                return ""
            text = "-" + labels.money(off)
            if priced.birthday_discount_fen:
                text += self.tr(" (birthday)")
            if priced.package_fen:
                text += self.tr(" (package)")
            return text
        if column == self.AMOUNT:
            return labels.money(priced.amount_fen)
        return ""

    def sort_key(self, row, column: int) -> Any:
        _line, priced = row
        if column == self.LIST:
            return priced.list_amount_fen
        if column == self.DISCOUNT:
            return priced.member_discount_fen + priced.birthday_discount_fen
        if column == self.AMOUNT:
            return priced.amount_fen
        return self.display(row, column)


class PaymentsModel(RecordTableModel):
    """The tenders taken so far in the checkout dialog."""

    METHOD, AMOUNT = range(2)
    NUMERIC = frozenset({AMOUNT})

    def headers(self) -> list[str]:
        return [self.tr("Payment"), self.tr("Amount")]

    def display(self, tender: Tender, column: int) -> str:
        if column == self.METHOD:
            if tender.method == "cash":
                return self.tr("{method} (tendered)").format(method=labels.method_name("cash"))
            return labels.method_name(tender.method)
        if column == self.AMOUNT:
            return labels.money(tender.amount_fen)
        return ""

    def sort_key(self, tender: Tender, column: int) -> Any:
        return tender.amount_fen if column == self.AMOUNT else self.display(tender, column)
