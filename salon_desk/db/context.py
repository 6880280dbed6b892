"""What every service of one open shop shares: its database, clock, settings, sessions and audit.

One context per open shop file. The models are bound to this shop's database
for the length of each operation (:meth:`ShopContext.bound`), so two shops
open in one process never read or write each other's file.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any, Callable, Iterator, Sequence

from peewee import SqliteDatabase

from .. import roles
from ..errors import NotFound, PermissionDenied
from ..records import OwnerGrant, Session, StaffInfo
from ..settings_registry import SETTINGS, TierRule, tiers_from_json
from . import sql_sqlite
from .audit_log import append_entry
from .models import MODELS, Setting, Staff
from .rows import execute, model_from_row

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass(frozen=True)
class Actor:
    """A session the shop has checked, with the staff row re-read from the file for this operation.

    Services receive one from their permission declaration; they pass it on to
    other services' public methods, which accept it without reading the row again.
    """

    session: Session
    row: Staff
    issuer: "ShopContext"

    @property
    def id(self) -> int:
        return int(self.row.id)

    @property
    def role(self) -> str:
        return str(self.row.role)

    @property
    def display_name(self) -> str:
        return str(self.row.display_name)

    def can(self, perm: roles.Perm) -> bool:
        return roles.allows(self.role, perm)


class ShopContext:
    """The small shared state of one open shop, handed to every service's constructor."""

    def __init__(self, db: SqliteDatabase, path: Path, clock: Clock, backup_dir: Path) -> None:
        self.db = db
        self.path = path
        self.clock = clock
        self.backup_dir = backup_dir
        self.sql: ModuleType = sql_sqlite      # hand-written statements of this file's dialect
        self.key: str | None = None           # the recovery key an encrypted file was opened with
        self._settings_cache: dict[str, Any] | None = None
        self._derived: dict[str, Any] = {}     # values built from settings, dropped with them
        self._data_version: int | None = None
        self._sessions: dict[str, int] = {}
        self._grants: dict[str, int] = {}

    # -- binding ----------------------------------------------------------
    @contextmanager
    def bound(self) -> Iterator[None]:
        """The models speak to this shop's database until the block ends (nesting is free)."""
        if Setting._meta.database is self.db:
            yield
            return
        previous = [model._meta.database for model in MODELS]
        for model in MODELS:
            model._meta.set_database(self.db)
        try:
            yield
        finally:
            for model, db in zip(MODELS, previous):
                model._meta.set_database(db)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """One hand-written statement (from ``self.sql``) on this shop's database."""
        return execute(self.db, sql, params)

    # -- time -------------------------------------------------------------
    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    # -- settings ---------------------------------------------------------
    def setting(self, key: str) -> Any:
        """The value in force. Cached; the cache is dropped when this shop changes a setting,
        and when another connection committed (SQLite's ``data_version``, checked at the start
        of every operation in :meth:`authorise`)."""
        if self._settings_cache is None:
            with self.bound():
                self._settings_cache = {row.key: json.loads(row.value) for row in Setting.select()}
        if key in self._settings_cache:
            return self._settings_cache[key]
        return SETTINGS[key].default

    def forget_settings(self) -> None:
        self._settings_cache = None
        self._derived = {}

    def derived(self, name: str, build: Callable[["ShopContext"], Any]) -> Any:
        """A value built from settings (tiers, care rules...), built once and dropped with the settings
        cache, so a checkout does not parse the same settings again on every sale."""
        if self._settings_cache is None:
            self._derived = {}
        if name not in self._derived:
            value = build(self)
            if self._settings_cache is None:    # building read no setting: nothing to tie it to
                return value
            self._derived[name] = value
        return self._derived[name]

    def tiers(self) -> tuple[TierRule, ...]:
        tiers: tuple[TierRule, ...] = self.derived(
            "tiers", lambda ctx: tiers_from_json(ctx.setting("membership.tiers")))
        return tiers

    def _check_outside_changes(self) -> None:
        version = self.execute(self.sql.DATA_VERSION).fetchone()[0]
        if version != self._data_version:
            self._settings_cache, self._data_version, self._derived = None, version, {}

    # -- staff, sessions and permission -------------------------------------
    def staff_row(self, staff_id: int) -> Staff:
        found = self.execute(self.sql.STAFF_BY_ID, (staff_id,)).fetchone()
        if found is None:
            raise NotFound("staff.not_found", id=staff_id)
        return model_from_row(Staff, self.sql.STAFF_COLUMNS, found)

    def issue_session(self, row: Staff) -> Session:
        token = secrets.token_urlsafe(24)
        self._sessions[token] = int(row.id)
        return Session(int(row.id), str(row.username), str(row.display_name), str(row.role),
                       bool(row.active), token=token)

    def end_session(self, session: StaffInfo) -> None:
        if isinstance(session, Session):
            self._sessions.pop(session.token, None)

    def end_all_sessions(self) -> None:
        """Every session and unspent grant ends (the file was replaced: its staff log in again)."""
        self._sessions.clear()
        self._grants.clear()

    def issue_grant(self, owner: Staff) -> OwnerGrant:
        token = secrets.token_urlsafe(24)
        self._grants[token] = int(owner.id)
        return OwnerGrant(int(owner.id), str(owner.username), token=token)

    def check_grant(self, grant: OwnerGrant | None) -> Staff:
        """The owner who issued ``grant``, if it is one this shop issued and has not been spent."""
        if not isinstance(grant, OwnerGrant) or self._grants.get(grant.token) != grant.owner_id:
            raise PermissionDenied("perm.owner_password_required")
        owner = self.staff_row(grant.owner_id)
        if not owner.active or owner.role != roles.Role.OWNER.value:
            raise PermissionDenied("perm.owner_password_required")
        return owner

    def spend_grant(self, grant: OwnerGrant) -> None:
        """The authorised change is committed: the grant cannot be used again."""
        self._grants.pop(grant.token, None)

    def authorise(self, who: object, access: "roles.Perm | str") -> Actor:
        """The acting staff member, re-read from the file, if the shop issued the session
        and the role allows ``access`` (a :class:`Perm`, or ``ANY_STAFF``)."""
        if isinstance(who, Actor) and who.issuer is self and self._sessions.get(who.session.token) == who.id:
            row = who.row
            session = who.session
        elif isinstance(who, Session) and self._sessions.get(who.token) == who.id:
            self._check_outside_changes()
            row = self.staff_row(who.id)
            session = who
        else:
            raise PermissionDenied("perm.not_logged_in")
        if not row.active:
            raise PermissionDenied("perm.inactive", staff=row.username)
        if isinstance(access, roles.Perm):
            roles.require(row.role, access)
        return Actor(session, row, self)

    # -- audit --------------------------------------------------------------
    def audit(self, who: Actor | Staff | None, action: str, target: str = "", **details: Any) -> None:
        """Append an entry to the audit log, sealed onto the chain (in the caller's transaction,
        or one of its own)."""
        staff = who.row if isinstance(who, Actor) else who
        text = json.dumps(details, ensure_ascii=False, default=str, sort_keys=True)
        with self.db.atomic():
            append_entry(self.db, self.now(), int(staff.id) if staff is not None else None, action, target, text)

    def staff_names(self) -> dict[int, str]:
        """Every staff member's display name by id, for naming who did what in a history."""
        return {s.id: s.display_name for s in Staff.select(Staff.id, Staff.display_name)}
