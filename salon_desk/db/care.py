"""Relationship care (SPEC §7) on the front door: follow-up tasks, complaints, counter ratings, segments.

The rules live in the core (``followups``, ``complaints``, ``segments``);
this service reads the facts they need, stores what they decide and hands
back plain records. Tasks are inserted by their unique key, so every job
that makes them can run again without making one twice.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any, Iterable

from ..care_records import (
    CareBanner, ComplaintFlag, ComplaintRecord, ProgressRecord, RemedyRecord, SegmentLine, SegmentsView,
    TaskRecord,
)
from ..care_figures import (
    AtRiskLine, CareReport, ComplaintRow, CounterRatingRow, FollowUpRow, FollowUpScoreRow, complaint_figures,
    followup_figures, satisfaction_figures,
)
from ..care_settings import CareSettings
from ..complaints import (
    ComplaintTimes, NewComplaint, ProgressEntry, Remedy, RemedyKind, append_progress, check_new_complaint,
    check_remedy, check_resolution, check_response, deadlines, is_flagged, parse_category, parse_channel,
    parse_remedy, resolution_mark, response_mark,
)
from ..errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ..followups import (
    CYCLE_MAX_DAYS, CareFacts, CompletedVisit, ComplaintFacts, Customer as CareCustomer, FollowUp, Outcome, Scores,
    COMMENT_MAX, ServiceDone, ServiceVisit, TaskState, TaskType, at_risk_task, bucket, check_counter_rating, close,
    complaint_tasks, daily_tasks, new_tasks, visit_tasks,
)
from ..phone import mask_phone
from ..records import OwnerGrant
from ..roles import Perm, Role
from ..segments import (
    Cuts, Measure, RFMTotals, Snapshot, ValueClass, at_risk_list, at_risk_reason, facts_from_totals, fixed_cuts,
    months_before, segment,
)
from .context import Actor, ShopContext
from .models import (
    Complaint, ComplaintProgress, ComplaintRemedy, CounterRating, Customer, FollowUpTask, Item, Member,
    PointsEntry, Sale, SaleLine, SegmentSnapshot, Visit, VisitLine,
)
from .permissions import ANY_STAFF, requires, system_job
from .rows import as_datetime_or_none, as_dict, as_dicts, connection

# The care cycles read the service visits of the last 400 days (three visits of the longest cycle,
# 180 days, fit in 360) of customers seen within 270 days (1.5 x the longest cycle: later than that
# the cycle is broken and the customer shows on the segments page as at risk instead).
HISTORY_DAYS = 400
RECENT_DAYS = 270




def _stamp(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return datetime.combine(value, time()).isoformat(sep=" ")


def care_settings(ctx: ShopContext) -> CareSettings:
    settings: CareSettings = ctx.derived("care", lambda c: CareSettings.from_lookup(c.setting))
    return settings


def _care_customer(ctx: ShopContext, customer_id: int) -> CareCustomer | None:
    row = as_dict(ctx.execute(ctx.sql.CARE_CUSTOMER, (customer_id,)))
    if row is None or row["anonymised"]:
        return None
    return CareCustomer(int(row["id"]), row["name"], bool(row["file_consent"]), bool(row["marketing_consent"]),
                        bool(row["member"]), row["birth_month"], row["birth_day"])


def store_tasks(ctx: ShopContext, tasks: list[FollowUp]) -> int:
    """Insert ``tasks`` by key, ignoring keys already stored; how many were new."""
    if not tasks:
        return 0
    stored: set[str] = set()
    keys = list(dict.fromkeys(t.key for t in tasks))
    for start in range(0, len(keys), 500):
        chunk = keys[start:start + 500]
        stored.update(k for (k,) in ctx.execute(
            ctx.sql.TASK_KEYS_IN.format(marks=", ".join("?" * len(chunk))), chunk).fetchall())
    tasks = new_tasks(tasks, stored)
    if not tasks:
        return 0
    now = ctx.now()
    for start in range(0, len(tasks), 500):
        FollowUpTask.insert_many([
            dict(key=t.key, type=t.type.value, customer=t.customer_id, visit=t.visit_id, complaint=t.complaint_id,
                 due_at=t.due_at, all_day=t.all_day, assignee=t.assignee_id, message=t.message, created_at=now,
                 comment="") for t in tasks[start:start + 500]]).on_conflict_ignore().execute()
    return len(tasks)          # inside the writer's (IMMEDIATE) transaction no one else stored them


def tasks_after_sale(ctx: ShopContext, visit: CompletedVisit) -> int:
    """Inside the checkout transaction: the aftercare contact and the product check of this sale, from
    the facts checkout has read already (customer with consents, lines, cashier); how many were new."""
    if visit.customer is None:
        return 0
    return insert_tasks(ctx, visit_tasks(visit, care_settings(ctx), ctx.setting("shop.name")))


def insert_tasks(ctx: ShopContext, tasks: list[FollowUp]) -> int:
    """A few tasks by one hand-written INSERT OR IGNORE (a key stored already stays as it is); how many
    were new. For the checkout's own tasks; the daily job's thousands go through :func:`store_tasks`."""
    if not tasks:
        return 0
    now = ctx.now()
    cursor = connection(ctx.db).executemany(ctx.sql.INSERT_TASK_IF_NEW, [
        (t.key, t.type.value, t.customer_id, t.visit_id, t.complaint_id, t.due_at, t.all_day, t.assignee_id,
         t.message, now, "") for t in tasks])
    return int(cursor.rowcount)


def _complaint_facts(ctx: ShopContext, row: Complaint) -> ComplaintFacts | None:
    customer = _care_customer(ctx, row.customer_id)
    if customer is None:
        return None
    remedies = tuple(Remedy(RemedyKind(r.kind), r.amount_fen, r.points, r.note)
                     for r in ComplaintRemedy.select().where(ComplaintRemedy.complaint == row.id)
                     .order_by(ComplaintRemedy.id))
    return ComplaintFacts(row.id, customer, parse_category(row.category), row.received_at, row.handler_id,
                          row.resolved_at, remedies)


def complaint_followups(ctx: ShopContext, row: Complaint, cashier_id: int | None) -> int:
    facts = _complaint_facts(ctx, row)
    if facts is None:
        return 0
    return store_tasks(ctx, complaint_tasks(facts, care_settings(ctx), ctx.setting("shop.name"), cashier_id))


def _cut_json(c: Cuts) -> dict[str, Any]:
    return {"mid": c.mid, "top": c.top, "fixed": c.fixed}


def _fixed_bands(ctx: ShopContext) -> dict[Measure, Cuts]:
    bands = ctx.setting("segments.bands") or {}
    return {Measure(k): fixed_cuts(Measure(k), v[0], v[1]) for k, v in bands.items()}


def _rfm_params(as_of: date) -> tuple[str, str, str, str]:
    return (_stamp(months_before(as_of, 24) + timedelta(days=1)), _stamp(as_of + timedelta(days=1)),
            months_before(as_of, 12).isoformat(), as_of.isoformat())


def live_snapshot(ctx: ShopContext, as_of: date) -> Snapshot:
    """The segments as of the end of ``as_of`` from the sales of the 24 months before (summed per
    customer by the database; :func:`salon_desk.segments.rfm_facts` is the rule they follow)."""
    rows: list[RFMTotals] = ctx.execute(ctx.sql.RFM_TOTALS, _rfm_params(as_of)).fetchall()
    return segment(facts_from_totals(rows), as_of, _fixed_bands(ctx))


def live_snapshot_people(ctx: ShopContext, as_of: date) -> tuple[Snapshot, dict[int, tuple[str, str | None]]]:
    """:func:`live_snapshot` with each customer's name and phone, read in the same statement."""
    rows = ctx.execute(ctx.sql.RFM_TOTALS_PEOPLE, _rfm_params(as_of)).fetchall()
    snap = segment(facts_from_totals(r[:8] for r in rows), as_of, _fixed_bands(ctx))
    return snap, {r[0]: (r[8] or "", r[9]) for r in rows}


