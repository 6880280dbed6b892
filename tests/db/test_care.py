"""Relationship care on the front door: tasks from checkout and the daily job, closing them,
counter ratings, complaints with their remedies, merging, and the live segments."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from salon_desk.complaints import Mark, RemedyKind
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied
from salon_desk.followups import Bucket, TaskType
from salon_desk.db.models import FollowUpTask, PointsEntry, Refund, VisitLine


def _all_tasks(shop, owner):
    return shop.care.tasks(owner, include_later=True)


@pytest.fixture
def aftercare(shop, owner, items):
    shop.catalogue.update_item(owner, items.dye.id, aftercare="48 小时内不要洗头")
    return items


def test_a_visit_completed_at_1830_gives_a_task_due_2030_to_its_technician(shop, owner, clock, tech, new_customer,
                                                                          sell, aftercare):
    customer = new_customer()
    clock.set(2026, 11, 23, 18, 30)
    sell(customer.id, services=[aftercare.dye])
    [task] = _all_tasks(shop, owner)
    assert task.type is TaskType.VISIT_AFTERCARE
    assert task.due_at == datetime(2026, 11, 23, 20, 30)
    assert task.assignee_id == tech.id and task.assignee_name == "王师傅"
    assert "【染发护理建议】48 小时内不要洗头" in task.message
    assert task.bucket is Bucket.TODAY
    clock.set(2026, 11, 23, 20, 31)
    assert shop.care.tasks(owner)[0].bucket is Bucket.OVERDUE


def test_a_product_sale_gives_a_check_three_days_later_and_a_walk_in_gives_nothing(shop, owner, clock,
                                                                                  new_customer, sell, items):
    customer = new_customer()
    clock.set(2026, 11, 23, 11, 0)
    sell(customer.id, products=[(items.serum, 1)])
    sell(None, services=[items.cut])
    [task] = _all_tasks(shop, owner)
    assert task.type is TaskType.PRODUCT_CHECK
    assert task.due_at == datetime(2026, 11, 26, 11, 0)
    assert "修护精华" in task.message


def test_the_daily_job_makes_a_birthday_greeting_once_however_often_it_runs(shop, owner, clock, new_member):
    new_member(birth_month=11, birth_day=29, consent_marketing=True)
    new_member("李四", "13912345678", birth_month=11, birth_day=29)            # no marketing consent
    clock.set(2026, 11, 22, 9, 0)
    first = shop.care.run_daily()
    again = shop.care.run_daily()
    clock.set(2026, 11, 23, 9, 0)
    shop.care.run_daily()
    tasks = [t for t in _all_tasks(shop, owner) if t.type is TaskType.BIRTHDAY]
    assert [t.customer_name for t in tasks] == ["张三"]
    assert tasks[0].due_at == datetime(2026, 11, 29)
    assert first["created"] == 1 and again["created"] == 0


def test_the_inactive_task_appears_on_day_90_not_89(shop, owner, clock, new_member, sell, items):
    member = new_member(consent_marketing=True)
    clock.set(2026, 1, 5, 15, 0)
    sell(member.id, services=[items.cut])
    clock.set(2026, 4, 4, 9, 0)            # day 89
    shop.care.run_daily()
    assert not [t for t in _all_tasks(shop, owner) if t.type is TaskType.INACTIVE]
    clock.set(2026, 4, 5, 9, 0)            # day 90
    shop.care.run_daily()
    [task] = [t for t in _all_tasks(shop, owner) if t.type is TaskType.INACTIVE]
    assert task.due_at == datetime(2026, 4, 5) and task.all_day


def test_a_technician_sees_and_closes_only_their_own_tasks(shop, owner, cashier, tech, tech2, clock, new_customer,
                                                           sell, items):
    customer = new_customer()
    sell(customer.id, services=[items.cut])
    clock.advance(hours=1)
    assert [t.assignee_id for t in shop.care.tasks(tech)] == [tech.id]
    assert shop.care.tasks(tech2) == []
    task = shop.care.tasks(cashier)[0]
    with pytest.raises(PermissionDenied):
        shop.care.close_task(tech2, task.id, "reached")
    closed = shop.care.close_task(tech, task.id, "reached", (5, 4, 5), "很满意")
    assert closed.bucket is Bucket.CLOSED and closed.scores == (5, 4, 5) and closed.comment == "很满意"
    assert shop.care.tasks(cashier) == []


def test_bad_scores_and_closing_twice_are_refused_and_write_nothing(shop, owner, new_customer, sell, items, dump,
                                                                     shop_path):
    sell(new_customer().id, services=[items.cut])
    task = _all_tasks(shop, owner)[0]
    before = dump(shop_path)
    with pytest.raises(InvalidInput) as err:
        shop.care.close_task(owner, task.id, "reached", (6, 4, 5))
    assert err.value.code == "care.bad_score"
    with pytest.raises(InvalidInput):
        shop.care.close_task(owner, task.id, "no_answer", (5, 5, 5))      # scores need the customer reached
    assert dump(shop_path) == before
    shop.care.close_task(owner, task.id, "no_answer")
    with pytest.raises(Conflict) as err:
        shop.care.close_task(owner, task.id, "reached")
    assert err.value.code == "care.task_closed"


def test_tasks_are_never_deleted_and_never_rewritten(shop, owner, new_customer, sell, items):
    sell(new_customer().id, services=[items.cut])
    with pytest.raises(Exception):
        FollowUpTask.delete().execute()
    with pytest.raises(Exception):
        FollowUpTask.update(message="x").execute()


def test_a_counter_rating_once_per_sale_from_1_to_5(shop, cashier, new_customer, sell, items):
    receipt = sell(new_customer().id, services=[items.cut])
    with pytest.raises(InvalidInput) as err:
        shop.care.rate_sale(cashier, receipt.sale_id, 0)
    assert err.value.code == "care.bad_rating"
    shop.care.rate_sale(cashier, receipt.sale_id, 5)
    with pytest.raises(Conflict):
        shop.care.rate_sale(cashier, receipt.sale_id, 4)


# -- complaints -------------------------------------------------------------------------

@pytest.fixture
def complained(shop, cashier, clock, new_customer, sell, items):
    customer = new_customer()
    clock.set(2026, 11, 23, 14, 0)
    receipt = sell(customer.id, services=[items.dye, items.care])
    clock.set(2026, 11, 23, 22, 30)
    visit_id = shop.sales.of_customer(cashier, customer.id)[0]
    visit = shop.care.visits_of(cashier, customer.id)[0][0]
    c = shop.care.open_complaint(cashier, customer.id, "result", "phone", "染发颜色不均匀", visit_id=visit)
    return customer, receipt, c


def test_a_complaint_received_at_2230_must_be_answered_by_2230_next_day(shop, cashier, clock, complained):
    _, _, c = complained
    assert c.response_due == datetime(2026, 11, 24, 22, 30)
    assert c.resolution_due == datetime(2026, 11, 26, 22, 30)
    assert c.response_mark is Mark.PENDING
    calls = [t for t in shop.care.tasks(cashier, include_later=True) if t.type is TaskType.COMPLAINT]
    assert calls[0].due_at == datetime(2026, 11, 24, 22, 30)
    clock.set(2026, 11, 24, 22, 31)
    flags = shop.care.open_complaints_of(cashier, c.customer_id)
    assert flags[0].overdue
    answered = shop.care.respond(cashier, c.id, "已致电道歉，约好周六重新补色")
    assert answered.response_mark is Mark.LATE and answered.late
    assert [p.text for p in answered.progress] == ["已致电道歉，约好周六重新补色"]


def test_the_first_response_closes_the_complaint_call_and_reaching_them_by_the_call_is_the_response(
        shop, cashier, clock, new_customer, sell, items, complained):
    _, _, c = complained
    clock.set(2026, 11, 24, 10, 0)
    shop.care.respond(cashier, c.id, "已致电道歉")
    assert not [t for t in shop.care.tasks(cashier, include_later=True) if t.type is TaskType.COMPLAINT]
    [call] = [t for t in shop.care.closed_tasks(cashier) if t.type is TaskType.COMPLAINT]
    assert call.outcome.value == "reached" and call.comment == "已致电道歉"
    assert call.closed_at == datetime(2026, 11, 24, 10)
    # the other way round: the call from the 回访 page reaches the customer
    other = new_customer("李四", "13912345678")
    second = shop.care.open_complaint(cashier, other.id, "attitude", "in_person", "前台态度冷淡")
    [task] = [t for t in shop.care.tasks(cashier, include_later=True) if t.complaint_id == second.id]
    shop.care.close_task(cashier, task.id, "no_answer")
    assert shop.care.complaint(cashier, second.id).responded_at is None      # not reached: not answered
    third = shop.care.open_complaint(cashier, other.id, "environment", "phone", "洗头水太凉")
    [task] = [t for t in shop.care.tasks(cashier, include_later=True) if t.complaint_id == third.id]
    shop.care.close_task(cashier, task.id, "reached", comment="已道歉，调了热水器")
    answered = shop.care.complaint(cashier, third.id)
    assert answered.responded_at == datetime(2026, 11, 24, 10) and not answered.flagged
    assert [p.text for p in answered.progress] == ["已道歉，调了热水器"]


def test_a_complaint_against_another_customers_visit_is_refused(shop, cashier, new_customer, complained):
    other = new_customer("李四", "13912345678")
    visit = shop.care.visits_of(cashier, complained[0].id)[0][0]
    with pytest.raises(Conflict) as err:
        shop.care.open_complaint(cashier, other.id, "attitude", "in_person", "态度差", visit_id=visit)
    assert err.value.code == "complaint.visit_of_other_customer"


def test_remedies_refund_redo_points_apology_and_resolution(shop, owner, cashier, owner_ok, complained):
    customer, receipt, c = complained
    dye_line = receipt.lines[0].sale_line_id
    with_refund = shop.care.give_remedy(cashier, c.id, "refund", sale_line_ids=[dye_line], **owner_ok)
    [refund] = with_refund.remedies
    assert refund.kind is RemedyKind.REFUND and refund.amount_fen == receipt.lines[0].amount_fen
    assert Refund.get_by_id(refund.refund_id).sale_id == receipt.sale_id
    with pytest.raises(Conflict):            # nothing left of that line: the refund flow refuses it
        shop.care.give_remedy(cashier, c.id, "refund", sale_line_ids=[dye_line], **owner_ok)
    redo = shop.care.give_remedy(cashier, c.id, "redo").remedies[-1]
    line = VisitLine.get_by_id(redo.visit_line_id)
    assert line.unit_price_fen == 0 and "免费重做" in line.note
    with pytest.raises(PermissionDenied):
        shop.care.give_remedy(cashier, c.id, "points", points=200)
    shop.care.give_remedy(cashier, c.id, "points", points=200, **owner_ok)
    assert PointsEntry.select().where(PointsEntry.customer == customer.id, PointsEntry.points == 200).exists()
    shop.care.give_remedy(cashier, c.id, "gift", note="护手霜")
    with pytest.raises(InvalidInput):
        shop.care.resolve(cashier, c.id, "")
    done = shop.care.resolve(cashier, c.id, "补色完成，客户接受")
    assert not done.open
    kinds = [t.type for t in shop.care.tasks(cashier, include_later=True)]
    assert TaskType.COMPLAINT_RESOLVED in kinds
    with pytest.raises(Conflict):
        shop.care.resolve(cashier, c.id, "again")


def test_merging_files_moves_complaints_and_tasks(shop, owner, cashier, new_customer, complained):
    customer, _, c = complained
    keep = new_customer("张三", "13712345678")
    shop.customers.merge(owner, keep.id, customer.id)
    assert shop.care.complaint(owner, c.id).customer_id == keep.id
    assert {t.customer_id for t in shop.care.tasks(owner, include_later=True)} == {keep.id}


def test_live_segments_name_every_paid_customer_and_give_at_risk_reasons(shop, owner, cashier, clock, new_customer,
                                                                       sell, items):
    a, b, c = new_customer(), new_customer("李四", "13912345678"), new_customer("王五", "13612345678")
    for day in (1, 3, 5):
        clock.set(2026, day, 10, 11, 0)
        sell(a.id, services=[items.cut])
    clock.set(2026, 11, 1, 11, 0)
    sell(b.id, services=[items.dye])
    clock.set(2026, 11, 20, 11, 0)
    sell(c.id, services=[items.wcb])
    view = shop.care.segments(cashier)
    assert {l.segment.customer_id for l in view.lines} == {a.id, b.id, c.id}
    assert all("*" in l.phone for l in view.lines)          # the cashier sees masked phones
    assert "13812345678" in {l.phone for l in shop.care.segments(owner).lines}
    risky = [l for l in view.lines if l.reason]
    assert risky and all(l.segment.value_class.value == "at_risk" for l in risky)
    assert any("天未到店" in l.reason for l in risky)
    assert view.sentences[-1].startswith("重点客户")


def test_the_segments_page_sees_a_sale_made_after_it_was_opened(shop, owner, clock, new_customer, sell, items):
    a = new_customer()
    sell(a.id, services=[items.cut])
    assert [l.segment.customer_id for l in shop.care.segments(owner).lines] == [a.id]
    b = new_customer("李四", "13912345678")
    sell(b.id, services=[items.dye])
    assert {l.segment.customer_id for l in shop.care.segments(owner).lines} == {a.id, b.id}


def test_a_deadline_setting_of_0_is_refused_and_nothing_is_written(shop, owner, dump, shop_path):
    before = dump(shop_path)
    for key in ("complaints.first_response_hours", "complaints.resolution_hours", "care.visit_followup_hours"):
        with pytest.raises(InvalidInput):
            shop.settings.update(owner, {key: 0})
    assert dump(shop_path) == before


def test_the_inactive_call_follows_a_longer_absence_setting(shop, owner, clock, new_member, sell, items):
    member = new_member(consent_marketing=True)
    shop.settings.update(owner, {"care.inactive_days": 300})
    clock.set(2025, 6, 1, 15, 0)
    sell(member.id, services=[items.cut])
    clock.set(2026, 3, 28, 9, 0)           # day 300
    shop.care.run_daily()
    assert [t.due_at.date().isoformat() for t in shop.care.tasks(owner) if t.type is TaskType.INACTIVE] == ["2026-03-28"]


def test_erasing_a_customer_wipes_what_care_wrote_about_them(shop, owner, cashier, items, new_customer, sell, clock):
    """PIPL erasure: follow-up messages and comments, complaint texts and notes are emptied; the
    dates, categories, outcomes and scores stay for the shop's figures, and stay frozen."""
    import peewee

    from salon_desk.db.models import Complaint, ComplaintProgress, ComplaintRemedy, FollowUpTask
    zhang = new_customer()
    sell(zhang.id, [items.cut])
    task = [t for t in shop.care.tasks(owner, include_later=True) if t.customer_id == zhang.id][0]
    shop.care.close_task(owner, task.id, "reached", (5, 4, 5), "说头皮有点敏感")
    complaint = shop.care.open_complaint(cashier, zhang.id, "attitude", "phone", "对前台态度不满，有皮肤过敏史")
    shop.care.respond(cashier, complaint.id, "已致电道歉")
    shop.care.give_remedy(cashier, complaint.id, "apology", note="店长亲自道歉")
    shop.care.resolve(cashier, complaint.id, "顾客接受道歉")
    clock.advance(minutes=5)
    shop.customers.anonymise(owner, zhang.id)
    row = Complaint.get_by_id(complaint.id)
    assert (row.description, row.resolution, row.category) == ("", "", "attitude")
    assert {p.text for p in ComplaintProgress.select().where(ComplaintProgress.complaint == row.id)} == {""}
    assert {r.note for r in ComplaintRemedy.select().where(ComplaintRemedy.complaint == row.id)} == {""}
    tasks = list(FollowUpTask.select().where(FollowUpTask.customer == zhang.id))
    assert tasks and all(t.message == "" and t.comment == "" for t in tasks)
    closed = FollowUpTask.get_by_id(task.id)
    assert (closed.outcome, closed.attitude, closed.technique, closed.environment) == ("reached", 5, 4, 5)
    with pytest.raises(peewee.IntegrityError):       # emptied, never rewritten
        Complaint.update(description="别的内容").where(Complaint.id == row.id).execute()
    with pytest.raises(peewee.IntegrityError):
        FollowUpTask.update(outcome="declined").where(FollowUpTask.id == task.id).execute()


