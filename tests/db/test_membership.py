"""Membership: the ¥500 qualification, enrolment, member numbers, promotion, manual tier, lapse."""

import pytest

from salon_desk.db import Shop
from salon_desk.db.models import AuditLog, PointsEntry, TierChange
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied
from salon_desk.tenders import Tender


def open_visit(shop, actor, customer_id, tech, *items_):
    visit = shop.visits.check_in(actor, customer_id)
    for item in items_:
        shop.visits.add_service(actor, visit.id, item.id, tech.id)
    return visit


@pytest.fixture
def scalp(shop, owner):
    """Two extra services so a sale lands exactly on and just under ¥500 with 洗剪吹 ¥68."""
    return (shop.catalogue.add_item(owner, kind="service", code="S432", name="头皮护理", category="skin", price_fen=43200),
            shop.catalogue.add_item(owner, kind="service", code="S431", name="头皮护理(小)", category="skin",
                          price_fen=43199))


def test_qualifies_at_exactly_five_hundred_yuan(shop, cashier, tech, items, scalp, new_customer):
    zhang = new_customer("张三", "13812345678")
    li = new_customer("李四", "13900001111")
    # 432.00 + 68.00 = 500.00 -> qualifies
    on = open_visit(shop, cashier, zhang.id, tech, scalp[0], items.wcb)
    assert shop.sales.quote(cashier, on.id).priced.amount_due_fen == 50000
    assert shop.sales.quote(cashier, on.id).qualifies_to_join is True
    # 431.99 + 68.00 = 499.99 -> does not
    under = open_visit(shop, cashier, li.id, tech, scalp[1], items.wcb)
    assert shop.sales.quote(cashier, under.id).priced.amount_due_fen == 49999
    assert shop.sales.quote(cashier, under.id).qualifies_to_join is False


def test_anonymous_and_members_are_not_offered_enrolment(shop, cashier, tech, items, new_member):
    walk_in = open_visit(shop, cashier, None, tech, items.cut, items.dye)
    assert shop.sales.quote(cashier, walk_in.id).qualifies_to_join is False      # 656.00, but no file
    member = new_member()
    visit = open_visit(shop, cashier, member.id, tech, items.cut, items.dye)
    assert shop.sales.quote(cashier, visit.id).qualifies_to_join is False


def test_enrol_at_the_qualifying_checkout(owner, shop, cashier, tech, items, new_customer):
    zhang = new_customer()
    visit = open_visit(shop, cashier, zhang.id, tech, items.cut, items.dye)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 65600)], enrol=True, enrol_consent=True)
    # not yet a member when priced: full price 268 + 388 = 656.00; earns 656 points
    assert receipt.amount_due_fen == 65600
    assert receipt.member_discount_fen == 0
    assert (receipt.enrolled, receipt.member_no, receipt.tier) == (True, "M000001", "regular")
    assert (receipt.points_earned, receipt.points_balance) == (656, 656)
    info = shop.members.info(owner, zhang.id)
    assert (info.member_no, info.tier, info.active, info.spend_fen, info.visits) == (
        "M000001", "regular", True, 65600, 1)
    assert shop.points.balance(owner, zhang.id) == 656


def test_enrolment_needs_the_customers_consent(shop, cashier, tech, items, new_customer, dump, shop_path):
    zhang = new_customer()
    visit = open_visit(shop, cashier, zhang.id, tech, items.cut, items.dye)
    before = dump(shop_path)
    with pytest.raises(InvalidInput) as err:
        shop.sales.checkout(cashier, visit.id, [Tender("wechat", 65600)], enrol=True, enrol_consent=False)
    assert err.value.code == "member.consent_required"
    assert dump(shop_path) == before


