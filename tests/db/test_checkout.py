"""Checkout: the worked examples, split payments, underpayment, receipt numbers, stock, snapshots."""

from datetime import datetime

import pytest

from salon_desk.db.models import AuditLog, Payment, Sale
from salon_desk.errors import InvalidInput, PaymentProblem, PermissionDenied
from salon_desk.tenders import Tender


@pytest.fixture
def gold_visit(shop, cashier, tech, tech2, items, new_member):
    """Gold member 张三 with 1000 points, in for 精剪 (王师傅) and 洗护 (李师傅)."""
    zhang = new_member(tier="gold", points=1000)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id, note="短发")
    shop.visits.add_service(cashier, visit.id, items.care.id, tech2.id)
    return visit


def test_gold_member_worked_example(owner, shop, cashier, gold_visit):
    # 268 x 0.8 = 214.40; 128 x 0.8 = 102.40; 316.80 - ¥3.00 (300 points) = 313.80; earns 313
    quote = shop.sales.quote(cashier, gold_visit.id, points=300)
    assert (quote.tier, quote.points_balance, quote.priced.amount_due_fen) == ("gold", 1000, 31380)
    receipt = shop.sales.checkout(cashier, gold_visit.id, [Tender("wechat", 31380)], points=300)
    assert receipt.receipt_no == "20261122-0001"
    assert receipt.created_at == datetime(2026, 11, 22, 10, 0)
    assert (receipt.customer_name, receipt.phone_masked, receipt.member_no, receipt.tier) == (
        "张三", "138****5678", "M000001", "gold")
    assert (receipt.cashier_name, receipt.shop.name, receipt.shop.phone) == ("小美", "丽人坊", "0571-88886666")
    assert [(l.name, l.technician_name, l.rate_permille, l.amount_fen, l.points_share_fen, l.note)
            for l in receipt.lines] == [("精剪", "王师傅", 800, 21440, 203, "短发"),
                                        ("洗护", "李师傅", 800, 10240, 97, "")]
    assert receipt.list_total_fen == 39600                          # 268 + 128
    assert receipt.member_discount_fen == 7920                      # 53.60 + 25.60
    assert (receipt.points_redeemed, receipt.points_discount_fen) == (300, 300)
    assert receipt.amount_due_fen == 31380
    assert (receipt.points_earned, receipt.points_balance) == (313, 1013)    # 1000 - 300 + 313
    assert receipt.payments[0].method == "wechat" and receipt.change_fen == 0
    assert receipt.status == "completed"
    # the reprint is built from what was stored and equals what checkout returned
    assert shop.sales.receipt(owner, receipt.sale_id) == receipt
    assert shop.sales.find(owner, "20261122-0001") == receipt.sale_id
    assert shop.visits.get(cashier, gold_visit.id).status == "completed"


def test_half_a_fen_is_rounded_up_on_each_line(shop, owner, cashier, tech, items, new_member):
    clip = shop.catalogue.add_item(owner, kind="product", code="G02", name="发夹", price_fen=1290, stock=20)
    zhang = new_member(tier="silver")
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    shop.visits.add_product(cashier, visit.id, clip.id, 3)
    # 8.5折: 洗剪吹 68 x 0.85 = 57.80; 3 x 12.90 = 38.70 x 0.85 = 32.895 -> 32.90 (half-up)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("cash", 10000)])
    assert [l.amount_fen for l in receipt.lines] == [5780, 3290]
    assert receipt.amount_due_fen == 5780 + 3290 == 9070
    assert receipt.amount_due_fen == sum(l.amount_fen for l in receipt.lines)
    assert receipt.member_discount_fen == 1020 + 580                # 6800-5780, 3870-3290
    assert receipt.points_earned == 90
    assert receipt.payments[0].change_fen == 930                    # 100.00 - 90.70


def test_items_without_member_discount_stay_full_price(shop, cashier, tech, items, new_member):
    zhang = new_member(tier="gold")
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.promo.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("alipay", 25340)])
    # package 199.00 at full price + 洗剪吹 68 x 0.8 = 54.40 -> 253.40
    assert [(l.rate_permille, l.amount_fen) for l in receipt.lines] == [(1000, 19900), (800, 5440)]
    assert (receipt.member_discount_fen, receipt.amount_due_fen, receipt.points_earned) == (1360, 25340, 253)


def test_cash_tendered_and_change(shop, cashier, gold_visit):
    receipt = shop.sales.checkout(cashier, gold_visit.id, [Tender("cash", 40000)], points=300)
    # ¥400 for ¥313.80 -> change ¥86.20
    assert [(p.method, p.amount_fen, p.tendered_fen, p.change_fen) for p in receipt.payments] == [
        ("cash", 31380, 40000, 8620)]
    assert (receipt.tendered_fen, receipt.change_fen) == (40000, 8620)


def test_wechat_plus_cash(shop, cashier, gold_visit):
    receipt = shop.sales.checkout(cashier, gold_visit.id, [Tender("wechat", 20000), Tender("cash", 15000)], points=300)
    # ¥200 WeChat, the remaining ¥113.80 from a ¥150 note -> change ¥36.20
    assert [(p.method, p.amount_fen, p.tendered_fen, p.change_fen) for p in receipt.payments] == [
        ("wechat", 20000, None, 0), ("cash", 11380, 15000, 3620)]
    assert (receipt.tendered_fen, receipt.change_fen) == (35000, 3620)
    assert sum(p.amount_fen for p in Payment.select()) == 31380


