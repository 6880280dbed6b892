"""The receipt (小票) and the void / refund slip, from a stored ReceiptRecord (SPEC §6).

80 mm roll by default, 58 mm and A5 by setting; amounts with the full-width
￥ that thermal printers' Chinese fonts have. A reprint says 重印 / REPRINT.
"""

from __future__ import annotations

from datetime import datetime

from ..money import format_rate
from ..records import ReceiptLine, ReceiptRecord, ReceiptSession, RefundInfo
from . import labels
from .labels import sentences, yen
from .slip import Slip


def minus(fen: int) -> str:
    return "-" + yen(fen)


def _header(slip: Slip, record: ReceiptRecord, title: str, reprint: bool,
            printed_at: datetime | None) -> None:
    shop = record.shop
    slip.center(shop.name or "美容美发", 1.55, bold=True)
    if shop.address:
        slip.center(shop.address, 0.9)
    if shop.phone:
        slip.center(f"电话：{shop.phone}", 0.9)
    slip.space(2)
    slip.center(title, 1.15, bold=True)
    if reprint:
        slip.banner("重印  REPRINT")
        if printed_at is not None:
            slip.center(f"重印时间：{printed_at:%Y-%m-%d %H:%M}", 0.85)
    slip.rule("solid")


def _customer(slip: Slip, record: ReceiptRecord) -> None:
    if record.customer_id is None:
        slip.pair("顾客", "散客")
    elif record.customer_erased:
        slip.pair("顾客", "（已注销）")
    else:
        name = record.customer_name or ""
        slip.pair("顾客", f"{name}  {record.phone_masked}".strip())
    if record.member_no:
        slip.pair("会员卡号", record.member_no)
        if record.tier:
            slip.pair("会员等级", labels.tier(record.tier))


def _line(slip: Slip, line: ReceiptLine, session: ReceiptSession | None = None) -> None:
    name = line.name + (f"（{line.technician_name}）" if line.technician_name else "")
    if line.refunded:
        name += " [已退]"
    slip.text(name)
    qty = f"{yen(line.unit_price_fen)} × {line.quantity}"
    slip.columns([(qty, 0.04, "left"), (format_rate(line.rate_permille), 0.62, "right"),
                  (yen(line.amount_fen), 1.0, "right")])
    if session is not None:
        slip.pair(f"次卡抵扣（{session.package_name}）", minus(line.list_amount_fen), 0.9, indent=slip.size() * 0.5)
        slip.pair("剩余次数", f"{session.sessions_left} 次", 0.9, indent=slip.size() * 0.5)
    if line.birthday_discount_fen:
        slip.pair("生日免单", minus(line.birthday_discount_fen), 0.9, indent=slip.size() * 0.5)
    if line.note:
        slip.text(f"备注：{line.note}", 0.85, indent=slip.size() * 0.5)


def render_receipt(record: ReceiptRecord, paper: str = "80mm", reprint: bool = False,
                   printed_at: datetime | None = None) -> bytes:
    """The customer's receipt as a PDF (one page; a roll's page is as tall as its text)."""
    return receipt_slip(record, paper, reprint, printed_at).pdf()


