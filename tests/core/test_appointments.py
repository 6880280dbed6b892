"""Appointments: statuses, clashes at the edges, working hours, validation, lateness, the grid, reminders."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salon_desk.appointments import (
    Assignment, BookContext, BookingDraft, BookingLine, BookingStatus, DayHours, ReminderLine, Rota,
    ServiceRef, Slot, TechnicianRef, WorkingHours, assignment, check_transition, column_of, day_grid,
    find_clash, is_late, minutes_late, moved, overlaps, reminder_text, resized, rota_from_json,
    rota_hours, rota_to_json, tomorrows, validate_booking, validate_rota,
)
from salon_desk.errors import Conflict, InvalidInput, NotFound

DAY = date(2026, 12, 2)                  # a Wednesday
NOW = datetime(2026, 12, 1, 18, 0)       # the evening before
WANG, LI, ZHAO = 1, 2, 3
CUT, DYE, OLD = 10, 11, 12


def at(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hh, mm))


def ctx(book=(), now=NOW, rota=Rota()) -> BookContext:
    return BookContext(
        now=now,
        technicians={WANG: TechnicianRef(WANG, "王师傅"), LI: TechnicianRef(LI, "李师傅"),
                     ZHAO: TechnicianRef(ZHAO, "赵师傅", active=False)},
        services={CUT: ServiceRef(CUT, "精剪", 60), DYE: ServiceRef(DYE, "染发", 120, care_tip="染发前一天请勿洗头"),
                  OLD: ServiceRef(OLD, "老项目", 30, active=False)},
        rota=rota, book=tuple(book))


def draft(*lines: BookingLine, customer_id=7, booking_id=None, status=BookingStatus.BOOKED) -> BookingDraft:
    return BookingDraft(lines=lines, customer_id=customer_id, customer_name="张女士",
                        booking_id=booking_id, status=status)


def code_of(excinfo) -> str:
    return excinfo.value.code


# ------------------------------------------------------------------ statuses

def test_the_happy_path_booked_checked_in_completed():
    check_transition(BookingStatus.BOOKED, BookingStatus.CHECKED_IN)
    check_transition(BookingStatus.CHECKED_IN, BookingStatus.COMPLETED)


@pytest.mark.parametrize("current,new", [
    (BookingStatus.BOOKED, BookingStatus.COMPLETED),          # nobody checked in
    (BookingStatus.CHECKED_IN, BookingStatus.CANCELLED),      # already in the chair
    (BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW),
    (BookingStatus.COMPLETED, BookingStatus.BOOKED),
    (BookingStatus.CANCELLED, BookingStatus.BOOKED),          # kept, never revived
    (BookingStatus.NO_SHOW, BookingStatus.CHECKED_IN),
])
def test_transitions_the_book_does_not_allow(current, new):
    with pytest.raises(Conflict) as e:
        check_transition(current, new, reason="x")
    assert code_of(e) == "appointment.bad_transition"
    assert e.value.params == {"current": current.value, "new": new.value}


def test_cancelling_needs_a_reason():
    with pytest.raises(InvalidInput) as e:
        check_transition(BookingStatus.BOOKED, BookingStatus.CANCELLED, reason="  ")
    assert code_of(e) == "appointment.cancel_reason_required"
    check_transition(BookingStatus.BOOKED, BookingStatus.CANCELLED, reason="客户临时出差")


def test_no_show_only_once_the_booking_has_started():
    with pytest.raises(Conflict) as e:
        check_transition(BookingStatus.BOOKED, BookingStatus.NO_SHOW, start=at(10), now=at(9, 59))
    assert code_of(e) == "appointment.no_show_too_early"
    check_transition(BookingStatus.BOOKED, BookingStatus.NO_SHOW, start=at(10), now=at(10))


def test_check_in_only_on_the_day_of_the_booking():
    check_transition(BookingStatus.BOOKED, BookingStatus.CHECKED_IN, start=at(15), now=at(9, 30))
    with pytest.raises(Conflict) as e:
        check_transition(BookingStatus.BOOKED, BookingStatus.CHECKED_IN, start=at(15), now=at(18, 0, DAY - timedelta(1)))
    assert code_of(e) == "appointment.check_in_not_today"


def test_designated_or_rotation():
    assert assignment(True) is Assignment.DESIGNATED and Assignment.DESIGNATED == "designated"
    assert assignment(False) is Assignment.ROTATION


# ------------------------------------------------------------------ clashes at the edges

def test_half_open_intervals_touching_ends_do_not_overlap():
    assert not overlaps(at(9), at(10), at(10), at(11))         # ends 10:00, starts 10:00
    assert not overlaps(at(10), at(11), at(9), at(10))
    assert overlaps(at(9), at(10), at(9, 59), at(11))          # starts 9:59
    assert overlaps(at(9), at(12), at(10), at(11))             # inside
    assert overlaps(at(10), at(11), at(10), at(11))            # the same


def test_the_clash_names_the_booking_it_runs_into():
    book = [Slot(5, WANG, at(9), at(10), "李女士")]
    assert find_clash([Slot(None, WANG, at(10), at(11))], book) is None
    clash = find_clash([Slot(None, WANG, at(9, 59), at(11))], book)
    assert clash is not None and clash.existing == book[0]
    assert find_clash([Slot(None, LI, at(9), at(10))], book) is None       # another technician


def test_cancelled_no_show_and_completed_bookings_free_the_technician():
    for status in (BookingStatus.CANCELLED, BookingStatus.NO_SHOW, BookingStatus.COMPLETED):
        assert find_clash([Slot(None, WANG, at(9), at(10))], [Slot(5, WANG, at(9), at(10), status=status)]) is None
    assert find_clash([Slot(None, WANG, at(9), at(10))],
                      [Slot(5, WANG, at(9), at(10), status=BookingStatus.CHECKED_IN)]) is not None


def test_a_moved_booking_does_not_clash_with_itself_but_its_own_services_may_clash():
    book = [Slot(5, WANG, at(10), at(11))]
    assert find_clash([Slot(5, WANG, at(10, 30), at(11, 30))], book) is None
    clash = find_clash([Slot(None, WANG, at(10), at(11)), Slot(None, WANG, at(10, 30), at(11))], [])
    assert clash is not None and clash.existing.start == at(10)


# ------------------------------------------------------------------ working hours

def test_working_hours_per_weekday_and_days_off():
    week = (DayHours(time(10), time(19)),) * 5 + (DayHours(time(9), time(21)), None)
    hours = WorkingHours(week, frozenset({date(2026, 12, 3)}))
    assert hours.on(DAY) == DayHours(time(10), time(19))                   # Wednesday
    assert hours.on(date(2026, 12, 3)) is None                             # Thursday off
    assert hours.on(date(2026, 12, 5)) == DayHours(time(9), time(21))      # Saturday
    assert hours.on(date(2026, 12, 6)) is None                             # never Sundays
    slot = DayHours(time(10), time(19))
    assert slot.holds(at(10), at(19)) and not slot.holds(at(9, 45), at(10, 45))
    assert not slot.holds(at(18, 30), at(19, 30))


def test_the_rota_goes_to_settings_and_back_and_odd_values_are_refused():
    rota = Rota(technicians={LI: WorkingHours((None,) + (DayHours(time(12), time(21)),) * 6,
                                              frozenset({date(2026, 12, 24)}))})
    value = rota_to_json(rota)
    assert value["technicians"]["2"]["week"][0] is None
    assert value["technicians"]["2"]["week"][1] == ["12:00", "21:00"]
    assert value["technicians"]["2"]["days_off"] == ["2026-12-24"]
    assert rota_from_json(value) == rota
    assert rota_from_json({}).of(WANG) == WorkingHours()                   # nothing set: the default week
    for bad in ([], {"technicians": {"x": value["default"]}}, {"default": {"week": [None] * 6}},
                {"default": {"week": [["19:00", "10:00"]] * 7}}, {"default": {"week": [["10:10", "19:00"]] * 7}},
                {"default": {"week": [["25:00", "26:00"]] * 7}},
                {"default": {"week": [None] * 7, "days_off": ["tomorrow"]}}):
        with pytest.raises(InvalidInput) as e:
            validate_rota(bad)
        assert code_of(e) == "settings.bad_working_hours"


# ------------------------------------------------------------------ validating a booking

def test_a_good_booking_passes():
    validate_booking(draft(BookingLine(CUT, WANG, at(10), 60, designated=True),
                           BookingLine(DYE, LI, at(11), 120)), ctx())


@pytest.mark.parametrize("line,code", [
    (BookingLine(CUT, WANG, at(10), 0), "appointment.bad_duration"),
    (BookingLine(CUT, WANG, at(10), -15), "appointment.bad_duration"),
    (BookingLine(CUT, WANG, at(10), 13 * 60), "appointment.bad_duration"),
    (BookingLine(99, WANG, at(10), 60), "item.not_found"),
    (BookingLine(OLD, WANG, at(10), 60), "item.inactive"),
    (BookingLine(CUT, 99, at(10), 60), "staff.not_found"),
    (BookingLine(CUT, ZHAO, at(10), 60), "staff.inactive"),
    (BookingLine(CUT, WANG, NOW - timedelta(minutes=1), 60), "appointment.in_past"),
    (BookingLine(CUT, WANG, at(9, 45), 60), "appointment.outside_hours"),   # opens 10:00
    (BookingLine(CUT, WANG, at(20, 30), 45), "appointment.outside_hours"),  # closes 21:00
])
def test_each_bad_booking_is_refused_with_its_code(line, code):
    with pytest.raises((InvalidInput, NotFound, Conflict)) as e:
        validate_booking(draft(line), ctx())
    assert code_of(e) == code


def test_the_last_minute_of_the_day_and_the_present_minute_are_fine():
    validate_booking(draft(BookingLine(CUT, WANG, at(20), 60)), ctx())                 # ends at closing
    validate_booking(draft(BookingLine(CUT, WANG, at(10), 60)), ctx(now=at(10)))       # starts now


def test_a_booking_needs_a_customer_or_a_newcomer_with_a_phone_and_services():
    line = BookingLine(CUT, WANG, at(10), 60)
    with pytest.raises(InvalidInput) as e:
        validate_booking(BookingDraft(lines=(line,), newcomer_name="刘小姐"), ctx())
    assert code_of(e) == "appointment.customer_required"
    validate_booking(BookingDraft(lines=(line,), newcomer_name="刘小姐", newcomer_phone="13900001111"), ctx())
    with pytest.raises(InvalidInput) as e:
        validate_booking(draft(), ctx())
    assert code_of(e) == "appointment.no_services"


def test_a_day_off_refuses_the_booking_and_says_so():
    rota = Rota(technicians={WANG: WorkingHours(days_off=frozenset({DAY}))})
    with pytest.raises(InvalidInput) as e:
        validate_booking(draft(BookingLine(CUT, WANG, at(14), 60)), ctx(rota=rota))
    assert code_of(e) == "appointment.outside_hours"
    assert e.value.params["technician"] == "王师傅" and e.value.params["opens"] is None
    validate_booking(draft(BookingLine(CUT, LI, at(14), 60)), ctx(rota=rota))


def test_a_clash_is_refused_naming_who_and_when():
    book = [Slot(5, WANG, at(10), at(11), "李女士")]
    validate_booking(draft(BookingLine(CUT, WANG, at(11), 60)), ctx(book))          # starts as the other ends
    with pytest.raises(Conflict) as e:
        validate_booking(draft(BookingLine(CUT, WANG, at(10, 59), 60)), ctx(book))
    assert code_of(e) == "appointment.clash"
    assert e.value.params == {"technician": "王师傅", "customer": "李女士", "start": at(10),
                              "end": at(11), "booking_id": 5}


def test_moving_and_resizing_are_checked_like_booking():
    book = [Slot(5, WANG, at(10), at(11), "李女士"), Slot(6, LI, at(14), at(15), "周先生")]
    mine = draft(BookingLine(CUT, WANG, at(12), 60), booking_id=9)
    assert moved(mine, LI, at(13)).lines == (BookingLine(CUT, LI, at(13), 60),)
    validate_booking(moved(mine, LI, at(13)), ctx(book), before=mine)               # ends as 周先生 starts
    with pytest.raises(Conflict) as e:
        validate_booking(moved(mine, LI, at(13, 15)), ctx(book), before=mine)
    assert e.value.params["customer"] == "周先生"
    with pytest.raises(InvalidInput) as e:
        validate_booking(moved(mine, WANG, at(9)), ctx(book), before=mine)
    assert code_of(e) == "appointment.outside_hours"
    assert resized(mine, at(13, 30)).lines[0].minutes == 90
    with pytest.raises(InvalidInput) as e:
        validate_booking(resized(mine, at(12)), ctx(book), before=mine)
    assert code_of(e) == "appointment.bad_duration"


def test_a_running_service_can_be_lengthened_but_not_moved_into_the_past():
    mine = draft(BookingLine(CUT, WANG, at(10), 60), booking_id=9, status=BookingStatus.CHECKED_IN)
    validate_booking(resized(mine, at(11, 30)), ctx(now=at(10, 40)), before=mine)
    with pytest.raises(InvalidInput) as e:
        validate_booking(moved(mine, WANG, at(10, 15)), ctx(now=at(10, 40)), before=mine)
    assert code_of(e) == "appointment.in_past"


def test_a_finished_or_cancelled_booking_cannot_be_changed():
    for status in (BookingStatus.COMPLETED, BookingStatus.CANCELLED, BookingStatus.NO_SHOW):
        mine = draft(BookingLine(CUT, WANG, at(12), 60), booking_id=9, status=status)
        with pytest.raises(Conflict) as e:
            validate_booking(moved(mine, WANG, at(13)), ctx(), before=mine)
        assert code_of(e) == "appointment.not_changeable"


def test_moving_a_two_technician_booking_keeps_the_other_technician():
    two = draft(BookingLine(CUT, WANG, at(10), 60), BookingLine(DYE, LI, at(11), 120))
    after = moved(two, ZHAO, at(10, 30), from_technician_id=WANG)
    assert after.lines == (BookingLine(CUT, ZHAO, at(10, 30), 60), BookingLine(DYE, LI, at(11, 30), 120))


# ------------------------------------------------------------------ lateness

def test_late_from_thirty_minutes_after_the_start_while_still_booked():
    assert minutes_late(BookingStatus.BOOKED, at(10), at(10, 29)) == 29
    assert not is_late(BookingStatus.BOOKED, at(10), at(10, 29))
    assert is_late(BookingStatus.BOOKED, at(10), at(10, 30))
    assert not is_late(BookingStatus.CHECKED_IN, at(10), at(12))
    assert not is_late(BookingStatus.BOOKED, at(10), at(10, 30), late_minutes=45)
    assert minutes_late(BookingStatus.BOOKED, at(10), at(9)) == 0


# ------------------------------------------------------------------ the grid

def test_the_day_grid_runs_from_the_first_opening_to_the_last_closing_in_quarters():
    rota = Rota(technicians={LI: WorkingHours((DayHours(time(9, 30), time(18)),) * 7)})
    grid = day_grid(DAY, rota_hours(rota, [WANG, LI], DAY))
    assert (grid.first, grid.last, grid.rows) == (at(9, 30), at(21), 46)
    assert grid.row_of(at(9, 30)) == 0 and grid.row_of(at(9, 44)) == 0 and grid.row_of(at(9, 45)) == 1
    assert grid.span(at(10), at(11)) == (2, 4)
    assert grid.span(at(10), at(10, 20)) == (2, 2)        # a 20-minute service covers two rows
    assert grid.span(at(10), at(10)) == (2, 1)
    assert grid.time_of(4) == at(10, 30) and grid.snap(at(10, 44)) == at(10, 30)
    assert column_of(LI, [WANG, LI]) == 1 and column_of(ZHAO, [WANG, LI]) == -1


def test_a_booking_outside_the_hours_widens_the_grid_and_a_free_day_uses_the_default():
    grid = day_grid(DAY, rota_hours(Rota(), [WANG], DAY), bookings=[(at(8, 50), at(9, 50)), (at(20, 30), at(21, 10))])
    assert (grid.first, grid.last) == (at(8, 45), at(21, 15))
    nobody = day_grid(DAY, [None])
    assert (nobody.first, nobody.last) == (at(10), at(21))


# ------------------------------------------------------------------ reminders

def test_the_reminder_text_for_tomorrow():
    text = reminder_text("张女士", [ReminderLine(at(11), "染发", "李师傅", "染发前一天请勿洗头"),
                                  ReminderLine(at(10), "精剪", "王师傅")],
                         shop_name="丽人坊", shop_address="杭州市西湖路1号", shop_phone="0571-88886666")
    assert text == ("张女士您好！丽人坊温馨提醒：您预约了12月2日（周三）的服务：\n"
                    "10:00 精剪（王师傅）\n"
                    "11:00 染发（李师傅）\n"
                    "地址：杭州市西湖路1号\n"
                    "电话：0571-88886666\n"
                    "到店小贴士：染发前一天请勿洗头\n"
                    "如需改约请提前联系我们，期待您的光临！")


def test_a_reminder_without_tips_or_phone_and_a_tip_said_once():
    text = reminder_text("刘小姐", [ReminderLine(at(15), "染发", "李师傅", "请勿洗头"),
                                  ReminderLine(at(17), "染发", "李师傅", "请勿洗头")],
                         shop_name="丽人坊", shop_address="")
    assert "地址" not in text and "电话" not in text and text.count("到店小贴士") == 1
    assert "到店小贴士" not in reminder_text("刘小姐", [ReminderLine(at(15), "精剪", "王师傅")],
                                           shop_name="丽人坊", shop_address="x")


def test_tomorrows_bookings_still_booked_in_order():
    rows = [(1, at(15), BookingStatus.BOOKED), (2, at(10), BookingStatus.BOOKED),
            (3, at(11), BookingStatus.CANCELLED), (4, at(10, 0, DAY + timedelta(1)), BookingStatus.BOOKED)]
    assert tomorrows(rows, DAY - timedelta(1)) == [2, 1]


# ------------------------------------------------------------------ properties

quarter = st.integers(min_value=0, max_value=43)         # 10:00 .. 20:45
length = st.integers(min_value=-2, max_value=12)          # in quarters, some not positive
request = st.tuples(st.sampled_from([WANG, LI]), quarter, length)


def accept(requests) -> list[Slot]:
    """Book each request in turn through the validator; keep those it accepts."""
    book: list[Slot] = []
    for n, (tech, q, n_quarters) in enumerate(requests):
        start = at(10) + timedelta(minutes=15 * q)
        d = BookingDraft(lines=(BookingLine(CUT, tech, start, 15 * n_quarters),), customer_id=n,
                         customer_name=f"c{n}")
        try:
            validate_booking(d, ctx(book))
        except (InvalidInput, Conflict):
            continue
        book.extend(replace_id(d.slots(), n))
    return book


def replace_id(slots, n):
    return [Slot(n, s.technician_id, s.start, s.end, s.customer_name) for s in slots]


@settings(max_examples=200, deadline=None)
@given(st.lists(request, max_size=25))
def test_accepted_bookings_of_a_technician_never_overlap_and_stay_in_hours(requests):
    book = accept(requests)
    for a in book:
        assert at(10) <= a.start < a.end <= at(21)
        for b in book:
            if a is not b and a.technician_id == b.technician_id:
                assert not overlaps(a.start, a.end, b.start, b.end)


@settings(max_examples=200, deadline=None)
@given(st.lists(request, max_size=15), request)
def test_moving_a_booking_is_judged_like_booking_it_anew(requests, target):
    book = accept(requests)
    if not book:
        return
    victim = book[0]
    tech, q, _ = target
    start = at(10) + timedelta(minutes=15 * q)
    before = BookingDraft(lines=(BookingLine(CUT, victim.technician_id, victim.start, victim.minutes),),
                          customer_id=0, booking_id=victim.booking_id)
    after = moved(before, tech, start)
    others = [s for s in book if s.booking_id != victim.booking_id]
    as_new = BookingDraft(lines=after.lines, customer_id=0)

    def verdict(call):
        try:
            call()
        except (InvalidInput, Conflict) as e:
            return e.code
        return None

    assert verdict(lambda: validate_booking(after, ctx(book), before=before)) == \
        verdict(lambda: validate_booking(as_new, ctx(others)))


@given(st.integers(0, 300), st.integers(-300, 300), st.sampled_from(list(BookingStatus)))
def test_late_means_booked_and_at_least_the_setting_past_the_start(setting, offset, status):
    now = at(12) + timedelta(minutes=offset)
    assert is_late(status, at(12), now, setting) == (status is BookingStatus.BOOKED and offset >= setting)


@given(st.integers(0, 60), st.integers(1, 48))
def test_every_block_fits_the_rows_it_spans(q, n):
    grid = day_grid(DAY, [DayHours(time(10), time(21))])
    start = grid.first + timedelta(minutes=q * 7)
    end = start + timedelta(minutes=n * 5)
    first, rows = grid.span(start, end)
    assert grid.time_of(first) <= start and end <= grid.time_of(first + rows)
    assert grid.time_of(first + rows) - end < timedelta(minutes=15)


slot_strategy = st.builds(
    lambda bid, tech, q, n, status: Slot(bid, tech, at(10) + timedelta(minutes=5 * q),
                                         at(10) + timedelta(minutes=5 * (q + n)), status=status),
    st.integers(1, 6), st.sampled_from([WANG, LI]), st.integers(0, 100), st.integers(1, 30),
    st.sampled_from(list(BookingStatus)))


@given(st.lists(slot_strategy, max_size=12), st.lists(slot_strategy, min_size=1, max_size=3))
def test_a_clash_is_found_exactly_when_two_slots_of_one_technician_overlap(book, candidate):
    candidate = [replace_booking(s, 99) for s in candidate]
    clash = find_clash(candidate, book)
    live = [b for b in book if b.status in (BookingStatus.BOOKED, BookingStatus.CHECKED_IN)]
    expected = any(c.technician_id == b.technician_id and overlaps(c.start, c.end, b.start, b.end)
                   for c in candidate for b in live) or \
        any(a.technician_id == b.technician_id and overlaps(a.start, a.end, b.start, b.end)
            for i, a in enumerate(candidate) for b in candidate[i + 1:])
    assert (clash is not None) == expected
    if clash is not None:
        assert clash.new.technician_id == clash.existing.technician_id
        assert overlaps(clash.new.start, clash.new.end, clash.existing.start, clash.existing.end)


def replace_booking(slot: Slot, booking_id: int) -> Slot:
    return Slot(booking_id, slot.technician_id, slot.start, slot.end, status=BookingStatus.BOOKED)


def test_reminders_only_with_a_contact_consent_and_the_late_setting_is_checked():
    from salon_desk.appointments import may_remind, validate_late_minutes
    assert may_remind({"keep_file", "marketing"}) and may_remind(["service_contact"])
    assert not may_remind({"keep_file", "health"}) and not may_remind([])
    validate_late_minutes(5)
    validate_late_minutes(240)
    for bad in (4, 241, "30", True, None):
        with pytest.raises(InvalidInput) as e:
            validate_late_minutes(bad)
        assert code_of(e) == "settings.out_of_range"


# ------------------------------------------------------------------ the working-hours page's reading

def test_typed_hours_are_read_on_the_quarter_hour_and_refused_in_a_way_naming_the_weekday():
    from salon_desk.appointments import parse_clock, week_from_text, with_hours
    assert parse_clock("09:30", 0) == time(9, 30)
    assert parse_clock(" 9:45 ", 0) == time(9, 45)
    assert parse_clock("１８：１５", 0) == time(18, 15)           # full-width, as a Chinese IME types it
    for text, code in (("9:10", "appointment.hours_not_quarter"), ("24:00", "appointment.hours_bad_time"),
                       ("930", "appointment.hours_bad_time"), ("", "appointment.hours_bad_time"),
                       ("9:5", "appointment.hours_bad_time"), ("-1:00", "appointment.hours_bad_time")):
        with pytest.raises(InvalidInput) as refused:
            parse_clock(text, 4)
        assert (refused.value.code, refused.value.params["weekday"], refused.value.params["text"]) == (code, 4, text)
    week = week_from_text([("10:00", "21:00")] * 5 + [("09:00", "18:00"), None], [date(2026, 12, 25)])
    assert week.on(date(2026, 12, 5)) == DayHours(time(9), time(18))          # Saturday
    assert week.on(date(2026, 12, 6)) is None and week.on(date(2026, 12, 25)) is None
    with pytest.raises(InvalidInput) as refused:
        week_from_text([("10:00", "21:00")] * 2 + [("18:00", "18:00")] + [None] * 4)
    assert refused.value.code == "appointment.hours_end_before_start" and refused.value.params["weekday"] == 2
    rota = with_hours(Rota(), LI, week)
    assert rota.of(LI) == week and rota.of(WANG) == WorkingHours()
    assert rota_from_json(rota_to_json(rota)) == rota


@given(st.lists(st.one_of(st.none(), st.tuples(st.integers(0, 95), st.integers(0, 95))), min_size=7, max_size=7))
def test_a_typed_week_is_stored_exactly_or_refused(quarters):
    from salon_desk.appointments import week_from_text
    texts = [None if q is None else tuple(f"{x // 4:02d}:{x % 4 * 15:02d}" for x in q) for q in quarters]
    if any(q is not None and q[1] <= q[0] for q in quarters):
        with pytest.raises(InvalidInput):
            week_from_text(texts)
        return
    week = week_from_text(texts)
    validate_rota(rota_to_json(Rota(week)))                      # what is stored is read back by the setting
    assert [None if d is None else (d.opens.strftime("%H:%M"), d.closes.strftime("%H:%M")) for d in week.week] == texts


def test_the_settings_registry_holds_the_appointment_books_own_defaults():
    """The registry writes the opening hours and lateness out (so reading settings does not load the
    appointment rules); they are the rules' own defaults, and a bad week is still refused."""
    from salon_desk import appointments
    from salon_desk.errors import InvalidInput
    from salon_desk.settings_registry import SETTINGS

    assert SETTINGS["appointments.hours"].default == appointments.rota_to_json(appointments.Rota())
    assert SETTINGS["appointments.late_minutes"].default == appointments.DEFAULT_LATE_MINUTES
    SETTINGS["appointments.hours"].validate(SETTINGS["appointments.hours"].default)
    with pytest.raises(InvalidInput):
        SETTINGS["appointments.hours"].validate({"default": {"week": [["21:00", "10:00"]] * 7}})
