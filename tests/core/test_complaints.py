"""Complaint rules: wall-clock deadlines across midnight, overdue and late marks, bad input as typed errors."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from salon_desk.care_settings import CareSettings
from salon_desk.complaints import (
    Category, Channel, ComplaintTimes, Mark, NewComplaint, ProgressEntry, Remedy, RemedyKind, append_progress,
    check_new_complaint, check_remedy, check_resolution, check_response, deadlines, is_flagged, parse_category,
    parse_channel, parse_remedy, remedies_text, resolution_mark, response_mark,
)
from salon_desk.errors import Conflict, InvalidInput

SETTINGS = CareSettings()


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_deadlines_are_wall_clock_hours_across_midnight_and_month_end():
    d = deadlines(at("2026-11-30 22:30"), SETTINGS)
    assert d.response_due == at("2026-12-01 22:30")
    assert d.resolution_due == at("2026-12-03 22:30")
    short = deadlines(at("2026-12-31 23:10"), CareSettings(first_response_hours=2, resolution_hours=8))
    assert short.response_due == at("2027-01-01 01:10")
    assert short.resolution_due == at("2027-01-01 07:10")


def test_a_complaint_received_late_in_the_evening_is_overdue_one_minute_after_the_next_evening():
    t = ComplaintTimes(at("2026-11-30 22:30"))
    assert response_mark(t, SETTINGS, at("2026-12-01 09:00")) is Mark.PENDING
    assert response_mark(t, SETTINGS, at("2026-12-01 22:30")) is Mark.PENDING
    assert response_mark(t, SETTINGS, at("2026-12-01 22:31")) is Mark.OVERDUE
    assert is_flagged(t, SETTINGS, at("2026-12-01 22:31"))
    assert not is_flagged(t, SETTINGS, at("2026-12-01 22:29"))


def test_an_answer_on_the_deadline_minute_is_on_time_and_a_late_one_stays_late():
    received = at("2026-11-30 22:30")
    assert response_mark(ComplaintTimes(received, at("2026-12-01 22:30")), SETTINGS,
                         at("2026-12-10 00:00")) is Mark.ON_TIME
    late = ComplaintTimes(received, at("2026-12-02 00:05"))
    for later in ("2026-12-02 00:06", "2027-06-01 00:00"):
        assert response_mark(late, SETTINGS, at(later)) is Mark.LATE
    # answered (late) but not resolved: the red flag waits for the resolution deadline
    assert not is_flagged(late, SETTINGS, at("2026-12-03 22:30"))
    assert is_flagged(late, SETTINGS, at("2026-12-03 22:31"))
    assert resolution_mark(late, SETTINGS, at("2026-12-03 22:31")) is Mark.OVERDUE


def test_a_resolution_without_a_recorded_response_is_the_first_response():
    t = ComplaintTimes(at("2026-12-01 10:00"), resolved_at=at("2026-12-01 15:00"))
    assert response_mark(t, SETTINGS, at("2026-12-09 00:00")) is Mark.ON_TIME
    assert resolution_mark(t, SETTINGS, at("2026-12-09 00:00")) is Mark.ON_TIME
    assert not is_flagged(t, SETTINGS, at("2026-12-09 00:00"))


def test_a_deadline_setting_of_0_or_a_resolution_before_the_response_is_refused():
    with pytest.raises(InvalidInput) as err:
        CareSettings(first_response_hours=0)
    assert err.value.code == "settings.out_of_range"
    with pytest.raises(InvalidInput) as err:
        CareSettings(resolution_hours=0)
    assert err.value.code == "settings.out_of_range"
    with pytest.raises(InvalidInput) as err:
        CareSettings(first_response_hours=48, resolution_hours=24)
    assert err.value.code == "complaints.resolution_before_response"


def complaint(**changes: object) -> NewComplaint:
    base = dict(customer_id=7, category=Category.RESULT, channel=Channel.WECHAT, description="烫发三天就塌了",
                received_at=at("2026-12-01 10:00"), visit_id=101, visit_customer_id=7)
    base.update(changes)
    return NewComplaint(**base)  # type: ignore[arg-type]


def test_a_complaint_against_another_customers_visit_is_refused():
    check_new_complaint(complaint(), now=at("2026-12-01 10:05"))
    with pytest.raises(Conflict) as err:
        check_new_complaint(complaint(visit_customer_id=8), now=at("2026-12-01 10:05"))
    assert err.value.code == "complaint.visit_of_other_customer"


@pytest.mark.parametrize("changes, code", [
    ({"description": "  "}, "complaint.description_required"),
    ({"description": "差" * 1001}, "complaint.description_too_long"),
    ({"received_at": at("2026-12-01 11:00")}, "complaint.received_in_future"),
    ({"visit_id": None, "visit_customer_id": None, "line_id": 3}, "complaint.line_without_visit"),
])
def test_bad_complaints_are_refused_with_a_code(changes, code):
    with pytest.raises(InvalidInput) as err:
        check_new_complaint(complaint(**changes), now=at("2026-12-01 10:05"))
    assert err.value.code == code


def test_codes_are_parsed_or_refused():
    assert parse_category("price") is Category.PRICE
    assert parse_channel("phone") is Channel.PHONE
    assert parse_remedy("points") is RemedyKind.POINTS
    for parse, code in ((parse_category, "complaint.bad_category"), (parse_channel, "complaint.bad_channel"),
                        (parse_remedy, "complaint.bad_remedy")):
        with pytest.raises(InvalidInput) as err:
            parse("angry")
        assert err.value.code == code


def test_a_refund_remedy_is_at_most_what_the_visit_took_less_earlier_refunds():
    check_remedy(Remedy(RemedyKind.REFUND, amount_fen=26_800), visit_paid_fen=26_800)
    with pytest.raises(InvalidInput) as err:
        check_remedy(Remedy(RemedyKind.REFUND, amount_fen=26_801), visit_paid_fen=26_800)
    assert err.value.code == "complaint.refund_over_visit" and err.value.params["limit"] == 26_800
    with pytest.raises(InvalidInput) as err:
        check_remedy(Remedy(RemedyKind.REFUND, amount_fen=10_000), visit_paid_fen=26_800, refunded_fen=20_000)
    assert err.value.params["limit"] == 6_800


@pytest.mark.parametrize("remedy, paid, code", [
    (Remedy(RemedyKind.REFUND, amount_fen=0), 100, "complaint.refund_amount_required"),
    (Remedy(RemedyKind.REFUND, amount_fen=50), None, "complaint.remedy_needs_visit"),
    (Remedy(RemedyKind.REDO), None, "complaint.remedy_needs_visit"),
    (Remedy(RemedyKind.POINTS, points=0), None, "complaint.points_required"),
    (Remedy(RemedyKind.GIFT), None, "complaint.remedy_note_required"),
    (Remedy(RemedyKind.FREE_UPGRADE, note=" "), None, "complaint.remedy_note_required"),
    (Remedy(RemedyKind.APOLOGY, amount_fen=100), None, "complaint.amount_only_for_refund"),
    (Remedy(RemedyKind.GIFT, points=100, note="护手霜"), None, "complaint.points_only_for_points"),
])
def test_bad_remedies_are_refused(remedy, paid, code):
    with pytest.raises(InvalidInput) as err:
        check_remedy(remedy, visit_paid_fen=paid)
    assert err.value.code == code


def test_the_remedies_read_as_one_line():
    text = remedies_text((Remedy(RemedyKind.REFUND, amount_fen=5_000), Remedy(RemedyKind.POINTS, points=500),
                          Remedy(RemedyKind.APOLOGY)))
    assert text == "退款 ¥50.00、积分补偿 500 分、道歉"


def test_the_progress_log_only_grows_in_time_order():
    log = append_progress((), ProgressEntry(at("2026-12-01 10:00"), 1, "已电话联系顾客"))
    log = append_progress(log, ProgressEntry(at("2026-12-01 10:00"), 2, "约定周六重做"))
    assert [e.text for e in log] == ["已电话联系顾客", "约定周六重做"]
    with pytest.raises(InvalidInput) as err:
        append_progress(log, ProgressEntry(at("2026-12-01 09:59"), 1, "补记"))
    assert err.value.code == "complaint.progress_out_of_order"
    with pytest.raises(InvalidInput):
        append_progress(log, ProgressEntry(at("2026-12-01 11:00"), 1, " "))


def test_answering_and_resolving_once():
    t = ComplaintTimes(at("2026-12-01 10:00"))
    check_response(t, at("2026-12-01 11:00"))
    with pytest.raises(InvalidInput):
        check_response(t, at("2026-12-01 09:00"))
    with pytest.raises(Conflict) as err:
        check_response(ComplaintTimes(at("2026-12-01 10:00"), at("2026-12-01 11:00")), at("2026-12-01 12:00"))
    assert err.value.code == "complaint.already_answered"
    apology = (Remedy(RemedyKind.APOLOGY),)
    check_resolution(t, apology, "店长当面致歉，顾客接受", at("2026-12-01 12:00"))
    with pytest.raises(InvalidInput) as err:
        check_resolution(t, (), "已处理", at("2026-12-01 12:00"))
    assert err.value.code == "complaint.remedy_required"
    with pytest.raises(InvalidInput) as err:
        check_resolution(t, apology, "", at("2026-12-01 12:00"))
    assert err.value.code == "complaint.resolution_required"
    done = ComplaintTimes(at("2026-12-01 10:00"), resolved_at=at("2026-12-01 12:00"))
    with pytest.raises(Conflict) as err:
        check_resolution(done, apology, "再次处理", at("2026-12-02 12:00"))
    assert err.value.code == "complaint.already_resolved"


@given(st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2030, 1, 1)),
       st.integers(min_value=0, max_value=200 * 60), st.integers(min_value=1, max_value=720))
def test_an_answer_is_on_time_exactly_when_within_the_hours_and_the_mark_never_changes(received, minutes, hours):
    settings = CareSettings(first_response_hours=hours, resolution_hours=max(hours, 72))
    answered = received + timedelta(minutes=minutes)
    t = ComplaintTimes(received, answered)
    expected = Mark.ON_TIME if minutes <= hours * 60 else Mark.LATE
    assert response_mark(t, settings, answered) is expected
    assert response_mark(t, settings, answered + timedelta(days=400)) is expected
