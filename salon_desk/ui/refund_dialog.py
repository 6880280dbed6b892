"""Voids and refunds: choose lines, give a reason, the owner's password, and see what is reversed first."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QRadioButton, QVBoxLayout, QWidget,
)

from ..errors import SalonError
from ..records import ReceiptRecord, RefundPreview
from ..tenders import METHODS, STORED_VALUE
from . import errors_text, labels
from .ops import CUSTOMERS, SALES, Ops
from .widgets import big_label, error_label


class RefundDialog(QDialog):
    def __init__(self, ops: Ops, sale_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.sale_id = sale_id
        self.result_receipt: ReceiptRecord | None = None
        self.receipt = self.shop.sales.receipt(self.ops.staff, sale_id)
        r = self.receipt
        self.setWindowTitle(self.tr("Refund or void — receipt {no}").format(no=r.receipt_no))
        self.resize(560, 600)
        layout = QVBoxLayout(self)
        who = r.customer_name if r.customer_id is not None else self.tr("Walk-in")
        layout.addWidget(big_label(f"{r.receipt_no}  {labels.when(r.created_at)}  {who or ''}  "
                                   f"{labels.money(r.amount_due_fen)}", 12))
        self.refund_radio = QRadioButton(self.tr("Refund the ticked lines"))
        self.void_radio = QRadioButton(self.tr("Void the whole sale (same day only)"))
        self.refund_radio.setChecked(True)
        layout.addWidget(self.refund_radio)
        layout.addWidget(self.void_radio)
        self.lines = QListWidget()
        self.lines.setObjectName("lines")
        for line in r.lines:
            item = QListWidgetItem(f"{line.name} {line.technician_name}  "
                                   f"{labels.money(line.amount_fen - line.points_share_fen)}"
                                   + (self.tr(" (refunded)") if line.refunded else ""))
            item.setData(Qt.ItemDataRole.UserRole, line.sale_line_id)
            if line.refunded:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)    # nothing is refunded unless ticked
            self.lines.addItem(item)
        layout.addWidget(self.lines, 1)
        form = QFormLayout()
        self.method = QComboBox()
        self.method.addItem(self.tr("As paid (each method its share)"), None)
        for method in METHODS:
            if method == STORED_VALUE:   # back to the card only through the card's own ledger
                continue
            self.method.addItem(labels.method_name(method), method)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.owner = QLineEdit(ops.staff.username if ops.staff.role == "owner" else "")
        self.owner.setObjectName("owner")
        self.password = QLineEdit()
        self.password.setObjectName("owner_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Money back by:"), self.method)
        self.shortfall = QComboBox()
        self.shortfall.setObjectName("points_shortfall")
        self.shortfall_label = QLabel(self.tr("Points beyond the balance:"))
        form.addRow(self.shortfall_label, self.shortfall)
        self.shortfall.setVisible(False)
        self.shortfall_label.setVisible(False)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.tr("Owner's login:"), self.owner)
        form.addRow(self.tr("Owner's password:"), self.password)
        layout.addLayout(form)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("background: #f3f3f3; padding: 6px;")
        layout.addWidget(self.preview)
        self.error = error_label()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Refund / void"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.lines.itemChanged.connect(lambda _i: self.update_preview())
        self.refund_radio.toggled.connect(lambda _c: self.update_preview())
        self.update_preview()
        self.reason.setFocus()

    def kind(self) -> str:
        return "void" if self.void_radio.isChecked() else "refund"

    def chosen_lines(self) -> list[int]:
        out = []
        for row in range(self.lines.count()):
            item = self.lines.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable and item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def update_preview(self) -> None:
        self.lines.setEnabled(self.kind() == "refund")
        line_ids = self.chosen_lines() if self.kind() == "refund" else None
        try:
            if self.kind() == "refund" and not line_ids:
                self.preview.setText(self.tr("Tick the lines to refund."))
                return
            p = self.shop.sales.preview_refund(self.ops.staff, self.sale_id, line_ids, kind=self.kind())
        except SalonError as error:
            self.preview.setText(errors_text.message(error))
            return
        self.preview.setText(self.describe(p))
        self.show_shortfall(p)

    def show_shortfall(self, p: RefundPreview) -> None:
        """The owner's choice when the points to take back exceed the member's balance."""
        chosen = self.shortfall.currentData()
        self.shortfall.clear()
        shown = bool(p.points_shortfall) and self.kind() == "refund"
        if shown:
            self.shortfall.addItem(self.tr("Accept a negative balance of {n} points (it cannot be redeemed; "
                                           "cleared at the yearly reset)").format(n=p.points_shortfall), "negative")
            self.shortfall.addItem(self.tr("Deduct their value, {amount}, from the money returned")
                                   .format(amount=labels.money(p.shortfall_value_fen)), "deduct")
            self.shortfall.setCurrentIndex(max(0, self.shortfall.findData(chosen)))
        self.shortfall.setVisible(shown)
        self.shortfall_label.setVisible(shown)

    def describe(self, p: RefundPreview) -> str:
        parts = [self.tr("Money back: {amount}").format(amount=labels.money(p.amount_fen))]
        if p.points_returned:
            parts.append(self.tr("redeemed points given back: {n}").format(n=p.points_returned))
        if p.points_taken_back:
            parts.append(self.tr("earned points taken back: {n}").format(n=p.points_taken_back))
        if p.points_shortfall:
            parts.append(self.tr("{n} of them beyond the member's balance (worth {amount})").format(
                n=p.points_shortfall, amount=labels.money(p.shortfall_value_fen)))
        if p.tier_spend_reduced_fen:
            parts.append(self.tr("tier spend reduced by {amount}").format(amount=labels.money(p.tier_spend_reduced_fen)))
        for name, qty in p.stock_returned:
            parts.append(self.tr("{qty} × {name} back to stock").format(qty=qty, name=name))
        if p.birthday_perk_restored:
            parts.append(self.tr("birthday free service can be used again"))
        return self.tr("; ").join(parts)

    def confirm(self) -> None:
        staff, sale_id, kind = self.ops.staff, self.sale_id, self.kind()
        owner, password, reason = self.owner.text(), self.password.text(), self.reason.text()
        sales = self.shop.sales
        if kind == "void":
            def action() -> ReceiptRecord:
                grant = self.shop.staff.authorise_owner(staff, owner, password)
                return sales.void(staff, sale_id, grant=grant, reason=reason)
        else:
            lines, method = self.chosen_lines(), self.method.currentData()
            shortfall = self.shortfall.currentData() or "negative"
            if not lines:
                self.error.setText(self.tr("Tick the lines to refund."))
                return

            def action() -> ReceiptRecord:
                grant = self.shop.staff.authorise_owner(staff, owner, password)
                return sales.refund(staff, sale_id, lines, grant=grant, reason=reason, method=method,
                                    shortfall=shortfall)
        outcome = self.ops.run(self, action, changes={SALES, CUSTOMERS}, show=self.error.setText)
        if outcome.ok:
            self.result_receipt = outcome.value
            self.accept()
        else:
            self.password.clear()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, sale_id: int) -> ReceiptRecord | None:
        dialog = cls(ops, sale_id, parent)
        dialog.exec()
        return dialog.result_receipt
