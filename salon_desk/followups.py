"""Follow-up tasks (回访, SPEC §7): which tasks should exist, when they are due, who calls, what to say.

Every rule is a function from plain facts to the tasks that should exist;
each task carries a stable ``key`` so the store can insert only the keys it
does not hold yet (re-running the daily job never duplicates a task). A
task's overdue state is computed from its due time, never stored.

Due times: a timed task (after a visit, a sale, a complaint) is late one
minute after its due time; an all-day task (inactive, birthday, care cycle)
is due on a day and is late from the next day on.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Iterable, NamedTuple, Sequence

from .birthday import days_until
from .care_settings import CareSettings
from .complaints import CATEGORY_ZH, Category, Remedy, remedies_text
from .errors import Conflict, InvalidInput


class TaskType(StrEnum):
    VISIT_AFTERCARE = "visit_aftercare"        # contact within hours of a completed visit
    PRODUCT_CHECK = "product_check"            # effect / skin reaction days after a retail sale
    INACTIVE = "inactive"                      # 服务预警: a member not seen for 90 days
    BIRTHDAY = "birthday"                      # greeting before a member's birthday
    COMPLAINT = "complaint"                    # first response to a complaint
    COMPLAINT_RESOLVED = "complaint_resolved"  # satisfaction with the remedy
    CARE_CYCLE = "care_cycle"                  # "due for" the customer's regular service
    PACKAGE_EXPIRY = "package_expiry"          # a package's sessions near or past their expiry (SPEC §10)


TYPE_ZH: dict[TaskType, str] = {
    TaskType.VISIT_AFTERCARE: "服务回访",
    TaskType.PRODUCT_CHECK: "产品回访",
    TaskType.INACTIVE: "服务预警",
    TaskType.BIRTHDAY: "生日祝福",
    TaskType.COMPLAINT: "投诉回访",
    TaskType.COMPLAINT_RESOLVED: "投诉处理满意度回访",
    TaskType.CARE_CYCLE: "护理周期提醒",
    TaskType.PACKAGE_EXPIRY: "次卡到期提醒",
}

#: Created only for customers who agreed to marketing contact.
MARKETING_TYPES = frozenset({TaskType.INACTIVE, TaskType.BIRTHDAY, TaskType.CARE_CYCLE})
#: Closed with the three satisfaction scores (when the customer was reached).
SCORED_TYPES = frozenset({TaskType.VISIT_AFTERCARE, TaskType.COMPLAINT, TaskType.COMPLAINT_RESOLVED})

SERVICE_CATEGORY_ZH: dict[str, str] = {
    "hair": "美发", "beauty": "美容", "nails": "美甲", "skin": "护肤", "other": "其他服务",
}

COMMENT_MAX = 500

# Care-cycle estimation (see estimate_cycle)
CYCLE_HISTORY = 6            # look at the last 6 visits of a category (5 intervals)
CYCLE_TOLERANCE_PCT = 30     # an interval within ±30% of the median is "regular"
CYCLE_MIN_DAYS = 7           # shorter is a touch-up of the same job, not a cycle
CYCLE_MAX_DAYS = 180         # longer is not a cycle a call can anticipate


class Outcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    DECLINED = "declined"
    SETTLED = "settled"        # closed by what it was about being done (a package extended or refunded)


OUTCOME_ZH: dict[Outcome, str] = {
    Outcome.REACHED: "已联系上",
    Outcome.NO_ANSWER: "无人接听",
    Outcome.WRONG_NUMBER: "号码错误",
    Outcome.DECLINED: "客户拒绝",
    Outcome.SETTLED: "已办理",
}


# --- facts the rules read ------------------------------------------------------

@dataclass(frozen=True)
class Customer:
    customer_id: int
    name: str
    file_consent: bool                 # PIPL: keep the file (service follow-ups need only this)
    marketing_consent: bool            # marketing contact (inactive, birthday, care cycle)
    member: bool = False               # an active member
    birthday_month: int | None = None
    birthday_day: int | None = None


@dataclass(frozen=True)
class ServiceDone:
    name: str
    category: str                      # hair / beauty / nails / skin / other
    technician_id: int | None
    aftercare: str = ""                # the catalogue item's 护理建议, if any


@dataclass(frozen=True)
class CompletedVisit:
    visit_id: int
    customer: Customer | None          # None: a walk-in without a file
    completed_at: datetime
    services: tuple[ServiceDone, ...] = ()
    products: tuple[str, ...] = ()     # names of the retail products sold
    cashier_id: int | None = None      # the cashier on duty who checked the visit out


class ServiceVisit(NamedTuple):
    """One past paid visit in which a service of ``category`` was done (immutable; a named tuple
    because the daily job reads tens of thousands)."""

    day: date
    category: str
    technician_id: int | None = None


@dataclass(frozen=True)
class CareFacts:
    """What the daily job knows about one customer."""

    customer: Customer
    last_visit: date | None                 # last completed visit of any kind
    last_technician_id: int | None = None   # technician of that visit
    history: tuple[ServiceVisit, ...] = ()  # paid service visits, any order


@dataclass(frozen=True)
class ComplaintFacts:
    complaint_id: int
    customer: Customer
    category: Category
    received_at: datetime
    handler_id: int | None = None
    resolved_at: datetime | None = None
    remedies: tuple[Remedy, ...] = ()


# --- the task --------------------------------------------------------------------

@dataclass(frozen=True)
class FollowUp:
    """A task that should exist. ``key`` is its identity across runs of the job."""

    key: str
    type: TaskType
    customer_id: int
    due_at: datetime
    all_day: bool
    assignee_id: int | None
    message: str
    visit_id: int | None = None
    complaint_id: int | None = None


def new_tasks(planned: Iterable[FollowUp], existing_keys: Iterable[str]) -> list[FollowUp]:
    """The planned tasks whose key is not stored yet, each key once, in planned order."""
    seen = set(existing_keys)
    fresh = []
    for task in planned:
        if task.key not in seen:
            seen.add(task.key)
            fresh.append(task)
    return fresh


def allowed(customer: Customer | None, task_type: TaskType) -> bool:
    """Consent gate: no file, no task; marketing types need marketing consent too."""
    if customer is None or not customer.file_consent:
        return False
    return customer.marketing_consent or task_type not in MARKETING_TYPES


def default_assignee(technician_ids: Sequence[int | None], cashier_on_duty: int | None) -> int | None:
    """The first technician named (in line order), else the cashier on duty."""
    for tid in technician_ids:
        if tid is not None:
            return tid
    return cashier_on_duty


def _shop(shop_name: str) -> str:
    return shop_name.strip() or "本店"


def _md(d: date) -> str:
    return f"{d.month}月{d.day}日"


def _ymd(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time())


# --- after a visit -----------------------------------------------------------------

def visit_tasks(visit: CompletedVisit, settings: CareSettings, shop_name: str) -> list[FollowUp]:
    """Aftercare contact (visits with a service) and product check (visits with a retail sale)."""
    customer = visit.customer
    tasks: list[FollowUp] = []
    if customer is None:
        return tasks
    assignee = default_assignee([s.technician_id for s in visit.services], visit.cashier_id)
    shop = _shop(shop_name)
    if visit.services and allowed(customer, TaskType.VISIT_AFTERCARE):
        names = "、".join(dict.fromkeys(s.name for s in visit.services))
        text = f"{customer.name}您好，感谢您今天光临{shop}！您今天做了{names}，回家后感觉怎么样？"
        for s in visit.services:
            if s.aftercare.strip():
                text += f"【{s.name}护理建议】{s.aftercare.strip()}"
        text += "如有任何不适，请随时联系我们。"
        tasks.append(FollowUp(
            key=f"visit:{visit.visit_id}", type=TaskType.VISIT_AFTERCARE,
            customer_id=customer.customer_id,
            due_at=visit.completed_at + timedelta(hours=settings.visit_followup_hours),
            all_day=False, assignee_id=assignee, message=text, visit_id=visit.visit_id))
    if visit.products and allowed(customer, TaskType.PRODUCT_CHECK):
        names = "、".join(dict.fromkeys(visit.products))
        text = (f"{customer.name}您好，这里是{shop}。您{_md(visit.completed_at.date())}购买的{names}"
                f"用了几天了，效果怎么样？皮肤有没有发红、发痒等不适？有任何问题请随时告诉我们。")
        tasks.append(FollowUp(
            key=f"product:{visit.visit_id}", type=TaskType.PRODUCT_CHECK,
            customer_id=customer.customer_id,
            due_at=visit.completed_at + timedelta(days=settings.product_check_days),
            all_day=False, assignee_id=assignee, message=text, visit_id=visit.visit_id))
    return tasks


# --- complaints ----------------------------------------------------------------------

def complaint_tasks(c: ComplaintFacts, settings: CareSettings, shop_name: str,
                    cashier_on_duty: int | None = None) -> list[FollowUp]:
    """The first-response call (due at the response deadline) and, once resolved, the satisfaction call."""
    customer = c.customer
    if not allowed(customer, TaskType.COMPLAINT):
        return []
    shop = _shop(shop_name)
    category = CATEGORY_ZH[c.category]
    assignee = c.handler_id if c.handler_id is not None else cashier_on_duty
    tasks = [FollowUp(
        key=f"complaint:{c.complaint_id}", type=TaskType.COMPLAINT, customer_id=customer.customer_id,
        due_at=c.received_at + timedelta(hours=settings.first_response_hours), all_day=False,
        assignee_id=assignee, complaint_id=c.complaint_id,
        message=(f"{customer.name}您好，这里是{shop}。您{_md(c.received_at.date())}反映的{category}问题"
                 f"我们已经收到，非常抱歉给您带来不好的体验。我们想进一步了解情况，尽快给您一个满意的答复。"))]
    if c.resolved_at is not None:
        done = remedies_text(c.remedies)
        what = f"我们已为您安排了{done}。" if done else "我们已经处理完毕。"
        tasks.append(FollowUp(
            key=f"complaint-resolved:{c.complaint_id}", type=TaskType.COMPLAINT_RESOLVED,
            customer_id=customer.customer_id,
            due_at=c.resolved_at + timedelta(hours=settings.complaint_followup_hours), all_day=False,
            assignee_id=assignee, complaint_id=c.complaint_id,
            message=(f"{customer.name}您好，这里是{shop}。关于您之前反映的{category}问题，{what}"
                     f"想请问您对这次的处理是否满意？您的意见对我们非常重要。")))
    return tasks


# --- the daily job: inactive, birthday, care cycle -------------------------------------

def inactive_task(f: CareFacts, today: date, settings: CareSettings, shop_name: str,
                  cashier_on_duty: int | None = None) -> FollowUp | None:
    """A member not seen for ``inactive_days`` days: the task appears on that day, not the day before.

    One task per absence (the key holds the last visit day). Absences longer
    than ``inactive_days + inactive_catch_up_days`` get no new task, so a shop
    turning the feature on is not flooded with years-old absences (those
    customers are on the segments page's at-risk list).
    """
    c = f.customer
    if f.last_visit is None or not c.member or not allowed(c, TaskType.INACTIVE):
        return None
    absent = (today - f.last_visit).days
    if not settings.inactive_days <= absent < settings.inactive_days + settings.inactive_catch_up_days:
        return None
    due = f.last_visit + timedelta(days=settings.inactive_days)
    shop = _shop(shop_name)
    return FollowUp(
        key=f"inactive:{c.customer_id}:{f.last_visit.isoformat()}", type=TaskType.INACTIVE,
        customer_id=c.customer_id, due_at=_start_of(due), all_day=True,
        assignee_id=default_assignee([f.last_technician_id], cashier_on_duty),
        message=(f"{c.name}您好，这里是{shop}。您上次光临是{_ymd(f.last_visit)}，好久不见，最近还好吗？"
                 f"我们很想念您，有空欢迎回来坐坐，需要的话可以帮您预约时间。"))


def birthday_task(f: CareFacts, today: date, settings: CareSettings, shop_name: str,
                  cashier_on_duty: int | None = None) -> FollowUp | None:
    """A member whose birthday is within ``birthday_days_ahead`` days (today included).

    Due on the birthday; the key holds the birthday's date, so one greeting per
    birthday however often the job runs in the week before it.
    """
    c = f.customer
    if not c.member or not c.birthday_month or not c.birthday_day or not allowed(c, TaskType.BIRTHDAY):
        return None
    ahead = days_until(c.birthday_month, c.birthday_day, today)
    if ahead is None or ahead > settings.birthday_days_ahead:
        return None
    birthday = today + timedelta(days=ahead)      # 29 February falls on the 28th in common years
    shop = _shop(shop_name)
    return FollowUp(
        key=f"birthday:{c.customer_id}:{birthday.isoformat()}", type=TaskType.BIRTHDAY,
        customer_id=c.customer_id, due_at=_start_of(birthday), all_day=True,
        assignee_id=default_assignee([f.last_technician_id], cashier_on_duty),
        message=(f"{c.name}您好！{shop}全体员工祝您{_md(birthday)}生日快乐！"
                 f"生日期间到店可享会员生日礼遇，期待您的光临。"))


@dataclass(frozen=True)
class Cycle:
    category: str
    interval_days: int
    last_day: date
    expected_day: date


def _half_up(value: float) -> int:
    return int(value * 2 + 1) // 2


def estimate_cycle(days: Iterable[date], min_visits: int = 3) -> tuple[int, date] | None:
    """``(interval_days, last_day)`` when the visits show a regular interval, else None.

    The rule: take the distinct visit days of one category, keep the last 6
    (at least ``min_visits``), and the intervals between consecutive ones.
    Let m be their median. An interval within ±30% of m is regular; at most
    one interval may be irregular (a holiday, an illness) and at least two
    must be regular. The interval is the median of the regular intervals,
    rounded half-up to whole days, and must lie between 7 and 180 days.
    """
    ordered = sorted(set(days))[-CYCLE_HISTORY:]
    if len(ordered) < max(min_visits, 3):
        return None
    gaps = [(b - a).days for a, b in zip(ordered, ordered[1:])]
    m = statistics.median(gaps)
    regular = [g for g in gaps if abs(g - m) * 100 <= CYCLE_TOLERANCE_PCT * m]
    if len(gaps) - len(regular) > 1 or len(regular) < 2:
        return None
    interval = _half_up(statistics.median(regular))
    if not CYCLE_MIN_DAYS <= interval <= CYCLE_MAX_DAYS:
        return None
    return interval, ordered[-1]


def cycles(history: Iterable[ServiceVisit], min_visits: int = 3) -> list[Cycle]:
    """The regular cycles in one customer's history, by category (sorted by category)."""
    by_category: dict[str, list[date]] = {}
    for v in history:
        by_category.setdefault(v.category, []).append(v.day)
    found = []
    for category in sorted(by_category):
        estimate = estimate_cycle(by_category[category], min_visits)
        if estimate is not None:
            interval, last = estimate
            found.append(Cycle(category, interval, last, last + timedelta(days=interval)))
    return found


def care_cycle_tasks(f: CareFacts, today: date, settings: CareSettings, shop_name: str,
                     cashier_on_duty: int | None = None) -> list[FollowUp]:
    """A "due for" task ``cycle_lead_days`` before each cycle's expected day.

    It appears from that day until half an interval after the expected day
    (later than that the cycle is broken, and the customer shows as at risk
    instead); the key holds the category and the last visit of it, so the
    next visit starts a new cycle and a new task.
    """
    c = f.customer
    if not allowed(c, TaskType.CARE_CYCLE):
        return []
    shop = _shop(shop_name)
    tasks = []
    for cycle in cycles(f.history, settings.cycle_min_visits):
        due = cycle.expected_day - timedelta(days=settings.cycle_lead_days)
        if not due <= today <= cycle.expected_day + timedelta(days=cycle.interval_days // 2):
            continue
        technician = next((v.technician_id for v in sorted(f.history, key=lambda v: v.day, reverse=True)
                           if v.category == cycle.category and v.technician_id is not None), None)
        name = SERVICE_CATEGORY_ZH.get(cycle.category, cycle.category)
        tasks.append(FollowUp(
            key=f"cycle:{c.customer_id}:{cycle.category}:{cycle.last_day.isoformat()}",
            type=TaskType.CARE_CYCLE, customer_id=c.customer_id, due_at=_start_of(due), all_day=True,
            assignee_id=default_assignee([technician], cashier_on_duty),
            message=(f"{c.name}您好，这里是{shop}。您平时大约每{cycle.interval_days}天做一次{name}，"
                     f"上次是{_md(cycle.last_day)}，算下来{_md(cycle.expected_day)}前后又该做了。"
                     f"需要帮您预约时间吗？")))
    return tasks


def at_risk_task(c: Customer, today: date, shop_name: str, assignee_id: int | None) -> FollowUp:
    """A call to an at-risk customer made from the segments page with one key: an all-day task due
    today, one per customer per day; marketing contact, so it needs that consent."""
    if not allowed(c, TaskType.INACTIVE):
        raise InvalidInput("care.no_marketing_consent", name=c.name)
    shop = _shop(shop_name)
    return FollowUp(
        key=f"at-risk:{c.customer_id}:{today.isoformat()}", type=TaskType.INACTIVE, customer_id=c.customer_id,
        due_at=_start_of(today), all_day=True, assignee_id=assignee_id,
        message=(f"{c.name}您好，这里是{shop}。好久没见到您了，最近还好吗？我们很想念您，"
                 f"有空欢迎回来坐坐，需要的话可以帮您预约时间。"))


def daily_tasks(facts: Iterable[CareFacts], today: date, settings: CareSettings, shop_name: str,
                cashier_on_duty: int | None = None) -> list[FollowUp]:
    """Everything the daily job should make sure exists (filter with :func:`new_tasks`)."""
    tasks: list[FollowUp] = []
    for f in facts:
        if not f.customer.file_consent or not f.customer.marketing_consent:
            continue    # every daily task is a marketing-type task
        for task in (inactive_task(f, today, settings, shop_name, cashier_on_duty),
                     birthday_task(f, today, settings, shop_name, cashier_on_duty)):
            if task is not None:
                tasks.append(task)
        if len(f.history) >= settings.cycle_min_visits:
            tasks.extend(care_cycle_tasks(f, today, settings, shop_name, cashier_on_duty))
    return tasks


# --- closing, overdue ----------------------------------------------------------------

@dataclass(frozen=True)
class Scores:
    """服务态度 / 技术水平 / 服务环境, each 1-5."""

    attitude: int
    technique: int
    environment: int

    def __post_init__(self) -> None:
        for dimension in ("attitude", "technique", "environment"):
            check_score(getattr(self, dimension), dimension)


DIMENSION_ZH = {"attitude": "服务态度", "technique": "技术水平", "environment": "服务环境"}


def check_score(value: object, dimension: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
        raise InvalidInput("care.bad_score", dimension=dimension, value=value)
    return value


def check_counter_rating(value: object) -> int:
    """The customer's own rating at the counter after checkout: 1-5, kept apart from follow-up scores."""
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
        raise InvalidInput("care.bad_rating", value=value)
    return value


@dataclass(frozen=True)
class TaskState:
    """A stored task as the rules need it."""

    type: TaskType
    due_at: datetime
    all_day: bool
    closed_at: datetime | None = None
    outcome: Outcome | None = None


def is_late(due_at: datetime, all_day: bool, at: datetime) -> bool:
    """Timed: after the due minute. All-day: on a later day than the due day."""
    return at.date() > due_at.date() if all_day else at > due_at


def is_overdue(task: TaskState, now: datetime) -> bool:
    return task.closed_at is None and is_late(task.due_at, task.all_day, now)


def closed_on_time(task: TaskState) -> bool:
    return task.closed_at is not None and not is_late(task.due_at, task.all_day, task.closed_at)


class Bucket(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    LATER = "later"
    CLOSED = "closed"


def bucket(task: TaskState, now: datetime) -> Bucket:
    """Where the care page lists a task: overdue (red), due today, later, or closed."""
    if task.closed_at is not None:
        return Bucket.CLOSED
    if is_late(task.due_at, task.all_day, now):
        return Bucket.OVERDUE
    return Bucket.TODAY if task.due_at.date() <= now.date() else Bucket.LATER


@dataclass(frozen=True)
class Closing:
    outcome: Outcome
    closed_at: datetime
    on_time: bool
    scores: Scores | None = None
    comment: str = ""


def close(task: TaskState, outcome: Outcome, at: datetime, scores: Scores | None = None,
          comment: str = "") -> Closing:
    """Close a task once, with its outcome; scores only for visit and complaint calls that reached the customer."""
    if task.closed_at is not None:
        raise Conflict("care.task_closed")
    if scores is not None:
        if task.type not in SCORED_TYPES:
            raise InvalidInput("care.scores_not_for_type", type=task.type.value)
        if outcome is not Outcome.REACHED:
            raise InvalidInput("care.scores_need_reached", outcome=outcome.value)
    if len(comment) > COMMENT_MAX:
        raise InvalidInput("care.comment_too_long", max=COMMENT_MAX)
    return Closing(outcome, at, not is_late(task.due_at, task.all_day, at), scores, comment.strip())
