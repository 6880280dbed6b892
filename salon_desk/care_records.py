"""What the care service hands the window: tasks, complaints, the customer's care banner, segments.

Plain frozen dataclasses (no rows). Marks such as "overdue" and "late" are
computed by the rules in ``followups`` and ``complaints`` when a record is
made, from the stored times and the time of asking.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple
from datetime import date, datetime

from .complaints import Category, Channel, Mark, RemedyKind
from .followups import Bucket, Outcome, TaskType
from .money import Fen
from .segments import Segment, ValueClass


@dataclass(frozen=True)
class TaskRecord:
    id: int
    key: str
    type: TaskType
    customer_id: int
    customer_name: str
    phone: str                       # masked unless the viewer may see full phones
    due_at: datetime
    all_day: bool
    assignee_id: int | None
    assignee_name: str
    message: str
    bucket: Bucket                   # overdue / today / later / closed, as of the time asked
    visit_id: int | None = None
    complaint_id: int | None = None
    closed_at: datetime | None = None
    closed_by_name: str = ""
    outcome: Outcome | None = None
    scores: tuple[int, int, int] | None = None   # attitude, technique, environment
    comment: str = ""

    @property
    def overdue(self) -> bool:
        return self.bucket is Bucket.OVERDUE

    @property
    def scored(self) -> bool:
        """Closed with the three satisfaction scores allowed for this type."""
        from .followups import SCORED_TYPES
        return self.type in SCORED_TYPES


@dataclass(frozen=True)
class ComplaintFlag:
    """One open complaint on a customer's banner: red when a deadline has passed."""

    complaint_id: int
    category: Category
    received_at: datetime
    overdue: bool


@dataclass(frozen=True)
class CareBanner:
    """The customer as the care page shows them beside a task."""

    customer_id: int
    name: str
    phone: str
    tier: str | None
    last_visit_at: datetime | None
    last_services: tuple[str, ...]
    preferences: str                 # care goals and notes, as kept on the file
    open_complaints: tuple[ComplaintFlag, ...]


@dataclass(frozen=True)
class ProgressRecord:
    at: datetime
    staff_name: str
    text: str


@dataclass(frozen=True)
class RemedyRecord:
    kind: RemedyKind
    amount_fen: Fen
    points: int
    note: str
    at: datetime
    staff_name: str
    refund_id: int | None = None
    visit_line_id: int | None = None


@dataclass(frozen=True)
class ComplaintRecord:
    id: int
    customer_id: int
    customer_name: str
    category: Category
    channel: Channel
    description: str
    received_at: datetime
    recorded_by_name: str
    handler_id: int | None
    handler_name: str
    visit_id: int | None
    sale_line_id: int | None
    technician_id: int | None
    technician_name: str
    response_due: datetime
    resolution_due: datetime
    responded_at: datetime | None
    resolved_at: datetime | None
    resolution: str
    response_mark: Mark
    resolution_mark: Mark
    progress: tuple[ProgressRecord, ...]
    remedies: tuple[RemedyRecord, ...]

    @property
    def open(self) -> bool:
        return self.resolved_at is None

    @property
    def flagged(self) -> bool:
        """Red: a deadline passed with nothing done."""
        return Mark.OVERDUE in (self.response_mark, self.resolution_mark)

    @property
    def late(self) -> bool:
        """Answered or resolved after its deadline: the mark stays."""
        return Mark.LATE in (self.response_mark, self.resolution_mark)


class SegmentLine(NamedTuple):
    """One customer of the segments page (a named tuple: the page holds a whole shop of them)."""

    segment: Segment
    name: str
    phone: str
    reason: str                      # at-risk customers: one line why


@dataclass(frozen=True)
class SegmentsView:
    as_of: date
    counts: tuple[tuple[ValueClass, int], ...]
    sentences: tuple[str, ...]       # cut points, the tertile rule, the class rule
    lines: tuple[SegmentLine, ...]
