"""Gifts for points (积分兑换礼品): the member chooses a gift, the points leave the ledger.

The redemption itself is the core's (``shop.points.redeem_gift``: a member only, never
more than the balance, one ledger row and an audit entry); this dialog shows the gift
list with the points each costs against the member's balance, and the owner's tab on the
catalogue page keeps the list.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from .ops import CUSTOMERS, Ops
from .widgets import Confirm, error_label


class GiftRedemptionDialog(QDialog):
    """The gift list against the balance; ↑/↓ choose, Enter redeems (after a confirmation), Esc leaves."""

    def __init__(self, ops: Ops, customer_id: int, customer_name: str, balance: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.customer_id = customer_id
        self.customer_name = customer_name
        self.balance = balance
        self.new_balance: int | None = None
        self.setWindowTitle(self.tr("Gifts for points"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self.tr("{name} has {points} points. Choose a gift:").format(
            name=customer_name, points=balance))
        self.heading.setObjectName("heading")
        layout.addWidget(self.heading)
        self.list = QListWidget()
        self.list.setObjectName("gifts")
        gifts = ops.query(self, lambda: ops.shop.catalogue.gifts(ops.staff), default=[]) or []
        for gift_id, name, points in gifts:
            item = QListWidgetItem(self.tr("{name} — {points} points").format(name=name, points=points))
            item.setData(Qt.ItemDataRole.UserRole, (gift_id, name, points))
            if points > balance:           # shown, so the customer knows what to save for; not chosen
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
                item.setText(self.tr("{name} — {points} points (not enough points)").format(name=name, points=points))
            self.list.addItem(item)
        if not gifts:
            self.list.addItem(QListWidgetItem(self.tr("The gift list is empty: the owner adds gifts under "
                                                      "Catalogue and staff → Gifts for points.")))
        first = next((i for i in range(self.list.count())
                      if self.list.item(i).flags() & Qt.ItemFlag.ItemIsSelectable
                      and self.list.item(i).data(Qt.ItemDataRole.UserRole)), None)
        if first is not None:
            self.list.setCurrentRow(first)
        layout.addWidget(self.list, 1)
        self.error = error_label()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Redeem (Enter)"))
        self.ok.setEnabled(first is not None)
        buttons.accepted.connect(self.redeem)
        buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.redeem())
        layout.addWidget(buttons)
        self.list.setFocus()

    def chosen(self) -> tuple[int, str, int] | None:
        item = self.list.currentItem()
        if item is None or not (item.flags() & Qt.ItemFlag.ItemIsSelectable):
            return None
        data = item.data(Qt.ItemDataRole.UserRole)
        return tuple(data) if data else None  # type: ignore[return-value]

    def redeem(self) -> None:
        gift = self.chosen()
        if gift is None:
            return
        gift_id, name, points = gift
        if not Confirm.ask(self, self.tr("Gifts for points"),
                           self.tr("Give {name} “{gift}” for {points} points?").format(
                               name=self.customer_name, gift=name, points=points)):
            return
        outcome = self.ops.run(self, lambda: self.ops.shop.points.redeem_gift(self.ops.staff, self.customer_id,
                                                                                gift_id),
                               changes={CUSTOMERS}, show=self.error.setText)
        if outcome.ok:
            self.new_balance = outcome.value
            self.accept()


class GiftListBox(QGroupBox):
    """The owner's gift list: name and points price; added gifts are offered at once."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Gifts for points"))
        self.ops = ops
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("gift_list")
        layout.addWidget(self.list, 1)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("gift_name")
        self.points = QSpinBox()
        self.points.setObjectName("gift_points")
        self.points.setRange(0, 1_000_000)
        self.points.setSingleStep(100)
        self.points.setSuffix(self.tr(" points"))
        row = QHBoxLayout()
        row.addWidget(self.name, 2)
        row.addWidget(self.points, 1)
        self.add = QPushButton(self.tr("Add gift"))
        self.add.setObjectName("add_gift")
        self.add.clicked.connect(self.add_gift)
        row.addWidget(self.add)
        form.addRow(self.tr("New gift:"), row)
        layout.addLayout(form)
        self.error = error_label()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for _gift_id, name, points in self.ops.query(self, lambda: self.ops.shop.catalogue.gifts(self.ops.staff),
                                                     default=[]) or []:
            self.list.addItem(self.tr("{name} — {points} points").format(name=name, points=points))

    def add_gift(self) -> None:
        name, points = self.name.text(), self.points.value()
        outcome = self.ops.run(self, lambda: self.ops.shop.catalogue.add_gift(self.ops.staff, name, points),
                               show=self.error.setText)
        if outcome.ok:
            self.error.clear()
            self.name.clear()
            self.points.setValue(0)
            self.reload()
