"""The counter's quick new-customer form: name, phone, consent; the rest optional."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget,
)

from ..db.customers import GENDERS, CustomerDetails
from ..errors import SalonError
from ..phone import check_phone
from ..records import CustomerFile
from . import labels
from .ops import CUSTOMERS, Ops
from .widgets import error_label


class QuickCustomerDialog(QDialog):
    def __init__(self, ops: Ops, phone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.created: CustomerFile | None = None
        self.setWindowTitle(self.tr("New customer"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit()
        self.name.setObjectName("name")
        self.phone = QLineEdit(phone)
        self.phone.setObjectName("phone")
        self.gender = QComboBox()
        for code in GENDERS:
            self.gender.addItem(labels.gender_name(code), code)
        self.month = QSpinBox()
        self.month.setRange(0, 12)
        self.month.setSpecialValueText("—")
        self.day = QSpinBox()
        self.day.setRange(0, 31)
        self.day.setSpecialValueText("—")
        birthday = QHBoxLayout()
        birthday.addWidget(self.month)
        birthday.addWidget(QLabel(self.tr("month")))
        birthday.addWidget(self.day)
        birthday.addWidget(QLabel(self.tr("day")))
        birthday.addStretch(1)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("e.g. osmanthus tea, wants a blanket"))
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Mobile phone:"), self.phone)
        form.addRow(self.tr("Gender:"), self.gender)
        form.addRow(self.tr("Birthday:"), birthday)
        form.addRow(self.tr("Preferences:"), self.tags)
        layout.addLayout(form)
        self.keep = QCheckBox(self.tr("Agrees that the shop keeps a customer file (required)"))
        self.keep.setObjectName("consent_keep")
        self.keep.setChecked(False)     # ticked by the cashier when the customer agrees (PIPL)
        self.marketing = QCheckBox(self.tr("Agrees to marketing messages"))
        layout.addWidget(self.keep)
        layout.addWidget(self.marketing)
        self.warning = QLabel()
        self.warning.setStyleSheet("color: #a15c00;")
        layout.addWidget(self.warning)
        self.error = error_label()
        self.error.setObjectName("error")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save and check in"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.phone.textChanged.connect(self.check_phone)
        self.name.setFocus()

    def check_phone(self, text: str) -> None:
        try:
            mainland = check_phone(text).is_mainland
        except SalonError:
            mainland = True   # not a number yet: the core says so on saving
        self.warning.setText("" if mainland else self.tr(
            "Not a mainland mobile number (11 digits starting with 1); it can still be saved."))

    def details(self) -> CustomerDetails:
        month, day = self.month.value() or None, self.day.value() or None
        tags = [t for t in self.tags.text().replace("，", ",").replace("、", ",").split(",") if t.strip()]
        return CustomerDetails(name=self.name.text(), phone=self.phone.text(), gender=self.gender.currentData(),
                               birth_month=month, birth_day=day, tags=tags)

    def save(self) -> None:
        details = self.details()
        outcome = self.ops.run(self, lambda: self.ops.shop.customers.register(
            self.ops.staff, details, consent_keep_file=self.keep.isChecked(),
            consent_marketing=self.marketing.isChecked()), changes={CUSTOMERS}, show=self.error.setText)
        if outcome.ok:
            self.created = outcome.value
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, phone: str = "") -> CustomerFile | None:
        dialog = cls(ops, phone, parent)
        dialog.exec()
        return dialog.created
