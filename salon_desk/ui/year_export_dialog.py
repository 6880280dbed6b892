"""导出全年… on the reports page (owner): a year's books as one XLSX for the accountant.

The owner picks one of the years the shop has sales in (newest first) and where
to save; the export runs on a worker thread behind a progress dialog that counts
the months (``2025-03：1,234 笔``), with Cancel: a cancelled export writes nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QLabel, QVBoxLayout, QWidget,
)

from ..errors import SalonError
from . import errors_text
from .ops import Ops
from .progress_dialog import Cancelled, run_with_progress


class YearChoice(QDialog):
    """Which year to export; tests monkeypatch ``ask``."""

    def __init__(self, years: tuple[int, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("YearExport", "Export a year"))
        self.year = QComboBox()
        self.year.setObjectName("year")
        for year in years:
            self.year.addItem(str(year), year)
        explain = QLabel(QCoreApplication.translate(
            "YearExport", "Every sale, refund, void, sale line and card top-up of the calendar year, with the monthly totals, as one Excel workbook for your accountant. Phone numbers are not included; the export is recorded in the audit log."))
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(QCoreApplication.translate("YearExport", "Choose where to save…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(QCoreApplication.translate("YearExport", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        label = QLabel(QCoreApplication.translate("YearExport", "&Year:"))
        label.setBuddy(self.year)
        form.addRow(label, self.year)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.year.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, years: tuple[int, ...]) -> int | None:
        dialog = cls(years, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return int(dialog.year.currentData())


class YearFile:
    """Where to save the workbook; None when cancelled. Tests monkeypatch ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, year: int) -> Path | None:
        settings = QSettings()
        folder = settings.value("reports/folder", "") or str(Path.home())
        name = QCoreApplication.translate("YearExport", "{year} accounts.xlsx").format(year=year)
        path, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("YearExport", "Save the year as Excel"), str(Path(folder) / name),
                                              QCoreApplication.translate("YearExport", "Excel workbooks (*.xlsx)"))
        if not path:
            return None
        settings.setValue("reports/folder", str(Path(path).parent))
        return Path(path)


def export_year(parent: QWidget, ops: Ops, say: Callable[[str, bool], None]) -> Path | None:
    """Ask the year and the file, export behind a progress dialog with Cancel; ``say(text, ok)`` tells how
    it ended. The written file, or None."""
    from ..reports.year_workbook import YearWorkbook
    shop, staff = ops.shop, ops.staff
    years = ops.query(parent, lambda: shop.year_export.years(staff), default=None)
    if years is None:
        return None
    if not years:
        say(QCoreApplication.translate("YearExport", "The shop has no sales yet: there is no year to export."), False)
        return None
    year = YearChoice.ask(parent, years)
    if year is None:
        return None
    path = YearFile.ask(parent, year)
    if path is None:
        return None
    if not path.suffix:
        path = path.with_suffix(".xlsx")

    def work(report):
        try:
            return shop.year_export.export(staff, year, YearWorkbook(path), report=report)
        finally:
            shop.ctx.db.close()          # this thread's connection only (peewee keeps one per thread)
    try:
        label = QCoreApplication.translate("YearExport", "Exporting {year} to {path}…").format(year=year, path=str(path))
        done = run_with_progress(work, QCoreApplication.translate("YearExport", "Export a year"), label, parent,
                                 step_text=str)
    except Cancelled:
        say(QCoreApplication.translate("YearExport", "The export was cancelled; no file was written."), False)
        return None
    except SalonError as error:
        say(errors_text.message(error), False)
        return None
    say(QCoreApplication.translate("YearExport", "Saved {year} to {path}: {sales} sales, {refunds} refunds, {voids} voids.").format(
        year=year, path=str(path), sales=f"{done.sales:,}", refunds=done.refunds, voids=done.voids), True)
    return path
