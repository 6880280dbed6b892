"""The month under test: late November to early January of a small shop, December in the middle."""

from __future__ import annotations

import pytest

from salon_desk.tenders import Tender


@pytest.fixture
def month_shop(shop, shop_path, owner, cashier, tech, tech2, items, new_customer, new_member, sell, clock,
               owner_ok):
    """Late November to early January of a small shop, December being the month under test."""
    a = new_member("张三", "13800000001", tier="gold", points=1000)
    b = new_customer("李四", "13800000002")
    clock.set(2026, 11, 25, 11, 0)
    sell(a.id, services=[items.cut])
    clock.set(2026, 11, 28, 15, 0)
    sell(b.id, services=[items.wcb])
    clock.set(2026, 12, 1, 10, 0)
    c = new_customer("王五", "13800000003", referred_by_id=a.id)
    sell(c.id, services=[items.dye, items.cut], enrol=True, enrol_consent=True)
    clock.set(2026, 12, 3, 14, 0)
    visit = shop.visits.check_in(cashier, a.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech2.id)
    shop.sales.checkout(cashier, visit.id, [Tender("cash", 40000)], points=300)
    clock.set(2026, 12, 3, 16, 0)
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech2.id)
    shop.sales.checkout(cashier, visit.id, [Tender("alipay", 6800)])
    clock.set(2026, 12, 10, 12, 0)
    d = new_customer("赵六", "13800000004")
    visit = shop.visits.check_in(cashier, d.id)
    shop.visits.add_service(cashier, visit.id, items.promo.id, tech.id)
    shop.sales.checkout(cashier, visit.id, [Tender("card", 19900)])
    clock.set(2026, 12, 12, 13, 0)
    b_sale = sell(b.id, services=[items.cut], products=[(items.serum, 1)])
    clock.set(2026, 12, 15, 10, 0)
    serum = [line for line in b_sale.lines if line.kind == "product"][0]
    shop.sales.refund(owner, b_sale.sale_id, [serum.sale_line_id], reason="过敏", **owner_ok)
    clock.set(2026, 12, 20, 17, 0)
    voided = sell(a.id, services=[items.wcb])
    shop.sales.void(owner, voided.sale_id, reason="重复收款", **owner_ok)
    clock.set(2026, 12, 29, 11, 0)
    promoted = sell(c.id, services=[items.dye] * 9)
    assert promoted.promoted_to == "silver"
    clock.set(2027, 1, 5, 10, 0)
    sell(a.id, services=[items.wcb])
    clock.set(2027, 1, 6, 10, 0)
    cut = [line for line in b_sale.lines if line.kind == "service"][0]
    shop.sales.refund(owner, b_sale.sale_id, [cut.sale_line_id], reason="不满意", **owner_ok)
    return {"a": a, "b": b, "c": c, "d": d}
