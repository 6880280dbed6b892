"""Which visits the printed visit record (到店记录) holds: all of them, or those between two dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QRadioButton, QVBoxLayout, QWidget,
)

from .widgets import error_label

Range = tuple[date | None, date | None]


class VisitRangeDialog(QDialog):
    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print visit record"))
        layout = QVBoxLayout(self)
        self.all_visits = QRadioButton(self.tr("All visits"))
        self.all_visits.setObjectName("all_visits")
        self.between = QRadioButton(self.tr("Only the visits between these dates:"))
        self.between.setObjectName("between")
        self.all_visits.setChecked(True)
        layout.addWidget(self.all_visits)
        layout.addWidget(self.between)
        box = QGroupBox()
        form = QFormLayout(box)
        self.start = self._date_edit(date(today.year - 1, today.month, 1))
        self.start.setObjectName("start")
        self.end = self._date_edit(today)
        self.end.setObjectName("end")
        form.addRow(self.tr("From:"), self.start)
        form.addRow(self.tr("To:"), self.end)
        layout.addWidget(box)
        box.setEnabled(False)
        self.between.toggled.connect(box.setEnabled)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _date_edit(day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def chosen(self) -> Range:
        if self.all_visits.isChecked():
            return None, None
        return self.start.date().toPython(), self.end.date().toPython()

    def confirm(self) -> None:
        start, end = self.chosen()
        if start and end and start > end:
            self.error.setText(self.tr("The start date is after the end date."))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, today: date) -> Range | None:
        """(start, end) — (None, None) for every visit — or None when cancelled. Tests monkeypatch this."""
        dialog = cls(today, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
