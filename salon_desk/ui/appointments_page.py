"""预约: the technicians' day, the week's counts, booking, check-in, tomorrow's reminders.

The page is thin: the day view asks by signal, the page asks the appointment
service through ``ops.run`` and redraws the day; a refusal's sentence is shown
on the view, which snaps the block back.

Keys: arrows move the cursor, Enter checks in the booking under it (or books
an empty slot), N books, Ctrl+arrows move a booking, Shift+Up/Down change its
length, Delete cancels (with a reason), X marks a no-show, PageUp/PageDown
the day before/after, T today, R tomorrow's reminders, F find a customer's booking.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, QTime, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QInputDialog,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QVBoxLayout, QWidget,
)

from ..appointments import BookingInfo, Reminder
from ..records import CustomerSummary
from ..roles import Perm
from . import labels
from .counter_models import CustomerTableModel
from .day_view import DayView
from .ops import VISITS, Ops
from .widgets import Confirm, SearchField, current_record, make_table, select_row

APPOINTMENTS = "appointments"      # the scope of a change to the book


class BookingDialog(QDialog):
    """A new booking: the customer (same search as the counter) or a newcomer, the service,
    technician, start and minutes, 指定, notes. Enter in the search picks; Ctrl+Enter books."""

    def __init__(self, ops: Ops, technicians: list[tuple[int, str]], technician_id: int, start: datetime,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.customer: CustomerSummary | None = None
        self.setWindowTitle(self.tr("New booking"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Phone tail, phone, name or pinyin initials:")))
        self.search = SearchField()
        self.model = CustomerTableModel(self)
        self.results = make_table(self.model, stretch=CustomerTableModel.NAME)
        self.search.steer(self.results)
        self.search.textChanged.connect(self.find)
        self.search.activated.connect(self.pick)
        self.results.doubleClicked.connect(lambda _i: self.pick())
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        self.chosen = QLabel(self.tr("No customer chosen: a newcomer's name and phone below."))
        layout.addWidget(self.chosen)
        form = QFormLayout()
        self.newcomer_name = QLineEdit()
        self.newcomer_phone = QLineEdit()
        form.addRow(self.tr("Newcomer's name"), self.newcomer_name)
        form.addRow(self.tr("Newcomer's phone"), self.newcomer_phone)
        self.service = QComboBox()
        services = ops.query(self, lambda: ops.shop.catalogue.items(ops.staff, kind="service"), default=[]) or []
        for item in services:
            self.service.addItem(item.name, (item.id, item.duration_min or 60))
        self.service.currentIndexChanged.connect(self._usual_minutes)
        form.addRow(self.tr("Service"), self.service)
        self.technician = QComboBox()
        for tid, name in technicians:
            self.technician.addItem(name, tid)
        self.technician.setCurrentIndex(max(0, [t for t, _ in technicians].index(technician_id)
                                            if technician_id in [t for t, _ in technicians] else 0))
        form.addRow(self.tr("Technician"), self.technician)
        self.designated = QCheckBox(self.tr("Asked for this technician (指定)"))
        form.addRow("", self.designated)
        self.start = QDateTimeEdit(QDateTime(start.date(), QTime(start.hour, start.minute)))
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        form.addRow(self.tr("Start"), self.start)
        self.minutes = QSpinBox()
        self.minutes.setRange(5, 720)
        self.minutes.setSingleStep(15)
        self.minutes.setSuffix(self.tr(" min"))
        form.addRow(self.tr("Duration"), self.minutes)
        self.notes = QLineEdit()
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("booking_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Book (Ctrl+Enter)"))
        buttons.accepted.connect(self.book)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.book)
        self._usual_minutes()
        self.booked = None
        self.search.setFocus()

    def _usual_minutes(self) -> None:
        data = self.service.currentData()
        if data:
            self.minutes.setValue(int(data[1]))

    def find(self, text: str) -> None:
        rows = []
        if text.strip():
            rows = self.ops.query(self, lambda: self.ops.shop.customers.find(self.ops.staff, text.strip()),
                                  default=[]) or []
        self.model.set_rows(rows)
        select_row(self.results, 0)

    def pick(self) -> None:
        self.customer = current_record(self.results)
        if self.customer is not None:
            self.chosen.setText(self.tr("Customer: {name}").format(name=self.customer.name))
            self.service.setFocus()

    def book(self) -> None:
        data = self.service.currentData()
        if data is None:
            return
        start = self.start.dateTime().toPython().replace(second=0, microsecond=0)
        services = [(int(data[0]), int(self.technician.currentData()), start, self.minutes.value(),
                     self.designated.isChecked())]
        shop, staff = self.ops.shop, self.ops.staff
        outcome = self.ops.run(self, lambda: shop.appointments.book(
            staff, services, customer_id=self.customer.id if self.customer else None,
            newcomer_name=self.newcomer_name.text(), newcomer_phone=self.newcomer_phone.text(),
            notes=self.notes.text()), changes={APPOINTMENTS}, show=self.error.setText)
        if outcome.ok:
            self.booked = outcome.value
            self.accept()


class RemindersDialog(QDialog):
    """Tomorrow's reminders: Enter (or C) copies the message, S marks it sent."""

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.setWindowTitle(self.tr("Tomorrow's reminders"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self.show_text)
        layout.addWidget(self.list, 1)
        self.text = QLabel()
        self.text.setObjectName("reminder_text")
        self.text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text.setStyleSheet("background: #ffffff; border: 1px solid #cbd5e1; padding: 8px;")
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        copy = QPushButton(self.tr("Copy message (C)"))
        copy.clicked.connect(self.copy)
        sent = QPushButton(self.tr("Mark sent (S)"))
        sent.clicked.connect(self.mark_sent)
        row.addWidget(copy)
        row.addWidget(sent)
        layout.addLayout(row)
        QShortcut(QKeySequence("C"), self, activated=self.copy)
        QShortcut(QKeySequence("S"), self, activated=self.mark_sent)
        self.reminders: list[Reminder] = []
        self.reload()

    def reload(self) -> None:
        keep = self.list.currentRow()
        self.reminders = self.ops.query(self, lambda: self.ops.shop.appointments.reminders(self.ops.staff),
                                        default=[]) or []
        self.list.clear()
        for r in self.reminders:
            state = (self.tr("sent {when} by {who}").format(when=labels.when(r.sent_at), who=r.sent_by)
                     if r.sent_at else (self.tr("to send") if r.consent else self.tr("no contact consent")))
            self.list.addItem(QListWidgetItem(f"{r.start:%H:%M}  {r.name}  —  {state}"))
        if self.reminders:
            self.list.setCurrentRow(min(max(keep, 0), len(self.reminders) - 1))
        else:
            self.text.setText(self.tr("No bookings tomorrow."))

    def current(self) -> Reminder | None:
        row = self.list.currentRow()
        return self.reminders[row] if 0 <= row < len(self.reminders) else None

    def show_text(self, _row: int) -> None:
        r = self.current()
        if r is not None:
            self.text.setText(r.text if r.consent else self.tr("No contact consent: do not send a message."))

    def copy(self) -> None:
        r = self.current()
        if r is not None and r.consent:
            QGuiApplication.clipboard().setText(r.text)

    def mark_sent(self) -> None:
        r = self.current()
        if r is not None and r.consent:
            outcome = self.ops.run(self, lambda: self.ops.shop.appointments.mark_reminder_sent(self.ops.staff,
                                                                                              r.booking_id))
            if outcome.ok:
                self.reload()


class AppointmentsPage(QWidget):
    """The 预约 tab."""

    visit_opened = Signal(int)          # a booking was checked in: the counter shows this visit

    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.day = self.shop.today()
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.back = QPushButton(self.tr("◀ Day before (PgUp)"))
        self.back.clicked.connect(lambda: self.go(self.day - timedelta(days=1)))
        self.title = QLabel()
        self.title.setObjectName("day_title")
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.forward = QPushButton(self.tr("Day after (PgDn) ▶"))
        self.forward.clicked.connect(lambda: self.go(self.day + timedelta(days=1)))
        self.today_button = QPushButton(self.tr("Today (T)"))
        self.today_button.clicked.connect(lambda: self.go(self.shop.today()))
        bar.addWidget(self.back)
        bar.addWidget(self.title, 1, Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.today_button)
        bar.addWidget(self.forward)
        if ops.can(Perm.APPOINTMENTS):
            find = QPushButton(self.tr("Find booking (F)"))
            find.clicked.connect(self.find_booking)
            reminders = QPushButton(self.tr("Tomorrow's reminders (R)"))
            reminders.clicked.connect(self.show_reminders)
            bar.addWidget(find)
            bar.addWidget(reminders)
        layout.addLayout(bar)
        self.week = QHBoxLayout()
        self.week_buttons: list[QPushButton] = []
        for i in range(7):
            button = QPushButton()
            button.setFlat(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, i=i: self.go(self._week_start() + timedelta(days=i)))
            self.week.addWidget(button)
            self.week_buttons.append(button)
        layout.addLayout(self.week)
        self.view = DayView()
        layout.addWidget(self.view, 1)
        self.hint = QLabel(self.tr("Enter: check in / book · N: book · Ctrl+arrows: move · Shift+↑↓: length · "
                                   "Delete: cancel · X: no-show · PgUp/PgDn: days · T: today"))
        layout.addWidget(self.hint)
        self.view.move_requested.connect(self.move)
        self.view.resize_requested.connect(self.resize_booking)
        self.view.book_requested.connect(self.book)
        self.view.check_in_requested.connect(self.check_in)
        self.view.cancel_requested.connect(self.cancel)
        self.view.no_show_requested.connect(self.no_show)
        for keys, slot in (("PgUp", lambda: self.go(self.day - timedelta(days=1))),
                           ("PgDown", lambda: self.go(self.day + timedelta(days=1))),
                           ("T", lambda: self.go(self.shop.today())),
                           ("R", self.show_reminders), ("F", self.find_booking)):
            QShortcut(QKeySequence(keys), self, activated=slot,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        ops.changed.connect(self.on_changed)
        self.reload()

    # ------------------------------------------------------------ showing

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.reload()                   # the book may have changed on another tab or computer
        self.view.setFocus()

    def _week_start(self) -> date:
        return self.day - timedelta(days=self.day.weekday())

    def go(self, day: date) -> None:
        self.day = day
        self.reload()
        self.view.setFocus()

    def reload(self) -> None:
        staff, book = self.ops.staff, self.shop.appointments
        technicians = self.ops.query(self, lambda: book.technicians(staff, self.day), default=[]) or []
        bookings = self.ops.query(self, lambda: book.day(staff, self.day), default=[]) or []
        self.view.set_day(self.day, technicians, bookings, now=self.shop.now())
        weekdays = [self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                    self.tr("Sat"), self.tr("Sun")]
        today = self.shop.today()
        suffix = self.tr(" (today)") if self.day == today else ""
        self.title.setText(f"{labels.when(self.day)} {weekdays[self.day.weekday()]}{suffix}")
        first = self._week_start()
        counts = self.ops.query(self, lambda: book.week(staff, first), default={}) or {}
        for i, button in enumerate(self.week_buttons):
            day = first + timedelta(days=i)
            button.setText(self.tr("{weekday} {month}/{day}: {count}").format(
                weekday=weekdays[i], month=day.month, day=day.day, count=counts.get(day, 0)))
            button.setStyleSheet("font-weight: bold; text-decoration: underline;" if day == self.day else "")

    def on_changed(self, scopes: frozenset) -> None:
        if scopes & {APPOINTMENTS, VISITS, "sales", "staff", "settings"}:
            self.reload()

    # ------------------------------------------------------------ asking the book

    def _run(self, action, changes=frozenset({APPOINTMENTS})):
        outcome = self.ops.run(self, action, changes=changes, show=self.view.refuse)
        if outcome.ok and APPOINTMENTS not in changes:
            self.reload()
        return outcome

    def move(self, booking_id: int, technician_id: int, start: datetime) -> None:
        selected = self.view.selected_booking()
        drag = getattr(self.view, "_drag", None)
        block_info = getattr(getattr(drag, "block", None), "info", None) if drag is not None else None
        source = block_info if isinstance(block_info, BookingInfo) and block_info.id == booking_id else selected
        from_tech = source.technician_id if source is not None and source.id == booking_id else None
        self._run(lambda: self.shop.appointments.move(self.ops.staff, booking_id, technician_id, start, from_tech))

    def resize_booking(self, booking_id: int, end: datetime) -> None:
        self._run(lambda: self.shop.appointments.resize(self.ops.staff, booking_id, end))

    def technician_names(self) -> list[tuple[int, str]]:
        return [(t.technician_id, t.name) for t in self.view.technicians]

    def book(self, technician_id: int, start: datetime) -> None:
        if not self.ops.can(Perm.APPOINTMENTS):
            return
        dialog = BookingDialog(self.ops, self.technician_names(), technician_id, start, self)
        dialog.exec()

    def check_in(self, booking_id: int) -> None:
        outcome = self.ops.run(self, lambda: self.shop.appointments.check_in(self.ops.staff, booking_id),
                               changes={APPOINTMENTS, VISITS}, show=self.view.refuse)
        if outcome.ok:
            self.visit_opened.emit(outcome.value.id)

    def cancel(self, booking_id: int) -> None:
        reason, ok = QInputDialog.getText(self, self.tr("Cancel booking"), self.tr("Reason for cancelling:"))
        if ok:
            self._run(lambda: self.shop.appointments.cancel(self.ops.staff, booking_id, reason))

    def no_show(self, booking_id: int) -> None:
        self._run(lambda: self.shop.appointments.no_show(self.ops.staff, booking_id))

    def show_reminders(self) -> None:
        if self.ops.can(Perm.APPOINTMENTS):
            RemindersDialog(self.ops, self).exec()

    def find_booking(self, customer: CustomerSummary | None = None) -> None:
        """A customer walks in: search them; their booking today is selected, ready for Enter."""
        if not self.ops.can(Perm.APPOINTMENTS):
            return
        if customer is None:
            from .customer_picker import CustomerPickerDialog
            customer = CustomerPickerDialog.ask(self, self.ops, self.tr("Find a customer's booking"))
        if customer is None:
            return
        found = self.ops.query(self, lambda: self.shop.appointments.today_for_customer(self.ops.staff, customer.id),
                               default=[]) or []
        if not found:
            self.view.refuse(self.tr("{name} has no booking today.").format(name=customer.name))
            return
        self.go(self.shop.today())
        self.view.select_booking(found[0].id)


def offer_booking(parent: QWidget, ops: Ops, customer_id: int):
    """A customer checked in at the counter had booked for today: offer the booking instead of
    an empty visit. The check-in's outcome when taken, else None (the counter opens a plain visit)."""
    if not ops.can(Perm.APPOINTMENTS):
        return None
    found = ops.query(parent, lambda: ops.shop.appointments.today_for_customer(ops.staff, customer_id),
                      default=[]) or []
    if not found:
        return None
    booking = found[0]
    services = "、".join(f"{s.service_name}（{s.technician_name}）" for s in booking.services)
    question = QCoreApplication.translate("AppointmentsPage", "{name} booked {time}: {services}. Check in from the booking?")
    if not Confirm.ask(parent, QCoreApplication.translate("AppointmentsPage", "Booked for today"),
                       question.format(name=booking.name, time=f"{booking.start:%H:%M}", services=services)):
        return None
    return ops.run(parent, lambda: ops.shop.appointments.check_in(ops.staff, booking.id),
                   changes={APPOINTMENTS, VISITS})
