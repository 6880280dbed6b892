"""The monthly commission sheet (提成表, A4) and the shift / day close report (交班 / 日结, 80 mm or A4)."""

from __future__ import annotations

from reportlab import rl_config
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer

from ..commission import CommissionSheet, TechnicianSheet
from ..shifts import ShiftReport
from . import labels
from .labels import yen
from .pages import BODY, CELL, H2, SMALL, SUBTITLE, TITLE, build_a4, grid, para
from .text_rows import TextRows
from .slip import Slip

ROLE = {"lead": "主理", "assistant": "助理"}
KIND = {"service": "服务", "product": "产品", "card_sale": "卡项"}
LINE_HEADER = ["日期", "小票号", "顾客", "项目", "指定", "角色", "业绩基数", "分成", "规则", "比例/手工费", "提成"]


def _pct(permille: int) -> str:
    return f"{permille / 10:g}%"


PERFORMANCE_HEAD = ["技师", "级别", "指定/轮牌", "主理/助理", "劳动业绩", "现金业绩", "卡耗"]
PAY_HEAD = ["技师", "服务提成", "手工费", "产品·卡项", "阶梯奖", "扣回", "调整", "应发"]


def _summary_tables(sheet: CommissionSheet) -> tuple[list[list[str]], list[list[str]]]:
    """The summary in two tables, so every amount has room: 业绩 (what was done) and 提成 (what is paid)."""
    ts = sheet.technicians
    work = [PERFORMANCE_HEAD] + [
        [t.name, t.level or "", f"{t.designated}/{t.rotation}", f"{t.as_lead}/{t.as_assistant}", yen(t.labour_fen),
         yen(t.cash_fen), yen(t.prepaid_fen)] for t in ts]
    work.append(["合计", "", f"{sum(t.designated for t in ts)}/{sum(t.rotation for t in ts)}",
                 f"{sum(t.as_lead for t in ts)}/{sum(t.as_assistant for t in ts)}",
                 yen(sum(t.labour_fen for t in ts)), yen(sum(t.cash_fen for t in ts)),
                 yen(sum(t.prepaid_fen for t in ts))])
    pay = [PAY_HEAD] + [
        [t.name, yen(t.service_fen), yen(t.fee_fen), yen(t.product_fen + t.card_sale_fen), yen(t.tier_fen),
         yen(t.clawback_fen), yen(t.adjust_fen), yen(t.net_fen)] for t in ts]
    pay.append(["合计", yen(sum(t.service_fen for t in ts)), yen(sum(t.fee_fen for t in ts)),
                yen(sum(t.product_fen + t.card_sale_fen for t in ts)), yen(sum(t.tier_fen for t in ts)),
                yen(sum(t.clawback_fen for t in ts)), yen(sum(t.adjust_fen for t in ts)),
                yen(sum(t.net_fen for t in ts))])
    return work, pay


