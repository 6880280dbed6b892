"""Warnings that cannot be missed: full-width strips for allergies, the birthday and an open complaint.

Shown at check-in (the visit editor) and in checkout. The birthday gift is
chosen from the gift list, confirmed, and recorded by ``shop.birthdays.give_gift``
(audited with the gift's name).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..records import BirthdayStatus
from . import labels
from .ops import CUSTOMERS, SALES, VISITS, Ops

GIFT_KEY = Qt.Key.Key_F11             # give the birthday gift (counter and checkout)
FREE_SERVICE_KEY = Qt.Key.Key_F10     # use the birthday free service (checkout)

STYLES = {
    "allergy": "background: #b00020; color: #ffffff;",
    "birthday": "background: #fce4ec; color: #880e4f; border: 2px solid #c2185b;",
    "complaint": "background: #e65100; color: #ffffff;",
}


def make_strip(kind: str, parent: QWidget | None = None) -> QLabel:
    strip = QLabel(parent)
    strip.setObjectName(f"{kind}_strip")
    strip.setWordWrap(True)
    strip.setStyleSheet(f"QLabel#{kind}_strip {{ {STYLES[kind]} font-size: 15px; font-weight: bold;"
                        " padding: 6px 10px; border-radius: 3px; }")
    strip.hide()
    return strip


def show_strip(strip: QLabel, text: str) -> None:
    strip.setText(text)
    strip.setVisible(bool(text))


def allergy_text(allergies: str | None) -> str:
    return QCoreApplication.translate("WarningStrips", "⚠ Allergies: {text}").format(text=allergies) if allergies else ""


def complaint_text(complaints) -> str:
    if not complaints:
        return ""
    overdue = any(getattr(c, "overdue", False) for c in complaints)
    return QCoreApplication.translate("WarningStrips", "⚠ Open complaint — answer overdue!") if overdue else QCoreApplication.translate("WarningStrips", "⚠ Open complaint")


def birthday_text(status: BirthdayStatus | None, is_member: bool) -> str:
    """The birthday strip's sentence; a non-member's birthday is greeted, never read as "perks used"."""
    if status is None:
        return ""
    if status.in_window:
        if not is_member:
            return QCoreApplication.translate("WarningStrips", "★ Birthday! Birthday perks are for members.")
        unused = [labels.perk_name(p) for p, ok in (("free_service", status.free_service_available),
                                                   ("gift", status.gift_available)) if ok]
        if not unused:
            return QCoreApplication.translate("WarningStrips", "★ Birthday! This year's perks have been used.")
        keys = []
        if status.free_service_available:
            keys.append(QCoreApplication.translate("WarningStrips", "F10 at checkout: free service"))
        if status.gift_available:
            keys.append(QCoreApplication.translate("WarningStrips", "F11: give the gift"))
        return QCoreApplication.translate("WarningStrips", "★ Birthday! Unused this year: {perks} ({keys})").format(
            perks="、".join(unused), keys="; ".join(keys))
    if status.days_until is not None and status.days_until <= 7:
        return QCoreApplication.translate("WarningStrips", "Birthday in {days} days").format(days=status.days_until)
    return ""


class GiftDialog(QDialog):
    """Which gift from the list is handed over; Enter confirms, Esc leaves without recording."""

    def __init__(self, gifts: list[tuple[int, str, int]], customer_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("WarningStrips", "Birthday gift"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("WarningStrips", "Hand {name} their birthday gift? It is recorded once this year.")
                                .format(name=customer_name)))
        self.gift = QComboBox()
        self.gift.setObjectName("gift")
        for gift_id, name, _points in gifts:
            self.gift.addItem(name, gift_id)
        if not gifts:
            self.gift.addItem(QCoreApplication.translate("WarningStrips", "a gift (the gift list is empty)"), None)
        layout.addWidget(self.gift)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("WarningStrips", "Give the gift"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.gift.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, gifts: list[tuple[int, str, int]], customer_name: str):
        """The chosen gift id (None: unnamed gift when the list is empty), or False when cancelled."""
        dialog = cls(gifts, customer_name, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return dialog.gift.currentData()


def give_birthday_gift(parent: QWidget, ops: Ops, customer_id: int, customer_name: str) -> bool:
    """Choose the gift, confirm, record it (audited by the core). True when recorded."""
    gifts = ops.query(parent, lambda: ops.shop.catalogue.gifts(ops.staff), default=[]) or []
    chosen = GiftDialog.ask(parent, gifts, customer_name)
    if chosen is False:
        return False
    outcome = ops.run(parent, lambda: ops.shop.birthdays.give_gift(ops.staff, customer_id, chosen),
                      changes={VISITS, CUSTOMERS, SALES})
    return outcome.ok
