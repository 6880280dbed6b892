"""The relationship-care settings (follow-ups, complaints) as one validated object.

The values live in the settings registry (``care.*``, ``complaints.*``); the
rules in ``followups`` and ``complaints`` take this object, never a loose dict.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Callable

from .errors import InvalidInput
from .settings_registry import validate

# field name -> settings registry key
KEYS: dict[str, str] = {
    "visit_followup_hours": "care.visit_followup_hours",
    "product_check_days": "care.product_check_days",
    "inactive_days": "care.inactive_days",
    "inactive_catch_up_days": "care.inactive_catch_up_days",
    "birthday_days_ahead": "care.birthday_days_ahead",
    "cycle_lead_days": "care.cycle_lead_days",
    "cycle_min_visits": "care.cycle_min_visits",
    "complaint_followup_hours": "care.complaint_followup_hours",
    "first_response_hours": "complaints.first_response_hours",
    "resolution_hours": "complaints.resolution_hours",
}


@dataclass(frozen=True)
class CareSettings:
    """Defaults are the new shop's rulebook (SPEC §7). Hours are wall-clock hours."""

    visit_followup_hours: int = 2          # contact after a completed visit
    product_check_days: int = 3            # effect / skin reaction check after a retail sale
    inactive_days: int = 90                # 服务预警: a member not seen for this many days
    inactive_catch_up_days: int = 30       # ...but not once the absence is this much longer
    birthday_days_ahead: int = 7           # greeting task this many days before the birthday
    cycle_lead_days: int = 3               # care-cycle task this many days before the expected visit
    cycle_min_visits: int = 3              # visits of a category needed to see a cycle
    complaint_followup_hours: int = 24     # satisfaction call this long after a resolution
    first_response_hours: int = 24         # complaint: first response deadline after receipt
    resolution_hours: int = 72             # complaint: resolution deadline after receipt

    def __post_init__(self) -> None:
        for f in fields(self):
            validate(KEYS[f.name], getattr(self, f.name))
        if self.resolution_hours < self.first_response_hours:
            raise InvalidInput("complaints.resolution_before_response",
                               response=self.first_response_hours, resolution=self.resolution_hours)

    @classmethod
    def from_lookup(cls, setting: Callable[[str], Any]) -> CareSettings:
        """Build from ``ctx.setting`` (or any key -> value function)."""
        return cls(**{name: setting(key) for name, key in KEYS.items()})