def month_end(year: int, month: int) -> date:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return nxt - timedelta(days=1)


def stored_snapshot(ctx: ShopContext, year: int, month: int) -> Snapshot | None:
    """The month-end snapshot of a finished month (made and stored the first time it is asked for)."""
    as_of = month_end(year, month)
    if as_of >= ctx.today():
        return None
    label = f"{year:04d}-{month:02d}"
    head = SegmentSnapshot.get_or_none(SegmentSnapshot.month == label)
    if head is None:
        snap = live_snapshot(ctx, as_of)
        with ctx.db.atomic():
            head = SegmentSnapshot.create(month=label, as_of=as_of, created_at=ctx.now(), cuts=json.dumps(
                {"R": _cut_json(snap.recency), "F": _cut_json(snap.frequency), "M": _cut_json(snap.monetary)}))
            connection(ctx.db).executemany(ctx.sql.INSERT_SEGMENT_ROW, (
                (head.id, s.customer_id, s.recency_days, s.frequency, s.monetary_fen, s.r, s.f, s.m,
                 s.value_class.value, s.spend_24m_fen, s.usual_interval_days) for s in snap.segments))
        return snap
    from ..segments import Segment
    cuts = json.loads(head.cuts)
    made = {m: Cuts(m, cuts[m.value]["mid"], cuts[m.value]["top"], cuts[m.value]["fixed"]) for m in Measure}
    segments = tuple(Segment(cid, rd, fq, mf, r, f, m, ValueClass(vc), sp, ui) for cid, rd, fq, mf, r, f, m, vc, sp, ui
                     in ctx.execute(ctx.sql.SNAPSHOT_ROWS, (head.id,)).fetchall())
    return Snapshot(head.as_of, made[Measure.RECENCY], made[Measure.FREQUENCY], made[Measure.MONETARY], segments)


def merged_ids(ctx: ShopContext) -> dict[int, int]:
    """Dropped file -> the file it was merged into (followed to the end of the chain)."""
    pairs = dict(ctx.execute(ctx.sql.MERGED_INTO).fetchall())
    out = {}
    for cid in pairs:
        seen, target = {cid}, pairs[cid]
        while target in pairs and target not in seen:
            seen.add(target)
            target = pairs[target]
        out[cid] = target
    return out


