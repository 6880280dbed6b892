"""Checkout: the priced lines, birthday free service, points, and the payments.

Keys: the amount field starts with what is still to pay. F1 cash, F2 WeChat
Pay, F3 Alipay, F4 bank card, F5 other take that amount by that method (on a
bill with nothing paid yet, F2-F5 taking the whole bill also confirm it); F6
the stored-value card (at most its balance), shown when the customer has one;
Enter in the amount field takes it as cash (the money handed over), and
once the bill is paid Enter confirms. Prices and change come from the core
(``shop.quote``, ``tenders.settle``); nothing is computed here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from ..errors import PaymentProblem, SalonError
from ..money import parse_yuan
from ..records import Quote, ReceiptRecord
from ..points import points_earned
from ..stored_value import Balance, Draw, draw, earning_base_fen
from ..tenders import METHODS, STORED_VALUE, Tender, settle
from . import after_checkout, errors_text, labels, warning_strips
from .counter_models import PaymentsModel, QuoteLinesModel
from .ops import CUSTOMERS, SALES, VISITS, Ops
from .widgets import big_label, current_record, error_label, make_table

METHOD_KEYS = {Qt.Key.Key_F1: "cash", Qt.Key.Key_F2: "wechat", Qt.Key.Key_F3: "alipay",
               Qt.Key.Key_F4: "card", Qt.Key.Key_F5: "other"}


CARD_KEY = Qt.Key.Key_F6          # the stored-value card, when the customer has a balance


class AmountField(QLineEdit):
    """Enter is handled here (take the payment or confirm) and never reaches the dialog."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.entered.emit()
            return
        super().keyPressEvent(event)


