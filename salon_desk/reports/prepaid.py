"""Printed documents of stored-value cards and packages (SPEC §10).

- the 80 mm top-up slip (充值单) with the new principal and bonus balances,
  and at the first top-up the card terms for the customer to sign;
- the customer's statement (对账单) on A4: every card row and package movement
  with the balance after it;
- the refund statement (退款结算单) on A4, showing the working of the mode chosen.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from ..card_records import CardStatement, PrepaidRefundRecord, TopUpRecord
from ..prepaid_refunds import RefundMode, WorkingLine
from ..records import ShopHeader
from . import labels
from .labels import yen
from .pages import BODY, H2, SMALL, SUBTITLE, TITLE, build_a4, grid, para
from .labels import sentences
from .slip import Slip

ENTRY_KINDS = {"topup": "充值本金", "bonus": "充值赠送", "spend": "消费", "sale_refund": "消费退回",
               "balance_refund": "退卡退款", "bonus_write_off": "赠送金核销", "adjustment": "调整",
               "transfer_out": "转出", "transfer_in": "转入", "reissue": "挂失补卡",
               "package_sold": "购买次卡", "package_used": "次卡消费", "package_returned": "次卡退回",
               "package_refund": "次卡退款", "package_sale_refund": "次卡整单退款", "package_closed": "次卡结清"}
MODES = {RefundMode.COOLING_OFF: "七日冷静期退款（法释〔2025〕4号 第十四条）",
         RefundMode.SHOP_AT_FAULT: "经营者原因退款（法释〔2025〕4号 第十八条）",
         RefundMode.CUSTOMER_CHOICE: "消费者自身原因退款（法释〔2025〕4号 第十九条、第二十条）"}
STATUS = {"none": "长期有效", "valid": "有效", "expiring": "即将到期", "expired": "已过期（次数保留，可申请延期）",
          "closed": "已结清"}


def entry_kind(code: str) -> str:
    return ENTRY_KINDS.get(code, code)


def _pct(bp: int) -> str:
    return f"{bp / 100:.2f}%"


def working_text(line: WorkingLine) -> str:
    """One line of a refund's working, in words with its figures."""
    d = dict(line.detail)
    texts = {
        "card.paid": "预付本金（自上次余额为零后充入）",
        "card.paid_in_window": "七日内充值的本金",
        "card.already_drawn": "其中已消费扣减的本金",
        "card.used_at_charged": (f"已消费按实际扣减折算：{yen(d.get('charged', 0))} × {yen(d.get('paid', 0))}"
                                 f" ÷ ({yen(d.get('paid', 0))} + {yen(d.get('bonus', 0))})"),
        "card.used_at_list": (f"已消费按标价计：{yen(d.get('list', 0))}"
                              + ("（超过预付款，以预付款为限）" if d.get("capped") else "")),
        "package.paid": f"次卡实付（{d.get('sessions', 0)} 次 + 赠送 {d.get('gifted', 0)} 次）",
        "package.used_at_consumed": f"已用 {d.get('used', 0)} 次，按每次实际价值（实付 ÷ 总次数 {d.get('total', 0)}）",
        "package.used_at_list": (f"已用 {d.get('used', 0)} 次，按标价 {yen(d.get('list', 0))}"
                                 + ("（超过实付，以实付为限）" if d.get("capped") else "")),
        "package.sessions_left": f"退还后作废的剩余次数：{d.get('sessions', 0)} 次",
        "refund.interest": (f"利息：{yen(d.get('base', 0))} × 年利率 {_pct(d.get('rate_bp', 0))}"
                            f" × {d.get('days', 0)} 天 ÷ 365"),
        "refund.bonus_written_off": f"赠送金核销（不予退还）：{yen(d.get('bonus', 0))}",
        "refund.commission_not_deducted": "员工提成不从退款中扣除（第十五条）",
    }
    return texts.get(line.code, line.code)


def _slip_header(slip: Slip, shop: ShopHeader, title: str) -> None:
    slip.center(shop.name or "美容美发", 1.55, bold=True)
    if shop.address:
        slip.center(shop.address, 0.9)
    if shop.phone:
        slip.center(f"电话：{shop.phone}", 0.9)
    slip.space(2)
    slip.center(title, 1.15, bold=True)
    slip.rule("solid")


