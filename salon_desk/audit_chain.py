"""The audit log's hash chain: each entry is sealed with the hash of the entry before it.

An entry's seal is SHA-256 over a canonical serialisation of its stored fields (id,
time, staff id, action, target, details, exactly as the shop file holds them) and the
previous entry's seal. Changing an entry changes its seal; removing one breaks the link
of the entry after it; an entry slipped in by hand has no seal, or a seal that does not
follow. :func:`first_break` walks the entries in order and names the first link that
does not hold.

What the chain cannot tell on its own: someone who knows this recipe and has the file
can reseal every entry after the one they changed, and removing the newest entries
leaves a shorter chain that still holds. So the newest entry's number and seal (the
chain's *head*) are also written down outside the file every night (:class:`Head`);
:func:`first_lost_head` names the first head written down that the chain no longer holds.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

GENESIS = ""          # what the first entry names as the entry before it
SEAL_LENGTH = 64      # hex digits of a SHA-256

# what a break means, in the order they are checked
UNSEALED = "unsealed"    # no seal at all: written around the program (raw SQL)
ALTERED = "altered"      # the entry's fields no longer match its seal
MISSING = "missing"      # the entry before it is gone (its number is skipped)
OUT_OF_CHAIN = "out_of_chain"   # it does not follow the entry before it (slipped in, or that one was resealed)
CUT_SHORT = "cut_short"  # an entry whose seal was written down outside the file is gone or resealed


@dataclass(frozen=True)
class AuditFields:
    """One audit entry as stored: the time as its stored text, the details as their stored JSON."""

    id: int
    at: str
    staff_id: int | None
    action: str
    target: str
    details: str
    prev_hash: str | None = None
    hash: str | None = None


@dataclass(frozen=True)
class ChainBreak:
    """The first link of the chain that does not hold: which entry, when it says it was written, why."""

    entry_id: int
    at: str
    kind: str
    after_id: int       # the last entry whose link held (0: none)


def stored_time(at: datetime) -> str:
    """The text an entry's time is stored as (what the seal covers)."""
    return at.isoformat(sep=" ")


def canonical(entry: AuditFields, prev_hash: str) -> bytes:
    """The bytes an entry's seal is computed over: its fields in a fixed order, as compact JSON."""
    fields = [entry.id, entry.at, entry.staff_id, entry.action, entry.target, entry.details, prev_hash]
    text = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8", "surrogatepass")


def entry_hash(entry: AuditFields, prev_hash: str) -> str:
    """The seal of ``entry`` written after an entry sealed ``prev_hash``."""
    return hashlib.sha256(canonical(entry, prev_hash)).hexdigest()


def seal(entry: AuditFields, prev_hash: str) -> AuditFields:
    """``entry`` with its link to the entry before it and its own seal."""
    return AuditFields(entry.id, entry.at, entry.staff_id, entry.action, entry.target, entry.details,
                       prev_hash, entry_hash(entry, prev_hash))


def first_break(entries: Iterable[AuditFields]) -> ChainBreak | None:
    """The first entry (in id order) whose link does not hold, or None when the whole chain holds."""
    prev_id, prev_hash = 0, GENESIS
    for entry in entries:
        kind = None
        if entry.hash is None or entry.prev_hash is None:
            kind = UNSEALED
        elif entry_hash(entry, entry.prev_hash) != entry.hash:
            kind = ALTERED
        elif entry.id != prev_id + 1:
            kind = MISSING
        elif entry.prev_hash != prev_hash:
            kind = OUT_OF_CHAIN
        if kind is not None:
            return ChainBreak(entry.id, str(entry.at), kind, prev_id)
        prev_id, prev_hash = entry.id, str(entry.hash)
    return None


@dataclass(frozen=True)
class Head:
    """The newest entry's number, seal and time, written down outside the shop file."""

    entry_id: int
    hash: str
    at: str

    def line(self) -> str:
        return f"{self.entry_id} {self.hash} {self.at}"

    @staticmethod
    def parse(line: str) -> "Head | None":
        parts = line.strip().split(" ", 2)
        if len(parts) != 3 or not parts[0].isdigit() or len(parts[1]) != SEAL_LENGTH:
            return None
        return Head(int(parts[0]), parts[1], parts[2])


def first_lost_head(heads: Iterable[Head], seal_of: dict[int, str], last_id: int) -> ChainBreak | None:
    """The first head written down whose entry the chain no longer holds with that seal (the log was
    cut short, or rewritten from before it); ``seal_of`` maps those entries' numbers to their seals
    now, ``last_id`` is the newest entry's number."""
    for head in heads:
        if seal_of.get(head.entry_id) != head.hash:
            return ChainBreak(head.entry_id, head.at, CUT_SHORT, min(last_id, head.entry_id - 1))
    return None
