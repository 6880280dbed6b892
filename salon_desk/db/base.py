"""What every part of the front door shares: the clock, settings, role checks, audit."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any, Callable

from peewee import Model

from .. import roles
from ..errors import NotFound, PermissionDenied
from ..records import StaffInfo
from ..settings_registry import SETTINGS, TierRule, tiers_from_json
from .models import AuditLog, Setting, Staff, database


_STAFF_COLUMNS = ("id", "username", "display_name", "role", "password_hash", "active", "failed_logins",
                  "locked_until", "created_at")
_STAFF_SQL = f"SELECT {', '.join(_STAFF_COLUMNS)} FROM staff WHERE id = ?"


def model_from_row(model: type[Model], columns: tuple[str, ...], values: tuple) -> Model:
    """A model instance from a hand-written SELECT, with each column converted as peewee would."""
    fields = model._meta.fields
    return model(**{name: fields[name].python_value(value) for name, value in zip(columns, values)})


def _staff_from_row(values: tuple) -> Staff:
    return model_from_row(Staff, _STAFF_COLUMNS, values)


def staff_names() -> dict[int, str]:
    """Every staff member's display name by id, for naming who did what in a history."""
    return {s.id: s.display_name for s in Staff.select(Staff.id, Staff.display_name)}


def system_clock() -> datetime:
    return datetime.now().replace(microsecond=0)


class ShopBase:
    """State shared by the front door's parts; see :class:`salon_desk.db.shop.Shop`."""

    def __init__(self, clock: Callable[[], datetime] = system_clock) -> None:
        self.clock = clock
        self.db = database
        self._settings_cache: dict[str, Any] | None = None
        self._settings_version: int | None = None

    # -- time -------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    # -- settings ---------------------------------------------------------
    def setting(self, key: str) -> Any:
        """The value in force. Cached: the cache is dropped when this shop changes a
        setting, and re-checked against other connections' commits (SQLite's
        ``data_version``) at the start of every operation, in :meth:`_staff_row`."""
        if self._settings_cache is None:
            self._settings_cache = {row.key: json.loads(row.value) for row in Setting.select()}
        if key in self._settings_cache:
            return self._settings_cache[key]
        return SETTINGS[key].default

    def _forget_settings(self) -> None:
        self._settings_cache = None

    def tiers(self) -> tuple[TierRule, ...]:
        return tiers_from_json(self.setting("membership.tiers"))

    # -- staff and roles --------------------------------------------------
    def _check_outside_changes(self) -> None:
        version = self.db.execute_sql("PRAGMA data_version").fetchone()[0]
        if version != self._settings_version:
            self._settings_cache, self._settings_version = None, version

    def _staff_row(self, actor: StaffInfo | int) -> Staff:
        self._check_outside_changes()
        staff_id = actor if isinstance(actor, int) else actor.id
        # Hand-written: every operation starts here, and peewee's query building
        # would cost more than the lookup itself.
        found = self.db.execute_sql(_STAFF_SQL, (staff_id,)).fetchone()
        if found is None:
            raise NotFound("staff.not_found", id=staff_id)
        return _staff_from_row(found)

    def _require(self, actor: StaffInfo, perm: roles.Perm) -> Staff:
        """The acting staff member, re-read from the file, if their role allows ``perm``."""
        row = self._staff_row(actor)
        if not row.active:
            raise PermissionDenied("perm.inactive", staff=row.username)
        roles.require(row.role, perm)
        return row

    # -- audit ------------------------------------------------------------
    def _audit(self, staff: Staff | None, action: str, target: str = "", **details: Any) -> None:
        AuditLog.create(at=self.now(), staff=staff, action=action, target=target,
                        details=json.dumps(details, ensure_ascii=False, default=str, sort_keys=True))
