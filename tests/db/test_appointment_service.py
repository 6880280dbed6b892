"""The appointment book through the front door: book, clash, move, cancel, no-show, check in, remind."""

from datetime import date, datetime, timedelta

import pytest

from salon_desk.appointments import BookingStatus
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied
from salon_desk.tenders import Tender

TOMORROW = datetime(2026, 11, 23, 0, 0)     # the clock starts Sunday 2026-11-22 10:00


def at(hour: int, minute: int = 0, day: datetime = TOMORROW) -> datetime:
    return day.replace(hour=hour, minute=minute)


def test_booking_keeps_customer_services_technician_and_who_booked(shop, cashier, tech, items, new_customer):
    customer = new_customer()
    booked = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(14), 45, True)], customer_id=customer.id,
                                    notes="想剪短")
    assert booked.status is BookingStatus.BOOKED
    assert booked.name == "张三" and booked.booked_by == "小美" and booked.notes == "想剪短"
    assert [(s.service_name, s.technician_name, s.start, s.end, s.designated) for s in booked.services] == [
        ("精剪", "王师傅", at(14), at(14, 45), True)]


def test_a_clash_is_refused_naming_who_and_when_and_nothing_is_written(shop, cashier, tech, items, new_customer):
    customer = new_customer()
    shop.appointments.book(cashier, [(items.cut.id, tech.id, at(14), 60, False)], customer_id=customer.id)
    with pytest.raises(Conflict) as refused:
        shop.appointments.book(cashier, [(items.care.id, tech.id, at(14, 59), 30, False)],
                               newcomer_name="李女士", newcomer_phone="13900001111")
    assert refused.value.code == "appointment.clash"
    assert refused.value.params["technician"] == "王师傅" and refused.value.params["customer"] == "张三"
    assert refused.value.params["start"] == at(14)
    assert shop.db.execute_sql("SELECT COUNT(*) FROM booking").fetchone()[0] == 1
    # ending exactly when the other starts is fine
    ok = shop.appointments.book(cashier, [(items.care.id, tech.id, at(15), 30, False)],
                                newcomer_name="李女士", newcomer_phone="13900001111")
    assert ok.name == "李女士" and ok.phone == "13900001111"


def test_bad_bookings_are_refused(shop, cashier, tech, items):
    who = dict(newcomer_name="李女士", newcomer_phone="13900001111")
    for services, code in (([(items.cut.id, tech.id, datetime(2026, 11, 22, 9), 30, False)], "appointment.in_past"),
                           ([(items.cut.id, tech.id, at(14), 0, False)], "appointment.bad_duration"),
                           ([(items.cut.id, tech.id, at(20, 30), 60, False)], "appointment.outside_hours"),
                           ([(items.serum.id, tech.id, at(14), 30, False)], "item.not_found"),
                           ([(items.cut.id, 999, at(14), 30, False)], "staff.not_found")):
        with pytest.raises((InvalidInput, Conflict, Exception)) as refused:
            shop.appointments.book(cashier, services, **who)
        assert refused.value.code == code
    with pytest.raises(InvalidInput) as refused:
        shop.appointments.book(cashier, [(items.cut.id, tech.id, at(14), 30, False)])
    assert refused.value.code == "appointment.customer_required"
    assert shop.db.execute_sql("SELECT COUNT(*) FROM booking").fetchone()[0] == 0


def test_move_and_resize_are_checked_like_a_booking(shop, cashier, tech, tech2, items):
    a = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(11), 60, False)],
                               newcomer_name="甲", newcomer_phone="13900000001")
    b = shop.appointments.book(cashier, [(items.cut.id, tech2.id, at(11), 60, False)],
                               newcomer_name="乙", newcomer_phone="13900000002")
    with pytest.raises(Conflict) as refused:
        shop.appointments.move(cashier, a.id, tech2.id, at(11, 30))
    assert refused.value.params["customer"] == "乙"
    moved = shop.appointments.move(cashier, a.id, tech2.id, at(12))
    assert (moved.services[0].technician_id, moved.start, moved.end) == (tech2.id, at(12), at(13))
    shorter = shop.appointments.resize(cashier, b.id, at(11, 45))
    assert shorter.end == at(11, 45) and shorter.services[0].minutes == 45
    with pytest.raises(Conflict):                 # into 甲's moved booking
        shop.appointments.resize(cashier, b.id, at(12, 15))


