"""Customer segments (SPEC §7): RFM scores 1-3 and the four value classes, as plain data.

Measures, as of a day D, over customers with at least one paid visit in the
24 months up to D (a paid visit: a visit whose sale took more than ¥0 after
refunds; "in the last N months" means after the same day N months before D,
up to and including D):

- R: days from the last paid visit to D (fewer is better);
- F: paid visits in the last 12 months (0 if the last one is older);
- M: paid in the last 12 months, in fen.

Scores by shop-wide tertiles where ties never split: the customers are
sorted by the measure and cut into three groups of whole values (customers
with the same value are always in the same group, so equal values get equal
scores); of all such cuts, the one whose group sizes are closest to a third
each (least sum of squared differences) is taken, every group non-empty when
there are at least three different values; equally good cuts go to the one
with the smaller top group, then the larger bottom group. With two different
values they score 1 and 3; with one, everyone scores 2. The owner may fix
bands instead (:func:`fixed_cuts`).

Value classes (checked in this order, so every customer is in exactly one):
重点 key R=F=M=3; 风险 at risk R=1, or F=1 and M=1; 稳定 stable F>=2 and
M>=2; 潜力 potential the rest (recent enough, one of F and M still low: room
to grow).
"""

from __future__ import annotations

import bisect
import calendar
from collections import Counter
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Callable, Iterable, Mapping, NamedTuple, Sequence

from .errors import InvalidInput
from .money import Fen, format_fen

TERTILE_RULE = ("得分按全店三分位：把客户按该项数值排序，分成三组，数值相同的客户一定在同一组（得分相同）；"
                "在所有分法中取三组人数最接近各占三分之一的一种（至少有三种不同数值时每组都有人；"
                "两种数值时分别为 1 分和 3 分，只有一种数值时都是 2 分）。店长也可以自行设定分段。")

CLASS_RULE = ("重点客户：R、F、M 均为 3 分；风险客户：R 为 1 分，或 F 和 M 均为 1 分；"
              "稳定客户：其余客户中 F 和 M 均不低于 2 分；潜力客户：其余客户（近期来过，"
              "但到店次数或消费金额仍偏低，有提升空间）。")

AT_RISK_LIST_SIZE = 30
RHYTHM_MIN_DAYS = 7          # a usual interval shorter than a week is not quoted as the customer's rhythm


class Measure(StrEnum):
    RECENCY = "R"
    FREQUENCY = "F"
    MONETARY = "M"


class ValueClass(StrEnum):
    KEY = "key"
    POTENTIAL = "potential"
    STABLE = "stable"
    AT_RISK = "at_risk"


VALUE_CLASS_ZH: dict[ValueClass, str] = {
    ValueClass.KEY: "重点客户",
    ValueClass.POTENTIAL: "潜力客户",
    ValueClass.STABLE: "稳定客户",
    ValueClass.AT_RISK: "风险客户",
}


def value_class(r: int, f: int, m: int) -> ValueClass:
    if r == 3 and f == 3 and m == 3:
        return ValueClass.KEY
    if r == 1 or (f == 1 and m == 1):
        return ValueClass.AT_RISK
    if f >= 2 and m >= 2:
        return ValueClass.STABLE
    return ValueClass.POTENTIAL


# --- facts -----------------------------------------------------------------------

class RFMFacts(NamedTuple):
    """One customer's measures. A named tuple, like :class:`Segment`: a shop has 100k of them."""

    customer_id: int
    recency_days: int
    frequency: int                      # paid visits in 12 months
    monetary_fen: Fen                   # paid in 12 months
    spend_24m_fen: Fen = 0              # paid in 24 months: orders the at-risk list
    usual_interval_days: int | None = None   # median days between paid visits in 24 months


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (31 March - 1 month = 28/29 February)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def rfm_facts(visits: Iterable[tuple[int, date, Fen]], as_of: date) -> list[RFMFacts]:
    """Facts from ``(customer_id, day, paid_fen)`` rows, one per visit, in any order.

    Rows after ``as_of``, older than 24 months or paying nothing are ignored.
    Several visits on one day count as several visits for F, as one day for
    the usual interval.
    """
    start24, start12 = months_before(as_of, 24), months_before(as_of, 12)
    by_customer: dict[int, list[tuple[date, Fen]]] = {}
    for cid, day, paid in visits:
        if paid > 0 and start24 < day <= as_of:
            seen = by_customer.get(cid)
            if seen is None:
                by_customer[cid] = [(day, paid)]
            else:
                seen.append((day, paid))
    facts = []
    for cid, rows in by_customer.items():
        frequency = money12 = money24 = 0
        for day, paid in rows:
            money24 += paid
            if day > start12:
                frequency += 1
                money12 += paid
        last = max(day for day, _ in rows)
        interval = usual_interval(day.toordinal() for day, _ in rows)
        facts.append(RFMFacts(cid, (as_of - last).days, frequency, money12, money24, interval))
    facts.sort(key=lambda f: f.customer_id)
    return facts


