"""客户分类 (segments): how many key, potential, stable and at-risk customers the shop has today,
the cut points and the class rule under the table, the customers of a class (sortable; phones
masked for the cashier), each at-risk customer's reason, and one key (F) to plan a call.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGridLayout, QHBoxLayout, QLabel, QPushButton,
    QSpinBox, QVBoxLayout, QWidget,
)

from ..care_records import SegmentLine, SegmentsView
from . import care_labels, labels
from .care_page import CARE
from ..roles import Perm
from .ops import SALES, SETTINGS, Ops
from .table_base import RecordRole, RecordTableModel, SortRole, WARNING
from .widgets import big_label, make_table

TASK_KEY = "F"


class BandsDialog(QDialog):
    """The owner's own R / F / M bands instead of the shop's tertiles (a measure left unticked keeps them)."""

    def __init__(self, bands: dict[str, list[int]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Fixed bands"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Score 3 from the top value, 2 from the middle one; "
                                   "for R (days since the last visit) fewer days score higher.")))
        self.rows: dict[str, tuple[QCheckBox, QSpinBox, QSpinBox]] = {}
        for code, label, unit in (("R", self.tr("R: days since the last paid visit"), self.tr("days")),
                                  ("F", self.tr("F: paid visits in 12 months"), self.tr("visits")),
                                  ("M", self.tr("M: paid in 12 months"), self.tr("yuan"))):
            use = QCheckBox(self.tr("fixed"))
            use.setObjectName(f"use_{code}")
            top, mid = QSpinBox(), QSpinBox()
            top.setObjectName(f"top_{code}")
            mid.setObjectName(f"mid_{code}")
            for box in (top, mid):
                box.setRange(0, 1_000_000)
                box.setSuffix(f" {unit}")
            pair = bands.get(code)
            scale = 100 if code == "M" else 1
            if pair:
                use.setChecked(True)
                mid.setValue(pair[0] // scale)
                top.setValue(pair[1] // scale)
            row = QHBoxLayout()
            row.addWidget(use)
            row.addWidget(QLabel(self.tr("3 points:")))
            row.addWidget(top)
            row.addWidget(QLabel(self.tr("2 points:")))
            row.addWidget(mid)
            form.addRow(label, row)
            self.rows[code] = (use, top, mid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def bands(self) -> dict[str, list[int]]:
        out = {}
        for code, (use, top, mid) in self.rows.items():
            if use.isChecked():
                scale = 100 if code == "M" else 1
                out[code] = [mid.value() * scale, top.value() * scale]
        return out

    @classmethod
    def ask(cls, parent: QWidget | None, bands: dict[str, list[int]]) -> dict[str, list[int]] | None:
        dialog = cls(bands, parent)
        return dialog.bands() if dialog.exec() == QDialog.DialogCode.Accepted else None


class SegmentTableModel(RecordTableModel):
    NAME, PHONE, CLASS, R, F, M, RECENCY, VISITS, SPENT, REASON = range(10)
    NUMERIC = frozenset({R, F, M, RECENCY, VISITS, SPENT})

    def headers(self) -> list[str]:
        return [self.tr("Customer"), self.tr("Phone"), self.tr("Class"), "R", "F", "M", self.tr("Days since"),
                self.tr("Visits (12 mo.)"), self.tr("Paid (12 mo.)"), self.tr("Why at risk")]

    def display(self, line: SegmentLine, column: int) -> str:
        s = line.segment
        values = {self.NAME: line.name, self.PHONE: line.phone,
                  self.CLASS: care_labels.value_class_name(s.value_class.value), self.R: str(s.r), self.F: str(s.f),
                  self.M: str(s.m), self.RECENCY: str(s.recency_days), self.VISITS: str(s.frequency),
                  self.SPENT: labels.money(s.monetary_fen), self.REASON: line.reason}
        return values[column]

    def sort_key(self, line: SegmentLine, column: int):
        s = line.segment
        numeric = {self.R: s.r, self.F: s.f, self.M: s.m, self.RECENCY: s.recency_days, self.VISITS: s.frequency,
                   self.SPENT: s.monetary_fen}
        return numeric.get(column, self.display(line, column))

    def colour(self, line: SegmentLine, column: int) -> QColor | None:
        return WARNING if column == self.REASON else None


class SegmentsPage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.view_data: SegmentsView | None = None
        self.stale = True
        self.title = big_label(self.tr("Customer segments"), 15)
        self.counts: dict[str, QLabel] = {}
        grid = QGridLayout()
        for column, code in enumerate(care_labels.VALUE_CLASSES):
            name = QLabel(care_labels.value_class_name(code))
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            value = big_label("—", 18)
            value.setObjectName(f"count_{code}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if code == "at_risk":
                value.setStyleSheet("color: #b00020;")
            grid.addWidget(name, 0, column)
            grid.addWidget(value, 1, column)
            self.counts[code] = value
        self.value_class = QComboBox()
        self.value_class.setObjectName("class_filter")
        for code in ("at_risk", "key", "potential", "stable"):
            self.value_class.addItem(care_labels.value_class_name(code), code)
        self.value_class.addItem(self.tr("Everyone"), None)
        self.task_button = QPushButton(self.tr("Plan a call to this customer ({key})").format(key=TASK_KEY))
        self.task_button.setObjectName("plan_call")
        self.bands_button = QPushButton(self.tr("Fixed bands…"))
        self.bands_button.setObjectName("fixed_bands")
        self.bands_button.setVisible(ops.can(Perm.SETTINGS))
        self.bands_button.clicked.connect(self.edit_bands)
        self.status = QLabel()
        self.status.setObjectName("segments_status")
        self.model = SegmentTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SortRole)
        self.table = make_table(self.proxy, stretch=SegmentTableModel.REASON)
        self.table.setObjectName("segments")
        self.table.setSortingEnabled(True)
        self.rules = QLabel()
        self.rules.setObjectName("segment_rules")
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #555; font-size: 12px;")
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Show:")))
        top.addWidget(self.value_class)
        top.addWidget(self.task_button)
        top.addWidget(self.bands_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.rules)
        layout.addWidget(self.status)
        self.value_class.currentIndexChanged.connect(lambda _i: self.show_class())
        self.task_button.clicked.connect(self.plan_call)
        self.table.installEventFilter(self)
        ops.changed.connect(self.on_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """F on the list plans the call (before the table takes the letter for its type-ahead search)."""
        if watched is self.table and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F \
                and not event.modifiers():
            self.plan_call()
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.load()

    def on_changed(self, scopes: frozenset) -> None:
        if scopes & {SALES, SETTINGS}:
            self.stale = True
            if self.isVisible():
                self.load()

    def load(self) -> None:
        self.view_data = self.ops.query(self, lambda: self.shop.care.segments(self.ops.staff))
        self.stale = False
        v = self.view_data
        if v is None:
            return
        self.title.setText(self.tr("Customer segments on {day}").format(day=labels.when(v.as_of)))
        for cls, n in v.counts:
            self.counts[cls.value].setText(f"{n:,}")
        self.rules.setText("\n".join(v.sentences))
        self.show_class()

    def show_class(self) -> None:
        if self.view_data is None:
            return
        code = self.value_class.currentData()
        lines = [l for l in self.view_data.lines if code is None or l.segment.value_class.value == code]
        if code == "at_risk":      # the most valuable first: who is worth a call
            lines.sort(key=lambda l: (-l.segment.spend_24m_fen, -l.segment.recency_days))
        self.model.set_rows(lines)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.proxy.sort(-1)
        if lines:
            self.table.selectRow(0)
        self.status.setText(self.tr("{count} customers").format(count=len(lines)))
        self.status.setStyleSheet("")

    def current_line(self) -> SegmentLine | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(RecordRole) if rows else None

    def plan_call(self) -> None:
        line = self.current_line()
        if line is None:
            return
        outcome = self.ops.run(self, lambda: self.shop.care.follow_up_at_risk(self.ops.staff, line.segment.customer_id),
                               changes={CARE}, show=self._problem)
        if outcome.ok:
            self.status.setText(self.tr("A call to {name} is on the follow-up list for today.").format(
                name=line.name))
            self.status.setStyleSheet("color: #1b6e20;")

    def edit_bands(self) -> None:
        """The owner replaces the tertiles of R, F or M with bands of their own (a setting)."""
        current = self.shop.settings.value("segments.bands") or {}
        chosen = BandsDialog.ask(self, current)
        if chosen is None:
            return
        self.ops.run(self, lambda: self.shop.settings.update(self.ops.staff, {"segments.bands": chosen}),
                     changes={SETTINGS}, show=self._problem)

    def _problem(self, text: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #b00020; font-weight: bold;")
