"""Voids (same day) and refunds (later, whole or some lines): the owner's password, a reason,
and an exact reversal of points, tier spend, stock and the birthday perk."""

import json

import pytest

from salon_desk.records import OwnerGrant

from salon_desk.db.models import AuditLog, Refund
from salon_desk.errors import (
    AuthenticationFailed,
    Conflict,
    InvalidInput,
    PermissionDenied,
)


@pytest.fixture
def gold_sale(shop, items, new_member, sell):
    """Gold 张三, 1000 points; 精剪 + 洗护 with 300 points: due 313.80, earned 313, balance 1013."""
    zhang = new_member(tier="gold", points=1000)
    receipt = sell(zhang.id, [items.cut, items.care], points=300)
    assert (receipt.amount_due_fen, receipt.points_earned, receipt.points_balance) == (31380, 313, 1013)
    return zhang, receipt


def test_void_on_the_same_day_reverses_everything(shop, owner, cashier, gold_sale, owner_ok):
    zhang, sale = gold_sale
    voided = shop.sales.void(cashier, sale.sale_id, reason="收银录错", **owner_ok)
    assert voided.status == "voided"
    [info] = voided.refunds
    assert (info.kind, info.amount_fen, info.points_returned, info.points_taken_back) == ("void", 31380, 300, 313)
    assert (info.staff_name, info.authorised_by, info.reason, info.method) == ("小美", "老板", "收银录错", "wechat")
    assert shop.points.balance(owner, zhang.id) == 1000          # 1013 + 300 - 313
    member = shop.members.info(owner, zhang.id)
    assert (member.spend_fen, member.visits) == (0, 0)
    entry = AuditLog.get(AuditLog.action == "void")
    assert entry.target == "20261122-0001"
    assert json.loads(entry.details)["authorised_by"] == "boss"


def test_void_only_on_the_day_of_the_sale(shop, owner, clock, gold_sale, owner_ok):
    clock.advance(days=1)
    with pytest.raises(Conflict) as err:
        shop.sales.void(owner, gold_sale[1].sale_id, reason="x", **owner_ok)
    assert (err.value.code, err.value.params) == ("void.not_same_day", {"receipt_no": "20261122-0001"})


def test_a_voided_sale_cannot_be_voided_or_refunded(shop, owner, gold_sale, owner_ok):
    shop.sales.void(owner, gold_sale[1].sale_id, reason="录错", **owner_ok)
    with pytest.raises(Conflict) as err:
        shop.sales.void(owner, gold_sale[1].sale_id, reason="录错", **owner_ok)
    assert err.value.code == "sale.voided"
    with pytest.raises(Conflict):
        shop.sales.refund(owner, gold_sale[1].sale_id, reason="录错", **owner_ok)


def test_refund_one_line_then_the_other_on_a_later_day(shop, owner, clock, gold_sale, owner_ok):
    zhang, sale = gold_sale
    cut, care = sale.lines
    clock.set(2026, 11, 25, 16, 0)
    # 精剪 paid 214.40 - 2.03 (its share of the points) = 212.37
    # redeemed back: 300 x 203 / 300 = 203; earned taken back: floor(313 x 21237 / 31380) = 211
    preview = shop.sales.preview_refund(owner, sale.sale_id, [cut.sale_line_id])
    assert (preview.amount_fen, preview.points_returned, preview.points_taken_back) == (21237, 203, 211)
    assert (preview.tier_spend_reduced_fen, preview.stock_returned, preview.birthday_perk_restored) == (
        21237, (), False)
    record = shop.sales.refund(owner, sale.sale_id, [cut.sale_line_id], reason="顾客不满意", **owner_ok)
    assert [l.refunded for l in record.lines] == [True, False]
    assert record.status == "completed"
    assert shop.points.balance(owner, zhang.id) == 1013 + 203 - 211 == 1005
    assert shop.members.info(owner, zhang.id).spend_fen == 31380 - 21237 == 10143
    # the last line gives back exactly what is left: 300 - 203 = 97 redeemed, 313 - 211 = 102 earned
    record = shop.sales.refund(owner, sale.sale_id, [care.sale_line_id], reason="顾客不满意", **owner_ok)
    assert [(r.amount_fen, r.points_returned, r.points_taken_back) for r in record.refunds] == [
        (21237, 203, 211), (10143, 97, 102)]
    assert sum(r.amount_fen for r in record.refunds) == 31380
    assert shop.points.balance(owner, zhang.id) == 1000          # exactly as before the sale
    assert shop.members.info(owner, zhang.id).spend_fen == 0