def test_the_segments_summed_by_the_database_follow_the_rule_on_every_visit(shop, owner, clock, new_customer, sell,
                                                                           items, owner_ok):
    """The page sums each customer's paid visits in SQL; the rule (segments.rfm_facts) reads them one
    by one. Both must agree on the edges: the 12- and 24-month boundaries, two visits on one day,
    refunds (whole and in part), a visit paying nothing, many visits."""
    from datetime import date, timedelta

    from salon_desk.db.care import live_snapshot
    from salon_desk.segments import rfm_facts, segment

    as_of = date(2026, 11, 22)
    d = date
    plans = {
        "甲": [d(2025, 11, 22), d(2025, 11, 23), d(2026, 11, 22)],          # 12 months ago to the day: not in F, M
        "乙": [d(2024, 11, 22), d(2024, 11, 23), d(2026, 3, 1)],            # 24 months ago to the day: left out
        "丙": [d(2026, 5, 5), d(2026, 5, 5), d(2026, 6, 1)],                # two visits on one day
        "丁": [d(2026, 1, 10) + timedelta(days=7 * k) for k in range(9)],   # many visits
        "戊": [d(2026, 2, 1), d(2026, 4, 1)],                               # refunded in part, then whole
        "己": [d(2026, 7, 7)],
    }
    people = {name: new_customer(name, f"1380000{n:04d}") for n, name in enumerate(plans)}
    sales: dict[str, list] = {}
    for day, name in sorted((day, name) for name, days in plans.items() for day in days):
        clock.set(day.year, day.month, day.day, 11, 0)
        sales.setdefault(name, []).append(sell(people[name].id, services=[items.cut, items.care]))
    clock.set(2026, 8, 1, 12, 0)
    first, second = sales["戊"]
    shop.sales.refund(owner, first.sale_id, [first.lines[0].sale_line_id], reason="不满意", **owner_ok)
    shop.sales.refund(owner, second.sale_id, reason="不满意", **owner_ok)
    clock.set(2026, 11, 22, 18, 0)
    ctx = shop.care.ctx
    start = f"{date(2024, 11, 23)} 00:00:00"
    visits = [(cid, date.fromisoformat(day), paid) for cid, day, paid in
              ctx.execute(ctx.sql.RFM_VISITS, (start, start, f"{as_of + timedelta(days=1)} 00:00:00")).fetchall()]
    expected = segment(rfm_facts(visits, as_of), as_of)
    got = live_snapshot(ctx, as_of)
    assert got == expected
    seen = {l.name: l.segment for l in shop.care.segments(owner).lines}
    assert set(seen) == set(plans)
    fen = 26800 + 12800
    assert seen["甲"][1:4] == (0, 2, 2 * fen) and seen["甲"].spend_24m_fen == 3 * fen
    assert seen["甲"].usual_interval_days == 183                          # gaps 1 and 364: median 182.5
    assert seen["乙"][1:4] == (266, 1, fen) and seen["乙"].usual_interval_days == 463
    assert seen["丙"][1:4] == (174, 3, 3 * fen) and seen["丙"].usual_interval_days == 27
    assert seen["丁"].frequency == 9 and seen["丁"].usual_interval_days == 7
    assert seen["戊"][1:4] == (294, 1, 12800) and seen["戊"].usual_interval_days is None   # the cut refunded
    assert seen["己"].usual_interval_days is None


