"""The card and package panel of the customer's file (储值卡和次卡), with the owner's and the counter's
actions on them, each a dialog that shows what will happen before anything is written:

- reissue a lost card (补卡): a new number on the same ledger, the balance unchanged (Ctrl+R);
- transfer the whole balance to another customer, principal and bonus apart (owner, Ctrl+T);
- refund the unused balance in one of the three modes (owner, Ctrl+B; the dialog is in card_dialogs);
- extend a package's validity (owner, Ctrl+E): its expiry calls are closed;
- refund a package's sessions left in one of the three modes, then its printed statement (owner, Ctrl+D);
- the statement (对账单), Ctrl+P.

Every change goes through ``ops.run``; a refusal shows its sentence in the dialog and writes nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ..card_records import CardInfo, PackageInfo, PrepaidRefundRecord
from ..errors import SalonError
from ..prepaid_refunds import parse_rate_percent
from ..records import CustomerFile, CustomerSummary
from ..roles import Perm
from . import errors_text, labels, printing
from .card_dialogs import TOPUP_METHODS, CardRefundDialog
from .customer_picker import CustomerPickerDialog
from .ops import CUSTOMERS, SALES, Ops
from .widgets import Notice, big_label, error_label

def balance_text(info: CardInfo) -> str:
    return QCoreApplication.translate("CardActions", "Balance {total} (principal {principal} + bonus {bonus})").format(
        total=labels.money(info.total_fen), principal=labels.money(info.principal_fen),
        bonus=labels.money(info.bonus_fen))


def status_name(code: str) -> str:
    return {"none": QCoreApplication.translate("CardActions", "No expiry"),
            "valid": QCoreApplication.translate("CardActions", "Valid"),
            "expiring": QCoreApplication.translate("CardActions", "Expiring soon"),
            "expired": QCoreApplication.translate("CardActions", "Expired (sessions kept)"),
            "closed": QCoreApplication.translate("CardActions", "Closed")}.get(code, code)


def mode_names() -> dict[str, str]:
    return {"cooling_off": QCoreApplication.translate(
                "CardActions", "Within 7 days: the price paid less the sessions used (Art. 14)"),
            "shop_at_fault": QCoreApplication.translate(
                "CardActions", "The shop at fault: used at the price charged, plus interest (Art. 18)"),
            "customer_choice": QCoreApplication.translate(
                "CardActions", "The customer's choice: used at list price, plus interest (Art. 19)")}


class ActionDialog(QDialog):
    """A form with what will happen, the error line, Cancel (Esc) and the confirm button (Enter)."""

    def __init__(self, ops: Ops, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.result_value: Any = None
        self.resize(560, 360)
        self.header = big_label(name, 14)
        self.form = QFormLayout()
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.error = error_label()
        self.error.setObjectName("error")
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm)
        cancel = QPushButton(QCoreApplication.translate("ActionDialog", "Cancel (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.form)
        layout.addWidget(self.preview)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)

    def reason_field(self) -> QLineEdit:
        field = QLineEdit()
        field.setObjectName("reason")
        self.form.addRow(QCoreApplication.translate("ActionDialog", "Reason:"), field)
        return field

    def action(self) -> Callable[[], Any]:
        raise NotImplementedError

    def confirm(self) -> None:
        outcome = self.ops.run(self, self.action(), changes={CUSTOMERS, SALES}, show=self.error.setText)
        if outcome.ok:
            self.result_value = outcome.value
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *args: Any) -> Any:
        dialog = cls(*args, parent=parent)
        dialog.exec()
        return dialog.result_value


class ReissueDialog(ActionDialog):
    """A lost card: a new number on the same ledger; the old number stops working."""

    def __init__(self, ops: Ops, customer_id: int, name: str, info: CardInfo, parent: QWidget | None = None) -> None:
        super().__init__(ops, name, parent)
        self.setWindowTitle(self.tr("Reissue a lost card"))
        self.confirm_button.setText(self.tr("Reissue (Enter)"))
        self.customer_id = customer_id
        self.reason = self.reason_field()
        self.reason.setText(self.tr("Card lost"))
        self.preview.setText(self.tr("Card {number} will stop working; a new number is issued on the same ledger. "
                                     "{balance} stays as it is.").format(number=info.card_no or "—",
                                                                         balance=balance_text(info)))
        self.reason.setFocus()
        self.reason.selectAll()

    def action(self) -> Callable[[], CardInfo]:
        staff, reason = self.ops.staff, self.reason.text()
        return lambda: self.shop.cards.reissue(staff, self.customer_id, reason)


class TransferDialog(ActionDialog):
    """The whole balance to another customer (owner): principal and bonus apart, both files audited."""

    def __init__(self, ops: Ops, customer_id: int, name: str, info: CardInfo, parent: QWidget | None = None) -> None:
        super().__init__(ops, name, parent)
        self.setWindowTitle(self.tr("Transfer the card balance"))
        self.confirm_button.setText(self.tr("Transfer (Enter)"))
        self.customer_id = customer_id
        self.info = info
        self.receiver: CustomerSummary | None = None
        self.receiver_label = QLabel(self.tr("(nobody chosen)"))
        self.receiver_label.setObjectName("receiver")
        self.choose_button = QPushButton(self.tr("Choose… (F4)"))
        self.choose_button.setObjectName("choose")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        QShortcut(QKeySequence(Qt.Key.Key_F4), self, activated=self.choose)
        row = QHBoxLayout()
        row.addWidget(self.receiver_label, 1)
        row.addWidget(self.choose_button)
        self.form.addRow(self.tr("To:"), row)
        self.reason = self.reason_field()
        self.show_preview()

    def choose(self) -> None:
        picked = CustomerPickerDialog.ask(self, self.ops, self.tr("Who receives the balance?"), self.customer_id)
        if picked is not None:
            self.receiver = picked
            self.receiver_label.setText(f"{picked.name} {picked.phone_masked}")
            self.show_preview()
            self.reason.setFocus()

    def show_preview(self) -> None:
        info = self.info
        to = self.receiver.name if self.receiver else self.tr("the customer chosen")
        self.preview.setText(self.tr("Principal {principal} and bonus {bonus} move to {to}; this card is then "
                                     "empty.").format(principal=labels.money(info.principal_fen),
                                                      bonus=labels.money(info.bonus_fen), to=to))

    def confirm(self) -> None:
        if self.receiver is None:
            self.error.setText(self.tr("Choose who receives the balance (F4)."))
            return
        super().confirm()

    def action(self) -> Callable[[], CardInfo]:
        staff, reason, to = self.ops.staff, self.reason.text(), self.receiver.id if self.receiver else 0
        return lambda: self.shop.cards.transfer(staff, self.customer_id, to, reason)


class ExtendDialog(ActionDialog):
    """The owner's extension of a package's validity: never a silent forfeiture."""

    def __init__(self, ops: Ops, package: PackageInfo, name: str, parent: QWidget | None = None) -> None:
        super().__init__(ops, name, parent)
        self.setWindowTitle(self.tr("Extend a package"))
        self.confirm_button.setText(self.tr("Extend (Enter)"))
        self.package = package
        start = max(package.expires_on or ops.shop.today(), ops.shop.today()) + timedelta(days=90)
        self.expiry = QDateEdit(QDate(start.year, start.month, start.day))
        self.expiry.setObjectName("expiry")
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(self.tr("New expiry:"), self.expiry)
        self.reason = self.reason_field()
        self.preview.setText(self.tr("{package}: {left} of {total} sessions left, valid until {until} ({status}).")
                             .format(package=package.name, left=package.sessions_left, total=package.total_sessions,
                                     until=labels.when(package.expires_on) or "—",
                                     status=status_name(package.status)))
        self.expiry.setFocus()

    def new_expiry(self) -> date:
        d = self.expiry.date()
        return date(d.year(), d.month(), d.day())

    def action(self) -> Callable[[], PackageInfo]:
        staff, until, reason = self.ops.staff, self.new_expiry(), self.reason.text()
        return lambda: self.shop.packages.extend(staff, self.package.id, until, reason)


class PackageRefundDialog(ActionDialog):
    """The sessions left paid back in the mode that applies (owner), the working shown before; then printed."""

    def __init__(self, ops: Ops, package: PackageInfo, name: str, parent: QWidget | None = None) -> None:
        super().__init__(ops, name, parent)
        self.setWindowTitle(self.tr("Refund a package"))
        self.confirm_button.setText(self.tr("Refund (Enter)"))
        self.package = package
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        for code, text in mode_names().items():
            self.mode.addItem(text, code)
        self.rate = QLineEdit("0")
        self.rate.setObjectName("rate")
        self.method = QComboBox()
        self.method.setObjectName("method")
        for m in TOPUP_METHODS:
            self.method.addItem(labels.method_name(m), m)
        self.form.addRow(self.tr("Package:"), QLabel(self.tr("{package}: {left} of {total} sessions left").format(
            package=package.name, left=package.sessions_left, total=package.total_sessions)))
        self.form.addRow(self.tr("Mode:"), self.mode)
        self.form.addRow(self.tr("Interest, % a year:"), self.rate)
        self.form.addRow(self.tr("Paid back by:"), self.method)
        self.reason = self.reason_field()
        self.mode.currentIndexChanged.connect(lambda _i: self.refresh())
        self.rate.textChanged.connect(lambda _t: self.refresh())
        self.refresh()
        self.mode.setFocus()

    def rate_bp(self) -> int:
        return parse_rate_percent(self.rate.text())

    def refresh(self) -> None:
        try:
            preview = self.shop.packages.preview_refund(self.ops.staff, self.package.id, self.mode.currentData(),
                                                        rate_bp=self.rate_bp())
        except SalonError as error:
            self.preview.setText("")
            self.error.setText(errors_text.message(error))
            self.confirm_button.setEnabled(False)
            return
        self.error.setText("")
        self.confirm_button.setEnabled(True)
        st = preview.statement
        self.preview.setText(self.tr("Refund {refund} + interest {interest} = {total}").format(
            refund=labels.money(st.refund_fen), interest=labels.money(st.interest_fen),
            total=labels.money(st.total_fen)))

    def action(self) -> Callable[[], PrepaidRefundRecord]:
        staff, mode, typed = self.ops.staff, self.mode.currentData(), self.rate.text()
        method, reason = self.method.currentData(), self.reason.text()
        return lambda: self.shop.packages.refund(staff, self.package.id, mode, method=method, reason=reason,
                                                 rate_bp=parse_rate_percent(typed))   # refused in words


class CardPanel(QWidget):
    """The customer's card (number, principal and bonus, terms signed) and packages, with the actions."""

    COLUMNS = 4

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.file: CustomerFile | None = None
        self.info: CardInfo | None = None
        self.packages: list[PackageInfo] = []
        self.summary = QLabel()
        self.summary.setObjectName("card_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("packages")
        self.table.setHorizontalHeaderLabels([self.tr("Package"), self.tr("Sessions left"), self.tr("Valid until"),
                                              self.tr("Status")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        owner = ops.can(Perm.PREPAID_ADMIN)
        self.buttons: dict[str, QPushButton] = {}
        specs = [("statement", self.tr("Statement… (Ctrl+P)"), "Ctrl+P", self.statement, True),
                 ("reissue", self.tr("Reissue a lost card… (Ctrl+R)"), "Ctrl+R", self.reissue, True),
                 ("transfer", self.tr("Transfer the balance… (Ctrl+T)"), "Ctrl+T", self.transfer, owner),
                 ("refund_card", self.tr("Refund the balance… (Ctrl+B)"), "Ctrl+B", self.refund_card, owner),
                 ("extend", self.tr("Extend the package… (Ctrl+E)"), "Ctrl+E", self.extend, owner),
                 ("refund_package", self.tr("Refund the package… (Ctrl+D)"), "Ctrl+D", self.refund_package, owner)]
        card_row, package_row = QHBoxLayout(), QHBoxLayout()
        for key, text, keys, slot, allowed in specs:
            button = QPushButton(text)
            button.setObjectName(key)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            button.setVisible(allowed)
            self.buttons[key] = button
            (package_row if key in ("extend", "refund_package") else card_row).addWidget(button)
            if allowed:
                QShortcut(QKeySequence(keys), self, activated=slot,
                          context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        card_row.addStretch(1)
        package_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(card_row)
        layout.addWidget(QLabel(self.tr("Packages:")))
        layout.addWidget(self.table, 1)
        layout.addLayout(package_row)

    # -- showing ------------------------------------------------------------------------------------
    def load(self, f: CustomerFile | None) -> None:
        self.file = f if f is not None and not f.anonymised else None
        self.info, self.packages = None, []
        if self.file is not None and self.ops.can(Perm.COUNTER):
            cid = self.file.id
            self.info = self.ops.query(self, lambda: self.shop.cards.info(self.ops.staff, cid))
            self.packages = [p for p in self.ops.query(self, lambda: self.shop.packages.of_customer(
                self.ops.staff, cid, open_only=False), default=[]) or [] if p.status != "closed"]
        self._show()

    def _show(self) -> None:
        info = self.info
        if info is None:
            self.summary.setText("")
        elif info.card_no is None:
            self.summary.setText(self.tr("No card yet: the first top-up (F7 at the counter) issues one."))
        else:
            terms = info.terms_version or self.tr("not signed")
            self.summary.setText(self.tr("Card {number} · {balance} · terms signed: {terms}").format(
                number=info.card_no, balance=balance_text(info), terms=terms))
        self.table.setRowCount(len(self.packages))
        for row, p in enumerate(self.packages):
            cells = (p.name, f"{p.sessions_left} / {p.total_sessions}", labels.when(p.expires_on) or "—",
                     status_name(p.status))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 3 and p.status in ("expiring", "expired"):
                    item.setForeground(Qt.GlobalColor.red)
                self.table.setItem(row, col, item)
        if self.packages and self.table.currentRow() < 0:
            self.table.selectRow(0)
        has_card = info is not None and info.card_no is not None
        has_money = info is not None and info.total_fen > 0
        self.buttons["statement"].setEnabled(self.file is not None)
        self.buttons["reissue"].setEnabled(has_card)
        self.buttons["transfer"].setEnabled(has_money)
        self.buttons["refund_card"].setEnabled(has_money)
        self.buttons["extend"].setEnabled(bool(self.packages))
        self.buttons["refund_package"].setEnabled(bool(self.packages))

    def current_package(self) -> PackageInfo | None:
        row = self.table.currentRow()
        return self.packages[row] if 0 <= row < len(self.packages) else None

    def _reload(self) -> None:
        if self.file is not None:
            self.load(self.file)

    # -- actions ------------------------------------------------------------------------------------
    def statement(self) -> None:
        from ..reports.prepaid import render_statement
        f = self.file
        if f is None:
            return
        outcome = self.ops.run(self, lambda: self.shop.cards.statement(self.ops.staff, f.id))
        if outcome.ok:
            printing.PrintPreviewDialog.ask(self, render_statement(outcome.value), self.tr("Statement"),
                                            f"statement-{f.id}.pdf")

    def reissue(self) -> None:
        f, info = self.file, self.info
        if f is None or info is None or info.card_no is None:
            return
        old = info.card_no
        done = ReissueDialog.ask(self, self.ops, f.id, f.name, info)
        if done is not None:
            self._reload()
            Notice.show(self, self.tr("Reissue a lost card"), self.tr(
                "New card {new} issued; card {old} no longer works. {balance}").format(
                new=done.card_no, old=old, balance=balance_text(done)))

    def transfer(self) -> None:
        f, info = self.file, self.info
        if f is None or info is None or info.total_fen <= 0:
            return
        done = TransferDialog.ask(self, self.ops, f.id, f.name, info)
        if done is not None:
            self._reload()
            Notice.show(self, self.tr("Transfer the card balance"), self.tr(
                "Transferred. The receiving card now holds: {balance}").format(balance=balance_text(done)))

    def refund_card(self) -> None:
        from ..reports.prepaid import render_refund_statement
        f = self.file
        if f is None:
            return
        record = CardRefundDialog.ask(self, self.ops, f.id, f.name)
        if record is not None:
            self._reload()
            printing.PrintPreviewDialog.ask(self, render_refund_statement(record), self.tr("Refund statement"),
                                            f"refund-{f.id}.pdf")

    def extend(self) -> None:
        f, package = self.file, self.current_package()
        if f is None or package is None:
            return
        done = ExtendDialog.ask(self, self.ops, package, f.name)
        if done is not None:
            self._reload()
            Notice.show(self, self.tr("Extend a package"), self.tr("{package} is now valid until {until}.").format(
                package=done.name, until=labels.when(done.expires_on)))

    def refund_package(self) -> None:
        from ..reports.prepaid import render_refund_statement
        f, package = self.file, self.current_package()
        if f is None or package is None:
            return
        record = PackageRefundDialog.ask(self, self.ops, package, f.name)
        if record is not None:
            self._reload()
            printing.PrintPreviewDialog.ask(self, render_refund_statement(record), self.tr("Refund statement"),
                                            f"package-refund-{package.id}.pdf")
