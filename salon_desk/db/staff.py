"""Staff accounts: first-run setup, login with lockout, sessions, the owner's grant, passwords, roles."""

from __future__ import annotations

import json
import secrets
from datetime import datetime, timedelta

from ..errors import AuthenticationFailed, Conflict, InvalidInput, PermissionDenied
from ..passwords import check_strength, hash_password, verify_password
from ..records import OwnerGrant, Session, StaffInfo
from ..roles import Perm, Role
from .context import Actor, ShopContext
from .database import is_read_only
from .models import Setting, Staff
from .permissions import ANY_STAFF, public, requires


_STAND_IN: list[str] = []


def _stand_in_hash() -> str:
    """A hash no password matches, made once with the program's own hasher: checking an unknown
    user name against it costs what a wrong password for a known one does."""
    if not _STAND_IN:
        _STAND_IN.append(hash_password(secrets.token_urlsafe(24)))
    return _STAND_IN[0]


def staff_info(row: Staff) -> StaffInfo:
    return StaffInfo(row.id, row.username, row.display_name, row.role, row.active)


def _check_role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError as exc:
        raise InvalidInput("staff.bad_role", role=role) from exc


class StaffService:
    """Who works here and who is at the keyboard now."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx
        # wrong owner passwords typed at each counter session: (count, locked until)
        self._authorisation_failures: dict[int, tuple[int, datetime | None]] = {}

    @public
    def needs_setup(self) -> bool:
        """True on a new shop file: no staff yet, the setup wizard must run."""
        return not Staff.select().exists()

    @public
    def setup(self, *, shop_name: str, owner_username: str, owner_password: str,
              owner_display_name: str = "", address: str = "", phone: str = "",
              receipt_footer: str | None = None) -> Session:
        """Create the shop's details and its first owner account (first run only), logged in."""
        if not shop_name.strip():
            raise InvalidInput("setup.shop_name_required")
        if not owner_username.strip():
            raise InvalidInput("staff.username_required")
        check_strength(owner_password)
        with self.ctx.db.atomic():
            if not self.needs_setup():
                raise Conflict("setup.already_done")
            owner = Staff.create(username=owner_username.strip(),
                                 display_name=owner_display_name.strip() or owner_username.strip(),
                                 role=Role.OWNER.value, password_hash=hash_password(owner_password),
                                 created_at=self.ctx.now())
            values = {"shop.name": shop_name.strip(), "shop.address": address.strip(),
                      "shop.phone": phone.strip()}
            if receipt_footer is not None:
                values["receipt.footer"] = receipt_footer
            for key, value in values.items():
                Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict_replace().execute()
            self.ctx.audit(owner, "setup", shop=shop_name.strip())
            self.ctx.forget_settings()
        return self.ctx.issue_session(owner)

    @public
    def login(self, username: str, password: str) -> Session:
        """Check a password and open a session; too many failures lock the account for a while."""
        row = self._check_credentials(username, password, "login_failed", "auth.bad_credentials")
        return self.ctx.issue_session(row)

    @requires(ANY_STAFF)
    def logout(self, actor: Actor) -> None:
        """End the session: the shop no longer accepts it."""
        self.ctx.end_session(actor.session)

    @requires(Perm.COUNTER)
    def authorise_owner(self, actor: Actor, username: str, password: str) -> OwnerGrant:
        """The owner's authorisation of one void or refund at the counter, as a one-time grant.

        Wrong passwords lock this authorisation at this counter session for a while
        (``auth.authorisation_locked``), never the owner's account: a cashier cannot lock
        the owner out of login and refunds, nor guess the password faster than the lock allows.
        """
        if not (username or "").strip() or not password:
            raise PermissionDenied("perm.owner_password_required")
        now = self.ctx.now()
        failures, until = self._authorisation_failures.get(actor.id, (0, None))
        if until is not None and until > now:
            raise AuthenticationFailed("auth.authorisation_locked", until=until)
        try:
            owner = self._check_credentials(username, password, "owner_authorisation_failed",
                                            "auth.owner_required", owner_only=True)
        except AuthenticationFailed as failure:
            if failure.code == "auth.owner_required":
                failures += 1
                if failures >= self.ctx.setting("staff.max_failed_logins"):
                    locked = now + timedelta(minutes=self.ctx.setting("staff.lockout_minutes"))
                    self._authorisation_failures[actor.id] = (0, locked)
                    raise AuthenticationFailed("auth.authorisation_locked", until=locked) from None
                self._authorisation_failures[actor.id] = (failures, None)
            raise
        self._authorisation_failures.pop(actor.id, None)
        return self.ctx.issue_grant(owner)

    def _check_credentials(self, username: str, password: str, failed_action: str, wrong_code: str,
                           owner_only: bool = False) -> Staff:
        """The staff row if the password is right; every outcome is audited.

        A failure is committed (counter, lock, audit entry) before it is raised:
        raising inside the transaction would roll back the very lockout it records.
        An unknown user name costs a password check as a known one does (against a
        stand-in hash), and is never written down: it may be a password typed in the
        wrong box. The owner's authorisation at the counter does not count toward the
        owner's account lock (see :meth:`authorise_owner`). A read-only shop file
        records nothing.
        """
        failure: AuthenticationFailed | None = None
        writes = not is_read_only(self.ctx.db)
        with self.ctx.db.atomic():
            row = Staff.get_or_none(Staff.username == (username or "").strip())
            now = self.ctx.now()
            if row is None or not row.active or (owner_only and row.role != Role.OWNER.value):
                verify_password(row.password_hash if row is not None else _stand_in_hash(), password)
                if writes:
                    self.ctx.audit(row if owner_only else None, failed_action,
                                   reason="unknown user" if row is None else "not allowed")
                failure = AuthenticationFailed(wrong_code)
            elif row.locked_until and row.locked_until > now and not owner_only:
                if writes:
                    self.ctx.audit(row, failed_action, reason="locked")
                failure = AuthenticationFailed("auth.locked", until=row.locked_until)
            elif not verify_password(row.password_hash, password):
                locked = self._count_failure(row, now) if writes and not owner_only else False
                if writes:
                    self.ctx.audit(row, failed_action, locked=locked)
                failure = (AuthenticationFailed("auth.locked", until=row.locked_until) if locked
                           else AuthenticationFailed(wrong_code))
            elif not owner_only and writes:
                row.failed_logins, row.locked_until = 0, None
                row.save()
                self.ctx.audit(row, "login")
        if failure is not None:
            raise failure
        if row is None:   # cannot happen: an unknown user set the failure above
            raise AuthenticationFailed(wrong_code)
        return row

    def _count_failure(self, row: Staff, now: datetime) -> bool:
        """One more wrong password; returns True when that locks the account."""
        row.failed_logins += 1
        if row.failed_logins >= self.ctx.setting("staff.max_failed_logins"):
            row.locked_until = now + timedelta(minutes=self.ctx.setting("staff.lockout_minutes"))
            row.failed_logins = 0
        row.save()
        return bool(row.locked_until and row.locked_until > now)

    @requires(ANY_STAFF)
    def change_password(self, actor: Actor, old_password: str, new_password: str) -> None:
        """Anyone changes their own password, knowing the old one."""
        row = actor.row
        if not verify_password(row.password_hash, old_password):
            raise AuthenticationFailed("auth.bad_credentials")
        with self.ctx.db.atomic():
            row.password_hash = hash_password(new_password)
            row.save()
            self.ctx.audit(row, "password_changed", target=row.username)

    @requires(Perm.STAFF)
    def create(self, actor: Actor, *, username: str, display_name: str, role: str,
               password: str) -> StaffInfo:
        owner = actor.row
        username = (username or "").strip()
        if not username:
            raise InvalidInput("staff.username_required")
        if not (display_name or "").strip():
            raise InvalidInput("staff.display_name_required")
        role = _check_role(role)
        with self.ctx.db.atomic():
            if Staff.select().where(Staff.username == username).exists():
                raise Conflict("staff.username_taken", username=username)
            row = Staff.create(username=username, display_name=display_name.strip(), role=role,
                               password_hash=hash_password(password), created_at=self.ctx.now())
            self.ctx.audit(owner, "staff_created", target=username, role=role)
        return staff_info(row)

    @requires(Perm.STAFF)
    def update(self, actor: Actor, staff_id: int, *, display_name: str | None = None,
               role: str | None = None, active: bool | None = None) -> StaffInfo:
        owner = actor.row
        with self.ctx.db.atomic():
            row = self.ctx.staff_row(staff_id)
            changes: dict[str, object] = {}
            if display_name is not None:
                if not display_name.strip():
                    raise InvalidInput("staff.display_name_required")
                row.display_name, changes["display_name"] = display_name.strip(), display_name.strip()
            if role is not None:
                row.role = changes["role"] = _check_role(role)
            if active is not None:
                row.active = changes["active"] = bool(active)
            if row.id == owner.id and (row.role != Role.OWNER.value or not row.active):
                raise Conflict("staff.cannot_demote_self")
            row.save()
            self.ctx.audit(owner, "staff_updated", target=row.username, **changes)
        return staff_info(row)

    @requires(Perm.STAFF)
    def reset_password(self, actor: Actor, staff_id: int, new_password: str) -> None:
        owner = actor.row
        with self.ctx.db.atomic():
            row = self.ctx.staff_row(staff_id)
            row.password_hash = hash_password(new_password)
            row.failed_logins, row.locked_until = 0, None
            row.save()
            self.ctx.audit(owner, "password_reset", target=row.username)

    @requires(ANY_STAFF)
    def roster(self, actor: Actor, include_inactive: bool = False) -> list[StaffInfo]:
        """Everyone working here (names and roles only)."""
        query = Staff.select().order_by(Staff.id)
        if not include_inactive:
            query = query.where(Staff.active == True)  # noqa: E712 - peewee expression
        return [staff_info(r) for r in query]

    @requires(ANY_STAFF)
    def technicians(self, actor: Actor) -> list[StaffInfo]:
        """Staff who appear on service lines: technicians first, then the others."""
        rows = Staff.select().where(Staff.active == True).order_by(  # noqa: E712
            (Staff.role != Role.TECHNICIAN.value), Staff.id)
        return [staff_info(r) for r in rows]

    @requires(ANY_STAFF)
    def get(self, actor: Actor, staff_id: int) -> StaffInfo:
        return staff_info(self.ctx.staff_row(staff_id))