def usual_interval(day_numbers: Iterable[int]) -> int | None:
    """The median of the days between consecutive distinct visit days (given as day numbers, any
    order, repeats allowed), rounded half up; None with fewer than two distinct days."""
    distinct = sorted(set(day_numbers))
    n = len(distinct) - 1                   # gaps
    if n < 1:
        return None
    gaps = sorted([b - a for a, b in zip(distinct, distinct[1:])])
    half = n // 2
    if n % 2:
        return gaps[half]
    return (gaps[half - 1] + gaps[half] + 1) // 2     # the mean of the middle two, half up


class RFMTotals(NamedTuple):
    """One customer's paid visits of the 24 months, summed by the database (see :func:`facts_from_totals`)."""

    customer_id: int
    recency_days: int
    frequency: int                      # paid visits in 12 months
    monetary_fen: Fen                   # paid in 12 months
    spend_24m_fen: Fen                  # paid in 24 months
    span_days: int                      # last paid visit day - first one
    visits: int                         # paid visits in 24 months
    day_numbers: str | None             # "d1,d2,..." (any order) when visits >= 3, else None


def facts_from_totals(totals: Iterable[RFMTotals]) -> list[RFMFacts]:
    """The facts of :func:`rfm_facts` from per-customer totals (the same numbers, summed in SQL).

    One or two paid visits need no list of days: two visits on two days are ``span_days`` apart;
    from three visits on, the usual interval is the median of :func:`usual_interval`. (Rows are
    read by position, so the database's own row tuples serve as well.)
    """
    make = RFMFacts._make
    facts = []
    for cid, days, visits, paid, spend, span, count, day_numbers in totals:
        if count >= 3 and day_numbers:
            interval = usual_interval(map(int, day_numbers.split(",")))
        else:
            interval = span if span > 0 else None
        facts.append(make((cid, days, visits, paid, spend, interval)))
    facts.sort(key=lambda f: f.customer_id)
    return facts


# --- cut points --------------------------------------------------------------------

@dataclass(frozen=True)
class Cuts:
    """Where a measure's scores change.

    F and M: ``value >= top`` scores 3, ``value >= mid`` scores 2, else 1.
    R (days, fewer is better): ``days <= top`` scores 3, ``days <= mid`` scores 2, else 1.
    """

    measure: Measure
    mid: int
    top: int
    fixed: bool = False          # the owner's bands, not the shop's tertiles

    def score(self, value: int) -> int:
        if self.measure is Measure.RECENCY:
            return 3 if value <= self.top else 2 if value <= self.mid else 1
        return 3 if value >= self.top else 2 if value >= self.mid else 1

    def scorer(self) -> Callable[[int], int]:
        """:meth:`score` as a plain function, for scoring a whole shop fast."""
        top, mid = self.top, self.mid
        if self.measure is Measure.RECENCY:
            return lambda v: 3 if v <= top else 2 if v <= mid else 1
        return lambda v: 3 if v >= top else 2 if v >= mid else 1

    def ranges(self) -> tuple[tuple[int, int | None], tuple[int, int | None], tuple[int, int | None]]:
        """``(low, high)`` of scores 1, 2, 3 (``high`` None: no upper end); empty when low > high."""
        if self.measure is Measure.RECENCY:
            return (self.mid + 1, None), (self.top + 1, self.mid), (0, self.top)
        return (0, self.mid - 1), (self.mid, self.top - 1), (self.top, None)

    def sentence(self) -> str:
        """``F（近12个月到店次数）：1 次 1 分；2 次 2 分；3 次及以上 3 分``."""
        label, unit = _LABELS[self.measure]
        parts = []
        for score, (low, high) in enumerate(self.ranges(), start=1):
            parts.append(f"{_span(self.measure, low, high, unit)} {score} 分")
        if self.measure is Measure.RECENCY:
            parts.reverse()
        source = "店长设定" if self.fixed else "全店三分位"
        return f"{self.measure.value}（{label}，{source}）：" + "；".join(parts)


