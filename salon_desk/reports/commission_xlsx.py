"""The monthly commission sheet as XLSX: the summary, then one worksheet per technician with every line
behind the figures, as numbers (yuan with two decimals, rates as percentages) the owner can sum again."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill

from ..commission import CommissionSheet, TechnicianSheet
from .commission_sheet import KIND, ROLE

YUAN = '"￥"#,##0.00;-"￥"#,##0.00'
PERCENT = "0.0%"
HEAD_FILL = PatternFill("solid", fgColor="EAD9DB")
SUMMARY_HEAD = ["技师", "级别", "指定", "轮牌", "主理", "助理", "劳动业绩", "现金业绩", "卡耗", "服务提成", "手工费",
                "产品提成", "卡项提成", "阶梯奖", "扣回", "调整", "应发", "扣回小票"]
LINE_HEAD = ["日期", "小票号", "顾客", "项目", "类型", "指定/轮牌", "角色", "业绩基数", "储值/次卡", "分成", "本人基数",
             "规则", "比例", "手工费", "提成", "退款扣回"]


def _yuan(fen: int) -> Decimal:
    return Decimal(fen) / 100


def _head(ws, row: int, titles: list[str]) -> None:
    for col, title in enumerate(titles, start=1):
        cell = ws.cell(row, col, title)
        cell.font, cell.fill = Font(bold=True), HEAD_FILL


def _summary(ws, sheet: CommissionSheet) -> None:
    ws["A1"] = f"{sheet.shop_name or '本店'} {sheet.year}年{sheet.month}月 员工提成表" + (
        "（已结算）" if sheet.settled else "（未结算）")
    ws["A1"].font = Font(size=13, bold=True)
    ws["A2"] = f"生成于 {sheet.generated_at:%Y-%m-%d %H:%M}"
    _head(ws, 4, SUMMARY_HEAD)
    for r, t in enumerate(sheet.technicians, start=5):
        values = [t.name, t.level or "", t.designated, t.rotation, t.as_lead, t.as_assistant,
                  *(_yuan(v) for v in (t.labour_fen, t.cash_fen, t.prepaid_fen, t.service_fen, t.fee_fen,
                                       t.product_fen, t.card_sale_fen, t.tier_fen, t.clawback_fen, t.adjust_fen,
                                       t.net_fen)), "、".join(t.clawback_receipts)]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col, value)
            if 7 <= col <= 17:
                cell.number_format = YUAN
    total = 5 + len(sheet.technicians)
    ws.cell(total, 1, "合计").font = Font(bold=True)
    for col in range(3, 18):
        letter = ws.cell(4, col).column_letter
        cell = ws.cell(total, col, f"=SUM({letter}5:{letter}{total - 1})" if sheet.technicians else 0)
        cell.font = Font(bold=True)
        if col >= 7:
            cell.number_format = YUAN
    row = total + 2
    adjustments = [(t, a) for t in sheet.technicians for a in t.adjustments]
    if adjustments:
        ws.cell(row, 1, "手工调整").font = Font(bold=True)
        _head(ws, row + 1, ["技师", "日期", "金额", "原因", "经办"])
        for i, (t, a) in enumerate(adjustments, start=row + 2):
            for col, value in enumerate((t.name, a.day, _yuan(a.amount_fen), a.reason, a.by), start=1):
                cell = ws.cell(i, col, value)
                if col == 3:
                    cell.number_format = YUAN
                if col == 2:
                    cell.number_format = "yyyy-mm-dd"
    for col in range(1, len(SUMMARY_HEAD) + 1):
        ws.column_dimensions[ws.cell(4, col).column_letter].width = 14
    ws.freeze_panes = "B5"


def _technician(ws, t: TechnicianSheet, sheet: CommissionSheet) -> None:
    ws["A1"] = f"{t.name} {t.level or ''} {sheet.year}年{sheet.month}月提成明细"
    ws["A1"].font = Font(size=13, bold=True)
    ws["A2"] = (f"应发 {t.net_fen / 100:,.2f} 元 = 服务提成 {t.service_fen / 100:,.2f} + 手工费 {t.fee_fen / 100:,.2f}"
                f" + 产品 {t.product_fen / 100:,.2f} + 卡项 {t.card_sale_fen / 100:,.2f} + 阶梯奖 {t.tier_fen / 100:,.2f}"
                f" + 扣回 {t.clawback_fen / 100:,.2f} + 调整 {t.adjust_fen / 100:,.2f}")
    _head(ws, 4, LINE_HEAD)
    for r, l in enumerate(t.lines, start=5):
        values = [l.day, l.receipt_no, l.customer, l.item, KIND.get(l.kind, l.kind), "指定" if l.designated else "轮牌",
                  ROLE.get(l.role, l.role), _yuan(l.base_fen), "是" if l.prepaid else "", l.share_permille / 1000,
                  _yuan(l.share_base_fen), l.rule, l.rate_permille / 1000, _yuan(l.fee_fen), _yuan(l.amount_fen),
                  "是" if l.clawback else ""]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(r, col, value)
            if col in (8, 11, 14, 15):
                cell.number_format = YUAN
            elif col in (10, 13):
                cell.number_format = PERCENT
            elif col == 1:
                cell.number_format = "yyyy-mm-dd"
    for col, width in zip("ABCDEFGHIJKLMNOP", (11, 16, 8, 18, 6, 9, 6, 12, 9, 7, 12, 8, 7, 10, 10, 8)):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A5"


def commission_sheet_xlsx(sheet: CommissionSheet) -> bytes:
    """A workbook: 汇总 (the summary and adjustments), then a worksheet per technician."""
    wb = Workbook()
    ws = wb.active
    ws.title = "汇总"
    _summary(ws, sheet)
    used = {"汇总"}
    for t in sheet.technicians:
        name = "".join(ch for ch in t.name if ch not in "[]:*?/\\")[:28] or str(t.staff_id)
        while name in used:
            name += "'"
        used.add(name)
        _technician(wb.create_sheet(name), t, sheet)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