def test_refund_all_remaining_lines_at_once(shop, owner, clock, gold_sale, owner_ok):
    zhang, sale = gold_sale
    clock.advance(days=2)
    record = shop.sales.refund(owner, sale.sale_id, reason="搬家", method="cash", **owner_ok)
    [info] = record.refunds
    assert (info.amount_fen, info.points_returned, info.points_taken_back, info.method) == (31380, 300, 313, "cash")
    assert shop.points.balance(owner, zhang.id) == 1000
    with pytest.raises(Conflict) as err:
        shop.sales.refund(owner, sale.sale_id, reason="again", **owner_ok)
    assert (err.value.code, err.value.params) == ("refund.nothing_left", {"receipt_no": "20261122-0001"})


def test_a_line_is_refunded_once(shop, owner, clock, gold_sale, owner_ok):
    zhang, sale = gold_sale
    line = sale.lines[0].sale_line_id
    shop.sales.refund(owner, sale.sale_id, [line], reason="不满意", **owner_ok)
    with pytest.raises(Conflict) as err:
        shop.sales.refund(owner, sale.sale_id, [line], reason="不满意", **owner_ok)
    assert (err.value.code, err.value.params) == ("refund.line_already_refunded", {"lines": [line]})
    assert Refund.select().count() == 1
    assert shop.points.balance(owner, zhang.id) == 1005
    with pytest.raises(InvalidInput) as err:
        shop.sales.refund(owner, sale.sale_id, [9999], reason="x", **owner_ok)
    assert (err.value.code, err.value.params) == ("refund.line_not_in_sale", {"lines": [9999]})


def test_a_cashier_needs_the_owners_credentials(shop, cashier, gold_sale, owner_ok):
    _, sale = gold_sale
    with pytest.raises(PermissionDenied) as err:
        shop.sales.refund(cashier, sale.sale_id, reason="不满意", grant=None)
    assert err.value.code == "perm.owner_password_required"
    forged = OwnerGrant(1, "boss", token="made-up")   # a grant the shop did not issue
    with pytest.raises(PermissionDenied):
        shop.sales.void(cashier, sale.sale_id, reason="不满意", grant=forged)
    assert Refund.select().count() == 0
    # with the owner standing by, the cashier does it and the owner is recorded as authorising
    record = shop.sales.refund(cashier, sale.sale_id, reason="不满意", **owner_ok)
    assert (record.refunds[0].staff_name, record.refunds[0].authorised_by) == ("小美", "老板")


def test_wrong_owner_password_or_a_non_owner_is_refused(owner, shop, cashier, gold_sale):
    zhang, sale = gold_sale
    with pytest.raises(AuthenticationFailed) as err:
        shop.staff.authorise_owner(cashier, "boss", "wrong-pw")
    assert err.value.code == "auth.owner_required"
    with pytest.raises(AuthenticationFailed):      # the cashier's own password is not an owner's
        shop.staff.authorise_owner(cashier, "xiaomei", "secret123")
    assert Refund.select().count() == 0
    assert shop.points.balance(owner, zhang.id) == 1013
    assert AuditLog.select().where(AuditLog.action == "owner_authorisation_failed").count() == 2


def test_a_reason_is_required(shop, owner, gold_sale, owner_ok):
    with pytest.raises(InvalidInput) as err:
        shop.sales.refund(owner, gold_sale[1].sale_id, reason="  ", **owner_ok)
    assert err.value.code == "refund.reason_required"


def test_refund_gives_the_stock_back(shop, owner, clock, items, sell, owner_ok):
    sale = sell(None, [items.wcb], products=[(items.serum, 2)])
    assert shop.catalogue.item(owner, items.serum.id).stock == 8
    clock.advance(days=1)
    serum_line = sale.lines[1].sale_line_id
    preview = shop.sales.preview_refund(owner, sale.sale_id, [serum_line])
    assert (preview.amount_fen, preview.stock_returned) == (25800, (("修护精华", 2),))     # 2 x 129.00
    shop.sales.refund(owner, sale.sale_id, [serum_line], reason="过敏", **owner_ok)
    assert shop.catalogue.item(owner, items.serum.id).stock == 10