def render_topup_slip(record: TopUpRecord, paper: str = "80mm") -> bytes:
    """The top-up slip as a PDF."""
    return topup_slip(record, paper).pdf()


def topup_slip(record: TopUpRecord, paper: str = "80mm") -> Slip:
    """The top-up slip: its receipt number, the money received, the bonus, the balances after."""
    slip = Slip(paper, f"充值单 {record.receipt_no}")
    _slip_header(slip, record.shop, "储值卡充值单")
    slip.pair("单号", record.receipt_no)
    slip.pair("日期", f"{record.created_at:%Y-%m-%d %H:%M:%S}")
    slip.pair("收银员", record.cashier_name)
    slip.pair("顾客", f"{record.customer_name}  {record.phone_masked}".strip())
    slip.pair("储值卡号", record.card_no)
    slip.rule()
    slip.pair("充值金额（本金）", yen(record.pay_fen), 1.15, bold=True)
    slip.pair("赠送金额", yen(record.bonus_fen))
    slip.pair("支付方式", labels.method(record.method))
    if record.tendered_fen is not None:
        slip.pair("实收", yen(record.tendered_fen))
        slip.pair("找零", yen(record.change_fen))
    if record.tier_granted:
        slip.pair("赠送等级", labels.tier(record.tier_granted))
    if record.authorised_by:
        slip.pair("超限授权", record.authorised_by)
    slip.rule("double")
    slip.pair("卡内余额", yen(record.principal_after_fen + record.bonus_after_fen), 1.3, bold=True)
    slip.pair("　其中本金", yen(record.principal_after_fen))
    slip.pair("　其中赠送金", yen(record.bonus_after_fen))
    slip.rule()
    slip.center("充值款为预付款，不计入积分与会员消费累计", 0.8)
    if record.terms_text:
        slip.rule("solid")
        slip.center(f"储值卡章程（第 {record.terms_version} 版）", 1.0, bold=True)
        for sentence in sentences(record.terms_text):
            slip.text(sentence, 0.85)
        slip.space(6)
        slip.text("本人已阅读并同意以上章程。", 0.95)
        slip.space(10)
        slip.text("顾客签字：________________")
        slip.space(6)
        slip.text("日期：____年____月____日")
    slip.rule("solid")
    slip.center("本单为充值凭证，请妥善保管", 0.8)
    return slip


