"""The report page's tables: one section of the monthly figures, row for row as the PDF prints it.

The rows come from ``salon_desk.reports.figure_rows`` — the same sections the
PDF, the XLSX and the CSV are made of — so the window shows the very numbers
that are printed and exported. Only the yuan sign follows the window (¥, as on
every other page; the paper prints the full-width ￥ thermal fonts have).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ..reports.figure_rows import Section, Value
from . import labels
from .table_base import LEFT, RIGHT, RecordTableModel


def cell_text(value: Value) -> str:
    """A figure as the window shows it: money as ``¥1,234.50``, anything else as printed."""
    return labels.money(value.raw) if value.kind == "fen" else value.text()


@dataclass(frozen=True)
class FigureRow:
    values: tuple[Value, ...]
    total: bool = False               # the section's 合计 line


class FigureTableModel(RecordTableModel):
    """A :class:`Section` as a table: its headings, its rows, its total line in bold."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.section: Section | None = None

    def set_section(self, section: Section | None) -> None:
        rows: list[FigureRow] = []
        if section is not None:
            rows = [FigureRow(tuple(r)) for r in section.rows]
            if section.total:
                rows.append(FigureRow(tuple(section.total), total=True))
        self.beginResetModel()
        self.section = section
        self._rows = rows
        self.endResetModel()

    def headers(self) -> list[str]:
        return list(self.section.headers) if self.section is not None else []

    def value(self, row: FigureRow, column: int) -> Value | None:
        return row.values[column] if column < len(row.values) else None

    def display(self, row: FigureRow, column: int) -> str:
        value = self.value(row, column)
        return cell_text(value) if value is not None else ""

    def sort_key(self, row: FigureRow, column: int) -> Any:
        value = self.value(row, column)
        return value.number() if value is not None and value.kind != "text" else self.display(row, column)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and 0 <= index.row() < len(self._rows):
            row = self._rows[index.row()]
            if role == Qt.ItemDataRole.TextAlignmentRole:
                value = self.value(row, index.column())
                return int(LEFT if value is None or value.kind == "text" else RIGHT)
            if role == Qt.ItemDataRole.FontRole and row.total:
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)
