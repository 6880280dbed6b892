"""Merging two files of the same person (owner): visits, sales, points and membership move."""

from datetime import datetime

import pytest

from salon_desk.db.ledger_checkpoints import ledger_totals
from salon_desk.db.models import AuditLog, Customer, Member, Visit
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied


def test_merge_moves_visits_sales_and_points(shop, owner, cashier, clock, items, new_member, new_customer, sell):
    keep = new_member("张三", "13812345678", tier="gold", points=1000)
    drop = new_customer("张三", "13812345679", tags=["桂花茶"], birth_month=5, birth_day=1)   # typo'd phone
    first = sell(keep.id, [items.cut])                        # gold: 214.40 -> +214
    clock.advance(hours=1)
    shop.members.enrol(owner, drop.id, consent=True)
    shop.points.adjust(owner, drop.id, 500, "开卡赠送")
    second = sell(drop.id, [items.wcb])                       # regular: 61.20 -> +61
    assert (shop.points.balance(owner, keep.id), shop.points.balance(owner, drop.id)) == (1214, 561)

    merged = shop.customers.merge(owner, keep.id, drop.id)
    assert merged.points == 1214 + 561 == 1775
    assert shop.points.balance(owner, drop.id) == 0
    assert Visit.select().where(Visit.customer == drop.id).count() == 0
    assert Visit.select().where(Visit.customer == keep.id).count() == 2
    assert [s.receipt_no for s in shop.sales.of_customer(owner, keep.id)] == [second.receipt_no, first.receipt_no]
    assert [(e.kind, e.points) for e in shop.points.history(owner, keep.id)][-1] == ("merge", 561)
    # the kept file takes what it lacked; the higher tier stays
    assert (merged.birth_month, merged.birth_day, merged.tags) == (5, 1, ("桂花茶",))
    assert merged.member.tier == "gold"
    assert merged.member.visits == 2                          # both members' sales count now
    dropped = Customer.get_by_id(drop.id)
    assert (dropped.archived, dropped.merged_into_id, dropped.phone) == (True, keep.id, None)
    assert [c.id for c in shop.customers.find(owner, "zs")] == [keep.id]
    entry = AuditLog.get(AuditLog.action == "customers_merged")
    assert entry.target == f"customer:{keep.id}"
    assert '"points_moved": 561' in entry.details


def test_an_only_membership_moves_to_the_kept_file(shop, owner, new_member, new_customer):
    keep = new_customer("张三", "13812345678")
    drop = new_member("张三", "13812345679", tier="silver", points=300)
    merged = shop.customers.merge(owner, keep.id, drop.id)
    assert (merged.member.member_no, merged.member.tier, merged.points) == ("M000001", "silver", 300)


def test_a_refund_after_the_merge_reverses_points_on_the_kept_file(shop, owner, clock, items, new_member,
                                                                   sell, owner_ok):
    keep = new_member("张三", "13812345678")
    drop = new_member("张三", "13812345679", tier="gold", points=1000)
    sale = sell(drop.id, [items.cut, items.care], points=300)        # 313.80, +313 -> 1013
    shop.customers.merge(owner, keep.id, drop.id)
    assert shop.points.balance(owner, keep.id) == 1013
    clock.advance(days=1)
    shop.sales.refund(owner, sale.sale_id, reason="重复建档后退款", **owner_ok)
    assert shop.points.balance(owner, keep.id) == 1000
    assert shop.points.balance(owner, drop.id) == 0


def test_merge_is_the_owners(shop, cashier, new_customer):
    a = new_customer("张三", "13812345678")
    b = new_customer("张三", "13812345679")
    with pytest.raises(PermissionDenied) as err:
        shop.customers.merge(cashier, a.id, b.id)
    assert err.value.params == {"perm": "merge", "role": "cashier"}


def test_merge_refusals(shop, owner, cashier, new_customer):
    a = new_customer("张三", "13812345678")
    b = new_customer("张三", "13812345679")
    with pytest.raises(InvalidInput) as err:
        shop.customers.merge(owner, a.id, a.id)
    assert err.value.code == "merge.same_customer"
    shop.visits.check_in(cashier, b.id)
    with pytest.raises(Conflict) as err:
        shop.customers.merge(owner, a.id, b.id)
    assert (err.value.code, err.value.params) == ("merge.open_visit", {"name": "张三"})
    assert Customer.get_by_id(b.id).merged_into_id is None


