"""What follows a checkout: the enrolment offer when the sale qualifies, then the receipt step."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..records import ReceiptRecord
from . import labels, receipt_step
from .ops import CUSTOMERS, SALES, Ops


class EnrolOfferDialog(QDialog):
    """一次性消费满500元: ask the customer; they must agree (the consent box)."""

    def __init__(self, receipt: ReceiptRecord, threshold_fen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Offer membership"))
        layout = QVBoxLayout(self)
        text = QLabel(self.tr(
            "{name} paid {paid} in one sale, reaching {threshold}: they can join as a Regular member "
            "(member discount from the next sale, points from this one).\n\nAsk the customer.").format(
                name=receipt.customer_name or "", paid=labels.money(receipt.amount_due_fen),
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
    def ask(cls, parent: QWidget | None, receipt: ReceiptRecord, threshold_fen: int) -> bool:
        """True when the customer agreed (consent ticked and Join pressed)."""
        dialog = cls(receipt, threshold_fen, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted and dialog.consent.isChecked()


def finish_sale(parent: QWidget | None, ops: Ops, receipt: ReceiptRecord) -> ReceiptRecord:
    """Offer enrolment if the sale qualifies, then run the receipt step; returns the final receipt."""
    shop = ops.shop
    if receipt.enrolment_offered and receipt.customer_id is not None:
        threshold = shop.settings.value("membership.join_threshold_fen")
        if EnrolOfferDialog.ask(parent, receipt, threshold):
            outcome = ops.run(parent, lambda: shop.members.enrol(
                ops.staff, receipt.customer_id, consent=True, qualifying_sale_id=receipt.sale_id),
                changes={CUSTOMERS, SALES})
            if outcome.ok:
                receipt = shop.sales.receipt(ops.staff, receipt.sale_id)
    sale_id = receipt.sale_id

    def rate(stars: int) -> bool:
        return ops.run(parent, lambda: shop.care.rate_sale(ops.staff, sale_id, stars)).ok
    receipt_step.run_receipt_step(parent, shop, receipt, rate=rate)
    return receipt
