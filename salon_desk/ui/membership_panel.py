"""One customer's membership: tier, member no., spend, the points ledger; the owner's manual changes."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ..membership import TIER_ORDER
from ..records import CustomerFile
from ..roles import Perm
from . import labels
from .ops import CUSTOMERS, Ops
from .record_models import PointsHistoryModel
from .widgets import Confirm, TextPrompt, big_label, error_label, make_table


class MembershipPanel(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.file: CustomerFile | None = None
        layout = QVBoxLayout(self)
        self.summary = big_label("", 13)
        self.summary.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.detail)
        self.model = PointsHistoryModel(self)
        self.view = make_table(self.model, stretch=PointsHistoryModel.REASON)
        self.view.setObjectName("points_history")
        layout.addWidget(self.view, 1)
        self.gift_button = QPushButton(self.tr("Gifts for points… (Ctrl+G)"))
        self.gift_button.setObjectName("redeem_gift")
        self.gift_button.clicked.connect(self.redeem_gift)
        self.gift_button.setVisible(ops.can(Perm.COUNTER))
        QShortcut(QKeySequence("Ctrl+G"), self, self.redeem_gift)
        # the birthday gift without a visit open: a customer may drop by only to collect it
        self.birthday_button = QPushButton(self.tr("Give the birthday gift… (F11)"))
        self.birthday_button.setObjectName("birthday_gift")
        self.birthday_button.clicked.connect(self.give_birthday_gift)
        self.birthday_button.setVisible(False)
        self.birthday_gift_due = False
        QShortcut(QKeySequence("F11"), self, self.give_birthday_gift)
        gifts_row = QHBoxLayout()
        gifts_row.addWidget(self.gift_button)
        gifts_row.addWidget(self.birthday_button)
        gifts_row.addStretch(1)
        layout.addLayout(gifts_row)
        self.error = error_label()
        self.error.setObjectName("error")

        owner = QGroupBox(self.tr("Owner"))
        form = QFormLayout(owner)
        self.points = QSpinBox()
        self.points.setObjectName("adjust_points")
        self.points.setRange(-1_000_000, 1_000_000)
        self.points_reason = QLineEdit()
        self.points_reason.setObjectName("adjust_reason")
        self.points_reason.setPlaceholderText(self.tr("reason (required)"))
        adjust = QPushButton(self.tr("Adjust points"))
        adjust.setObjectName("adjust")
        adjust.clicked.connect(self.adjust_points)
        row = QHBoxLayout()
        row.addWidget(self.points)
        row.addWidget(self.points_reason, 1)
        row.addWidget(adjust)
        form.addRow(self.tr("Points:"), row)
        self.tier = QComboBox()
        for code in TIER_ORDER:
            self.tier.addItem(labels.tier_name(code), code)
        set_tier = QPushButton(self.tr("Set tier…"))
        set_tier.clicked.connect(self.set_tier)
        self.enrol_button = QPushButton(self.tr("Enrol as member…"))
        self.enrol_button.clicked.connect(self.enrol)
        self.reinstate_button = QPushButton(self.tr("Reinstate lapsed membership…"))
        self.reinstate_button.clicked.connect(self.reinstate)
        row2 = QHBoxLayout()
        row2.addWidget(self.tier)
        row2.addWidget(set_tier)
        row2.addWidget(self.enrol_button)
        row2.addWidget(self.reinstate_button)
        row2.addStretch(1)
        form.addRow(self.tr("Tier:"), row2)
        owner.setVisible(ops.can(Perm.MANUAL_POINTS) or ops.can(Perm.MANUAL_TIER))
        layout.addWidget(owner)
        layout.addWidget(self.error)

    def load(self, file: CustomerFile | None) -> None:
        self.file = file
        self.error.clear()
        if file is None:
            self.summary.setText("")
            self.detail.setText("")
            self.model.set_rows([])
            return
        m = file.member
        if m is None:
            self.summary.setText(self.tr("Not a member · {points} points").format(points=file.points))
            self.detail.setText("")
        else:
            state = labels.tier_name(m.tier) if m.active else self.tr("Lapsed ({tier})").format(
                tier=labels.tier_name(m.tier))
            self.summary.setText(self.tr("{tier} · No. {no} · {points} points").format(
                tier=state, no=m.member_no, points=file.points))
            detail = self.tr("Joined {joined}; paid {spend} in {visits} visits since joining.").format(
                joined=labels.when(m.joined_at.date()), spend=labels.money(m.spend_fen), visits=m.visits)
            if m.lapsed_at:
                detail += " " + self.tr("Lapsed on {when}.").format(when=labels.when(m.lapsed_at.date()))
            self.detail.setText(detail)
            self.tier.setCurrentIndex(max(0, self.tier.findData(m.tier)))
        self.gift_button.setEnabled(m is not None and m.active)
        birthday = (self.ops.query(self, lambda: self.ops.shop.birthdays.status(self.ops.staff, file.id))
                    if self.ops.can(Perm.COUNTER) else None)
        self.birthday_gift_due = bool(birthday and birthday.gift_available)
        self.birthday_button.setVisible(self.birthday_gift_due)
        self.enrol_button.setEnabled(m is None or (not m.active and m.lapsed_at is None))
        self.reinstate_button.setEnabled(m is not None and not m.active and m.lapsed_at is not None)
        self.model.set_rows(list(reversed(self.ops.shop.points.history(self.ops.staff, file.id))))

    def _run(self, action) -> None:
        if self.ops.run(self, action, changes={CUSTOMERS}, show=self.error.setText).ok:
            self.load(self.ops.shop.customers.file(self.ops.staff, self.file.id))

    def adjust_points(self) -> None:
        if self.file is None:
            return
        cid, points, reason = self.file.id, self.points.value(), self.points_reason.text()
        self._run(lambda: self.ops.shop.points.adjust(self.ops.staff, cid, points, reason))
        if not self.error.text():
            self.points.setValue(0)
            self.points_reason.clear()

    def redeem_gift(self) -> None:
        """积分兑换礼品: the gift list against the balance; the points leave the ledger."""
        from .gifts import GiftRedemptionDialog
        file = self.file
        if file is None or file.member is None or not file.member.active or not self.ops.can(Perm.COUNTER):
            return
        dialog = GiftRedemptionDialog(self.ops, file.id, file.name, file.points, self)
        if dialog.exec() == GiftRedemptionDialog.DialogCode.Accepted:
            self.load(self.ops.shop.customers.file(self.ops.staff, file.id))

    def give_birthday_gift(self) -> None:
        """The year's birthday gift, chosen from the gift list and confirmed (audited by the core)."""
        from . import warning_strips
        file = self.file
        if file is None or not self.birthday_gift_due:
            return
        if warning_strips.give_birthday_gift(self, self.ops, file.id, file.name):
            self.load(self.ops.shop.customers.file(self.ops.staff, file.id))

    def set_tier(self) -> None:
        if self.file is None:
            return
        reason = TextPrompt.ask(self, self.tr("Set tier"), self.tr("Reason for setting the tier by hand:"))
        if reason is None:
            return
        cid, tier = self.file.id, self.tier.currentData()
        self._run(lambda: self.ops.shop.members.set_tier(self.ops.staff, cid, tier, reason))

    def enrol(self) -> None:
        if self.file is None:
            return
        if Confirm.ask(self, self.tr("Enrol as member"),
                       self.tr("Has {name} agreed to join as a member?").format(name=self.file.name)):
            cid = self.file.id
            self._run(lambda: self.ops.shop.members.enrol(self.ops.staff, cid, consent=True))

    def reinstate(self) -> None:
        if self.file is None:
            return
        reason = TextPrompt.ask(self, self.tr("Reinstate membership"), self.tr("Reason:"))
        if reason is not None:
            cid = self.file.id
            self._run(lambda: self.ops.shop.members.reinstate(self.ops.staff, cid, reason))