def test_enrol_on_a_sale_that_does_not_qualify_is_refused(shop, cashier, tech, items, new_customer,
                                                          dump, shop_path):
    zhang = new_customer()
    visit = open_visit(shop, cashier, zhang.id, tech, items.cut)
    before = dump(shop_path)
    with pytest.raises(InvalidInput) as err:
        shop.sales.checkout(cashier, visit.id, [Tender("wechat", 26800)], enrol=True, enrol_consent=True)
    assert err.value.code == "member.sale_does_not_qualify"
    assert dump(shop_path) == before
    assert shop.visits.get(cashier, visit.id).status == "open"


def test_enrol_afterwards_credits_the_qualifying_sale(owner, shop, cashier, tech, items, new_customer):
    zhang = new_customer()
    visit = open_visit(shop, cashier, zhang.id, tech, items.cut, items.dye)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("cash", 70000)])
    assert (receipt.enrolled, receipt.enrolment_offered, receipt.points_earned) == (False, True, 0)
    assert receipt.payments[0].change_fen == 4400                     # 700.00 - 656.00
    info = shop.members.enrol(cashier, zhang.id, consent=True, qualifying_sale_id=receipt.sale_id)
    # the sale counts: 656.00 of tier spend, 1 visit, 656 points
    assert (info.member_no, info.tier, info.spend_fen, info.visits) == ("M000001", "regular", 65600, 1)
    assert shop.points.balance(owner, zhang.id) == 656
    again = shop.sales.receipt(owner, receipt.sale_id)
    assert (again.enrolled, again.enrolment_offered, again.member_no) == (True, False, "M000001")
    assert (again.points_earned, again.points_balance) == (656, 656)
    assert again.amount_due_fen == 65600                              # still full price
    # the sale has done its work: it cannot enrol or earn twice
    with pytest.raises(InvalidInput) as err:
        shop.members.enrol(cashier, zhang.id, consent=True, qualifying_sale_id=receipt.sale_id)
    assert err.value.code == "member.sale_does_not_qualify"
    assert shop.points.balance(owner, zhang.id) == 656


def test_enrolling_a_member_twice_is_a_conflict(shop, owner, new_member):
    zhang = new_member()
    with pytest.raises(Conflict) as err:
        shop.members.enrol(owner, zhang.id, consent=True)
    assert (err.value.code, err.value.params) == ("member.already", {"member_no": "M000001"})


def test_enrol_afterwards_refuses_a_small_or_old_sale(owner, shop, cashier, tech, clock, items, new_customer, sell):
    zhang = new_customer()
    small = sell(zhang.id, [items.cut])
    with pytest.raises(InvalidInput) as err:
        shop.members.enrol(cashier, zhang.id, consent=True, qualifying_sale_id=small.sale_id)
    assert err.value.code == "member.sale_does_not_qualify"
    big = sell(zhang.id, [items.cut, items.dye])
    with pytest.raises(InvalidInput) as err:
        shop.members.enrol(cashier, zhang.id, consent=False, qualifying_sale_id=big.sale_id)
    assert err.value.code == "member.consent_required"
    clock.advance(days=1)
    with pytest.raises(InvalidInput) as err:
        shop.members.enrol(cashier, zhang.id, consent=True, qualifying_sale_id=big.sale_id)
    assert err.value.code == "member.sale_does_not_qualify"
    assert shop.members.info(owner, zhang.id) is None


def test_the_next_sale_gets_the_member_price(shop, cashier, items, new_customer, sell):
    zhang = new_customer()
    sell(zhang.id, [items.cut, items.dye], enrol=True, enrol_consent=True)
    nxt = sell(zhang.id, [items.wcb])
    # Regular 9折: 68 x 0.9 = 61.20; earns 61
    assert (nxt.tier, nxt.amount_due_fen, nxt.points_earned, nxt.points_balance) == ("regular", 6120, 61, 717)


def test_member_numbers_count_up(shop, owner, cashier, new_customer):
    numbers = []
    for name, phone in (("张三", "13812345678"), ("李四", "13900001111"), ("王五", "13700002222")):
        numbers.append(shop.members.enrol(owner, new_customer(name, phone).id, consent=True).member_no)
    assert numbers == ["M000001", "M000002", "M000003"]


