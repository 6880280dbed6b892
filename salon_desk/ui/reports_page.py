"""报表 (owner only): a month's figures on screen, previewed, printed, saved as PDF / XLSX / CSV.

The figures come from ``shop.monthly_figures`` (or ``day_figures`` for today)
and are shown through the same sections the PDF and the exports print, so
the three never disagree. Computed when the page is first shown, not at login.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QListWidget, QPushButton,
    QVBoxLayout, QWidget,
)

from ..report_figures import MonthlyFigures
from ..roles import Perm
from ..reports.figure_rows import DEFINITIONS, Section, Value, all_sections, count, definitions, fen
from . import printing, report_words
from .report_charts import DayChart, MixChart
from .ops import CUSTOMERS, SALES, Ops
from .progress_dialog import Cancelled, Report, run_with_progress
from .report_models import FigureTableModel, cell_text
from .widgets import big_label, make_table

PROGRESS_AFTER_MS = 400          # work shorter than this shows no progress dialog
Period = tuple[str, object]          # ("month", (year, month)) or ("day", date)


class ReportFile:
    """Where to save a report file; None when cancelled. Tests monkeypatch ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, name: str, file_filter: str) -> Path | None:
        settings = QSettings()
        folder = settings.value("reports/folder", "") or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name), file_filter)
        if not path:
            return None
        settings.setValue("reports/folder", str(Path(path).parent))
        return Path(path)


def periods(today: date, first_day: date | None) -> list[Period]:
    """Today, this month so far, then every month back to the shop's first (at least a year), newest first."""
    out: list[Period] = [("day", today)]
    first = first_day or today
    oldest = min((first.year, first.month), (today.year - 1, today.month))
    year, month = today.year, today.month
    while (year, month) >= oldest:
        out.append(("month", (year, month)))
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return out