def test_cancel_needs_a_reason_and_frees_the_time_keeping_the_booking(shop, cashier, tech, items):
    a = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(11), 60, False)],
                               newcomer_name="甲", newcomer_phone="13900000001")
    with pytest.raises(InvalidInput):
        shop.appointments.cancel(cashier, a.id, " ")
    cancelled = shop.appointments.cancel(cashier, a.id, "客人改期")
    assert cancelled.status is BookingStatus.CANCELLED and cancelled.cancel_reason == "客人改期"
    shop.appointments.book(cashier, [(items.cut.id, tech.id, at(11), 60, False)],
                           newcomer_name="乙", newcomer_phone="13900000002")
    assert shop.db.execute_sql("SELECT COUNT(*) FROM booking").fetchone()[0] == 2


def test_no_show_only_after_the_start_then_counted_on_the_customer(shop, clock, cashier, tech, items, new_customer):
    customer = new_customer()
    a = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(11), 60, False)], customer_id=customer.id)
    with pytest.raises(Conflict):
        shop.appointments.no_show(cashier, a.id)
    clock.set(2026, 11, 23, 11, 31)
    late = [b for b in shop.appointments.day(cashier, date(2026, 11, 23)) if b.id == a.id][0]
    assert late.late
    assert shop.appointments.no_show(cashier, a.id).status is BookingStatus.NO_SHOW
    again = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(15), 60, False)], customer_id=customer.id)
    assert again.no_shows == 1
    block = [b for b in shop.appointments.day(cashier, date(2026, 11, 23)) if b.id == again.id][0]
    assert block.no_shows == 1


def test_day_shows_blocks_per_technician_and_a_technician_sees_only_their_own(shop, cashier, tech, tech2, items):
    shop.appointments.book(cashier, [(items.cut.id, tech.id, at(11), 60, True),
                                     (items.care.id, tech2.id, at(12), 30, False)],
                           newcomer_name="甲", newcomer_phone="13900000001")
    blocks = shop.appointments.day(cashier, date(2026, 11, 23))
    assert sorted((b.technician_name, b.services, b.designated) for b in blocks) == [
        ("李师傅", ("洗护",), False), ("王师傅", ("精剪",), True)]
    own = shop.appointments.day(tech, date(2026, 11, 23))
    assert [(b.technician_id, b.services) for b in own] == [(tech.id, ("精剪",))]
    assert [t.technician_id for t in shop.appointments.technicians(tech, date(2026, 11, 23))] == [tech.id]
    assert {t.name for t in shop.appointments.technicians(cashier, date(2026, 11, 23))} == {"王师傅", "李师傅"}
    assert shop.appointments.week(cashier, date(2026, 11, 22))[date(2026, 11, 23)] == 1
    with pytest.raises(PermissionDenied):
        shop.appointments.book(tech, [(items.cut.id, tech.id, at(15), 60, False)],
                               newcomer_name="乙", newcomer_phone="13900000002")


def test_check_in_opens_the_visit_with_the_booked_services_and_checkout_completes_it(
        shop, clock, cashier, tech, tech2, items, new_customer):
    customer = new_customer()
    a = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(14), 60, True),
                                         (items.care.id, tech2.id, at(15), 30, False)], customer_id=customer.id)
    clock.set(2026, 11, 23, 13, 55)
    assert [b.id for b in shop.appointments.today_for_customer(cashier, customer.id)] == [a.id]
    visit = shop.appointments.check_in(cashier, a.id)
    assert [(l.name, l.technician_name, l.designated) for l in visit.lines] == [
        ("精剪", "王师傅", True), ("洗护", "李师傅", False)]
    assert shop.appointments.get(cashier, a.id).status is BookingStatus.CHECKED_IN
    assert shop.appointments.today_for_customer(cashier, customer.id) == []
    due = shop.sales.quote(cashier, visit.id).priced.amount_due_fen
    sale = shop.sales.checkout(cashier, visit.id, [Tender("wechat", due)])
    assert shop.appointments.get(cashier, a.id).status is BookingStatus.COMPLETED
    designated = shop.db.execute_sql("SELECT name, designated FROM sale_line ORDER BY id").fetchall()
    assert designated == [("精剪", 1), ("洗护", 0)]


def test_tomorrows_reminders_follow_consent_and_remember_who_sent_them(shop, cashier, tech, items, new_customer):
    yes = new_customer("张三", "13812345678", consent_marketing=True)
    no = new_customer("李四", "13812345679", consent_marketing=False)
    shop.appointments.book(cashier, [(items.cut.id, tech.id, at(10), 60, False)], customer_id=yes.id)
    shop.appointments.book(cashier, [(items.cut.id, tech.id, at(14), 60, False)], customer_id=no.id)
    reminders = shop.appointments.reminders(cashier)
    assert [(r.name, r.consent) for r in reminders] == [("张三", True), ("李四", False)]
    assert "10:00 精剪（王师傅）" in reminders[0].text and "杭州市西湖路1号" in reminders[0].text
    assert reminders[1].text == ""
    shop.appointments.mark_reminder_sent(cashier, reminders[0].booking_id)
    sent = shop.appointments.reminders(cashier)[0]
    assert sent.sent_by == "小美" and sent.sent_at == datetime(2026, 11, 22, 10, 0)