def test_enrol_by_hand_is_the_owners_and_audited(shop, owner, cashier, new_customer):
    zhang = new_customer()
    with pytest.raises(PermissionDenied):
        shop.members.enrol(cashier, zhang.id, consent=True)
    shop.members.enrol(owner, zhang.id, consent=True)
    assert AuditLog.select().where((AuditLog.action == "member_enrolled_by_hand")
                                   & (AuditLog.target == f"customer:{zhang.id}")).count() == 1


def test_promotion_on_spend_shows_on_the_receipt_and_applies_from_the_next_sale(
        shop, owner, cashier, items, new_member, sell):
    card = shop.catalogue.add_item(owner, kind="service", code="Y01", name="年度护理卡", category="beauty",
                         price_fen=340000)
    zhang = new_member()
    # Regular 9折 of ¥3,400 = ¥3,060 >= ¥3,000 -> silver
    receipt = sell(zhang.id, [card])
    assert (receipt.tier, receipt.amount_due_fen, receipt.promoted_to) == ("regular", 306000, "silver")
    assert shop.members.info(owner, zhang.id).tier == "silver"
    # next sale at 8.5折: 68 x 0.85 = 57.80
    nxt = sell(zhang.id, [items.wcb])
    assert (nxt.tier, nxt.amount_due_fen, nxt.promoted_to) == ("silver", 5780, None)
    change = TierChange.get(TierChange.kind == "promote")
    assert (change.from_tier, change.to_tier, change.sale_id) == ("regular", "silver", receipt.sale_id)


def test_a_big_joining_sale_promotes_at_once(shop, owner, cashier, new_customer, sell):
    card = shop.catalogue.add_item(owner, kind="service", code="Y01", name="年度护理卡", category="beauty",
                         price_fen=340000)
    zhang = new_customer()
    receipt = sell(zhang.id, [card], enrol=True, enrol_consent=True)
    # full price 3,400.00 counts toward tier spend -> silver from the next sale
    assert (receipt.amount_due_fen, receipt.enrolled, receipt.promoted_to) == (340000, True, "silver")
    assert shop.members.info(owner, zhang.id).tier == "silver"


def test_promotion_on_visits(owner, shop, cashier, items, new_member, sell):
    zhang = new_member()
    for _ in range(14):
        assert sell(zhang.id, [items.wcb]).promoted_to is None
    # 14 x 61.20 = 856.80 spent: far from ¥3,000, but the 15th visit reaches silver
    info = shop.members.info(owner, zhang.id)
    assert (info.tier, info.visits, info.spend_fen) == ("regular", 14, 85680)
    assert sell(zhang.id, [items.wcb]).promoted_to == "silver"
    assert shop.members.info(owner, zhang.id).visits == 15


def test_manual_tier_change_is_the_owners_and_audited(shop, owner, cashier, items, new_member, sell):
    zhang = new_member()
    with pytest.raises(PermissionDenied) as err:
        shop.members.set_tier(cashier, zhang.id, "gold", "老客户")
    assert err.value.params == {"perm": "manual_tier", "role": "cashier"}
    with pytest.raises(InvalidInput) as err:
        shop.members.set_tier(owner, zhang.id, "gold", "  ")
    assert err.value.code == "member.reason_required"
    with pytest.raises(InvalidInput) as err:
        shop.members.set_tier(owner, zhang.id, "platinum", "x")
    assert err.value.params == {"tier": "platinum"}
    assert shop.members.set_tier(owner, zhang.id, "gold", "老客户").tier == "gold"
    entry = AuditLog.get(AuditLog.action == "tier_set")
    assert entry.target == f"customer:{zhang.id}"
    change = TierChange.get(TierChange.kind == "manual")
    assert (change.from_tier, change.to_tier, change.reason, change.staff_id) == ("regular", "gold", "老客户",
                                                                                   owner.id)
    # a gold member whose history only earns regular keeps gold: tiers never drop on their own
    receipt = sell(zhang.id, [items.cut])
    assert (receipt.tier, receipt.amount_due_fen, receipt.promoted_to) == ("gold", 21440, None)
    assert shop.members.info(owner, zhang.id).tier == "gold"


