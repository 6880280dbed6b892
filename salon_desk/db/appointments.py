"""The appointment book (预约, SPEC §5/§7): book, move, cancel, no-show, check in, remind.

Every rule is in ``salon_desk.appointments``; this service reads what the rules need
(the technicians, the services, the rota, the affected technicians' slots), asks them
inside the booking's own transaction, and writes. Bookings are never deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from peewee import fn

from .. import appointments as rules
from ..appointments import (
    BookContext, BookedService, BookingDraft, BookingInfo, BookingLine, BookingRecord, BookingStatus, NoShows, Reminder,
    ReminderLine, ServiceRef, Slot, TechnicianDay, TechnicianRef,
)
from ..errors import NotFound, PermissionDenied
from ..records import VisitInfo
from ..roles import Perm, Role
from ..birthday import window_birthday
from .context import Actor, ShopContext
from .customer_rows import current_consents
from .models import (
    Booking, BookingLine as LineRow, Customer, Item, Staff,
)
from .permissions import ANY_STAFF, requires
from .rows import as_dict, as_dicts
from .visits import VisitService


def complete_booking_of_visit(ctx: ShopContext, visit_id: int) -> None:
    """Inside the checkout transaction: the booking checked in to this visit is completed."""
    ctx.execute(ctx.sql.COMPLETE_BOOKING_OF_VISIT, (BookingStatus.COMPLETED.value, ctx.now(), visit_id,
                                                    BookingStatus.CHECKED_IN.value))


def _marks(values: Sequence[object]) -> str:
    return ", ".join("?" * len(values))


def _stamp(value: datetime) -> str:
    """A datetime as the shop file stores it (peewee's DateTimeField: ISO with a space)."""
    return value.isoformat(" ")


def _read_stamp(value: str | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time())
    return start, start + timedelta(days=1)


class AppointmentService:
    """The book: what is booked, by whom, for whom; check-in turns a booking into a visit."""

    def __init__(self, ctx: ShopContext, visits: VisitService) -> None:
        self.ctx = ctx
        self.visits = visits

    # ------------------------------------------------------------ reading what the rules need

    def _rota(self) -> rules.Rota:
        return rules.rota_from_json(self.ctx.setting("appointments.hours"))

    def _technicians(self, ids: Iterable[int]) -> dict[int, TechnicianRef]:
        """The staff members named (by id): what the rules need of the booking's technicians."""
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = as_dicts(self.ctx.execute(self.ctx.sql.BOOKING_STAFF.format(marks=_marks(wanted)), wanted))
        return {r["id"]: TechnicianRef(r["id"], r["display_name"], bool(r["active"])) for r in rows}

    def _services(self, ids: Iterable[int]) -> dict[int, ServiceRef]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        rows = as_dicts(self.ctx.execute(self.ctx.sql.BOOKING_SERVICES.format(marks=_marks(wanted)), wanted))
        return {r["id"]: ServiceRef(r["id"], r["name"], r["duration_min"] or 60, bool(r["active"]),
                                    r["care_tip"] or "") for r in rows}

    def _slots(self, technician_ids: Iterable[int], first: datetime, last: datetime) -> list[Slot]:
        """The slots holding time of these technicians between ``first`` and ``last``."""
        techs = sorted(set(technician_ids))
        if not techs:
            return []
        earliest = first - timedelta(minutes=rules.MAX_LINE_MINUTES)
        rows = as_dicts(self.ctx.execute(self.ctx.sql.BOOKING_SLOTS.format(marks=_marks(techs)),
                                         [*techs, _stamp(last), _stamp(earliest), _stamp(first)]))
        return [Slot(r["booking_id"], r["technician_id"], _read_stamp(r["start_at"]), _read_stamp(r["end_at"]),
                     r["name"] or "", BookingStatus(r["status"])) for r in rows]

    def _check(self, draft: BookingDraft, before: BookingDraft | None = None,
               services: dict[int, ServiceRef] | None = None) -> dict[int, TechnicianRef]:
        """Refuse the draft with a typed error; returns its technicians (for the record)."""
        techs = [line.technician_id for line in draft.lines]
        first = min((l.start for l in draft.lines), default=self.ctx.now()) - timedelta(hours=12)
        last = max((l.end for l in draft.lines), default=self.ctx.now()) + timedelta(hours=12)
        if services is None:
            services = self._services(l.service_id for l in draft.lines)
        technicians = self._technicians(techs)
        context = BookContext(self.ctx.now(), technicians, services, self._rota(), self._slots(techs, first, last))
        rules.validate_booking(draft, context, before=before)
        return technicians

    # ------------------------------------------------------------ records

    def _record(self, row: Booking) -> BookingRecord:
        names = self.ctx.staff_names()
        lines = cast(list[dict[str, Any]], list(
            LineRow.select(LineRow, Item.name.alias("item_name")).join(Item)
            .where(LineRow.booking == row.id).order_by(LineRow.start_at, LineRow.id).dicts()))
        services = tuple(BookedService(l["id"], l["item"], l["item_name"], l["technician"],
                                       names.get(l["technician"], ""), l["start_at"], l["minutes"],
                                       bool(l["designated"])) for l in lines)
        customer = Customer.get_by_id(row.customer_id) if row.customer_id else None
        return BookingRecord(row.id, BookingStatus(row.status), row.customer_id,
                             customer.name if customer else row.newcomer_name,
                             "" if customer else row.newcomer_phone, row.start_at, row.end_at, services,
                             row.notes, names.get(row.booked_by_id, ""), row.booked_at, row.cancel_reason,
                             row.visit_id, self._no_shows(row.customer_id) if row.customer_id else 0)

    @staticmethod
    def _no_shows(customer_id: int) -> int:
        return int(Booking.select().where((Booking.customer == customer_id)
                                          & (Booking.status == BookingStatus.NO_SHOW.value)).count())

    @staticmethod
    def _row(booking_id: int) -> Booking:
        row = Booking.get_or_none(Booking.id == booking_id)
        if row is None:
            raise NotFound("appointment.not_found", id=booking_id)
        return row

    def _write_lines(self, booking: Booking, draft: BookingDraft) -> list[int]:
        existing = list(LineRow.select().where(LineRow.booking == booking.id).order_by(LineRow.id))
        for row, line in zip(existing, draft.lines):
            LineRow.update(item=line.service_id, technician=line.technician_id, start_at=line.start,
                           end_at=line.end, minutes=line.minutes, designated=line.designated).where(
                LineRow.id == row.id).execute()
        ids = [int(row.id) for row in existing[:len(draft.lines)]]
        for line in draft.lines[len(existing):]:
            ids.append(int(LineRow.create(booking=booking, item=line.service_id, technician=line.technician_id,
                                          start_at=line.start, end_at=line.end, minutes=line.minutes,
                                          designated=line.designated).id))
        Booking.update(start_at=draft.start, end_at=draft.end).where(Booking.id == booking.id).execute()
        return ids

    # ------------------------------------------------------------ booking and changing

    @requires(Perm.APPOINTMENTS)
    def book(self, actor: Actor, services: Sequence[tuple[int, int, datetime, int | None, bool]], *,
             customer_id: int | None = None, newcomer_name: str = "", newcomer_phone: str = "",
             notes: str = "") -> BookingRecord:
        """Book ``services`` — each (service id, technician id, start, minutes or None for the
        catalogue's usual duration, designated) — for a customer from the file or a newcomer.
        Refused with a typed error (the clash names who and when); nothing is written then."""
        with self.ctx.db.atomic():
            customer_name, no_shows = "", 0
            if customer_id is not None:
                customer = as_dict(self.ctx.execute(self.ctx.sql.BOOKING_CUSTOMER, (customer_id,)))
                if customer is None or customer["anonymised"]:
                    raise NotFound("customer.not_found", id=customer_id)
                customer_name, no_shows = customer["name"], int(customer["no_shows"])
            usual = self._services(s[0] for s in services)
            lines = tuple(BookingLine(int(sid), int(tid), start,
                                      int(minutes) if minutes is not None
                                      else (usual[sid].minutes if sid in usual else 60), bool(designated))
                          for sid, tid, start, minutes, designated in services)
            draft = BookingDraft(lines, customer_id=customer_id, customer_name=customer_name,
                                 newcomer_name="" if customer_id else newcomer_name.strip(),
                                 newcomer_phone="" if customer_id else newcomer_phone.strip(), notes=notes.strip())
            technicians = self._check(draft, services=usual)
            booked_at = self.ctx.now()
            booking_id = self.ctx.execute(self.ctx.sql.INSERT_BOOKING, (
                customer_id, draft.newcomer_name, draft.newcomer_phone, draft.notes, _stamp(draft.start),
                _stamp(draft.end), actor.id, _stamp(booked_at))).lastrowid
            assert booking_id is not None
            values = [v for l in draft.lines for v in (booking_id, l.service_id, l.technician_id, _stamp(l.start),
                                                        _stamp(l.end), l.minutes, int(l.designated))]
            rows = self.ctx.sql.INSERT_BOOKING_LINES.format(rows=", ".join(["(?, ?, ?, ?, ?, ?, ?)"] * len(draft.lines)))
            written = {(r["technician_id"], _read_stamp(r["start_at"])): r["id"]
                       for r in as_dicts(self.ctx.execute(rows, values))}
            self.ctx.audit(actor, "booking_made", target=f"booking:{booking_id}", start=draft.start)
            # the record from what was just written (no second read of the booking)
            return BookingRecord(
                booking_id, BookingStatus.BOOKED, customer_id, customer_name or draft.newcomer_name,
                draft.newcomer_phone, draft.start, draft.end,
                tuple(sorted((BookedService(written[(l.technician_id, l.start)], l.service_id,
                                            usual[l.service_id].name, l.technician_id,
                                            technicians[l.technician_id].name, l.start, l.minutes, l.designated)
                              for l in draft.lines), key=lambda s: (s.start, s.line_id))),
                draft.notes, actor.display_name, booked_at, "", None, no_shows)

    def _change(self, actor: Actor, booking_id: int, change: Any, action: str) -> BookingRecord:
        with self.ctx.db.atomic():
            row = self._row(booking_id)
            before = self._record(row)
            old = before.draft()
            new = change(old)
            self._check(new, before=old)
            self._write_lines(row, new)
            self.ctx.audit(actor, action, target=f"booking:{row.id}", start=new.start, end=new.end)
            return self._record(self._row(booking_id))

    @requires(Perm.APPOINTMENTS)
    def move(self, actor: Actor, booking_id: int, technician_id: int, start: datetime,
             from_technician_id: int | None = None) -> BookingRecord:
        """Shift the booking so it starts at ``start``; the services of ``from_technician_id``
        (all when None) go to ``technician_id``. Checked like a new booking."""
        return self._change(actor, booking_id,
                            lambda d: rules.moved(d, technician_id, start, from_technician_id), "booking_moved")

    @requires(Perm.APPOINTMENTS)
    def resize(self, actor: Actor, booking_id: int, end: datetime) -> BookingRecord:
        """The booking's last service lengthened or shortened to end at ``end``."""
        return self._change(actor, booking_id, lambda d: rules.resized(d, end), "booking_resized")

    def _close(self, actor: Actor, booking_id: int, new: BookingStatus, reason: str = "") -> BookingRecord:
        with self.ctx.db.atomic():
            row = self._row(booking_id)
            rules.check_transition(BookingStatus(row.status), new, reason=reason, start=row.start_at,
                                   now=self.ctx.now())
            Booking.update(status=new.value, cancel_reason=reason.strip(), closed_at=self.ctx.now(),
                           closed_by=actor.row).where(Booking.id == row.id).execute()
            self.ctx.audit(actor, f"booking_{new.value}", target=f"booking:{row.id}", reason=reason.strip())
            return self._record(self._row(booking_id))

    @requires(Perm.APPOINTMENTS)
    def cancel(self, actor: Actor, booking_id: int, reason: str) -> BookingRecord:
        """Cancel with a reason; the booking is kept, its time freed."""
        return self._close(actor, booking_id, BookingStatus.CANCELLED, reason)

    @requires(Perm.APPOINTMENTS)
    def no_show(self, actor: Actor, booking_id: int) -> BookingRecord:
        """The customer did not come (only once the booking has started)."""
        return self._close(actor, booking_id, BookingStatus.NO_SHOW)

    # ------------------------------------------------------------ reading the book

    @requires(ANY_STAFF)
    def get(self, actor: Actor, booking_id: int) -> BookingRecord:
        """One booking; a technician only one with a service of their own."""
        record = self._record(self._row(booking_id))
        if not actor.can(Perm.APPOINTMENTS) and all(s.technician_id != actor.id for s in record.services):
            raise PermissionDenied("perm.not_your_customer")
        return record

    @requires(ANY_STAFF)
    def technicians(self, actor: Actor, day: date) -> list[TechnicianDay]:
        """The day view's columns: active technicians with their hours (a technician: their own)."""
        rota = self._rota()
        query = Staff.select().where((Staff.active == True) & (Staff.role == Role.TECHNICIAN.value))  # noqa: E712
        if not actor.can(Perm.APPOINTMENTS):
            query = Staff.select().where(Staff.id == actor.id)
        return [TechnicianDay(s.id, s.display_name, rota.of(s.id).on(day)) for s in query.order_by(Staff.id)]

    @requires(ANY_STAFF)
    def day(self, actor: Actor, day: date) -> list[BookingInfo]:
        """Every block of ``day`` (one per booking and technician) with its badges;
        a technician sees only their own services. Two statements, whatever the day holds."""
        first, last = _day_bounds(day)
        params: list[Any] = [_stamp(first - timedelta(hours=12)), _stamp(last), _stamp(first)]
        own = not actor.can(Perm.APPOINTMENTS)
        if own:
            params.append(actor.id)
        lines = as_dicts(self.ctx.execute(self.ctx.sql.DAY_LINES.format(
            technician=" AND l.technician_id = ?" if own else ""), params))
        names = self.ctx.staff_names()
        late_after = self.ctx.setting("appointments.late_minutes")
        now = self.ctx.now()
        badges = self._badges({l["customer_id"] for l in lines if l["customer_id"]}, actor.can(Perm.SEE_HEALTH), day)
        groups: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for line in lines:
            groups.setdefault((line["booking_id"], line["technician_id"]), []).append(line)
        out = []
        for (booking_id, tech_id), group in groups.items():
            b = group[0]
            status = BookingStatus(b["status"])
            customer_id = b["customer_id"]
            extra = badges.get(customer_id) if customer_id else None
            out.append(BookingInfo(
                booking_id, tech_id, names.get(tech_id, ""), min(_read_stamp(l["start_at"]) for l in group),
                max(_read_stamp(l["end_at"]) for l in group), tuple(l["item_name"] for l in group), status,
                customer_id, extra["name"] if extra else "", "" if customer_id else b["newcomer_name"],
                "" if customer_id else b["newcomer_phone"], any(bool(l["designated"]) for l in group), b["notes"],
                **({k: v for k, v in extra.items() if k != "name"} if extra else {"first_visit": True}),
                late=rules.is_late(status, _read_stamp(b["booking_start"]), now, late_after)))
        return out

    def _badges(self, customer_ids: set[int], health: bool, day: date) -> dict[int, dict[str, Any]]:
        """The day's customers' badges (name, tier, birthday in window, allergy, open complaint,
        first visit, no-shows so far) in one statement. The birthday window is that of the day
        shown: the perk applies on the day of the visit, not on the day it was booked."""
        if not customer_ids:
            return {}
        wanted = sorted(customer_ids)
        rows = as_dicts(self.ctx.execute(self.ctx.sql.DAY_BADGES.format(marks=_marks(wanted)), wanted))
        window = self.ctx.setting("birthday.window")
        return {r["id"]: {"name": r["name"], "tier": r["tier"],
                          "birthday": bool(r["birth_month"] and r["birth_day"]
                                           and window_birthday(r["birth_month"], r["birth_day"], day, window)),
                          "allergy": bool(health and (r["allergies"] or "").strip()),
                          "complaint": bool(r["complaint"]), "first_visit": not r["visited"],
                          "no_shows": int(r["no_shows"])}
                for r in rows}

    @requires(ANY_STAFF)
    def week(self, actor: Actor, first_day: date, days: int = 7) -> dict[date, int]:
        """Bookings per day (booked, checked in or completed) from ``first_day``; a technician: their own."""
        first = datetime.combine(first_day, time())
        query = (Booking.select(Booking.id, Booking.start_at)
                 .where((Booking.start_at >= first) & (Booking.start_at < first + timedelta(days=days))
                        & Booking.status.not_in([BookingStatus.CANCELLED.value, BookingStatus.NO_SHOW.value])))
        if not actor.can(Perm.APPOINTMENTS):
            query = query.where(Booking.id.in_(LineRow.select(LineRow.booking).where(LineRow.technician == actor.id)))
        counts = {first_day + timedelta(days=i): 0 for i in range(days)}
        for row in query:
            counts[row.start_at.date()] += 1
        return counts

    @requires(ANY_STAFF)
    def no_shows_of(self, actor: Actor, customer_id: int) -> NoShows:
        """How often the customer booked and did not come, and when last (their file shows it)."""
        row = cast(dict[str, Any], (
            Booking.select(fn.COUNT(Booking.id).alias("n"), fn.MAX(Booking.start_at).alias("last"))
            .where((Booking.customer == customer_id) & (Booking.status == BookingStatus.NO_SHOW.value))
            .dicts().get()))
        last = row["last"]
        if isinstance(last, str):            # an aggregate comes back as SQLite's text
            last = datetime.fromisoformat(last)
        return NoShows(int(row["n"] or 0), last)

    @requires(Perm.APPOINTMENTS)
    def today_for_customer(self, actor: Actor, customer_id: int) -> list[BookingRecord]:
        """Today's bookings of a customer still waiting for them (the walk-in who had booked)."""
        first, last = _day_bounds(self.ctx.today())
        rows = (Booking.select().where((Booking.customer == customer_id) & (Booking.start_at >= first)
                                       & (Booking.start_at < last)
                                       & (Booking.status == BookingStatus.BOOKED.value))
                .order_by(Booking.start_at))
        return [self._record(r) for r in rows]

    # ------------------------------------------------------------ check-in

    @requires(Perm.COUNTER)
    def check_in(self, actor: Actor, booking_id: int) -> VisitInfo:
        """Open the visit with the booked services, technicians and 指定 flags; the booking is
        checked in (completed at checkout). A newcomer comes in as a walk-in without a file."""
        with self.ctx.db.atomic():
            row = self._row(booking_id)
            rules.check_transition(BookingStatus(row.status), BookingStatus.CHECKED_IN, start=row.start_at,
                                   now=self.ctx.now())
            visit = self.visits.check_in(actor, row.customer_id)
            for line in LineRow.select().where(LineRow.booking == row.id).order_by(LineRow.start_at, LineRow.id):
                self.visits.add_service(actor, visit.id, line.item_id, line.technician_id,
                                        designated=bool(line.designated))
            Booking.update(status=BookingStatus.CHECKED_IN.value, closed_at=self.ctx.now(), closed_by=actor.row,
                           visit=visit.id).where(Booking.id == row.id).execute()
            self.ctx.audit(actor, "booking_checked_in", target=f"booking:{row.id}", visit=visit.id)
            return self.visits.get(actor, visit.id)

    # ------------------------------------------------------------ tomorrow's reminders

    @requires(Perm.APPOINTMENTS)
    def reminders(self, actor: Actor) -> list[Reminder]:
        """Tomorrow's bookings with a ready message; those without contact consent get none."""
        first, last = _day_bounds(self.ctx.today() + timedelta(days=1))
        rows = list(Booking.select().where((Booking.start_at >= first) & (Booking.start_at < last)
                                           & (Booking.status == BookingStatus.BOOKED.value))
                    .order_by(Booking.start_at, Booking.id))
        shop = (self.ctx.setting("shop.name"), self.ctx.setting("shop.address"), self.ctx.setting("shop.phone"))
        names = self.ctx.staff_names()
        out = []
        tips = {i.id: i.care_tip or "" for i in Item.select(Item.id, Item.care_tip).where(
            Item.id.in_(LineRow.select(LineRow.item).where(LineRow.booking.in_([r.id for r in rows]))))}
        for row in rows:
            record = self._record(row)
            # a newcomer gave their phone to be called about this booking; a customer on file needs consent
            given = current_consents(row.customer_id).get("marketing") if row.customer_id else None
            consent = row.customer_id is None or bool(given and given.granted)
            text = rules.reminder_text(record.name, [ReminderLine(s.start, s.service_name, s.technician_name,
                                                                  tips.get(s.service_id, ""))
                                                     for s in record.services],
                                       shop_name=shop[0], shop_address=shop[1], shop_phone=shop[2]) if consent else ""
            out.append(Reminder(row.id, record.name, row.start_at, text, consent, row.reminder_sent_at,
                                names.get(row.reminder_sent_by_id, "") if row.reminder_sent_by_id else ""))
        return out

    @requires(Perm.APPOINTMENTS)
    def mark_reminder_sent(self, actor: Actor, booking_id: int) -> None:
        """Record who sent the reminder and when."""
        with self.ctx.db.atomic():
            row = self._row(booking_id)
            Booking.update(reminder_sent_at=self.ctx.now(), reminder_sent_by=actor.row).where(
                Booking.id == row.id).execute()
            self.ctx.audit(actor, "booking_reminded", target=f"booking:{row.id}")
