"""The monthly report's care figures (SPEC §8) from plain rows: complaints, satisfaction, follow-ups.

The query layer hands rows of the period; these functions only count, so
the window, the PDF and the exports print the same numbers. Shares are
:class:`Rate` (two counts), averages :class:`Mean` (total and count).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Iterable, Sequence

from .care_settings import CareSettings
from .complaints import Category, ComplaintTimes, Mark, first_response_at, response_mark
from .followups import Outcome, TaskState, TaskType, closed_on_time
from .report_figures import Rate

COMPLAINT_RATE_TARGET_PERMILLE = 50   # complaints / visits below 5%

DEFINITIONS = (
    "投诉率 = 本月收到的投诉数 ÷ 本月到店人次（目标 < 5%）。",
    "24 小时内首次回应率 = 本月收到的投诉中在首次回应时限内回应的 ÷ 已回应或已超时的投诉（尚未到时限且未回应的不计）。",
    "平均回应 / 解决时间 = 从收到投诉到首次回应 / 解决的小时数，只计已回应 / 已解决的投诉。",
    "满意度 = 回访评分（服务态度、技术水平、服务环境，1–5 分）的平均；结账时的顾客评分单独统计。",
    "回访按时完成率 = 本月到期的回访中在到期前完成的 ÷ 本月到期的回访；完成指本月底前已结束（含未接通等结果）。",
)


@dataclass(frozen=True)
class Mean:
    total: int
    count: int

    @property
    def value(self) -> float | None:
        return self.total / self.count if self.count else None

    def text(self) -> str:
        """One decimal, half-up (``4.3``); ``—`` when there is nothing to average."""
        if not self.count:
            return "—"
        tenths = (self.total * 20 + self.count) // (2 * self.count)
        return f"{tenths // 10}.{tenths % 10}"


def _mean(values: Iterable[int]) -> Mean:
    items = list(values)
    return Mean(sum(items), len(items))


def _minutes(start: datetime, end: datetime) -> int:
    return int((end - start).total_seconds() // 60)


# --- complaints --------------------------------------------------------------------

@dataclass(frozen=True)
class ComplaintRow:
    complaint_id: int
    category: Category
    technician_id: int | None          # the technician concerned, if named
    received_at: datetime
    responded_at: datetime | None = None
    resolved_at: datetime | None = None

    @property
    def times(self) -> ComplaintTimes:
        return ComplaintTimes(self.received_at, self.responded_at, self.resolved_at)


@dataclass(frozen=True)
class ComplaintFigures:
    received: int
    rate: Rate                                           # complaints / visits
    by_category: tuple[tuple[Category, int], ...]        # every category, in SPEC order
    by_technician: tuple[tuple[int | None, int], ...]    # most complaints first; None (no technician) last
    responded_in_time: Rate
    late_responses: int                                  # answered after the deadline
    overdue_open: int                                    # unanswered past the deadline at as_of
    response_minutes: Mean
    resolution_minutes: Mean

    @property
    def rate_within_target(self) -> bool:
        return self.rate.numerator * 1000 < COMPLAINT_RATE_TARGET_PERMILLE * self.rate.denominator


def _in_period(at: datetime, first_day: date, last_day: date) -> bool:
    return first_day <= at.date() <= last_day


def complaint_figures(rows: Iterable[ComplaintRow], visits: int, first_day: date, last_day: date,
                      settings: CareSettings, as_of: datetime) -> ComplaintFigures:
    """Complaints received in the period; their answers as known at ``as_of``."""
    month = [r for r in rows if _in_period(r.received_at, first_day, last_day)]
    categories = Counter(r.category for r in month)
    technicians = Counter(r.technician_id for r in month)
    marks = [response_mark(_known(r, as_of), settings, as_of) for r in month]
    decided = [m for m in marks if m is not Mark.PENDING]
    responses, resolutions = [], []
    for r in month:
        t = _known(r, as_of)
        first = first_response_at(t)
        if first is not None:
            responses.append(_minutes(r.received_at, first))
        if t.resolved_at is not None:
            resolutions.append(_minutes(r.received_at, t.resolved_at))
    return ComplaintFigures(
        received=len(month),
        rate=Rate(len(month), visits),
        by_category=tuple((c, categories.get(c, 0)) for c in Category),
        by_technician=tuple(sorted(technicians.items(), key=lambda kv: (kv[0] is None, -kv[1], kv[0] or 0))),
        responded_in_time=Rate(sum(m is Mark.ON_TIME for m in decided), len(decided)),
        late_responses=sum(m is Mark.LATE for m in marks),
        overdue_open=sum(m is Mark.OVERDUE for m in marks),
        response_minutes=_mean(responses),
        resolution_minutes=_mean(resolutions),
    )


def _known(r: ComplaintRow, as_of: datetime) -> ComplaintTimes:
    """The complaint as it stood at ``as_of`` (later answers not yet given)."""
    responded = r.responded_at if r.responded_at is not None and r.responded_at <= as_of else None
    resolved = r.resolved_at if r.resolved_at is not None and r.resolved_at <= as_of else None
    return ComplaintTimes(r.received_at, responded, resolved)


# --- satisfaction -------------------------------------------------------------------

@dataclass(frozen=True)
class FollowUpScoreRow:
    """One closed follow-up's scores; ``technician_ids``: the technicians of its visit."""

    attitude: int
    technique: int
    environment: int
    technician_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class CounterRatingRow:
    """The customer's own rating at the counter after checkout."""

    rating: int
    technician_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class SatisfactionFigures:
    overall: Mean                  # follow-up scores, the three dimensions pooled
    attitude: Mean                 # 服务态度
    technique: Mean                # 技术水平
    environment: Mean              # 服务环境
    by_technician: tuple[tuple[int, Mean], ...]   # pooled, by technician id
    counter: Mean                  # counter ratings, kept apart from the follow-up scores
    counter_by_technician: tuple[tuple[int, Mean], ...]


