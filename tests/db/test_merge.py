"""Merging two files of the same person (owner): visits, sales, points and membership move."""

import pytest

from salon_desk.db.models import AuditLog, Customer, Visit
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied


def test_merge_moves_visits_sales_and_points(shop, owner, cashier, clock, items, new_member, new_customer, sell):
    keep = new_member("张三", "13812345678", tier="gold", points=1000)
    drop = new_customer("张三", "13812345679", tags=["桂花茶"], birth_month=5, birth_day=1)   # typo'd phone
    first = sell(keep.id, [items.cut])                        # gold: 214.40 -> +214
    clock.advance(hours=1)
    shop.enrol_member(owner, drop.id, consent=True)
    shop.adjust_points(owner, drop.id, 500, "开卡赠送")
    second = sell(drop.id, [items.wcb])                       # regular: 61.20 -> +61
    assert (shop.points_balance(keep.id), shop.points_balance(drop.id)) == (1214, 561)

    merged = shop.merge_customers(owner, keep.id, drop.id)
    assert merged.points == 1214 + 561 == 1775
    assert shop.points_balance(drop.id) == 0
    assert Visit.select().where(Visit.customer == drop.id).count() == 0
    assert Visit.select().where(Visit.customer == keep.id).count() == 2
    assert [s.receipt_no for s in shop.customer_sales(owner, keep.id)] == [second.receipt_no, first.receipt_no]
    assert [(e.kind, e.points) for e in shop.points_history(keep.id)][-1] == ("merge", 561)
    # the kept file takes what it lacked; the higher tier stays
    assert (merged.birth_month, merged.birth_day, merged.tags) == (5, 1, ("桂花茶",))
    assert merged.member.tier == "gold"
    assert merged.member.visits == 2                          # both members' sales count now
    dropped = Customer.get_by_id(drop.id)
    assert (dropped.archived, dropped.merged_into_id, dropped.phone) == (True, keep.id, None)
    assert [c.id for c in shop.find_customers(owner, "zs")] == [keep.id]
    entry = AuditLog.get(AuditLog.action == "customers_merged")
    assert entry.target == f"customer:{keep.id}"
    assert '"points_moved": 561' in entry.details


def test_an_only_membership_moves_to_the_kept_file(shop, owner, new_member, new_customer):
    keep = new_customer("张三", "13812345678")
    drop = new_member("张三", "13812345679", tier="silver", points=300)
    merged = shop.merge_customers(owner, keep.id, drop.id)
    assert (merged.member.member_no, merged.member.tier, merged.points) == ("M000001", "silver", 300)


def test_a_refund_after_the_merge_reverses_points_on_the_kept_file(shop, owner, clock, items, new_member,
                                                                   sell, owner_ok):
    keep = new_member("张三", "13812345678")
    drop = new_member("张三", "13812345679", tier="gold", points=1000)
    sale = sell(drop.id, [items.cut, items.care], points=300)        # 313.80, +313 -> 1013
    shop.merge_customers(owner, keep.id, drop.id)
    assert shop.points_balance(keep.id) == 1013
    clock.advance(days=1)
    shop.refund_sale(owner, sale.sale_id, reason="重复建档后退款", **owner_ok)
    assert shop.points_balance(keep.id) == 1000
    assert shop.points_balance(drop.id) == 0


def test_merge_is_the_owners(shop, cashier, new_customer):
    a = new_customer("张三", "13812345678")
    b = new_customer("张三", "13812345679")
    with pytest.raises(PermissionDenied) as err:
        shop.merge_customers(cashier, a.id, b.id)
    assert err.value.params == {"perm": "merge", "role": "cashier"}


def test_merge_refusals(shop, owner, cashier, new_customer):
    a = new_customer("张三", "13812345678")
    b = new_customer("张三", "13812345679")
    with pytest.raises(InvalidInput) as err:
        shop.merge_customers(owner, a.id, a.id)
    assert err.value.code == "merge.same_customer"
    shop.check_in(cashier, b.id)
    with pytest.raises(Conflict) as err:
        shop.merge_customers(owner, a.id, b.id)
    assert (err.value.code, err.value.params) == ("merge.open_visit", {"name": "张三"})
    assert Customer.get_by_id(b.id).merged_into_id is None


def test_merge_when_both_files_used_this_years_birthday_gift(shop, owner, cashier, new_member):
    keep = new_member("张三", "13812345678", birth_month=11, birth_day=22)
    drop = new_member("张三", "13812345679", birth_month=11, birth_day=22)
    shop.give_birthday_gift(cashier, keep.id)
    shop.give_birthday_gift(cashier, drop.id)
    merged = shop.merge_customers(owner, keep.id, drop.id)
    assert merged.id == keep.id
    assert shop.birthday_status(keep.id).gift_available is False


def test_a_perk_used_only_on_the_dropped_file_moves(shop, owner, cashier, new_member):
    from salon_desk.db.models import BirthdayPerkUse
    keep = new_member("张三", "13812345678", birth_month=11, birth_day=22)
    drop = new_member("张三", "13812345679", birth_month=11, birth_day=22)
    shop.give_birthday_gift(cashier, drop.id)
    assert shop.birthday_status(keep.id).gift_available is True
    shop.merge_customers(owner, keep.id, drop.id)
    assert shop.birthday_status(keep.id).gift_available is False
    assert [u.customer_id for u in BirthdayPerkUse.select()] == [keep.id]