_LABELS = {
    Measure.RECENCY: ("距上次消费天数", "天"),
    Measure.FREQUENCY: ("近12个月到店次数", "次"),
    Measure.MONETARY: ("近12个月消费金额", ""),
}


def _show(measure: Measure, value: int, unit: str) -> str:
    return format_fen(value) if measure is Measure.MONETARY else f"{value} {unit}"


def _span(measure: Measure, low: int, high: int | None, unit: str) -> str:
    low = max(low, 0)
    if high is not None and low > high:
        return "（无）"
    if high is None:
        return f"{_show(measure, low, unit)}及以上"
    if low == high:
        return _show(measure, low, unit)
    if measure is Measure.MONETARY:
        return f"{format_fen(low)}–{format_fen(high)}"
    return f"{low}–{high} {unit}"


def fixed_cuts(measure: Measure, mid: int, top: int) -> Cuts:
    """The owner's own bands, e.g. ``fixed_cuts(Measure.RECENCY, mid=90, top=30)``."""
    if mid < 0 or top < 0:
        raise InvalidInput("segments.bad_bands", measure=measure.value)
    if (measure is Measure.RECENCY and top > mid) or (measure is not Measure.RECENCY and mid > top):
        raise InvalidInput("segments.bad_bands", measure=measure.value)
    return Cuts(measure, mid, top, fixed=True)


def _best_cuts(inner: list[int], n: int) -> tuple[int, int]:
    """The pair of cut positions (customers below each cut) of the module docstring's rule.

    For a given lower cut ``a`` the best upper cut is the candidate nearest
    (a + n) / 2 (the badness is convex in b), found by bisection; lower cuts
    are tried outward from n / 3 and the search stops on each side once
    (3a - n)^2 alone exceeds the best badness found, so it is exact.
    """
    best: tuple[int, int, int] | None = None      # (badness, -b, -a): the least wins
    last = len(inner) - 1                          # the lower cut needs a higher one after it
    start = min(bisect.bisect_left(inner, n / 3), last)
    for indices in (range(start, last), range(start - 1, -1, -1)):
        for i in indices:
            a = inner[i]
            if best is not None and (3 * a - n) ** 2 > best[0]:
                break
            j = bisect.bisect_left(inner, (a + n) / 2, lo=i + 1)
            for k in (j - 1, j):
                if i < k <= last:
                    b = inner[k]
                    badness = (3 * a - n) ** 2 + (3 * (b - a) - n) ** 2 + (3 * (n - b) - n) ** 2
                    candidate = (badness, -b, -a)
                    if best is None or candidate < best:
                        best = candidate
    assert best is not None
    return -best[2], -best[1]


def tertile_cuts(measure: Measure, values: Iterable[int]) -> Cuts:
    """The tie-keeping tertile cuts of the module docstring, in O(n log n)."""
    # Work in "goodness" (higher is better): R is negated.
    sign = -1 if measure is Measure.RECENCY else 1
    counts = Counter(sign * v for v in values)
    if not counts:       # nobody to rank: any cuts do
        return Cuts(measure, 1, 0) if sign < 0 else Cuts(measure, 1, 2)
    distinct = sorted(counts)
    n = sum(counts.values())
    # bounds[k]: customers with a value below distinct[k]; cuts fall on bounds[1:].
    bounds = [0]
    for v in distinct[:-1]:
        bounds.append(bounds[-1] + counts[v])
    if len(distinct) == 1:
        mid_g, top_g = distinct[0], distinct[0] + 1
    elif len(distinct) == 2:
        mid_g = top_g = distinct[1]
    else:
        a, b = _best_cuts(bounds[1:], n)
        mid_g, top_g = distinct[bounds.index(a)], distinct[bounds.index(b)]
    if sign > 0:
        return Cuts(measure, mid_g, top_g)
    return Cuts(measure, -mid_g, -top_g)


# --- the snapshot ------------------------------------------------------------------

class Segment(NamedTuple):
    """One customer's scores and class (immutable; a named tuple because a snapshot holds 100k)."""

    customer_id: int
    recency_days: int
    frequency: int
    monetary_fen: Fen
    r: int
    f: int
    m: int
    value_class: ValueClass
    spend_24m_fen: Fen = 0
    usual_interval_days: int | None = None


