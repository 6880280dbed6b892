"""The base of every table the window shows (after Vorta's archive table model).

Rows are the plain records the shop returns. Subclasses name their columns
as constants and say how each is displayed and sorted; ``RecordRole``
gives the row's record back, so views never keep a parallel list.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

RecordRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

MUTED = QColor("#888888")
WARNING = QColor("#b00020")


class RecordTableModel(QAbstractTableModel):
    """Rows of records; read-only; reset whenever the shop's answer changes."""

    NUMERIC: frozenset[int] = frozenset()   # right-aligned columns

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []

    # -- what subclasses provide ---------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def display(self, record: Any, column: int) -> str:
        raise NotImplementedError

    def sort_key(self, record: Any, column: int) -> Any:
        return self.display(record, column)

    def tooltip(self, record: Any, column: int) -> str | None:
        return None

    def colour(self, record: Any, column: int) -> QColor | None:
        return None

    # -- rows --------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: Sequence[Any]) -> bool:
        """Show ``rows``, telling the view only what changed (nothing when the answer is the
        same; the changed cells when the number of rows is the same); True when anything did."""
        rows = list(rows)
        if rows == self._rows:
            return False
        if len(rows) != len(self._rows) or not rows:
            self.set_rows(rows)
            return True
        self._rows = rows
        self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
        return True

    def rows(self) -> list[Any]:
        return list(self._rows)

    def record(self, row: int) -> Any:
        return self._rows[row]

    # -- Qt ----------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        record, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(record, column)
        if role == RecordRole:
            return record
        if role == SortRole:
            return self.sort_key(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(RIGHT if column in self.NUMERIC else LEFT)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self.colour(record, column)
            return QBrush(colour) if colour is not None else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return str(section + 1)
