"""Complaints (投诉, SPEC §7): categories, channels, remedies, and the two deadlines.

Deadlines are in wall-clock hours after receipt (a complaint received at
22:30 with the 24-hour setting must be answered by 22:30 the next day,
whatever the opening hours). Marks are computed from the stored times, never
stored: an answer given after its deadline is ``LATE`` for ever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from .care_settings import CareSettings
from .errors import Conflict, InvalidInput
from .money import Fen, format_fen

DESCRIPTION_MAX = 1000
TEXT_MAX = 500


class Category(StrEnum):
    ATTITUDE = "attitude"
    TECHNIQUE = "technique"
    RESULT = "result"
    PRODUCT = "product"
    PRICE = "price"
    ENVIRONMENT = "environment"
    OTHER = "other"


CATEGORY_ZH: dict[Category, str] = {
    Category.ATTITUDE: "服务态度",
    Category.TECHNIQUE: "技术",
    Category.RESULT: "效果",
    Category.PRODUCT: "产品",
    Category.PRICE: "价格",
    Category.ENVIRONMENT: "环境",
    Category.OTHER: "其他",
}


class Channel(StrEnum):
    IN_PERSON = "in_person"        # 到店当面
    PHONE = "phone"                # 电话
    WECHAT = "wechat"              # 微信
    ONLINE_REVIEW = "online_review"  # 大众点评 / 美团 review
    OTHER = "other"


CHANNEL_ZH: dict[Channel, str] = {
    Channel.IN_PERSON: "到店",
    Channel.PHONE: "电话",
    Channel.WECHAT: "微信",
    Channel.ONLINE_REVIEW: "网络点评",
    Channel.OTHER: "其他",
}


class RemedyKind(StrEnum):
    REFUND = "refund"              # through the refund flow, with the owner's authorisation
    REDO = "redo"                  # the service again at ¥0, a visit line linked to the complaint
    FREE_UPGRADE = "free_upgrade"
    GIFT = "gift"
    POINTS = "points"              # through the points ledger, with the complaint as reason
    APOLOGY = "apology"


REMEDY_ZH: dict[RemedyKind, str] = {
    RemedyKind.REFUND: "退款",
    RemedyKind.REDO: "免费重做",
    RemedyKind.FREE_UPGRADE: "免费升级",
    RemedyKind.GIFT: "赠品",
    RemedyKind.POINTS: "积分补偿",
    RemedyKind.APOLOGY: "道歉",
}


def parse_category(code: str) -> Category:
    try:
        return Category(code)
    except ValueError:
        raise InvalidInput("complaint.bad_category", value=code) from None


def parse_channel(code: str) -> Channel:
    try:
        return Channel(code)
    except ValueError:
        raise InvalidInput("complaint.bad_channel", value=code) from None


def parse_remedy(code: str) -> RemedyKind:
    try:
        return RemedyKind(code)
    except ValueError:
        raise InvalidInput("complaint.bad_remedy", value=code) from None


# --- recording a complaint ---------------------------------------------------

@dataclass(frozen=True)
class NewComplaint:
    """What the complaint dialog hands the core before anything is written."""

    customer_id: int
    category: Category
    channel: Channel
    description: str
    received_at: datetime
    handler_id: int | None = None
    visit_id: int | None = None
    visit_customer_id: int | None = None   # whose visit ``visit_id`` is, as stored
    line_id: int | None = None
    technician_id: int | None = None


def check_new_complaint(c: NewComplaint, now: datetime) -> None:
    """Raise a typed error if the complaint cannot be recorded as given."""
    if not c.description.strip():
        raise InvalidInput("complaint.description_required")
    if len(c.description) > DESCRIPTION_MAX:
        raise InvalidInput("complaint.description_too_long", max=DESCRIPTION_MAX)
    if c.received_at > now:
        raise InvalidInput("complaint.received_in_future", received_at=c.received_at)
    if c.visit_id is None and c.line_id is not None:
        raise InvalidInput("complaint.line_without_visit")
    if c.visit_id is not None and c.visit_customer_id != c.customer_id:
        raise Conflict("complaint.visit_of_other_customer", visit_id=c.visit_id)


# --- deadlines -----------------------------------------------------------------

@dataclass(frozen=True)
class Deadlines:
    response_due: datetime
    resolution_due: datetime


def deadlines(received_at: datetime, settings: CareSettings) -> Deadlines:
    """Receipt + the settings' wall-clock hours (naive local time: China has no DST)."""
    return Deadlines(received_at + timedelta(hours=settings.first_response_hours),
                     received_at + timedelta(hours=settings.resolution_hours))


class Mark(StrEnum):
    PENDING = "pending"      # not done, deadline not passed
    OVERDUE = "overdue"      # not done, deadline passed: red
    ON_TIME = "on_time"      # done by the deadline (the deadline minute itself counts)
    LATE = "late"            # done after the deadline: keeps its mark


def mark(due: datetime, done_at: datetime | None, now: datetime) -> Mark:
    if done_at is not None:
        return Mark.ON_TIME if done_at <= due else Mark.LATE
    return Mark.OVERDUE if now > due else Mark.PENDING


