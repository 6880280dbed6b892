"""The counter's stored-value top-up (F7) and quick package sale (F8).

Top-up: choose a rule (充1000送100 ...) or type an amount, the way it is paid;
the dialog shows what the core's ``quote_topup`` says (bonus, tier, balances
after, whether the owner must authorise or the customer sign the terms).
Everything is keyboard-reachable: Tab through the fields, Enter confirms.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ..card_records import TopUpRecord
from ..errors import SalonError
from ..money import parse_yuan
from ..prepaid_refunds import parse_rate_percent
from ..records import ReceiptRecord
from ..tenders import Tender
from . import errors_text, labels
from .ops import CUSTOMERS, SALES, VISITS, Ops
from .widgets import big_label, error_label

TOPUP_METHODS = ("cash", "wechat", "alipay", "card")


class TopUpDialog(QDialog):
    def __init__(self, ops: Ops, customer_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.customer_id = customer_id
        self.record: TopUpRecord | None = None
        self.setWindowTitle(self.tr("Top up the stored-value card"))
        self.resize(520, 420)
        info = ops.query(self, lambda: self.shop.cards.info(ops.staff, customer_id))
        self.header = big_label(name, 14)
        self.balance = QLabel(self.tr("Balance {total} (principal {principal} + bonus {bonus})").format(
            total=labels.money(info.total_fen if info else 0), principal=labels.money(info.principal_fen if info else 0),
            bonus=labels.money(info.bonus_fen if info else 0)))
        self.balance.setObjectName("balance")
        self.rule = QComboBox()
        self.rule.setObjectName("rule")
        self.rule.addItem(self.tr("Other amount"), None)
        for r in ops.query(self, lambda: self.shop.cards.rules(ops.staff), default=()):
            text = self.tr("Pay {pay}, bonus {bonus}").format(pay=labels.money(r.pay_fen), bonus=labels.money(r.bonus_fen))
            if r.tier:
                text += " · " + labels.tier_name(r.tier)
            self.rule.addItem(text, r.pay_fen)
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.method = QComboBox()
        self.method.setObjectName("method")
        for m in TOPUP_METHODS:
            self.method.addItem(labels.method_name(m), m)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setWordWrap(True)
        self.terms = QCheckBox(self.tr("The customer has signed the card terms (printed on the slip)"))
        self.terms.setObjectName("terms")
        self.owner = QLineEdit()
        self.owner.setObjectName("owner")
        self.owner.setPlaceholderText(self.tr("Owner's username"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Owner's password"))
        self.owner_label = QLabel(self.tr("Above the card limit: the owner authorises"))
        self.error = error_label()
        self.error.setObjectName("error")
        self.confirm_button = QPushButton(self.tr("Top up (Enter)"))
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)

        from .commission_page import seller_box
        self.sold_by = seller_box(ops)
        form = QFormLayout()
        form.addRow(self.tr("Rule:"), self.rule)
        form.addRow(self.tr("Amount:"), self.amount)
        form.addRow(self.tr("Paid by:"), self.method)
        form.addRow(self.tr("Sold by:"), self.sold_by)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.balance)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(self.terms)
        layout.addWidget(self.owner_label)
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner)
        owner_row.addWidget(self.password)
        layout.addLayout(owner_row)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        self.rule.currentIndexChanged.connect(self.rule_chosen)
        self.amount.textChanged.connect(lambda _t: self.refresh())
        self.method.currentIndexChanged.connect(lambda _i: self.refresh())
        if self.rule.count() > 1:
            self.rule.setCurrentIndex(1)
        self.refresh()
        self.rule.setFocus()

    def rule_chosen(self) -> None:
        pay = self.rule.currentData()
        if pay is not None:
            self.amount.setText(labels.money(pay).replace(",", ""))
        self.refresh()

    def amount_fen(self) -> int | None:
        try:
            return parse_yuan(self.amount.text().strip()) if self.amount.text().strip() else None
        except SalonError:
            return None

    def refresh(self) -> None:
        amount = self.amount_fen()
        self.error.setText("")
        needs_owner = needs_terms = False
        if amount is None:
            self.preview.setText("")
        else:
            try:
                q = self.shop.cards.quote_topup(self.ops.staff, self.customer_id, amount, self.method.currentData())
            except SalonError as error:
                self.preview.setText("")
                self.error.setText(errors_text.message(error))
            else:
                text = self.tr("Bonus {bonus} · after: principal {principal}, bonus {after_bonus}").format(
                    bonus=labels.money(q.bonus_fen), principal=labels.money(q.principal_after_fen),
                    after_bonus=labels.money(q.bonus_after_fen))
                if q.tier:
                    text += " · " + self.tr("becomes {tier}").format(tier=labels.tier_name(q.tier))
                self.preview.setText(text)
                needs_owner, needs_terms = q.needs_owner, q.terms_needed
        self.terms.setVisible(needs_terms)
        for widget in (self.owner, self.password, self.owner_label):
            widget.setVisible(needs_owner)

    def confirm(self) -> None:
        amount = self.amount_fen()
        if amount is None:
            self.error.setText(errors_text.message(SalonError("card.topup_not_positive", amount=0)))
            return
        staff, method, seller = self.ops.staff, self.method.currentData(), self.sold_by.currentData()
        signed = self.terms.isChecked()
        owner, password = self.owner.text().strip(), self.password.text()
        needs_owner = self.owner.isVisible() or bool(owner)

        def action() -> TopUpRecord:
            grant = self.shop.staff.authorise_owner(staff, owner, password) if needs_owner else None
            return self.shop.cards.top_up(staff, self.customer_id, amount, method, terms_signed=signed,
                                          tendered_fen=amount if method == "cash" else None, grant=grant,
                                          sold_by=seller)
        outcome = self.ops.run(self, action, changes={CUSTOMERS, SALES, VISITS}, show=self.error.setText)
        if outcome.ok:
            self.record = outcome.value
            self.accept()
        else:
            self.password.clear()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, customer_id: int, name: str) -> TopUpRecord | None:
        dialog = cls(ops, customer_id, name, parent)
        dialog.exec()
        return dialog.record


class PackageSaleDialog(QDialog):
    """Sell a package to the customer at once (its own receipt), paid by one method."""

    def __init__(self, ops: Ops, customer_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.customer_id = customer_id
        self.receipt: ReceiptRecord | None = None
        self.setWindowTitle(self.tr("Sell a package"))
        self.product = QComboBox()
        self.product.setObjectName("product")
        for p in ops.query(self, lambda: self.shop.packages.products(ops.staff), default=[]):
            self.product.addItem(self.tr("{name} · {sessions} + {gifted} sessions · {price}").format(
                name=p.name, sessions=p.sessions, gifted=p.gifted, price=labels.money(p.price_fen)), p.item_id)
        self.method = QComboBox()
        self.method.setObjectName("method")
        for m in ("wechat", "alipay", "cash", "card", "stored_value"):
            self.method.addItem(labels.method_name(m), m)
        self.due = QLabel()
        self.due.setObjectName("due")
        self.error = error_label()
        self.error.setObjectName("error")
        confirm = QPushButton(self.tr("Sell (Enter)"))
        confirm.setObjectName("confirm")
        confirm.setDefault(True)
        confirm.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        from .commission_page import seller_box
        self.sold_by = seller_box(ops)
        form = QFormLayout()
        form.addRow(self.tr("Package:"), self.product)
        form.addRow(self.tr("Paid by:"), self.method)
        form.addRow(self.tr("Sold by:"), self.sold_by)
        layout = QVBoxLayout(self)
        layout.addWidget(big_label(name, 14))
        layout.addLayout(form)
        layout.addWidget(self.due, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(confirm)
        layout.addLayout(buttons)
        self.product.currentIndexChanged.connect(lambda _i: self.show_due())
        self.show_due()
        self.product.setFocus()

    def show_due(self) -> None:
        item_id = self.product.currentData()
        if item_id is None:
            self.due.setText("")
            return
        due = self.ops.query(self, lambda: self.shop.packages.quote_sale(self.ops.staff, self.customer_id, item_id))
        self.due.setText(self.tr("Due {amount}").format(amount=labels.money(due or 0)))

    def confirm(self) -> None:
        item_id, method, staff = self.product.currentData(), self.method.currentData(), self.ops.staff
        seller = self.sold_by.currentData()
        if item_id is None:
            return

        def action() -> ReceiptRecord:
            due = self.shop.packages.quote_sale(staff, self.customer_id, item_id)
            return self.shop.packages.sell(staff, self.customer_id, item_id, [Tender(method, due)], sold_by=seller)
        outcome = self.ops.run(self, action, changes={CUSTOMERS, SALES, VISITS}, show=self.error.setText)
        if outcome.ok:
            self.receipt = outcome.value
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, customer_id: int, name: str) -> ReceiptRecord | None:
        dialog = cls(ops, customer_id, name, parent)
        dialog.exec()
        return dialog.receipt


class CardRefundDialog(QDialog):
    """The owner's refund of a card's unused balance: the mode that applies, the interest rate, the working
    shown before anything is written (法释〔2025〕4号 Art. 14/18/19)."""

    MODES = ("cooling_off", "shop_at_fault", "customer_choice")

    def __init__(self, ops: Ops, customer_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.customer_id = customer_id
        self.record = None
        self.setWindowTitle(self.tr("Refund the card balance"))
        self.resize(560, 420)
        self.mode = QComboBox()
        self.mode.setObjectName("mode")
        names = {"cooling_off": self.tr("Within 7 days: the principal back (Art. 14)"),
                 "shop_at_fault": self.tr("The shop at fault: used at the price charged, plus interest (Art. 18)"),
                 "customer_choice": self.tr("The customer's choice: used at list price, plus interest (Art. 19)")}
        for mode in self.MODES:
            self.mode.addItem(names[mode], mode)
        self.rate = QLineEdit("0")
        self.rate.setObjectName("rate")
        self.method = QComboBox()
        self.method.setObjectName("method")
        for m in TOPUP_METHODS:
            self.method.addItem(labels.method_name(m), m)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.working = QLabel()
        self.working.setObjectName("working")
        self.working.setWordWrap(True)
        self.error = error_label()
        self.error.setObjectName("error")
        confirm = QPushButton(self.tr("Refund"))
        confirm.setObjectName("confirm")
        confirm.clicked.connect(self.confirm)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setAutoDefault(False)
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Mode:"), self.mode)
        form.addRow(self.tr("Interest, % a year:"), self.rate)
        form.addRow(self.tr("Paid back by:"), self.method)
        form.addRow(self.tr("Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(big_label(name, 14))
        layout.addLayout(form)
        layout.addWidget(self.working)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(confirm)
        layout.addLayout(buttons)
        self.mode.currentIndexChanged.connect(lambda _i: self.refresh())
        self.rate.textChanged.connect(lambda _t: self.refresh())
        self.refresh()

    def rate_bp(self) -> int:
        return parse_rate_percent(self.rate.text())

    def refresh(self) -> None:
        try:
            preview = self.shop.cards.preview_refund(self.ops.staff, self.customer_id, self.mode.currentData(),
                                                     rate_bp=self.rate_bp())
        except SalonError as error:
            self.working.setText("")
            self.error.setText(errors_text.message(error))
            return
        self.error.setText("")
        st = preview.statement
        self.working.setText(self.tr("Refund {refund} + interest {interest} = {total}; bonus written off {bonus}")
                             .format(refund=labels.money(st.refund_fen), interest=labels.money(st.interest_fen),
                                     total=labels.money(st.total_fen), bonus=labels.money(preview.bonus_off_fen)))

    def confirm(self) -> None:
        staff, mode, typed = self.ops.staff, self.mode.currentData(), self.rate.text()
        method, reason = self.method.currentData(), self.reason.text()
        outcome = self.ops.run(self, lambda: self.shop.cards.refund_balance(
            staff, self.customer_id, mode, method=method, reason=reason, rate_bp=parse_rate_percent(typed)),
            changes={CUSTOMERS, SALES}, show=self.error.setText)
        if outcome.ok:
            self.record = outcome.value
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, customer_id: int, name: str):
        dialog = cls(ops, customer_id, name, parent)
        dialog.exec()
        return dialog.record
