"""Appointments (预约): the rules of the book, in plain Python.

Statuses and their transitions, clashes on half-open intervals per technician,
working hours and days off, validation of a new or moved booking, lateness,
the day grid the window paints, and tomorrow's reminder text. No Qt, no
database: the appointment service feeds these plain values in.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from .errors import Conflict, InvalidInput, NotFound

STEP_MINUTES = 15                        # one row of the day view
DEFAULT_LATE_MINUTES = 30                # setting appointments.late_minutes
LATE_SETTING = "appointments.late_minutes"
HOURS_SETTING = "appointments.hours"     # the Rota as JSON: rota_to_json / rota_from_json / validate_rota
# Consents under which a reminder may be sent; "service_contact" is the purpose the
# appointments bring (a message about a booking the customer made is not marketing).
REMINDER_PURPOSES = frozenset({"marketing", "service_contact"})
MAX_LINE_MINUTES = 12 * 60               # a longer service is a typing mistake
WEEKDAY_NAMES = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


# ---------------------------------------------------------------- statuses

class BookingStatus(StrEnum):
    BOOKED = "booked"
    CHECKED_IN = "checked_in"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"


TRANSITIONS: Mapping[BookingStatus, frozenset[BookingStatus]] = {
    BookingStatus.BOOKED: frozenset({BookingStatus.CHECKED_IN, BookingStatus.CANCELLED, BookingStatus.NO_SHOW}),
    BookingStatus.CHECKED_IN: frozenset({BookingStatus.COMPLETED}),
    BookingStatus.COMPLETED: frozenset(),
    BookingStatus.CANCELLED: frozenset(),
    BookingStatus.NO_SHOW: frozenset(),
}

# Statuses whose services hold the technician's time. A completed booking has
# freed its technician (the customer has paid and left, possibly early); a
# cancelled or no-show booking never held anyone.
HOLDS_TIME: frozenset[BookingStatus] = frozenset({BookingStatus.BOOKED, BookingStatus.CHECKED_IN})
# Statuses in which a booking may still be moved or resized.
CHANGEABLE: frozenset[BookingStatus] = frozenset({BookingStatus.BOOKED, BookingStatus.CHECKED_IN})


def check_transition(current: BookingStatus, new: BookingStatus, *, reason: str = "",
                     start: datetime | None = None, now: datetime | None = None) -> None:
    """Refuse a status change the book does not allow.

    Cancelling needs a reason. A no-show can be marked only once the booking
    has started, and a check-in only on the booking's own day (when ``start``
    and ``now`` are given).
    """
    if new not in TRANSITIONS[current]:
        raise Conflict("appointment.bad_transition", current=current.value, new=new.value)
    if new is BookingStatus.CANCELLED and not reason.strip():
        raise InvalidInput("appointment.cancel_reason_required")
    if start is not None and now is not None:
        if new is BookingStatus.NO_SHOW and now < start:
            raise Conflict("appointment.no_show_too_early", start=start)
        if new is BookingStatus.CHECKED_IN and now.date() != start.date():
            raise Conflict("appointment.check_in_not_today", start=start)


# ---------------------------------------------------------------- designated or rotation

class Assignment(StrEnum):
    """指定: the customer asked for this technician; 轮牌: the shop's rotation chose."""

    DESIGNATED = "designated"
    ROTATION = "rotation"


def assignment(designated: bool) -> Assignment:
    return Assignment.DESIGNATED if designated else Assignment.ROTATION


# ---------------------------------------------------------------- intervals and clashes

def overlaps(a_start: datetime, a_end: datetime, b_start: datetime, b_end: datetime) -> bool:
    """Half-open [start, end): one ending at 10:00 and one starting at 10:00 do not overlap."""
    return a_start < b_end and b_start < a_end


@dataclass(frozen=True)
class Slot:
    """One service of a booking as it sits in a technician's day."""

    booking_id: int | None            # None: not stored yet
    technician_id: int
    start: datetime
    end: datetime
    customer_name: str = ""
    status: BookingStatus = BookingStatus.BOOKED

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)


@dataclass(frozen=True)
class Clash:
    new: Slot                         # the slot that was asked for
    existing: Slot                    # the one already in the book it runs into