def test_tomorrows_reminder_tells_the_services_care_tip_and_says_nothing_without_one(
        shop, owner, cashier, tech, items, new_customer):
    customer = new_customer("张三", "13812345678", consent_marketing=True)
    shop.appointments.book(cashier, [(items.dye.id, tech.id, at(10), 90, False),
                                     (items.cut.id, tech.id, at(11, 30), 45, False)], customer_id=customer.id)
    before = shop.appointments.reminders(cashier)[0].text
    assert "到店小贴士" not in before and "11:30 精剪（王师傅）" in before
    shop.catalogue.update_item(owner, items.dye.id, care_tip="  染发前一天请勿洗头 ")
    assert shop.catalogue.item(owner, items.dye.id).care_tip == "染发前一天请勿洗头"
    assert shop.catalogue.item(owner, items.dye.id).aftercare == ""         # a field of its own
    text = shop.appointments.reminders(cashier)[0].text
    assert text.count("到店小贴士：染发前一天请勿洗头") == 1
    assert text.index("10:00 染发（王师傅）") < text.index("到店小贴士") < text.index("如需改约")
    with pytest.raises(InvalidInput) as refused:
        shop.catalogue.update_item(owner, items.cut.id, care_tip="长" * 201)
    assert refused.value.code == "item.care_tip_too_long"
    assert shop.catalogue.item(owner, items.cut.id).care_tip == ""


def test_the_no_shows_of_a_customer_count_and_date_the_last(shop, clock, cashier, tech, items, new_customer):
    customer = new_customer()
    assert shop.appointments.no_shows_of(cashier, customer.id).count == 0
    assert shop.appointments.no_shows_of(cashier, customer.id).last is None
    a = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(11), 60, False)], customer_id=customer.id)
    b = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(14), 60, False)], customer_id=customer.id)
    c = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(16), 60, False)], customer_id=customer.id)
    clock.set(2026, 11, 23, 17, 0)
    shop.appointments.no_show(cashier, a.id)
    shop.appointments.no_show(cashier, b.id)
    shop.appointments.cancel(cashier, c.id, "改期")          # a cancellation is not a no-show
    seen = shop.appointments.no_shows_of(cashier, customer.id)
    assert (seen.count, seen.last) == (2, at(14))


def test_each_block_of_the_day_carries_its_customers_badges(shop, owner, cashier, tech, tech2, items, new_customer,
                                                            new_member, sell):
    gold = new_member("金卡", "13812340001", tier="gold", birth_month=11, birth_day=23, allergies="染发剂过敏",
                      consent_health=True)
    regular = new_customer("回头客", "13812340002")
    sell(regular.id, [items.cut])                               # has been in before
    shop.care.open_complaint(cashier, regular.id, "attitude", "phone", "等太久")
    shop.appointments.book(cashier, [(items.cut.id, tech.id, at(10), 60, True),
                                     (items.care.id, tech2.id, at(10), 30, False)], customer_id=gold.id)
    shop.appointments.book(cashier, [(items.cut.id, tech.id, at(12), 60, False)], customer_id=regular.id)
    shop.appointments.book(cashier, [(items.cut.id, tech2.id, at(12), 60, False)],
                           newcomer_name="新客", newcomer_phone="13900001111")
    blocks = {(b.name, b.technician_name): b for b in shop.appointments.day(cashier, date(2026, 11, 23))}
    seen = {k: (b.services, b.tier, b.birthday, b.allergy, b.complaint, b.first_visit, b.no_shows, b.designated)
            for k, b in blocks.items()}
    assert seen == {
        ("金卡", "王师傅"): (("精剪",), "gold", True, True, False, True, 0, True),
        ("金卡", "李师傅"): (("洗护",), "gold", True, True, False, True, 0, False),
        ("回头客", "王师傅"): (("精剪",), None, False, False, True, False, 0, False),
        ("新客", "李师傅"): (("精剪",), None, False, False, False, True, 0, False)}
    assert blocks[("新客", "李师傅")].newcomer_phone == "13900001111"
    # a technician sees only their own column
    assert [(b.name, b.services) for b in shop.appointments.day(tech, date(2026, 11, 23))] == [
        ("金卡", ("精剪",)), ("回头客", ("精剪",))]