@dataclass(frozen=True)
class Snapshot:
    as_of: date
    recency: Cuts
    frequency: Cuts
    monetary: Cuts
    segments: tuple[Segment, ...]

    def counts(self) -> dict[ValueClass, int]:
        found = Counter(s.value_class for s in self.segments)
        return {c: found.get(c, 0) for c in ValueClass}

    def classes(self) -> dict[int, ValueClass]:
        return {s.customer_id: s.value_class for s in self.segments}

    def sentences(self) -> tuple[str, ...]:
        """What the page and the report print under the table."""
        return (self.recency.sentence(), self.frequency.sentence(), self.monetary.sentence(),
                TERTILE_RULE, CLASS_RULE)


def segment(facts: Sequence[RFMFacts], as_of: date,
            fixed: Mapping[Measure, Cuts] | None = None) -> Snapshot:
    """Score every customer; ``fixed`` replaces the tertiles of the measures it names."""
    fixed = fixed or {}
    cuts = {}
    for measure, column in ((Measure.RECENCY, [f.recency_days for f in facts]),
                            (Measure.FREQUENCY, [f.frequency for f in facts]),
                            (Measure.MONETARY, [f.monetary_fen for f in facts])):
        own = fixed.get(measure)
        if own is not None and own.measure is not measure:
            raise InvalidInput("segments.bad_bands", measure=measure.value)
        cuts[measure] = own if own is not None else tertile_cuts(measure, column)
    rc, fc, mc = cuts[Measure.RECENCY], cuts[Measure.FREQUENCY], cuts[Measure.MONETARY]
    r_score, f_score, m_score = rc.scorer(), fc.scorer(), mc.scorer()
    classes = {(r, f, m): value_class(r, f, m) for r in (1, 2, 3) for f in (1, 2, 3) for m in (1, 2, 3)}
    make = Segment._make            # a shop has 100k customers: tuples unpacked, no keyword handling
    segments: list[Segment] = []
    append = segments.append
    for cid, days, visits, paid, spend, interval in facts:
        r, f, m = r_score(days), f_score(visits), m_score(paid)
        append(make((cid, days, visits, paid, r, f, m, classes[r, f, m], spend, interval)))
    return Snapshot(as_of, rc, fc, mc, tuple(segments))


def at_risk_reason(s: Segment) -> str:
    """One line for the at-risk list: ``97 天未到店，平时约 35 天一次``."""
    if s.r == 1:
        head = f"{s.recency_days} 天未到店"
        if s.usual_interval_days is None:
            return f"{head}，近两年只来过一天"
        if s.usual_interval_days >= RHYTHM_MIN_DAYS:
            return f"{head}，平时约 {s.usual_interval_days} 天一次"
        # visits a few days apart (a redo, a course of treatment) are not a rhythm worth quoting
        if s.frequency:
            return f"{head}，近12个月来过 {s.frequency} 次"
        return head
    return f"近12个月到店 {s.frequency} 次，消费 {format_fen(s.monetary_fen)}，均偏低"


def at_risk_list(snapshot: Snapshot, limit: int = AT_RISK_LIST_SIZE) -> list[Segment]:
    """The at-risk customers with the most spent in 24 months first (then the longest absent)."""
    risky = [s for s in snapshot.segments if s.value_class is ValueClass.AT_RISK]
    risky.sort(key=lambda s: (-s.spend_24m_fen, -s.recency_days, s.customer_id))
    return risky[:limit]


# --- movement between two snapshots ---------------------------------------------------

@dataclass(frozen=True)
class Movement:
    """Customers by (class before, class after); None: not in that snapshot's population."""

    cells: tuple[tuple[ValueClass | None, ValueClass | None, int], ...]

    def count(self, before: ValueClass | None, after: ValueClass | None) -> int:
        return sum(n for b, a, n in self.cells if b == before and a == after)

    def net(self, cls: ValueClass) -> int:
        """Change of the class's count from the first snapshot to the second."""
        return sum(n for b, a, n in self.cells if a == cls) - sum(n for b, a, n in self.cells if b == cls)


_ORDER: dict[ValueClass | None, int] = {c: i for i, c in enumerate((*ValueClass, None))}


def movement(before: Mapping[int, ValueClass], after: Mapping[int, ValueClass]) -> Movement:
    """Compare two snapshots' ``{customer_id: class}`` (map merged files to the kept id first)."""
    pairs: Counter[tuple[ValueClass | None, ValueClass | None]] = Counter()
    for cid, cls in before.items():
        pairs[(cls, after.get(cid))] += 1
    for cid, cls in after.items():
        if cid not in before:
            pairs[(None, cls)] += 1
    cells = sorted(((b, a, n) for (b, a), n in pairs.items()), key=lambda t: (_ORDER[t[0]], _ORDER[t[1]]))
    return Movement(tuple(cells))