def test_merge_when_both_files_used_this_years_birthday_gift(shop, owner, cashier, new_member):
    keep = new_member("张三", "13812345678", birth_month=11, birth_day=22)
    drop = new_member("张三", "13812345679", birth_month=11, birth_day=22)
    shop.birthdays.give_gift(cashier, keep.id)
    shop.birthdays.give_gift(cashier, drop.id)
    merged = shop.customers.merge(owner, keep.id, drop.id)
    assert merged.id == keep.id
    assert shop.birthdays.status(owner, keep.id).gift_available is False


def test_a_perk_used_only_on_the_dropped_file_moves(shop, owner, cashier, new_member):
    from salon_desk.db.models import BirthdayPerkUse
    keep = new_member("张三", "13812345678", birth_month=11, birth_day=22)
    drop = new_member("张三", "13812345679", birth_month=11, birth_day=22)
    shop.birthdays.give_gift(cashier, drop.id)
    assert shop.birthdays.status(owner, keep.id).gift_available is True
    shop.customers.merge(owner, keep.id, drop.id)
    assert shop.birthdays.status(owner, keep.id).gift_available is False
    assert [u.customer_id for u in BirthdayPerkUse.select()] == [keep.id]


def active_members_by_tier():
    counts = {}
    for m in Member.select().where(Member.active == True):  # noqa: E712
        counts[m.tier] = counts.get(m.tier, 0) + 1
    return counts


def tier_ledger(shop):
    """Members by tier as the monthly report counts them: the sum of the tier changes."""
    return {k: v for k, v in ledger_totals(shop.db, "tiers", datetime(2100, 1, 1)).items() if v}


@pytest.mark.parametrize("keep_lapsed, drop_lapsed", [(False, True), (True, False), (True, True), (False, False)])
def test_members_by_tier_stay_right_when_a_lapsed_membership_is_merged(shop, owner, clock, new_member,
                                                                        keep_lapsed, drop_lapsed):
    # 张三 gold (joined 22 Nov 2026) and a duplicate 张三 silver (joined 2 years later); either may have lapsed
    old = new_member("张三", "13812345678", tier="gold")
    clock.set(2028, 11, 23, 9, 0)                     # 731 days on: the gold membership lapses
    shop.members.apply_lapses()
    new = new_member("张三", "13812345679", tier="silver")
    if not keep_lapsed:
        shop.members.reinstate(owner, old.id, "顾客投诉")
    if drop_lapsed:
        clock.set(2030, 11, 24, 9, 0)
        shop.members.apply_lapses()
        if not keep_lapsed:
            shop.members.reinstate(owner, old.id, "顾客投诉")
    shop.customers.merge(owner, old.id, new.id)
    # e.g. a lapsed duplicate merged into the active gold file: still one gold member and no silver,
    # not "gold 1 - 1 = 0" from counting the lapsed membership's departure twice
    assert tier_ledger(shop) == active_members_by_tier()


def test_the_kept_file_is_never_referred_by_the_dropped_one(shop, owner, new_customer):
    li = new_customer("李四", "13900001111")
    first = new_customer("王小明", "13800000001", referred_by_id=li.id)
    second = new_customer("王小明", "13800000002", referred_by_id=first.id)   # typed as "referred by" the first
    merged = shop.customers.merge(owner, second.id, first.id)
    # the dropped file is archived: the kept one takes over its referrer, 李四
    assert (merged.referred_by_id, merged.referred_by_name) == (li.id, "李四")


def test_an_allergy_on_the_dropped_file_reaches_the_kept_one(shop, owner, new_customer):
    keep = new_customer("张三", "13812345678", consent_health=True)
    drop = new_customer("张三", "13812345679", consent_health=True, allergies="果酸过敏", care_goals="淡斑")
    merged = shop.customers.merge(owner, keep.id, drop.id)
    assert (merged.allergies, merged.care_goals) == ("果酸过敏", "淡斑")
    # without the kept file's health consent the allergy is not copied into it
    keep2 = new_customer("李四", "13900001111")
    drop2 = new_customer("李四", "13900001112", consent_health=True, allergies="花粉")
    assert shop.customers.merge(owner, keep2.id, drop2.id).allergies == ""