def find_clash(candidate: Iterable[Slot], book: Iterable[Slot]) -> Clash | None:
    """The first clash of ``candidate`` with the book or with itself, or None.

    Slots of the candidate's own booking in ``book`` are ignored (a move is
    checked against everything but itself); slots that no longer hold time
    (cancelled, no-show, completed) never clash.
    """
    new = sorted(candidate, key=lambda s: (s.start, s.end))
    own = {s.booking_id for s in new if s.booking_id is not None}
    by_tech: dict[int, list[Slot]] = {}
    for slot in book:
        if slot.status in HOLDS_TIME and (slot.booking_id is None or slot.booking_id not in own):
            by_tech.setdefault(slot.technician_id, []).append(slot)
    for i, slot in enumerate(new):
        for other in sorted(by_tech.get(slot.technician_id, ()), key=lambda s: (s.start, s.end)):
            if overlaps(slot.start, slot.end, other.start, other.end):
                return Clash(slot, other)
        for other in new[i + 1:]:       # two services of one booking on one technician
            if other.technician_id == slot.technician_id and overlaps(slot.start, slot.end, other.start, other.end):
                return Clash(other, slot)
    return None


# ---------------------------------------------------------------- working hours

@dataclass(frozen=True)
class DayHours:
    opens: time
    closes: time

    def holds(self, start: datetime, end: datetime) -> bool:
        day = start.date()
        return (datetime.combine(day, self.opens) <= start and end <= datetime.combine(day, self.closes)
                and start < end)


DEFAULT_DAY = DayHours(time(10, 0), time(21, 0))


@dataclass(frozen=True)
class WorkingHours:
    """A technician's week (Monday first; None = not working that weekday) and days off."""

    week: tuple[DayHours | None, ...] = (DEFAULT_DAY,) * 7
    days_off: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        if len(self.week) != 7:
            raise InvalidInput("settings.bad_working_hours")

    def on(self, day: date) -> DayHours | None:
        """The hours worked on ``day``, or None for a day off or a weekday not worked."""
        if day in self.days_off:
            return None
        return self.week[day.weekday()]


@dataclass(frozen=True)
class Rota:
    """Working hours of every technician: the plain value of setting ``appointments.hours``."""

    default: WorkingHours = WorkingHours()
    technicians: Mapping[int, WorkingHours] = field(default_factory=dict)

    def of(self, technician_id: int) -> WorkingHours:
        return self.technicians.get(technician_id, self.default)


def _hhmm(value: Any) -> time:
    if not isinstance(value, str) or len(value) != 5 or value[2] != ":":
        raise InvalidInput("settings.bad_working_hours")
    try:
        return time(int(value[:2]), int(value[3:]))
    except ValueError as exc:
        raise InvalidInput("settings.bad_working_hours") from exc


def _hours_from_json(value: Any) -> WorkingHours:
    if not isinstance(value, dict) or not isinstance(value.get("week"), list) or len(value["week"]) != 7:
        raise InvalidInput("settings.bad_working_hours")
    week: list[DayHours | None] = []
    for entry in value["week"]:
        if entry is None:
            week.append(None)
            continue
        if not isinstance(entry, list) or len(entry) != 2:
            raise InvalidInput("settings.bad_working_hours")
        opens, closes = _hhmm(entry[0]), _hhmm(entry[1])
        if opens >= closes or opens.minute % STEP_MINUTES or closes.minute % STEP_MINUTES:
            raise InvalidInput("settings.bad_working_hours")
        week.append(DayHours(opens, closes))
    try:
        days_off = frozenset(date.fromisoformat(d) for d in value.get("days_off", []))
    except (TypeError, ValueError) as exc:
        raise InvalidInput("settings.bad_working_hours") from exc
    return WorkingHours(tuple(week), days_off)


def _hours_to_json(hours: WorkingHours) -> dict[str, Any]:
    return {"week": [None if d is None else [d.opens.strftime("%H:%M"), d.closes.strftime("%H:%M")]
                     for d in hours.week],
            "days_off": sorted(d.isoformat() for d in hours.days_off)}