def test_void_gives_the_stock_back(shop, owner, items, sell, owner_ok):
    sale = sell(None, products=[(items.serum, 3)])
    shop.sales.void(owner, sale.sale_id, reason="录错", **owner_ok)
    assert shop.catalogue.item(owner, items.serum.id).stock == 10


def test_refund_restores_the_birthday_perk(shop, owner, cashier, tech, clock, items, new_member, owner_ok):
    from salon_desk.tenders import Tender
    zhang = new_member(tier="gold", birth_month=11, birth_day=22)
    visit = shop.visits.check_in(cashier, zhang.id)
    dye = shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id)
    sale = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 1040)], birthday_line_id=dye.id)
    assert shop.birthdays.status(owner, zhang.id).free_service_available is False
    preview = shop.sales.preview_refund(owner, sale.sale_id)
    assert (preview.amount_fen, preview.points_taken_back, preview.birthday_perk_restored) == (1040, 20, True)
    shop.sales.refund(owner, sale.sale_id, reason="染色不均", **owner_ok)
    assert shop.birthdays.status(owner, zhang.id).free_service_available is True
    assert shop.points.balance(owner, zhang.id) == 0
    # and it can be used again today
    visit = shop.visits.check_in(cashier, zhang.id)
    dye = shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id)
    assert shop.sales.checkout(cashier, visit.id, [Tender("wechat", 1040)],
                         birthday_line_id=dye.id).birthday_discount_fen == 30000


def test_void_undoes_the_promotion_it_caused(shop, owner, items, new_member, sell, owner_ok):
    card = shop.catalogue.add_item(owner, kind="service", code="Y01", name="年度护理卡", category="beauty",
                         price_fen=340000)
    zhang = new_member()
    sale = sell(zhang.id, [card])                             # 3,060.00 -> silver
    assert shop.members.info(owner, zhang.id).tier == "silver"
    shop.sales.void(owner, sale.sale_id, reason="刷错卡", **owner_ok)
    info = shop.members.info(owner, zhang.id)
    assert (info.tier, info.spend_fen, info.visits) == ("regular", 0, 0)
    assert shop.points.balance(owner, zhang.id) == 0                 # the 3060 earned are taken back


def test_void_undoes_the_enrolment_it_caused(shop, owner, items, new_customer, sell, owner_ok):
    zhang = new_customer()
    sale = sell(zhang.id, [items.cut, items.dye], enrol=True, enrol_consent=True)
    assert shop.points.balance(owner, zhang.id) == 656
    shop.sales.void(owner, sale.sale_id, reason="顾客改主意", **owner_ok)
    assert shop.members.info(owner, zhang.id).active is False
    assert shop.points.balance(owner, zhang.id) == 0


def test_a_later_refund_lowers_tier_spend(shop, owner, clock, items, new_member, sell, owner_ok):
    zhang = new_member(tier="silver")
    sale = sell(zhang.id, [items.dye, items.wcb])              # 329.80 + 57.80 = 387.60
    clock.advance(days=7)
    shop.sales.refund(owner, sale.sale_id, [sale.lines[0].sale_line_id], reason="颜色不对", **owner_ok)
    assert shop.members.info(owner, zhang.id).spend_fen == 5780
    assert shop.points.balance(owner, zhang.id) == 58                # 387 earned - floor(387 x 32980 / 38760) = 387 - 329


def test_refunds_are_audited(shop, owner, clock, gold_sale, owner_ok):
    clock.advance(days=1)
    shop.sales.refund(owner, gold_sale[1].sale_id, [gold_sale[1].lines[1].sale_line_id], reason="服务太慢",
                     **owner_ok)
    entry = AuditLog.get(AuditLog.action == "refund")
    details = json.loads(entry.details)
    assert (entry.target, details["reason"], details["amount_fen"]) == ("20261122-0001", "服务太慢", 10143)


