"""Small widgets the pages share: keyboard-driven search fields, tables, prompts tests can answer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QHeaderView, QInputDialog, QLabel, QLineEdit, QMessageBox, QTableView, QWidget,
)

from .table_base import RecordRole

_MOVES = {
    Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5,
}


class SearchField(QLineEdit):
    """A line edit that steers a result table: arrows move the choice, Enter takes it.

    The focus stays in the field, so the cashier keeps typing while choosing.
    """

    activated = Signal()          # Enter pressed
    escaped = Signal()            # Esc pressed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: QTableView | None = None
        self.setClearButtonEnabled(True)

    def steer(self, view: QTableView) -> None:
        self.view = view

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in _MOVES and self.view is not None:
            move_current(self.view, _MOVES[Qt.Key(key)])
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit()
            return
        if key == Qt.Key.Key_Escape:
            self.escaped.emit()
            return
        super().keyPressEvent(event)


class EnterFilter(QObject):
    """Calls ``callback`` when Enter is pressed in a widget that would otherwise ignore it."""

    def __init__(self, widget: QWidget, callback) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.callback()
            return True
        return False


def move_current(view: QTableView, step: int) -> None:
    model = view.model()
    if model is None or model.rowCount() == 0:
        return
    current = view.currentIndex().row()
    row = 0 if current < 0 else max(0, min(model.rowCount() - 1, current + step))
    view.selectRow(row)
    view.setCurrentIndex(model.index(row, 0))


def select_row(view: QTableView, row: int) -> None:
    model = view.model()
    if model is not None and 0 <= row < model.rowCount():
        view.selectRow(row)
        view.setCurrentIndex(model.index(row, 0))


def current_record(view: QTableView):
    index: QModelIndex = view.currentIndex()
    if not index.isValid():
        selected = view.selectionModel().selectedRows() if view.selectionModel() else []
        if not selected:
            return None
        index = selected[0]
    return index.data(RecordRole)


def make_table(model, parent: QWidget | None = None, stretch: int | None = None) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def fixed_columns(view: QTableView, samples: dict[int, str], stretch: int | None = None) -> None:
    """Columns of a width set once, from the header and a sample of the widest text each column
    shows (the ``stretch`` column takes the rest), and rows of one fixed height: a table that
    changes with every keystroke never measures its contents again."""
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    header_metrics = header.fontMetrics()
    model = view.model()
    padding = 24
    for column in range(model.columnCount() if model is not None else 0):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            continue
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(header_metrics.horizontalAdvance(title), metrics.horizontalAdvance(samples.get(column, "")))
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, width + padding)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)


def big_label(text: str = "", points: int = 20, bold: bool = True) -> QLabel:
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(bold)
    label.setFont(font)
    return label


def error_label() -> QLabel:
    label = QLabel()
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    label.setWordWrap(True)
    return label


class Confirm:
    """A yes/no question; tests monkeypatch ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


class TextPrompt:
    """One line of text (a note, a reason); None when cancelled. Tests monkeypatch ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None


class Notice:
    """An information box; tests monkeypatch ``show``."""

    @classmethod
    def show(cls, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)
