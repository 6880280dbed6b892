"""Points: earning after discounts and deductions, birthday double, referral, redeem limits,
gifts, manual adjustments, the yearly reset, and a balance that is always its ledger's sum."""

from datetime import datetime

import peewee
import pytest

from salon_desk.db import Shop
from salon_desk.db.models import AuditLog, PointsEntry, PointsReset
from salon_desk.errors import InvalidInput, PermissionDenied
from salon_desk.tenders import Tender


def ledger_sum(customer_id):
    return sum(e.points for e in PointsEntry.select().where(PointsEntry.customer == customer_id))


def kinds(shop, customer_id):
    owner = shop.staff.login("boss", "secret123")
    return [(e.kind, e.points) for e in shop.points.history(owner, customer_id)]


def test_gold_member_earns_on_what_was_paid_after_discount_and_points(owner, shop, items, new_member, sell):
    zhang = new_member(tier="gold", points=1000)
    receipt = sell(zhang.id, [items.cut, items.care], points=300)
    # 214.40 + 102.40 = 316.80, minus ¥3.00 of points = 313.80 -> 313 points
    assert (receipt.amount_due_fen, receipt.points_redeemed, receipt.points_earned) == (31380, 300, 313)
    assert receipt.points_balance == 1000 - 300 + 313 == 1013
    assert kinds(shop, zhang.id) == [("manual", 1000), ("redeem", -300), ("earn", 313)]
    assert [e.receipt_no for e in shop.points.history(owner, zhang.id)] == [None, "20261122-0001", "20261122-0001"]


def test_earning_is_floored_per_sale(shop, items, new_member, sell):
    zhang = new_member(tier="silver")
    # 8.5折: 洗剪吹 57.80 + 洗护 108.80 = 166.60 -> 166 (not 167)
    receipt = sell(zhang.id, [items.wcb, items.care])
    assert (receipt.amount_due_fen, receipt.points_earned) == (16660, 166)


def test_a_walk_in_and_a_non_member_earn_nothing_and_cannot_redeem(owner, shop, cashier, tech, items, new_customer,
                                                                  sell):
    assert sell(None, [items.cut]).points_earned == 0
    zhang = new_customer()
    assert sell(zhang.id, [items.cut]).points_earned == 0
    assert shop.points.balance(owner, zhang.id) == 0
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    with pytest.raises(InvalidInput) as err:
        shop.sales.quote(cashier, visit.id, points=100)
    assert err.value.code == "member.required"


@pytest.mark.parametrize("tier, due, earned", [
    ("regular", 24120, 241),    # 268 x 0.9 = 241.20 -> 241, no birthday double for regular
    ("silver", 22780, 227),     # 268 x 0.85 = 227.80 -> 227, none for silver either
    ("gold", 21440, 428),       # 268 x 0.8 = 214.40 -> 214, doubled = 428
    ("diamond", 20100, 402),    # 268 x 0.75 = 201.00 -> 201, doubled = 402
])
def test_birthday_double_points_by_tier(shop, items, new_member, sell, tier, due, earned):
    zhang = new_member(tier=tier, birth_month=11, birth_day=22)        # today is 22 November
    receipt = sell(zhang.id, [items.cut])
    assert (receipt.amount_due_fen, receipt.points_earned) == (due, earned)
    entries = kinds(shop, zhang.id)
    if earned > due // 100:
        assert entries == [("earn", due // 100), ("birthday", due // 100)]
    else:
        assert entries == [("earn", earned)]


def test_no_double_the_day_after_the_birthday(shop, clock, items, new_member, sell):
    zhang = new_member(tier="gold", birth_month=11, birth_day=21)
    assert sell(zhang.id, [items.cut]).points_earned == 214


def test_referral_bonus_when_the_referred_customer_enrols(shop, owner, items, new_member, new_customer, sell):
    zhang = new_member("张三", "13812345678")
    li = new_customer("李四", "13900001111", referred_by_id=zhang.id)
    sell(li.id, [items.cut, items.dye], enrol=True, enrol_consent=True)
    assert kinds(shop, zhang.id) == [("referral", 200)]
    assert shop.points.balance(owner, zhang.id) == 200
    assert shop.points.balance(owner, li.id) == 656           # the joining sale's own points
    # a manual enrolment pays the referrer too
    wang = new_customer("王五", "13700002222", referred_by_id=zhang.id)
    shop.members.enrol(owner, wang.id, consent=True)
    assert shop.points.balance(owner, zhang.id) == 400


def test_no_referral_bonus_when_the_referrer_is_not_a_member(shop, owner, new_customer):
    zhang = new_customer("张三", "13812345678")
    li = new_customer("李四", "13900001111", referred_by_id=zhang.id)
    shop.members.enrol(owner, li.id, consent=True)
    assert shop.points.balance(owner, zhang.id) == 0


def test_redeem_over_the_cap_or_the_balance_is_refused_and_nothing_stored(
        shop, cashier, tech, items, new_member, dump, shop_path):
    zhang = new_member(tier="gold", points=20000)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)
    # 316.80 after discount -> at most half, ¥158.40 = 15840 points
    assert shop.sales.quote(cashier, visit.id).priced.max_points_redeemable == 15840
    before = dump(shop_path)
    with pytest.raises(InvalidInput) as err:
        shop.sales.checkout(cashier, visit.id, [Tender("wechat", 15839)], points=15841)
    assert (err.value.code, err.value.params) == ("points.over_cap", {"points": 15841, "limit": 15840})
    assert dump(shop_path) == before
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 15840)], points=15840)
    assert (receipt.amount_due_fen, receipt.points_earned, receipt.points_balance) == (15840, 158, 4318)
    # 20000 - 15840 + 158 = 4318


