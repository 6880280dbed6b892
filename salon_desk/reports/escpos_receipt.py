"""The receipt, the void / refund slip and the printer's test page as lines of a thermal roll.

The same ReceiptRecord and the same Chinese labels as the PDF receipt
(receipt.py), laid out in the printer's columns (48 on 80 mm, 32 on 58 mm):
every text is cleaned for the printer's code page first (escpos_text.clean),
then placed by display width, so each line is exactly as wide as the paper
prints it. The result is plain data (a ``Roll`` of ``Row``s); escpos_bytes
turns it into ESC/POS text or a raster picture.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..card_records import TopUpRecord
from ..escpos_text import Cell, CodePage, center, clean, clean_name, columns, pair, width, wrap
from ..money import format_rate
from ..records import ReceiptLine, ReceiptRecord, ReceiptSession, RefundInfo, ShopHeader
from . import labels
from .labels import sentences, yen


@dataclass(frozen=True)
class Row:
    """One printed line: ``text`` fits the roll's columns; ``big`` is double height."""

    text: str
    big: bool = False
    bold: bool = False


@dataclass(frozen=True)
class Roll:
    cols: int
    code_page: CodePage
    rows: tuple[Row, ...]

    @property
    def lines(self) -> list[str]:
        return [row.text for row in self.rows]


