"""The receipt and the slips as thermal lines: the PDF's content, in the printer's columns."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from salon_desk.escpos_text import width
from salon_desk.records import ReceiptLine
from salon_desk.reports.escpos_receipt import layout_receipt, layout_refund_slip, layout_test_page

from receipts import gold_sale, refunded, wechat_walk_in

GOLD_58MM = [
    "             丽人坊",
    "        杭州市西湖路1号",
    "      电话：0571-88886666",
    "",
    "            收银小票",
    "────────────────",
    "单号               20261122-0001",
    "日期         2026-11-22 10:00:00",
    "收银员                      小美",
    "顾客           张三  138****5678",
    "会员卡号                 M000001",
    "会员等级                金卡会员",
    "--------------------------------",
    "项目 单价×数量 折扣        金额",
    "--------------------------------",
    "精剪（王师傅）",
    "  ￥268.00 × 1  8折    ￥214.40",
    "  备注：短发，刘海不要太短",
    "洗护（王师傅）",
    "  ￥128.00 × 1  8折    ￥102.40",
    "--------------------------------",
    "标价合计                ￥396.00",
    "会员折扣                -￥79.20",
    "积分抵扣（300分）        -￥3.00",
    "共优惠                   ￥82.20",
    "================================",
    "应付金额                ￥313.80",
    "--------------------------------",
    "现金                    ￥313.80",
    "  实收                  ￥400.00",
    "  找零                   ￥86.20",
    "--------------------------------",
    "本次积分                    +313",
    "使用积分                    -300",
    "积分余额                    1013",
    "────────────────",
    "    谢谢惠顾，欢迎再次光临！",
    " 本小票为消费凭证，不作报销凭证",
    "  请妥善保管，退换请出示本小票",
]


def test_the_58mm_receipt_line_by_line():
    roll = layout_receipt(gold_sale(), 32, "gbk")
    assert roll.lines == GOLD_58MM
    big = [row.text for row in roll.rows if row.big]
    assert big == ["             丽人坊", "应付金额                ￥313.80"]   # double height: name, amount due


def test_the_80mm_receipt_uses_48_columns():
    lines = layout_receipt(gold_sale(), 48, "gbk").lines
    assert "单号                               20261122-0001" in lines
    assert "项目  单价 × 数量        折扣              金额" in lines
    assert "  ￥268.00 × 1            8折          ￥214.40" in lines
    assert "应付金额                                ￥313.80" in lines
    assert "=" * 48 in lines


@pytest.mark.parametrize("cols", [32, 48])
def test_every_line_fits_and_the_value_lines_fill_the_width_exactly(cols):
    long_line = ReceiptLine(9, "service", "X9", "超长名称的深层修复护理疗程套餐加强版附送头皮按摩", "欧阳师傅", 12,
                            1_234_500, 14_814_000, 850, 2_222_100, 0, 12_591_900, 0,
                            "客人要求：先洗后剪，水温不要太烫，结束后吹干定型，不要用发蜡。😀")
    record = gold_sale(lines=gold_sale().lines + (long_line,), amount_due_fen=12_623_280)
    lines = layout_receipt(record, cols, "gbk").lines
    assert max(width(line) for line in lines) == cols
    assert all(width(line) <= cols for line in lines)
    due = [line for line in lines if line.startswith("应付金额")]
    assert due == ["应付金额" + " " * (cols - 8 - 12) + "￥126,232.80"]
    assert width(due[0]) == cols


def test_a_reprint_is_marked_with_its_time():
    lines = layout_receipt(gold_sale(), 32, "gbk", reprint=True, printed_at=datetime(2026, 11, 22, 12, 0)).lines
    assert "       【重印  REPRINT】" in lines
    assert "   重印时间：2026-11-22 12:00" in lines
    assert not any("重印" in line for line in layout_receipt(gold_sale(), 32, "gbk").lines)


def test_a_voided_sale_carries_the_void_banner_and_its_void():
    record, _refund = refunded("void")
    lines = layout_receipt(record, 32, "gbk").lines
    assert "        【已作废  VOID】" in lines
    assert "作废 11-22 15:30       -￥102.40" in lines


def test_a_walk_in_receipt_paid_by_wechat():
    lines = layout_receipt(wechat_walk_in(), 32, "gbk").lines
    assert "顾客                        散客" in lines
    assert "微信支付                 ￥68.00" in lines
    assert not any(line.startswith(("会员卡号", "本次积分")) for line in lines)


def test_a_customer_name_outside_the_code_page_prints_masked():
    lines = layout_receipt(gold_sale(customer_name="王𠮷"), 32, "gbk").lines
    assert "顾客            王*  138****5678" in lines
    assert "顾客           龚䶮  138****5678" in layout_receipt(
        gold_sale(customer_name="龚䶮"), 32, "gb18030").lines


def test_an_erased_customer_prints_as_erased():
    lines = layout_receipt(gold_sale(customer_name="", customer_erased=True), 32, "gbk").lines
    assert "顾客                  （已注销）" in lines


def test_the_refund_slip():
    record, refund = refunded("refund")
    lines = layout_refund_slip(record, refund, 32, "gbk").lines
    for line in ("             退款单", "原小票号           20261122-0001", "退款时间     2026-11-22 15:30:00",
                 "授权店长                    老板", "原因：过敏", "洗护（王师傅）",
                 "  × 1      ￥102.40    ￥101.43", "退款金额                ￥102.40",
                 "退回方式                    现金", "扣回所得积分                -102",
                 "顾客签字：________________"):
        assert line in lines, line
    assert "精剪（王师傅）" not in lines          # only the refunded line


def test_the_void_slip_is_titled_as_a_void():
    record, refund = refunded("void")
    lines = layout_refund_slip(record, refund, 48, "gbk").lines
    assert "                     作废单" in lines
    assert any(line.startswith("作废金额") and line.endswith("￥102.40") for line in lines)


@pytest.mark.parametrize("cols", [32, 48])
def test_the_test_page_has_a_ruler_exactly_as_wide_as_the_line(cols):
    lines = layout_test_page("丽人坊", cols, "gbk", "58mm", "中文 GBK", datetime(2026, 12, 1, 9, 0)).lines
    ruler = lines.index("标尺（每行应正好排满）：")
    assert [width(line) for line in lines[ruler + 1:ruler + 4]] == [cols, cols, cols]
    assert lines[ruler + 2].endswith(str(cols % 10)) and lines[ruler + 3].startswith("中文中文")
    for sample in ("0123456789", "￥1,234.50", "喆堃赟玥珺", "，。、：；！？（）【】“”"):
        assert any(sample in line for line in lines), sample


def test_a_zero_amount_sale_still_has_its_totals():
    free = gold_sale(amount_due_fen=0, payments=(), points_earned=0, points_balance=None, points_redeemed=0,
                     points_discount_fen=0, member_no=None, tier=None, lines=(replace(gold_sale().lines[0],
                                                                                      amount_fen=0),))
    lines = layout_receipt(free, 32, "gbk").lines
    assert "应付金额                  ￥0.00" in lines
    assert "实收                      ￥0.00" in lines


@pytest.mark.parametrize("cols", [32, 48])
def test_a_card_payment_and_a_package_session_on_the_thermal_receipt(cols):
    from salon_desk.records import ReceiptCard, ReceiptPayment, ReceiptSession
    sale = gold_sale()
    first = sale.lines[0]
    record = replace(sale, payments=(ReceiptPayment("stored_value", sale.amount_due_fen, None, 0),),
                     card=ReceiptCard(28_527, 2_853, 71_473, 7_147),
                     sessions=(ReceiptSession(first.sale_line_id, "面部护理10次卡", 10),))
    lines = layout_receipt(record, cols, "gbk").lines
    text = "\n".join(lines)
    assert "次卡抵扣（面部护理10" in text and "剩余次数" in text and "10 次" in text
    assert any(l.startswith("储值卡") and l.endswith("￥313.80") for l in lines)
    assert any("其中本金" in l and l.endswith("￥285.27") for l in lines)
    assert any(l.startswith("储值卡余额") and l.endswith("￥786.20") for l in lines)
    assert all(width(line) <= cols for line in lines)
