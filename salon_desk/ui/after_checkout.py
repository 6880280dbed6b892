"""Around a checkout: the enrolment offer before the sale is stored (so the sale and the
membership are one transaction), and the receipt step after it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..records import ReceiptRecord
from . import labels, receipt_step
from .ops import Ops


class EnrolOfferDialog(QDialog):
    """一次性消费满500元: ask the customer; they must agree (the consent box)."""

    def __init__(self, name: str, paid_fen: int, threshold_fen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Offer membership"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "{name} paid {paid} in one sale, reaching {threshold}: they can join as a Regular member "
            "(member discount from the next sale, points from this one).\n\nAsk the customer.").format(
                name=name, paid=labels.money(paid_fen),
                threshold=labels.money(threshold_fen)))
        text.setWordWrap(True)
        layout.addWidget(text)
        self.consent = QCheckBox(self.tr("The customer agrees to join and to the membership terms"))
        self.consent.setObjectName("consent")
        layout.addWidget(self.consent)
        buttons = QDialogButtonBox()
        self.join = buttons.addButton(self.tr("Join"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Not now"), QDialogButtonBox.ButtonRole.RejectRole)
        self.join.setEnabled(False)
        self.consent.toggled.connect(self.join.setEnabled)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, name: str, paid_fen: int, threshold_fen: int) -> bool:
        """True when the customer agreed (consent ticked and Join pressed)."""
        dialog = cls(name, paid_fen, threshold_fen, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.consent.isChecked()


def offer_enrolment(parent: QWidget | None, ops: Ops, name: str, paid_fen: int) -> bool:
    """Before the sale is stored: ask whether the customer joins (一次性消费满500元)."""
    return EnrolOfferDialog.ask(parent, name, paid_fen, ops.shop.settings.value("membership.join_threshold_fen"))


def finish_sale(parent: QWidget | None, ops: Ops, receipt: ReceiptRecord) -> ReceiptRecord:
    """The receipt step after a stored sale; returns the receipt."""
    receipt_step.run_receipt_step(parent, ops.shop, receipt)
    return receipt
