"""The appointment book (预约, SPEC §5/§7): book, move, cancel, no-show, check in, remind.

Every rule is in ``salon_desk.appointments``; this service reads what the rules need
(the technicians, the services, the rota, the affected technicians' slots), asks them
inside the booking's own transaction, and writes. Bookings are never deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from peewee import JOIN

from .. import appointments as rules
from ..appointments import (
    BookContext, BookedService, BookingDraft, BookingInfo, BookingLine, BookingRecord, BookingStatus, Reminder,
    ReminderLine, ServiceRef, Slot, TechnicianDay, TechnicianRef,
)
from ..errors import NotFound, PermissionDenied
from ..records import VisitInfo
from ..roles import Perm, Role
from .birthday_perks import birthday_status
from .context import Actor, ShopContext
from .customer_rows import current_consents
from .models import (
    Booking, BookingLine as LineRow, Complaint, Customer, Item, Member, Sale, Staff,
)
from .permissions import ANY_STAFF, requires
from .visits import VisitService


def complete_booking_of_visit(ctx: ShopContext, visit_id: int) -> None:
    """Inside the checkout transaction: the booking checked in to this visit is completed."""
    ctx.execute(ctx.sql.COMPLETE_BOOKING_OF_VISIT, (BookingStatus.COMPLETED.value, ctx.now(), visit_id,
                                                    BookingStatus.CHECKED_IN.value))


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

    @staticmethod
    def _technicians() -> dict[int, TechnicianRef]:
        return {s.id: TechnicianRef(s.id, s.display_name, bool(s.active))
                for s in Staff.select(Staff.id, Staff.display_name, Staff.active)}

    @staticmethod
    def _services(ids: Iterable[int]) -> dict[int, ServiceRef]:
        return {i.id: ServiceRef(i.id, i.name, i.duration_min or 60, bool(i.active))
                for i in Item.select().where((Item.id.in_(list(set(ids)))) & (Item.kind == "service"))}

    @staticmethod
    def _slots(technician_ids: Iterable[int], first: datetime, last: datetime) -> list[Slot]:
        """The slots holding time of these technicians between ``first`` and ``last``."""
        query = (LineRow.select(LineRow.booking, LineRow.technician, LineRow.start_at, LineRow.end_at,
                                Booking.status, Booking.newcomer_name, Customer.name.alias("cname"))
                 .join(Booking).join(Customer, JOIN.LEFT_OUTER, on=(Booking.customer == Customer.id))
                 .where(LineRow.technician.in_(list(set(technician_ids))) & (LineRow.start_at < last)
                        # no service is longer than MAX_LINE_MINUTES: the index reads only the window
                        & (LineRow.start_at > first - timedelta(minutes=rules.MAX_LINE_MINUTES))
                        & (LineRow.end_at > first)
                        & Booking.status.in_([s.value for s in rules.HOLDS_TIME]))
                 .dicts())
        return [Slot(r["booking"], r["technician"], r["start_at"], r["end_at"], r["cname"] or r["newcomer_name"],
                     BookingStatus(r["status"])) for r in cast(Iterable[dict[str, Any]], query)]

    def _check(self, draft: BookingDraft, before: BookingDraft | None = None,
               services: dict[int, ServiceRef] | None = None) -> None:
        techs = [line.technician_id for line in draft.lines]
        first = min((l.start for l in draft.lines), default=self.ctx.now()) - timedelta(hours=12)
        last = max((l.end for l in draft.lines), default=self.ctx.now()) + timedelta(hours=12)
        if services is None:
            services = self._services(l.service_id for l in draft.lines)
        context = BookContext(self.ctx.now(), self._technicians(), services,
                              self._rota(), self._slots(techs, first, last) if techs else [])
        rules.validate_booking(draft, context, before=before)

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
            customer_name = ""
            if customer_id is not None:
                customer = Customer.get_or_none(Customer.id == customer_id)
                if customer is None or customer.anonymised_at:
                    raise NotFound("customer.not_found", id=customer_id)
                customer_name = customer.name
            usual = self._services(s[0] for s in services)
            lines = tuple(BookingLine(int(sid), int(tid), start,
                                      int(minutes) if minutes is not None
                                      else (usual[sid].minutes if sid in usual else 60), bool(designated))
                          for sid, tid, start, minutes, designated in services)
            draft = BookingDraft(lines, customer_id=customer_id, customer_name=customer_name,
                                 newcomer_name="" if customer_id else newcomer_name.strip(),
                                 newcomer_phone="" if customer_id else newcomer_phone.strip(), notes=notes.strip())
            self._check(draft, services=usual)
            row = Booking.create(customer=customer_id, newcomer_name=draft.newcomer_name,
                                 newcomer_phone=draft.newcomer_phone, notes=draft.notes,
                                 status=BookingStatus.BOOKED.value, start_at=draft.start, end_at=draft.end,
                                 booked_by=actor.row, booked_at=self.ctx.now(), cancel_reason="")
            line_ids = self._write_lines(row, draft)
            self.ctx.audit(actor, "booking_made", target=f"booking:{row.id}", start=draft.start)
            # the record from what was just written (no second read of the booking)
            names = {t.id: t.name for t in self._technicians().values()}
            return BookingRecord(
                row.id, BookingStatus.BOOKED, customer_id, customer_name or draft.newcomer_name, draft.newcomer_phone,
                draft.start, draft.end,
                tuple(sorted((BookedService(i, l.service_id, usual[l.service_id].name, l.technician_id,
                                            names.get(l.technician_id, ""), l.start, l.minutes, l.designated)
                              for i, l in zip(line_ids, draft.lines)), key=lambda s: (s.start, s.line_id))),
                draft.notes, actor.display_name, row.booked_at, "", None,
                self._no_shows(customer_id) if customer_id else 0)

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
        a technician sees only their own services."""
        first, last = _day_bounds(day)
        query = (LineRow.select(LineRow, Item.name.alias("item_name")).join(Item).switch(LineRow).join(Booking)
                 .where((Booking.start_at >= first - timedelta(hours=12)) & (LineRow.start_at < last)
                        & (LineRow.end_at > first)).order_by(LineRow.start_at, LineRow.id))
        if not actor.can(Perm.APPOINTMENTS):
            query = query.where(LineRow.technician == actor.id)
        lines = list(query.objects())
        names = self.ctx.staff_names()
        bookings = {b.id: b for b in Booking.select().where(Booking.id.in_({l.booking_id for l in lines}))}
        late_after = self.ctx.setting("appointments.late_minutes")
        now = self.ctx.now()
        health = actor.can(Perm.SEE_HEALTH)
        badges: dict[int, dict[str, Any]] = {}
        groups: dict[tuple[int, int], list[Any]] = {}
        for line in lines:
            groups.setdefault((line.booking_id, line.technician_id), []).append(line)
        out = []
        for (booking_id, tech_id), group in groups.items():
            b = bookings[booking_id]
            status = BookingStatus(b.status)
            extra = badges.get(b.customer_id) if b.customer_id else None
            if b.customer_id and extra is None:
                extra = badges[b.customer_id] = self._badges(b.customer_id, health)
            start = min(l.start_at for l in group)
            out.append(BookingInfo(
                b.id, tech_id, names.get(tech_id, ""), start, max(l.end_at for l in group),
                tuple(l.item_name for l in group), status, b.customer_id,
                extra["name"] if extra else "", "" if b.customer_id else b.newcomer_name,
                "" if b.customer_id else b.newcomer_phone, any(l.designated for l in group), b.notes,
                **({k: v for k, v in extra.items() if k != "name"} if extra else {"first_visit": True}),
                late=rules.is_late(status, b.start_at, now, late_after)))
        return out

    def _badges(self, customer_id: int, health: bool) -> dict[str, Any]:
        customer = Customer.get_by_id(customer_id)
        member = Member.get_or_none((Member.customer == customer_id) & (Member.active == True))  # noqa: E712
        birthday = birthday_status(self.ctx, customer_id)
        return {"name": customer.name, "tier": member.tier if member else None,
                "birthday": bool(birthday and birthday.in_window),
                "allergy": bool(health and customer.allergies.strip()),
                "complaint": Complaint.select().where((Complaint.customer == customer_id)
                                                      & Complaint.resolved_at.is_null()).exists(),
                "first_visit": not Sale.select().where((Sale.customer == customer_id)
                                                       & (Sale.status == "completed")).exists(),
                "no_shows": self._no_shows(customer_id)}

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
        rows = (Booking.select().where((Booking.start_at >= first) & (Booking.start_at < last)
                                       & (Booking.status == BookingStatus.BOOKED.value))
                .order_by(Booking.start_at, Booking.id))
        shop = (self.ctx.setting("shop.name"), self.ctx.setting("shop.address"), self.ctx.setting("shop.phone"))
        names = self.ctx.staff_names()
        out = []
        for row in rows:
            record = self._record(row)
            # a newcomer gave their phone to be called about this booking; a customer on file needs consent
            given = current_consents(row.customer_id).get("marketing") if row.customer_id else None
            consent = row.customer_id is None or bool(given and given.granted)
            text = rules.reminder_text(record.name, [ReminderLine(s.start, s.service_name, s.technician_name)
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
