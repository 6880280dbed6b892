"""A list of sales with their lines, and the actions on one: 重印 the receipt, refund or void it, print its slip.

Used by the customers page and by today's receipts at the counter.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget,
)

from ..records import ReceiptRecord, SaleSummary
from ..reports import escpos_jobs
from . import labels, printing, thermal
from .ops import SALES, Ops
from .record_models import ReceiptLinesModel, SalesModel
from .refund_dialog import RefundDialog
from .widgets import Notice, current_record, make_table, select_row


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
        self.receipt_button = QPushButton(self.tr("Reprint receipt…"))
        self.receipt_button.setObjectName("reprint_button")
        self.receipt_button.setToolTip(self.tr("Preview the receipt marked REPRINT, then print or save it"))
        self.receipt_button.clicked.connect(self.reprint)
        self.slip_button = QPushButton(self.tr("Refund / void slip…"))
        self.slip_button.setObjectName("slip_button")
        self.slip_button.clicked.connect(self.reprint_slip)
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
        buttons.addWidget(self.slip_button)
        buttons.addWidget(self.refund_button)
        layout.addLayout(buttons)
        # a bound method, not a lambda: Qt drops the connection when this widget is deleted
        # (a page rebuilt for another language, a closed dialog) instead of calling into a dead table
        ops.changed.connect(self.on_changed)
        self.thermal = thermal.ThermalPrinter(self)
        self.thermal.finished.connect(self.on_printed)
        self.last_print: thermal.PrintRun | None = None

    def on_changed(self, scopes: frozenset) -> None:
        if SALES in scopes:
            self.reload()

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
        self.slip_button.setEnabled(bool(sale and (sale.status == "voided" or sale.refunded_fen)))

    def reprint(self) -> None:
        """重印: the receipt as it was, marked REPRINT: on the thermal printer (never opening the
        drawer), or in the preview (print / save PDF)."""
        sale = current_record(self.sales_view)
        if sale is None:
            return
        shop = self.ops.shop
        config = thermal.printer_config(shop)
        if config.escpos:
            self.ops.run(self, lambda: self.thermal.send(config, escpos_jobs.receipt_job(
                config, shop.sales.receipt(self.ops.staff, sale.sale_id), reprint=True, printed_at=shop.now())))
            return
        self.ops.run(self, lambda: printing.preview_receipt(self, shop, shop.sales.receipt(self.ops.staff, sale.sale_id), reprint=True))

    def reprint_slip(self) -> None:
        """The newest void or refund slip of the chosen sale, marked REPRINT."""
        sale = current_record(self.sales_view)
        if sale is None:
            return
        shop = self.ops.shop
        if thermal.uses_thermal(shop):
            self.ops.run(self, lambda: self.print_slip(shop.sales.receipt(self.ops.staff, sale.sale_id), reprint=True))
            return
        self.ops.run(self, lambda: printing.preview_refund_slips(self, shop, shop.sales.receipt(self.ops.staff, sale.sale_id),
                                                                 reprint=True))

    def print_slip(self, receipt: ReceiptRecord, reprint: bool) -> bool:
        """The newest void or refund slip on the thermal printer; a cash refund (not a reprint) opens the drawer."""
        if not receipt.refunds:
            return False
        shop = self.ops.shop
        config = thermal.printer_config(shop)
        self.thermal.send(config, escpos_jobs.refund_job(config, receipt, receipt.refunds[-1], reprint=reprint,
                                                         printed_at=shop.now() if reprint else None))
        return True

    def on_printed(self, run: thermal.PrintRun) -> None:
        """A thermal print that failed is told in a box; the sale and the refund are stored either way."""
        self.last_print = run
        if not run.ok:
            Notice.show(self, self.tr("Receipt printer"), run.message)

    def refund(self) -> None:
        """Refund or void; when done, the slip for the customer in the preview."""
        sale = current_record(self.sales_view)
        if sale is None:
            return
        receipt = RefundDialog.ask(self, self.ops, sale.sale_id)
        if receipt is None:
            return
        if thermal.uses_thermal(self.ops.shop):
            self.print_slip(receipt, reprint=False)
        else:
            printing.preview_refund_slips(self, self.ops.shop, receipt)


class TodaySalesDialog(QDialog):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Today's receipts"))
        self.resize(900, 600)
        layout = QVBoxLayout(self)
        self.history = SalesHistory(ops, lambda: ops.shop.sales.of_day(ops.staff))
        layout.addWidget(self.history)
        self.totals = QLabel()
        self.totals.setObjectName("method_totals")
        layout.addWidget(self.totals)
        self.ops = ops
        ops.changed.connect(self.show_totals)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.history.reload()
        self.show_totals()

    def show_totals(self, scopes: frozenset = frozenset({SALES})) -> None:
        """The day's money by payment method, net of voids and refunds."""
        if SALES not in scopes:
            return
        rows = self.ops.query(self, lambda: self.ops.shop.shifts.day_methods(self.ops.staff), default=()) or ()
        self.totals.setText(self.tr("Today by method: {totals}").format(
            totals="　".join(f"{labels.method_name(m)} {labels.money(v)}" for m, v in rows) or "—"))

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops) -> None:
        dialog = cls(ops, parent)
        dialog.exec()
        dialog.deleteLater()      # not one hidden copy per opening, each reloading on every sale
