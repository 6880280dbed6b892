"""The monthly commission sheet (提成表, A4) and the shift / day close report (交班 / 日结, 80 mm or A4)."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from ..commission import CommissionSheet, TechnicianSheet
from ..shifts import ShiftReport
from . import labels
from .labels import yen
from .pages import BODY, H2, SMALL, SUBTITLE, TITLE, build_a4, grid, para
from .slip import Slip

ROLE = {"lead": "主理", "assistant": "助理"}
KIND = {"service": "服务", "product": "产品", "card_sale": "卡项"}
CHUNK = 40


def _pct(permille: int) -> str:
    return f"{permille / 10:g}%"


def _summary_rows(sheet: CommissionSheet) -> list[list[str]]:
    rows = [["技师", "指定/轮牌", "主理/助理", "劳动业绩", "现金业绩", "卡耗", "服务提成", "手工费",
             "产品·卡项", "阶梯奖", "扣回", "应发"]]
    for t in sheet.technicians:
        rows.append([t.name, f"{t.designated}/{t.rotation}", f"{t.as_lead}/{t.as_assistant}", yen(t.labour_fen),
                     yen(t.cash_fen), yen(t.prepaid_fen), yen(t.service_fen), yen(t.fee_fen),
                     yen(t.product_fen + t.card_sale_fen), yen(t.tier_fen), yen(t.clawback_fen), yen(t.net_fen)])
    rows.append(["合计", "", "", yen(sum(t.labour_fen for t in sheet.technicians)),
                 yen(sum(t.cash_fen for t in sheet.technicians)), yen(sum(t.prepaid_fen for t in sheet.technicians)),
                 yen(sum(t.service_fen for t in sheet.technicians)), yen(sum(t.fee_fen for t in sheet.technicians)),
                 yen(sum(t.product_fen + t.card_sale_fen for t in sheet.technicians)),
                 yen(sum(t.tier_fen for t in sheet.technicians)), yen(sum(t.clawback_fen for t in sheet.technicians)),
                 yen(sum(t.net_fen for t in sheet.technicians))])
    return rows


def _technician_page(t: TechnicianSheet, sheet: CommissionSheet) -> list:
    w = 180 * mm
    story: list = [para(f"{t.name}　{t.level or ''}　{sheet.year}年{sheet.month}月提成明细", H2)]
    story.append(para(f"劳动业绩 {yen(t.labour_fen)}（其中卡耗 {yen(t.prepaid_fen)}）　服务提成 {yen(t.service_fen)}"
                      f"　手工费 {yen(t.fee_fen)}　产品 {yen(t.product_fen)}　卡项 {yen(t.card_sale_fen)}"
                      f"　阶梯奖 {yen(t.tier_fen)}　扣回 {yen(t.clawback_fen)}　应发 {yen(t.net_fen)}"))
    if t.tier_bands:
        bands = "；".join(f"{yen(a)}–{yen(b) if b is not None else '以上'} 计 {yen(base)} × {_pct(r)} = {yen(v)}"
                          for a, b, base, r, v in t.tier_bands)
        story.append(para(f"阶梯：{bands}", SMALL))
    if t.clawback_receipts:
        story.append(para(f"扣回小票：{'、'.join(t.clawback_receipts)}", SMALL))
    rows = [["日期", "小票号", "顾客", "项目", "指定", "角色", "业绩基数", "分成", "规则", "比例/手工费", "提成"]]
    for l in t.lines:
        rows.append([f"{l.day:%m-%d}", l.receipt_no + ("（退）" if l.clawback else ""), l.customer, l.item[:10],
                     "指定" if l.designated else "轮牌", ROLE.get(l.role, l.role),
                     yen(l.base_fen) + ("·卡" if l.prepaid else ""), _pct(l.share_permille), l.rule or "—",
                     yen(l.fee_fen) if l.fee_fen else _pct(l.rate_permille), yen(l.amount_fen)])
    widths = [w * 0.07, w * 0.15, w * 0.07, w * 0.13, w * 0.06, w * 0.06, w * 0.12, w * 0.07, w * 0.07, w * 0.1,
              w * 0.1]
    # tables of a page's rows each, the header on every one: a busy month's thousands of lines lay out
    # in linear time (one long table is split again and again)
    for start in range(1, max(len(rows), 2), CHUNK):
        story.append(grid([rows[0]] + rows[start:start + CHUNK], widths, right=[6, 7, 9, 10]))
    return story


def render_commission_sheet(sheet: CommissionSheet) -> bytes:
    """The summary per technician, then a page per technician with every line behind each figure."""
    story: list = [para(sheet.shop_name or "美容美发", TITLE),
                   para(f"{sheet.year}年{sheet.month}月 员工提成表" + ("（已结算）" if sheet.settled else "（未结算）"),
                        SUBTITLE), Spacer(1, 4 * mm)]
    w = 180 * mm
    story.append(grid(_summary_rows(sheet), [w * 0.09] + [w * 0.0827] * 11, right=list(range(3, 12))))
    story.append(Spacer(1, 3 * mm))
    story.append(para("劳动业绩：本人完成服务的价值（含储值卡消耗与次卡消耗，按分成计）；现金业绩：其中实收金额；"
                      "卡耗：储值卡与次卡消耗。每人每行提成 = 业绩基数 × 分成 × 比例，按各自金额四舍五入到分。"
                      "退款、作废在其发生月份以负数扣回；已结算月份不再改动，更正记入下月。", SMALL))
    for t in sheet.technicians:
        story.append(PageBreak())
        story += _technician_page(t, sheet)
    return build_a4(story, f"提成表 {sheet.year}-{sheet.month:02d}", f"{sheet.shop_name} · 员工提成表",
                    f"生成于 {sheet.generated_at:%Y-%m-%d %H:%M}")


def _methods(rows: tuple[tuple[str, int], ...]) -> list[tuple[str, str]]:
    return [(labels.method(m), yen(v)) for m, v in rows]


def _close_lines(r: ShiftReport) -> list[tuple[str, list[tuple[str, str]]]]:
    t = r.totals
    return [
        (f"销售 {t.sales_count} 单", _methods(t.sales)),
        (f"作废 {t.voids_count} 单", _methods(t.voids)),
        (f"退款 {t.refunds_count} 笔", _methods(t.refunds)),
        (f"充值 {t.topups_count} 笔", _methods(t.topups)),
        ("预付款退款", _methods(t.prepaid_refunds)),
        (f"次卡销售 {t.package_sales_count} 张", [("金额", yen(t.package_sales_fen))] if t.package_sales_count else []),
    ]


def _title(r: ShiftReport) -> str:
    return f"日结单 Z{r.z_no:04d}" if r.z_no is not None else "交班预览（X）"


def render_shift_report(r: ShiftReport, paper: str = "80mm") -> bytes:
    """The X or Z report, on the receipt printer's paper (80 mm / 58 mm) or on A4."""
    if paper == "A4":
        return _shift_a4(r)
    return shift_slip(r, paper).pdf()