class Writer:
    """Rows of a roll; every method cleans its text for the code page before placing it."""

    def __init__(self, cols: int, code_page: CodePage) -> None:
        self.cols = cols
        self.code_page = code_page
        self.rows: list[Row] = []

    def c(self, text: str) -> str:
        return clean(text, self.code_page)

    def add(self, lines: list[str], big: bool = False, bold: bool = False) -> None:
        self.rows.extend(Row(line, big, bold) for line in lines)

    def center(self, text: str, big: bool = False, bold: bool = False) -> None:
        self.add(center(self.c(text), self.cols), big, bold)

    def text(self, text: str, indent: int = 0) -> None:
        self.add([" " * indent + line for line in wrap(self.c(text), self.cols - indent)])

    def pair(self, label: str, value: str, big: bool = False, bold: bool = False, indent: int = 0,
             clean_value: bool = True) -> None:
        self.add(pair(self.c(label), self.c(value) if clean_value else value, self.cols, indent), big, bold)

    def columns(self, cells: list[tuple[str, float, str]]) -> None:
        """Cells as (text, column as a share of the width, left/right), like the PDF's columns."""
        placed = [Cell(self.c(text), round(share * self.cols), "right" if align == "right" else "left")
                  for text, share, align in cells]
        self.add(columns(placed, self.cols))

    def rule(self, kind: str = "dashed") -> None:
        if kind == "solid":
            self.add(["─" * (self.cols // 2)])      # a box-drawing line: two columns a character
        else:
            self.add([("=" if kind == "double" else "-") * self.cols])

    def blank(self) -> None:
        self.rows.append(Row(""))

    def banner(self, text: str) -> None:
        self.center(f"【{text}】", big=True, bold=True)

    def roll(self) -> Roll:
        return Roll(self.cols, self.code_page, tuple(self.rows))


def _header(w: Writer, shop: ShopHeader, title: str, reprint: bool, printed_at: datetime | None) -> None:
    w.center(shop.name or "美容美发", big=True, bold=True)
    if shop.address:
        w.center(shop.address)
    if shop.phone:
        w.center(f"电话：{shop.phone}")
    w.blank()
    w.center(title, bold=True)
    if reprint:
        w.banner("重印  REPRINT")
        if printed_at is not None:
            w.center(f"重印时间：{printed_at:%Y-%m-%d %H:%M}")
    w.rule("solid")


def _customer(w: Writer, record: ReceiptRecord) -> None:
    if record.customer_id is None:
        w.pair("顾客", "散客")
    elif record.customer_erased:
        w.pair("顾客", "（已注销）")
    else:
        # a name the printer cannot print comes out masked (王*), like the phone beside it
        name = clean_name(record.customer_name or "", w.code_page)
        w.pair("顾客", f"{name}  {w.c(record.phone_masked)}".strip(), clean_value=False)
    if record.member_no:
        w.pair("会员卡号", record.member_no)
        if record.tier:
            w.pair("会员等级", labels.tier(record.tier))


def _item_name(line: ReceiptLine, w: Writer) -> str:
    tech = f"（{clean_name(line.technician_name, w.code_page)}）" if line.technician_name else ""
    return w.c(line.name) + tech


def _line(w: Writer, line: ReceiptLine, session: ReceiptSession | None = None) -> None:
    name = _item_name(line, w) + (" [已退]" if line.refunded else "")
    w.add(wrap(name, w.cols))
    w.columns([(f"{yen(line.unit_price_fen)} × {line.quantity}", 2 / w.cols, "left"),
               (format_rate(line.rate_permille), 0.62, "right"), (yen(line.amount_fen), 1.0, "right")])
    if session is not None:
        w.pair(f"次卡抵扣（{w.c(session.package_name)}）", "-" + yen(line.list_amount_fen), indent=2)
        w.pair("剩余次数", f"{session.sessions_left} 次", indent=2)
    if line.birthday_discount_fen:
        w.pair("生日免单", "-" + yen(line.birthday_discount_fen), indent=2)
    if line.note:
        w.text(f"备注：{line.note}", indent=2)


def layout_receipt(record: ReceiptRecord, cols: int, code_page: CodePage, reprint: bool = False,
                   printed_at: datetime | None = None) -> Roll:
    """The customer's receipt (收银小票) in ``cols`` columns, as the PDF prints it."""
    w = Writer(cols, code_page)
    _header(w, record.shop, "收银小票", reprint, printed_at)
    if record.status == "voided":
        w.banner("已作废  VOID")
    w.pair("单号", record.receipt_no)
    w.pair("日期", f"{record.created_at:%Y-%m-%d %H:%M:%S}")
    w.pair("收银员", record.cashier_name)
    _customer(w, record)
    w.rule()
    head = "项目  单价 × 数量" if cols >= 40 else "项目 单价×数量"
    w.columns([(head, 0.0, "left"), ("折扣", 0.62, "right"), ("金额", 1.0, "right")])
    w.rule()
    sessions = {s.sale_line_id: s for s in record.sessions}
    for line in record.lines:
        _line(w, line, sessions.get(line.sale_line_id))
    w.rule()
    w.pair("标价合计", yen(record.list_total_fen))
    if record.sessions:
        w.pair(f"次卡抵扣（{len(record.sessions)}次）", "-" + yen(record.package_discount_fen))
    if record.member_discount_fen:
        w.pair("会员折扣", "-" + yen(record.member_discount_fen))
    if record.birthday_discount_fen:
        w.pair("生日优惠", "-" + yen(record.birthday_discount_fen))
    if record.points_discount_fen:
        w.pair(f"积分抵扣（{record.points_redeemed}分）", "-" + yen(record.points_discount_fen))
    saved = record.list_total_fen - record.amount_due_fen
    if saved:
        w.pair("共优惠", yen(saved))
    w.rule("double")
    w.pair("应付金额", yen(record.amount_due_fen), big=True, bold=True)
    w.rule()
    for payment in record.payments:
        w.pair(labels.method(payment.method), yen(payment.amount_fen))
        if payment.method == "stored_value" and record.card is not None:
            w.pair("其中本金", yen(record.card.principal_fen), indent=2)
            w.pair("其中赠送金", yen(record.card.bonus_fen), indent=2)
        if payment.tendered_fen:        # the cash handed over and its change, under the cash line only
            w.pair("实收", yen(payment.tendered_fen), indent=2)
            if payment.change_fen:
                w.pair("找零", yen(payment.change_fen), indent=2)
    if not record.payments:
        w.pair("实收", yen(0))
    if record.card is not None:
        w.rule()
        w.pair("储值卡余额", yen(record.card.principal_after_fen + record.card.bonus_after_fen))
        w.pair("本金", yen(record.card.principal_after_fen), indent=2)
        w.pair("赠送金", yen(record.card.bonus_after_fen), indent=2)
    if record.points_earned or record.points_redeemed or record.points_balance is not None:
        w.rule()
        w.pair("本次积分", f"+{record.points_earned}")
        if record.points_birthday_bonus:
            w.pair("其中生日双倍", f"+{record.points_birthday_bonus}", indent=2)
        if record.points_redeemed:
            w.pair("使用积分", f"-{record.points_redeemed}")
        if record.points_balance is not None:
            w.pair("积分余额", str(record.points_balance))
    if record.promoted_to or record.enrolled or record.enrolment_offered:
        w.rule()
        if record.enrolled:
            w.center(f"欢迎入会！会员卡号 {record.member_no}", bold=True)
        if record.promoted_to:
            w.center(f"恭喜您升级为{labels.tier(record.promoted_to)}！", bold=True)
        if record.enrolment_offered:
            w.center("本次消费已满足入会条件，欢迎办理会员")
    if record.refunds:
        w.rule()
        for refund in record.refunds:
            kind = "作废" if refund.kind == "void" else "退款"
            w.pair(f"{kind} {refund.at:%m-%d %H:%M}", "-" + yen(refund.amount_fen))
    w.rule("solid")
    for sentence in sentences(record.shop.footer):
        w.center(sentence)
    w.center("本小票为消费凭证，不作报销凭证")
    w.center("请妥善保管，退换请出示本小票")
    return w.roll()


def layout_refund_slip(record: ReceiptRecord, refund: RefundInfo, cols: int, code_page: CodePage,
                       reprint: bool = False, printed_at: datetime | None = None) -> Roll:
    """The slip of one void (作废单) or refund (退款单), as the PDF prints it."""
    void = refund.kind == "void"
    w = Writer(cols, code_page)
    _header(w, record.shop, "作废单" if void else "退款单", reprint, printed_at)
    w.pair("原小票号", record.receipt_no)
    w.pair("原消费时间", f"{record.created_at:%Y-%m-%d %H:%M}")
    w.pair("作废时间" if void else "退款时间", f"{refund.at:%Y-%m-%d %H:%M:%S}")
    w.pair("经办人", clean_name(refund.staff_name, code_page), clean_value=False)
    w.pair("授权店长", clean_name(refund.authorised_by, code_page), clean_value=False)
    _customer(w, record)
    w.text(f"原因：{refund.reason}")
    w.rule()
    w.columns([("项目", 0.0, "left"), ("原金额", 0.62, "right"), ("退回", 1.0, "right")])
    w.rule()
    ids = set(refund.sale_line_ids)
    for line in record.lines:
        if line.sale_line_id in ids:
            w.add(wrap(_item_name(line, w), w.cols))
            w.columns([(f"× {line.quantity}", 2 / w.cols, "left"), (yen(line.amount_fen), 0.62, "right"),
                       (yen(line.amount_fen - line.points_share_fen), 1.0, "right")])
    w.rule("double")
    w.pair("作废金额" if void else "退款金额", yen(refund.amount_fen), big=True, bold=True)
    if len(refund.methods) > 1:
        w.pair("退回方式", "按原支付方式")
        for m, amount in refund.methods:
            w.pair(f"　{labels.method(m)}", yen(amount))
    else:
        w.pair("退回方式", labels.method(refund.methods[0][0] if refund.methods else refund.method))
    if refund.points_returned or refund.points_taken_back:
        w.rule()
        if refund.points_returned:
            w.pair("退回抵扣积分", f"+{refund.points_returned}")
        if refund.points_taken_back:
            w.pair("扣回所得积分", f"-{refund.points_taken_back}")
    w.rule()
    w.blank()
    w.blank()
    w.text("顾客签字：" + "_" * max(4, min(16, cols - width("顾客签字："))))
    w.blank()
    w.rule("solid")
    w.center("本单据与原小票一并留存")
    return w.roll()


def layout_topup_slip(record: TopUpRecord, cols: int, code_page: CodePage) -> Roll:
    """The stored-value top-up slip (储值卡充值单), as the PDF prints it; the card terms follow for the
    customer's signature on the first top-up under them."""
    w = Writer(cols, code_page)
    _header(w, record.shop, "储值卡充值单", False, None)
    w.pair("单号", record.receipt_no)
    w.pair("日期", f"{record.created_at:%Y-%m-%d %H:%M:%S}")
    w.pair("收银员", clean_name(record.cashier_name, code_page), clean_value=False)
    w.pair("顾客", f"{clean_name(record.customer_name, code_page)}  {record.phone_masked}".strip(), clean_value=False)
    w.pair("储值卡号", record.card_no)
    w.rule()
    w.pair("充值金额（本金）", yen(record.pay_fen), bold=True)
    w.pair("赠送金额", yen(record.bonus_fen))
    w.pair("支付方式", labels.method(record.method))
    if record.tendered_fen is not None:
        w.pair("实收", yen(record.tendered_fen))
        w.pair("找零", yen(record.change_fen))
    if record.tier_granted:
        w.pair("赠送等级", labels.tier(record.tier_granted))
    if record.authorised_by:
        w.pair("超限授权", clean_name(record.authorised_by, code_page), clean_value=False)
    w.rule("double")
    w.pair("卡内余额", yen(record.principal_after_fen + record.bonus_after_fen), big=True, bold=True)
    w.pair("其中本金", yen(record.principal_after_fen), indent=2)
    w.pair("其中赠送金", yen(record.bonus_after_fen), indent=2)
    w.rule()
    w.text("充值款为预付款，不计入积分与会员消费累计")
    if record.terms_text:
        w.rule("solid")
        w.center(f"储值卡章程（第 {record.terms_version} 版）", bold=True)
        for sentence in sentences(record.terms_text):
            w.text(sentence)
        w.blank()
        w.text("顾客签字：" + "_" * max(4, min(16, cols - width("顾客签字："))))
    w.blank()
    return w.roll()


TEST_CLASSES = (
    ("数字", "0123456789"),
    ("金额", "￥1,234.50  -￥3.00"),
    ("中文", "美容美发 会员 喆堃赟玥珺"),
    ("标点", "，。、：；！？（）【】“”"),
)


def layout_test_page(shop_name: str, cols: int, code_page: CodePage, paper: str, mode: str,
                     printed_at: datetime) -> Roll:
    """The test page: the shop name, a ruler of the line width and every character class a receipt uses."""
    w = Writer(cols, code_page)
    w.center(shop_name or "美容美发", big=True, bold=True)
    w.center("打印测试页", bold=True)
    w.rule("solid")
    w.pair("纸宽", f"{paper} / {cols} 字符")
    w.pair("模式", mode)
    w.pair("时间", f"{printed_at:%Y-%m-%d %H:%M:%S}")
    w.rule()
    w.text("标尺（每行应正好排满）：")
    w.add(["".join(str((i // 10) % 10) if i % 10 == 0 else "." for i in range(cols))])
    w.add(["".join(str(i % 10) for i in range(1, cols + 1))])
    w.add(["中文" * (cols // 4) + ("中" if cols % 4 >= 2 else "")])
    w.rule()
    for label, sample in TEST_CLASSES:
        w.pair(label, sample)
    w.rule("double")
    w.pair("应付金额", yen(12345), big=True, bold=True)
    w.rule()
    w.center("以上各行完整、对齐、无乱码，")
    w.center("即打印机设置正确。")
    return w.roll()