def _technician_page(t: TechnicianSheet, sheet: CommissionSheet) -> list:
    w = 180 * mm
    story: list = [para(f"{t.name}　{t.level or ''}　{sheet.year}年{sheet.month}月提成明细", H2)]
    story.append(para(f"劳动业绩 {yen(t.labour_fen)}（其中卡耗 {yen(t.prepaid_fen)}）　现金业绩 {yen(t.cash_fen)}"
                      f"　指定 {t.designated} / 轮牌 {t.rotation}　主理 {t.as_lead} / 助理 {t.as_assistant}"))
    story.append(grid([["服务提成", "手工费", "产品", "卡项", "阶梯奖", "扣回", "调整", "应发"],
                       [yen(v) for v in (t.service_fen, t.fee_fen, t.product_fen, t.card_sale_fen, t.tier_fen,
                                         t.clawback_fen, t.adjust_fen, t.net_fen)]], [w / 8] * 8,
                      right=list(range(8))))
    if t.tier_bands:
        bands = "；".join(f"{yen(a)}–{yen(b) if b is not None else '以上'} 计 {yen(base)} × {_pct(r)} = {yen(v)}"
                          for a, b, base, r, v in t.tier_bands)
        story.append(para(f"阶梯：{bands}", SMALL))
    if t.clawback_receipts:
        story.append(para(f"扣回小票：{'、'.join(t.clawback_receipts)}", SMALL))
    for a in t.adjustments:
        story.append(para(f"手工调整 {a.day:%m-%d} {yen(a.amount_fen)}：{a.reason}（{a.by}）", SMALL))
    rows = [[f"{l.day:%m-%d}", l.receipt_no + ("（退）" if l.clawback else ""), l.customer, l.item,
             KIND.get(l.kind, l.kind) if l.kind != "service" else ("指定" if l.designated else "轮牌"),
             ROLE.get(l.role, l.role),
             yen(l.base_fen) + ("·卡" if l.prepaid else ""), _pct(l.share_permille), l.rule or "—",
             yen(l.fee_fen) if l.fee_fen else _pct(l.rate_permille), yen(l.amount_fen)] for l in t.lines]
    if rows:          # what the lines add up to: every commission above but the tier bonus and adjustments
        rows.append(["", "逐行合计", "", f"{len(t.lines)} 行", "", "", "", "", "", "",
                     yen(sum(l.amount_fen for l in t.lines))])
    widths = [w * f for f in (0.055, 0.19, 0.06, 0.14, 0.05, 0.05, 0.12, 0.055, 0.065, 0.105, 0.11)]
    # text runs at fixed columns, split page by page with the header repeated: a busy month's thousands
    # of lines lay out in linear time (reportlab's Table measured and styled every cell)
    story.append(TextRows(LINE_HEADER, rows or [["—"]], widths, right=[6, 7, 9, 10]))
    return story


def render_commission_sheet(sheet: CommissionSheet) -> bytes:
    """The summary per technician, then a page per technician with every line behind each figure."""
    story: list = [para(sheet.shop_name or "美容美发", TITLE),
                   para(f"{sheet.year}年{sheet.month}月 员工提成表" + ("（已结算）" if sheet.settled else "（未结算）"),
                        SUBTITLE), Spacer(1, 4 * mm)]
    w = 180 * mm
    work, pay = _summary_tables(sheet)
    story.append(para("业绩", H2))
    story.append(grid(work, [w * 0.16, w * 0.1, w * 0.11, w * 0.11, w * 0.18, w * 0.18, w * 0.16],
                      right=[2, 3, 4, 5, 6], total_row=True))
    story.append(para("提成", H2))
    story.append(grid(pay, [w * 0.16] + [w * 0.12] * 7, right=list(range(1, 8)), total_row=True))
    adjustments = [[t.name, f"{a.day:%m-%d}", yen(a.amount_fen), para(a.reason, CELL), a.by]
                   for t in sheet.technicians for a in t.adjustments]
    if adjustments:
        story.append(para("手工调整", H2))
        story.append(grid([["技师", "日期", "金额", "原因", "经办"]] + adjustments,
                          [w * 0.15, w * 0.1, w * 0.15, w * 0.45, w * 0.15], right=[2]))
    story.append(Spacer(1, 3 * mm))
    story.append(para("劳动业绩：本人完成服务的价值（含储值卡消耗与次卡消耗，按分成计）；现金业绩：其中实收金额；"
                      "卡耗：储值卡与次卡消耗。每人每行提成 = 业绩基数 × 分成 × 比例，按各自金额四舍五入到分。"
                      "退款、作废在其发生月份以负数扣回；已结算月份不再改动，更正记入下月。", SMALL))
    for t in sheet.technicians:
        story.append(PageBreak())
        story += _technician_page(t, sheet)
    # binary (Flate only) page streams: reportlab's pure-Python ASCII85 step cost a third of a busy month
    useA85, rl_config.useA85 = rl_config.useA85, 0
    try:
        return build_a4(story, f"提成表 {sheet.year}-{sheet.month:02d}", f"{sheet.shop_name} · 员工提成表",
                        f"生成于 {sheet.generated_at:%Y-%m-%d %H:%M}")
    finally:
        rl_config.useA85 = useA85


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