def test_set_tier_needs_a_member(shop, owner, new_customer):
    with pytest.raises(InvalidInput) as err:
        shop.members.set_tier(owner, new_customer().id, "gold", "x")
    assert err.value.code == "member.required"


def test_lapse_after_730_days_without_a_paid_sale(shop, owner, clock, items, new_member, sell):
    zhang = new_member(points=500)
    sell(zhang.id, [items.cut])                       # 22 Nov 2026: 241.20 paid, +241 points
    assert shop.points.balance(owner, zhang.id) == 741
    # 20 Nov 2028 is day 729 (2028 is a leap year): still a member; 21 Nov 2028 is day 730: lapsed
    clock.set(2028, 11, 20, 23, 0)
    assert shop.members.apply_lapses() == []
    clock.set(2028, 11, 21, 9, 0)
    assert shop.members.apply_lapses() == [zhang.id]
    info = shop.members.info(owner, zhang.id)
    assert (info.active, info.lapsed_at, info.tier) == (False, clock.now, "regular")
    assert shop.points.balance(owner, zhang.id) == 0
    expire = PointsEntry.get(PointsEntry.kind == "expire")
    assert (expire.points, expire.reason) == (-741, "sys:lapsed")
    # idempotent: a second run lapses nobody and expires nothing more
    assert shop.members.apply_lapses() == []
    assert TierChange.select().where(TierChange.kind == "lapse").count() == 1
    assert PointsEntry.select().where(PointsEntry.kind == "expire").count() == 1
    # no longer a member: full price, no points
    nxt = sell(zhang.id, [items.wcb])
    assert (nxt.tier, nxt.amount_due_fen, nxt.points_earned) == (None, 6800, 0)


def test_lapse_is_checked_when_the_program_starts(owner, shop, shop_path, clock, items, new_member):
    zhang = new_member()                              # joined 22 Nov 2026, never bought
    shop.close()
    clock.set(2029, 1, 5, 9, 0)
    reopened = Shop.open(shop_path, clock=clock)
    reopened_owner = reopened.staff.login("boss", "secret123")
    info = reopened.members.info(reopened_owner, zhang.id)
    assert (info.active, info.lapsed_at) == (False, clock.now)
    assert AuditLog.select().where(AuditLog.action == "members_lapsed").count() == 1
    assert reopened.run_daily_jobs()["lapsed"] == []


def test_a_voided_sale_does_not_keep_membership_alive(shop, owner, clock, items, new_member, sell, owner_ok):
    zhang = new_member()                              # joined 22 Nov 2026 10:00
    clock.set(2027, 6, 1, 15, 0)
    sale = sell(zhang.id, [items.wcb])
    shop.sales.void(owner, sale.sale_id, reason="录错了", **owner_ok)
    # only the joining time counts: 730 days after 22 Nov 2026 the member lapses
    clock.set(2028, 11, 22, 9, 0)
    assert shop.members.apply_lapses() == [zhang.id]


def test_reinstate_gives_back_membership_tier_and_points(shop, owner, cashier, clock, items, new_member, sell):
    zhang = new_member(tier="gold", points=1000)
    clock.set(2029, 1, 5, 9, 0)
    assert shop.members.apply_lapses() == [zhang.id]
    assert shop.points.balance(owner, zhang.id) == 0
    with pytest.raises(PermissionDenied):
        shop.members.reinstate(cashier, zhang.id, "顾客投诉")
    info = shop.members.reinstate(owner, zhang.id, "顾客投诉")
    assert (info.active, info.tier, info.lapsed_at) == (True, "gold", None)
    assert shop.points.balance(owner, zhang.id) == 1000      # the 1000 the lapse took, given back
    assert AuditLog.select().where(AuditLog.action == "member_reinstated").count() == 1
    # reinstated on 5 Jan 2029: a new 730 days start from then, so the next daily run
    # (at start, or the same evening) must not lapse the member again
    assert shop.members.apply_lapses() == []
    clock.set(2031, 1, 4, 9, 0)                        # day 729 after 5 Jan 2029: still a member
    assert shop.members.apply_lapses() == []
    clock.set(2031, 1, 5, 9, 0)                        # day 730: lapsed
    assert shop.members.apply_lapses() == [zhang.id]
    info = shop.members.reinstate(owner, zhang.id, "再次恢复")
    receipt = sell(zhang.id, [items.cut])             # gold again: 214.40
    assert (receipt.tier, receipt.amount_due_fen) == ("gold", 21440)
    with pytest.raises(InvalidInput) as err:
        shop.members.reinstate(owner, zhang.id, "again")
    assert err.value.code == "member.not_lapsed"


