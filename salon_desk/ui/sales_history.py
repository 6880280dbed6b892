"""A list of sales with their lines, and the reprint and refund/void actions (customers page, today's receipts)."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from ..records import SaleSummary
from . import receipt_step
from .ops import SALES, Ops
from .record_models import ReceiptLinesModel, SalesModel
from .refund_dialog import RefundDialog
from .widgets import current_record, make_table, select_row


class SalesHistory(QWidget):
    """Shows ``load()``'s sales; reloads when sales change."""

    def __init__(self, ops: Ops, load: Callable[[], list[SaleSummary]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.load = load
        self.sales_model = SalesModel(self)
        self.sales_view = make_table(self.sales_model, stretch=SalesModel.ITEMS)
        self.sales_view.setObjectName("sales")
        self.lines_model = ReceiptLinesModel(self)
        self.lines_view = make_table(self.lines_model, stretch=ReceiptLinesModel.NOTE)
        self.lines_view.setObjectName("sale_lines")
        self.sales_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_lines())
        self.receipt_button = QPushButton(self.tr("Show / reprint receipt"))
        self.receipt_button.clicked.connect(self.show_receipt)
        self.refund_button = QPushButton(self.tr("Refund or void…"))
        self.refund_button.setObjectName("refund_button")
        self.refund_button.clicked.connect(self.refund)
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.sales_view)
        splitter.addWidget(self.lines_view)
        layout.addWidget(splitter, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.receipt_button)
        buttons.addWidget(self.refund_button)
        layout.addLayout(buttons)
        ops.changed.connect(lambda scopes: self.reload() if SALES in scopes else None)

    def reload(self) -> None:
        chosen = current_record(self.sales_view)
        sales = self.ops.query(self, self.load, default=[]) or []
        self.sales_model.set_rows(sales)
        ids = [s.sale_id for s in sales]
        select_row(self.sales_view, ids.index(chosen.sale_id) if chosen and chosen.sale_id in ids else 0)
        self.show_lines()

    def show_lines(self) -> None:
        sale = current_record(self.sales_view)
        self.lines_model.set_rows(sale.lines if sale else [])
        self.refund_button.setEnabled(bool(sale and sale.status == "completed"))
        self.receipt_button.setEnabled(sale is not None)

    def show_receipt(self) -> None:
        sale = current_record(self.sales_view)
        if sale is not None:
            receipt_step.run_receipt_step(self, self.ops.shop, self.ops.shop.receipt(sale.sale_id), reprint=True)

    def refund(self) -> None:
        sale = current_record(self.sales_view)
        if sale is not None:
            RefundDialog.ask(self, self.ops, sale.sale_id)


class TodaySalesDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Today's receipts"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.history = SalesHistory(ops, lambda: ops.shop.sales_of_day(ops.staff))
        layout.addWidget(self.history)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.history.reload()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops) -> None:
        cls(ops, parent).exec()
