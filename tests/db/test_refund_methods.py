"""Voids and refunds give money back on the sale's own payment methods (per-method rows), the slip
prints each, and the month's payment-method figures count them where they went."""

from salon_desk.db.models import RefundPayment
from salon_desk.reports.escpos_receipt import layout_refund_slip
from salon_desk.tenders import Tender


def _checkout(shop, cashier, tech, services, tenders):
    visit = shop.visits.check_in(cashier, None)
    for item in services:
        shop.visits.add_service(cashier, visit.id, item.id, tech.id)
    return shop.sales.checkout(cashier, visit.id, tenders)


def test_a_split_sale_voided_returns_each_payment(shop, cashier, tech, items, owner_ok):
    sale = _checkout(shop, cashier, tech, [items.wcb], [Tender("wechat", 5000), Tender("alipay", 1800)])
    voided = shop.sales.void(cashier, sale.sale_id, reason="录错", **owner_ok)
    [info] = voided.refunds
    assert info.methods == (("wechat", 5000), ("alipay", 1800))
    assert [(r.method, r.amount_fen) for r in RefundPayment.select()] == [("wechat", 5000), ("alipay", 1800)]
    slip = "\n".join(str(l) for l in layout_refund_slip(voided, info, 32, "gbk").lines)
    assert "按原支付方式" in slip and "50.00" in slip and "18.00" in slip


def test_a_refund_of_one_line_is_split_and_the_month_counts_it_by_method(shop, owner, cashier, tech, items,
                                                                         clock, owner_ok):
    sale = _checkout(shop, cashier, tech, [items.cut, items.care], [Tender("wechat", 30000), Tender("cash", 9600)])
    care = [l for l in sale.lines if l.name == items.care.name][0]
    clock.advance(days=1)
    done = shop.sales.refund(owner, sale.sale_id, [care.sale_line_id], reason="不满意", **owner_ok)
    assert done.refunds[0].methods == (("wechat", 9697), ("cash", 3103))
    today = clock.now.date()
    figures = shop.reports.month(owner, today.year, today.month)
    by_method = {m.method: m.refunded_fen for m in figures.methods}
    assert by_method == {"wechat": 9697, "cash": 3103}