def test_underpayment_is_refused_and_nothing_is_stored(shop, cashier, gold_visit, dump, shop_path):
    before = dump(shop_path)
    with pytest.raises(PaymentProblem) as err:
        shop.sales.checkout(cashier, gold_visit.id, [Tender("wechat", 20000), Tender("cash", 10000)], points=300)
    assert err.value.code == "payment.short"
    assert err.value.params == {"due": 31380, "paid": 30000, "missing": 1380}
    assert dump(shop_path) == before
    assert shop.visits.get(cashier, gold_visit.id).status == "open"
    # paid properly, it still takes the day's first number
    assert shop.sales.checkout(cashier, gold_visit.id, [Tender("wechat", 31380)], points=300).receipt_no == \
        "20261122-0001"


def test_receipt_numbers_are_gapless_per_day(shop, cashier, clock, items, sell, owner, owner_ok):
    numbers = [sell(None, [items.wcb]).receipt_no for _ in range(3)]
    assert numbers == ["20261122-0001", "20261122-0002", "20261122-0003"]
    # a void keeps its number: the next sale does not reuse it
    shop.sales.void(owner, shop.sales.find(owner, "20261122-0003"), reason="录错", **owner_ok)
    assert sell(None, [items.wcb]).receipt_no == "20261122-0004"
    clock.set(2026, 11, 23, 9, 0)
    assert sell(None, [items.wcb]).receipt_no == "20261123-0001"
    assert sell(None, [items.wcb]).receipt_no == "20261123-0002"
    clock.set(2026, 12, 1, 9, 0)
    assert sell(None, [items.wcb]).receipt_no == "20261201-0001"
    assert [(s.day.day, s.seq) for s in Sale.select().order_by(Sale.id)] == [
        (22, 1), (22, 2), (22, 3), (22, 4), (23, 1), (23, 2), (1, 1)]


def test_products_lower_the_stock_and_flag_it(owner, shop, cashier, items, sell):
    sell(None, products=[(items.serum, 6)])
    assert shop.catalogue.item(owner, items.serum.id).stock == 4                # 10 - 6
    assert shop.catalogue.item(owner, items.serum.id).low_stock is False        # threshold 3
    sell(None, products=[(items.serum, 1)])
    assert (shop.catalogue.item(owner, items.serum.id).stock, shop.catalogue.item(owner, items.serum.id).low_stock) == (3, True)


def test_lines_are_snapshots(shop, owner, items, sell):
    receipt = sell(None, [items.cut])
    shop.catalogue.update_item(owner, items.cut.id, name="精剪(新)", price_fen=29800)
    again = shop.sales.receipt(owner, receipt.sale_id)
    assert (again.lines[0].name, again.lines[0].unit_price_fen, again.amount_due_fen) == ("精剪", 26800, 26800)
    entry = AuditLog.get(AuditLog.action == "item_updated")
    assert '"price_fen": 26800' in entry.details and '"price_fen": 29800' in entry.details


def test_checkout_is_audited_and_marks_the_last_visit(shop, cashier, clock, items, new_customer, sell):
    zhang = new_customer()
    clock.set(2026, 11, 22, 15, 30)
    receipt = sell(zhang.id, [items.wcb])
    entry = AuditLog.get(AuditLog.action == "sale")
    assert (entry.target, entry.staff_id, entry.at) == (receipt.receipt_no, cashier.id, clock.now)
    assert shop.customers.summary(cashier, zhang.id).last_visit_at == datetime(2026, 11, 22, 15, 30)


def test_only_the_counter_takes_payment(shop, tech, items):
    with pytest.raises(PermissionDenied):
        shop.sales.checkout(tech, 1, [Tender("wechat", 6800)])


def test_an_unknown_payment_method(shop, cashier, tech, items):
    visit = shop.visits.check_in(cashier)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    with pytest.raises(InvalidInput) as err:
        shop.sales.checkout(cashier, visit.id, [Tender("bitcoin", 6800)])
    assert (err.value.code, err.value.params) == ("payment.unknown_method", {"method": "bitcoin"})
    assert Sale.select().count() == 0


def test_sales_of_the_day(shop, owner, cashier, clock, items, sell):
    sell(None, [items.wcb])
    sell(None, [items.cut])
    assert [(s.receipt_no, s.amount_due_fen) for s in shop.sales.of_day(cashier)] == [
        ("20261122-0002", 26800), ("20261122-0001", 6800)]
    clock.advance(days=1)
    with pytest.raises(PermissionDenied):
        shop.sales.of_day(cashier, datetime(2026, 11, 22).date())       # a cashier sees today only
    assert len(shop.sales.of_day(owner, datetime(2026, 11, 22).date())) == 2


def test_a_sale_at_midnight_is_numbered_on_its_own_day(shop, cashier, tech, items):
    """The clock may tick past midnight while a checkout runs: the number, the day and the time
    stored must still agree. A clock that moves one second per reading, started at each of the
    last 40 seconds before midnight and at midnight, puts the tick between every pair of readings in turn."""
    from datetime import datetime, timedelta
    midnight = datetime(2026, 11, 23, 0, 0, 0)
    for before in range(41):
        visit = shop.visits.check_in(cashier)
        shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
        ticks = iter(midnight - timedelta(seconds=before) + timedelta(seconds=n) for n in range(10_000))
        shop.clock = lambda ticks=ticks: next(ticks)
        try:
            receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 6800)])
        finally:
            shop.clock = lambda: midnight
        sale = Sale.get_by_id(receipt.sale_id)
        assert receipt.receipt_no[:8] == f"{sale.created_at:%Y%m%d}" == f"{sale.day:%Y%m%d}"
    days = {}
    for sale in Sale.select().order_by(Sale.id):
        days.setdefault(sale.day, []).append(sale.seq)
    assert all(seqs == list(range(1, len(seqs) + 1)) for seqs in days.values())
    assert sorted(days) == [datetime(2026, 11, 22).date(), datetime(2026, 11, 23).date()]