def test_redeem_over_the_balance(owner, shop, cashier, tech, items, new_member):
    zhang = new_member(tier="gold", points=500)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    with pytest.raises(InvalidInput) as err:
        shop.sales.checkout(cashier, visit.id, [Tender("wechat", 21439)], points=501)
    assert (err.value.code, err.value.params) == ("points.over_balance", {"points": 501, "balance": 500})
    assert shop.points.balance(owner, zhang.id) == 500


def test_gifts_for_points(shop, owner, cashier, new_member, new_customer):
    with pytest.raises(PermissionDenied):
        shop.catalogue.add_gift(cashier, "护手霜", 800)
    cream = shop.catalogue.add_gift(owner, "护手霜", 800)
    assert shop.catalogue.gifts(owner) == [(cream, "护手霜", 800)]
    zhang = new_member(points=1000)
    assert shop.points.redeem_gift(cashier, zhang.id, cream) == 200          # 1000 - 800
    assert kinds(shop, zhang.id)[-1] == ("gift", -800)
    with pytest.raises(InvalidInput) as err:
        shop.points.redeem_gift(cashier, zhang.id, cream)
    assert (err.value.code, err.value.params) == ("points.over_balance", {"points": 800, "balance": 200})
    with pytest.raises(InvalidInput) as err:
        shop.points.redeem_gift(cashier, new_customer("李四", "13900001111").id, cream)
    assert err.value.code == "member.required"


def test_manual_adjustment_is_the_owners_with_a_reason(shop, owner, cashier, new_member):
    zhang = new_member()
    with pytest.raises(PermissionDenied):
        shop.points.adjust(cashier, zhang.id, 100, "补录")
    with pytest.raises(InvalidInput) as err:
        shop.points.adjust(owner, zhang.id, 100, " ")
    assert err.value.code == "points.reason_required"
    assert shop.points.adjust(owner, zhang.id, 150, "补录上次积分") == 150
    with pytest.raises(InvalidInput) as err:
        shop.points.adjust(owner, zhang.id, -151, "扣减")
    assert (err.value.code, err.value.params) == ("points.over_balance", {"points": 151, "balance": 150})
    assert shop.points.adjust(owner, zhang.id, -50, "扣减") == 100
    entry = AuditLog.select().where(AuditLog.action == "points_adjusted").order_by(AuditLog.id.desc()).get()
    assert entry.target == f"customer:{zhang.id}"