def test_no_void_after_a_refund_of_some_lines(shop, owner, gold_sale, owner_ok):
    zhang, sale = gold_sale
    shop.sales.refund(owner, sale.sale_id, [sale.lines[1].sale_line_id], reason="洗护不满意", **owner_ok)
    with pytest.raises(Conflict) as err:
        shop.sales.void(owner, sale.sale_id, reason="全部作废", **owner_ok)
    assert (err.value.code, err.value.params) == ("void.already_refunded", {"receipt_no": "20261122-0001"})
    # the rest is refunded instead, and the whole sale is reversed exactly
    shop.sales.refund(owner, sale.sale_id, reason="全部退款", **owner_ok)
    assert shop.points.balance(owner, zhang.id) == 1000


def test_guessing_the_owners_password_at_the_counter_locks_that_authorisation_not_the_owner(
        owner, shop, cashier, clock, gold_sale):
    _zhang, sale = gold_sale
    for _ in range(4):   # the default allows 5 failures
        with pytest.raises(AuthenticationFailed) as info:
            shop.staff.authorise_owner(cashier, "boss", "guess-1")
        assert info.value.code == "auth.owner_required"
    with pytest.raises(AuthenticationFailed) as info:
        shop.staff.authorise_owner(cashier, "boss", "guess-1")
    assert info.value.code == "auth.authorisation_locked"
    # Locked at this counter: even the right password is refused here for 15 minutes, nothing voided ...
    with pytest.raises(AuthenticationFailed) as info:
        shop.staff.authorise_owner(cashier, "boss", "secret123")
    assert info.value.code == "auth.authorisation_locked"
    assert shop.sales.receipt(owner, sale.sale_id).status == "completed"
    # ... but the owner is not locked out: login, and the owner's own authorisation, still work
    assert shop.staff.login("boss", "secret123").role == "owner"
    assert shop.staff.authorise_owner(owner, "boss", "secret123")
    clock.advance(minutes=16)
    grant = shop.staff.authorise_owner(cashier, "boss", "secret123")
    assert shop.sales.void(cashier, sale.sale_id, reason="收银录错", grant=grant).status == "voided"


def test_a_refund_after_the_yearly_reset_leaves_the_new_years_points_alone(shop, shop_path, owner, clock, items,
                                                                          new_member, sell, owner_ok):
    from salon_desk.db import Shop
    zhang = new_member(tier="gold", points=1000)
    clock.set(2026, 12, 20, 15, 0)
    sale = sell(zhang.id, [items.cut, items.care], points=300)
    # 214.40 + 102.40 - 3.00 = 313.80 -> +313; balance 1000 - 300 + 313 = 1013
    shop.close()
    clock.set(2027, 1, 5, 10, 0)
    reopened = Shop.open(shop_path, clock=clock)     # the 1013 expire as of 1 January 2027
    reopened_owner = reopened.staff.login("boss", "secret123")
    assert reopened.points.balance(reopened_owner, zhang.id) == 0
    sell(zhang.id, [items.wcb])                       # gold 68 x 0.8 = 54.40 -> +54 in the new year
    preview = reopened.sales.preview_refund(reopened_owner, sale.sale_id)
    assert (preview.amount_fen, preview.points_returned, preview.points_taken_back) == (31380, 0, 0)
    record = reopened.sales.refund(reopened_owner, sale.sale_id, reason="顾客投诉",
                                   grant=reopened.staff.authorise_owner(reopened_owner, "boss", "secret123"))
    # the money goes back; the 313 earned and the 300 redeemed were wiped by the reset already,
    # so taking back 313 (or giving back 300) again would leave 54 - 313 = -259 on the file
    assert (record.refunds[0].points_returned, record.refunds[0].points_taken_back) == (0, 0)
    assert reopened.points.balance(reopened_owner, zhang.id) == 54
    assert reopened.members.info(reopened_owner, zhang.id).spend_fen == 5440     # tier spend is still reversed


def test_an_empty_choice_of_lines_refunds_nothing(shop, owner, clock, gold_sale, owner_ok):
    _zhang, sale = gold_sale
    clock.advance(days=1)
    with pytest.raises(InvalidInput) as info:
        shop.sales.refund(owner, sale.sale_id, [], reason="误操作", **owner_ok)
    assert info.value.code == "refund.no_lines"
    assert shop.sales.receipt(owner, sale.sale_id).refunds == ()
