"""Logging in: staff name and password; the demo shop shows its logins."""

from __future__ import annotations

from typing import Sequence

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from ..errors import SalonError
from ..records import StaffInfo
from . import errors_text, labels
from .recovery_key import RecoveryKeyNotice
from .widgets import big_label, error_label


class LoginDialog(QDialog):
    def __init__(self, shop, demo_logins: Sequence[tuple[str, str, str]] = (), username: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.staff: StaffInfo | None = None
        shop_name = shop.settings.value("shop.name") or "salon-desk"
        self.setWindowTitle(self.tr("Log in — {shop}").format(shop=shop_name))
        layout = QVBoxLayout(self)
        layout.addWidget(big_label(shop_name, 18))
        form = QFormLayout()
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Staff login:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        if demo_logins:
            layout.addWidget(self._demo_box(demo_logins))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _demo_box(self, logins: Sequence[tuple[str, str, str]]) -> QGroupBox:
        box = QGroupBox(self.tr("Demo shop — click a login to fill it in"))
        col = QVBoxLayout(box)
        for user, password, role in logins:
            button = QPushButton(f"{labels.role_name(role)}:  {user} / {password}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, u=user, p=password: self.fill(u, p))
            col.addWidget(button)
        return box

    def fill(self, username: str, password: str) -> None:
        self.username.setText(username)
        self.password.setText(password)
        self.password.setFocus()

    def try_login(self) -> None:
        try:
            self.staff = self.shop.staff.login(self.username.text(), self.password.text())
        except SalonError as error:
            self.error.setText(errors_text.message(error))
            self.password.selectAll()
            self.password.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, shop, demo_logins: Sequence[tuple[str, str, str]] = (),
            username: str = "") -> StaffInfo | None:
        dialog = cls(shop, demo_logins, username, parent)
        return dialog.staff if dialog.exec() == QDialog.DialogCode.Accepted else None


class SetupDialog(QDialog):
    """First run: the shop's details and the owner's account."""

    def __init__(self, shop, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.staff: StaffInfo | None = None
        self.setWindowTitle(self.tr("Set up your shop"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Welcome to salon-desk. Enter your shop's details and the owner's "
                               "account; everything can be changed later in Settings."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.shop_name = QLineEdit()
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.footer = QLineEdit(shop.settings.value("receipt.footer"))
        self.owner_name = QLineEdit()
        self.username = QLineEdit("owner")
        self.password = QLineEdit()
        self.password2 = QLineEdit()
        for field in (self.password, self.password2):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Shop name:"), self.shop_name)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("Receipt footer:"), self.footer)
        form.addRow(self.tr("Owner's name:"), self.owner_name)
        form.addRow(self.tr("Owner's login:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.password2)
        layout.addLayout(form)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_setup)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_setup(self) -> None:
        if self.password.text() != self.password2.text():
            self.error.setText(self.tr("The two passwords differ."))
            return
        try:
            self.staff = self.shop.staff.setup(
                shop_name=self.shop_name.text(), owner_username=self.username.text(),
                owner_password=self.password.text(), owner_display_name=self.owner_name.text(),
                address=self.address.text(), phone=self.phone.text(), receipt_footer=self.footer.text())
        except SalonError as error:
            self.error.setText(errors_text.message(error))
            return
        if getattr(self.shop, "recovery_key", None):      # a new encrypted file: the owner notes the key
            RecoveryKeyNotice.show_once(self, self.shop.recovery_key)
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, shop) -> StaffInfo | None:
        dialog = cls(shop, parent)
        return dialog.staff if dialog.exec() == QDialog.DialogCode.Accepted else None
