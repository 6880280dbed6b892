"""The customer file (SPEC §1): register, edit, consents, archive, erase, export, merge."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import Conflict, InvalidInput, NotFound
from ..ledger_reasons import ERASED, system_reason
from ..phone import check_phone
from ..pinyin_keys import customer_keys
from ..records import ConsentState, CustomerFile, CustomerSummary, StaffInfo
from ..roles import Perm, allows
from .base import ShopBase, staff_names
from .customer_rows import CONSENT_PURPOSES, active_member, points_balance, summaries
from .models import (
    Consent, Customer, CustomerTag, PointsEntry, Sale, SaleLine, SearchKey, Staff, TierChange, Visit, VisitLine,
)

GENDERS = ("", "female", "male")
REGIONS = ("", "city", "county", "township")
SKIN_TYPES = ("", "oily", "dry", "combination", "normal", "sensitive")


@dataclass
class CustomerDetails:
    """Everything of a customer's file that a person types in."""

    name: str
    phone: str
    gender: str = ""
    birth_year: int | None = None
    birth_month: int | None = None
    birth_day: int | None = None
    region: str = ""
    skin_type: str = ""
    allergies: str = ""
    care_goals: str = ""
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    referred_by_id: int | None = None
    first_seen: date | None = None


def _check_details(d: CustomerDetails) -> None:
    if not d.name.strip():
        raise InvalidInput("customer.name_required")
    if len(d.name.strip()) > 40:
        raise InvalidInput("customer.name_too_long")
    if d.gender not in GENDERS:
        raise InvalidInput("customer.bad_gender", value=d.gender)
    if d.region not in REGIONS:
        raise InvalidInput("customer.bad_region", value=d.region)
    if d.skin_type not in SKIN_TYPES:
        raise InvalidInput("customer.bad_skin_type", value=d.skin_type)
    if (d.birth_month is None) != (d.birth_day is None):
        raise InvalidInput("customer.birthday_incomplete")
    if d.birth_month is not None:
        year = d.birth_year or 2000  # a leap year, so 29 Feb is accepted without a year
        try:
            date(year, d.birth_month, d.birth_day)
        except (TypeError, ValueError) as exc:
            raise InvalidInput("customer.bad_birthday") from exc


def _clean_tags(tags: list[str]) -> list[str]:
    seen: list[str] = []
    for tag in tags:
        tag = tag.strip()
        if tag and tag not in seen:
            if len(tag) > 20:
                raise InvalidInput("customer.tag_too_long", tag=tag)
            seen.append(tag)
    return seen


def write_search_keys(customer: Customer) -> None:
    SearchKey.delete().where(SearchKey.customer == customer).execute()
    keys = customer_keys(customer.name, customer.phone)
    if keys:
        SearchKey.insert_many([(customer.id, k, customer.last_visit_at) for k in sorted(keys)],
                              fields=[SearchKey.customer, SearchKey.key, SearchKey.last_visit_at]).execute()


def current_consents(customer_id: int) -> dict[str, Consent]:
    latest: dict[str, Consent] = {}
    for row in Consent.select().where(Consent.customer == customer_id).order_by(Consent.id):
        latest[row.purpose] = row
    return latest


