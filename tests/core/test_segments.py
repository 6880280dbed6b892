"""Segments: RFM facts, tertiles under heavy ties, the owner's bands, value classes, reasons, movement."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date, timedelta

import pytest
from hypothesis import given, strategies as st

from salon_desk.errors import InvalidInput
from salon_desk.segments import (
    CLASS_RULE, TERTILE_RULE, Cuts, Measure, RFMFacts, RFMTotals, Segment, ValueClass, at_risk_list,
    at_risk_reason, facts_from_totals, fixed_cuts, months_before, movement, rfm_facts, segment, tertile_cuts,
    usual_interval, value_class,
)

AS_OF = date(2026, 11, 30)


# --- facts ---------------------------------------------------------------------------

def test_months_before_keeps_the_day_or_takes_the_month_end():
    assert months_before(date(2026, 11, 30), 12) == date(2025, 11, 30)
    assert months_before(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert months_before(date(2028, 3, 31), 1) == date(2028, 2, 29)
    assert months_before(date(2026, 1, 15), 24) == date(2024, 1, 15)


def test_rfm_facts_count_paid_visits_in_the_windows():
    rows = [
        (1, date(2026, 11, 20), 26_800),   # 10 days ago
        (1, date(2026, 6, 1), 12_800),
        (1, date(2025, 12, 1), 10_000),    # inside 12 months (after 2025-11-30)
        (1, date(2025, 11, 30), 9_900),    # exactly 12 months: counts for 24 months only
        (1, date(2026, 6, 1), 0),          # paid nothing: not a paid visit
        (2, date(2024, 12, 1), 50_000),    # inside 24 months, not 12
        (3, date(2024, 11, 30), 50_000),   # exactly 24 months: outside the population
        (4, date(2026, 12, 1), 50_000),    # after as_of: ignored
    ]
    facts = {f.customer_id: f for f in rfm_facts(rows, AS_OF)}
    assert set(facts) == {1, 2}
    one = facts[1]
    assert (one.recency_days, one.frequency, one.monetary_fen, one.spend_24m_fen) == (10, 3, 49_600, 59_500)
    assert one.usual_interval_days == 172          # median of 1, 182, 172 days between the four visit days
    two = facts[2]
    assert (two.recency_days, two.frequency, two.monetary_fen, two.usual_interval_days) == (729, 0, 0, None)



def test_the_usual_interval_is_the_median_gap_between_distinct_days_rounded_half_up():
    assert usual_interval([10]) is None and usual_interval([10, 10]) is None
    assert usual_interval([40, 10, 10, 20]) == 15             # days 10, 20, 40: gaps 10 and 20
    assert usual_interval([0, 1, 365]) == 183                  # gaps 1 and 364: 182.5 rounds up
    assert usual_interval([0, 7, 14, 60]) == 7


def _totals_as_the_database_sums_them(rows, as_of):
    """What RFM_TOTALS returns for ``rows``, summed here one customer at a time."""
    start24, start12 = months_before(as_of, 24), months_before(as_of, 12)
    kept: dict[int, list] = {}
    for cid, day, paid in rows:
        if paid > 0 and start24 < day <= as_of:
            kept.setdefault(cid, []).append((day.toordinal(), paid, day > start12))
    out = []
    for cid, visits in kept.items():
        days = [d for d, _, _ in visits]
        out.append(RFMTotals(cid, as_of.toordinal() - max(days), sum(1 for *_, in12 in visits if in12),
                             sum(p for _, p, in12 in visits if in12), sum(p for _, p, _ in visits),
                             max(days) - min(days), len(visits),
                             ",".join(map(str, days)) if len(visits) >= 3 else None))
    return out


visit_rows = st.lists(st.tuples(st.integers(1, 6), st.dates(date(2024, 10, 1), date(2026, 12, 5)),
                                st.sampled_from([0, 6_800, 26_800, 100_000])), max_size=40)


@given(visit_rows)
def test_facts_from_the_databases_totals_are_the_rules_facts(rows):
    assert facts_from_totals(_totals_as_the_database_sums_them(rows, AS_OF)) == rfm_facts(rows, AS_OF)


# --- tertiles -----------------------------------------------------------------------

def test_a_shop_where_70_percent_came_once_keeps_three_bands_and_equal_visits_score_equal():
    visits = [1] * 70 + [2] * 20 + [3] * 4 + [4] * 3 + [6] * 3
    cuts = tertile_cuts(Measure.FREQUENCY, visits)
    assert (cuts.mid, cuts.top) == (2, 3)
    scores = Counter((v, cuts.score(v)) for v in visits)
    assert scores == {(1, 1): 70, (2, 2): 20, (3, 3): 4, (4, 3): 3, (6, 3): 3}
    assert cuts.sentence() == "F（近12个月到店次数，全店三分位）：0–1 次 1 分；2 次 2 分；3 次及以上 3 分"


def test_with_customers_not_seen_this_year_the_one_visit_customers_are_the_middle():
    # 10 came only 13-24 months ago (F = 0); 60 once; 20 twice; 10 three times
    visits = [0] * 10 + [1] * 60 + [2] * 20 + [3] * 10
    cuts = tertile_cuts(Measure.FREQUENCY, visits)
    # {0} {1} {2,3}: sizes 10/60/30 are closer to thirds than 70/20/10 (sum of squares 11400 < 18600)
    assert [cuts.score(v) for v in (0, 1, 2, 3)] == [1, 2, 3, 3]


def test_recency_scores_fewer_days_higher():
    cuts = tertile_cuts(Measure.RECENCY, list(range(1, 301)))
    assert (cuts.top, cuts.mid) == (100, 200)
    assert [cuts.score(d) for d in (1, 100, 101, 200, 201, 700)] == [3, 3, 2, 2, 1, 1]
    assert cuts.sentence() == "R（距上次消费天数，全店三分位）：0–100 天 3 分；101–200 天 2 分；201 天及以上 1 分"


def test_money_cuts_print_in_yuan():
    cuts = tertile_cuts(Measure.MONETARY, [10_000] * 5 + [20_000] * 3 + [99_900] * 2)
    assert cuts.sentence() == ("M（近12个月消费金额，全店三分位）：¥0.00–¥199.99 1 分；"
                               "¥200.00–¥998.99 2 分；¥999.00及以上 3 分")


def test_two_values_score_1_and_3_one_value_scores_2():
    two = tertile_cuts(Measure.FREQUENCY, [1, 1, 1, 2])
    assert (two.score(1), two.score(2)) == (1, 3)
    one = tertile_cuts(Measure.RECENCY, [5, 5, 5])
    assert one.score(5) == 2
    assert tertile_cuts(Measure.MONETARY, []).score(0) == 1


def test_the_owner_can_fix_the_bands():
    r = fixed_cuts(Measure.RECENCY, mid=90, top=30)
    assert [r.score(d) for d in (30, 31, 90, 91)] == [3, 2, 2, 1]
    assert r.sentence() == "R（距上次消费天数，店长设定）：0–30 天 3 分；31–90 天 2 分；91 天及以上 1 分"
    with pytest.raises(InvalidInput) as err:
        fixed_cuts(Measure.RECENCY, mid=30, top=90)
    assert err.value.code == "segments.bad_bands"
    with pytest.raises(InvalidInput):
        fixed_cuts(Measure.FREQUENCY, mid=5, top=2)
    facts = [RFMFacts(1, 10, 5, 100_000), RFMFacts(2, 200, 1, 5_000)]
    snap = segment(facts, AS_OF, fixed={Measure.FREQUENCY: fixed_cuts(Measure.FREQUENCY, 2, 4)})
    assert snap.frequency.fixed and not snap.recency.fixed
    with pytest.raises(InvalidInput):
        segment(facts, AS_OF, fixed={Measure.FREQUENCY: r})


# --- value classes ------------------------------------------------------------------

@pytest.mark.parametrize("rfm, expected", [
    ((3, 3, 3), ValueClass.KEY),
    ((1, 3, 3), ValueClass.AT_RISK),          # a big spender who stopped coming
    ((3, 1, 1), ValueClass.AT_RISK),          # F and M both low, however recent
    ((2, 1, 1), ValueClass.AT_RISK),
    ((3, 2, 2), ValueClass.STABLE),
    ((2, 3, 3), ValueClass.STABLE),
    ((3, 3, 2), ValueClass.STABLE),
    ((2, 2, 2), ValueClass.STABLE),
    ((3, 1, 3), ValueClass.POTENTIAL),        # comes rarely, spends well: invite more often
    ((2, 3, 1), ValueClass.POTENTIAL),        # comes often, spends little: room to grow
    ((3, 1, 2), ValueClass.POTENTIAL),
])
def test_value_classes(rfm, expected):
    assert value_class(*rfm) is expected


def test_the_rules_are_printable():
    assert "重点客户：R、F、M 均为 3 分" in CLASS_RULE and "风险客户：R 为 1 分，或 F 和 M 均为 1 分" in CLASS_RULE
    assert "数值相同的客户一定在同一组" in TERTILE_RULE


def shop() -> list[RFMFacts]:
    # 9 customers. R: nine different values, three to a band (<=20 / <=60 / more days).
    # F 0,0,1,1,2,3,4,6,8: cuts after 4 and 7 customers ({0,1} {2,3,4} {6,8}) tie with three
    # other cuts at the least sum of squares; the smaller top group decides.
    # M 0,0,¥100 | ¥200,¥800,¥1,200 | ¥1,500,¥3,000,¥4,000.
    return [
        RFMFacts(1, 5, 8, 400_000, 600_000, 30),
        RFMFacts(2, 10, 6, 300_000, 500_000, 40),
        RFMFacts(3, 20, 1, 10_000, 10_000, None),
        RFMFacts(4, 40, 4, 150_000, 200_000, 60),
        RFMFacts(5, 50, 3, 120_000, 150_000, 70),
        RFMFacts(6, 60, 1, 20_000, 20_000, None),
        RFMFacts(7, 97, 2, 80_000, 900_000, 35),
        RFMFacts(8, 300, 0, 0, 30_000, None),
        RFMFacts(9, 400, 0, 0, 60_000, 90),
    ]


def test_a_small_shop_segmented_by_hand():
    snap = segment(shop(), AS_OF)
    by_id = {s.customer_id: s for s in snap.segments}
    assert [(by_id[c].r, by_id[c].f, by_id[c].m) for c in range(1, 10)] == [
        (3, 3, 3), (3, 3, 3), (3, 1, 1), (2, 2, 3), (2, 2, 2), (2, 1, 2), (1, 2, 2), (1, 1, 1), (1, 1, 1)]
    assert snap.counts() == {ValueClass.KEY: 2, ValueClass.POTENTIAL: 1, ValueClass.STABLE: 2,
                             ValueClass.AT_RISK: 4}
    assert len(snap.sentences()) == 5
    assert [s.customer_id for s in at_risk_list(snap)] == [7, 9, 8, 3]
    assert at_risk_list(snap, limit=2) == at_risk_list(snap)[:2]
    assert at_risk_reason(by_id[7]) == "97 天未到店，平时约 35 天一次"
    assert at_risk_reason(by_id[8]) == "300 天未到店，近两年只来过一天"
    assert at_risk_reason(by_id[3]) == "近12个月到店 1 次，消费 ¥100.00，均偏低"
    # two visits a day apart (a redo) are no rhythm: the reason counts the visits instead
    redo = by_id[7]._replace(usual_interval_days=1, frequency=2)
    assert at_risk_reason(redo) == "97 天未到店，近12个月来过 2 次"
    assert at_risk_reason(redo._replace(frequency=0, recency_days=400)) == "400 天未到店"
    assert at_risk_reason(by_id[7]._replace(usual_interval_days=7)) == "97 天未到店，平时约 7 天一次"


def test_movement_between_two_snapshots():
    last = {1: ValueClass.KEY, 2: ValueClass.STABLE, 3: ValueClass.AT_RISK, 4: ValueClass.POTENTIAL}
    now = {1: ValueClass.KEY, 2: ValueClass.AT_RISK, 4: ValueClass.STABLE, 5: ValueClass.POTENTIAL}
    moved = movement(last, now)
    assert moved.count(ValueClass.STABLE, ValueClass.AT_RISK) == 1
    assert moved.count(ValueClass.AT_RISK, None) == 1        # left the 24-month population
    assert moved.count(None, ValueClass.POTENTIAL) == 1      # new this month
    assert moved.count(ValueClass.KEY, ValueClass.KEY) == 1
    assert moved.net(ValueClass.AT_RISK) == 0 and moved.net(ValueClass.STABLE) == 0
    assert moved.net(ValueClass.KEY) == 0 and moved.net(ValueClass.POTENTIAL) == 0
    assert sum(n for _, _, n in moved.cells) == 5


# --- properties ----------------------------------------------------------------------

values = st.lists(st.integers(min_value=0, max_value=40), min_size=1, max_size=200)
skewed = st.lists(st.sampled_from([0, 1, 1, 1, 1, 1, 1, 2, 2, 3, 5, 9]), min_size=1, max_size=300)
measures = st.sampled_from(list(Measure))


@given(measures, st.one_of(values, skewed))
def test_scores_are_monotone_in_the_value_and_equal_values_score_equal(measure, column):
    cuts = tertile_cuts(measure, column)
    ordered = sorted(set(column))
    scores = [cuts.score(v) for v in ordered]
    if measure is Measure.RECENCY:
        scores.reverse()
    assert scores == sorted(scores)
    assert all(s in (1, 2, 3) for s in scores)


@given(measures, st.one_of(values, skewed))
def test_with_three_values_or_more_every_score_is_used(measure, column):
    cuts = tertile_cuts(measure, column)
    used = {cuts.score(v) for v in column}
    distinct = len(set(column))
    assert used == ({1, 2, 3} if distinct >= 3 else {1, 3} if distinct == 2 else {2})


def brute_force_sizes(column: list[int]) -> tuple[int, int, int]:
    """Best group sizes by trying every pair of cuts between distinct values."""
    counts = Counter(column)
    distinct = sorted(counts)
    n = len(column)
    best = None
    for i, j in itertools.combinations(range(1, len(distinct)), 2):
        low = sum(counts[v] for v in distinct[:i])
        mid = sum(counts[v] for v in distinct[i:j])
        bad = (3 * low - n) ** 2 + (3 * mid - n) ** 2 + (3 * (n - low - mid) - n) ** 2
        key = (bad, -(low + mid), -low)      # ties: smaller top group, then larger bottom group
        if best is None or key < best:
            best = key
    assert best is not None
    low, low_mid = -best[2], -best[1]
    return low, low_mid - low, n - low_mid


@given(st.one_of(values, skewed).filter(lambda c: len(set(c)) >= 3))
def test_the_groups_are_the_closest_to_thirds_of_all_tie_keeping_cuts(column):
    cuts = tertile_cuts(Measure.FREQUENCY, column)
    sizes = Counter(cuts.score(v) for v in column)
    assert (sizes[1], sizes[2], sizes[3]) == brute_force_sizes(column)


rfm_rows = st.lists(st.tuples(st.integers(0, 729), st.integers(0, 30), st.integers(0, 2_000_000)),
                    min_size=1, max_size=150)


@given(rfm_rows)
def test_every_customer_is_in_exactly_one_class(rows):
    facts = [RFMFacts(i, r, f, m, m) for i, (r, f, m) in enumerate(rows)]
    snap = segment(facts, AS_OF)
    assert sorted(s.customer_id for s in snap.segments) == list(range(len(rows)))
    assert sum(snap.counts().values()) == len(rows)
    for s in snap.segments:
        memberships = [s.r == s.f == s.m == 3,
                       s.value_class is ValueClass.AT_RISK,
                       s.value_class is ValueClass.STABLE,
                       s.value_class is ValueClass.POTENTIAL]
        assert (s.value_class is ValueClass.KEY) == memberships[0]
        assert sum(memberships) == 1


@given(st.integers(1, 3), st.integers(1, 3), st.integers(1, 3))
def test_the_class_rules_as_written(r, f, m):
    cls = value_class(r, f, m)
    assert (cls is ValueClass.KEY) == (r == f == m == 3)
    assert (cls is ValueClass.AT_RISK) == (r == 1 or (f == 1 and m == 1))
    assert (cls is ValueClass.STABLE) == (not r == f == m == 3 and r >= 2 and f >= 2 and m >= 2)


def test_a_segment_is_plain_data():
    s = Segment(1, 97, 2, 80_000, 1, 2, 2, ValueClass.AT_RISK)
    assert s.usual_interval_days is None and isinstance(Cuts(Measure.FREQUENCY, 1, 2).score(5), int)
    assert rfm_facts([], AS_OF) == [] and segment([], AS_OF).counts()[ValueClass.KEY] == 0
    assert months_before(AS_OF, 0) == AS_OF and AS_OF - timedelta(days=0) == AS_OF


def test_a_shop_where_70_percent_have_exactly_one_visit_from_visit_rows():
    rows = []
    for cid in range(1, 101):
        count = 1 if cid <= 70 else 2 if cid <= 90 else 4
        for k in range(count):
            rows.append((cid, AS_OF - timedelta(days=(cid * 3) % 200 + 30 * k), 10_000 + cid * 100))
    snap = segment(rfm_facts(rows, AS_OF), AS_OF)
    f_scores = Counter((s.frequency, s.f) for s in snap.segments)
    assert f_scores == {(1, 1): 70, (2, 2): 20, (4, 3): 10}
    # cut points are values customers have: nobody came 3 times, so 4 starts the top band
    assert snap.frequency.sentence() == "F（近12个月到店次数，全店三分位）：0–1 次 1 分；2–3 次 2 分；4 次及以上 3 分"
    assert sum(snap.counts().values()) == 100
    # a one-visit customer is at risk when the spend is low as well, never key or stable
    one_visit = [s for s in snap.segments if s.frequency == 1]
    assert {s.value_class for s in one_visit} <= {ValueClass.AT_RISK, ValueClass.POTENTIAL}
    assert all(s.value_class is ValueClass.AT_RISK for s in one_visit if s.m == 1 or s.r == 1)


@given(rfm_rows)
def test_customers_with_equal_values_get_equal_scores(rows):
    facts = [RFMFacts(i, r, f, m, m) for i, (r, f, m) in enumerate(rows)]
    snap = segment(facts, AS_OF)
    for attr, score in (("recency_days", "r"), ("frequency", "f"), ("monetary_fen", "m")):
        seen: dict[int, int] = {}
        for s in snap.segments:
            assert seen.setdefault(getattr(s, attr), getattr(s, score)) == getattr(s, score)