def render_statement(st: CardStatement) -> bytes:
    """The customer's statement (对账单) on A4."""
    story: list = [para(st.shop.name or "美容美发", TITLE), para("储值卡 / 次卡 对账单", SUBTITLE),
                   Spacer(1, 4 * mm)]
    story.append(para(f"顾客：{st.customer_name}　手机：{st.phone_masked}　储值卡号：{st.card_no or '—'}"
                      f"　打印时间：{st.generated_at:%Y-%m-%d %H:%M}"))
    story.append(para(f"当前余额：{yen(st.principal_fen + st.bonus_fen)}（本金 {yen(st.principal_fen)}，"
                      f"赠送金 {yen(st.bonus_fen)}）　已签章程版本：{st.terms_version or '—'}"))
    story.append(para("储值卡明细", H2))
    card_rows = [l for l in st.lines if not l.package]
    rows: list[list[str]] = [["时间", "类型", "本金变动", "赠送金变动", "本金余额", "赠送金余额", "单号 / 说明"]]
    for l in card_rows:
        rows.append([f"{l.at:%Y-%m-%d %H:%M}", entry_kind(l.kind), yen(l.principal_fen), yen(l.bonus_fen),
                     yen(l.principal_after_fen), yen(l.bonus_after_fen), (l.reference or l.note)[:24]])
    if len(rows) == 1:
        rows.append(["—", "无记录", "", "", "", "", ""])
    w = 180 * mm
    story.append(grid(rows, [w * 0.16, w * 0.12, w * 0.12, w * 0.12, w * 0.12, w * 0.12, w * 0.24], right=[2, 3, 4, 5]))
    story.append(para("次卡", H2))
    prow: list[list[str]] = [["次卡", "购买日", "实付", "总次数", "已用", "剩余", "剩余价值", "有效期"]]
    for p in st.packages:
        prow.append([p.name, f"{p.sold_on:%Y-%m-%d}", yen(p.paid_fen), str(p.total_sessions), str(p.used),
                     str(p.sessions_left if p.status != "closed" else 0),
                     yen(p.left_value_fen if p.status != "closed" else 0),
                     f"{p.expires_on:%Y-%m-%d}" if p.expires_on else STATUS[p.status]])
    if len(prow) == 1:
        prow.append(["无", "", "", "", "", "", "", ""])
    story.append(grid(prow, [w * 0.22, w * 0.12, w * 0.11, w * 0.09, w * 0.08, w * 0.08, w * 0.12, w * 0.18],
                      right=[2, 3, 4, 5, 6]))
    pack_rows = [l for l in st.lines if l.package]
    if pack_rows:
        story.append(para("次卡明细", H2))
        mrow: list[list[str]] = [["时间", "次卡", "类型", "次数", "剩余次数", "单号"]]
        for l in pack_rows:
            mrow.append([f"{l.at:%Y-%m-%d %H:%M}", l.package, entry_kind(l.kind), f"{l.sessions:+d}",
                         str(l.sessions_left), l.reference])
        story.append(grid(mrow, [w * 0.18, w * 0.28, w * 0.14, w * 0.1, w * 0.12, w * 0.18], right=[3, 4]))
    story += [Spacer(1, 6 * mm),
              para("本对账单由本店系统生成，账目以系统记录为准（法释〔2025〕4号）；顾客可随时索取。", SMALL),
              Spacer(1, 10 * mm), para("顾客签字：________________　　　　店方签章：________________", BODY)]
    return build_a4(story, f"对账单 {st.customer_name}", f"{st.shop.name} · 对账单",
                    f"打印于 {st.generated_at:%Y-%m-%d %H:%M}")


def render_refund_statement(r: PrepaidRefundRecord) -> bytes:
    """The refund statement (退款结算单) on A4: the mode and its legal basis, every line of the working."""
    st = r.statement
    title = "退款结算单" if r.id is not None else "退款试算（未执行）"
    story: list = [para(r.shop.name or "美容美发", TITLE), para(title, SUBTITLE), Spacer(1, 4 * mm),
                   para(f"顾客：{r.customer_name}　手机：{r.phone_masked}　退款对象：{r.subject}"),
                   para(f"日期：{r.at:%Y-%m-%d %H:%M}　经办：{r.staff_name}"
                        + (f"　退款方式：{labels.method(r.method)}" if r.method else "")),
                   para(f"退款方式依据：{MODES[st.mode]}", H2)]
    rows: list[list[str]] = [["计算过程", "金额"]]
    for line in st.lines:
        rows.append([working_text(line), yen(line.amount_fen) if line.amount_fen or line.code.endswith("paid")
                     or line.code == "refund.interest" else ""])
    rows.append(["应退本金", yen(st.refund_fen)])
    rows.append(["利息", yen(st.interest_fen)])
    rows.append(["合计退还顾客", yen(st.total_fen)])
    w = 180 * mm
    story.append(grid(rows, [w * 0.78, w * 0.22], total_row=True))
    if r.reason:
        story.append(para(f"原因：{r.reason}"))
    story += [Spacer(1, 5 * mm),
              para("说明：七日内（自付款次日起算）退款退还本金；经营者原因退款按实际扣减金额折算已消费部分，赠送金按 实付÷(实付+赠送) "
                   "分摊，并支付利息；消费者自身原因退款按当时标价计算已消费部分，扣减不超过预付款，并支付利息。赠送金不予退还。", SMALL),
              Spacer(1, 12 * mm), para("顾客签字：________________　　　　店长签字：________________", BODY)]
    return build_a4(story, f"{title} {r.customer_name}", f"{r.shop.name} · {title}", f"{r.at:%Y-%m-%d}")
