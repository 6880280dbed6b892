"""What the appointment book tells about a customer wherever their file is shown: their no-shows."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from . import labels
from .ops import Ops


class NoShowFlag(QLabel):
    """“爽约 2 次（最近 2026-11-03）” beside the customer's name; hidden when they always came."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("no_show_flag")
        self.setStyleSheet("color: #ffffff; background: #57534e; padding: 2px 6px; font-weight: bold;")
        self.customer_id: int | None = None
        self.hide()
        ops.changed.connect(self._changed)

    def _changed(self, scopes: frozenset) -> None:
        if "appointments" in scopes and self.customer_id is not None:     # a no-show marked on the book
            self.show_for(self.customer_id)

    def show_for(self, customer_id: int | None) -> None:
        self.customer_id = customer_id
        found = None
        if customer_id is not None:
            found = self.ops.query(self, lambda: self.ops.shop.appointments.no_shows_of(self.ops.staff, customer_id))
        if found is None or not found.count:
            self.clear()
            self.hide()
            return
        self.setText(self.tr("No-shows: {count} (last {day})").format(
            count=found.count, day=labels.when(found.last.date()) if found.last else ""))
        self.setToolTip(self.tr("Booked and did not come {count} times: confirm the booking the day before.")
                        .format(count=found.count))
        self.show()
