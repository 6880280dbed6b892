"""Commission beyond the service line, worked by hand: the owner's manual adjustments, top-ups and package
sales earning the card-sale rate for whoever sold them, a package session paid on its consumed value, and a
free redo from a complaint earning nothing unless the rule says so."""

from datetime import date

import pytest

from salon_desk.commission import CARD_SALE, SERVICE, Rule
from salon_desk.db.models import AuditLog, CommissionAdjustment, CommissionEntry, Visit
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied
from salon_desk.tenders import Tender

JAN = date(2026, 1, 1)


def _of(sheet, staff_id):
    return [t for t in sheet.technicians if t.staff_id == staff_id][0]


def test_an_adjustment_shows_who_and_why_and_counts_in_net_payable(shop, owner, tech, sell, new_customer, items):
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, JAN, rotation_permille=100))
    sell(new_customer().id, services=[items.cut])                       # ¥268 at 10% = ¥26.80
    shop.commission.adjust(owner, tech.id, 2026, 11, 5_000, "  全勤奖 ")
    shop.commission.adjust(owner, tech.id, 2026, 11, -1_200, "迟到两次")
    t = _of(shop.commission.sheet(owner, 2026, 11), tech.id)
    assert (t.service_fen, t.adjust_fen, t.net_fen) == (2_680, 3_800, 6_480)      # 26.80 + 50 - 12
    assert [(a.amount_fen, a.reason, a.by) for a in t.adjustments] == [(5_000, "全勤奖", "老板"), (-1_200, "迟到两次", "老板")]
    assert AuditLog.select().where(AuditLog.action == "commission_adjust").count() == 2


def test_an_adjustment_alone_puts_the_technician_on_the_sheet(shop, owner, tech2):
    shop.commission.adjust(owner, tech2.id, 2026, 11, 10_000, "带新人")
    [t] = shop.commission.sheet(owner, 2026, 11).technicians
    assert (t.staff_id, t.net_fen, t.lines) == (tech2.id, 10_000, ())


def test_a_settled_month_refuses_adjustments_and_names_the_next_open_month(shop, owner, cashier, tech):
    shop.commission.settle(owner, 2026, 10)
    shop.commission.settle(owner, 2026, 11)
    with pytest.raises(Conflict) as err:
        shop.commission.adjust(owner, tech.id, 2026, 10, 1_000, "补发")
    assert (err.value.code, err.value.params["next_year"], err.value.params["next_month"]) == \
        ("commission.month_settled", 2026, 12)
    for amount, reason in ((0, "零"), (1_000, "  ")):
        with pytest.raises(InvalidInput):
            shop.commission.adjust(owner, tech.id, 2026, 12, amount, reason)
    with pytest.raises(PermissionDenied):
        shop.commission.adjust(cashier, tech.id, 2026, 12, 1_000, "补发")
    assert CommissionAdjustment.select().count() == 0


def test_a_top_up_earns_the_seller_the_card_sale_rate_on_the_money_paid(shop, owner, cashier, tech2, new_customer):
    shop.commission.add_rule(owner, Rule(0, 0, CARD_SALE, JAN, designated_permille=30))        # 3% on card sales
    zhang = new_customer()
    topup = shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True, sold_by=tech2.id)
    shop.cards.top_up(cashier, zhang.id, 50_000, "cash")                                       # no seller: nothing
    t = _of(shop.commission.sheet(owner, 2026, 11), tech2.id)
    # ¥1,000 paid (the ¥100 bonus is no sale) × 3% = ¥30.00
    assert (t.card_sale_fen, t.net_fen) == (3_000, 3_000)
    [line] = t.lines
    assert (line.receipt_no, line.item, line.base_fen, line.rate_permille, line.amount_fen, line.customer) == \
        (topup.receipt_no, "储值卡充值", 100_000, 30, 3_000, "张*")


def test_a_package_sale_earns_the_seller_and_a_session_pays_on_its_consumed_value(shop, owner, cashier, tech, tech2,
                                                                                 new_member):
    shop.commission.add_rule(owner, Rule(0, 0, CARD_SALE, JAN, designated_permille=20))
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, JAN, rotation_permille=100, prepaid_permille=50))
    facial = shop.catalogue.add_item(owner, kind="service", code="F01", name="面部护理", category="beauty",
                                     price_fen=26_800)
    plan = shop.packages.define(owner, code="K01", name="面部护理10次卡", price_fen=200_000, sessions=10, gifted=1,
                                services=[(facial.id, None)], member_discount=False)
    zhang = new_member()
    shop.packages.sell(cashier, zhang.id, plan.item_id, [Tender("wechat", 200_000)], sold_by=tech2.id)
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    [offer] = shop.packages.covering(cashier, line.id)
    shop.packages.use_session(cashier, line.id, offer.id)
    shop.sales.checkout(cashier, visit.id, [])
    sheet = shop.commission.sheet(owner, 2026, 11)
    # the seller: ¥2,000 × 2% = ¥40.00
    assert _of(sheet, tech2.id).card_sale_fen == 4_000
    # the session: consumed value ¥2,000 / 11 = ¥181.81, at the lower prepaid rate 5% = ¥9.09 (9.0905)
    t = _of(sheet, tech.id)
    [row] = t.lines
    assert (row.base_fen, row.prepaid, row.rate_permille, row.amount_fen) == (18_181, True, 50, 909)
    assert (t.labour_fen, t.prepaid_fen, t.cash_fen) == (18_181, 18_181, 0)


@pytest.mark.parametrize("fee_on_free, earned", [(False, 0), (True, 3_000)])
def test_a_free_redo_earns_nothing_unless_the_rule_says_so(shop, owner, cashier, clock, tech, new_customer, sell,
                                                           items, fee_on_free, earned):
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, JAN, category="hair", fee_fen=3_000, fee_on_free=fee_on_free))
    customer = new_customer()
    sell(customer.id, services=[items.dye])
    visit = shop.care.visits_of(cashier, customer.id)[0][0]
    c = shop.care.open_complaint(cashier, customer.id, "result", "phone", "颜色不均匀", visit_id=visit)
    shop.care.give_remedy(cashier, c.id, "redo")
    redo_visit = Visit.get(Visit.status == "open")                 # the ¥0 line of the same 染发
    shop.sales.checkout(cashier, redo_visit.id, [])
    rows = [(e.base_fen, e.fee_fen, e.amount_fen) for e in CommissionEntry.select().order_by(CommissionEntry.id)]
    assert rows == [(38_800, 3_000, 3_000), (0, earned, earned)]
