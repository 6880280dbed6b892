"""The owner's monthly report (月度经营报表) on A4: key figures, tables and a per-day bar chart.

Takes a MonthlyFigures and nothing else; the XLSX and CSV print the same
sections (``figure_rows``), so the three always agree.
"""

from __future__ import annotations

from datetime import date

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..report_figures import MonthlyFigures
from .figure_rows import (
    DEFINITIONS, Section, appointment_technicians_section, appointments_section, at_risk_section, care_key_section, categories_section, complaint_categories_section,
    complaint_technicians_section, complaints_section, customers_section, days_section, followups_section,
    key_section, methods_section, satisfaction_section, satisfaction_technicians_section, segments_section,
    points_section, prepaid_section, revenue_section, services_section, technicians_section, tiers_section,
)
from .fonts import register_fonts, style
from .labels import yen
from .pages import ACCENT, BAND, BODY, H2, INK, MUTED, RULE, SMALL, SUBTITLE, TITLE, build_a4, grid, para

WIDTH = 180 * mm - 12   # A4 less the margins and the frame's padding
KPI_LABEL = style("kpi_label", 8, 10, "center", textColor=MUTED)
KPI_VALUE = style("kpi_value", 13, 16, "center", textColor=INK)


def _cells(section: Section, with_total: bool = True) -> list[list[str]]:
    rows = [list(section.headers)]
    rows += [[v.text() for v in row] for row in section.rows]
    if with_total and section.total:
        rows.append([v.text() for v in section.total])
    return rows


def _parts(section: Section, widths: list[float], right: list[int] | None = None) -> list:
    """The section's heading and table; widths in mm of a 180 mm line, scaled to the frame."""
    scale = WIDTH / (180 * mm)
    return [Paragraph(section.title, H2),
            grid(_cells(section), [w * scale for w in widths], right=right, total_row=section.total is not None)]


def _table(section: Section, widths: list[float], right: list[int] | None = None) -> list:
    return [KeepTogether(_parts(section, widths, right))]


def _kpis(f: MonthlyFigures) -> Table:
    r, c = f.revenue, f.customers
    items = [("实收净额", r.net_fen, "fen"), ("小票数", r.receipts, "n"), ("平均客单价", r.average_ticket_fen, "fen"),
             ("到店客户", c.distinct_customers, "n"), ("新客户", c.new_customers, "n"),
             ("复购率", f.key.repurchase.percent(), "s")]
    values = [yen(v) if k == "fen" else (f"{v:,}" if k == "n" else v) for _, v, k in items]
    table = Table([[Paragraph(label, KPI_LABEL) for label, _, _ in items],
                   [Paragraph(v, KPI_VALUE) for v in values]], colWidths=[WIDTH * 0.2] + [WIDTH * 0.16] * 5)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), register_fonts(), 9), ("BOX", (0, 0), (-1, -1), 0.8, ACCENT), ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEBELOW", (0, 0), (-1, 0), 0, colors.white), ("BACKGROUND", (0, 0), (-1, -1), BAND),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 1), (-1, 1), 6),
    ]))
    return table


def _side_by_side(left: list, right: list, left_width: float) -> Table:
    table = Table([[left, right]], colWidths=[left_width, WIDTH - left_width])
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), register_fonts(), 9),
                               ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (0, 0), 8), ("RIGHTPADDING", (1, 0), (1, 0), 0)]))
    return table