@dataclass(frozen=True)
class ComplaintTimes:
    received_at: datetime
    responded_at: datetime | None = None   # first response to the customer
    resolved_at: datetime | None = None


def first_response_at(t: ComplaintTimes) -> datetime | None:
    """A resolution given without a recorded response is the first response."""
    return t.responded_at if t.responded_at is not None else t.resolved_at


def response_mark(t: ComplaintTimes, settings: CareSettings, now: datetime) -> Mark:
    return mark(deadlines(t.received_at, settings).response_due, first_response_at(t), now)


def resolution_mark(t: ComplaintTimes, settings: CareSettings, now: datetime) -> Mark:
    return mark(deadlines(t.received_at, settings).resolution_due, t.resolved_at, now)


def is_open(t: ComplaintTimes) -> bool:
    return t.resolved_at is None


def is_flagged(t: ComplaintTimes, settings: CareSettings, now: datetime) -> bool:
    """Red on the care page, the customer's file and the check-in banner."""
    return Mark.OVERDUE in (response_mark(t, settings, now), resolution_mark(t, settings, now))


def check_response(t: ComplaintTimes, at: datetime) -> None:
    """A first response may be recorded once, not before the complaint was received."""
    if t.resolved_at is not None:
        raise Conflict("complaint.already_resolved")
    if t.responded_at is not None:
        raise Conflict("complaint.already_answered")
    if at < t.received_at:
        raise InvalidInput("complaint.before_received")


# --- progress log and remedies -------------------------------------------------

@dataclass(frozen=True)
class ProgressEntry:
    at: datetime
    staff_id: int
    text: str


def append_progress(log: tuple[ProgressEntry, ...], entry: ProgressEntry) -> tuple[ProgressEntry, ...]:
    """The log only grows, in time order; a resolved complaint's log may still take notes."""
    if not entry.text.strip():
        raise InvalidInput("complaint.progress_text_required")
    if len(entry.text) > TEXT_MAX:
        raise InvalidInput("complaint.text_too_long", max=TEXT_MAX)
    if log and entry.at < log[-1].at:
        raise InvalidInput("complaint.progress_out_of_order")
    return (*log, entry)


@dataclass(frozen=True)
class Remedy:
    kind: RemedyKind
    amount_fen: Fen = 0      # refund
    points: int = 0          # points
    note: str = ""           # which gift, which upgrade; optional otherwise


def check_remedy(remedy: Remedy, visit_paid_fen: Fen | None, refunded_fen: Fen = 0) -> None:
    """``visit_paid_fen`` is what the complained-of visit's sale took (None: no visit)."""
    kind = remedy.kind
    if len(remedy.note) > TEXT_MAX:
        raise InvalidInput("complaint.text_too_long", max=TEXT_MAX)
    if kind in (RemedyKind.REFUND, RemedyKind.REDO) and visit_paid_fen is None:
        raise InvalidInput("complaint.remedy_needs_visit", remedy=kind.value)
    if kind is RemedyKind.REFUND:
        assert visit_paid_fen is not None
        if remedy.amount_fen <= 0:
            raise InvalidInput("complaint.refund_amount_required")
        limit = visit_paid_fen - refunded_fen
        if remedy.amount_fen > limit:
            raise InvalidInput("complaint.refund_over_visit", amount=remedy.amount_fen, limit=limit)
    elif remedy.amount_fen:
        raise InvalidInput("complaint.amount_only_for_refund")
    if kind is RemedyKind.POINTS:
        if remedy.points <= 0:
            raise InvalidInput("complaint.points_required")
    elif remedy.points:
        raise InvalidInput("complaint.points_only_for_points")
    if kind in (RemedyKind.GIFT, RemedyKind.FREE_UPGRADE) and not remedy.note.strip():
        raise InvalidInput("complaint.remedy_note_required", remedy=kind.value)


def check_resolution(t: ComplaintTimes, remedies: tuple[Remedy, ...], resolution: str, at: datetime) -> None:
    """Resolving needs at least one remedy (an apology is one) and a written resolution."""
    if t.resolved_at is not None:
        raise Conflict("complaint.already_resolved")
    if not remedies:
        raise InvalidInput("complaint.remedy_required")
    if not resolution.strip():
        raise InvalidInput("complaint.resolution_required")
    if len(resolution) > TEXT_MAX:
        raise InvalidInput("complaint.text_too_long", max=TEXT_MAX)
    if at < t.received_at or (t.responded_at is not None and at < t.responded_at):
        raise InvalidInput("complaint.before_received")


def remedies_text(remedies: tuple[Remedy, ...]) -> str:
    """``退款 ¥50.00、赠品（护手霜）`` for messages and the report."""
    parts = []
    for r in remedies:
        text = REMEDY_ZH[r.kind]
        if r.kind is RemedyKind.REFUND:
            text += f" {format_fen(r.amount_fen)}"
        elif r.kind is RemedyKind.POINTS:
            text += f" {r.points} 分"
        if r.note.strip() and r.kind is not RemedyKind.REFUND:
            text += f"（{r.note.strip()}）"
        parts.append(text)
    return "、".join(parts)