class CareService:
    """回访, 投诉, counter ratings and segments: what keeps customers coming back."""

    def __init__(self, ctx: ShopContext, sales: Any) -> None:
        self.ctx = ctx
        self.sales = sales
        # today's segments and their people, until the next change
        self._live: tuple[tuple[Any, ...], tuple[Snapshot, dict[int, tuple[str, str | None]]]] | None = None

    # -- the daily job ------------------------------------------------------
    @system_job
    def run_daily(self) -> dict[str, int]:
        """Create the day's inactive, birthday and care-cycle tasks, the first-response calls of
        complaints, and last month's segment snapshot. Idempotent: a second run makes nothing."""
        ctx = self.ctx
        today = ctx.today()
        settings = care_settings(ctx)
        cashier = ctx.execute(ctx.sql.LAST_CASHIER).fetchone()
        cashier_id = int(cashier[0]) if cashier else None
        with ctx.db.atomic():
            planned = daily_tasks(self._daily_facts(today, settings), today, settings, ctx.setting("shop.name"),
                                  cashier_id)
            made = store_tasks(ctx, planned)
        first = today.replace(day=1) - timedelta(days=1)
        if not SegmentSnapshot.select().where(SegmentSnapshot.month == f"{first:%Y-%m}").exists():
            stored_snapshot(ctx, first.year, first.month)
        return {"planned": len(planned), "created": made}

    def _daily_facts(self, today: date, settings: CareSettings) -> list[CareFacts]:
        """Customers with marketing consent who may be due a task today, with their service visits of
        the last 400 days: members with a birthday in the coming week or at the day of an absence, and
        regulars (enough visit days for a care cycle, the last one recent enough to keep it)."""
        ctx = self.ctx
        # seen within 270 days, or within the longest absence that still gets a call
        recent_from = today - timedelta(days=max(RECENT_DAYS, settings.inactive_days
                                                 + settings.inactive_catch_up_days))
        soon = {(d.month, d.day) for d in (today + timedelta(days=n) for n in range(settings.birthday_days_ahead + 1))}
        if (2, 28) in soon:
            soon.add((2, 29))       # 29 February falls on the 28th in common years
        birthdays = sorted(m * 100 + d for m, d in soon)
        history_from = _stamp(today - timedelta(days=HISTORY_DAYS))
        # a member's absence counts on its day (and catch-up days after); a cycle's last visit within
        # 1.5 x the longest cycle (later the cycle is broken: see followups.care_cycle_tasks)
        absent_from = today - timedelta(days=settings.inactive_days + settings.inactive_catch_up_days - 1)
        absent_to = today - timedelta(days=settings.inactive_days - 1)
        cycle_from = today - timedelta(days=CYCLE_MAX_DAYS + CYCLE_MAX_DAYS // 2)
        people = ctx.execute(
            ctx.sql.CARE_DAILY_PEOPLE.format(birthdays=", ".join(f"?{7 + i}" for i in range(len(birthdays)))),
            (history_from, _stamp(recent_from), _stamp(absent_from), _stamp(absent_to), cycle_from.isoformat(),
             max(settings.cycle_min_visits, 3), *birthdays)).fetchall()
        recent_text = recent_from.isoformat()
        with_history = [cid for cid, *_, last_at, _member in people if last_at and str(last_at)[:10] >= recent_text]
        days: dict[str, date] = {}
        history: dict[int, list[ServiceVisit]] = {}
        last_tech: dict[int, int | None] = {}
        for start in range(0, len(with_history), 500):
            chunk = with_history[start:start + 500]
            for cid, text, category, tech in ctx.execute(
                    ctx.sql.CARE_SERVICE_HISTORY_OF.format(marks=", ".join("?" * len(chunk))),
                    (*chunk, history_from)):
                d = days.get(text)
                if d is None:
                    d = days[text] = date.fromisoformat(text)
                own = history.get(cid)
                if own is None:
                    own = history[cid] = []
                own.append(ServiceVisit(d, category, tech))
                if tech is not None:
                    last_tech[cid] = tech
        facts = []
        for cid, name, month, mday, last_at, member in people:
            last = date.fromisoformat(str(last_at)[:10]) if last_at else None
            facts.append(CareFacts(CareCustomer(cid, name, True, True, bool(member), month, mday),
                                   last, last_tech.get(cid), tuple(history.get(cid, ()))))
        return facts

    # -- tasks ----------------------------------------------------------------
    def _task_records(self, actor: Actor, where: str, params: tuple[Any, ...]) -> list[TaskRecord]:
        ctx = self.ctx
        if actor.role == Role.TECHNICIAN.value:
            where += " AND t.assignee_id = ?"
            params += (actor.id,)
        rows = as_dicts(ctx.execute(ctx.sql.TASKS.format(where=where), params))
        now = ctx.now()
        full = actor.can(Perm.SEE_FULL_PHONE)
        out = []
        for r in rows:
            due, closed = as_datetime_or_none(r["due_at"]), as_datetime_or_none(r["closed_at"])
            assert due is not None
            task_type = TaskType(r["type"])
            state = TaskState(task_type, due, bool(r["all_day"]), closed)
            scores = ((r["attitude"], r["technique"], r["environment"]) if r["attitude"] is not None else None)
            out.append(TaskRecord(
                r["id"], r["key"], task_type, r["customer_id"], r["customer_name"],
                (r["phone"] or "") if full else mask_phone(r["phone"]), due, bool(r["all_day"]), r["assignee_id"],
                r["assignee_name"], r["message"], bucket(state, now), r["visit_id"], r["complaint_id"], closed,
                r["closed_by_name"], Outcome(r["outcome"]) if r["outcome"] else None, scores, r["comment"] or ""))
        return out

    @requires(ANY_STAFF)
    def tasks(self, actor: Actor, *, assignee_id: int | None = None, task_type: str | None = None,
              include_later: bool = False) -> list[TaskRecord]:
        """Open tasks due by the end of today (overdue first by due time), or all open ones with
        ``include_later``; filtered by assignee and type. A technician sees the tasks assigned to them."""
        ctx = self.ctx
        params: tuple[Any, ...] = ()
        if include_later:
            where = ctx.sql.TASKS_OPEN
        else:
            where, params = ctx.sql.TASKS_OPEN_DUE_BEFORE, (_stamp(ctx.today() + timedelta(days=1)),)
        found = self._task_records(actor, where, params)
        if assignee_id is not None:
            found = [t for t in found if t.assignee_id == assignee_id]
        if task_type:
            found = [t for t in found if t.type.value == task_type]
        return found

    @requires(ANY_STAFF)
    def closed_tasks(self, actor: Actor, days: int = 7) -> list[TaskRecord]:
        """Tasks closed in the last ``days`` days (what was done), newest due last."""
        since = self.ctx.today() - timedelta(days=days)
        return self._task_records(actor, self.ctx.sql.TASKS_CLOSED_SINCE, (_stamp(since),))

    @requires(Perm.CUSTOMERS)
    def tasks_of_customer(self, actor: Actor, customer_id: int) -> list[TaskRecord]:
        return self._task_records(actor, self.ctx.sql.TASKS_OF_CUSTOMER, (customer_id,))

    def _own_task(self, actor: Actor, task_id: int) -> TaskRecord:
        found = self._task_records(actor, self.ctx.sql.TASKS_BY_ID, (task_id,))
        if not found:
            if FollowUpTask.get_or_none(FollowUpTask.id == task_id) is not None:
                raise PermissionDenied("care.not_your_task")
            raise NotFound("care.task_not_found", id=task_id)
        return found[0]

    @requires(ANY_STAFF)
    def task(self, actor: Actor, task_id: int) -> TaskRecord:
        return self._own_task(actor, task_id)

    @requires(ANY_STAFF)
    def banner(self, actor: Actor, customer_id: int) -> CareBanner:
        """The customer beside a task: tier, last visit and services, preferences, open complaints."""
        row = Customer.get_or_none(Customer.id == customer_id)
        if row is None:
            raise NotFound("customer.not_found", id=customer_id)
        if actor.role == Role.TECHNICIAN.value and not FollowUpTask.select().where(
                (FollowUpTask.customer == customer_id) & (FollowUpTask.assignee == actor.id)).exists():
            raise PermissionDenied("perm.not_your_customer")
        member = Member.get_or_none((Member.customer == customer_id) & (Member.active == True))  # noqa: E712
        last = (Sale.select().where((Sale.customer == customer_id) & (Sale.status == "completed"))
                .order_by(Sale.created_at.desc()).first())
        services: tuple[str, ...] = ()
        if last is not None:
            services = tuple(dict.fromkeys(l.name for l in SaleLine.select(SaleLine.name)
                                           .where(SaleLine.sale == last.id).order_by(SaleLine.id)))
        prefs = "；".join(x for x in (row.care_goals.strip(), row.notes.strip()) if x)
        full = actor.can(Perm.SEE_FULL_PHONE)
        return CareBanner(row.id, row.name, (row.phone or "") if full else mask_phone(row.phone),
                          member.tier if member else None, last.created_at if last else None, services, prefs,
                          self._flags(customer_id))

    def _flags(self, customer_id: int) -> tuple[ComplaintFlag, ...]:
        settings, now = care_settings(self.ctx), self.ctx.now()
        out = []
        for c in Complaint.select().where((Complaint.customer == customer_id) & Complaint.resolved_at.is_null()):
            times = ComplaintTimes(c.received_at, c.responded_at, c.resolved_at)
            out.append(ComplaintFlag(c.id, parse_category(c.category), c.received_at,
                                     is_flagged(times, settings, now)))
        return tuple(out)

    @requires(ANY_STAFF)
    def open_complaints_of(self, actor: Actor, customer_id: int) -> tuple[ComplaintFlag, ...]:
        """For the check-in banner and the customer's file: "open complaint", red when overdue."""
        return self._flags(customer_id)

    @requires(ANY_STAFF)
    def close_task(self, actor: Actor, task_id: int, outcome: str, scores: tuple[int, int, int] | None = None,
                   comment: str = "") -> TaskRecord:
        """Close a task once with its outcome; visit and complaint calls that reached the customer
        take the three scores (服务态度、技术水平、服务环境, 1-5). A technician closes their own."""
        try:
            result = Outcome(outcome)
        except ValueError:
            raise InvalidInput("care.bad_outcome", value=outcome) from None
        given = Scores(*scores) if scores is not None else None
        with self.ctx.db.atomic():
            record = self._own_task(actor, task_id)
            closing = close(TaskState(record.type, record.due_at, record.all_day, record.closed_at), result,
                            self.ctx.now(), given, comment)
            FollowUpTask.update(
                closed_at=closing.closed_at, closed_by=actor.id, outcome=closing.outcome.value,
                attitude=given.attitude if given else None, technique=given.technique if given else None,
                environment=given.environment if given else None, comment=closing.comment,
            ).where(FollowUpTask.id == task_id).execute()
            if record.type is TaskType.COMPLAINT and result is Outcome.REACHED and record.complaint_id:
                # the complaint's call reached the customer: that is its first response
                complaint = self._complaint(record.complaint_id)
                if complaint.responded_at is None and complaint.resolved_at is None:
                    self._respond(actor, complaint, closing.comment or "回访已联系上顾客", closing.closed_at)
            self.ctx.audit(actor, "followup_closed", target=f"task:{task_id}", outcome=result.value,
                           on_time=closing.on_time)
        return self._own_task(actor, task_id)

    @requires(Perm.FOLLOW_UPS)
    def reassign(self, actor: Actor, task_id: int, assignee_id: int) -> TaskRecord:
        with self.ctx.db.atomic():
            record = self._own_task(actor, task_id)
            if record.closed_at is not None:
                raise Conflict("care.task_closed")
            staff = self.ctx.staff_row(assignee_id)
            if not staff.active:
                raise InvalidInput("care.assignee_inactive", name=staff.display_name)
            FollowUpTask.update(assignee=assignee_id).where(FollowUpTask.id == task_id).execute()
            self.ctx.audit(actor, "followup_reassigned", target=f"task:{task_id}", assignee=assignee_id)
        return self._own_task(actor, task_id)

    @requires(Perm.FOLLOW_UPS)
    def follow_up_at_risk(self, actor: Actor, customer_id: int) -> TaskRecord:
        """One key on the segments page: a call to an at-risk customer today (once a day per customer)."""
        customer = _care_customer(self.ctx, customer_id)
        if customer is None:
            raise NotFound("customer.not_found", id=customer_id)
        task = at_risk_task(customer, self.ctx.today(), self.ctx.setting("shop.name"), actor.id)
        with self.ctx.db.atomic():
            store_tasks(self.ctx, [task])
            self.ctx.audit(actor, "followup_created", target=f"customer:{customer_id}", key=task.key)
        row = FollowUpTask.get(FollowUpTask.key == task.key)
        return self._own_task(actor, row.id)

    # -- counter rating ---------------------------------------------------------
    @requires(Perm.COUNTER)
    def rate_sale(self, actor: Actor, sale_id: int, rating: int) -> None:
        """The customer's own 1-5 after checkout (optional; once per sale)."""
        check_counter_rating(rating)
        with self.ctx.db.atomic():
            if Sale.get_or_none(Sale.id == sale_id) is None:
                raise NotFound("sale.not_found", id=sale_id)
            if CounterRating.get_or_none(CounterRating.sale == sale_id) is not None:
                raise Conflict("care.already_rated")
            CounterRating.create(sale=sale_id, rating=rating, at=self.ctx.now(), staff=actor.id)

    # -- complaints ---------------------------------------------------------------
    def _complaint(self, complaint_id: int) -> Complaint:
        row = Complaint.get_or_none(Complaint.id == complaint_id)
        if row is None:
            raise NotFound("complaint.not_found", id=complaint_id)
        return row

    def _record(self, row: Complaint) -> ComplaintRecord:
        names = self.ctx.staff_names()
        settings, now = care_settings(self.ctx), self.ctx.now()
        times = ComplaintTimes(row.received_at, row.responded_at, row.resolved_at)
        due = deadlines(row.received_at, settings)
        customer = Customer.get_by_id(row.customer_id)
        progress = tuple(ProgressRecord(p.at, names.get(p.staff_id, ""), p.text) for p in
                         ComplaintProgress.select().where(ComplaintProgress.complaint == row.id)
                         .order_by(ComplaintProgress.id))
        remedies = tuple(RemedyRecord(RemedyKind(r.kind), r.amount_fen, r.points, r.note, r.at,
                                      names.get(r.staff_id, ""), r.refund_id, r.visit_line_id)
                         for r in ComplaintRemedy.select().where(ComplaintRemedy.complaint == row.id)
                         .order_by(ComplaintRemedy.id))
        return ComplaintRecord(
            row.id, row.customer_id, customer.name, parse_category(row.category), parse_channel(row.channel),
            row.description, row.received_at, names.get(row.recorded_by_id, ""), row.handler_id,
            names.get(row.handler_id, "") if row.handler_id else "", row.visit_id, row.sale_line_id,
            row.technician_id, names.get(row.technician_id, "") if row.technician_id else "",
            due.response_due, due.resolution_due, row.responded_at, row.resolved_at, row.resolution,
            response_mark(times, settings, now), resolution_mark(times, settings, now), progress, remedies)

    @requires(Perm.COMPLAINTS)
    def complaint(self, actor: Actor, complaint_id: int) -> ComplaintRecord:
        return self._record(self._complaint(complaint_id))

    @requires(Perm.COMPLAINTS)
    def complaints(self, actor: Actor, *, open_only: bool = True,
                   customer_id: int | None = None) -> list[ComplaintRecord]:
        """Complaints, oldest first (open ones only unless asked)."""
        query = Complaint.select().order_by(Complaint.received_at, Complaint.id)
        if open_only:
            query = query.where(Complaint.resolved_at.is_null())
        if customer_id is not None:
            query = query.where(Complaint.customer == customer_id)
        return [self._record(r) for r in query]

    @requires(Perm.COMPLAINTS)
    def visits_of(self, actor: Actor, customer_id: int, limit: int = 20) -> list[tuple[int, datetime, str]]:
        """The customer's recent completed visits for the complaint dialog: (visit id, time, services)."""
        out = []
        for sale in (Sale.select().where((Sale.customer == customer_id) & (Sale.status == "completed"))
                     .order_by(Sale.created_at.desc()).limit(limit)):
            names = "、".join(dict.fromkeys(l.name for l in SaleLine.select(SaleLine.name)
                                             .where(SaleLine.sale == sale.id)))
            out.append((sale.visit_id, sale.created_at, names))
        return out

    @requires(Perm.COMPLAINTS)
    def services_of_visit(self, actor: Actor, visit_id: int) -> list[tuple[int, str, str]]:
        """The lines of a completed visit a complaint can name: (sale line id, name, technician)."""
        sale = Sale.get_or_none(Sale.visit == visit_id)
        if sale is None:
            return []
        return [(int(l.id), str(l.name), str(l.technician_name)) for l in
                SaleLine.select().where(SaleLine.sale == sale.id).order_by(SaleLine.id)]

    @requires(Perm.COMPLAINTS)
    def open_complaint(self, actor: Actor, customer_id: int, category: str, channel: str, description: str, *,
                       received_at: datetime | None = None, visit_id: int | None = None,
                       sale_line_id: int | None = None, technician_id: int | None = None,
                       handler_id: int | None = None) -> ComplaintRecord:
        """Record a complaint; the first-response call is created at once (due at the response deadline)."""
        ctx = self.ctx
        now = ctx.now()
        cat, chan = parse_category(category), parse_channel(channel)
        with ctx.db.atomic():
            customer = Customer.get_or_none(Customer.id == customer_id)
            if customer is None or customer.anonymised_at is not None:
                raise NotFound("customer.not_found", id=customer_id)
            visit_customer = None
            if visit_id is not None:
                visit = Visit.get_or_none(Visit.id == visit_id)
                if visit is None:
                    raise NotFound("visit.not_found", id=visit_id)
                visit_customer = visit.customer_id
            if sale_line_id is not None:
                line = SaleLine.get_or_none(SaleLine.id == sale_line_id)
                if line is None or visit_id is None or line.sale.visit_id != visit_id:
                    raise InvalidInput("complaint.line_not_of_visit")
                if technician_id is None:
                    technician_id = line.technician_id
            check_new_complaint(NewComplaint(customer_id, cat, chan, description, received_at or now, handler_id,
                                             visit_id, visit_customer, sale_line_id, technician_id), now)
            row = Complaint.create(
                customer=customer_id, visit=visit_id, sale_line=sale_line_id, technician=technician_id,
                category=cat.value, channel=chan.value, description=description.strip(),
                received_at=received_at or now, recorded_by=actor.id, handler=handler_id or actor.id,
                resolution="", created_at=now)
            complaint_followups(ctx, row, actor.id)
            ctx.audit(actor, "complaint_opened", target=f"complaint:{row.id}", customer=customer_id,
                      category=cat.value)
        return self._record(row)

    @requires(Perm.COMPLAINTS)
    def respond(self, actor: Actor, complaint_id: int, text: str) -> ComplaintRecord:
        """The first response to the customer (what was said goes into the progress log). It is the
        complaint's first call too: that task is closed with it (reached), so it does not turn red."""
        now = self.ctx.now()
        with self.ctx.db.atomic():
            row = self._complaint(complaint_id)
            self._respond(actor, row, text, now)
            call = FollowUpTask.get_or_none((FollowUpTask.key == f"complaint:{row.id}")
                                            & FollowUpTask.closed_at.is_null())
            if call is not None:
                state = TaskState(TaskType.COMPLAINT, call.due_at, bool(call.all_day), None)
                closing = close(state, Outcome.REACHED, now, None, text.strip()[:COMMENT_MAX])
                FollowUpTask.update(closed_at=now, closed_by=actor.id, outcome=closing.outcome.value,
                                    comment=closing.comment).where(FollowUpTask.id == call.id).execute()
                self.ctx.audit(actor, "followup_closed", target=f"task:{call.id}", outcome=closing.outcome.value,
                               on_time=closing.on_time)
        return self._record(self._complaint(complaint_id))

    def _respond(self, actor: Actor, row: Complaint, text: str, now: datetime) -> None:
        check_response(ComplaintTimes(row.received_at, row.responded_at, row.resolved_at), now)
        self._log(row, actor, text, now)
        Complaint.update(responded_at=now).where(Complaint.id == row.id).execute()
        self.ctx.audit(actor, "complaint_answered", target=f"complaint:{row.id}")

    def _log(self, row: Complaint, actor: Actor, text: str, at: datetime) -> None:
        log = tuple(ProgressEntry(p.at, p.staff_id, p.text) for p in
                    ComplaintProgress.select().where(ComplaintProgress.complaint == row.id)
                    .order_by(ComplaintProgress.id))
        entry = append_progress(log, ProgressEntry(at, actor.id, text.strip()))[-1]
        ComplaintProgress.create(complaint=row.id, at=entry.at, staff=actor.id, text=entry.text)

    @requires(Perm.COMPLAINTS)
    def add_progress(self, actor: Actor, complaint_id: int, text: str) -> ComplaintRecord:
        with self.ctx.db.atomic():
            self._log(self._complaint(complaint_id), actor, text, self.ctx.now())
        return self._record(self._complaint(complaint_id))

    @requires(Perm.COMPLAINTS)
    def give_remedy(self, actor: Actor, complaint_id: int, kind: str, *, note: str = "", points: int = 0,
                    sale_line_ids: list[int] | None = None, grant: OwnerGrant | None = None,
                    refund_method: str | None = None) -> ComplaintRecord:
        """A remedy, linked to what it did: a refund of whole lines of the complained-of visit (the refund
        flow, with the owner's grant); a free redo (a ¥0 line of the same service on the customer's open
        visit, opened if need be); points (the ledger, with the complaint as reason; the owner, or the
        owner's grant); a free upgrade, a gift (what, in ``note``); an apology."""
        ctx = self.ctx
        remedy_kind = parse_remedy(kind)
        now = ctx.now()
        with ctx.db.atomic():
            row = self._complaint(complaint_id)
            if row.resolved_at is not None:
                raise Conflict("complaint.already_resolved")
            sale = Sale.get_or_none((Sale.visit == row.visit_id) & (Sale.status == "completed")) \
                if row.visit_id else None
            paid = sale.amount_due_fen if sale is not None else None
            refunded = sum(r.amount_fen for r in ComplaintRemedy.select().where(
                (ComplaintRemedy.complaint == row.id) & (ComplaintRemedy.kind == RemedyKind.REFUND.value)))
            amount = 0
            if remedy_kind is RemedyKind.REFUND:
                if sale is None:
                    raise InvalidInput("complaint.remedy_needs_visit", remedy=remedy_kind.value)
                lines = sale_line_ids or ([row.sale_line_id] if row.sale_line_id else None)
                amount = self.sales.preview_refund(actor, sale.id, lines).amount_fen
                check_remedy(Remedy(remedy_kind, amount, 0, note), paid, refunded)
                self.sales.refund(actor, sale.id, lines, grant=grant,
                                  reason=f"投诉 #{row.id} 退款" + (f"：{note.strip()}" if note.strip() else ""),
                                  method=refund_method)
                from .models import Refund
                refund = Refund.select().where(Refund.sale == sale.id).order_by(Refund.id.desc()).first()
                ComplaintRemedy.create(complaint=row.id, kind=remedy_kind.value, amount_fen=amount, points=0,
                                       note=note.strip(), at=now, staff=actor.id, refund=refund.id)
            else:
                check_remedy(Remedy(remedy_kind, 0, points, note), paid, refunded)
                line_id = entry_id = None
                if remedy_kind is RemedyKind.REDO:
                    line_id = self._redo_line(actor, row, sale)
                elif remedy_kind is RemedyKind.POINTS:
                    if not actor.can(Perm.MANUAL_POINTS):
                        ctx.check_grant(grant)
                    entry = PointsEntry.create(customer=row.customer_id, kind="manual", points=points, at=now,
                                               staff=actor.id, reason=f"投诉补偿（投诉 #{row.id}）")
                    entry_id = entry.id
                ComplaintRemedy.create(complaint=row.id, kind=remedy_kind.value, amount_fen=0, points=points,
                                       note=note.strip(), at=now, staff=actor.id, visit_line_id=line_id,
                                       points_entry=entry_id)
                if remedy_kind is RemedyKind.POINTS and grant is not None and not actor.can(Perm.MANUAL_POINTS):
                    ctx.spend_grant(grant)
            ctx.audit(actor, "complaint_remedy", target=f"complaint:{row.id}", kind=remedy_kind.value,
                      amount=amount, points=points)
        return self._record(self._complaint(complaint_id))

    def _redo_line(self, actor: Actor, row: Complaint, sale: Sale | None) -> int:
        assert sale is not None
        source = (SaleLine.get_or_none(SaleLine.id == row.sale_line_id) if row.sale_line_id else
                  SaleLine.select().where((SaleLine.sale == sale.id) & (SaleLine.kind == "service"))
                  .order_by(SaleLine.id).first())
        if source is None or source.item_id is None or Item.get_or_none(Item.id == source.item_id) is None:
            raise InvalidInput("complaint.nothing_to_redo")
        visit = Visit.get_or_none((Visit.customer == row.customer_id) & (Visit.status == "open"))
        if visit is None:
            visit = Visit.create(customer=row.customer_id, opened_at=self.ctx.now(), opened_by=actor.id)
        line = VisitLine.create(visit=visit, item=source.item_id, technician=source.technician_id, quantity=1,
                                unit_price_fen=0, note=f"投诉 #{row.id} 免费重做", added_at=self.ctx.now())
        return int(line.id)

    @requires(Perm.COMPLAINTS)
    def resolve(self, actor: Actor, complaint_id: int, resolution: str) -> ComplaintRecord:
        """Close the complaint with its resolution (needs a remedy; an apology is one); the satisfaction
        call about the remedy is created."""
        now = self.ctx.now()
        with self.ctx.db.atomic():
            row = self._complaint(complaint_id)
            remedies = tuple(Remedy(RemedyKind(r.kind), r.amount_fen, r.points, r.note)
                             for r in ComplaintRemedy.select().where(ComplaintRemedy.complaint == row.id))
            check_resolution(ComplaintTimes(row.received_at, row.responded_at, row.resolved_at), remedies,
                             resolution, now)
            Complaint.update(resolved_at=now, resolution=resolution.strip()).where(Complaint.id == row.id).execute()
            complaint_followups(self.ctx, self._complaint(complaint_id), actor.id)
            self.ctx.audit(actor, "complaint_resolved", target=f"complaint:{row.id}")
        return self._record(self._complaint(complaint_id))

    # -- segments -----------------------------------------------------------------
    @requires(Perm.SEGMENTS)
    def segments(self, actor: Actor) -> SegmentsView:
        """The live segments as of today, every customer with a reason for the at-risk ones."""
        today = self.ctx.today()
        # Every change that can move a customer's segment (a sale, void, refund, merge, erasure, a
        # setting) is audited: the newest audit entry tells whether the day's snapshot is still true.
        key = (today, self.ctx.execute(self.ctx.sql.LAST_AUDIT_ID).fetchone()[0],
               json.dumps(self.ctx.setting("segments.bands"), sort_keys=True))
        if self._live is not None and self._live[0] == key:
            snap, people = self._live[1]
        else:
            snap, people = live_snapshot_people(self.ctx, today)
            self._live = (key, (snap, people))
        full = actor.can(Perm.REPORTS_ALL)       # the owner sees whole phones; the cashier masked ones
        lines = []
        for s in snap.segments:
            name, phone = people.get(s.customer_id, ("", None))
            reason = at_risk_reason(s) if s.value_class is ValueClass.AT_RISK else ""
            lines.append(SegmentLine(s, name, (phone or "") if full else mask_phone(phone), reason))
        counts = snap.counts()
        return SegmentsView(today, tuple((c, counts[c]) for c in ValueClass), snap.sentences(), tuple(lines))

    @system_job
    def month_snapshot(self, year: int, month: int) -> int:
        """Store a finished month's snapshot if it is not stored yet; its number of customers."""
        snap = stored_snapshot(self.ctx, year, month)
        return len(snap.segments) if snap is not None else 0


# -- the month's care figures (the report's one query layer) ------------------------------

def _ids(text: str | None) -> tuple[int, ...]:
    return tuple(int(x) for x in text.split(",")) if text else ()


def care_report(ctx: ShopContext, start: date, end: date, visits: int) -> CareReport:
    """Complaints received, follow-ups due, scores and ratings given in [start, end); segments at the
    period's end (stored month-end snapshots for finished months, so last month's report never changes)."""
    db, q = ctx.db, ctx.sql
    lo, hi = _stamp(start), _stamp(end)
    settings = care_settings(ctx)
    last_day = end - timedelta(days=1)
    as_of = min(ctx.now(), datetime.combine(end, time()))
    complaints = [ComplaintRow(r[0], parse_category(r[1]), r[2], as_datetime_or_none(r[3]) or as_of, as_datetime_or_none(r[4]), as_datetime_or_none(r[5]))
                  for r in ctx.execute(q.MONTH_COMPLAINTS, (lo, hi)).fetchall()]
    tasks = [FollowUpRow(TaskType(r[0]), as_datetime_or_none(r[1]) or as_of, bool(r[2]), as_datetime_or_none(r[3]), Outcome(r[4]) if r[4] else None)
             for r in ctx.execute(q.MONTH_TASKS_DUE, (lo, hi)).fetchall()]
    scores = [FollowUpScoreRow(a, t, e, _ids(techs))
              for a, t, e, techs in ctx.execute(q.MONTH_TASK_SCORES, (lo, hi)).fetchall()]
    ratings = [CounterRatingRow(r, _ids(techs)) for r, techs in ctx.execute(q.MONTH_COUNTER_RATINGS, (lo, hi))]
    names = tuple(sorted(ctx.staff_names().items()))
    report = CareReport(
        complaints=complaint_figures(complaints, visits, start, last_day, settings, as_of),
        satisfaction=satisfaction_figures(scores, ratings),
        followups=followup_figures(tasks, start, last_day), staff_names=names)
    if (end - start).days < 28:          # a day's figures: no segments
        return report
    month_label = f"{start:%Y-%m}"
    if stored_snapshot_head(ctx, start.year, start.month) is not None:
        counts, risky_rows, snapshot = _stored_summary(ctx, month_label)
    else:                                     # the month is not over: the segments as of today
        snapshot = live_snapshot(ctx, min(last_day, ctx.today()))
        counts = snapshot.counts()
        risky_rows = at_risk_list(snapshot)
    before_day = start - timedelta(days=1)
    before_counts = None
    if stored_snapshot_head(ctx, before_day.year, before_day.month) is not None:
        merged = merged_ids(ctx)
        before_classes: dict[int, str] = {}
        for cid, cls in ctx.execute(q.SNAPSHOT_CLASSES, (f"{before_day:%Y-%m}",)).fetchall():
            before_classes[merged.get(cid, cid)] = cls
        before_counts = {c: 0 for c in ValueClass}
        for cls in before_classes.values():
            before_counts[ValueClass(cls)] += 1
    merged = merged_ids(ctx)
    risky = []
    for s in risky_rows:
        found = ctx.execute(q.CUSTOMER_NAME_PHONE, (merged.get(s.customer_id, s.customer_id),)).fetchone()
        name, phone = found if found else ("", None)
        risky.append(AtRiskLine(name, mask_phone(phone), s.spend_24m_fen, at_risk_reason(s)))
    return CareReport(
        report.complaints, report.satisfaction, report.followups, names,
        segment_counts=tuple((c.value, counts[c], before_counts[c] if before_counts else None) for c in ValueClass),
        segment_rules=snapshot.sentences(), at_risk=tuple(risky), segments_as_of=snapshot.as_of)


def stored_snapshot_head(ctx: ShopContext, year: int, month: int) -> SegmentSnapshot | None:
    """The stored head of a finished month's snapshot (made now if it was never made)."""
    if month_end(year, month) >= ctx.today():
        return None
    head = SegmentSnapshot.get_or_none(SegmentSnapshot.month == f"{year:04d}-{month:02d}")
    if head is None:
        stored_snapshot(ctx, year, month)
        head = SegmentSnapshot.get_or_none(SegmentSnapshot.month == f"{year:04d}-{month:02d}")
    return head


def _stored_summary(ctx: ShopContext, label: str) -> tuple[dict[ValueClass, int], list[Any], Snapshot]:
    """Class counts and the at-risk list of a stored snapshot, read without loading every row."""
    from ..segments import AT_RISK_LIST_SIZE, Segment
    head = SegmentSnapshot.get(SegmentSnapshot.month == label)
    counts = {c: 0 for c in ValueClass}
    for cls, n in ctx.execute(ctx.sql.SNAPSHOT_COUNTS, (head.id,)).fetchall():
        counts[ValueClass(cls)] = n
    risky = [Segment(cid, rd, fq, mf, r, f, m, ValueClass(vc), sp, ui) for cid, rd, fq, mf, r, f, m, vc, sp, ui
             in ctx.execute(ctx.sql.SNAPSHOT_AT_RISK, (head.id, AT_RISK_LIST_SIZE)).fetchall()]
    cuts = json.loads(head.cuts)
    made = {m: Cuts(m, cuts[m.value]["mid"], cuts[m.value]["top"], cuts[m.value]["fixed"]) for m in Measure}
    return counts, risky, Snapshot(head.as_of, made[Measure.RECENCY], made[Measure.FREQUENCY],
                                   made[Measure.MONETARY], ())