def _nice_step(top: float) -> float:
    """A round axis step giving about five gridlines."""
    if top <= 0:
        return 1
    raw = top / 5
    magnitude = 10 ** (len(str(int(raw))) - 1)
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def day_chart(f: MonthlyFigures, width: float = WIDTH, height: float = 62 * mm) -> Drawing:
    """Bars of each day's net received, in yuan."""
    font = register_fonts()
    values = [d.net_fen / 100 for d in f.days]
    drawing = Drawing(width, height, initialFontName=font)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 22
    chart.width, chart.height = width - 50, height - 40
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = [str(d.day.day) for d in f.days] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.strokeColor = INK
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 6.5
    top = max(values + [0])
    step = _nice_step(top)
    chart.valueAxis.valueMin = min(0, min(values + [0]))
    chart.valueAxis.valueMax = step * (int(top // step) + 1)
    chart.valueAxis.valueStep = step
    chart.valueAxis.labelTextFormat = lambda v: f"{v:,.0f}"
    chart.valueAxis.gridStrokeColor = RULE
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.strokeColor = INK
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barSpacing = 1
    chart.groupSpacing = 3
    drawing.add(chart)
    drawing.add(String(0, height - 10, "每日实收（元）", fontName=font, fontSize=8.5, fillColor=INK))
    drawing.add(String(width, 4, "日", fontName=font, fontSize=7, fillColor=MUTED, textAnchor="end"))
    return drawing


def _days_table(f: MonthlyFigures) -> Table:
    """The per-day figures in two halves side by side."""
    section = days_section(f)
    cells = _cells(section, with_total=False)
    header, body = cells[0], cells[1:]
    half = (len(body) + 1) // 2
    widths = [12 * mm, 12 * mm, 22 * mm, 18 * mm, 21 * mm]
    left = grid([header] + body[:half], widths, font_size=7.8)
    right = grid([header] + body[half:], widths, font_size=7.8)
    return _side_by_side([left], [right], WIDTH / 2)


def _care(f: MonthlyFigures) -> list:
    """The care pages: key figures, complaints, satisfaction, follow-ups, segments and the at-risk list."""
    c = f.care
    if c is None:
        return []
    from ..care_figures import DEFINITIONS as CARE_DEFINITIONS
    story: list = [CondPageBreak(90 * mm)]
    story += _table(care_key_section(c), [58 * mm, 30 * mm, 52 * mm, 40 * mm])
    story.append(_side_by_side(_parts(complaints_section(c), [56 * mm, 32 * mm]),
                               _parts(complaint_categories_section(c), [40 * mm, 30 * mm]), 92 * mm))
    story += _table(complaint_technicians_section(c), [90 * mm, 90 * mm])
    story += [CondPageBreak(60 * mm)]
    story += _table(satisfaction_section(c), [80 * mm, 50 * mm, 50 * mm])
    story += _table(satisfaction_technicians_section(c), [44 * mm, 34 * mm, 34 * mm, 34 * mm, 34 * mm])
    story += [CondPageBreak(60 * mm)]
    story += _table(followups_section(c), [52 * mm, 32 * mm, 32 * mm, 32 * mm, 32 * mm])
    if c.segment_counts:
        story += [CondPageBreak(60 * mm)]
        story += _table(segments_section(c), [60 * mm, 40 * mm, 40 * mm, 40 * mm])
        risky = at_risk_section(c)
        story += [CondPageBreak(60 * mm)] + _parts(risky, [14 * mm, 28 * mm, 30 * mm, 30 * mm, 78 * mm])
    story += [Spacer(1, 2 * mm)] + [para(d, SMALL) for d in CARE_DEFINITIONS + c.segment_rules]
    return story


def render_monthly_report(f: MonthlyFigures) -> bytes:
    """The A4 PDF of the month's figures."""
    name = f.shop_name or "本店"
    last = f.end.toordinal() - 1
    period = f"统计期间：{f.start:%Y-%m-%d} 至 {date.fromordinal(last):%Y-%m-%d}"
    story: list = [
        Paragraph(f"{name}　月度经营报表", TITLE),
        Paragraph(f"{f.title}　·　{period}　·　生成时间：{f.generated_at:%Y-%m-%d %H:%M}", SUBTITLE),
        Spacer(1, 5 * mm), _kpis(f), Spacer(1, 2 * mm),
    ]
    story.append(_side_by_side(_parts(revenue_section(f), [56 * mm, 34 * mm]),
                               _parts(methods_section(f), [19 * mm, 22 * mm, 20 * mm, 22 * mm]), 92 * mm))
    story += [Spacer(1, 4 * mm), KeepTogether([Paragraph("每日营业", H2), day_chart(f)])]
    story += _table(categories_section(f), [34 * mm, 20 * mm, 32 * mm, 32 * mm, 30 * mm, 32 * mm])
    story += _table(services_section(f), [16 * mm, 66 * mm, 36 * mm, 24 * mm, 38 * mm], right=[3, 4])
    story += [CondPageBreak(50 * mm)]
    story += _table(technicians_section(f), [40 * mm, 24 * mm, 24 * mm, 32 * mm, 28 * mm, 32 * mm])
    story += [CondPageBreak(80 * mm)]
    story.append(_side_by_side(_parts(customers_section(f), [62 * mm, 30 * mm]),
                               _parts(tiers_section(f), [44 * mm, 30 * mm]), 100 * mm))
    story += _table(points_section(f), [120 * mm, 60 * mm])
    if f.prepaid is not None:
        story += _table(prepaid_section(f), [120 * mm, 60 * mm])
    if f.appointments is not None:
        story += _table(appointments_section(f), [120 * mm, 60 * mm])
        story += _table(appointment_technicians_section(f), [40 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm, 28 * mm])
    story += [CondPageBreak(60 * mm)]
    key = key_section(f)
    story += [KeepTogether(_parts(key, [50 * mm, 35 * mm, 55 * mm, 40 * mm])
                           + [Spacer(1, 2 * mm)] + [para(d, SMALL) for d in DEFINITIONS])]
    story += _care(f)
    story += [CondPageBreak(120 * mm), Paragraph("每日明细", H2), _days_table(f)]
    story += [Spacer(1, 6 * mm), para("店长签字：________________　　　　日期：________________", BODY)]
    return build_a4(story, f"{name} {f.title}经营报表", f"{name} · {f.title}经营报表",
                    "内部资料，注意保密")
