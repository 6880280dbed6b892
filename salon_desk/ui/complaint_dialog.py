"""投诉: record a complaint (customer, visit, category, channel, what happened), then answer it, log
progress, give remedies and resolve it — with both deadlines and their marks in sight.

Deadlines are wall-clock hours after receipt (nights and closed days count), and the dialog says so.
A refund or points given by someone other than the owner takes the owner's password here.

By keyboard: Alt+1, Alt+2, ... jump to the numbered fields of the part on screen (the numbers are
printed beside them); ↑/↓ choose in a list (every category, channel and remedy); Ctrl+Enter saves
the part the cursor is in (records the complaint; in the handling part: the first response or a log
entry, the remedy, the resolution); Esc closes.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton, QComboBox, QDateTimeEdit, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QVBoxLayout, QWidget,
)

from ..care_records import ComplaintRecord
from ..complaints import Mark
from ..roles import Perm
from . import care_labels, labels
from .care_page import CARE
from .customer_picker import CustomerPickerDialog
from .ops import CUSTOMERS, SALES, Ops
from .widgets import error_label


class ComplaintDialog(QDialog):
    def __init__(self, ops: Ops, customer_id: int | None = None, complaint_id: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.customer_id = customer_id
        self.record: ComplaintRecord | None = None
        self.recording = complaint_id is None        # the new-complaint form, until it is recorded
        self.setWindowTitle(self.tr("Complaint"))
        self.resize(720, 640)
        self.error = error_label()
        self.error.setObjectName("complaint_error")
        layout = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("complaint_heading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.new_box = self._new_form()
        layout.addWidget(self.new_box)
        self.handle_box = self._handle_form()
        layout.addWidget(self.handle_box, 1)
        layout.addWidget(self.error)
        self.keys_hint = QLabel()
        self.keys_hint.setObjectName("complaint_keys")
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setStyleSheet("color: #666;")
        layout.addWidget(self.keys_hint)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Alt+n and Ctrl+Enter are caught before the field with the cursor sees them (a list would
        # take "Alt+4" as a search for "4", the text box Ctrl+Enter as a new line)
        for widget in (self, *self.findChildren(QWidget)):
            widget.installEventFilter(self)
        if complaint_id is not None:
            self.load(complaint_id)
        else:
            self._show_new()

    # -- keys ---------------------------------------------------------------------
    def _numbered(self, form: QFormLayout, targets: list[QWidget], text: str, field: QWidget | QHBoxLayout,
                  target: QWidget) -> None:
        """A form row whose label carries its jump key: ``Category: [Alt+4]``."""
        targets.append(target)
        label = QLabel(self.tr("{label} [Alt+{n}]:").format(label=text.rstrip(":："), n=len(targets)))
        label.setBuddy(target)
        form.addRow(label, field)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.AltModifier and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                self.jump(key - Qt.Key.Key_0)
                return True
            if mods == Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.save()
                return True
        return super().eventFilter(watched, event)

    def jump(self, n: int) -> None:
        """Alt+n: to the n-th field of the part on screen (a button there is pressed)."""
        targets = self.new_targets if self.recording else self.handle_targets
        if not 1 <= n <= len(targets) or not targets[n - 1].isEnabled():
            return
        target = targets[n - 1]
        if isinstance(target, QAbstractButton):
            target.click()
            return
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()

    def save(self) -> None:
        """Ctrl+Enter: save the part the cursor is in."""
        if self.recording:
            self.record_new()
            return
        if self.record is None or not self.record.open:
            return
        focus = self.focusWidget()
        if focus in (self.remedy, self.remedy_note, self.points, self.owner_name, self.owner_password):
            self.give_remedy()
        elif focus is self.resolution:
            self.resolve()
        elif self.record.responded_at is None:
            self.respond()
        else:
            self.add_progress()

    def _show_keys(self) -> None:
        if self.recording:
            text = self.tr("Keys: Alt+1 … Alt+8 go to the numbered fields, ↑/↓ choose in a list, "
                           "Ctrl+Enter records the complaint, Esc closes.")
        else:
            text = self.tr("Keys: Alt+1 … Alt+7 go to the numbered fields, ↑/↓ choose the remedy; Ctrl+Enter "
                           "saves where the cursor is (the note: first response, then the log; a remedy field: "
                           "gives the remedy; the resolution: resolves). Esc closes.")
        self.keys_hint.setText(text)

    # -- recording a new complaint -------------------------------------------------
    def _new_form(self) -> QGroupBox:
        box = QGroupBox()
        form = QFormLayout(box)
        self.new_targets: list[QWidget] = []
        self.customer_label = QLabel()
        self.customer_label.setObjectName("complaint_customer")
        self.pick_button = QPushButton(self.tr("Choose customer…"))
        self.pick_button.setObjectName("pick_customer")
        self.pick_button.clicked.connect(self.pick_customer)
        row = QHBoxLayout()
        row.addWidget(self.customer_label, 1)
        row.addWidget(self.pick_button)
        self._numbered(form, self.new_targets, self.tr("Customer:"), row, self.pick_button)
        self.visit = QComboBox()
        self.visit.setObjectName("complaint_visit")
        self._numbered(form, self.new_targets, self.tr("Visit concerned:"), self.visit, self.visit)
        self.line = QComboBox()
        self.line.setObjectName("complaint_line")
        self._numbered(form, self.new_targets, self.tr("Service concerned:"), self.line, self.line)
        self.visit.currentIndexChanged.connect(lambda _i: self._fill_lines())
        self.category = QComboBox()
        self.category.setObjectName("complaint_category")
        for code in care_labels.CATEGORIES:
            self.category.addItem(care_labels.category_name(code), code)
        self._numbered(form, self.new_targets, self.tr("Category:"), self.category, self.category)
        self.channel = QComboBox()
        self.channel.setObjectName("complaint_channel")
        for code in care_labels.CHANNELS:
            self.channel.addItem(care_labels.channel_name(code), code)
        self._numbered(form, self.new_targets, self.tr("Received by:"), self.channel, self.channel)
        self.received = QDateTimeEdit()
        self.received.setObjectName("complaint_received")
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received.setCalendarPopup(True)
        self.received.setDateTime(self.shop.now())
        self.received.setMaximumDateTime(self.shop.now())
        self._numbered(form, self.new_targets, self.tr("Received at:"), self.received, self.received)
        self.handler = QComboBox()
        self.handler.setObjectName("complaint_handler")
        self.handler.addItem(self.ops.staff.display_name, self.ops.staff.id)
        roster = self.ops.query(self, lambda: self.shop.staff.roster(self.ops.staff), default=[]) or []
        for member in roster:
            if member.id != self.ops.staff.id and member.role != "technician":
                self.handler.addItem(member.display_name, member.id)
        self._numbered(form, self.new_targets, self.tr("Handled by:"), self.handler, self.handler)
        self.description = QPlainTextEdit()
        self.description.setObjectName("complaint_description")
        self.description.setMaximumHeight(90)
        self.description.setTabChangesFocus(True)
        self._numbered(form, self.new_targets, self.tr("What happened:"), self.description, self.description)
        hours = self.shop.settings.value("complaints.first_response_hours")
        resolve = self.shop.settings.value("complaints.resolution_hours")
        rule = QLabel(self.tr("The first response is due {hours} hours after the complaint is received, and the "
                              "resolution {resolve} hours after — clock hours, nights and closed days included.")
                      .format(hours=hours, resolve=resolve))
        rule.setObjectName("deadline_rule")
        rule.setWordWrap(True)
        rule.setStyleSheet("color: #666;")
        form.addRow("", rule)
        self.record_button = QPushButton(self.tr("Record the complaint (Ctrl+Enter)"))
        self.record_button.setObjectName("record_complaint")
        self.record_button.clicked.connect(self.record_new)
        form.addRow("", self.record_button)
        return box

    def _show_new(self) -> None:
        self.handle_box.hide()
        self.new_box.show()
        self.heading.setText("<b>{}</b>".format(html.escape(self.tr("Record a complaint"))))
        self._fill_customer()
        self._show_keys()
        (self.category if self.customer_id is not None else self.pick_button).setFocus()
        self.resize(720, self.sizeHint().height())      # no gaps between the fields

    def _fill_customer(self) -> None:
        self.visit.clear()
        self.visit.addItem(self.tr("(no particular visit)"), None)
        if self.customer_id is None:
            self.customer_label.setText(self.tr("(choose the customer)"))
            return
        file = self.ops.query(self, lambda: self.shop.customers.file(self.ops.staff, self.customer_id))
        self.customer_label.setText(file.name if file is not None else "")
        visits = self.ops.query(self, lambda: self.shop.care.visits_of(self.ops.staff, self.customer_id),
                                default=[]) or []
        for visit_id, at, services in visits:
            self.visit.addItem(f"{at:%Y-%m-%d %H:%M}  {services}", visit_id)
        if visits:
            self.visit.setCurrentIndex(1)
        self._fill_lines()

    def _fill_lines(self) -> None:
        self.line.clear()
        self.line.addItem(self.tr("(the whole visit)"), None)
        visit_id = self.visit.currentData()
        if visit_id is None:
            return
        lines = self.ops.query(self, lambda: self.shop.care.services_of_visit(self.ops.staff, visit_id),
                               default=[]) or []
        for line_id, name, technician in lines:
            self.line.addItem(f"{name}（{technician}）" if technician else name, line_id)

    def pick_customer(self) -> None:
        chosen = CustomerPickerDialog.ask(self, self.ops, self.tr("Who is complaining?"))
        if chosen is not None:
            self.customer_id = chosen.id
            self._fill_customer()
            self.visit.setFocus()

    def record_new(self) -> None:
        if self.customer_id is None:
            self.error.setText(self.tr("Choose the customer first."))
            return
        cid = self.customer_id
        received = self.received.dateTime().toPython().replace(second=0, microsecond=0)
        outcome = self.ops.run(self, lambda: self.shop.care.open_complaint(
            self.ops.staff, cid, self.category.currentData(), self.channel.currentData(),
            self.description.toPlainText(), visit_id=self.visit.currentData(), sale_line_id=self.line.currentData(),
            received_at=received, handler_id=self.handler.currentData()),
            changes={CARE, CUSTOMERS}, show=self.error.setText)
        if outcome.ok:
            self.error.clear()
            self.show_record(outcome.value)

    # -- handling ------------------------------------------------------------------
    def _handle_form(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        self.details = QLabel()
        self.details.setObjectName("complaint_details")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setStyleSheet("QLabel#complaint_details { font-size: 13px; line-height: 140%; }")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.details)
        layout.addWidget(scroll, 1)
        act = QGroupBox(self.tr("Handle it"))
        form = QFormLayout(act)
        self.handle_targets: list[QWidget] = []
        self.note = QLineEdit()
        self.note.setObjectName("progress_text")
        self.note.setPlaceholderText(self.tr("What was said or done"))
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        self.respond_button = QPushButton(self.tr("First response"))
        self.respond_button.setObjectName("respond")
        self.progress_button = QPushButton(self.tr("Add to the log"))
        self.progress_button.setObjectName("add_progress")
        note_row.addWidget(self.respond_button)
        note_row.addWidget(self.progress_button)
        self._numbered(form, self.handle_targets, self.tr("Progress:"), note_row, self.note)
        self.remedy = QComboBox()
        self.remedy.setObjectName("remedy_kind")
        for code in care_labels.REMEDIES:
            self.remedy.addItem(care_labels.remedy_name(code), code)
        self.remedy_note = QLineEdit()
        self.remedy_note.setObjectName("remedy_note")
        self.remedy_note.setPlaceholderText(self.tr("Which gift or upgrade; a note"))
        self.points = QSpinBox()
        self.points.setObjectName("remedy_points")
        self.points.setRange(0, 100_000)
        self.owner_name = QLineEdit()
        self.owner_name.setObjectName("owner_name")
        self.owner_name.setPlaceholderText(self.tr("Owner's login"))
        self.owner_password = QLineEdit()
        self.owner_password.setObjectName("owner_password")
        self.owner_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.owner_password.setPlaceholderText(self.tr("Owner's password (refund, points)"))
        self._numbered(form, self.handle_targets, self.tr("Remedy:"), self.remedy, self.remedy)
        self._numbered(form, self.handle_targets, self.tr("What exactly:"), self.remedy_note, self.remedy_note)
        self._numbered(form, self.handle_targets, self.tr("Points:"), self.points, self.points)
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner_name)
        owner_row.addWidget(self.owner_password)
        self.handle_targets.append(self.owner_name)
        owner_label = QLabel(self.tr("Owner's approval [Alt+{login}, Alt+{password}]:").format(
            login=len(self.handle_targets), password=len(self.handle_targets) + 1))
        owner_label.setBuddy(self.owner_name)
        form.addRow(owner_label, owner_row)
        self.handle_targets.append(self.owner_password)
        self.remedy_button = QPushButton(self.tr("Give the remedy"))
        self.remedy_button.setObjectName("give_remedy")
        form.addRow("", self.remedy_button)
        self.resolution = QLineEdit()
        self.resolution.setObjectName("resolution")
        self.resolution.setPlaceholderText(self.tr("How it was settled"))
        resolve_row = QHBoxLayout()
        resolve_row.addWidget(self.resolution, 1)
        self.resolve_button = QPushButton(self.tr("Resolve"))
        self.resolve_button.setObjectName("resolve")
        resolve_row.addWidget(self.resolve_button)
        self._numbered(form, self.handle_targets, self.tr("Resolution:"), resolve_row, self.resolution)
        layout.addWidget(act)
        self.remedy.currentIndexChanged.connect(lambda _i: self._remedy_fields())
        self.respond_button.clicked.connect(self.respond)
        self.progress_button.clicked.connect(self.add_progress)
        self.remedy_button.clicked.connect(self.give_remedy)
        self.resolve_button.clicked.connect(self.resolve)
        return box

    def load(self, complaint_id: int) -> None:
        found = self.ops.query(self, lambda: self.shop.care.complaint(self.ops.staff, complaint_id),
                               show=self.error.setText)
        if found is not None:
            self.show_record(found)

    def show_record(self, c: ComplaintRecord) -> None:
        self.record = c
        self.recording = False
        if self.height() < 640:
            self.resize(max(self.width(), 720), 640)
        self.customer_id = c.customer_id
        self.new_box.hide()
        self.handle_box.show()
        esc = html.escape
        title = self.tr("Complaint #{id}: {name} — {category}").format(
            id=c.id, name=c.customer_name, category=care_labels.category_name(c.category.value))
        state = self.tr("resolved") if not c.open else self.tr("open")
        colour = "#b00020" if c.flagged else ("#8a5a00" if c.late else "#1b6e20")
        self.heading.setText(f"<span style='font-size:14pt'><b>{esc(title)}</b></span> &nbsp; "
                             f"<span style='color:{colour}; font-weight:bold'>{esc(state)}</span>")
        lines = [
            esc(self.tr("Received {when} by {channel}, recorded by {who}; handled by {handler}.").format(
                when=f"{c.received_at:%Y-%m-%d %H:%M}", channel=care_labels.channel_name(c.channel.value),
                who=c.recorded_by_name, handler=c.handler_name or "—")),
            self._deadline(self.tr("First response"), c.response_due, c.responded_at, c.response_mark),
            self._deadline(self.tr("Resolution"), c.resolution_due, c.resolved_at, c.resolution_mark),
            esc(self.tr("What happened: {text}").format(text=c.description)),
        ]
        if c.technician_name:
            lines.append(esc(self.tr("Technician concerned: {name}").format(name=c.technician_name)))
        if c.progress:
            lines.append("<b>{}</b>".format(esc(self.tr("Progress log"))))
            lines += [esc(f"{p.at:%m-%d %H:%M} {p.staff_name}：{p.text}") for p in c.progress]
        if c.remedies:
            lines.append("<b>{}</b>".format(esc(self.tr("Remedies"))))
            for r in c.remedies:
                what = care_labels.remedy_name(r.kind.value)
                if r.amount_fen:
                    what += " " + labels.money(r.amount_fen)
                if r.points:
                    what += " " + self.tr("{points} points").format(points=r.points)
                if r.note:
                    what += f"（{r.note}）"
                lines.append(esc(f"{r.at:%m-%d %H:%M} {r.staff_name}：{what}"))
        if c.resolution:
            lines.append(esc(self.tr("Resolution: {text}").format(text=c.resolution)))
        self.details.setText("<br>".join(lines))
        open_ = c.open
        for widget in (self.remedy_button, self.resolve_button, self.remedy, self.remedy_note, self.points,
                       self.resolution, self.note, self.progress_button):
            widget.setEnabled(open_)
        self.respond_button.setEnabled(open_ and c.responded_at is None)
        self._remedy_fields()
        # which button Ctrl+Enter presses from the note: the first response until there is one
        ctrl_enter = self.tr("{action} (Ctrl+Enter)")
        first = c.responded_at is None
        self.respond_button.setText(ctrl_enter.format(action=self.tr("First response")) if first
                                    else self.tr("First response"))
        self.progress_button.setText(self.tr("Add to the log") if first
                                     else ctrl_enter.format(action=self.tr("Add to the log")))
        self.remedy_button.setText(ctrl_enter.format(action=self.tr("Give the remedy")))
        self.resolve_button.setText(ctrl_enter.format(action=self.tr("Resolve")))
        self._show_keys()
        if open_ and (self.focusWidget() is None or not self.focusWidget().isVisible()
                      or self.focusWidget() in self.new_targets or self.focusWidget() is self.record_button):
            self.note.setFocus()

    def _remedy_fields(self) -> None:
        """Points only for a points remedy; the owner's login and password only where they are needed
        (a refund or points given by someone else than the owner)."""
        open_ = self.record is not None and self.record.open
        kind = self.remedy.currentData()
        self.points.setEnabled(open_ and kind == "points")
        if kind != "points":
            self.points.setValue(0)
        needs_owner = open_ and kind in ("refund", "points") and not self.ops.can(Perm.MANUAL_POINTS)
        for widget in (self.owner_name, self.owner_password):
            widget.setEnabled(needs_owner)

    def _deadline(self, what: str, due, done, mark: Mark) -> str:
        esc = html.escape
        if done is not None:
            text = self.tr("{what}: done {when} ({mark}; due {due})").format(
                what=what, when=f"{done:%m-%d %H:%M}", mark=care_labels.mark_name(mark.value),
                due=f"{due:%m-%d %H:%M}")
        else:
            text = self.tr("{what}: due {due} ({mark})").format(
                what=what, due=f"{due:%Y-%m-%d %H:%M}", mark=care_labels.mark_name(mark.value))
        colour = {"overdue": "#b00020", "late": "#8a5a00"}.get(mark.value, "#333")
        weight = "bold" if mark in (Mark.OVERDUE, Mark.LATE) else "normal"
        return f"<span style='color:{colour}; font-weight:{weight}'>{esc(text)}</span>"

    def _act(self, action) -> None:
        outcome = self.ops.run(self, action, changes={CARE, SALES, CUSTOMERS}, show=self.error.setText)
        if outcome.ok:
            self.error.clear()
            self.show_record(outcome.value)

    def respond(self) -> None:
        assert self.record is not None
        cid, text = self.record.id, self.note.text()
        self._act(lambda: self.shop.care.respond(self.ops.staff, cid, text))
        self.note.clear()

    def add_progress(self) -> None:
        assert self.record is not None
        cid, text = self.record.id, self.note.text()
        self._act(lambda: self.shop.care.add_progress(self.ops.staff, cid, text))
        self.note.clear()

    def give_remedy(self) -> None:
        assert self.record is not None
        cid, kind, note, points = self.record.id, self.remedy.currentData(), self.remedy_note.text(), \
            self.points.value()
        owner, password = self.owner_name.text().strip(), self.owner_password.text()
        staff = self.ops.staff

        def action():
            grant = None
            if owner or password:
                grant = self.shop.staff.authorise_owner(staff, owner, password)
            return self.shop.care.give_remedy(staff, cid, kind, note=note, points=points, grant=grant)
        self._act(action)
        self.owner_password.clear()

    def resolve(self) -> None:
        assert self.record is not None
        cid, text = self.record.id, self.resolution.text()
        self._act(lambda: self.shop.care.resolve(self.ops.staff, cid, text))

    # -- entry points -----------------------------------------------------------------
    @classmethod
    def start(cls, parent: QWidget | None, ops: Ops, customer_id: int | None) -> None:
        cls(ops, customer_id=customer_id, parent=parent).exec()

    @classmethod
    def open_existing(cls, parent: QWidget | None, ops: Ops, complaint_id: int) -> None:
        cls(ops, complaint_id=complaint_id, parent=parent).exec()
