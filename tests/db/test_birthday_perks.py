"""Birthday perks: one free service up to ¥300 and one gift per member per year, in the window."""

import pytest

from salon_desk.db.models import AuditLog, BirthdayPerkUse
from salon_desk.errors import Conflict, InvalidInput
from salon_desk.records import BirthdayStatus
from salon_desk.tenders import Tender


def visit_with(shop, cashier, tech, customer_id, *items_):
    visit = shop.visits.check_in(cashier, customer_id)
    lines = [shop.visits.add_service(cashier, visit.id, item.id, tech.id) for item in items_]
    return visit, lines


def test_status_on_the_birthday(owner, shop, new_member, new_customer):
    zhang = new_member(tier="gold", birth_month=11, birth_day=22)           # today
    assert shop.birthdays.status(owner, zhang.id) == BirthdayStatus(True, 0, True, True)
    soon = new_member("李四", "13900001111", birth_month=11, birth_day=29)
    assert shop.birthdays.status(owner, soon.id) == BirthdayStatus(False, 7, False, False)
    # a customer who is not a member has a birthday but no perks
    plain = new_customer("王五", "13700002222", birth_month=11, birth_day=22)
    assert shop.birthdays.status(owner, plain.id) == BirthdayStatus(True, 0, False, False)
    assert shop.birthdays.status(owner, new_customer("赵六", "13600003333").id) is None


def test_free_service_capped_at_300(owner, shop, cashier, tech, items, new_member):
    zhang = new_member(tier="gold", birth_month=11, birth_day=22)
    visit, (dye,) = visit_with(shop, cashier, tech, zhang.id, items.dye)
    # gold: 388 x 0.8 = 310.40; the free service takes ¥300 -> ¥10.40 due; 10 points doubled = 20
    quote = shop.sales.quote(cashier, visit.id, birthday_line_id=dye.id)
    assert (quote.priced.birthday_discount_fen, quote.priced.amount_due_fen) == (30000, 1040)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("cash", 2000)], birthday_line_id=dye.id)
    assert (receipt.birthday_discount_fen, receipt.amount_due_fen, receipt.points_earned) == (30000, 1040, 20)
    assert receipt.payments[0].change_fen == 960
    line = receipt.lines[0]
    assert (line.list_amount_fen, line.member_discount_fen, line.birthday_discount_fen, line.amount_fen) == (
        38800, 7760, 30000, 1040)
    use = BirthdayPerkUse.get()
    assert (use.perk, use.year, use.sale_id) == ("free_service", 2026, receipt.sale_id)
    assert shop.birthdays.status(owner, zhang.id).free_service_available is False


def test_free_service_under_the_cap_makes_the_sale_free(shop, cashier, tech, items, new_member):
    zhang = new_member(birth_month=11, birth_day=22)
    visit, (cut,) = visit_with(shop, cashier, tech, zhang.id, items.cut)
    # regular: 268 x 0.9 = 241.20, all of it free; nothing to pay, no tender needed
    receipt = shop.sales.checkout(cashier, visit.id, [], birthday_line_id=cut.id)
    assert (receipt.birthday_discount_fen, receipt.amount_due_fen, receipt.payments) == (24120, 0, ())
    assert receipt.points_earned == 0


def test_second_free_service_in_a_year_is_refused(shop, cashier, tech, clock, owner, items, new_member,
                                                 dump, shop_path):
    shop.settings.update(owner, {"birthday.window": "month"})
    zhang = new_member(tier="gold", birth_month=11, birth_day=22)
    visit, (cut,) = visit_with(shop, cashier, tech, zhang.id, items.cut)
    shop.sales.checkout(cashier, visit.id, [], birthday_line_id=cut.id)
    clock.advance(days=3)                                   # still in the birthday month
    visit, (wcb,) = visit_with(shop, cashier, tech, zhang.id, items.wcb)
    before = dump(shop_path)
    with pytest.raises(Conflict) as err:
        shop.sales.checkout(cashier, visit.id, [], birthday_line_id=wcb.id)
    assert err.value.code == "birthday.already_used"
    assert err.value.params == {"perk": "free_service", "year": 2026}
    assert dump(shop_path) == before
    with pytest.raises(Conflict):
        shop.sales.quote(cashier, visit.id, birthday_line_id=wcb.id)
    # the visit can still be paid normally: 68 x 0.8 = 54.40
    assert shop.sales.checkout(cashier, visit.id, [Tender("wechat", 5440)]).amount_due_fen == 5440


def test_free_service_again_next_year(shop, cashier, tech, clock, items, new_member):
    zhang = new_member(tier="gold", birth_month=11, birth_day=22)
    visit, (cut,) = visit_with(shop, cashier, tech, zhang.id, items.cut)
    shop.sales.checkout(cashier, visit.id, [], birthday_line_id=cut.id)
    clock.set(2027, 11, 22, 11, 0)
    visit, (cut,) = visit_with(shop, cashier, tech, zhang.id, items.cut)
    assert shop.sales.checkout(cashier, visit.id, [], birthday_line_id=cut.id).birthday_discount_fen == 21440
    assert [u.year for u in BirthdayPerkUse.select().order_by(BirthdayPerkUse.id)] == [2026, 2027]


