"""上班时间 (owner): each technician's hours per weekday and days off, for the appointment book.

The week is typed as HH:MM texts and read by the core (``appointments.week_from_text``), which
refuses a bad time, a time off the quarter hour or an end before the start with a typed error;
the whole rota is stored in setting ``appointments.hours`` through the settings service, so it is
audited like every other setting. Bookings are checked against it from then on.

Keys: Alt+T the technician; Tab through the days (Space ticks "works"); Alt+D the day-off date,
Enter or Alt+A adds it, Delete removes the chosen day off; Ctrl+S (or Ctrl+Enter) saves; Esc closes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ..appointments import Rota, WorkingHours, rota_from_json, rota_to_json, week_from_text, with_hours
from ..errors import SalonError
from . import errors_text, labels
from .ops import SETTINGS, Ops
from .widgets import Confirm, error_label

HOURS_SETTING = "appointments.hours"


class WorkingHoursDialog(QDialog):
    """One technician's week at a time: tick the days worked, type start and end, list days off."""

    def __init__(self, ops: Ops, technician_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Working hours"))
        self.setObjectName("working_hours")
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.technician = QComboBox()
        self.technician.setObjectName("technician")
        people = ops.query(self, lambda: ops.shop.staff.technicians(ops.staff), default=[]) or []
        for person in people:
            self.technician.addItem(person.display_name, person.id)
        who = QLabel(self.tr("&Technician:"))
        who.setBuddy(self.technician)
        top.addWidget(who)
        top.addWidget(self.technician, 1)
        layout.addLayout(top)

        week_box = QGroupBox(self.tr("Hours each weekday (HH:MM, on the quarter hour)"))
        grid = QGridLayout(week_box)
        grid.addWidget(QLabel(self.tr("Start")), 0, 2)
        grid.addWidget(QLabel(self.tr("End")), 0, 3)
        self.works: list[QCheckBox] = []
        self.starts: list[QLineEdit] = []
        self.ends: list[QLineEdit] = []
        for weekday in range(7):
            works = QCheckBox(self.tr("works"))
            works.setObjectName(f"works{weekday}")
            start, end = QLineEdit(), QLineEdit()
            start.setObjectName(f"start{weekday}")
            end.setObjectName(f"end{weekday}")
            for edit in (start, end):
                edit.setPlaceholderText("10:00")
                edit.setMaxLength(5)
                edit.setFixedWidth(80)
                edit.returnPressed.connect(self.save)
            works.toggled.connect(lambda on, s=start, e=end: (s.setEnabled(on), e.setEnabled(on)))
            grid.addWidget(QLabel(labels.weekday_name(weekday)), weekday + 1, 0)
            grid.addWidget(works, weekday + 1, 1)
            grid.addWidget(start, weekday + 1, 2)
            grid.addWidget(end, weekday + 1, 3)
            self.works.append(works)
            self.starts.append(start)
            self.ends.append(end)
        self.copy_monday = QPushButton(self.tr("Same hours as Monday on every day worked"))
        self.copy_monday.clicked.connect(self.same_as_monday)
        grid.addWidget(self.copy_monday, 8, 0, 1, 4)
        layout.addWidget(week_box)

        off_box = QGroupBox(self.tr("Days off (leave, holidays)"))
        off = QVBoxLayout(off_box)
        self.days_off = QListWidget()
        self.days_off.setObjectName("days_off")
        self.days_off.setMaximumHeight(110)
        off.addWidget(self.days_off)
        add_row = QHBoxLayout()
        self.off_date = QDateEdit()
        self.off_date.setObjectName("off_date")
        self.off_date.setCalendarPopup(True)
        self.off_date.setDisplayFormat("yyyy-MM-dd")
        self.off_date.setDate(QDate(ops.shop.today()))
        on_label = QLabel(self.tr("&Date:"))
        on_label.setBuddy(self.off_date)
        self.add_off = QPushButton(self.tr("&Add day off"))
        self.add_off.clicked.connect(self.add_day_off)
        self.remove_off = QPushButton(self.tr("Remove day off (Del)"))
        self.remove_off.clicked.connect(self.remove_day_off)
        add_row.addWidget(on_label)
        add_row.addWidget(self.off_date)
        add_row.addWidget(self.add_off)
        add_row.addStretch(1)
        add_row.addWidget(self.remove_off)
        off.addLayout(add_row)
        layout.addWidget(off_box)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.days_off, activated=self.remove_day_off,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.off_date.installEventFilter(self)

        self.error = error_label()
        self.saved = QLabel()
        layout.addWidget(self.error)
        layout.addWidget(self.saved)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(self.tr("Save (Ctrl+S)"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)

        self.shown_index = -1                 # the technician whose hours are in the form
        self.technician.currentIndexChanged.connect(self.switch)
        if technician_id is not None and self.technician.findData(technician_id) >= 0:
            self.technician.setCurrentIndex(self.technician.findData(technician_id))
        self.load()
        self.technician.setFocus()

    # ------------------------------------------------------------ reading and showing

    def _rota(self) -> Rota:
        return rota_from_json(self.ops.shop.settings.value(HOURS_SETTING))

    def technician_id(self) -> int | None:
        value = self.technician.currentData()
        return int(value) if value is not None else None

    def form(self) -> tuple[list[tuple[str, str] | None], list[date]]:
        return self.week_texts(), self.chosen_days_off()

    def unsaved(self) -> bool:
        """Whether the form differs from what it was loaded with."""
        return self.shown_index >= 0 and self.form() != self._loaded

    def _keep_changes(self) -> bool:
        """Before the form is left: offer to save what was typed. False: stay (saving was refused)."""
        if not self.unsaved():
            return True
        name = self.technician.itemText(self.shown_index)
        if not Confirm.ask(self, self.tr("Working hours"),
                           self.tr("The hours of {name} are changed but not saved. Save them now?").format(name=name)):
            return True
        return self.save(self.shown_index)

    def switch(self, index: int) -> None:
        """Another technician chosen: keep or drop the changes of the one shown, then show theirs."""
        if index == self.shown_index:
            return
        if not self._keep_changes():
            self.technician.blockSignals(True)
            self.technician.setCurrentIndex(self.shown_index)
            self.technician.blockSignals(False)
            return
        self.load()

    def done(self, result: int) -> None:  # noqa: D102 (closing: the same question as switching)
        if self._keep_changes():
            super().done(result)

    def load(self) -> None:
        self.error.clear()
        self.saved.clear()
        self.shown_index = self.technician.currentIndex()
        tid = self.technician_id()
        hours = self._rota().of(tid) if tid is not None else WorkingHours()
        for weekday, day in enumerate(hours.week):
            self.works[weekday].setChecked(day is not None)
            self.starts[weekday].setText(labels.clock(day.opens) if day else "")
            self.ends[weekday].setText(labels.clock(day.closes) if day else "")
            self.starts[weekday].setEnabled(day is not None)
            self.ends[weekday].setEnabled(day is not None)
        self.days_off.clear()
        for day_off in sorted(hours.days_off):
            self._add_off_item(day_off)
        self._loaded = self.form()

    def _add_off_item(self, day_off: date) -> None:
        item = QListWidgetItem(f"{labels.when(day_off)} {labels.weekday_name(day_off.weekday())}")
        item.setData(Qt.ItemDataRole.UserRole, day_off)
        self.days_off.addItem(item)

    def chosen_days_off(self) -> list[date]:
        return [self.days_off.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.days_off.count())]

    # ------------------------------------------------------------ editing

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        """Enter in the day-off date adds it (rather than closing the dialog)."""
        if (watched is self.off_date and event.type() == event.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.add_day_off()
            return True
        return super().eventFilter(watched, event)

    def same_as_monday(self) -> None:
        for weekday in range(1, 7):
            if self.works[weekday].isChecked():
                self.starts[weekday].setText(self.starts[0].text())
                self.ends[weekday].setText(self.ends[0].text())

    def add_day_off(self) -> None:
        day_off = self.off_date.date().toPython()
        days = self.chosen_days_off()
        if day_off in days:
            return
        days.append(day_off)
        self.days_off.clear()
        for d in sorted(days):
            self._add_off_item(d)
        self.saved.clear()

    def remove_day_off(self) -> None:
        row = self.days_off.currentRow()
        if row >= 0:
            self.days_off.takeItem(row)
            self.saved.clear()

    def week_texts(self) -> list[tuple[str, str] | None]:
        return [(self.starts[d].text(), self.ends[d].text()) if self.works[d].isChecked() else None
                for d in range(7)]

    def save(self, index: int | None = None) -> bool:
        """Check the week in the core and store it; a refusal is shown in words and nothing stored."""
        index = self.shown_index if index is None else index
        value = self.technician.itemData(index)
        if value is None:
            return False
        tid = int(value)
        texts, days_off = self.week_texts(), self.chosen_days_off()
        shop, staff = self.ops.shop, self.ops.staff

        def store() -> None:
            hours = week_from_text(texts, days_off)
            rota = with_hours(self._rota(), tid, hours)
            shop.settings.update(staff, {HOURS_SETTING: rota_to_json(rota)})

        self.saved.clear()
        outcome = self.ops.run(self, store, changes={SETTINGS}, show=self.error.setText)
        if outcome.ok:
            self.error.clear()
            self._loaded = (texts, days_off)
            self.saved.setText(self.tr("Saved: bookings for {name} are checked against these hours.").format(
                name=self.technician.itemText(index)))
        return outcome.ok


def show_working_hours(parent: QWidget, ops: Ops, technician_id: int | None = None) -> None:
    """Open the dialog (the staff page's button)."""
    try:
        WorkingHoursDialog(ops, technician_id, parent).exec()
    except SalonError as error:          # a damaged setting: say so rather than crash
        ops.error_presenter(parent, errors_text.message(error))
