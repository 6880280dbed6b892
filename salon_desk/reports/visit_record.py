"""One customer's visit record (到店记录) on A4: profile, preferences, membership, visits in a range.

Allergies are printed only when the record carries them: ``CustomerFile.allergies``
is None when the printing staff member's role may not see health notes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..records import CustomerFile, SaleSummary, ShopHeader
from . import labels
from .fonts import register_fonts, style
from .labels import yen
from .pages import ACCENT, BAND, BODY, CELL, CELL_R, H2, HEAD, MUTED, RULE, SMALL, SUBTITLE, TITLE, build_a4, para

WIDTH = 180 * mm - 12
FONT_NAME = register_fonts()
LABEL = style("label", 8.6, 11.5, textColor=MUTED)
VALUE = style("value", 9.2, 12)


def _esc(text: str) -> str:
    return (text or "").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def birthday_text(year: int | None, month: int | None, day: int | None) -> str:
    if not month or not day:
        return "未填"
    return f"{year}年{month}月{day}日" if year else f"{month}月{day}日"


def facts(pairs: Sequence[tuple[str, str]], columns: int = 2) -> Table:
    """Label / value pairs in ``columns`` column pairs, like a paper form."""
    cells, row = [], []
    for label, value in pairs:
        row += [Paragraph(_esc(label), LABEL), Paragraph(_esc(value) or "—", VALUE)]
        if len(row) == 2 * columns:
            cells.append(row)
            row = []
    if row:
        cells.append(row + [""] * (2 * columns - len(row)))
    label_w = 22 * mm
    value_w = (WIDTH - columns * label_w) / columns
    table = Table(cells, colWidths=[label_w, value_w] * columns)
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT_NAME, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return table


def profile_pairs(f: CustomerFile) -> list[tuple[str, str]]:
    pairs = [
        ("姓名", f.name + ("（已注销）" if f.anonymised else "")), ("手机", f.phone),
        ("性别", labels.GENDERS.get(f.gender, f.gender)), ("生日", birthday_text(f.birth_year, f.birth_month, f.birth_day)),
        ("地区", labels.REGIONS.get(f.region, f.region)), ("肤质", labels.SKIN.get(f.skin_type, f.skin_type)),
        ("建档日期", f"{f.first_seen:%Y-%m-%d}"), ("介绍人", f.referred_by_name or "无"),
    ]
    if f.allergies is not None:
        pairs.append(("过敏史", f.allergies or "无"))
    return pairs


def membership_pairs(f: CustomerFile) -> list[tuple[str, str]]:
    m = f.member
    if m is None:
        return [("会员", "非会员"), ("积分余额", f"{f.points:,}")]
    state = "有效" if m.active else f"已失效（{m.lapsed_at:%Y-%m-%d}）" if m.lapsed_at else "已失效"
    return [("会员卡号", m.member_no), ("会员等级", labels.tier(m.tier)),
            ("入会日期", f"{m.joined_at:%Y-%m-%d}"), ("会员状态", state),
            ("累计消费", yen(m.spend_fen)), ("累计到店", f"{m.visits} 次"),
            ("积分余额", f"{f.points:,}"), ("下一等级", labels.tier(m.next_tier) if m.next_tier else "已是最高等级")]


def visits_table(sales: Sequence[SaleSummary]) -> Table:
    rows = [[Paragraph(h, CELL if i < 3 else CELL_R) for i, h in enumerate(("日期", "小票号", "服务项目 / 技师"))]
            + [Paragraph("金额", CELL_R), Paragraph("备注", CELL)]]
    for s in sales:
        items, notes = [], []
        for line in s.lines:
            who = f"（{_esc(line.technician_name)}）" if line.technician_name else ""
            qty = f" ×{line.quantity}" if line.quantity != 1 else ""
            mark = " [已退]" if line.refunded else ""
            items.append(f"{_esc(line.name)}{qty}{who} {yen(line.amount_fen)}{mark}")
            if line.note:
                notes.append(_esc(line.note))
        amount = yen(s.amount_due_fen)
        if s.status == "voided":
            amount += "<br/>已作废"
        elif s.refunded_fen:
            amount += f"<br/>已退 {yen(s.refunded_fen)}"
        rows.append([Paragraph(f"{s.created_at:%Y-%m-%d}<br/>{s.created_at:%H:%M}", CELL),
                     Paragraph(s.receipt_no, CELL), Paragraph("<br/>".join(items), CELL),
                     Paragraph(amount, CELL_R), Paragraph("；".join(notes), CELL)])
    widths = [22 * mm, 28 * mm, 68 * mm, 25 * mm]
    table = Table(rows, colWidths=widths + [WIDTH - sum(widths)], repeatRows=1)
    commands = [("FONT", (0, 0), (-1, -1), FONT_NAME, 9),
                ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), HEAD),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT), ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    commands += [("BACKGROUND", (0, i), (-1, i), BAND) for i in range(2, len(rows), 2)]
    table.setStyle(TableStyle(commands))
    return table


def period_text(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{start:%Y-%m-%d} 至 {end:%Y-%m-%d}"
    if start:
        return f"{start:%Y-%m-%d} 起"
    if end:
        return f"截至 {end:%Y-%m-%d}"
    return "全部"


def render_visit_record(file: CustomerFile, sales: Sequence[SaleSummary], shop: ShopHeader,
                        start: date | None = None, end: date | None = None,
                        printed_at: datetime | None = None, printed_by: str = "") -> bytes:
    """The customer's file and their visits (newest first, as given) as an A4 PDF."""
    printed_at = printed_at or datetime.now().replace(microsecond=0)
    kept = [s for s in sales if s.status != "voided"]
    paid = sum(s.amount_due_fen - s.refunded_fen for s in kept)
    story: list = [
        Paragraph(f"{_esc(shop.name or '本店')}　顾客到店记录", TITLE),
        Paragraph(f"统计期间：{period_text(start, end)}　·　打印时间：{printed_at:%Y-%m-%d %H:%M}"
                  + (f"　·　打印人：{_esc(printed_by)}" if printed_by else ""), SUBTITLE),
        Spacer(1, 4 * mm),
        KeepTogether([Paragraph("基本资料", H2), facts(profile_pairs(file))]),
        KeepTogether([Paragraph("偏好与护理", H2), facts([
            ("偏好标签", "、".join(file.tags) or "无"), ("护理目标", file.care_goals or "无"),
            ("备注", file.notes or "无")], columns=1)]),
        KeepTogether([Paragraph("会员与积分", H2), facts(membership_pairs(file))]),
        CondPageBreak(30 * mm),                 # the heading, its summary and the first visits together
        Paragraph("到店记录", H2),
        para(f"期间到店 {len(kept)} 次，消费合计 {yen(paid)}（已扣除退款，不含作废单）。", BODY),
        Spacer(1, 2 * mm),
    ]
    story.append(visits_table(sales) if sales else para("此期间没有到店记录。", BODY))
    story += [Spacer(1, 5 * mm), para("本记录含顾客个人信息，仅供本店服务使用，请妥善保管，用后销毁。", SMALL)]
    name = file.name or "顾客"
    return build_a4(story, f"{name} 到店记录", f"{shop.name or ''} · 顾客到店记录 · {name}",
                    "含个人信息，请妥善保管")