def test_no_free_service_outside_the_window_or_for_non_members(shop, cashier, tech, items, new_member,
                                                              new_customer):
    zhang = new_member(tier="gold", birth_month=11, birth_day=23)          # tomorrow
    visit, (cut,) = visit_with(shop, cashier, tech, zhang.id, items.cut)
    with pytest.raises(InvalidInput) as err:
        shop.sales.quote(cashier, visit.id, birthday_line_id=cut.id)
    assert err.value.code == "birthday.not_in_window"
    plain = new_customer("王五", "13700002222", birth_month=11, birth_day=22)
    visit, (cut,) = visit_with(shop, cashier, tech, plain.id, items.cut)
    with pytest.raises(InvalidInput) as err:
        shop.sales.quote(cashier, visit.id, birthday_line_id=cut.id)
    assert err.value.code == "member.required"


def test_free_service_is_for_a_service_not_a_product(shop, cashier, items, new_member):
    zhang = new_member(tier="gold", birth_month=11, birth_day=22)
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_product(cashier, visit.id, items.serum.id, 1)
    with pytest.raises(InvalidInput) as err:
        shop.sales.quote(cashier, visit.id, birthday_line_id=line.id)
    assert err.value.code == "birthday.not_a_service"


def test_birthday_gift_once_a_year(owner, shop, cashier, clock, new_member):
    zhang = new_member(birth_month=11, birth_day=22)
    shop.birthdays.give_gift(cashier, zhang.id)
    assert shop.birthdays.status(owner, zhang.id).gift_available is False
    with pytest.raises(Conflict) as err:
        shop.birthdays.give_gift(cashier, zhang.id)
    assert (err.value.code, err.value.params) == ("birthday.already_used", {"perk": "gift", "year": 2026})
    assert BirthdayPerkUse.select().count() == 1
    assert AuditLog.select().where(AuditLog.action == "birthday_gift").count() == 1
    clock.set(2027, 11, 22, 9, 0)
    shop.birthdays.give_gift(cashier, zhang.id)
    assert BirthdayPerkUse.select().count() == 2


def test_gift_outside_the_window_or_for_a_non_member(shop, cashier, new_member, new_customer):
    with pytest.raises(InvalidInput) as err:
        shop.birthdays.give_gift(cashier, new_member(birth_month=5, birth_day=1).id)
    assert err.value.code == "birthday.not_in_window"
    with pytest.raises(InvalidInput) as err:
        shop.birthdays.give_gift(cashier, new_customer("王五", "13700002222", birth_month=11, birth_day=22).id)
    assert err.value.code == "member.required"


@pytest.mark.parametrize("window, day, expected", [
    # birthday Wednesday 25 November 2026; the counter's clock says...
    ("day", (2026, 11, 25), True),
    ("day", (2026, 11, 24), False),
    ("week", (2026, 11, 23), True),      # the Monday of that week
    ("week", (2026, 11, 29), True),      # its Sunday
    ("week", (2026, 11, 22), False),     # the Sunday before
    ("month", (2026, 11, 1), True),
    ("month", (2026, 12, 1), False),
])
def test_window_setting(shop, owner, cashier, clock, new_member, window, day, expected):
    shop.settings.update(owner, {"birthday.window": window})
    zhang = new_member(birth_month=11, birth_day=25)
    clock.set(*day, 10, 0)
    status = shop.birthdays.status(owner, zhang.id)
    assert (status.in_window, status.free_service_available, status.gift_available) == (expected,) * 3


def test_cap_is_a_setting(shop, owner, cashier, tech, items, new_member):
    shop.settings.update(owner, {"birthday.free_service_cap_fen": 10000})
    zhang = new_member(tier="gold", birth_month=11, birth_day=22)
    visit, (cut,) = visit_with(shop, cashier, tech, zhang.id, items.cut)
    # 214.40 - ¥100 cap = 114.40
    assert shop.sales.quote(cashier, visit.id, birthday_line_id=cut.id).priced.amount_due_fen == 11440


def test_a_birthday_week_across_new_year_gives_its_perks_once(shop, owner, cashier, tech, clock, items,
                                                                new_member):
    # Birthday 1 January; 1 January 2027 is a Friday, so its week runs Monday 28 December 2026
    # to Sunday 3 January 2027. On 29 December the member is in that week and gets the perks,
    # counted against 2027 (the birthday's year), so they are not offered again on 2 January.
    shop.settings.update(owner, {"birthday.window": "week"})
    zhang = new_member(birth_month=1, birth_day=1)
    clock.set(2026, 12, 29, 10, 0)
    assert shop.birthdays.status(owner, zhang.id) == BirthdayStatus(True, 3, True, True)
    shop.birthdays.give_gift(cashier, zhang.id)
    visit, (cut,) = visit_with(shop, cashier, tech, zhang.id, items.cut)
    # regular: 268 x 0.9 = 241.20, all of it free
    assert shop.sales.checkout(cashier, visit.id, [], birthday_line_id=cut.id).amount_due_fen == 0
    assert [(u.perk, u.year) for u in BirthdayPerkUse.select()] == [("gift", 2027), ("free_service", 2027)]
    clock.set(2027, 1, 2, 10, 0)                            # the same birthday week
    assert shop.birthdays.status(owner, zhang.id) == BirthdayStatus(True, 364, False, False)
    with pytest.raises(Conflict) as err:
        shop.birthdays.give_gift(cashier, zhang.id)
    assert (err.value.code, err.value.params) == ("birthday.already_used", {"perk": "gift", "year": 2027})
    visit, (cut,) = visit_with(shop, cashier, tech, zhang.id, items.cut)
    with pytest.raises(Conflict):
        shop.sales.quote(cashier, visit.id, birthday_line_id=cut.id)
