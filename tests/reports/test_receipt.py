"""The receipt and the void / refund slips, read back from the PDF: every field of SPEC §6."""

from __future__ import annotations

import pytest
from reportlab.lib.units import mm

from salon_desk.reports.receipt import render_receipt, render_refund_slip
from salon_desk.tenders import Tender

from pdf_helpers import assert_font_embedded, assert_glyphs_exist, pdf_pages, pdf_text, pdf_words


@pytest.fixture
def gold_sale(shop, owner, cashier, tech, items, new_member, clock):
    """The worked example: Gold member, ¥268 cut + ¥128 care, 300 points, cash ¥400."""
    customer = new_member("张三", "13812345678", tier="gold", points=1000)
    visit = shop.visits.check_in(cashier, customer.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id, note="短发，刘海不要太短")
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)
    return shop.sales.checkout(cashier, visit.id, [Tender("cash", 40000)], points=300)


def test_receipt_prints_every_field(gold_sale):
    data = render_receipt(gold_sale)
    text = pdf_text(data)
    words = pdf_words(data)
    assert_font_embedded(data)
    assert_glyphs_exist(text)
    for label in ("丽人坊", "杭州市西湖路1号", "电话：0571-88886666", "收银小票", "单号", "日期", "收银员", "小美",
                  "顾客", "张三", "138****5678", "会员卡号", "M000001", "金卡会员", "精剪（王师傅）", "洗护（王师傅）",
                  "备注：短发，刘海不要太短", "标价合计", "会员折扣", "积分抵扣（300分）", "应付金额", "现金", "实收",
                  "找零", "本次积分", "使用积分", "积分余额", "谢谢惠顾，欢迎再次光临！"):
        assert label in text, label
    assert gold_sale.receipt_no in words
    assert "2026-11-22 10:00:00" in text
    # list price, discount and amount of each line; totals; payments with tendered and change
    for amount in ("￥268.00", "8折", "￥214.40", "￥128.00", "￥102.40", "￥396.00", "-￥79.20", "-￥3.00",
                   "￥313.80", "￥400.00", "￥86.20", "+313", "-300", "1013"):
        assert amount in words, amount
    assert "13812345678" not in text, "the phone is masked on a receipt"
    assert "重印" not in text and "REPRINT" not in text
    assert "¥" not in text, "thermal printers need the full-width ￥"


def test_roll_paper_is_as_tall_as_its_content(gold_sale, shop, cashier, tech, items, new_member):
    box = pdf_pages(render_receipt(gold_sale))[0].mediabox
    assert float(box.width) == pytest.approx(80 * mm)
    narrow = pdf_pages(render_receipt(gold_sale, "58mm"))[0].mediabox
    assert float(narrow.width) == pytest.approx(58 * mm)
    a5 = pdf_pages(render_receipt(gold_sale, "A5"))[0].mediabox
    assert (float(a5.width), float(a5.height)) == pytest.approx((148 * mm, 210 * mm), abs=0.5)
    longer = gold_sale.__class__(**{**gold_sale.__dict__, "lines": gold_sale.lines * 4})
    assert float(pdf_pages(render_receipt(longer))[0].mediabox.height) > float(box.height) + 60
    assert len(pdf_pages(render_receipt(longer))) == 1
    assert float(box.height) < 200 * mm


@pytest.mark.parametrize("paper", ["80mm", "58mm", "A5"])
def test_every_paper_carries_the_same_amounts(gold_sale, paper):
    words = pdf_words(render_receipt(gold_sale, paper))
    assert {"￥313.80", "￥396.00", "-￥79.20", "￥86.20"} <= words


def test_reprint_is_marked(gold_sale, clock):
    text = pdf_text(render_receipt(gold_sale, reprint=True, printed_at=clock.advance(hours=2)))
    assert "重印" in text and "REPRINT" in text
    assert "重印时间：2026-11-22 12:00" in text


def test_walk_in_receipt(shop, cashier, tech, items):
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    record = shop.sales.checkout(cashier, visit.id, [Tender("alipay", 6800)])
    data = render_receipt(record)
    text = pdf_text(data)
    assert "散客" in text and "支付宝" in text and "会员卡号" not in text and "本次积分" not in text
    assert "￥68.00" in pdf_words(data)