def rota_to_json(rota: Rota) -> dict[str, Any]:
    return {"default": _hours_to_json(rota.default),
            "technicians": {str(k): _hours_to_json(v) for k, v in sorted(rota.technicians.items())}}


def rota_from_json(value: Any) -> Rota:
    """Read the setting; raises InvalidInput("settings.bad_working_hours") on anything odd."""
    if not isinstance(value, dict) or not isinstance(value.get("technicians", {}), dict):
        raise InvalidInput("settings.bad_working_hours")
    try:
        techs = {int(k): _hours_from_json(v) for k, v in value.get("technicians", {}).items()}
    except ValueError as exc:
        raise InvalidInput("settings.bad_working_hours") from exc
    return Rota(_hours_from_json(value["default"]) if "default" in value else WorkingHours(), techs)


def validate_rota(value: Any) -> None:
    """The validator to register for setting ``appointments.hours``."""
    rota_from_json(value)


def parse_clock(text: str, weekday: int) -> time:
    """A time of day typed on the working-hours page: ``HH:MM`` (also ``9:00``, a full-width
    colon or digits), on the quarter hour. ``weekday`` (0 = Monday) names the row in the error."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    hours, sep, minutes = value.partition(":")
    if not (sep and hours.isdigit() and minutes.isdigit() and 1 <= len(hours) <= 2 and len(minutes) == 2
            and int(hours) <= 23 and int(minutes) <= 59):
        raise InvalidInput("appointment.hours_bad_time", text=text, weekday=weekday)
    if int(minutes) % STEP_MINUTES:
        raise InvalidInput("appointment.hours_not_quarter", text=text, weekday=weekday)
    return time(int(hours), int(minutes))


def week_from_text(days: Sequence[tuple[str, str] | None], days_off: Iterable[date] = ()) -> WorkingHours:
    """A technician's week as typed: seven (start, end) texts, Monday first, None for a day not
    worked. Refused with a typed error naming the weekday: a bad time, a time off the quarter
    hour, or an end not after the start."""
    if len(days) != 7:
        raise InvalidInput("settings.bad_working_hours")
    week: list[DayHours | None] = []
    for weekday, texts in enumerate(days):
        if texts is None:
            week.append(None)
            continue
        opens, closes = parse_clock(texts[0], weekday), parse_clock(texts[1], weekday)
        if closes <= opens:
            raise InvalidInput("appointment.hours_end_before_start", weekday=weekday, opens=opens, closes=closes)
        week.append(DayHours(opens, closes))
    return WorkingHours(tuple(week), frozenset(days_off))


def with_hours(rota: Rota, technician_id: int, hours: WorkingHours) -> Rota:
    """The rota with one technician's week and days off replaced."""
    return Rota(rota.default, {**rota.technicians, technician_id: hours})


# ---------------------------------------------------------------- the booking and its validation

@dataclass(frozen=True)
class BookingLine:
    service_id: int
    technician_id: int
    start: datetime
    minutes: int
    designated: bool = False

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class BookingDraft:
    """What the receptionist asks for: a customer from the file or a newcomer, and services."""

    lines: tuple[BookingLine, ...]
    customer_id: int | None = None
    customer_name: str = ""           # for the clash sentence of another booking
    newcomer_name: str = ""
    newcomer_phone: str = ""
    notes: str = ""
    booking_id: int | None = None     # set when an existing booking is changed
    status: BookingStatus = BookingStatus.BOOKED

    @property
    def start(self) -> datetime:
        return min(line.start for line in self.lines)

    @property
    def end(self) -> datetime:
        return max(line.end for line in self.lines)

    def slots(self) -> tuple[Slot, ...]:
        name = self.customer_name or self.newcomer_name
        return tuple(Slot(self.booking_id, line.technician_id, line.start, line.end, name, self.status)
                     for line in self.lines)


@dataclass(frozen=True)
class TechnicianRef:
    id: int
    name: str
    active: bool = True


@dataclass(frozen=True)
class ServiceRef:
    id: int
    name: str
    minutes: int = 60                 # the catalogue's usual duration
    active: bool = True
    care_tip: str = ""                # 到店小贴士, empty when none


