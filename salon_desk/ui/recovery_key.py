"""The encryption recovery key in the window: shown once to the owner at set-up, and typed in
when this computer keeps no key for an encrypted shop file (a new PC, a restored backup)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..errors import SalonError
from ..keystore import normalise_recovery_key
from . import errors_text
from .widgets import error_label


class RecoveryKeyNotice(QDialog):
    """Shown once after set-up: the owner writes the key down or prints this window."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery key"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "The shop file is encrypted: a stolen computer's file or backup cannot be read. This computer "
            "keeps the key, so nobody needs to type it at the start of the day.\n\nWrite this recovery key "
            "down and keep it away from the computer. It is needed to open the shop file or a backup on "
            "another computer. It is shown only now."))
        text.setWordWrap(True)
        layout.addWidget(text)
        shown = QLabel(key)
        shown.setObjectName("recovery_key")
        font = QFont("monospace")
        font.setPointSize(16)
        shown.setFont(font)
        shown.setTextInteractionFlags(shown.textInteractionFlags() | shown.textInteractionFlags().TextSelectableByMouse)
        layout.addWidget(shown)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    @classmethod
    def show_once(cls, parent: QWidget | None, key: str) -> None:
        cls(key, parent).exec()


class RecoveryKeyDialog(QDialog):
    """Type the owner's recovery key; the key is checked for typing mistakes before it is tried."""

    def __init__(self, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key: str | None = None
        self.setWindowTitle(self.tr("Encrypted shop file"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr("The shop file {path} is encrypted and this computer keeps no key for it. "
                              "Type the owner's recovery key:").format(path=path))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.entry = QLineEdit()
        self.entry.setObjectName("recovery_key")
        self.entry.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        layout.addWidget(self.entry)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.try_key)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def try_key(self) -> None:
        try:
            self.key = normalise_recovery_key(self.entry.text())
        except SalonError as error:
            self.error.setText(errors_text.message(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, path: str) -> str | None:
        dialog = cls(path, parent)
        return dialog.key if dialog.exec() == QDialog.DialogCode.Accepted else None
