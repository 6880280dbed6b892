"""The monthly figures as XLSX (openpyxl) and CSV: the same sections as the PDF, as numbers.

Money goes out in yuan with two decimals (a number in XLSX, ``1234.50`` in
CSV); the CSV is UTF-8 with a byte-order mark so Excel opens the Chinese.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from ..card_records import ClosingRow
from ..report_figures import MonthlyFigures
from .figure_rows import Section, all_sections, definitions

SHEET_NAMES = {"revenue": "营业收入", "methods": "收款方式", "categories": "项目分类", "services": "热门服务",
               "technicians": "技师业绩", "customers": "客户", "tiers": "会员等级", "points": "积分",
               "key": "关键指标", "days": "每日营业", "care_key": "服务质量指标", "complaints": "投诉",
               "complaint_categories": "投诉类别", "complaint_technicians": "投诉按技师", "satisfaction": "满意度",
               "satisfaction_technicians": "满意度按技师", "followups": "回访", "segments": "客户分类",
               "at_risk": "风险客户", "prepaid": "储值卡与次卡",
               "appointments": "预约", "appointment_technicians": "预约按技师"}
FORMATS = {"fen": '"￥"#,##0.00;-"￥"#,##0.00', "count": "#,##0", "points": "#,##0", "rate": "0.0%"}
HEAD_FILL = PatternFill("solid", fgColor="EAD9DB")
THIN = Side(style="thin", color="999999")


def _heading(f: MonthlyFigures) -> str:
    return f"{f.shop_name or '本店'} {f.title}经营报表"


def _period(f: MonthlyFigures) -> str:
    last = date.fromordinal(f.end.toordinal() - 1)
    return f"统计期间 {f.start:%Y-%m-%d} 至 {last:%Y-%m-%d}，生成于 {f.generated_at:%Y-%m-%d %H:%M}"


HEADER_ROW = 4   # where each sheet's column headings are; the data starts below


def _sheet(wb: Workbook, f: MonthlyFigures, section: Section) -> None:
    ws = wb.create_sheet(SHEET_NAMES.get(section.key, section.key))
    ws["A1"] = f"{_heading(f)} · {section.title}"
    ws["A1"].font = Font(size=13, bold=True)
    ws["A2"] = _period(f)
    ws["A2"].font = Font(size=9, color="666666")
    for col, title in enumerate(section.headers, start=1):
        cell = ws.cell(HEADER_ROW, col, title)
        cell.font, cell.fill = Font(bold=True), HEAD_FILL
        cell.alignment = Alignment(horizontal="left" if col == 1 else "right")
    rows = list(section.rows) + ([section.total] if section.total else [])
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate(row, start=1):
            cell = ws.cell(r, col, value.number() if value.kind != "text" else value.raw)
            if value.kind in FORMATS:
                cell.number_format = FORMATS[value.kind]
        if section.total and r == HEADER_ROW + len(rows):
            for col in range(1, len(row) + 1):
                ws.cell(r, col).font = Font(bold=True)
                ws.cell(r, col).border = Border(top=THIN)
    if section.key == "key":
        for i, text in enumerate(definitions(f), start=HEADER_ROW + len(rows) + 2):
            ws.cell(i, 1, text).alignment = Alignment(wrap_text=False)
    for col in range(1, len(section.headers) + 1):
        letter = ws.cell(HEADER_ROW, col).column_letter
        ws.column_dimensions[letter].width = 34 if col == 1 and section.key in ("revenue", "customers", "points", "prepaid") \
            else (22 if col <= 2 else 16)
    ws.freeze_panes = ws.cell(HEADER_ROW + 1, 1)


def monthly_xlsx(f: MonthlyFigures) -> bytes:
    """A workbook with one sheet per section of the report."""
    wb = Workbook()
    wb.remove(wb.active)
    for section in all_sections(f):
        _sheet(wb, f, section)
    wb.properties.title = _heading(f)
    wb.properties.creator = "salon-desk"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def monthly_csv(f: MonthlyFigures) -> bytes:
    """One CSV: each line starts with its section's title, then that section's cells."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(["报表", _heading(f), _period(f)])
    for section in all_sections(f):
        out.writerow([])
        out.writerow([section.title, *section.headers])
        for row in list(section.rows) + ([section.total] if section.total else []):
            out.writerow([section.title, *(v.plain() for v in row)])
    out.writerow([])
    for text in definitions(f):
        out.writerow(["定义", text])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


CLOSING_HEADERS = ("顾客编号", "姓名", "手机", "储值卡号", "本金余额（元）", "赠送金余额（元）", "次卡剩余次数",
                   "次卡剩余价值（元）", "次卡明细")


def _closing_cells(row: ClosingRow) -> list:
    from decimal import Decimal
    return [row.customer_id, row.name, row.phone, row.card_no, Decimal(row.principal_fen) / 100,
            Decimal(row.bonus_fen) / 100, row.sessions_left, Decimal(row.sessions_value_fen) / 100, row.packages]


def closing_xlsx(rows: list[ClosingRow], shop_name: str, made_on: date) -> bytes:
    """The "shop closing or moving" list: every customer with a balance or sessions left."""
    wb = Workbook()
    ws = wb.active
    ws.title = "预付款清单"
    ws["A1"] = f"{shop_name or '本店'} 储值卡与次卡余额清单（{made_on:%Y-%m-%d}）"
    ws["A1"].font = Font(size=13, bold=True)
    for col, title in enumerate(CLOSING_HEADERS, start=1):
        cell = ws.cell(HEADER_ROW, col, title)
        cell.font, cell.fill = Font(bold=True), HEAD_FILL
    for r, row in enumerate(rows, start=HEADER_ROW + 1):
        for col, value in enumerate(_closing_cells(row), start=1):
            cell = ws.cell(r, col, value)
            if col in (5, 6, 8):
                cell.number_format = FORMATS["fen"]
    total = HEADER_ROW + len(rows) + 1
    ws.cell(total, 1, "合计").font = Font(bold=True)
    from decimal import Decimal
    for col, value in ((5, sum(r.principal_fen for r in rows)), (6, sum(r.bonus_fen for r in rows)),
                       (8, sum(r.sessions_value_fen for r in rows))):
        cell = ws.cell(total, col, Decimal(value) / 100)
        cell.number_format, cell.font = FORMATS["fen"], Font(bold=True)
    ws.cell(total, 7, sum(r.sessions_left for r in rows)).font = Font(bold=True)
    for col, width in zip("ABCDEFGHI", (10, 12, 15, 12, 16, 16, 14, 18, 40)):
        ws.column_dimensions[col].width = width
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def closing_csv(rows: list[ClosingRow]) -> bytes:
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\r\n")
    out.writerow(CLOSING_HEADERS)
    for row in rows:
        cells = _closing_cells(row)
        out.writerow([*cells[:4], f"{cells[4]:.2f}", f"{cells[5]:.2f}", cells[6], f"{cells[7]:.2f}", cells[8]])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
