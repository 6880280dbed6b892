"""The receipt step after a checkout or a reprint: THE one hook the printing issue replaces.

Today it shows the receipt summary dialog. The printing engineer swaps
the body of :func:`run_receipt_step` for preview / print / save as PDF
(``salon_desk.reports``); callers never change.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ..records import ReceiptRecord
from .receipt_summary import ReceiptSummaryDialog


def run_receipt_step(parent: QWidget | None, shop, receipt: ReceiptRecord, reprint: bool = False) -> None:
    """Show (later: print) ``receipt``. ``reprint`` marks a copy (重印)."""
    ReceiptSummaryDialog.ask(parent, receipt, reprint=reprint)
