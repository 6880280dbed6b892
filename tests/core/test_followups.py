"""Follow-up rules at their edges: due times, the day-90 warning, one greeting a birthday, consent, cycles, closing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, strategies as st

from salon_desk.care_settings import CareSettings
from salon_desk.complaints import Category, Remedy, RemedyKind
from salon_desk.errors import Conflict, InvalidInput
from salon_desk.followups import (
    Bucket, CareFacts, ComplaintFacts, CompletedVisit, Customer, Outcome, Scores, ServiceDone, ServiceVisit,
    TaskState, TaskType, birthday_task, bucket, care_cycle_tasks, check_counter_rating, close, closed_on_time,
    complaint_tasks, cycles, daily_tasks, default_assignee, estimate_cycle, inactive_task, is_overdue,
    new_tasks, visit_tasks,
)

SETTINGS = CareSettings()
SHOP = "丽人坊"
ZHANG = Customer(7, "张三", file_consent=True, marketing_consent=True, member=True,
                 birthday_month=12, birthday_day=5)
NO_MARKETING = Customer(8, "李四", file_consent=True, marketing_consent=False, member=True,
                        birthday_month=12, birthday_day=5)
COLOUR = ServiceDone("染发", "hair", technician_id=31, aftercare="48小时内不要洗头，用护色洗发水")
CUT = ServiceDone("剪发", "hair", technician_id=32)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


# --- after a visit ----------------------------------------------------------------

def test_a_visit_completed_at_1830_gives_an_aftercare_task_due_2030():
    visit = CompletedVisit(101, ZHANG, at("2026-12-01 18:30"), services=(COLOUR,), cashier_id=2)
    [task] = visit_tasks(visit, SETTINGS, SHOP)
    assert task.type is TaskType.VISIT_AFTERCARE
    assert task.due_at == at("2026-12-01 20:30")
    assert not task.all_day
    assert task.key == "visit:101" and task.visit_id == 101 and task.customer_id == 7
    assert task.assignee_id == 31                      # the visit's technician
    assert task.message.startswith("张三您好，感谢您今天光临丽人坊！您今天做了染发")
    assert "【染发护理建议】48小时内不要洗头，用护色洗发水" in task.message


def test_the_follow_up_hours_are_a_setting_and_a_late_visit_crosses_midnight():
    visit = CompletedVisit(102, ZHANG, at("2026-12-01 22:45"), services=(CUT,))
    [task] = visit_tasks(visit, CareSettings(visit_followup_hours=3), SHOP)
    assert task.due_at == at("2026-12-02 01:45")


def test_a_service_without_aftercare_advice_gets_no_advice_line():
    [task] = visit_tasks(CompletedVisit(103, ZHANG, at("2026-12-01 10:00"), services=(CUT,)), SETTINGS, SHOP)
    assert "护理建议" not in task.message
    assert "剪发" in task.message


def test_the_first_named_technician_is_the_assignee_else_the_cashier_on_duty():
    assert default_assignee([None, 32, 31], 2) == 32
    assert default_assignee([], 2) == 2
    assert default_assignee([None], None) is None
    only_products = CompletedVisit(104, ZHANG, at("2026-12-01 11:00"), products=("玻尿酸精华",), cashier_id=2)
    [task] = visit_tasks(only_products, SETTINGS, SHOP)
    assert task.assignee_id == 2


def test_a_retail_sale_gives_a_product_check_three_days_later_and_no_aftercare_call():
    visit = CompletedVisit(105, ZHANG, at("2026-12-01 18:30"), products=("玻尿酸精华", "修护面霜"), cashier_id=2)
    [task] = visit_tasks(visit, SETTINGS, SHOP)
    assert task.type is TaskType.PRODUCT_CHECK
    assert task.due_at == at("2026-12-04 18:30")
    assert task.key == "product:105"
    assert "玻尿酸精华、修护面霜" in task.message and "皮肤有没有发红、发痒" in task.message


def test_a_visit_with_a_service_and_a_product_gives_both_tasks():
    visit = CompletedVisit(106, ZHANG, at("2026-12-01 15:00"), services=(COLOUR,), products=("护色洗发水",))
    assert [t.type for t in visit_tasks(visit, SETTINGS, SHOP)] == [TaskType.VISIT_AFTERCARE, TaskType.PRODUCT_CHECK]


def test_service_follow_ups_need_only_the_file_consent_and_a_walk_in_gets_none():
    visit = CompletedVisit(107, NO_MARKETING, at("2026-12-01 15:00"), services=(CUT,))
    assert len(visit_tasks(visit, SETTINGS, SHOP)) == 1
    no_file = Customer(9, "王五", file_consent=False, marketing_consent=True)
    assert visit_tasks(CompletedVisit(108, no_file, at("2026-12-01 15:00"), services=(CUT,)), SETTINGS, SHOP) == []
    assert visit_tasks(CompletedVisit(109, None, at("2026-12-01 15:00"), services=(CUT,)), SETTINGS, SHOP) == []


# --- 服务预警: not seen for 90 days ----------------------------------------------------

def facts(customer: Customer = ZHANG, last: date | None = date(2026, 9, 1), history: tuple[ServiceVisit, ...] = (),
          technician: int | None = 31) -> CareFacts:
    return CareFacts(customer, last, technician, history)


def test_the_inactive_task_appears_on_day_90_not_89():
    last = date(2026, 9, 1)
    assert inactive_task(facts(last=last), last + timedelta(days=89), SETTINGS, SHOP) is None
    task = inactive_task(facts(last=last), last + timedelta(days=90), SETTINGS, SHOP)
    assert task is not None
    assert task.type is TaskType.INACTIVE
    assert task.due_at.date() == date(2026, 11, 30) and task.all_day
    assert task.key == "inactive:7:2026-09-01"
    assert task.assignee_id == 31
    assert "您上次光临是2026年9月1日" in task.message


def test_a_job_that_missed_day_90_still_creates_the_same_task_but_not_for_years_old_absences():
    last = date(2026, 9, 1)
    on_day_90 = inactive_task(facts(last=last), date(2026, 11, 30), SETTINGS, SHOP)
    on_day_100 = inactive_task(facts(last=last), date(2026, 12, 10), SETTINGS, SHOP)
    assert on_day_90 == on_day_100                                              # same key, same due day
    assert inactive_task(facts(last=last), last + timedelta(days=119), SETTINGS, SHOP) is not None
    assert inactive_task(facts(last=last), last + timedelta(days=120), SETTINGS, SHOP) is None


def test_a_new_absence_after_a_return_is_a_new_task():
    first = inactive_task(facts(last=date(2026, 5, 1)), date(2026, 7, 30), SETTINGS, SHOP)
    second = inactive_task(facts(last=date(2026, 9, 1)), date(2026, 11, 30), SETTINGS, SHOP)
    assert first is not None and second is not None and first.key != second.key


def test_the_inactive_warning_is_for_members_with_marketing_consent():
    today = date(2026, 11, 30)
    assert inactive_task(facts(customer=NO_MARKETING), today, SETTINGS, SHOP) is None
    not_member = Customer(10, "赵六", True, True, member=False)
    assert inactive_task(facts(customer=not_member), today, SETTINGS, SHOP) is None
    assert inactive_task(facts(last=None), today, SETTINGS, SHOP) is None


# --- birthdays -------------------------------------------------------------------

def test_a_birthday_in_7_days_gets_one_greeting_however_often_the_job_runs():
    keys = set()
    for offset in range(-10, 1):                    # the job runs every day up to the birthday, twice a day
        day = date(2026, 12, 5) + timedelta(days=offset)
        for _ in range(2):
            task = birthday_task(facts(), day, SETTINGS, SHOP)
            if task is not None:
                keys.add(task.key)
    assert keys == {"birthday:7:2026-12-05"}


def test_the_greeting_appears_7_days_ahead_not_8_and_is_due_on_the_birthday():
    assert birthday_task(facts(), date(2026, 11, 27), SETTINGS, SHOP) is None
    task = birthday_task(facts(), date(2026, 11, 28), SETTINGS, SHOP)
    assert task is not None
    assert task.due_at.date() == date(2026, 12, 5) and task.all_day
    assert "丽人坊全体员工祝您12月5日生日快乐" in task.message
    assert birthday_task(facts(), date(2026, 12, 6), SETTINGS, SHOP) is None     # next year's is months away


def test_stored_keys_make_a_rerun_create_nothing():
    today = date(2026, 11, 30)
    first = new_tasks(daily_tasks([facts()], today, SETTINGS, SHOP), existing_keys=())
    assert [t.type for t in first] == [TaskType.INACTIVE, TaskType.BIRTHDAY]
    again = new_tasks(daily_tasks([facts()], today, SETTINGS, SHOP), existing_keys=[t.key for t in first])
    assert again == []
    assert len(new_tasks(first + first, ())) == 2


def test_a_new_year_birthday_and_29_february():
    jan = Customer(11, "钱七", True, True, True, 1, 2)
    task = birthday_task(facts(customer=jan), date(2026, 12, 28), SETTINGS, SHOP)
    assert task is not None and task.key == "birthday:11:2027-01-02"
    leap = Customer(12, "孙八", True, True, True, 2, 29)
    task = birthday_task(facts(customer=leap), date(2027, 2, 21), SETTINGS, SHOP)
    assert task is not None and task.due_at.date() == date(2027, 2, 28)


def test_no_greeting_without_marketing_consent_or_membership():
    assert birthday_task(facts(customer=NO_MARKETING), date(2026, 12, 1), SETTINGS, SHOP) is None
    guest = Customer(13, "周九", True, True, member=False, birthday_month=12, birthday_day=5)
    assert birthday_task(facts(customer=guest), date(2026, 12, 1), SETTINGS, SHOP) is None


# --- complaints ------------------------------------------------------------------

def test_a_complaint_gets_a_call_due_at_the_response_deadline_and_another_after_the_resolution():
    complaint = ComplaintFacts(55, NO_MARKETING, Category.TECHNIQUE, at("2026-12-01 21:00"), handler_id=1)
    [call] = complaint_tasks(complaint, SETTINGS, SHOP, cashier_on_duty=2)
    assert call.type is TaskType.COMPLAINT and call.key == "complaint:55" and call.complaint_id == 55
    assert call.due_at == at("2026-12-02 21:00") and call.assignee_id == 1
    assert "技术问题" in call.message
    resolved = ComplaintFacts(55, NO_MARKETING, Category.TECHNIQUE, at("2026-12-01 21:00"), handler_id=None,
                              resolved_at=at("2026-12-03 10:00"),
                              remedies=(Remedy(RemedyKind.REDO), Remedy(RemedyKind.GIFT, note="护手霜")))
    tasks = complaint_tasks(resolved, SETTINGS, SHOP, cashier_on_duty=2)
    assert [t.key for t in tasks] == ["complaint:55", "complaint-resolved:55"]
    after = tasks[1]
    assert after.due_at == at("2026-12-04 10:00") and after.assignee_id == 2
    assert "免费重做、赠品（护手霜）" in after.message and "是否满意" in after.message


# --- care cycles -------------------------------------------------------------------

def days(*texts: str) -> list[date]:
    return [date.fromisoformat(t) for t in texts]


def test_the_cycle_is_the_median_interval_and_ignores_one_outlier():
    # intervals 35, 34, 36, 120 (a long holiday), 35
    visits = days("2026-01-01", "2026-02-05", "2026-03-11", "2026-04-16", "2026-08-14", "2026-09-18")
    assert estimate_cycle(visits) == (35, date(2026, 9, 18))


def test_three_visits_are_enough_two_are_not():
    assert estimate_cycle(days("2026-08-01", "2026-09-05", "2026-10-12")) == (36, date(2026, 10, 12))
    assert estimate_cycle(days("2026-09-05", "2026-10-12")) is None
    assert estimate_cycle(days("2026-09-05", "2026-10-12", "2026-10-12")) is None   # one day counts once


def test_irregular_histories_have_no_cycle():
    assert estimate_cycle(days("2026-01-01", "2026-01-21", "2026-04-01")) is None       # 20 then 70
    assert estimate_cycle(days("2026-01-01", "2026-01-31", "2026-04-01")) is None       # 30 then 60
    assert estimate_cycle(days("2026-01-01", "2026-01-31", "2026-03-21")) == (40, date(2026, 3, 21))  # 30, 49
    assert estimate_cycle(days("2026-01-01", "2026-02-05", "2026-06-01", "2026-06-10")) is None  # two outliers
    assert estimate_cycle(days("2026-01-01", "2026-01-04", "2026-01-07")) is None       # 3 days: too short


def test_the_care_cycle_task_is_due_3_days_before_the_expected_visit():
    history = tuple(ServiceVisit(d, "hair", 31) for d in days("2026-08-01", "2026-09-05", "2026-10-10"))
    [cycle] = cycles(history)
    assert (cycle.interval_days, cycle.expected_day) == (35, date(2026, 11, 14))
    f = facts(history=history)
    assert care_cycle_tasks(f, date(2026, 11, 10), SETTINGS, SHOP) == []
    [task] = care_cycle_tasks(f, date(2026, 11, 11), SETTINGS, SHOP)
    assert task.type is TaskType.CARE_CYCLE and task.key == "cycle:7:hair:2026-10-10"
    assert task.due_at.date() == date(2026, 11, 11) and task.all_day and task.assignee_id == 31
    assert "您平时大约每35天做一次美发，上次是10月10日，算下来11月14日前后又该做了" in task.message
    # still offered until half an interval after the expected day, then not
    assert care_cycle_tasks(f, date(2026, 12, 1), SETTINGS, SHOP) != []
    assert care_cycle_tasks(f, date(2026, 12, 2), SETTINGS, SHOP) == []
    assert care_cycle_tasks(facts(customer=NO_MARKETING, history=history), date(2026, 11, 11), SETTINGS, SHOP) == []


# --- closing and overdue ----------------------------------------------------------

def open_task(task_type: TaskType = TaskType.VISIT_AFTERCARE, due: str = "2026-12-01 20:30",
              all_day: bool = False) -> TaskState:
    return TaskState(task_type, at(due), all_day)


def test_overdue_is_computed_from_the_clock():
    task = open_task()
    assert not is_overdue(task, at("2026-12-01 20:30"))
    assert is_overdue(task, at("2026-12-01 20:31"))
    assert bucket(task, at("2026-12-01 09:00")) is Bucket.TODAY
    assert bucket(task, at("2026-12-01 21:00")) is Bucket.OVERDUE
    assert bucket(task, at("2026-11-30 09:00")) is Bucket.LATER
    day_task = open_task(TaskType.BIRTHDAY, "2026-12-05 00:00", all_day=True)
    assert not is_overdue(day_task, at("2026-12-05 23:59"))
    assert is_overdue(day_task, at("2026-12-06 00:00"))
    closed = TaskState(TaskType.VISIT_AFTERCARE, at("2026-12-01 20:30"), False, at("2026-12-02 09:00"),
                       Outcome.REACHED)
    assert not is_overdue(closed, at("2026-12-09 00:00")) and bucket(closed, at("2026-12-09")) is Bucket.CLOSED
    assert not closed_on_time(closed)


def test_closing_records_outcome_scores_and_whether_it_was_on_time():
    closing = close(open_task(), Outcome.REACHED, at("2026-12-01 20:00"), Scores(5, 4, 5), " 很满意 ")
    assert closing.on_time and closing.scores == Scores(5, 4, 5) and closing.comment == "很满意"
    late = close(open_task(), Outcome.NO_ANSWER, at("2026-12-01 21:00"))
    assert not late.on_time and late.scores is None


def test_closing_a_closed_task_is_refused():
    closed = TaskState(TaskType.VISIT_AFTERCARE, at("2026-12-01 20:30"), False, at("2026-12-01 20:00"),
                       Outcome.REACHED)
    with pytest.raises(Conflict) as err:
        close(closed, Outcome.REACHED, at("2026-12-01 21:00"))
    assert err.value.code == "care.task_closed"


@pytest.mark.parametrize("scores", [(0, 4, 5), (5, 6, 5), (5, 5, -1)])
def test_a_score_outside_1_to_5_is_refused(scores):
    with pytest.raises(InvalidInput) as err:
        Scores(*scores)
    assert err.value.code == "care.bad_score"


def test_scores_only_for_visit_and_complaint_calls_that_reached_the_customer():
    with pytest.raises(InvalidInput) as err:
        close(open_task(TaskType.BIRTHDAY, all_day=True), Outcome.REACHED, at("2026-12-01 10:00"), Scores(5, 5, 5))
    assert err.value.code == "care.scores_not_for_type"
    with pytest.raises(InvalidInput) as err:
        close(open_task(), Outcome.NO_ANSWER, at("2026-12-01 10:00"), Scores(5, 5, 5))
    assert err.value.code == "care.scores_need_reached"
    with pytest.raises(InvalidInput) as err:
        close(open_task(), Outcome.REACHED, at("2026-12-01 10:00"), comment="好" * 501)
    assert err.value.code == "care.comment_too_long"


def test_the_counter_rating_is_1_to_5():
    assert check_counter_rating(4) == 4
    for bad in (0, 6, True, "5"):
        with pytest.raises(InvalidInput) as err:
            check_counter_rating(bad)
        assert err.value.code == "care.bad_rating"


def test_a_care_setting_of_0_is_refused():
    with pytest.raises(InvalidInput) as err:
        CareSettings(visit_followup_hours=0)
    assert err.value.code == "settings.out_of_range"


# --- properties ---------------------------------------------------------------------

@given(st.integers(min_value=1, max_value=5), st.integers(min_value=1, max_value=5),
       st.integers(min_value=1, max_value=5))
def test_every_score_1_to_5_is_accepted(a, t, e):
    assert Scores(a, t, e).technique == t


@given(st.integers().filter(lambda v: not 1 <= v <= 5))
def test_every_other_score_is_refused(value):
    with pytest.raises(InvalidInput):
        Scores(3, value, 3)


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
       st.integers(min_value=0, max_value=400))
def test_the_inactive_task_exists_exactly_in_its_window_and_always_with_the_same_key(last, absent):
    task = inactive_task(facts(last=last), last + timedelta(days=absent), SETTINGS, SHOP)
    assert (task is not None) == (90 <= absent < 120)
    if task is not None:
        assert task.key == f"inactive:7:{last.isoformat()}"
        assert task.due_at.date() == last + timedelta(days=90)


@given(st.integers(min_value=1, max_value=12), st.integers(min_value=1, max_value=31),
       st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)))
def test_over_any_year_of_daily_runs_one_greeting_per_birthday(month, day, start):
    if day > [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]:
        return
    customer = Customer(1, "客户", True, True, True, month, day)
    keys = [t.key for d in range(366)
            if (t := birthday_task(facts(customer=customer), start + timedelta(days=d), SETTINGS, SHOP))]
    distinct = set(keys)
    assert 1 <= len(distinct) <= 2          # a year of runs meets one or two birthdays
    assert all(keys.count(k) == 8 or k in (keys[0], keys[-1]) for k in distinct)   # 8 days each, edges cut


@given(st.dates(min_value=date(2020, 1, 1), max_value=date(2028, 1, 1)), st.integers(7, 180),
       st.integers(3, 6), st.integers(0, 500), st.integers(0, 4))
def test_a_regular_rhythm_is_found_even_with_one_outlier(start, gap, visits, outlier, where):
    gaps = [gap] * (visits - 1)
    if visits >= 5:                      # four regular intervals or more: one may be anything
        gaps[where % len(gaps)] = max(1, outlier)
    days_seen = [start]
    for g in gaps:
        days_seen.append(days_seen[-1] + timedelta(days=g))
    assert estimate_cycle(days_seen) == (gap, days_seen[-1])
