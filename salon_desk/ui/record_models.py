"""Tables of the back office: catalogue, staff, sales, receipt lines, points ledger."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QColor

from ..records import CatalogueItem, PointsEntryInfo, ReceiptLine, SaleSummary, StaffInfo
from . import labels
from .table_base import MUTED, WARNING, RecordTableModel


class CatalogueModel(RecordTableModel):
    """Services and products with price, discount flag, active flag and stock."""

    CODE, NAME, CATEGORY, PRICE, DURATION, DISCOUNT, ACTIVE, STOCK = range(8)
    NUMERIC = frozenset({PRICE, DURATION, STOCK})

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Item name"), self.tr("Category"), self.tr("Price"),
                self.tr("Minutes"), self.tr("Discount applies"), self.tr("Active"), self.tr("Stock")]

    def display(self, item: CatalogueItem, column: int) -> str:
        if column == self.CODE:
            return item.code
        if column == self.NAME:
            return item.name
        if column == self.CATEGORY:
            return labels.category_name(item.category)
        if column == self.PRICE:
            return labels.money(item.price_fen)
        if column == self.DURATION:
            return str(item.duration_min) if item.kind == "service" else ""
        if column == self.DISCOUNT:
            return labels.yes_no(item.member_discount)
        if column == self.ACTIVE:
            return labels.yes_no(item.active)
        if column == self.STOCK:
            if item.stock is None:
                return ""
            return str(item.stock) + (self.tr(" (low)") if item.low_stock else "")
        return ""

    def sort_key(self, item: CatalogueItem, column: int) -> Any:
        if column == self.PRICE:
            return item.price_fen
        if column == self.DURATION:
            return item.duration_min
        if column == self.STOCK:
            return item.stock if item.stock is not None else -1
        return self.display(item, column)

    def colour(self, item: CatalogueItem, column: int) -> QColor | None:
        if not item.active:
            return MUTED
        if column == self.STOCK and item.low_stock:
            return WARNING
        return None


class StaffModel(RecordTableModel):
    USERNAME, NAME, ROLE, ACTIVE = range(4)

    def headers(self) -> list[str]:
        return [self.tr("Login"), self.tr("Name"), self.tr("Role"), self.tr("Active")]

    def display(self, s: StaffInfo, column: int) -> str:
        if column == self.USERNAME:
            return s.username
        if column == self.NAME:
            return s.display_name
        if column == self.ROLE:
            return labels.role_name(s.role)
        if column == self.ACTIVE:
            return labels.yes_no(s.active)
        return ""

    def colour(self, s: StaffInfo, column: int) -> QColor | None:
        return None if s.active else MUTED


class SalesModel(RecordTableModel):
    """A customer's visit history or a day's receipts."""

    RECEIPT, TIME, CUSTOMER, ITEMS, AMOUNT, STATUS = range(6)
    NUMERIC = frozenset({AMOUNT})

    def headers(self) -> list[str]:
        return [self.tr("Receipt"), self.tr("Time"), self.tr("Customer"), self.tr("Items"),
                self.tr("Paid"), self.tr("Status")]

    def display(self, s: SaleSummary, column: int) -> str:
        if column == self.RECEIPT:
            return s.receipt_no
        if column == self.TIME:
            return labels.when(s.created_at)
        if column == self.CUSTOMER:
            if s.customer_name is None:
                return self.tr("Walk-in")
            return s.customer_name or self.tr("(erased)")
        if column == self.ITEMS:
            return "、".join(f"{l.name}({l.technician_name})" if l.technician_name else l.name
                            for l in s.lines)
        if column == self.AMOUNT:
            return labels.money(s.amount_due_fen)
        if column == self.STATUS:
            text = labels.sale_status_name(s.status)
            if s.refunded_fen and s.status == "completed":
                text += self.tr(", refunded {amount}").format(amount=labels.money(s.refunded_fen))
            return text
        return ""

    def sort_key(self, s: SaleSummary, column: int) -> Any:
        if column == self.AMOUNT:
            return s.amount_due_fen
        if column == self.TIME:
            return s.created_at.isoformat()
        return self.display(s, column)

    def colour(self, s: SaleSummary, column: int) -> QColor | None:
        if s.status != "completed":
            return MUTED
        if column == self.STATUS and s.refunded_fen:
            return WARNING
        return None


class ReceiptLinesModel(RecordTableModel):
    """The lines of one sale as the receipt and the visit record print them: list price, member and
    birthday discount, amount, note, refunded. A points deduction belongs to the whole sale (its 实付)."""

    NAME, TECHNICIAN, QUANTITY, LIST, DISCOUNT, AMOUNT, NOTE = range(7)
    NUMERIC = frozenset({QUANTITY, LIST, DISCOUNT, AMOUNT})

    def headers(self) -> list[str]:
        return [self.tr("Item"), self.tr("Technician"), self.tr("Qty"), self.tr("List price"),
                self.tr("Discount"), self.tr("Amount"), self.tr("Note")]

    def display(self, line: ReceiptLine, column: int) -> str:
        if column == self.NAME:
            return line.name + (self.tr(" (refunded)") if line.refunded else "")
        if column == self.TECHNICIAN:
            return line.technician_name
        if column == self.QUANTITY:
            return str(line.quantity)
        if column == self.LIST:
            return labels.money(line.list_amount_fen)
        if column == self.DISCOUNT:
            off = line.member_discount_fen + line.birthday_discount_fen
            return "-" + labels.money(off) if off else ""
        if column == self.AMOUNT:
            return labels.money(line.amount_fen)
        if column == self.NOTE:
            return line.note
        return ""

    def sort_key(self, line: ReceiptLine, column: int) -> Any:
        if column == self.QUANTITY:
            return line.quantity
        if column == self.LIST:
            return line.list_amount_fen
        if column == self.DISCOUNT:
            return line.member_discount_fen + line.birthday_discount_fen
        if column == self.AMOUNT:
            return line.amount_fen
        return self.display(line, column)

    def colour(self, line: ReceiptLine, column: int) -> QColor | None:
        return MUTED if line.refunded else None


class PointsHistoryModel(RecordTableModel):
    """The points ledger of one customer, with reasons."""

    TIME, KIND, POINTS, REASON, RECEIPT, STAFF = range(6)
    NUMERIC = frozenset({POINTS})

    def headers(self) -> list[str]:
        return [self.tr("Time"), self.tr("Kind"), self.tr("Points"), self.tr("Reason"),
                self.tr("Receipt"), self.tr("Staff")]

    def display(self, e: PointsEntryInfo, column: int) -> str:
        if column == self.TIME:
            return labels.when(e.at)
        if column == self.KIND:
            return labels.points_kind_name(e.kind)
        if column == self.POINTS:
            return f"{e.points:+d}"
        if column == self.REASON:
            return labels.points_reason_text(e.reason)
        if column == self.RECEIPT:
            return e.receipt_no or ""
        if column == self.STAFF:
            return e.staff_name
        return ""

    def sort_key(self, e: PointsEntryInfo, column: int) -> Any:
        if column == self.POINTS:
            return e.points
        if column == self.TIME:
            return labels.when(e.at)
        return self.display(e, column)

    def colour(self, e: PointsEntryInfo, column: int) -> QColor | None:
        return WARNING if column == self.POINTS and e.points < 0 else None
