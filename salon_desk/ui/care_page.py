"""回访 (follow-ups): today's and overdue tasks grouped by type, the customer beside the task, the
message ready to copy with one key, and closing with the outcome and the scores from the keyboard.

Overdue tasks are red. A technician sees the tasks assigned to them. Open complaints are listed
under the tasks, red while a deadline has passed with nothing done.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSpinBox, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ..care_records import ComplaintRecord, TaskRecord
from ..roles import Perm
from . import care_labels, labels
from .ops import CUSTOMERS, SALES, Ops

RED = QColor("#b00020")
CARE = "care"          # the ops scope of follow-ups and complaints
COPY_KEY = "F3"
REASSIGN_KEY = "Ctrl+R"


class ScoreBox(QSpinBox):
    """A score 1-5 typed as one digit; "—" until given."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setRange(0, 5)
        self.setSpecialValueText("—")
        self.setFixedWidth(64)


class CarePage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.task: TaskRecord | None = None
        self.handles_complaints = ops.can(Perm.COMPLAINTS)

        self.assignee = QComboBox()
        self.assignee.setObjectName("assignee_filter")
        self.task_type = QComboBox()
        self.task_type.setObjectName("type_filter")
        self.task_type.addItem(self.tr("All types"), None)
        for code in care_labels.TASK_TYPES:
            self.task_type.addItem(care_labels.task_type_name(code), code)
        self.later = QCheckBox(self.tr("Also show tasks due later"))
        self.later.setObjectName("show_later")
        self.summary = QLabel()
        self.summary.setObjectName("care_summary")
        self.tree = QTreeWidget()
        self.tree.setObjectName("tasks")
        self.tree.setHeaderLabels([self.tr("Due"), self.tr("Customer"), self.tr("Phone"), self.tr("Assigned to")])
        self.tree.setRootIsDecorated(True)
        # room for the longest due text, "2026-12-01 21:00 — 逾期", beside the group's indentation
        sample = self.tr("{when} — overdue").format(when="2026-12-01 21:00")
        self.tree.setColumnWidth(0, self.tree.fontMetrics().horizontalAdvance(sample) + 2 * self.tree.indentation()
                                 + 24)
        self.tree.setColumnWidth(1, 120)
        self.tree.setColumnWidth(2, 120)
        self.complaints = QListWidget()
        self.complaints.setObjectName("complaints")
        self.new_complaint_button = QPushButton(self.tr("New complaint… (Ctrl+N)"))
        self.new_complaint_button.setObjectName("new_complaint")

        self.banner = QLabel()
        self.banner.setObjectName("care_banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setStyleSheet("QLabel#care_banner { background: #fff8e7; border: 1px solid #e8d9b0;"
                                  " padding: 8px; font-size: 13px; }")
        self.message = QPlainTextEdit()
        self.message.setObjectName("message")
        self.message.setReadOnly(True)
        self.message.setMaximumHeight(120)
        self.copy_button = QPushButton(self.tr("Copy message ({key})").format(key=COPY_KEY))
        self.copy_button.setObjectName("copy_message")
        self.copied = QLabel()
        self.copied.setObjectName("copied")
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        for code in care_labels.OUTCOMES:
            self.outcome.addItem(care_labels.outcome_name(code), code)
        self.scores = [ScoreBox("attitude"), ScoreBox("technique"), ScoreBox("environment")]
        self.comment = QLineEdit()
        self.comment.setObjectName("comment")
        self.comment.setPlaceholderText(self.tr("What the customer said (optional)"))
        self.close_button = QPushButton(self.tr("Close the task (Ctrl+Enter)"))
        self.close_button.setObjectName("close_task")
        self.score_note = QLabel(self.tr("Scores 1–5, one digit each; only when the customer was reached."))
        self.score_note.setStyleSheet("color: #666;")
        # cashier and owner hand a task to someone else (audited); a technician keeps their own
        self.can_reassign = ops.can(Perm.FOLLOW_UPS)
        self.reassign_to = QComboBox()
        self.reassign_to.setObjectName("reassign_to")
        self.reassign_button = QPushButton(self.tr("Reassign"))
        self.reassign_button.setObjectName("reassign")
        self.reassign_hint = QLabel(self.tr("{key} chooses, ↑/↓ picks, Enter hands the task over").format(
            key=REASSIGN_KEY))
        self.reassign_hint.setStyleSheet("color: #666;")
        self._layout()
        self._fill_assignees()

        self.assignee.currentIndexChanged.connect(lambda _i: self.reload())
        self.task_type.currentIndexChanged.connect(lambda _i: self.reload())
        self.later.toggled.connect(lambda _b: self.reload())
        self.tree.currentItemChanged.connect(lambda item, _old: self.show_task(item))
        self.copy_button.clicked.connect(self.copy_message)
        self.close_button.clicked.connect(self.close_task)
        self.outcome.currentIndexChanged.connect(lambda _i: self._enable_scores())
        self.complaints.itemActivated.connect(self.open_complaint)
        self.new_complaint_button.clicked.connect(self.new_complaint)
        self.comment.returnPressed.connect(self.close_task)
        self.reassign_button.clicked.connect(self.reassign)
        self.reassign_to.installEventFilter(self)       # Enter in the chooser hands the task over
        ops.changed.connect(self.on_changed)
        self.reload()

    def _layout(self) -> None:
        filters = QHBoxLayout()
        if self.ops.can(Perm.FOLLOW_UPS):
            filters.addWidget(QLabel(self.tr("Assigned to:")))
            filters.addWidget(self.assignee)
        else:
            self.assignee.hide()
        filters.addWidget(QLabel(self.tr("Type:")))
        filters.addWidget(self.task_type)
        filters.addWidget(self.later)
        filters.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(filters)
        left.addWidget(self.summary)
        left.addWidget(self.tree, 3)
        if self.handles_complaints:
            head = QHBoxLayout()
            head.addWidget(QLabel("<b>{}</b>".format(html.escape(self.tr("Open complaints")))))
            head.addStretch(1)
            head.addWidget(self.new_complaint_button)
            left.addLayout(head)
            left.addWidget(self.complaints, 1)
        else:
            self.complaints.hide()
            self.new_complaint_button.hide()
        left_box = QWidget()
        left_box.setLayout(left)

        closing = QGroupBox(self.tr("Close the task"))
        form = QFormLayout(closing)
        form.addRow(self.tr("Outcome:"), self.outcome)
        row = QHBoxLayout()
        for text, box in zip((self.tr("Attitude"), self.tr("Technique"), self.tr("Environment")), self.scores):
            row.addWidget(QLabel(text))
            row.addWidget(box)
        row.addStretch(1)
        form.addRow(self.tr("Scores:"), row)
        form.addRow("", self.score_note)
        form.addRow(self.tr("Comment:"), self.comment)
        form.addRow("", self.close_button)
        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(QLabel(self.tr("Message to send (WeChat / SMS):")))
        right.addWidget(self.message)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied, 1)
        right.addLayout(copy_row)
        if self.can_reassign:
            handing = QHBoxLayout()
            handing.addWidget(QLabel(self.tr("Reassign to ({key}):").format(key=REASSIGN_KEY)))
            handing.addWidget(self.reassign_to, 1)
            handing.addWidget(self.reassign_button)
            right.addLayout(handing)
            right.addWidget(self.reassign_hint)
        else:
            for widget in (self.reassign_to, self.reassign_button, self.reassign_hint):
                widget.hide()
        right.addWidget(closing)
        right.addStretch(1)
        right_box = QWidget()
        right_box.setLayout(right)
        split = QSplitter()
        split.addWidget(left_box)
        split.addWidget(right_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    def _fill_assignees(self) -> None:
        self.assignee.addItem(self.tr("Everyone"), None)
        self.assignee.addItem(self.tr("Me"), self.ops.staff.id)
        roster = self.ops.query(self, lambda: self.shop.staff.roster(self.ops.staff), default=[]) or []
        for s in roster:
            if s.id != self.ops.staff.id:
                self.assignee.addItem(s.display_name, s.id)
            self.reassign_to.addItem(f"{s.display_name}（{labels.role_name(s.role)}）", s.id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.reassign_to and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.reassign()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, ctrl = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_F3:
            self.copy_message()
        elif ctrl and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.close_task()
        elif ctrl and key == Qt.Key.Key_R and self.can_reassign and self.task is not None:
            self.reassign_to.setFocus(Qt.FocusReason.ShortcutFocusReason)
        elif ctrl and key == Qt.Key.Key_N and self.handles_complaints:
            self.new_complaint()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- loading ----------------------------------------------------------------
    def on_changed(self, scopes: frozenset) -> None:
        if scopes & {CARE, SALES, CUSTOMERS}:
            self.reload()

    def reload(self) -> None:
        keep = self.task.id if self.task is not None else None
        tasks = self.ops.query(self, lambda: self.shop.care.tasks(
            self.ops.staff, assignee_id=self.assignee.currentData(), task_type=self.task_type.currentData(),
            include_later=self.later.isChecked()), default=[]) or []
        self.tree.blockSignals(True)
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        overdue = 0
        chosen = None
        for task in sorted(tasks, key=lambda t: (care_labels.TASK_TYPES.index(t.type.value), not t.overdue,
                                                 t.due_at, t.id)):
            group = groups.get(task.type.value)
            if group is None:
                group = QTreeWidgetItem(self.tree, [care_labels.task_type_name(task.type.value)])
                font = group.font(0)
                font.setBold(True)
                group.setFont(0, font)
                group.setFirstColumnSpanned(True)
                group.setExpanded(True)
                groups[task.type.value] = group
            item = QTreeWidgetItem(group, [self._due_text(task), task.customer_name, task.phone,
                                           task.assignee_name or self.tr("(nobody)")])
            item.setData(0, Qt.ItemDataRole.UserRole, task)
            if task.overdue:
                overdue += 1
                for column in range(4):
                    item.setForeground(column, QBrush(RED))
            if task.id == keep:
                chosen = item
        for code, group in groups.items():
            group.setText(0, f"{care_labels.task_type_name(code)} ({group.childCount()})")
        self.tree.blockSignals(False)
        self.summary.setText(self.tr("{count} tasks to do, {overdue} overdue").format(
            count=len(tasks), overdue=overdue))
        self.summary.setStyleSheet("color: #b00020; font-weight: bold;" if overdue else "")
        if chosen is None and groups:
            first = next(iter(groups.values()))
            chosen = first.child(0) if first.childCount() else None
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self.show_task(chosen)
        self._load_complaints()

    def _due_text(self, task: TaskRecord) -> str:
        when = labels.when(task.due_at.date()) if task.all_day else \
            f"{labels.when(task.due_at.date())} {task.due_at:%H:%M}"
        if task.overdue:
            return self.tr("{when} — overdue").format(when=when)
        return when

    def _load_complaints(self) -> None:
        if not self.handles_complaints:
            return
        found = self.ops.query(self, lambda: self.shop.care.complaints(self.ops.staff), default=[]) or []
        self.complaints.clear()
        for c in found:
            self.complaints.addItem(self._complaint_item(c))

    def _complaint_item(self, c: ComplaintRecord) -> QListWidgetItem:
        marks = []
        if c.flagged:
            marks.append(self.tr("OVERDUE"))
        elif c.late:
            marks.append(self.tr("answered late"))
        if c.responded_at is None:
            marks.append(self.tr("answer by {when}").format(when=f"{c.response_due:%m-%d %H:%M}"))
        else:
            marks.append(self.tr("resolve by {when}").format(when=f"{c.resolution_due:%m-%d %H:%M}"))
        text = "{name} · {category} · {received} · {marks}".format(
            name=c.customer_name, category=care_labels.category_name(c.category.value),
            received=f"{c.received_at:%m-%d %H:%M}", marks="，".join(marks))
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, c.id)
        if c.flagged:
            item.setForeground(QBrush(RED))
        return item

    # -- one task -----------------------------------------------------------------
    def show_task(self, item: QTreeWidgetItem | None) -> None:
        task = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        self.task = task
        self.copied.clear()
        for widget in (self.copy_button, self.close_button, self.outcome, self.comment, *self.scores,
                       self.reassign_to, self.reassign_button):
            widget.setEnabled(task is not None)
        if task is None:
            self.banner.setText(self.tr("Nothing to do here. Choose a task on the left."))
            self.message.setPlainText("")
            return
        banner = self.ops.query(self, lambda: self.shop.care.banner(self.ops.staff, task.customer_id))
        self.banner.setText(self._banner_html(task, banner))
        self.message.setPlainText(task.message)
        self.reassign_to.setCurrentIndex(max(0, self.reassign_to.findData(task.assignee_id)))
        self.outcome.setCurrentIndex(0)
        for box in self.scores:
            box.setValue(0)
        self.comment.clear()
        self._enable_scores()

    def _banner_html(self, task: TaskRecord, b) -> str:
        esc = html.escape
        parts = [f"<span style='font-size:15pt'><b>{esc(task.customer_name)}</b></span> &nbsp; {esc(task.phone)}"]
        if b is None:
            return parts[0]
        parts[0] += f" &nbsp; <b>{esc(labels.tier_name(b.tier))}</b>"
        when = labels.when(task.due_at.date()) if task.all_day else f"{task.due_at:%Y-%m-%d %H:%M}"
        due = self.tr("{type}, due {when}").format(type=care_labels.task_type_name(task.type.value), when=when)
        colour = "#b00020" if task.overdue else "#444"
        parts.append(f"<span style='color:{colour}; font-weight:bold'>{esc(due)}"
                     + (esc(self.tr(" — overdue")) if task.overdue else "") + "</span>")
        if b.last_visit_at is not None:
            parts.append(esc(self.tr("Last visit {when}: {what}").format(
                when=labels.when(b.last_visit_at.date()), what="、".join(b.last_services))))
        else:
            parts.append(esc(self.tr("No paid visit yet")))
        if b.preferences:
            parts.append(esc(self.tr("Preferences: {text}").format(text=b.preferences)))
        for flag in b.open_complaints:
            text = self.tr("Open complaint ({category}, received {when})").format(
                category=care_labels.category_name(flag.category.value), when=f"{flag.received_at:%m-%d %H:%M}")
            style = "color:#b00020; font-weight:bold" if flag.overdue else "color:#b00020"
            parts.append(f"<span style='{style}'>⚠ {esc(text)}</span>")
        return "<br>".join(parts)

    def _enable_scores(self) -> None:
        task = self.task
        scored = task is not None and task.scored and self.outcome.currentData() == "reached"
        for box in self.scores:
            box.setEnabled(scored)
            if not scored:
                box.setValue(0)

    def copy_message(self) -> None:
        if self.task is None:
            return
        QGuiApplication.clipboard().setText(self.task.message)
        self.copied.setText(self.tr("Copied — paste it into WeChat or an SMS."))
        self.copied.setStyleSheet("color: #1b6e20;")

    def close_task(self) -> None:
        task = self.task
        if task is None:
            return
        values = [box.value() for box in self.scores]
        scores = tuple(values) if any(values) else None
        outcome = self.outcome.currentData()
        comment = self.comment.text()
        result = self.ops.run(self, lambda: self.shop.care.close_task(
            self.ops.staff, task.id, outcome, scores, comment), changes={CARE})
        if result.ok:
            self.copied.setText(self.tr("Closed: {outcome}").format(outcome=care_labels.outcome_name(outcome)))

    def reassign(self) -> None:
        task, to = self.task, self.reassign_to.currentData()
        if task is None or to is None or not self.can_reassign:
            return
        if to == task.assignee_id:
            self.copied.setText(self.tr("Already assigned to {name}.").format(name=task.assignee_name))
            self.copied.setStyleSheet("color: #666;")
            return
        result = self.ops.run(self, lambda: self.shop.care.reassign(self.ops.staff, task.id, to), changes={CARE})
        if result.ok:
            # the page reloads (keeping the task chosen when the filter still shows it)
            self.copied.setText(self.tr("Reassigned to {name}.").format(name=result.value.assignee_name))
            self.copied.setStyleSheet("color: #1b6e20;")
            self.tree.setFocus()

    # -- complaints --------------------------------------------------------------
    def new_complaint(self) -> None:
        from .complaint_dialog import ComplaintDialog
        customer_id = self.task.customer_id if self.task is not None else None
        ComplaintDialog.start(self, self.ops, customer_id)

    def open_complaint(self, item: QListWidgetItem) -> None:
        from .complaint_dialog import ComplaintDialog
        ComplaintDialog.open_existing(self, self.ops, int(item.data(Qt.ItemDataRole.UserRole)))