@dataclass(frozen=True)
class BookContext:
    """Everything the check needs besides the draft: now, who works, what is sold, what is booked."""

    now: datetime
    technicians: Mapping[int, TechnicianRef]
    services: Mapping[int, ServiceRef]
    rota: Rota
    book: Sequence[Slot]              # the affected technicians' slots on the affected days


def validate_booking(draft: BookingDraft, ctx: BookContext, *, before: BookingDraft | None = None) -> None:
    """Refuse a new booking, or a change of ``before`` into ``draft``, with a typed error.

    Checked in this order, first refusal wins: the customer, services present,
    each line's duration, service and technician, the past (a line whose start
    and technician are unchanged from ``before`` is not re-checked, so a running
    service can be lengthened), working hours, then clashes.
    """
    if before is not None and before.status not in CHANGEABLE:
        raise Conflict("appointment.not_changeable", status=before.status.value)
    if draft.customer_id is None and not (draft.newcomer_name.strip() and draft.newcomer_phone.strip()):
        raise InvalidInput("appointment.customer_required")
    if not draft.lines:
        raise InvalidInput("appointment.no_services")
    kept = {(line.technician_id, line.start) for line in before.lines} if before else set()
    for line in draft.lines:
        if not 0 < line.minutes <= MAX_LINE_MINUTES:
            raise InvalidInput("appointment.bad_duration", minutes=line.minutes)
        service = ctx.services.get(line.service_id)
        if service is None:
            raise NotFound("item.not_found")
        if not service.active:
            raise Conflict("item.inactive", name=service.name)
        tech = ctx.technicians.get(line.technician_id)
        if tech is None:
            raise NotFound("staff.not_found")
        if not tech.active:
            raise Conflict("staff.inactive", name=tech.name)
        if line.start < ctx.now and (line.technician_id, line.start) not in kept:
            raise InvalidInput("appointment.in_past", start=line.start)
        hours = ctx.rota.of(line.technician_id).on(line.start.date())
        if hours is None or not hours.holds(line.start, line.end):
            raise InvalidInput("appointment.outside_hours", technician=tech.name, start=line.start,
                               end=line.end, opens=hours.opens if hours else None,
                               closes=hours.closes if hours else None)
    clash = find_clash(draft.slots(), ctx.book)
    if clash is not None:
        other = clash.existing
        tech = ctx.technicians[other.technician_id]
        raise Conflict("appointment.clash", technician=tech.name, customer=other.customer_name,
                       start=other.start, end=other.end, booking_id=other.booking_id)


def moved(draft: BookingDraft, technician_id: int, start: datetime,
          from_technician_id: int | None = None) -> BookingDraft:
    """The booking shifted so its first service starts at ``start``; the services of
    ``from_technician_id`` (all services when None) go to ``technician_id``."""
    delta = start - draft.start
    lines = tuple(replace(line, start=line.start + delta,
                          technician_id=technician_id if from_technician_id in (None, line.technician_id)
                          else line.technician_id)
                  for line in draft.lines)
    return replace(draft, lines=lines)


