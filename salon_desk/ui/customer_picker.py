"""Choosing another customer (the referrer, the file to merge): search as you type, Enter picks."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..records import CustomerSummary
from .counter_models import CustomerTableModel
from .ops import Ops
from .widgets import SearchField, current_record, make_table, select_row


class CustomerPickerDialog(QDialog):
    def __init__(self, ops: Ops, title: str, exclude_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.exclude_id = exclude_id
        self.chosen: CustomerSummary | None = None
        self.setWindowTitle(title)
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Phone tail, phone, name or pinyin initials:")))
        self.search = SearchField()
        self.model = CustomerTableModel(self)
        self.view = make_table(self.model, stretch=CustomerTableModel.NAME)
        self.view.doubleClicked.connect(lambda _i: self.pick())
        self.search.steer(self.view)
        self.search.textChanged.connect(self.find)
        self.search.activated.connect(self.pick)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.pick)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.search.setFocus()

    def find(self, text: str) -> None:
        rows = []
        if text.strip():
            rows = self.ops.query(self, lambda: self.ops.shop.customers.find(self.ops.staff, text.strip()),
                                  default=[]) or []
        self.model.set_rows([r for r in rows if r.id != self.exclude_id])
        select_row(self.view, 0)

    def pick(self) -> None:
        self.chosen = current_record(self.view)
        if self.chosen is not None:
            self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, ops: Ops, title: str, exclude_id: int | None = None) -> CustomerSummary | None:
        dialog = cls(ops, title, exclude_id, parent)
        dialog.exec()
        return dialog.chosen
