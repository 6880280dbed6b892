"""The monthly report's care figures, each worked out again here straight from the demo shop's rows."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from salon_desk.db import Shop
from salon_desk.db.demo import build_demo

NOW = datetime(2026, 11, 22, 16, 0)
LO, HI = "2026-10-01 00:00:00", "2026-11-01 00:00:00"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("care-demo") / "demo.sqlite"
    build_demo(path, customers=160, months=4, seed=11, clock=lambda: NOW)
    shop = Shop.open(path, clock=lambda: NOW)
    owner = shop.staff.login("owner", "owner123")
    figures = shop.reports.month(owner, 2026, 10)
    con = sqlite3.connect(path)
    yield figures, con
    con.close()
    shop.close()


def rows(con, sql, *params):
    return con.execute(sql, params).fetchall()


def test_complaints_rate_and_categories(demo):
    f, con = demo
    c = f.care.complaints
    received = rows(con, "SELECT category FROM complaint WHERE received_at >= ? AND received_at < ?", LO, HI)
    visits = rows(con, "SELECT COUNT(*) FROM sale WHERE created_at >= ? AND created_at < ? AND status = 'completed'",
                  LO, HI)[0][0]
    assert received, "the demo has complaints in October"
    assert c.received == len(received)
    assert (c.rate.numerator, c.rate.denominator) == (len(received), visits)
    by_category = dict(c.by_category)
    for (category,) in received:
        assert by_category[category] >= 1
    assert sum(by_category.values()) == len(received)


def test_first_responses_within_24_hours_and_average_times(demo):
    f, con = demo
    c = f.care.complaints
    found = rows(con, "SELECT received_at, COALESCE(responded_at, resolved_at), resolved_at FROM complaint"
                      " WHERE received_at >= ? AND received_at < ?", LO, HI)
    parse = datetime.fromisoformat
    on_time = sum(1 for r, first, _ in found if first and parse(first) <= parse(r) + timedelta(hours=24))
    answered = [(parse(first) - parse(r)).total_seconds() // 60 for r, first, _ in found if first]
    assert (c.responded_in_time.numerator, c.responded_in_time.denominator) == (on_time, len(found))
    assert c.response_minutes.count == len(answered) and c.response_minutes.total == sum(answered)
    resolved = [(parse(done) - parse(r)).total_seconds() // 60 for r, _, done in found if done]
    assert c.resolution_minutes.total == sum(resolved)


def test_satisfaction_follow_up_scores_and_counter_ratings_apart(demo):
    f, con = demo
    s = f.care.satisfaction
    scores = rows(con, "SELECT attitude, technique, environment FROM followup_task"
                       " WHERE closed_at >= ? AND closed_at < ? AND attitude IS NOT NULL", LO, HI)
    ratings = [r for (r,) in rows(con, "SELECT rating FROM counter_rating WHERE at >= ? AND at < ?", LO, HI)]
    assert scores and ratings
    assert (s.attitude.total, s.attitude.count) == (sum(a for a, _, _ in scores), len(scores))
    assert (s.overall.total, s.overall.count) == (sum(map(sum, scores)), 3 * len(scores))
    assert (s.counter.total, s.counter.count) == (sum(ratings), len(ratings))


def test_follow_ups_due_done_and_on_time(demo):
    f, con = demo
    u = f.care.followups
    due = rows(con, "SELECT due_at, all_day, closed_at FROM followup_task WHERE due_at >= ? AND due_at < ?", LO, HI)
    done = [d for d in due if d[2] is not None and d[2] < HI]
    on_time = [d for d in done if (d[2][:10] <= d[0][:10] if d[1] else d[2] <= d[0])]
    assert (u.due, u.done, u.done_on_time) == (len(due), len(done), len(on_time))
    assert 0 < u.done_on_time < u.due


def test_segments_at_month_end_with_last_month_and_the_at_risk_list(demo):
    f, con = demo
    care = f.care
    stored = dict(rows(con, "SELECT r.value_class, COUNT(*) FROM segment_row r JOIN segment_snapshot s"
                            " ON s.id = r.snapshot_id WHERE s.month = '2026-10' GROUP BY r.value_class"))
    before = dict(rows(con, "SELECT r.value_class, COUNT(*) FROM segment_row r JOIN segment_snapshot s"
                            " ON s.id = r.snapshot_id WHERE s.month = '2026-09' GROUP BY r.value_class"))
    for code, now, then in care.segment_counts:
        assert now == stored.get(code, 0)
        assert then == before.get(code, 0)
    spends = [a.spend_24m_fen for a in care.at_risk]
    assert spends == sorted(spends, reverse=True) and len(spends) <= 30
    assert all("天" in a.reason or "偏低" in a.reason for a in care.at_risk)
    assert care.segments_as_of.isoformat() == "2026-10-31"