class CheckoutDialog(QDialog):
    def __init__(self, ops: Ops, visit_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.visit_id = visit_id
        self.quote: Quote | None = None
        self.quote_error = ""
        self.tenders: list[Tender] = []
        self.remaining_fen = 0
        self.change_fen = 0
        self.receipt: ReceiptRecord | None = None
        self.setWindowTitle(self.tr("Check out"))
        self.resize(780, 720)

        visit = self.shop.visits.get(ops.staff, visit_id)
        self.customer_name = visit.customer.name if visit.customer is not None else ""
        who = (self.tr("Walk-in") if visit.customer is None else
               f"{visit.customer.name}  {visit.customer.phone_masked}  {labels.tier_name(visit.customer.tier)}")
        self.header = big_label(who, 14)
        self.customer_id = visit.customer.id if visit.customer is not None else None
        self.is_member = visit.customer is not None and bool(visit.customer.tier)
        self.allergy_strip = warning_strips.make_strip("allergy", self)
        warning_strips.show_strip(self.allergy_strip, warning_strips.allergy_text(visit.allergies))
        self.birthday_strip = warning_strips.make_strip("birthday", self)
        self.birthday_status = visit.birthday
        warning_strips.show_strip(self.birthday_strip,
                                  warning_strips.birthday_text(visit.birthday, self.is_member))
        self.card = (ops.query(self, lambda: self.shop.cards.info(ops.staff, visit.customer.id))
                     if visit.customer is not None else None)
        self.card_balance_fen = self.card.total_fen if self.card is not None else 0
        self.card_label = QLabel()
        self.card_label.setObjectName("card_info")
        self.card_label.setStyleSheet("color: #1a5e8a; font-weight: bold;")
        if self.card is not None and (self.card.card_no or self.card.packages):
            parts = []
            if self.card.card_no:
                parts.append(self.tr("Stored-value card {total} (principal {principal} + bonus {bonus})").format(
                    total=labels.money(self.card.total_fen), principal=labels.money(self.card.principal_fen),
                    bonus=labels.money(self.card.bonus_fen)))
            for p in self.card.packages:
                parts.append(self.tr("{name}: {left} sessions left").format(name=p.name, left=p.sessions_left))
            self.card_label.setText(" · ".join(parts))
        else:
            self.card_label.hide()

        self.lines_model = QuoteLinesModel(self)
        self.lines_view = make_table(self.lines_model, stretch=QuoteLinesModel.NAME)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines_view.setMinimumHeight(110)

        self.birthday = QComboBox()
        self.birthday.setObjectName("birthday")
        self.birthday_label = QLabel(self.tr("Birthday free service (F10):"))
        self.points = AmountField("0")     # Enter here goes on to the payment, never confirms a refused bill
        self.points.setObjectName("points")
        self.points.entered.connect(self.go_to_payment)
        self.points.setValidator(QIntValidator(0, 10_000_000, self))
        self.points_max = QLabel()
        self.points_all = QPushButton(self.tr("Use the most"))
        self.points_all.setAutoDefault(False)
        self.points_all.clicked.connect(self.use_most_points)
        self.points_label = QLabel(self.tr("Points to redeem:"))

        self.totals = QLabel()
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.due = big_label("", 24)
        self.due.setObjectName("due")

        self.payments_model = PaymentsModel(self)
        self.payments_view = make_table(self.payments_model, stretch=PaymentsModel.METHOD)
        self.payments_view.setMinimumHeight(110)
        self.payments_view.setMaximumHeight(160)
        self.remove_payment_button = QPushButton(self.tr("Remove payment"))
        self.remove_payment_button.setAutoDefault(False)
        self.remove_payment_button.clicked.connect(self.remove_payment)

        self.amount = AmountField()
        self.amount.setObjectName("amount")
        self.amount.setStyleSheet("font-size: 18px;")
        self.amount.entered.connect(self.amount_entered)
        self.method_buttons: dict[str, QPushButton] = {}
        for key, method in METHOD_KEYS.items():
            button = QPushButton(f"{labels.method_name(method)}  {Qt.Key(key).name[4:]}")
            button.setAutoDefault(False)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _=False, m=method: self.take_payment(m))
            self.method_buttons[method] = button
        self.card_button = QPushButton(f"{labels.method_name(STORED_VALUE)}  F6")
        self.card_button.setObjectName("card_button")
        self.card_button.setAutoDefault(False)
        self.card_button.setMinimumHeight(36)
        self.card_button.clicked.connect(self.take_card)
        self.card_button.setVisible(self.card_balance_fen > 0)

        self.status = big_label("", 20)
        self.status.setObjectName("status")
        self.error = error_label()
        self.error.setObjectName("error")
        self.confirm_button = QPushButton(self.tr("Confirm payment"))
        self.confirm_button.setObjectName("confirm")
        self.confirm_button.setMinimumHeight(40)
        self.confirm_button.setStyleSheet("font-weight: bold;")
        self.confirm_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton(self.tr("Cancel (Esc)"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self._layout()

        self.birthday.currentIndexChanged.connect(lambda _i: self.refresh())
        self.points.textChanged.connect(lambda _t: self.refresh())
        self.refresh(first=True)
        self.amount.setFocus()
        self.amount.selectAll()

    def _layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.allergy_strip)
        layout.addWidget(self.birthday_strip)
        layout.addWidget(self.card_label)
        layout.addWidget(self.lines_view, 1)
        options = QFormLayout()
        options.addRow(self.birthday_label, self.birthday)
        points_row = QHBoxLayout()
        points_row.addWidget(self.points)
        points_row.addWidget(self.points_max, 1)
        points_row.addWidget(self.points_all)
        options.addRow(self.points_label, points_row)
        layout.addLayout(options)
        totals_row = QHBoxLayout()
        totals_row.addWidget(self.totals, 1)
        totals_row.addWidget(self.due, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(totals_row)
        pay = QGroupBox(self.tr("Payment"))
        grid = QGridLayout(pay)
        grid.addWidget(QLabel(self.tr("Amount:")), 0, 0)
        grid.addWidget(self.amount, 0, 1, 1, 4)
        for column, button in enumerate(self.method_buttons.values()):
            grid.addWidget(button, 1, column)
        grid.addWidget(self.card_button, 0, 5)
        grid.addWidget(self.payments_view, 2, 0, 1, 4)
        grid.addWidget(self.remove_payment_button, 2, 4, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(pay, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)

    # -- pricing (the core's) -----------------------------------------------
    def points_value(self) -> int:
        text = self.points.text().strip()
        return int(text) if text.isdigit() else 0

    def birthday_line(self) -> int | None:
        return self.birthday.currentData()

    def refresh(self, first: bool = False) -> None:
        points, birthday = self.points_value(), self.birthday_line()
        self.quote_error = ""
        try:
            quote = self.shop.sales.quote(self.ops.staff, self.visit_id, points=points, birthday_line_id=birthday)
        except SalonError as error:
            self.quote_error = errors_text.message(error)
            quote = self._valid_quote(birthday)
        if quote is not None:
            self.quote = quote
        if first and self.quote is not None:
            self._fill_birthday(self.quote)
        q = self.quote
        if q is not None:
            by_key = {p.key: p for p in q.priced.lines}
            self.lines_model.set_rows([(line, by_key[line.id]) for line in q.lines])
            member = q.tier is not None
            for widget in (self.points, self.points_max, self.points_all, self.points_label):
                widget.setVisible(member)
            self.points_max.setText(self.tr("balance {balance}, at most {most} on this sale").format(
                balance=q.points_balance, most=q.priced.max_points_redeemable))
            self.totals.setText(self._totals_html(q))
            self.due.setText(self.tr("Due {amount}").format(amount=labels.money(q.priced.amount_due_fen)))
        self._settle()

    def _valid_quote(self, birthday: int | None) -> Quote | None:
        """The bill without the choice the core refused, so the totals and the due never show a rejected redemption."""
        for points, line in ((0, birthday), (0, None)):
            try:
                return self.shop.sales.quote(self.ops.staff, self.visit_id, points=points, birthday_line_id=line)
            except SalonError:
                continue
        return None

    def _fill_birthday(self, q: Quote) -> None:
        self.birthday.blockSignals(True)
        self.birthday.clear()
        self.birthday.addItem(self.tr("Not used"), None)
        for line in q.lines:
            if line.kind == "service":
                self.birthday.addItem(self.tr("{name} ({price})").format(
                    name=line.name, price=labels.money(line.unit_price_fen)), line.id)
        self.birthday.blockSignals(False)
        show = q.birthday_free_available
        self.birthday.setVisible(show)
        self.birthday_label.setVisible(show)

    def _totals_html(self, q: Quote) -> str:
        p = q.priced
        rows = [(self.tr("List total"), labels.money(p.list_total_fen))]
        if p.package_discount_fen:
            rows.append((self.tr("Package sessions"), "-" + labels.money(p.package_discount_fen)))
        if p.member_discount_fen:
            rows.append((self.tr("Member discount"), "-" + labels.money(p.member_discount_fen)))
        if p.birthday_discount_fen:
            rows.append((self.tr("Birthday free service"), "-" + labels.money(p.birthday_discount_fen)))
        if p.points_discount_fen:
            rows.append((self.tr("Points ({points})").format(points=p.points_redeemed),
                         "-" + labels.money(p.points_discount_fen)))
        earned = p.points_earned
        taken = self.card_draw()
        if taken is not None:
            rows.append((self.tr("From the card"), self.tr("principal {principal} + bonus {bonus}").format(
                principal=labels.money(taken.principal_fen), bonus=labels.money(taken.bonus_fen))))
            if taken.bonus_fen:   # no points on the bonus part: the core's own rule, as checkout applies it
                per_yuan = self.shop.settings.value("points.earn_per_yuan")
                earned = points_earned(earning_base_fen(p.amount_due_fen, taken.bonus_fen), per_yuan,
                                       p.points_birthday_bonus > 0)
        if q.tier is not None and p.points_birthday_bonus > 0:
            rows.append((self.tr("Points earned (doubled for the birthday)"), str(earned)))
        elif q.tier is not None:
            rows.append((self.tr("Points earned"), str(earned)))
        return "<table>" + "".join(f"<tr><td>{a}&nbsp;&nbsp;</td><td align='right'>{b}</td></tr>"
                                   for a, b in rows) + "</table>"

    def card_draw(self) -> Draw | None:
        """What the card tenders would take, principal and bonus in proportion (the core's ``draw``)."""
        amount = sum(t.amount_fen for t in self.tenders if t.method == STORED_VALUE)
        if not amount or self.card is None or amount > self.card.total_fen:
            return None
        return draw(Balance(self.card.principal_fen, self.card.bonus_fen), amount)

    def go_to_payment(self) -> None:
        if not self.quote_error:
            self.amount.setFocus()
            self.amount.selectAll()

    def use_most_points(self) -> None:
        if self.quote is not None:
            self.points.setText(str(self.quote.priced.max_points_redeemable))

    # -- payments -----------------------------------------------------------
    def _settle(self) -> None:
        """What is still to pay, or the change, as the core's ``settle`` sees the tenders."""
        self.payments_model.set_rows(self.tenders)
        if self.quote is not None:
            self.totals.setText(self._totals_html(self.quote))
        self.remaining_fen, self.change_fen = 0, 0
        payment_error = ""
        if self.quote is not None:
            due = self.quote.priced.amount_due_fen
            try:
                applied = settle(due, self.tenders, card_balance_fen=self.card_balance_fen)
                self.change_fen = sum(p.change_fen for p in applied)
            except PaymentProblem as problem:
                if problem.code == "payment.short":
                    self.remaining_fen = problem.params["missing"]
                else:
                    payment_error = errors_text.message(problem)
            except SalonError as error:
                payment_error = errors_text.message(error)
        if self.quote_error:         # the points or the birthday choice were refused: nothing is "paid" yet
            self.status.setText(self.tr("Correct the error below before taking payment"))
            self.status.setStyleSheet("color: #b00020;")
        elif payment_error:          # e.g. card over the bill: never a green "paid in full" beside the error
            self.status.setText(self.tr("Payments do not add up"))
            self.status.setStyleSheet("color: #b00020;")
        elif self.remaining_fen:
            self.status.setText(self.tr("Still to pay {amount}").format(amount=labels.money(self.remaining_fen)))
            self.status.setStyleSheet("color: #b00020;")
        elif self.change_fen:
            self.status.setText(self.tr("Change {amount}").format(amount=labels.money(self.change_fen)))
            self.status.setStyleSheet("color: #1b6e20; font-size: 30px;")
        else:
            self.status.setText(self.tr("Paid in full") if self.tenders else "")
            self.status.setStyleSheet("color: #1b6e20;")
        self.error.setText(self.quote_error or payment_error)
        self.amount.setText(labels.money(self.remaining_fen)[1:] if self.remaining_fen else "")
        self.amount.selectAll()

    def paid_in_full(self) -> bool:
        return bool(self.tenders) and self.remaining_fen == 0 and not self.error.text()

    def typed_amount(self) -> int | None:
        text = self.amount.text().strip()
        if not text:
            return self.remaining_fen or None
        try:
            return parse_yuan(text)
        except SalonError as error:
            self.error.setText(errors_text.message(error))
            return None

    def refused_choice(self) -> bool:
        """While the points or the birthday choice are refused, no payment is taken (the error stays in view)."""
        if self.quote_error:
            self.error.setText(self.quote_error)
            self.points.setFocus()
            self.points.selectAll()
            return True
        return False

    def take_payment(self, method: str) -> None:
        if self.refused_choice():
            return
        amount = self.typed_amount()
        if amount is None:
            return
        if amount <= 0:
            self.error.setText(errors_text.message(SalonError("payment.not_positive")))
            return
        first = not self.tenders
        self.tenders.append(Tender(method, amount))
        self._settle()
        if self.paid_in_full():
            self.confirm_button.setFocus()
            if first and method != "cash":      # F2 on an unpaid bill: the whole bill by WeChat, confirmed
                self.confirm()
        else:
            self.amount.setFocus()

    def take_card(self) -> None:
        """The stored-value card pays the amount typed, at most what it holds and what is left to pay."""
        if self.card_balance_fen <= 0 or self.refused_choice():
            return
        used = sum(t.amount_fen for t in self.tenders if t.method == STORED_VALUE)
        amount = self.typed_amount()
        if amount is None:
            return
        amount = min(amount, self.card_balance_fen - used)
        if amount <= 0:
            self.error.setText(errors_text.message(SalonError(
                "payment.over_card_balance", paid=used + 1, balance=self.card_balance_fen)))
            return
        self.tenders.append(Tender(STORED_VALUE, amount))
        self._settle()
        if self.paid_in_full():
            self.confirm_button.setFocus()
        else:
            self.amount.setFocus()

    def amount_entered(self) -> None:
        if self.paid_in_full() and not self.amount.text().strip():
            self.confirm()
        else:
            self.take_payment("cash")

    def remove_payment(self) -> None:
        tender = current_record(self.payments_view)
        if tender is None and self.tenders:
            tender = self.tenders[-1]
        if tender is not None:
            self.tenders.remove(tender)
            self._settle()
            self.amount.setFocus()

    # -- birthday -----------------------------------------------------------
    def next_birthday_choice(self) -> None:
        """F10: the free service on the next service line (then back to "not used")."""
        if self.birthday.isHidden() or self.birthday.count() < 2:
            return
        self.birthday.setCurrentIndex((self.birthday.currentIndex() + 1) % self.birthday.count())

    def give_gift(self) -> None:
        """F11: the birthday gift, chosen from the gift list and confirmed."""
        status = self.birthday_status
        if self.customer_id is None or status is None or not status.gift_available:
            return
        if warning_strips.give_birthday_gift(self, self.ops, self.customer_id, self.customer_name):
            self.birthday_status = self.ops.query(
                self, lambda: self.shop.birthdays.status(self.ops.staff, self.customer_id))
            warning_strips.show_strip(self.birthday_strip,
                                      warning_strips.birthday_text(self.birthday_status, self.is_member))
        self.amount.setFocus()

    # -- confirm ------------------------------------------------------------
    def confirm(self) -> None:
        if self.receipt is not None:          # already stored (F2 confirms a bill paid in one go)
            self.accept()
            return
        staff, visit_id = self.ops.staff, self.visit_id
        points, birthday, tenders = self.points_value(), self.birthday_line(), list(self.tenders)
        q = self.quote
        # a first sale reaching the joining threshold: ask now, so sale and membership are one transaction
        enrol = bool(q is not None and q.qualifies_to_join and not self.quote_error
                     and after_checkout.offer_enrolment(self, self.ops, self.customer_name,
                                                        q.priced.amount_due_fen))
        outcome = self.ops.run(
            self, lambda: self.shop.sales.checkout(staff, visit_id, tenders, points=points, birthday_line_id=birthday,
                                                   enrol=enrol, enrol_consent=enrol),
            changes={VISITS, SALES, CUSTOMERS}, show=self.error.setText)
        if outcome.ok:
            self.receipt = outcome.value
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in METHOD_KEYS:
            self.take_payment(METHOD_KEYS[Qt.Key(key)])
            return
        if key == CARD_KEY:
            self.take_card()
            return
        if key == warning_strips.FREE_SERVICE_KEY:
            self.next_birthday_choice()
            return
        if key == warning_strips.GIFT_KEY:
            self.give_gift()
            return
        if key == Qt.Key.Key_Delete and self.payments_view.hasFocus():
            self.remove_payment()
            return
        super().keyPressEvent(event)

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, visit_id: int) -> ReceiptRecord | None:
        dialog = cls(ops, visit_id, parent)
        dialog.exec()
        return dialog.receipt


# the stored-value card has its own key (F6), shown once the counter knows the customer's balance
assert set(METHOD_KEYS.values()) == set(METHODS) - {STORED_VALUE}