def _by_technician(pairs: Iterable[tuple[tuple[int, ...], Sequence[int]]]) -> tuple[tuple[int, Mean], ...]:
    totals: dict[int, list[int]] = {}
    for technicians, values in pairs:
        for tid in dict.fromkeys(technicians):
            acc = totals.setdefault(tid, [0, 0])
            acc[0] += sum(values)
            acc[1] += len(values)
    return tuple((tid, Mean(t, n)) for tid, (t, n) in sorted(totals.items()))


def satisfaction_figures(scores: Sequence[FollowUpScoreRow],
                         ratings: Sequence[CounterRatingRow]) -> SatisfactionFigures:
    """Rows of the period. Shop-wide each follow-up counts once; a visit with two
    technicians counts once for each of them in the by-technician table."""
    return SatisfactionFigures(
        overall=_mean(v for s in scores for v in (s.attitude, s.technique, s.environment)),
        attitude=_mean(s.attitude for s in scores),
        technique=_mean(s.technique for s in scores),
        environment=_mean(s.environment for s in scores),
        by_technician=_by_technician((s.technician_ids, (s.attitude, s.technique, s.environment))
                                     for s in scores),
        counter=_mean(r.rating for r in ratings),
        counter_by_technician=_by_technician((r.technician_ids, (r.rating,)) for r in ratings),
    )


# --- follow-ups -------------------------------------------------------------------

@dataclass(frozen=True)
class FollowUpRow:
    type: TaskType
    due_at: datetime
    all_day: bool
    closed_at: datetime | None = None
    outcome: Outcome | None = None


@dataclass(frozen=True)
class FollowUpFigures:
    due: int                   # tasks due in the period
    done: int                  # ...closed before the period ended (any outcome)
    done_on_time: int          # ...closed by their due time
    reached: int               # ...closed with the customer reached
    by_type: tuple[tuple[TaskType, int, int, int], ...]   # (type, due, done, on time)

    @property
    def done_rate(self) -> Rate:
        return Rate(self.done, self.due)

    @property
    def on_time_rate(self) -> Rate:
        return Rate(self.done_on_time, self.due)


def followup_figures(rows: Iterable[FollowUpRow], first_day: date, last_day: date) -> FollowUpFigures:
    end = datetime.combine(last_day + timedelta(days=1), time())
    counts: dict[TaskType, list[int]] = {t: [0, 0, 0, 0] for t in TaskType}
    for row in rows:
        if not _in_period(row.due_at, first_day, last_day):
            continue
        done = row.closed_at is not None and row.closed_at < end
        state = TaskState(row.type, row.due_at, row.all_day, row.closed_at if done else None, row.outcome)
        c = counts[row.type]
        c[0] += 1
        c[1] += done
        c[2] += closed_on_time(state)
        c[3] += done and row.outcome is Outcome.REACHED
    return FollowUpFigures(
        due=sum(c[0] for c in counts.values()),
        done=sum(c[1] for c in counts.values()),
        done_on_time=sum(c[2] for c in counts.values()),
        reached=sum(c[3] for c in counts.values()),
        by_type=tuple((t, c[0], c[1], c[2]) for t, c in counts.items() if c[0]),
    )


# --- the month's care report (SPEC §8) -------------------------------------------------

@dataclass(frozen=True)
class AtRiskLine:
    name: str
    phone_masked: str
    spend_24m_fen: int
    reason: str


@dataclass(frozen=True)
class CareReport:
    """Everything the monthly report prints about care, from one query layer."""

    complaints: ComplaintFigures
    satisfaction: SatisfactionFigures
    followups: FollowUpFigures
    staff_names: tuple[tuple[int, str], ...]
    segment_counts: tuple[tuple[str, int, int | None], ...] = ()   # (class, at month end, month before)
    segment_rules: tuple[str, ...] = ()
    at_risk: tuple[AtRiskLine, ...] = ()
    segments_as_of: date | None = None

    def staff_name(self, staff_id: int | None) -> str:
        if staff_id is None:
            return ""
        return dict(self.staff_names).get(staff_id, f"#{staff_id}")
