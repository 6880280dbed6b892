"""The shift from the counter (交班): open with the float counted, the X report, the blind close."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ..errors import SalonError
from ..money import format_fen
from ..shifts import ShiftReport, parse_count
from . import labels
from .ops import SALES, Ops
from .widgets import big_label, error_label


def report_lines(r: ShiftReport, show_expected: bool) -> list[str]:
    t = r.totals
    out = [f"{r.opened_at:%Y-%m-%d %H:%M} {r.opened_by}  · {format_fen(t.float_fen)}"]
    for title, rows in (("销售", t.sales), ("作废", t.voids), ("退款", t.refunds), ("充值", t.topups),
                        ("预付款退款", t.prepaid_refunds)):
        if rows:
            out.append(title + "：" + "，".join(f"{labels.method_name(m)} {format_fen(v)}" for m, v in rows))
    if t.package_sales_count:
        out.append(f"次卡销售：{t.package_sales_count} · {format_fen(t.package_sales_fen)}")
    if show_expected:
        out.append(f"应有现金：{format_fen(r.cash_expected_fen)}")
    if r.counted_fen is not None:
        out.append(f"实点现金：{format_fen(r.counted_fen)}　差额：{format_fen(r.variance_fen or 0)}")
    return out


class ShiftDialog(QDialog):
    """No shift open: count the float and open one. A shift open: its X report without the cash expected,
    then the count typed (blind), the float left for the next shift, and the close; the Z report after."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops, self.shop = ops, ops.shop
        self.closed: ShiftReport | None = None
        self.setWindowTitle(self.tr("Shift"))
        layout = QVBoxLayout(self)
        self.heading = big_label("", 14)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        form = QFormLayout()
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.next_float = QLineEdit()
        self.next_float.setObjectName("next_float")
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.owner = QLineEdit()
        self.owner.setObjectName("owner")
        self.password = QLineEdit()
        self.password.setObjectName("owner_password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = error_label()
        self.action = QPushButton()
        self.action.setObjectName("action")
        self.action.setDefault(True)
        self.action.clicked.connect(self.do_it)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.action, QDialogButtonBox.ButtonRole.ActionRole)
        staff = ops.staff
        self.open_id = self.ops.run(self, lambda: self.shop.shifts.current(staff)).value
        if self.open_id is None:
            self.heading.setText(self.tr("Open a shift"))
            self.amount.setText(format_fen(self.shop.shifts.suggested_float(staff), ""))
            form.addRow(self.tr("Float counted in the drawer:"), self.amount)
            self.action.setText(self.tr("Open shift"))
        else:
            self.heading.setText(self.tr("Close the shift (blind count)"))
            x = self.shop.shifts.x_report(staff)
            self.summary.setText("\n".join(report_lines(x, show_expected=False)))
            form.addRow(self.tr("Cash counted:"), self.amount)
            form.addRow(self.tr("Float left for the next shift:"), self.next_float)
            form.addRow(self.tr("Reason for a difference:"), self.reason)
            form.addRow(self.tr("Owner's login:"), self.owner)
            form.addRow(self.tr("Owner's password:"), self.password)
            self.action.setText(self.tr("Close shift"))
        for widget in (self.heading, self.summary):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def do_it(self) -> None:
        staff = self.ops.staff
        if self.open_id is None:
            text = self.amount.text()
            outcome = self.ops.run(self, lambda: self.shop.shifts.open(staff, parse_count(text)),
                                   changes={SALES}, show=self.error.setText)
            if outcome.ok:
                self.accept()
            return
        counted, left = self.amount.text(), self.next_float.text() or "0"
        reason, owner, password = self.reason.text(), self.owner.text(), self.password.text()

        def close() -> ShiftReport:
            grant = self.shop.staff.authorise_owner(staff, owner, password) if owner else None
            return self.shop.shifts.close(staff, parse_count(counted), parse_count(left), grant=grant, reason=reason)
        outcome = self.ops.run(self, close, changes={SALES}, show=self.error.setText)
        if not outcome.ok:
            self.password.clear()
            return
        self.closed = outcome.value
        z = self.closed
        self.heading.setText(self.tr("Day close Z{no} done").format(no=f"{z.z_no:04d}"))
        self.summary.setText("\n".join(report_lines(z, show_expected=True)))
        self.action.setText(self.tr("Print Z report…"))
        self.action.clicked.disconnect()
        self.action.clicked.connect(self.print_z)

    def print_z(self) -> None:
        from ..reports.commission_sheet import shift_slip
        from . import printing
        if self.closed is not None:       # painted as text on the printer, like a receipt
            printing.print_with_dialog(self, shift_slip(self.closed, "80mm"), f"Z{self.closed.z_no:04d}")

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops) -> ShiftReport | None:
        dialog = cls(ops, parent)
        dialog.exec()
        return dialog.closed


__all__ = ["ShiftDialog", "SalonError"]