def test_the_daily_job_finds_the_regulars_due_for_their_cycle_and_no_one_else(shop, owner, clock, new_customer,
                                                                             sell, items):
    """Hair every 35 days: the call is due 3 days before the 4th visit. Not for: no marketing consent,
    three visits in two categories, three visits on two days, a cycle broken by a long absence."""
    from datetime import date, timedelta

    def visits(customer, days, services):
        for day, service in zip(days, services):
            clock.set(day.year, day.month, day.day, 11, 0)
            sell(customer.id, services=[service])

    d = date(2026, 8, 1)
    every_35 = [d, d + timedelta(days=35), d + timedelta(days=70)]          # last: 10 October
    regular = new_customer("周期", "13800000001", consent_marketing=True)
    quiet = new_customer("不打扰", "13800000002")
    mixed = new_customer("混合", "13800000003", consent_marketing=True)
    same_day = new_customer("同日", "13800000004", consent_marketing=True)
    gone = new_customer("久违", "13800000005", consent_marketing=True)
    long_ago = [date(2025, 11, 1), date(2025, 12, 6), date(2026, 1, 10)]    # expected 14 Feb: broken by now
    plan = [(regular, every_35, [items.dye] * 3), (quiet, every_35, [items.dye] * 3),
            (mixed, every_35, [items.dye, items.promo, items.promo]),
            (same_day, [d, d, d + timedelta(days=35)], [items.dye] * 3), (gone, long_ago, [items.cut] * 3)]
    for day, n, customer, service in sorted((day, n, c, s) for n, (c, days, services) in enumerate(plan)
                                            for day, s in zip(days, services)):
        visits(customer, [day], [service])
    clock.set(2026, 11, 10, 9, 0)              # 14 November - 3 days is still ahead
    assert not [t for t in _all_tasks(shop, owner) if t.type is TaskType.CARE_CYCLE]
    shop.care.run_daily()
    assert not [t for t in _all_tasks(shop, owner) if t.type is TaskType.CARE_CYCLE]
    clock.set(2026, 11, 11, 9, 0)
    shop.care.run_daily()
    shop.care.run_daily()
    cycle = [t for t in _all_tasks(shop, owner) if t.type is TaskType.CARE_CYCLE]
    assert [(t.customer_name, t.due_at) for t in cycle] == [("周期", datetime(2026, 11, 11))]
    assert "每35天" in cycle[0].message and "11月14日" in cycle[0].message