class ReportsPage(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = ops
        self.shop = ops.shop
        self.figures: MonthlyFigures | None = None
        self.section_list: list[Section] = []
        self.stale = True

        self.period = QComboBox()
        self.period.setObjectName("period")
        self.period.setMinimumWidth(180)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("preview", self.tr("Preview…"), self.preview),
                                ("print", self.tr("Print…"), self.print_report),
                                ("pdf", self.tr("Save PDF…"), lambda: self.save("pdf")),
                                ("xlsx", self.tr("Save Excel (XLSX)…"), lambda: self.save("xlsx")),
                                ("csv", self.tr("Save CSV…"), lambda: self.save("csv")),
                                ("closing", self.tr("Prepaid balances list…"), self.save_closing_list),
                                ("commission", self.tr("Commission sheet…"), self.save_commission_sheet)):
            button = QPushButton(text)
            button.setObjectName(f"{key}_button")
            button.clicked.connect(slot)
            self.buttons[key] = button
        self.year_button = QPushButton(self.tr("Export a year…"))      # the owner's, for the accountant
        self.year_button.setObjectName("year_button")
        self.year_button.setVisible(ops.can(Perm.EXPORT))
        self.year_button.clicked.connect(self.export_year)
        self.title = big_label("", 15)
        self.title.setObjectName("report_title")
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #666;")
        self.kpis = QFrame()
        self.kpis.setObjectName("kpis")
        self.kpis.setStyleSheet("#kpis { background: #f7eef0; border: 1px solid #c9a3ab; border-radius: 4px; }")
        self.kpi_values: dict[str, QLabel] = {}
        self.sections = QListWidget()
        self.sections.setObjectName("sections")
        self.sections.setFixedWidth(210)
        self.sections.setStyleSheet("QListWidget { font-size: 14px; } QListWidget::item { padding: 5px 8px; }")
        self.model = FigureTableModel(self)
        self.table = make_table(self.model)
        self.table.setObjectName("figures")
        self.day_chart = DayChart(self)
        self.mix_chart = MixChart(self)
        self.notes = QLabel("\n".join(DEFINITIONS))
        self.notes.setWordWrap(True)
        self.notes.setStyleSheet("color: #666; font-size: 11px;")
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self._layout()
        self._fill_periods()
        self.period.currentIndexChanged.connect(lambda _i: self.load())
        self.refresh_button.clicked.connect(self.load)
        self.sections.currentRowChanged.connect(self.show_section)
        ops.changed.connect(self.on_changed)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.period)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        for button in self.buttons.values():
            top.addWidget(button)
        top.addWidget(self.year_button)
        grid = QGridLayout(self.kpis)
        for column, (key, text) in enumerate(self._kpi_names()):
            name = QLabel(text)
            name.setAlignment(Qt.AlignmentFlag.AlignCenter)
            name.setStyleSheet("color: #666;")
            value = big_label("—", 16)
            value.setObjectName(f"kpi_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(name, 0, column)
            grid.addWidget(value, 1, column)
            self.kpi_values[key] = value
        charts = QVBoxLayout()
        charts.addWidget(self.day_chart, 3)
        charts.addWidget(self.mix_chart, 2)
        body = QHBoxLayout()
        body.addWidget(self.sections)
        body.addWidget(self.table, 1)
        body.addLayout(charts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.kpis)
        layout.addLayout(body, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.status)

    def _kpi_names(self) -> list[tuple[str, str]]:
        return [("net", self.tr("Net received")), ("receipts", self.tr("Receipts")),
                ("average", self.tr("Average ticket")), ("customers", self.tr("Customers")),
                ("new", self.tr("New customers")), ("repurchase", self.tr("Repurchase rate"))]

    def _fill_periods(self) -> None:
        today = self.shop.today()
        created = self.shop.reports.first_day(self.ops.staff)
        default = 0
        for kind, value in periods(today, created):
            if kind == "day":
                text = self.tr("Today ({date})").format(date=f"{value:%Y-%m-%d}")
            elif value == (today.year, today.month):
                text = self.tr("{year}-{month} (so far)").format(year=value[0], month=f"{value[1]:02d}")
            else:
                text = self.tr("{year}-{month}").format(year=value[0], month=f"{value[1]:02d}")
                default = default or self.period.count()      # the last full month
            self.period.addItem(text, (kind, value))
        self.period.setCurrentIndex(default)

    # -- loading -------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.stale:
            self.load()

    def on_changed(self, scopes: frozenset) -> None:
        if scopes & {SALES, CUSTOMERS}:
            self.stale = True
            if self.isVisible():
                self.load()

    def chosen_period(self) -> Period:
        return self.period.currentData()

    def load(self) -> None:
        kind, value = self.chosen_period()
        staff = self.ops.staff
        if kind == "day":
            action = lambda: self.shop.reports.day(staff, value)  # noqa: E731
        else:
            action = lambda: self.shop.reports.month(staff, *value)  # noqa: E731
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:       # the first report on a large file reads its history: a dialog if it takes a while
            figures = self.ops.query(self, lambda: run_with_progress(
                lambda _report: action(), self.tr("Report"), self.tr("Working out the figures…"), self,
                cancellable=False, minimum_ms=PROGRESS_AFTER_MS))
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.stale = False
        self.show_figures(figures)

    def show_figures(self, f: MonthlyFigures | None) -> None:
        self.figures = f
        for button in self.buttons.values():
            button.setEnabled(f is not None)
        self.status.clear()
        keep = self.sections.currentRow()
        self.sections.blockSignals(True)
        self.sections.clear()
        self.section_list = all_sections(f) if f is not None else []
        self.notes.setText("\n".join(report_words.footnotes(definitions(f) if f is not None else DEFINITIONS)))
        for section in self.section_list:
            self.sections.addItem(report_words.words(section.title))
        self.sections.blockSignals(False)
        self.day_chart.show_figures(f)
        self.mix_chart.show_figures(f)
        if f is None:
            self.title.setText("")
            self.subtitle.setText("")
            self.model.set_section(None)
            return
        self.title.setText(self.tr("{shop} — business report {period}").format(
            shop=f.shop_name or self.tr("The shop"), period=self.period_name(f)))
        last = date.fromordinal(f.end.toordinal() - 1)
        self.subtitle.setText(self.tr("From {start} to {end}, worked out at {when}").format(
            start=f"{f.start:%Y-%m-%d}", end=f"{last:%Y-%m-%d}", when=f"{f.generated_at:%Y-%m-%d %H:%M}"))
        r, c = f.revenue, f.customers
        for key, value in (("net", fen(r.net_fen)), ("receipts", count(r.receipts)),
                           ("average", fen(r.average_ticket_fen)), ("customers", count(c.distinct_customers)),
                           ("new", count(c.new_customers)), ("repurchase", Value(f.key.repurchase, "rate"))):
            self.kpi_values[key].setText(cell_text(value))
        self.sections.setCurrentRow(keep if 0 <= keep < self.sections.count() else 0)
        self.show_section(self.sections.currentRow())

    def period_name(self, f: MonthlyFigures) -> str:
        """``November 2026`` / ``2026年11月``; a single day as its date."""
        if (f.end - f.start).days == 1:
            return self.tr("{year}-{month}-{day}").format(year=f.start.year, month=f"{f.start.month:02d}",
                                                          day=f"{f.start.day:02d}")
        return self.tr("{year}-{month}").format(year=f.year, month=f"{f.month:02d}")

    def show_section(self, row: int) -> None:
        sections = self.section_list
        self.model.set_section(report_words.section(sections[row]) if 0 <= row < len(sections) else None)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == 0
                                        else QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(110)
        # a label and its amount stay within one glance: a narrow table for a two-column section
        self.table.setMaximumWidth(560 if self.model.columnCount() <= 2 else 940)

    # -- output --------------------------------------------------------------
    def preview(self) -> None:
        if self.figures is not None:
            printing.preview_monthly_report(self, self.figures)

    def print_report(self) -> None:
        if self.figures is not None:
            printing.print_with_dialog(self, printing.monthly_report_pdf(self.figures), self.figures.title)

    def save(self, kind: str) -> Path | None:
        f = self.figures
        if f is None:
            return None
        titles = {"pdf": (self.tr("Save the report as PDF"), self.tr("PDF files (*.pdf)")),
                  "xlsx": (self.tr("Save the figures as Excel"), self.tr("Excel workbooks (*.xlsx)")),
                  "csv": (self.tr("Save the figures as CSV"), self.tr("CSV files (*.csv)"))}
        title, file_filter = titles[kind]
        path = ReportFile.ask(self, title, printing.report_file_name(f, kind), file_filter)
        if path is None:
            return None
        if not path.suffix:
            path = path.with_suffix(f".{kind}")
        partial = path.with_name(path.name + ".partial")     # the file appears whole or not at all

        def write(report: Report) -> None:
            report(0, 2, "")
            printing.save_monthly_exports(f, **{kind: partial})
            report(1, 2, "")                                  # a cancel here leaves nothing behind
            partial.replace(path)
        try:
            run_with_progress(write, self.tr("Saving"), self.tr("Saving {path}…").format(path=str(path)), self,
                              minimum_ms=PROGRESS_AFTER_MS)
        except Cancelled:
            partial.unlink(missing_ok=True)
            self._report(self.tr("Not saved: cancelled."), False)
            return None
        except OSError as problem:
            partial.unlink(missing_ok=True)
            self._report(self.tr("Could not write {path}: {problem}").format(
                path=str(path), problem=problem.strerror or str(problem)), False)
            return None
        self.ops.shop.reports.record_export(self.ops.staff, f.start, f.end, kind, str(path))
        self._report(self.tr("Saved to {path}").format(path=str(path)), True)
        return path

    def save_closing_list(self) -> Path | None:
        """Every customer with a card balance or sessions left (shop closing or moving), as XLSX or CSV."""
        from ..reports.exports import closing_csv, closing_xlsx
        today = self.shop.today()
        path = ReportFile.ask(self, self.tr("Save the prepaid balances list"), f"prepaid-balances-{today}.xlsx",
                              self.tr("Excel workbooks (*.xlsx);;CSV files (*.csv)"))
        if path is None:
            return None
        if not path.suffix:
            path = path.with_suffix(".xlsx")
        outcome = self.ops.run(self, lambda: self.shop.cards.closing_list(self.ops.staff))
        if not outcome.ok:
            return None
        data = (closing_csv(outcome.value) if path.suffix.lower() == ".csv"
                else closing_xlsx(outcome.value, self.shop.settings.value("shop.name"), today))
        try:
            path.write_bytes(data)
        except OSError as problem:
            self._report(self.tr("Could not write {path}: {problem}").format(
                path=str(path), problem=problem.strerror or str(problem)), False)
            return None
        self._report(self.tr("Saved to {path}").format(path=str(path)), True)
        return path

    def save_commission_sheet(self) -> Path | None:
        """The month's commission sheet as PDF: every technician for the owner, one's own for a technician."""
        from ..reports.commission_sheet import render_commission_sheet
        kind, value = self.chosen_period()
        year, month = value if kind == "month" else (value.year, value.month)   # type: ignore[misc, union-attr]
        path = ReportFile.ask(self, self.tr("Save the commission sheet"), f"commission-{year}-{month:02d}.pdf",
                              self.tr("PDF files (*.pdf)"))
        if path is None:
            return None
        outcome = self.ops.run(self, lambda: self.shop.commission.sheet(self.ops.staff, year, month))
        if not outcome.ok:
            return None
        try:
            path.write_bytes(render_commission_sheet(outcome.value))
        except OSError as problem:
            self._report(self.tr("Could not write {path}: {problem}").format(
                path=str(path), problem=problem.strerror or str(problem)), False)
            return None
        self._report(self.tr("Saved to {path}").format(path=str(path)), True)
        return path

    def export_year(self) -> Path | None:
        """A calendar year's books as one XLSX (ui/year_export_dialog.py)."""
        from .year_export_dialog import export_year
        return export_year(self, self.ops, self._report)

    def _report(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #1b6e20;" if ok else "color: #b00020; font-weight: bold;")