def test_yearly_reset_when_the_program_was_closed_on_new_year(owner, shop, shop_path, clock, items, new_member, sell):
    zhang = new_member(tier="gold", points=1000)
    sell(zhang.id, [items.cut, items.care], points=300)     # balance 1013 on 22 Nov 2026
    shop.close()
    clock.set(2027, 2, 10, 9, 30)                           # closed over New Year, opened in February
    reopened = Shop.open(shop_path, clock=clock)
    reopened_owner = reopened.staff.login("boss", "secret123")
    assert reopened.points.balance(reopened_owner, zhang.id) == 0
    expire = PointsEntry.get(PointsEntry.kind == "expire")
    assert (expire.points, expire.at, expire.reason) == (-1013, datetime(2027, 1, 1), "sys:yearly_reset:2027")
    assert [r.year for r in PointsReset.select()] == [2027]
    # new points after the reset stay, and no later start resets again
    receipt = sell(zhang.id, [items.wcb])                   # gold 68 x 0.8 = 54.40 -> 54
    assert receipt.points_balance == 54
    assert reopened.run_daily_jobs()["resets"] == []
    reopened.close()
    clock.set(2027, 12, 31, 18, 0)
    again = Shop.open(shop_path, clock=clock)
    again_owner = again.staff.login("boss", "secret123")
    assert again.points.balance(again_owner, zhang.id) == 54
    assert PointsEntry.select().where(PointsEntry.kind == "expire").count() == 1


def test_two_missed_resets_are_each_applied_once(shop, shop_path, clock, new_member):
    new_member(points=500)
    shop.close()
    clock.set(2028, 3, 1, 9, 0)
    reopened = Shop.open(shop_path, clock=clock, run_jobs=False)
    reopened_owner = reopened.staff.login("boss", "secret123")
    assert reopened.points.apply_yearly_resets() == [2027, 2028]
    # 500 expired on 1 Jan 2027; nothing left to expire on 1 Jan 2028
    assert [(e.points, e.at) for e in PointsEntry.select().where(PointsEntry.kind == "expire")] == [
        (-500, datetime(2027, 1, 1))]
    assert reopened.points.apply_yearly_resets() == []


def test_reset_keeps_points_earned_after_the_reset_date(owner, shop, shop_path, clock, items, new_member, sell):
    zhang = new_member(tier="gold", points=1000)
    shop.close()
    clock.set(2027, 1, 2, 10, 0)              # running since before New Year, the daily job not yet run
    reopened = Shop.open(shop_path, clock=clock, run_jobs=False)
    reopened_owner = reopened.staff.login("boss", "secret123")
    sell(zhang.id, [items.cut])               # 214.40 -> +214, dated 2 January
    assert reopened.points.balance(reopened_owner, zhang.id) == 1214
    assert reopened.points.apply_yearly_resets() == [2027]
    assert reopened.points.balance(reopened_owner, zhang.id) == 214     # only the 1000 from before 1 January expire


def test_a_late_reset_keeps_the_new_years_points_when_the_old_ones_were_spent(owner, shop, shop_path, clock, items,
                                                                             new_member, sell):
    zhang = new_member(tier="gold", points=1000)
    shop.close()
    clock.set(2027, 1, 2, 10, 0)              # running since before New Year, the daily job not yet run
    reopened = Shop.open(shop_path, clock=clock, run_jobs=False)
    reopened_owner = reopened.staff.login("boss", "secret123")
    receipt = sell(zhang.id, [items.cut], points=1000)
    # gold 214.40, the 1000 old points take ¥10.00 (cap 107.20): 204.40 paid -> +204, dated 2 January
    assert (receipt.amount_due_fen, receipt.points_earned, receipt.points_balance) == (20440, 204, 204)
    assert reopened.points.apply_yearly_resets() == [2027]
    # the 1000 held on 1 January are all spent already: nothing is left to expire,
    # and the 204 earned in the new year stay
    assert reopened.points.balance(reopened_owner, zhang.id) == 204
    assert PointsEntry.select().where(PointsEntry.kind == "expire").count() == 0


