"""Who may do what (SPEC §9). Checked by the core, not only by hiding buttons."""

from __future__ import annotations

from enum import Enum

from .errors import PermissionDenied


class Role(str, Enum):
    OWNER = "owner"
    CASHIER = "cashier"
    TECHNICIAN = "technician"


class Perm(str, Enum):
    COUNTER = "counter"                  # check in, log services, check out
    CUSTOMERS = "customers"              # register, edit, archive, consents
    SEE_FULL_PHONE = "see_full_phone"
    SEE_HEALTH = "see_health"            # allergies and skin notes
    VISIT_NOTES = "visit_notes"          # write a note on a visit line
    APPOINTMENTS = "appointments"
    REFUND = "refund"                    # voids and refunds (with owner's password)
    ERASE = "erase"                      # anonymise a customer (PIPL)
    MERGE = "merge"
    EXPORT = "export"
    MANUAL_POINTS = "manual_points"
    MANUAL_TIER = "manual_tier"          # also manual enrolment and reinstatement
    PRICE_OVERRIDE = "price_override"
    CATALOGUE = "catalogue"
    STAFF = "staff"
    SETTINGS = "settings"
    REPORTS_ALL = "reports_all"
    REPORTS_TODAY = "reports_today"
    AUDIT = "audit"                      # read the audit log
    BACKUP = "backup"                    # write a backup copy of the whole file now
    RESTORE = "restore"                  # replace the shop file with a backup (owner)
    FOLLOW_UPS = "follow_ups"            # every follow-up task (a technician sees the ones assigned to them)
    COMPLAINTS = "complaints"            # record and handle complaints
    SEGMENTS = "segments"                # the customer segments page
    PREPAID_ADMIN = "prepaid_admin"      # refund unused card money and packages, transfer, extend packages
    OPEN_DRAWER = "open_drawer"          # open the cash drawer without a sale (audited)
    COMMISSION = "commission"            # commission rules, levels, settling a month, every technician's sheet


_CASHIER = {
    Perm.COUNTER, Perm.CUSTOMERS, Perm.SEE_FULL_PHONE, Perm.SEE_HEALTH,
    Perm.VISIT_NOTES, Perm.APPOINTMENTS, Perm.REPORTS_TODAY, Perm.FOLLOW_UPS, Perm.COMPLAINTS, Perm.SEGMENTS,
}
_TECHNICIAN = {Perm.SEE_HEALTH, Perm.VISIT_NOTES}

PERMISSIONS: dict[Role, frozenset[Perm]] = {
    Role.OWNER: frozenset(Perm),
    Role.CASHIER: frozenset(_CASHIER),
    Role.TECHNICIAN: frozenset(_TECHNICIAN),
}


def allows(role: Role | str, perm: Perm) -> bool:
    return perm in PERMISSIONS[Role(role)]


def require(role: Role | str, perm: Perm) -> None:
    """Raise :class:`PermissionDenied` unless ``role`` has ``perm``."""
    if not allows(role, perm):
        raise PermissionDenied("perm.denied", perm=perm.value, role=Role(role).value)
