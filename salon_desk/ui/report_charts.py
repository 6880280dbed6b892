"""The report page's two charts, drawn in the window (QtCharts, from PySide6-Addons).

- each day's net received, one bar a day, in yuan: the bars the PDF prints;
- the payment mix: each payment method's share of the money received, as a ring.

Both are made from the same ``MonthlyFigures`` as the tables, the PDF and the
exports; the words are the window's (tr()).
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis, QBarSeries, QBarSet, QCategoryAxis, QChart, QChartView, QPieSeries, QPieSlice, QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QApplication, QWidget

from ..report_figures import MonthlyFigures
from . import labels

BAR = QColor("#b5526a")          # the page's rose, as the key-figure strip
MIX = ("#b5526a", "#3d7a5c", "#3b6ea8", "#c98a2b", "#7a5aa6", "#888888")


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _nice_step(top: float) -> float:
    """A round step giving about four grid lines up to ``top`` yuan."""
    if top <= 0:
        return 100.0
    raw = top / 4
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10.0 * magnitude


class _ChartView(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        chart = QChart()
        chart.setBackgroundRoundness(0)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setTitleFont(_font(10.5, bold=True))
        chart.legend().setFont(_font(9))
        super().__init__(chart, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(360, 220)


class DayChart(_ChartView):
    """Bars of each day's net received (yuan), one per day of the period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("day_chart")
        self.chart().legend().hide()
        self.bars: QBarSet | None = None
        self.days: list[str] = []

    def show_figures(self, f: MonthlyFigures | None) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(self.tr("Net received each day (yuan)"))
        self.bars, self.days = None, []
        if f is None:
            return
        bars = QBarSet(self.tr("Net received"))
        bars.setColor(BAR)
        bars.setBorderColor(BAR)
        values = [d.net_fen / 100 for d in f.days]
        bars.append(values)
        series = QBarSeries()
        series.setBarWidth(0.7)
        series.append(bars)
        chart.addSeries(series)
        self.days = [str(d.day.day) for d in f.days]
        days = self._day_axis(f)
        amounts = QValueAxis()
        top = max(values + [0.0])
        step = _nice_step(top)
        amounts.setRange(min(0.0, min(values + [0.0])), step * (int(top // step) + 1))
        amounts.setTickCount(int(top // step) + 2 if min(values + [0.0]) >= 0 else 5)
        amounts.setLabelFormat("%.0f")
        amounts.setLabelsFont(_font(8))
        chart.addAxis(days, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(amounts, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(days)
        series.attachAxis(amounts)
        self.bars = bars

    @staticmethod
    def _day_axis(f: MonthlyFigures) -> QBarCategoryAxis | QCategoryAxis:
        """A month's 28-31 day numbers side by side are cut to "…": label the 1st and every 5th day
        under its bar. A single day (today's figures) is its one bar, labelled with its date."""
        if len(f.days) <= 7:
            axis: QBarCategoryAxis | QCategoryAxis = QBarCategoryAxis()
            axis.append([f"{d.day:%m-%d}" for d in f.days])
        else:
            axis = QCategoryAxis()
            axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
            axis.setStartValue(-0.5)
            for index, d in enumerate(f.days):
                if d.day.day == 1 or d.day.day % 5 == 0:
                    axis.append(str(d.day.day), index)
            axis.setRange(-0.5, len(f.days) - 0.5)
        axis.setLabelsFont(_font(8))
        axis.setGridLineVisible(False)
        return axis

    def values(self) -> list[float]:
        """The bars' heights in yuan, day by day (what a test reads)."""
        return [] if self.bars is None else [self.bars.at(i) for i in range(self.bars.count())]


class MixChart(_ChartView):
    """The payment mix: each method's share of the money received in the period."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mix_chart")
        legend = self.chart().legend()
        legend.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.series: QPieSeries | None = None

    def show_figures(self, f: MonthlyFigures | None) -> None:
        chart = self.chart()
        chart.removeAllSeries()
        chart.setTitle(self.tr("Payment mix (money received)"))
        self.series = None
        if f is None:
            return
        series = QPieSeries()
        series.setHoleSize(0.45)
        series.setPieSize(0.8)
        total = sum(m.received_fen for m in f.methods if m.received_fen > 0)
        for index, m in enumerate(x for x in f.methods if x.received_fen > 0):
            share = m.received_fen / total if total else 0
            piece = QPieSlice(self.tr("{method} {share}").format(
                method=labels.method_name(m.method), share=f"{share:.0%}"), m.received_fen / 100)
            piece.setProperty("amount", labels.money(m.received_fen))     # the table has the amounts
            piece.setColor(QColor(MIX[index % len(MIX)]))
            piece.setBorderColor(QColor("white"))
            series.append(piece)
        if not total:
            chart.setTitle(self.tr("Payment mix: no money received in this period"))
        chart.addSeries(series)
        self.series = series

    def shares(self) -> list[tuple[str, float]]:
        """(label, yuan) of each slice, largest first as the figures list them."""
        if self.series is None:
            return []
        return [(s.label(), s.value()) for s in self.series.slices()]
