"""A small shop's year for the year-export tests (the data layer, the command line, the window).

On 2026-11-22 张三 (regular member, 9折) has 精剪 ¥268.00 → ¥241.20 by WeChat; a walk-in buys
洗剪吹 ¥68.00 + 修护精华 ¥129.00 = ¥197.00 in cash; a walk-in's 洗护 ¥128.00 (WeChat) is voided the
same day. On 2026-12-05 张三 has 染发 ¥388.00 → ¥349.20 by WeChat and tops up ¥1,000.00 on the card
by WeChat (rule: 充1000送100); on 2026-12-06 the walk-in's 修护精华 ¥129.00 is refunded in cash.
The clock is left at 2027-01-03 09:00.
"""

from __future__ import annotations

from salon_desk.tenders import Tender


def checkout(shop, actor, customer_id, services, tech, products=(), method="wechat"):
    visit = shop.visits.check_in(actor, customer_id)
    for item in services:
        shop.visits.add_service(actor, visit.id, item.id, tech.id)
    for item, qty in products:
        shop.visits.add_product(actor, visit.id, item.id, qty)
    due = shop.sales.quote(actor, visit.id).priced.amount_due_fen
    return shop.sales.checkout(actor, visit.id, [Tender(method, due)])


def fill_year(shop, clock, owner, cashier, tech, items, new_member, owner_ok):
    zhang = new_member("张三", "13812345678")
    clock.set(2026, 11, 22, 10, 30)
    checkout(shop, cashier, zhang.id, [items.cut], tech)
    clock.set(2026, 11, 22, 11, 0)
    b = checkout(shop, cashier, None, [items.wcb], tech, products=[(items.serum, 1)], method="cash")
    clock.set(2026, 11, 22, 12, 0)
    c = checkout(shop, cashier, None, [items.care], tech)
    clock.set(2026, 11, 22, 12, 10)
    shop.sales.void(owner, c.sale_id, reason="录错", **owner_ok)
    clock.set(2026, 12, 5, 15, 0)
    checkout(shop, cashier, zhang.id, [items.dye], tech)
    clock.set(2026, 12, 5, 15, 20)
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)
    clock.set(2026, 12, 6, 9, 30)
    serum_line = [l for l in shop.sales.receipt(owner, b.sale_id).lines if l.name == "修护精华"]
    shop.sales.refund(owner, b.sale_id, [serum_line[0].sale_line_id], reason="过敏", method="cash", **owner_ok)
    clock.set(2027, 1, 3, 9, 0)
    return shop