class CustomersMixin(ShopBase):
    def _customer_row(self, customer_id: int) -> Customer:
        row = Customer.get_or_none(Customer.id == customer_id)
        if row is None:
            raise NotFound("customer.not_found", id=customer_id)
        return row

    def _set_phone(self, row: Customer, phone: str) -> bool:
        if not (phone or "").strip():   # a child, or an elderly customer: no phone of their own
            row.phone, row.phone_is_mainland = None, True
            return True
        checked = check_phone(phone)
        clash = Customer.get_or_none((Customer.phone == checked.number) & (Customer.id != (row.id or 0)))
        if clash is not None:
            raise Conflict("customer.phone_taken", phone=checked.number, name=clash.name,
                           customer_id=clash.id)
        row.phone, row.phone_is_mainland = checked.number, checked.is_mainland
        return checked.is_mainland

    def _apply_details(self, row: Customer, d: CustomerDetails, health_ok: bool) -> None:
        _check_details(d)
        if d.allergies.strip() and not health_ok:
            raise InvalidInput("customer.health_consent_required")
        if d.referred_by_id is not None:
            if d.referred_by_id == row.id:
                raise InvalidInput("customer.refers_self")
            self._customer_row(d.referred_by_id)
        self._set_phone(row, d.phone)
        row.name = d.name.strip()
        for attr in ("gender", "birth_year", "birth_month", "birth_day", "region", "skin_type"):
            setattr(row, attr, getattr(d, attr))
        row.allergies, row.care_goals, row.notes = d.allergies.strip(), d.care_goals.strip(), d.notes.strip()
        row.referred_by = d.referred_by_id
        if d.first_seen:
            row.first_seen = d.first_seen

    def register_customer(self, actor: StaffInfo, details: CustomerDetails, *, consent_keep_file: bool,
                          consent_marketing: bool = False, consent_health: bool = False) -> CustomerFile:
        """Open a file. Without consent to keep it there is no file: sell as a walk-in."""
        staff = self._require(actor, Perm.CUSTOMERS)
        if not consent_keep_file:
            raise InvalidInput("customer.consent_required")
        tags = _clean_tags(details.tags)
        with self.db.atomic():
            row = Customer(first_seen=self.today(), created_at=self.now())
            self._apply_details(row, details, consent_health)
            row.save()
            CustomerTag.insert_many([(row.id, t) for t in tags], fields=[CustomerTag.customer, CustomerTag.tag]).execute()
            version = self.setting("privacy.notice_version")
            for purpose, granted in (("keep_file", True), ("marketing", consent_marketing),
                                     ("health", consent_health)):
                Consent.create(customer=row, purpose=purpose, granted=granted, at=self.now(),
                               staff=staff, notice_version=version)
            write_search_keys(row)
            self._audit(staff, "customer_registered", target=f"customer:{row.id}")
        return self.customer_file(actor, row.id)

    def update_customer(self, actor: StaffInfo, customer_id: int, details: CustomerDetails) -> CustomerFile:
        staff = self._require(actor, Perm.CUSTOMERS)
        tags = _clean_tags(details.tags)
        with self.db.atomic():
            row = self._customer_row(customer_id)
            if row.anonymised_at:
                raise Conflict("customer.erased")
            health = current_consents(row.id).get("health")
            if not allows(staff.role, Perm.SEE_HEALTH):
                details.allergies = row.allergies  # cannot see it, so cannot change it
            self._apply_details(row, details, bool(health and health.granted))
            row.save()
            CustomerTag.delete().where(CustomerTag.customer == row).execute()
            CustomerTag.insert_many([(row.id, t) for t in tags], fields=[CustomerTag.customer, CustomerTag.tag]).execute()
            write_search_keys(row)
            self._audit(staff, "customer_updated", target=f"customer:{row.id}")
        return self.customer_file(actor, row.id)

    def set_consent(self, actor: StaffInfo, customer_id: int, purpose: str, granted: bool) -> CustomerFile:
        """Give or withdraw consent for one purpose; the history is kept.

        Withdrawing health consent wipes the allergy notes; withdrawing consent to
        keep the file archives it (the owner may then erase it).
        """
        staff = self._require(actor, Perm.CUSTOMERS)
        if purpose not in CONSENT_PURPOSES:
            raise InvalidInput("consent.bad_purpose", purpose=purpose)
        with self.db.atomic():
            row = self._customer_row(customer_id)
            Consent.create(customer=row, purpose=purpose, granted=granted, at=self.now(), staff=staff,
                           notice_version=self.setting("privacy.notice_version"))
            if not granted and purpose == "health":
                row.allergies = ""
            if not granted and purpose == "keep_file":
                row.archived = True
            row.save()
            self._audit(staff, "consent_changed", target=f"customer:{row.id}", purpose=purpose, granted=granted)
        return self.customer_file(actor, customer_id)

    def archive_customer(self, actor: StaffInfo, customer_id: int, archived: bool = True) -> None:
        """Hide (or show again) a file at the counter; nothing is lost."""
        staff = self._require(actor, Perm.CUSTOMERS)
        with self.db.atomic():
            row = self._customer_row(customer_id)
            row.archived = archived
            row.save()
            self._audit(staff, "customer_archived" if archived else "customer_unarchived",
                        target=f"customer:{row.id}")

    def customer_file(self, actor: StaffInfo, customer_id: int) -> CustomerFile:
        staff = self._staff_row(actor)
        row = self._customer_row(customer_id)
        consents = current_consents(row.id)
        ever_granted = {purpose for (purpose,) in Consent.select(Consent.purpose).where(
            (Consent.customer == row.id) & (Consent.granted == True)).tuples()}  # noqa: E712
        names = staff_names()
        see_health = allows(staff.role, Perm.SEE_HEALTH)
        full_phone = allows(staff.role, Perm.SEE_FULL_PHONE)
        summary = summaries([row], full_phone)[0]
        referrer = row.referred_by
        return CustomerFile(
            id=row.id, name=row.name, phone=summary.phone, phone_is_mainland=row.phone_is_mainland,
            gender=row.gender, birth_year=row.birth_year, birth_month=row.birth_month,
            birth_day=row.birth_day, region=row.region, skin_type=row.skin_type,
            allergies=row.allergies if see_health else None, care_goals=row.care_goals,
            notes=row.notes, tags=tuple(t.tag for t in row.tags.order_by(CustomerTag.id)),
            referred_by_id=referrer.id if referrer else None,
            referred_by_name=referrer.name if referrer else None,
            first_seen=row.first_seen, archived=row.archived, anonymised=row.anonymised_at is not None,
            consents=tuple(ConsentState(c.purpose, c.granted, c.at, names.get(c.staff_id, ""), c.notice_version,
                                        not c.granted and c.purpose in ever_granted)
                           for c in consents.values()),
            member=self.member_info(row.id), points=points_balance(row.id))

    def customer_summary(self, actor: StaffInfo, customer_id: int) -> CustomerSummary:
        staff = self._staff_row(actor)
        return summaries([self._customer_row(customer_id)], allows(staff.role, Perm.SEE_FULL_PHONE))[0]

    def anonymise_customer(self, actor: StaffInfo, customer_id: int) -> None:
        """Erase personal fields on request (PIPL); sales stay as 'erased customer'."""
        owner = self._require(actor, Perm.ERASE)
        with self.db.atomic():
            row = self._customer_row(customer_id)
            if row.anonymised_at:
                raise Conflict("customer.erased")
            if Visit.select().where((Visit.customer == row) & (Visit.status == "open")).exists():
                raise Conflict("customer.in_shop", name=row.name)
            # the duplicate files merged into this one hold the same person's data
            files, merged = [row], [row.id]
            while merged:
                found = list(Customer.select().where(Customer.merged_into.in_(merged)
                                                     & Customer.anonymised_at.is_null()))
                files += found
                merged = [f.id for f in found]
            for file in files:
                for attr, blank in (("name", ""), ("phone", None), ("gender", ""), ("birth_year", None),
                                    ("birth_month", None), ("birth_day", None), ("region", ""),
                                    ("skin_type", ""), ("allergies", ""), ("care_goals", ""), ("notes", "")):
                    setattr(file, attr, blank)
                file.archived = True
                file.anonymised_at = self.now()
                file.save()
                CustomerTag.delete().where(CustomerTag.customer == file).execute()
                SearchKey.delete().where(SearchKey.customer == file).execute()
                self._end_membership_on_erasure(owner, file)
                # the service log may hold health remarks; amounts and names stay for the books
                (SaleLine.update(note="").where(SaleLine.sale.in_(Sale.select(Sale.id).where(Sale.customer == file)))
                 .execute())
                (VisitLine.update(note="")
                 .where(VisitLine.visit.in_(Visit.select(Visit.id).where(Visit.customer == file))).execute())
            self._audit(owner, "customer_erased", target=f"customer:{row.id}",
                        **({"merged_files": [f.id for f in files[1:]]} if len(files) > 1 else {}))

    def _end_membership_on_erasure(self, owner: Staff, row: Customer) -> None:
        """An erased customer can no longer be served as a member: membership ends, points expire."""
        member = active_member(row.id)
        if member is not None:
            member.active = False
            member.save()
            TierChange.create(member=member, kind="erase", from_tier=member.tier, to_tier=None,
                              at=self.now(), staff=owner, reason="customer erased")
        balance = points_balance(row.id)
        if balance > 0:
            PointsEntry.create(customer=row, kind="expire", points=-balance, at=self.now(), staff=owner,
                               reason=system_reason(ERASED))

    def export_customer(self, actor: StaffInfo, customer_id: int) -> dict[str, Any]:
        """A copy of everything the shop holds on one customer (their right to a copy)."""
        owner = self._require(actor, Perm.EXPORT)
        from .export import customer_export  # late: export reads the other parts of the front door
        data = customer_export(self, actor, customer_id)
        with self.db.atomic():
            self._audit(owner, "customer_exported", target=f"customer:{customer_id}")
        return data