def receipt_slip(record: ReceiptRecord, paper: str = "80mm", reprint: bool = False,
                 printed_at: datetime | None = None) -> Slip:
    """The customer's receipt laid out: the PDF and the printer both draw these rows."""
    slip = Slip(paper, f"小票 {record.receipt_no}")
    _header(slip, record, "收银小票", reprint, printed_at)
    if record.status == "voided":
        slip.banner("已作废  VOID")
    slip.pair("单号", record.receipt_no)
    slip.pair("日期", f"{record.created_at:%Y-%m-%d %H:%M:%S}")
    slip.pair("收银员", record.cashier_name)
    _customer(slip, record)
    slip.rule()
    slip.columns([("项目  单价 × 数量", 0.0, "left"), ("折扣", 0.62, "right"), ("金额", 1.0, "right")], 0.9)
    slip.rule()
    sessions = {s.sale_line_id: s for s in record.sessions}
    for line in record.lines:
        _line(slip, line, sessions.get(line.sale_line_id))
    slip.rule()
    slip.pair("标价合计", yen(record.list_total_fen))
    if record.sessions:     # each pricing step's saving, in the one pricing order
        slip.pair(f"次卡抵扣（{len(record.sessions)}次）", minus(record.package_discount_fen))
    if record.member_discount_fen:
        slip.pair("会员折扣", minus(record.member_discount_fen))
    if record.birthday_discount_fen:
        slip.pair("生日优惠", minus(record.birthday_discount_fen))
    if record.points_discount_fen:
        slip.pair(f"积分抵扣（{record.points_redeemed}分）", minus(record.points_discount_fen))
    saved = record.list_total_fen - record.amount_due_fen
    if saved:
        slip.pair("共优惠", yen(saved), 0.9)
    slip.rule("double")
    slip.pair("应付金额", yen(record.amount_due_fen), 1.35, bold=True)
    slip.rule()
    for payment in record.payments:
        slip.pair(labels.method(payment.method), yen(payment.amount_fen))
        if payment.method == "stored_value" and record.card is not None:
            indent = slip.size() * 0.5
            slip.pair("其中本金", yen(record.card.principal_fen), 0.9, indent=indent)
            slip.pair("其中赠送金", yen(record.card.bonus_fen), 0.9, indent=indent)
        if payment.tendered_fen:        # the cash handed over and its change, under the cash line only
            indent = slip.size() * 0.5
            slip.pair("实收", yen(payment.tendered_fen), 0.9, indent=indent)
            if payment.change_fen:
                slip.pair("找零", yen(payment.change_fen), 0.9, indent=indent)
    if not record.payments:
        slip.pair("实收", yen(0))
    if record.card is not None:
        slip.rule()
        slip.pair("储值卡余额", yen(record.card.principal_after_fen + record.card.bonus_after_fen))
        slip.pair("　本金", yen(record.card.principal_after_fen), 0.9)
        slip.pair("　赠送金", yen(record.card.bonus_after_fen), 0.9)
    if record.points_earned or record.points_redeemed or record.points_balance is not None:
        slip.rule()
        slip.pair("本次积分", f"+{record.points_earned}")
        if record.points_birthday_bonus:
            slip.pair("　其中生日双倍", f"+{record.points_birthday_bonus}", 0.9)
        if record.points_redeemed:
            slip.pair("使用积分", f"-{record.points_redeemed}")
        if record.points_balance is not None:
            slip.pair("积分余额", str(record.points_balance))
    if record.promoted_to or record.enrolled or record.enrolment_offered:
        slip.rule()
        if record.enrolled:
            slip.center(f"欢迎入会！会员卡号 {record.member_no}", 1.0, bold=True)
        if record.promoted_to:
            slip.center(f"恭喜您升级为{labels.tier(record.promoted_to)}！", 1.0, bold=True)
        if record.enrolment_offered:
            slip.center("本次消费已满足入会条件，欢迎办理会员", 0.95)
    if record.refunds:
        slip.rule()
        for refund in record.refunds:
            kind = "作废" if refund.kind == "void" else "退款"
            slip.pair(f"{kind} {refund.at:%m-%d %H:%M}", minus(refund.amount_fen), 0.95)
    slip.rule("solid")
    for sentence in sentences(record.shop.footer):
        slip.center(sentence, 1.0)
    slip.center("本小票为消费凭证，不作报销凭证", 0.8)
    slip.center("请妥善保管，退换请出示本小票", 0.8)
    return slip


def render_refund_slip(record: ReceiptRecord, refund: RefundInfo, paper: str = "80mm",
                       reprint: bool = False, printed_at: datetime | None = None) -> bytes:
    """The slip of one void (作废单) or refund (退款单) of a sale, as a PDF."""
    return refund_slip(record, refund, paper, reprint, printed_at).pdf()


def refund_slip(record: ReceiptRecord, refund: RefundInfo, paper: str = "80mm",
                reprint: bool = False, printed_at: datetime | None = None) -> Slip:
    """The void or refund slip laid out."""
    void = refund.kind == "void"
    slip = Slip(paper, f"{'作废单' if void else '退款单'} {record.receipt_no}")
    _header(slip, record, "作废单" if void else "退款单", reprint, printed_at)
    slip.pair("原小票号", record.receipt_no)
    slip.pair("原消费时间", f"{record.created_at:%Y-%m-%d %H:%M}")
    slip.pair("作废时间" if void else "退款时间", f"{refund.at:%Y-%m-%d %H:%M:%S}")
    slip.pair("经办人", refund.staff_name)
    slip.pair("授权店长", refund.authorised_by)
    _customer(slip, record)
    slip.text(f"原因：{refund.reason}")
    slip.rule()
    slip.columns([("项目", 0.0, "left"), ("原金额", 0.62, "right"), ("退回", 1.0, "right")], 0.9)
    slip.rule()
    ids = set(refund.sale_line_ids)
    for line in record.lines:
        if line.sale_line_id in ids:
            name = line.name + (f"（{line.technician_name}）" if line.technician_name else "")
            slip.text(name)
            slip.columns([(f"× {line.quantity}", 0.04, "left"), (yen(line.amount_fen), 0.62, "right"),
                          (yen(line.amount_fen - line.points_share_fen), 1.0, "right")])
    slip.rule("double")
    slip.pair("作废金额" if void else "退款金额", yen(refund.amount_fen), 1.35, bold=True)
    if len(refund.methods) > 1:
        slip.pair("退回方式", "按原支付方式")
        for m, amount in refund.methods:
            slip.pair(f"　{labels.method(m)}", yen(amount))
    else:
        slip.pair("退回方式", labels.method(refund.methods[0][0] if refund.methods else refund.method))
    if refund.points_returned or refund.points_taken_back:
        slip.rule()
        if refund.points_returned:
            slip.pair("退回抵扣积分", f"+{refund.points_returned}")
        if refund.points_taken_back:
            slip.pair("扣回所得积分", f"-{refund.points_taken_back}")
    slip.rule()
    slip.space(10)
    slip.text("顾客签字：________________")
    slip.space(4)
    slip.rule("solid")
    slip.center("本单据与原小票一并留存", 0.8)
    return slip