def shift_slip(r: ShiftReport, paper: str = "80mm") -> Slip:
    """The X or Z report laid out on a roll (the PDF and the printer draw these rows)."""
    slip = Slip(paper, _title(r))
    slip.center(r.shop_name or "美容美发", 1.4, bold=True)
    slip.center(_title(r), 1.15, bold=True)
    slip.rule("solid")
    slip.pair("开班", f"{r.opened_at:%Y-%m-%d %H:%M} {r.opened_by}")
    slip.pair("交班" if r.z_no is not None else "截至", f"{r.until:%Y-%m-%d %H:%M} {r.closed_by}")
    slip.pair("备用金", yen(r.totals.float_fen))
    for head, rows in _close_lines(r):
        slip.rule()
        slip.text(head, bold=True)
        for left, right in rows or [("—", "")]:
            slip.pair(f"　{left}", right)
    slip.rule("double")
    slip.pair("应有现金", yen(r.cash_expected_fen), 1.2, bold=True)
    if r.counted_fen is not None:
        slip.pair("实点现金", yen(r.counted_fen), 1.2, bold=True)
        slip.pair("差额", yen(r.variance_fen or 0), 1.2, bold=True)
        if r.reason:
            slip.text(f"原因：{r.reason}")
        if r.authorised_by:
            slip.pair("授权店长", r.authorised_by)
        slip.pair("留存备用金", yen(r.next_float_fen or 0))
    if r.voids_and_refunds:
        slip.rule()
        slip.text("作废 / 退款明细", bold=True)
        for v in r.voids_and_refunds:
            slip.pair(f"{'作废' if v.kind == 'void' else '退款'} {v.receipt_no}", yen(v.amount_fen), 0.9)
            slip.text(f"　经办 {v.staff_name}　{v.reason}", 0.85)
    slip.rule("solid")
    slip.space(8)
    slip.text("收银员签字：____________")
    return slip


def _shift_a4(r: ShiftReport) -> bytes:
    w = 180 * mm
    story: list = [para(r.shop_name or "美容美发", TITLE), para(_title(r), SUBTITLE), Spacer(1, 4 * mm),
                   para(f"开班 {r.opened_at:%Y-%m-%d %H:%M}（{r.opened_by}）　"
                        f"{'交班' if r.z_no is not None else '截至'} {r.until:%Y-%m-%d %H:%M} {r.closed_by}　"
                        f"备用金 {yen(r.totals.float_fen)}")]
    rows = [["项目", "支付方式", "金额"]]
    for head, lines in _close_lines(r):
        for left, right in lines or [("—", "")]:
            rows.append([head, left, right])
    story.append(grid(rows, [w * 0.4, w * 0.3, w * 0.3], right=[2]))
    cash = [["应有现金", yen(r.cash_expected_fen)]]
    if r.counted_fen is not None:
        cash += [["实点现金", yen(r.counted_fen)], ["差额", yen(r.variance_fen or 0)],
                 ["原因 / 授权", f"{r.reason} {r.authorised_by}".strip() or "—"],
                 ["留存备用金", yen(r.next_float_fen or 0)]]
    story += [para("现金", H2), grid(cash, [w * 0.5, w * 0.5], header=False, right=[1])]
    if r.voids_and_refunds:
        vrows = [["类型", "小票号", "金额", "经办", "原因"]] + [
            ["作废" if v.kind == "void" else "退款", v.receipt_no, yen(v.amount_fen), v.staff_name, v.reason]
            for v in r.voids_and_refunds]
        story += [para("作废 / 退款明细", H2), grid(vrows, [w * 0.1, w * 0.25, w * 0.15, w * 0.15, w * 0.35],
                                                   right=[2])]
    story += [Spacer(1, 10 * mm), para("收银员签字：________________　　　　店长签字：________________", BODY)]
    return build_a4(story, _title(r), f"{r.shop_name} · {_title(r)}", f"{r.until:%Y-%m-%d %H:%M}")
