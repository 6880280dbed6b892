"""项目与员工 (owner): services and products with prices, flags and stock; staff with roles and passwords."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLineEdit, QPushButton, QSpinBox, QTabWidget,
    QWidget,
)

from ..db.catalogue import SERVICE_CATEGORIES
from ..errors import SalonError
from ..money import parse_yuan
from ..roles import Perm, Role
from . import errors_text, labels
from .ops import CATALOGUE, STAFF, Ops
from .record_models import CatalogueModel, StaffModel
from .working_hours import show_working_hours
from .widgets import TextPrompt, current_record, error_label, make_table, select_row


class _ListEditor(QWidget):
    """A table of records on the left, the chosen one's form on the right."""

    def _assemble(self, box: QGroupBox, form: QFormLayout, side_buttons: list[QPushButton],
                  save_button: QPushButton) -> None:
        form.addRow(self.error)
        buttons = QHBoxLayout()
        for button in side_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(save_button)
        form.addRow(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.view, 3)
        layout.addWidget(box, 2)

    def _fetch(self) -> list:
        raise NotImplementedError

    def _current_id(self) -> int | None:
        raise NotImplementedError

    def reload(self) -> None:
        """Refill the table and keep the chosen record chosen."""
        keep = self._current_id()
        rows = self._fetch()
        self.model.set_rows(rows)
        ids = [r.id for r in rows]
        select_row(self.view, ids.index(keep) if keep in ids else 0)
        self.chosen()

    def chosen(self) -> None:
        self.load(current_record(self.view))


