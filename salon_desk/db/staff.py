"""Staff accounts: first-run setup, login with lockout, passwords, roles."""

from __future__ import annotations

import json
from datetime import timedelta

from ..errors import AuthenticationFailed, Conflict, InvalidInput, NotFound
from ..passwords import check_strength, hash_password, verify_password
from ..records import StaffInfo
from ..roles import Perm, Role
from .base import ShopBase
from .models import Setting, Staff


def staff_info(row: Staff) -> StaffInfo:
    return StaffInfo(row.id, row.username, row.display_name, row.role, row.active)


def _check_role(role: str) -> str:
    try:
        return Role(role).value
    except ValueError as exc:
        raise InvalidInput("staff.bad_role", role=role) from exc


class StaffMixin(ShopBase):
    def needs_setup(self) -> bool:
        """True on a new shop file: no staff yet, the setup wizard must run."""
        return not Staff.select().exists()

    def setup(self, *, shop_name: str, owner_username: str, owner_password: str,
              owner_display_name: str = "", address: str = "", phone: str = "",
              receipt_footer: str | None = None) -> StaffInfo:
        """Create the shop's details and its first owner account (first run only)."""
        if not shop_name.strip():
            raise InvalidInput("setup.shop_name_required")
        if not owner_username.strip():
            raise InvalidInput("staff.username_required")
        check_strength(owner_password)
        with self.db.atomic():
            if not self.needs_setup():
                raise Conflict("setup.already_done")
            owner = Staff.create(username=owner_username.strip(),
                                 display_name=owner_display_name.strip() or owner_username.strip(),
                                 role=Role.OWNER.value, password_hash=hash_password(owner_password),
                                 created_at=self.now())
            values = {"shop.name": shop_name.strip(), "shop.address": address.strip(),
                      "shop.phone": phone.strip()}
            if receipt_footer is not None:
                values["receipt.footer"] = receipt_footer
            for key, value in values.items():
                Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict_replace().execute()
            self._audit(owner, "setup", shop=shop_name.strip())
            self._forget_settings()
        return staff_info(owner)

    def login(self, username: str, password: str) -> StaffInfo:
        """Check a password; too many failures lock the account for a while."""
        row = self._check_credentials(username, password, "login_failed", "auth.bad_credentials")
        return staff_info(row)

    def verify_owner(self, username: str, password: str) -> Staff:
        """The owner's credentials that authorise a void or refund at the counter.

        Wrong passwords count toward the owner's lockout, as at login, so the
        refund dialog cannot be used to guess the owner's password.
        """
        return self._check_credentials(username, password, "owner_authorisation_failed",
                                       "auth.owner_required", owner_only=True)

    def _check_credentials(self, username: str, password: str, failed_action: str, wrong_code: str,
                           owner_only: bool = False) -> Staff:
        """The staff row if the password is right; every outcome is audited.

        A failure is committed (counter, lock, audit entry) before it is raised:
        raising inside the transaction would roll back the very lockout it records.
        """
        failure: AuthenticationFailed | None = None
        with self.db.atomic():
            row = Staff.get_or_none(Staff.username == (username or "").strip())
            now = self.now()
            if row is None or not row.active or (owner_only and row.role != Role.OWNER.value):
                self._audit(row if owner_only else None, failed_action, username=username)
                failure = AuthenticationFailed(wrong_code)
            elif row.locked_until and row.locked_until > now:
                self._audit(row, failed_action, reason="locked")
                failure = AuthenticationFailed("auth.locked", until=row.locked_until)
            elif not verify_password(row.password_hash, password):
                locked = self._count_failure(row, now)
                self._audit(row, failed_action, locked=locked)
                failure = (AuthenticationFailed("auth.locked", until=row.locked_until) if locked
                           else AuthenticationFailed(wrong_code))
            elif not owner_only:
                row.failed_logins, row.locked_until = 0, None
                row.save()
                self._audit(row, "login")
        if failure is not None:
            raise failure
        return row

    def _count_failure(self, row: Staff, now) -> bool:
        """One more wrong password; returns True when that locks the account."""
        row.failed_logins += 1
        if row.failed_logins >= self.setting("staff.max_failed_logins"):
            row.locked_until = now + timedelta(minutes=self.setting("staff.lockout_minutes"))
            row.failed_logins = 0
        row.save()
        return bool(row.locked_until and row.locked_until > now)

    def change_password(self, actor: StaffInfo, old_password: str, new_password: str) -> None:
        row = self._staff_row(actor)
        if not verify_password(row.password_hash, old_password):
            raise AuthenticationFailed("auth.bad_credentials")
        with self.db.atomic():
            row.password_hash = hash_password(new_password)
            row.save()
            self._audit(row, "password_changed", target=row.username)

    def create_staff(self, actor: StaffInfo, *, username: str, display_name: str, role: str,
                     password: str) -> StaffInfo:
        owner = self._require(actor, Perm.STAFF)
        username = (username or "").strip()
        if not username:
            raise InvalidInput("staff.username_required")
        if not (display_name or "").strip():
            raise InvalidInput("staff.display_name_required")
        role = _check_role(role)
        with self.db.atomic():
            if Staff.select().where(Staff.username == username).exists():
                raise Conflict("staff.username_taken", username=username)
            row = Staff.create(username=username, display_name=display_name.strip(), role=role,
                               password_hash=hash_password(password), created_at=self.now())
            self._audit(owner, "staff_created", target=username, role=role)
        return staff_info(row)

    def update_staff(self, actor: StaffInfo, staff_id: int, *, display_name: str | None = None,
                     role: str | None = None, active: bool | None = None) -> StaffInfo:
        owner = self._require(actor, Perm.STAFF)
        with self.db.atomic():
            row = self._staff_row(staff_id)
            changes = {}
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
            self._audit(owner, "staff_updated", target=row.username, **changes)
        return staff_info(row)

    def reset_password(self, actor: StaffInfo, staff_id: int, new_password: str) -> None:
        owner = self._require(actor, Perm.STAFF)
        with self.db.atomic():
            row = self._staff_row(staff_id)
            row.password_hash = hash_password(new_password)
            row.failed_logins, row.locked_until = 0, None
            row.save()
            self._audit(owner, "password_reset", target=row.username)

    def list_staff(self, include_inactive: bool = False) -> list[StaffInfo]:
        query = Staff.select().order_by(Staff.id)
        if not include_inactive:
            query = query.where(Staff.active == True)  # noqa: E712 - peewee expression
        return [staff_info(r) for r in query]

    def technicians(self) -> list[StaffInfo]:
        """Staff who appear on service lines: technicians first, then the others."""
        rows = Staff.select().where(Staff.active == True).order_by(  # noqa: E712
            (Staff.role != Role.TECHNICIAN.value), Staff.id)
        return [staff_info(r) for r in rows]

    def staff(self, staff_id: int) -> StaffInfo:
        row = Staff.get_or_none(Staff.id == staff_id)
        if row is None:
            raise NotFound("staff.not_found", id=staff_id)
        return staff_info(row)