def test_a_late_reset_after_a_new_years_sale_was_refunded(shop, shop_path, owner, clock, items, new_member, sell,
                                                          owner_ok):
    zhang = new_member(tier="gold", points=1000)
    shop.close()
    clock.set(2027, 1, 2, 10, 0)
    reopened = Shop.open(shop_path, clock=clock, run_jobs=False)
    reopened_owner = reopened.staff.login("boss", "secret123")
    receipt = sell(zhang.id, [items.cut], points=1000)             # -1000 redeemed, +204 earned
    reopened.sales.refund(reopened_owner, receipt.sale_id, reason="不满意",               # +1000 back, -204
                          grant=reopened.staff.authorise_owner(reopened_owner, "boss", "secret123"))
    assert reopened.points.balance(reopened_owner, zhang.id) == 1000
    reopened.points.apply_yearly_resets()
    # the sale is undone, so the 1000 old points are old again and expire: nothing is left
    assert reopened.points.balance(reopened_owner, zhang.id) == 0


def test_reset_date_is_a_setting(shop, shop_path, owner, clock, new_member):
    shop.settings.update(owner, {"points.reset_month_day": "03-01"})
    zhang = new_member(points=500)
    shop.close()
    clock.set(2027, 2, 10, 9, 0)
    early = Shop.open(shop_path, clock=clock)
    assert early.points.balance(early.staff.login("boss", "secret123"), zhang.id) == 500
    clock.set(2027, 3, 1, 9, 0)
    reopened = Shop.open(shop_path, clock=clock)
    reopened_owner = reopened.staff.login("boss", "secret123")
    assert reopened.points.balance(reopened_owner, zhang.id) == 0
    assert PointsEntry.get(PointsEntry.kind == "expire").at == datetime(2027, 3, 1)


def test_balance_is_always_the_ledger_sum(shop, owner, cashier, clock, items, new_member, sell, owner_ok):
    zhang = new_member(tier="gold", points=1000)
    cream = shop.catalogue.add_gift(owner, "护手霜", 100)
    first = sell(zhang.id, [items.cut, items.care], points=300)
    shop.points.redeem_gift(cashier, zhang.id, cream)
    shop.points.adjust(owner, zhang.id, -13, "纠正")
    clock.advance(days=1)
    shop.sales.refund(owner, first.sale_id, [first.lines[1].sale_line_id], reason="不满意", **owner_ok)
    sell(zhang.id, [items.wcb], points=100)
    balance = shop.points.balance(owner, zhang.id)
    assert balance == ledger_sum(zhang.id)
    assert balance == shop.customers.file(owner, zhang.id).points
    assert balance == shop.customers.find(owner, "zs")[0].points
    # no table stores a bare balance that could drift from the ledger
    for table in ("customer", "member"):
        columns = [row[1] for row in shop.db.execute_sql(f'PRAGMA table_info("{table}")').fetchall()]
        assert not [c for c in columns if "point" in c or "balance" in c]


def test_the_ledger_is_append_only(owner, shop, new_member):
    zhang = new_member(points=100)
    with pytest.raises(peewee.IntegrityError):
        PointsEntry.update(points=100000).where(PointsEntry.customer == zhang.id).execute()
    with pytest.raises(peewee.IntegrityError):
        PointsEntry.delete().where(PointsEntry.customer == zhang.id).execute()
    assert shop.points.balance(owner, zhang.id) == 100


def test_voiding_the_joining_sale_takes_back_the_referral_bonus(shop, owner, cashier, items, new_member,
                                                                new_customer, sell, owner_ok):
    zhang = new_member("张三", "13812345678")
    li = new_customer("李四", "13900001111", referred_by_id=zhang.id)
    sale = sell(li.id, [items.cut, items.dye], enrol=True, enrol_consent=True)   # 656.00: 李四 joins
    assert shop.points.balance(owner, zhang.id) == 200
    shop.sales.void(cashier, sale.sale_id, reason="录错顾客", **owner_ok)
    # the enrolment never happened, so neither did the referral: 200 - 200 = 0
    assert shop.members.info(owner, li.id).active is False
    assert shop.points.balance(owner, zhang.id) == 0
    assert shop.points.balance(owner, li.id) == 0
    # when 李四 really joins, 张三 gets the bonus (once)
    sell(li.id, [items.cut, items.dye], enrol=True, enrol_consent=True)
    assert shop.points.balance(owner, zhang.id) == 200