class ItemsTab(_ListEditor):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.model = CatalogueModel(self)
        self.view = make_table(self.model, stretch=CatalogueModel.NAME)
        self.view.setObjectName("catalogue")
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.chosen())
        self.kind = QComboBox()
        for code in ("service", "product"):
            self.kind.addItem(labels.kind_name(code), code)
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_state())
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.category = QComboBox()
        for code in SERVICE_CATEGORIES:
            self.category.addItem(labels.category_name(code), code)
        self.price = QLineEdit()
        self.price.setObjectName("price")
        self.price.setPlaceholderText("168.00")
        self.duration = QSpinBox()
        self.duration.setRange(0, 600)
        self.duration.setSuffix(self.tr(" min"))
        self.care_tip = QLineEdit()      # 到店小贴士: said in tomorrow's booking reminder
        self.care_tip.setObjectName("care_tip")
        self.care_tip.setMaxLength(200)
        self.care_tip.setPlaceholderText(self.tr("e.g. do not wash your hair the day before"))
        self.discount = QCheckBox(self.tr("Member discount applies"))
        self.active = QCheckBox(self.tr("Offered (active)"))
        self.stock = QSpinBox()
        self.stock.setRange(0, 100_000)
        self.low = QSpinBox()
        self.low.setRange(0, 100_000)
        self.error = error_label()
        self.save_button = QPushButton(self.tr("Save item"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("New item"))
        self.new_button.clicked.connect(self.new_item)
        self.receive_button = QPushButton(self.tr("Stock received / counted…"))
        self.receive_button.clicked.connect(self.receive)
        form_box = QGroupBox(self.tr("Item"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("Kind:"), self.kind)
        form.addRow(self.tr("Code:"), self.code)
        form.addRow(self.tr("Item name:"), self.name)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Price (yuan):"), self.price)
        form.addRow(self.tr("Usual duration:"), self.duration)
        form.addRow(self.tr("Care tip (in the reminder):"), self.care_tip)
        form.addRow("", self.discount)
        form.addRow("", self.active)
        form.addRow(self.tr("Opening stock:"), self.stock)
        form.addRow(self.tr("Low-stock warning at:"), self.low)
        self._assemble(form_box, form, [self.new_button, self.receive_button], self.save_button)
        self.item = None
        self.reload()

    def _fetch(self) -> list:
        return self.shop.catalogue.items(self.ops.staff, include_inactive=True)

    def _current_id(self) -> int | None:
        return self.item.id if self.item else None

    def load(self, item) -> None:
        self.item = item
        self.error.clear()
        self.kind.setCurrentIndex(max(0, self.kind.findData(item.kind if item else "service")))
        self.kind.setEnabled(item is None)
        self.code.setText(item.code if item else "")
        self.code.setReadOnly(item is not None)
        self.name.setText(item.name if item else "")
        if item is not None and item.kind == "service":
            self.category.setCurrentIndex(max(0, self.category.findData(item.category)))
        self.price.setText(labels.money(item.price_fen)[1:] if item else "")
        self.duration.setValue(item.duration_min if item else 0)
        self.care_tip.setText(item.care_tip if item else "")
        self.discount.setChecked(item.member_discount if item else True)
        self.active.setChecked(item.active if item else True)
        self.stock.setValue((item.stock or 0) if item else 0)
        self.low.setValue((item.low_stock_at or 0) if item else self.shop.settings.value("products.low_stock_default"))
        self._kind_state()

    def _kind_state(self) -> None:
        service = self.kind.currentData() == "service"
        self.category.setEnabled(service)
        self.duration.setEnabled(service)
        self.care_tip.setEnabled(service)
        self.stock.setEnabled(not service and self.item is None)
        self.low.setEnabled(not service)
        self.receive_button.setEnabled(not service and self.item is not None)

    def new_item(self) -> None:
        self.view.clearSelection()
        self.load(None)
        self.code.setFocus()

    def save(self) -> None:
        try:
            price = parse_yuan(self.price.text())
        except SalonError as error:
            self.error.setText(errors_text.message(error))
            return
        shop, staff = self.shop, self.ops.staff
        kind = self.kind.currentData()
        category = self.category.currentData() if kind == "service" else "product"
        if self.item is None:
            fields = dict(kind=kind, code=self.code.text(), name=self.name.text(), price_fen=price,
                          category=category, duration_min=self.duration.value(),
                          member_discount=self.discount.isChecked(), stock=self.stock.value(),
                          care_tip=self.care_tip.text() if kind == "service" else "",
                          low_stock_at=self.low.value() if kind == "product" else None)
            action = lambda: shop.catalogue.add_item(staff, **fields)  # noqa: E731
        else:
            changes = dict(name=self.name.text(), price_fen=price, category=category,
                           duration_min=self.duration.value(), member_discount=self.discount.isChecked(),
                           active=self.active.isChecked())
            if kind == "product":
                changes["low_stock_at"] = self.low.value()
            else:
                changes["care_tip"] = self.care_tip.text()
            item_id = self.item.id
            action = lambda: shop.catalogue.update_item(staff, item_id, **changes)  # noqa: E731
        outcome = self.ops.run(self, action, changes={CATALOGUE}, show=self.error.setText)
        if outcome.ok:
            self.item = outcome.value
            self.reload()

    def receive(self) -> None:
        if self.item is None:
            return
        text = TextPrompt.ask(self, self.tr("Stock"), self.tr(
            "Quantity received (negative for a counted shortage):"), "")
        if not text or not text.strip().lstrip("-").isdigit():
            return
        item_id, qty = self.item.id, int(text.strip())
        self.ops.run(self, lambda: self.shop.catalogue.receive_stock(self.ops.staff, item_id, qty, "counter"),
                     changes={CATALOGUE}, show=self.error.setText)
        self.reload()


class StaffTab(_ListEditor):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.model = StaffModel(self)
        self.view = make_table(self.model, stretch=StaffModel.NAME)
        self.view.setObjectName("staff")
        self.view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.chosen())
        self.username = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role in Role:
            self.role.addItem(labels.role_name(role.value), role.value)
        self.active = QCheckBox(self.tr("Active (can log in, appears on visits)"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 6 characters"))
        self.error = error_label()
        self.save_button = QPushButton(self.tr("Save staff member"))
        self.save_button.clicked.connect(self.save)
        self.new_button = QPushButton(self.tr("New staff member"))
        self.new_button.clicked.connect(self.new_staff)
        self.reset_button = QPushButton(self.tr("Reset password"))
        self.reset_button.clicked.connect(self.reset_password)
        self.hours_button = QPushButton(self.tr("Working hours…"))     # salon_desk/ui/working_hours.py
        self.hours_button.setObjectName("working_hours_button")
        self.hours_button.clicked.connect(
            lambda: show_working_hours(self, self.ops, self.member.id if self.member else None))
        box = QGroupBox(self.tr("Staff member"))
        form = QFormLayout(box)
        form.addRow(self.tr("Login:"), self.username)
        form.addRow(self.tr("Name on receipts:"), self.display_name)
        form.addRow(self.tr("Role:"), self.role)
        form.addRow("", self.active)
        form.addRow(self.tr("Password:"), self.password)
        self._assemble(box, form, [self.new_button, self.reset_button, self.hours_button], self.save_button)
        self.member = None
        self.reload()

    def _fetch(self) -> list:
        return self.shop.staff.roster(self.ops.staff, include_inactive=True)

    def _current_id(self) -> int | None:
        return self.member.id if self.member else None

    def load(self, member) -> None:
        self.member = member
        self.error.clear()
        self.username.setText(member.username if member else "")
        self.username.setReadOnly(member is not None)
        self.display_name.setText(member.display_name if member else "")
        self.role.setCurrentIndex(max(0, self.role.findData(member.role if member else "technician")))
        self.active.setChecked(member.active if member else True)
        self.active.setEnabled(member is not None)
        self.password.clear()
        self.password.setEnabled(member is None)
        self.reset_button.setEnabled(member is not None)

    def new_staff(self) -> None:
        self.view.clearSelection()
        self.load(None)
        self.username.setFocus()

    def save(self) -> None:
        shop, staff = self.shop, self.ops.staff
        name, role = self.display_name.text(), self.role.currentData()
        if self.member is None:
            username, password = self.username.text(), self.password.text()
            action = lambda: shop.staff.create(staff, username=username, display_name=name,  # noqa: E731
                                               role=role, password=password)
        else:
            member_id, active = self.member.id, self.active.isChecked()
            action = lambda: shop.staff.update(staff, member_id, display_name=name, role=role,  # noqa: E731
                                               active=active)
        outcome = self.ops.run(self, action, changes={STAFF}, show=self.error.setText)
        if outcome.ok:
            self.member = outcome.value
            self.reload()

    def reset_password(self) -> None:
        if self.member is None:
            return
        text = TextPrompt.ask(self, self.tr("Reset password"),
                              self.tr("New password for {name}:").format(name=self.member.display_name))
        if text:
            member_id = self.member.id
            self.ops.run(self, lambda: self.shop.staff.reset_password(self.ops.staff, member_id, text),
                         show=self.error.setText)


class CataloguePage(QTabWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = ItemsTab(ops)
        self.staff = StaffTab(ops)
        if ops.can(Perm.CATALOGUE):
            self.addTab(self.items, self.tr("Services and products"))
        if ops.can(Perm.STAFF):
            self.addTab(self.staff, self.tr("Staff"))
        if ops.can(Perm.CATALOGUE):
            from .gifts import GiftListBox
            self.gifts = GiftListBox(ops)
            self.addTab(self.gifts, self.tr("Gifts for points"))