def resized(draft: BookingDraft, end: datetime) -> BookingDraft:
    """The booking's last service lengthened or shortened so the booking ends at ``end``."""
    last = max(range(len(draft.lines)), key=lambda i: (draft.lines[i].end, i))
    line = draft.lines[last]
    minutes = int((end - line.start).total_seconds() // 60)
    lines = draft.lines[:last] + (replace(line, minutes=minutes),) + draft.lines[last + 1:]
    return replace(draft, lines=lines)


# ---------------------------------------------------------------- lateness

def minutes_late(status: BookingStatus, start: datetime, now: datetime) -> int:
    """Whole minutes since the start of a booking nobody has checked in yet (0 if not started)."""
    if status is not BookingStatus.BOOKED or now <= start:
        return 0
    return int((now - start).total_seconds() // 60)


def is_late(status: BookingStatus, start: datetime, now: datetime,
            late_minutes: int = DEFAULT_LATE_MINUTES) -> bool:
    """Still booked ``late_minutes`` or more after its start: shown late, ready for a no-show."""
    return status is BookingStatus.BOOKED and now >= start + timedelta(minutes=late_minutes)


# ---------------------------------------------------------------- the day grid

def _floor(t: datetime, step: int) -> datetime:
    minutes = (t.hour * 60 + t.minute) // step * step
    return datetime.combine(t.date(), time(minutes // 60, minutes % 60))


@dataclass(frozen=True)
class DayGrid:
    """Rows of ``step`` minutes from ``first`` to ``last`` (both datetimes of ``day``)."""

    first: datetime
    last: datetime
    step: int = STEP_MINUTES

    @property
    def day(self) -> date:
        return self.first.date()

    @property
    def rows(self) -> int:
        return int((self.last - self.first).total_seconds() // 60) // self.step

    def time_of(self, row: int) -> datetime:
        return self.first + timedelta(minutes=row * self.step)

    def row_of(self, t: datetime) -> int:
        """The row holding ``t`` (floor); may be outside 0..rows-1 for times off the grid."""
        return int((t - self.first).total_seconds() // 60) // self.step

    def span(self, start: datetime, end: datetime) -> tuple[int, int]:
        """(first row, number of rows) a block from ``start`` to ``end`` covers, at least one."""
        first = self.row_of(start)
        minutes = (end - self.first).total_seconds() / 60
        last = -int(-minutes // self.step)           # ceiling: 10:00-10:20 covers two rows
        return first, max(1, last - first)

    def snap(self, t: datetime) -> datetime:
        """``t`` to the start of its row."""
        return _floor(t, self.step)


def day_grid(day: date, hours: Iterable[DayHours | None],
             bookings: Iterable[tuple[datetime, datetime]] = (), step: int = STEP_MINUTES) -> DayGrid:
    """The grid from the earliest opening to the latest closing among the day's ``hours``.

    A day nobody works falls back to the shop's default hours; a booking outside
    the hours (booked before they changed) widens the grid so it is never hidden.
    """
    spans = [h for h in hours if h is not None]
    opens = min((h.opens for h in spans), default=DEFAULT_DAY.opens)
    closes = max((h.closes for h in spans), default=DEFAULT_DAY.closes)
    first = datetime.combine(day, opens)
    last = datetime.combine(day, closes)
    end_of_day = datetime.combine(day + timedelta(days=1), time())
    for start, end in bookings:
        if start.date() == day:
            first = min(first, _floor(start, step))
            last = max(last, _ceil(end, step, end_of_day))
    return DayGrid(_floor(first, step), last, step)


def rota_hours(rota: Rota, technician_ids: Iterable[int], day: date) -> list[DayHours | None]:
    """Each technician's hours on ``day``, for :func:`day_grid`."""
    return [rota.of(t).on(day) for t in technician_ids]


def _ceil(t: datetime, step: int, cap: datetime) -> datetime:
    floor = _floor(t, step)
    return min(cap, floor if floor == t else floor + timedelta(minutes=step))


def column_of(technician_id: int, technician_ids: Sequence[int]) -> int:
    """The column of a technician in the day view (order as given), -1 when not shown."""
    try:
        return list(technician_ids).index(technician_id)
    except ValueError:
        return -1


# ---------------------------------------------------------------- tomorrow's reminders

@dataclass(frozen=True)
class ReminderLine:
    start: datetime
    service_name: str
    technician_name: str
    care_tip: str = ""


def reminder_text(customer_name: str, lines: Sequence[ReminderLine], *, shop_name: str,
                  shop_address: str, shop_phone: str = "") -> str:
    """The message a receptionist pastes into WeChat or an SMS for tomorrow's booking."""
    ordered = sorted(lines, key=lambda line: line.start)
    day = ordered[0].start
    parts = [f"{customer_name}您好！{shop_name}温馨提醒：您预约了"
             f"{day.month}月{day.day}日（{WEEKDAY_NAMES[day.weekday()]}）的服务："]
    for line in ordered:
        parts.append(f"{line.start:%H:%M} {line.service_name}（{line.technician_name}）")
    if shop_address:
        parts.append(f"地址：{shop_address}")
    if shop_phone:
        parts.append(f"电话：{shop_phone}")
    tips = list(dict.fromkeys(line.care_tip.strip() for line in ordered if line.care_tip.strip()))
    for tip in tips:
        parts.append(f"到店小贴士：{tip}")
    parts.append("如需改约请提前联系我们，期待您的光临！")
    return "\n".join(parts)


def may_remind(granted_purposes: Iterable[str]) -> bool:
    """A reminder goes only to a customer who agreed to be contacted (a newcomer gave their phone for it)."""
    return not REMINDER_PURPOSES.isdisjoint(granted_purposes)


def validate_late_minutes(value: Any) -> None:
    """The validator to register for setting ``appointments.late_minutes`` (5 minutes to 4 hours)."""
    if not isinstance(value, int) or isinstance(value, bool) or not 5 <= value <= 240:
        raise InvalidInput("settings.out_of_range", low=5, high=240, value=value)


def tomorrows(starts: Iterable[tuple[int, datetime, BookingStatus]], today: date) -> list[int]:
    """Ids of tomorrow's bookings still booked, in order of their start."""
    tomorrow = today + timedelta(days=1)
    return [i for i, start, status in sorted(starts, key=lambda row: (row[1], row[0]))
            if start.date() == tomorrow and status is BookingStatus.BOOKED]


# ---------------------------------------------------------------- what the window shows

@dataclass(frozen=True)
class BookingInfo:
    """One block of the day view: a booking's services with one technician, and its badges."""

    id: int
    technician_id: int
    technician_name: str
    start: datetime
    end: datetime
    services: tuple[str, ...]
    status: BookingStatus = BookingStatus.BOOKED
    customer_id: int | None = None
    customer_name: str = ""
    newcomer_name: str = ""
    newcomer_phone: str = ""
    designated: bool = False
    notes: str = ""
    # badges
    tier: str | None = None           # member tier code, None when not a member
    birthday: bool = False            # birthday in the shop's window
    allergy: bool = False             # an allergy note is on file
    complaint: bool = False           # an open complaint
    first_visit: bool = False
    no_shows: int = 0
    late: bool = False

    @property
    def name(self) -> str:
        return self.customer_name or self.newcomer_name

    @property
    def is_newcomer(self) -> bool:
        return self.customer_id is None


@dataclass(frozen=True)
class TechnicianDay:
    """A column of the day view: who, and their hours that day (None: not working)."""

    technician_id: int
    name: str
    hours: DayHours | None = DEFAULT_DAY


# ---------------------------------------------------------------- what the service returns

@dataclass(frozen=True)
class BookedService:
    line_id: int
    service_id: int
    service_name: str
    technician_id: int
    technician_name: str
    start: datetime
    minutes: int
    designated: bool = False

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class BookingRecord:
    """A whole booking as the service returns it."""

    id: int
    status: BookingStatus
    customer_id: int | None
    name: str                          # the customer's, or the newcomer's
    phone: str                         # the newcomer's phone; empty for a customer from the file
    start: datetime
    end: datetime
    services: tuple[BookedService, ...]
    notes: str = ""
    booked_by: str = ""
    booked_at: datetime | None = None
    cancel_reason: str = ""
    visit_id: int | None = None
    no_shows: int = 0                  # the customer's no-shows so far

    def draft(self) -> BookingDraft:
        """The booking as the rules check it (for a move or a resize)."""
        return BookingDraft(tuple(BookingLine(s.service_id, s.technician_id, s.start, s.minutes, s.designated)
                                  for s in self.services),
                            customer_id=self.customer_id, customer_name=self.name if self.customer_id else "",
                            newcomer_name="" if self.customer_id else self.name,
                            newcomer_phone=self.phone, notes=self.notes, booking_id=self.id, status=self.status)


@dataclass(frozen=True)
class Reminder:
    """Tomorrow's booking with its message, or why no message may be sent."""

    booking_id: int
    name: str
    start: datetime
    text: str
    consent: bool                      # False: "no contact consent", no message offered
    sent_at: datetime | None = None
    sent_by: str = ""


@dataclass(frozen=True)
class NoShows:
    """A customer's no-shows so far, for their file: how many and the latest booking's start."""

    count: int = 0
    last: datetime | None = None