def test_a_lapsed_member_who_qualifies_again_rejoins_with_the_same_number(
        shop, owner, clock, items, new_member, sell):
    zhang = new_member(tier="gold", points=800)
    clock.set(2029, 1, 5, 9, 0)
    assert shop.members.apply_lapses() == [zhang.id]
    receipt = sell(zhang.id, [items.cut, items.dye], enrol=True, enrol_consent=True)
    # not a member when priced: full price 656.00; back in as regular with the old number
    assert (receipt.amount_due_fen, receipt.enrolled, receipt.member_no) == (65600, True, "M000001")
    info = shop.members.info(owner, zhang.id)
    assert (info.active, info.tier, info.joined_at, info.spend_fen) == (True, "regular", clock.now, 65600)
    assert shop.points.balance(owner, zhang.id) == 656        # the 800 expired with the lapse stay expired


def test_a_member_who_rejoins_after_a_lapse_starts_tier_history_afresh(shop, owner, clock, items, new_member,
                                                                       sell):
    zhang = new_member(tier="gold")
    sell(zhang.id, [items.cut])                       # 214.40 under the old membership
    clock.set(2029, 1, 5, 9, 0)
    assert shop.members.apply_lapses() == [zhang.id]
    sell(zhang.id, [items.cut, items.dye], enrol=True, enrol_consent=True)
    info = shop.members.info(owner, zhang.id)
    # only the joining sale counts: 656.00 and one visit, not 870.40 and two
    assert (info.tier, info.spend_fen, info.visits) == ("regular", 65600, 1)


def test_a_reinstated_member_keeps_the_old_history(shop, owner, clock, items, new_member, sell):
    zhang = new_member(tier="gold")
    sell(zhang.id, [items.cut])                       # 214.40
    clock.set(2029, 1, 5, 9, 0)
    shop.members.apply_lapses()
    info = shop.members.reinstate(owner, zhang.id, "顾客投诉")
    assert (info.tier, info.spend_fen, info.visits) == ("gold", 21440, 1)


def test_reinstating_after_new_year_does_not_bring_back_last_years_points(shop, owner, clock, new_member,
                                                                        new_customer):
    zhang = new_member(tier="gold")                   # joined 22 Nov 2026, never bought
    clock.set(2028, 3, 1, 10, 0)
    assert shop.run_daily_jobs()["resets"] == [2027, 2028]
    li = new_customer("李四", "13900001111", referred_by_id=zhang.id)
    shop.members.enrol(owner, li.id, consent=True)     # the referral: +200 for 张三 in 2028
    clock.set(2028, 11, 23, 9, 0)                     # 731 days after joining
    assert shop.run_daily_jobs()["lapsed"] == [zhang.id]      # the 200 expire with the lapse
    clock.set(2029, 2, 10, 9, 0)
    assert shop.run_daily_jobs()["resets"] == [2029]          # nothing left to clear on 1 January 2029
    info = shop.members.reinstate(owner, zhang.id, "顾客投诉")
    # every other member's 2028 points were cleared on 1 January 2029: reinstating gives back the
    # membership and the tier, but not 200 points of a year that is over
    assert (info.active, info.tier) == (True, "gold")
    assert shop.points.balance(owner, zhang.id) == 0