def test_promotion_and_enrolment_notices(shop, cashier, tech, items, new_customer, new_member, sell):
    member = new_member("李四", "13900000001")
    promoted = sell(member.id, services=[items.dye] * 9)        # ¥3,142.80 paid: Silver
    assert promoted.promoted_to == "silver"
    assert "恭喜您升级为银卡会员！" in pdf_text(render_receipt(promoted))
    newcomer = new_customer("王五", "13900000002")
    joined = sell(newcomer.id, services=[items.dye, items.cut], enrol=True, enrol_consent=True)
    text = pdf_text(render_receipt(joined))
    assert f"欢迎入会！会员卡号 {joined.member_no}" in text
    offered = sell(new_customer("赵六", "13900000003").id, services=[items.dye, items.cut])
    assert "本次消费已满足入会条件" in pdf_text(render_receipt(offered))


def test_void_slip_and_voided_receipt(shop, owner, cashier, gold_sale, owner_ok):
    voided = shop.sales.void(owner, gold_sale.sale_id, reason="收错了", **owner_ok)
    void = voided.refunds[0]
    data = render_refund_slip(voided, void)
    text, words = pdf_text(data), pdf_words(data)
    assert_font_embedded(data)
    assert "作废单" in text and "原小票号" in text and "作废金额" in text and "原因：收错了" in text
    assert "￥313.80" in words and gold_sale.receipt_no in words
    assert "退回抵扣积分" in text and "+300" in words
    assert "已作废" in pdf_text(render_receipt(voided, reprint=True))


def test_refund_slip(shop, owner, gold_sale, owner_ok):
    cut = gold_sale.lines[0]
    refunded = shop.sales.refund(owner, gold_sale.sale_id, [cut.sale_line_id], reason="不满意", **owner_ok)
    refund = refunded.refunds[0]
    data = render_refund_slip(refunded, refund)
    text, words = pdf_text(data), pdf_words(data)
    assert "退款单" in text and "退款金额" in text and "精剪（王师傅）" in text and "洗护" not in text
    back = cut.amount_fen - cut.points_share_fen
    assert f"￥{back // 100}.{back % 100:02d}" in words
    assert "顾客签字" in text and "授权店长" in text
    receipt_text = pdf_text(render_receipt(refunded, reprint=True))
    assert "[已退]" in receipt_text and "退款 11-22 10:00" in receipt_text


def test_erased_customer_prints_no_name(shop, owner, gold_sale):
    shop.customers.anonymise(owner, gold_sale.customer_id)
    record = shop.sales.receipt(owner, gold_sale.sale_id)
    text = pdf_text(render_receipt(record, reprint=True))
    assert "（已注销）" in text and "张三" not in text


def test_unknown_paper_is_refused(gold_sale):
    with pytest.raises(ValueError):
        render_receipt(gold_sale, "A4")


def test_the_birthday_doubling_is_explained_on_the_receipt(shop, items, new_member, sell):
    from salon_desk.reports.escpos_receipt import layout_receipt
    zhang = new_member(tier="gold", birth_month=11, birth_day=22)        # today is 22 November
    receipt = sell(zhang.id, [items.cut])                               # 268 x 0.8 = 214.40 -> 214, doubled 428
    assert (receipt.points_earned, receipt.points_birthday_bonus) == (428, 214)
    text = pdf_text(render_receipt(receipt))
    assert "本次积分" in text and "+428" in text
    assert "其中生日双倍" in text and "+214" in text
    lines = layout_receipt(receipt, 32, "gbk").lines
    assert any(line.startswith("本次积分") and line.endswith("+428") for line in lines)
    assert any("其中生日双倍" in line and line.endswith("+214") for line in lines)
    ordinary = sell(new_member("李四", "13900000001", tier="gold", birth_month=3, birth_day=1).id, [items.cut])
    assert ordinary.points_birthday_bonus == 0 and "生日双倍" not in pdf_text(render_receipt(ordinary))
