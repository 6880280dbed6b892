"""我的服务: what a technician sees — who is in the shop, and the notes on their own services."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from .counter_models import OpenVisitsModel, VisitLinesModel
from .ops import VISITS, Ops
from .widgets import TextPrompt, big_label, current_record, error_label, make_table, select_row


class TechnicianPage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.visits_model = OpenVisitsModel(self)
        self.visits_view = make_table(self.visits_model, stretch=OpenVisitsModel.TECHNICIANS)
        self.visits_view.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_lines())
        self.lines_model = VisitLinesModel(self)
        self.lines_view = make_table(self.lines_model, stretch=VisitLinesModel.NOTE)
        self.lines_view.doubleClicked.connect(lambda _i: self.edit_note())
        self.note_button = QPushButton(self.tr("Write the service note…"))
        self.note_button.clicked.connect(self.edit_note)
        self.error = error_label()
        hint = QLabel(self.tr("You can write notes on the services you did."))
        hint.setStyleSheet("color: #666;")
        left = QWidget()
        col = QVBoxLayout(left)
        col.addWidget(big_label(self.tr("In the shop now"), 13))
        col.addWidget(self.visits_view)
        right = QWidget()
        rcol = QVBoxLayout(right)
        rcol.addWidget(hint)
        rcol.addWidget(self.lines_view, 1)
        row = QHBoxLayout()
        row.addWidget(self.error, 1)
        row.addWidget(self.note_button)
        rcol.addLayout(row)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)
        ops.changed.connect(self.on_changed)       # bound: dropped when the page is rebuilt
        self.reload()

    def on_changed(self, scopes: frozenset) -> None:
        if VISITS in scopes:
            self.reload()

    def reload(self) -> None:
        chosen = current_record(self.visits_view)
        visits = self.ops.query(self, lambda: self.ops.shop.visits.open_visits(self.ops.staff), default=[]) or []
        self.visits_model.set_rows(visits)
        ids = [v.id for v in visits]
        select_row(self.visits_view, ids.index(chosen.id) if chosen and chosen.id in ids else 0)
        self.show_lines()

    def show_lines(self) -> None:
        visit = current_record(self.visits_view)
        self.lines_model.set_rows(visit.lines if visit else [])

    def edit_note(self) -> None:
        line = current_record(self.lines_view)
        if line is None:
            return
        text = TextPrompt.ask(self, self.tr("Service note"), self.tr("Note for {item}:").format(item=line.name),
                              line.note)
        if text is not None:
            self.ops.run(self, lambda: self.ops.shop.visits.set_line_note(self.ops.staff, line.id, text),
                         changes={VISITS}, show=self.error.setText)
