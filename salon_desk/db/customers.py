"""The customer file (SPEC §1): register, edit, consents, archive, erase, export, merge."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..birthday import window_birthday
from ..errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ..ledger_reasons import ERASED, system_reason
from ..phone import check_phone, clean_text
from ..records import ConsentState, CustomerFile, CustomerSummary, OwnerGrant
from ..roles import Perm, Role
from .context import Actor, ShopContext
from .customer_rows import (
    CONSENT_PURPOSES, active_member, current_consents, points_balance, summaries, write_search_keys,
)
from .membership import member_info
from .merge import merge_files
from .models import (
    Consent, Customer, CustomerTag, PointsEntry, Sale, SaleLine, SearchKey, Staff, TierChange, Visit, VisitLine,
)
from .care_erasure import wipe_care_text
from .export import customer_export
from .permissions import ANY_STAFF, requires
from .receipts import ReceiptBook
from .rows import tuples
from .search import RESULT_LIMIT, search_customers

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
    for name in d.__dataclass_fields__:          # text that is not valid Unicode: a typed error
        value = getattr(d, name)
        for text in (value if isinstance(value, list) else [value]):
            if isinstance(text, str):
                clean_text(text)
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
    if d.birth_month is not None and d.birth_day is not None:   # both or neither, checked above
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


# the fields of a file an edit may change, compared before and after for the audit log
EDITABLE_FIELDS = ("name", "phone", "gender", "birth_year", "birth_month", "birth_day", "region", "skin_type",
                   "allergies", "care_goals", "notes", "referred_by_id", "first_seen")


def customer_row(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFound("customer.not_found", id=customer_id)
    return row


def _snapshot(row: Customer, tags: list[str]) -> dict[str, Any]:
    values = {f: getattr(row, f) for f in EDITABLE_FIELDS}
    values["tags"] = list(tags)
    return values


def in_shop_with(technician_id: int, customer_id: int) -> bool:
    """True while the customer has an open visit with a service by this technician."""
    return bool(VisitLine.select().join(Visit).where(
        (Visit.customer == customer_id) & (Visit.status == "open")
        & (VisitLine.technician == technician_id)).exists())


class CustomerService:
    """The customer file (SPEC §1): find, register, edit, consents, archive, erase, export, merge."""

    def __init__(self, ctx: ShopContext, receipts: ReceiptBook) -> None:
        self.ctx = ctx
        self.receipts = receipts

    @requires(Perm.CUSTOMERS)
    def find(self, actor: Actor, text: str, limit: int = RESULT_LIMIT,
             include_archived: bool = False) -> list[CustomerSummary]:
        """The first ``limit`` customers matching what was typed (phone tail, phone, name,
        pinyin initials), best first."""
        return search_customers(self.ctx, text, limit, include_archived, actor.can(Perm.SEE_FULL_PHONE))

    @requires(Perm.CUSTOMERS)
    def recent(self, actor: Actor, limit: int = 50, offset: int = 0,
               include_archived: bool = False) -> list[CustomerSummary]:
        """The customers page before anything is typed: most recent visitors first."""
        query = Customer.select().where(Customer.anonymised_at.is_null())
        if not include_archived:
            query = query.where(Customer.archived == False)  # noqa: E712
        rows = list(query.order_by(Customer.last_visit_at.desc(nulls="LAST"), Customer.id.desc())
                    .limit(limit).offset(offset))
        return summaries(rows, actor.can(Perm.SEE_FULL_PHONE))

    def _customer_row(self, customer_id: int) -> Customer:
        return customer_row(customer_id)

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
            customer_row(d.referred_by_id)
        self._set_phone(row, d.phone)
        row.name = d.name.strip()
        for attr in ("gender", "birth_year", "birth_month", "birth_day", "region", "skin_type"):
            setattr(row, attr, getattr(d, attr))
        row.allergies, row.care_goals, row.notes = d.allergies.strip(), d.care_goals.strip(), d.notes.strip()
        row.referred_by = d.referred_by_id
        if d.first_seen:
            row.first_seen = d.first_seen

    @requires(Perm.CUSTOMERS)
    def register(self, actor: Actor, details: CustomerDetails, *, consent_keep_file: bool,
                 consent_marketing: bool = False, consent_health: bool = False) -> CustomerFile:
        """Open a file. Without consent to keep it there is no file: sell as a walk-in."""
        staff = actor.row
        if not consent_keep_file:
            raise InvalidInput("customer.consent_required")
        tags = _clean_tags(details.tags)
        with self.ctx.db.atomic():
            row = Customer(first_seen=self.ctx.today(), created_at=self.ctx.now())
            self._apply_details(row, details, consent_health)
            row.save()
            CustomerTag.insert_many([(row.id, t) for t in tags], fields=[CustomerTag.customer, CustomerTag.tag]).execute()
            version = self.ctx.setting("privacy.notice_version")
            for purpose, granted in (("keep_file", True), ("marketing", consent_marketing),
                                     ("health", consent_health)):
                Consent.create(customer=row, purpose=purpose, granted=granted, at=self.ctx.now(),
                               staff=staff, notice_version=version)
            write_search_keys(row)
            self.ctx.audit(staff, "customer_registered", target=f"customer:{row.id}")
        return self._file(actor, row.id)

    @requires(Perm.CUSTOMERS)
    def update(self, actor: Actor, customer_id: int, details: CustomerDetails,
               grant: OwnerGrant | None = None) -> CustomerFile:
        """Change a file; the audit log keeps the old and new value of every changed field.

        Moving a member's birthday so that today falls in its perk window would hand out
        the birthday perks: that needs the owner (or the owner's one-time ``grant``).
        """
        staff = actor.row
        tags = _clean_tags(details.tags)
        with self.ctx.db.atomic():
            row = self._customer_row(customer_id)
            if row.anonymised_at:
                raise Conflict("customer.erased")
            health = current_consents(row.id).get("health")
            if not actor.can(Perm.SEE_HEALTH):
                details.allergies = row.allergies  # cannot see it, so cannot change it
            before = _snapshot(row, [t.tag for t in row.tags.order_by(CustomerTag.id)])
            self._apply_details(row, details, bool(health and health.granted))
            after = _snapshot(row, tags)
            if self._birthday_moved_into_window(row, before) and staff.role != Role.OWNER.value:
                if grant is None:
                    raise PermissionDenied("customer.birthday_needs_owner")
                after["authorised_by"] = self.ctx.check_grant(grant).username
            row.save()
            CustomerTag.delete().where(CustomerTag.customer == row).execute()
            CustomerTag.insert_many([(row.id, t) for t in tags], fields=[CustomerTag.customer, CustomerTag.tag]).execute()
            write_search_keys(row)
            changed = sorted(k for k in after if k != "authorised_by" and before.get(k) != after[k])
            self.ctx.audit(staff, "customer_updated", target=f"customer:{row.id}",
                           old={k: before[k] for k in changed}, new={k: after[k] for k in changed},
                           **({"authorised_by": after["authorised_by"]} if "authorised_by" in after else {}))
        if grant is not None and "authorised_by" in after:
            self.ctx.spend_grant(grant)
        return self._file(actor, row.id)

    def _birthday_moved_into_window(self, row: Customer, before: dict[str, Any]) -> bool:
        """A member's birthday changed so that today is inside its perk window."""
        if (row.birth_month, row.birth_day) == (before["birth_month"], before["birth_day"]) or not row.birth_month:
            return False
        if active_member(self.ctx, row.id) is None:
            return False
        window = self.ctx.setting("birthday.window")
        return window_birthday(row.birth_month, row.birth_day, self.ctx.today(), window) is not None

    @requires(Perm.CUSTOMERS)
    def set_consent(self, actor: Actor, customer_id: int, purpose: str, granted: bool) -> CustomerFile:
        """Give or withdraw consent for one purpose; the history is kept.

        Withdrawing health consent wipes the allergy notes; withdrawing consent to
        keep the file archives it (the owner may then erase it).
        """
        staff = actor.row
        if purpose not in CONSENT_PURPOSES:
            raise InvalidInput("consent.bad_purpose", purpose=purpose)
        with self.ctx.db.atomic():
            row = self._customer_row(customer_id)
            Consent.create(customer=row, purpose=purpose, granted=granted, at=self.ctx.now(), staff=staff,
                           notice_version=self.ctx.setting("privacy.notice_version"))
            if not granted and purpose == "health":
                row.allergies = ""
            if not granted and purpose == "keep_file":
                row.archived = True
            row.save()
            self.ctx.audit(staff, "consent_changed", target=f"customer:{row.id}", purpose=purpose, granted=granted)
        return self._file(actor, customer_id)

    @requires(Perm.CUSTOMERS)
    def archive(self, actor: Actor, customer_id: int, archived: bool = True) -> None:
        """Hide (or show again) a file at the counter; nothing is lost."""
        staff = actor.row
        with self.ctx.db.atomic():
            row = self._customer_row(customer_id)
            row.archived = archived
            row.save()
            self.ctx.audit(staff, "customer_archived" if archived else "customer_unarchived",
                           target=f"customer:{row.id}")

    @requires(ANY_STAFF)
    def file(self, actor: Actor, customer_id: int) -> CustomerFile:
        """One customer's whole file. A technician sees it only while the customer is in the
        shop with them, and then without phone, spend or points (SPEC §9)."""
        return self._file(actor, customer_id)

    def _file(self, actor: Actor, customer_id: int) -> CustomerFile:
        technician = actor.role == Role.TECHNICIAN.value
        if technician and not in_shop_with(actor.id, customer_id):
            raise PermissionDenied("perm.not_your_customer")
        row = self._customer_row(customer_id)
        consents = current_consents(row.id)
        ever_granted = {purpose for (purpose,) in tuples(Consent.select(Consent.purpose).where(
            (Consent.customer == row.id) & (Consent.granted == True)))}  # noqa: E712
        names = self.ctx.staff_names()
        see_health = actor.can(Perm.SEE_HEALTH)
        summary = summaries([row], actor.can(Perm.SEE_FULL_PHONE), hide_phone=technician)[0]
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
            member=None if technician else member_info(self.ctx, row.id),
            points=0 if technician else points_balance(self.ctx, row.id))

    @requires(Perm.CUSTOMERS)
    def summary(self, actor: Actor, customer_id: int) -> CustomerSummary:
        return summaries([self._customer_row(customer_id)], actor.can(Perm.SEE_FULL_PHONE))[0]

    @requires(Perm.ERASE)
    def anonymise(self, actor: Actor, customer_id: int) -> None:
        """Erase personal fields on request (PIPL); sales stay as 'erased customer'."""
        owner = actor.row
        with self.ctx.db.atomic():
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
                file.anonymised_at = self.ctx.now()
                file.save()
                CustomerTag.delete().where(CustomerTag.customer == file).execute()
                SearchKey.delete().where(SearchKey.customer == file).execute()
                self._end_membership_on_erasure(owner, file)
                # the service log may hold health remarks; amounts and names stay for the books
                (SaleLine.update(note="").where(SaleLine.sale.in_(Sale.select(Sale.id).where(Sale.customer == file)))
                 .execute())
                (VisitLine.update(note="")
                 .where(VisitLine.visit.in_(Visit.select(Visit.id).where(Visit.customer == file))).execute())
                wipe_care_text(file)
            self.ctx.audit(owner, "customer_erased", target=f"customer:{row.id}",
                        **({"merged_files": [f.id for f in files[1:]]} if len(files) > 1 else {}))

    def _end_membership_on_erasure(self, owner: Staff, row: Customer) -> None:
        """An erased customer can no longer be served as a member: membership ends, points expire."""
        member = active_member(self.ctx, row.id)
        if member is not None:
            member.active = False
            member.save()
            TierChange.create(member=member, kind="erase", from_tier=member.tier, to_tier=None,
                              at=self.ctx.now(), staff=owner, reason="customer erased")
        balance = points_balance(self.ctx, row.id)
        if balance > 0:
            PointsEntry.create(customer=row, kind="expire", points=-balance, at=self.ctx.now(), staff=owner,
                               reason=system_reason(ERASED))

    @requires(Perm.EXPORT)
    def export(self, actor: Actor, customer_id: int) -> dict[str, Any]:
        """A copy of everything the shop holds on one customer (their right to a copy)."""
        data = customer_export(self.ctx, self._file(actor, customer_id),
                               self.receipts.of_customer(customer_id, None, None))
        with self.ctx.db.atomic():
            self.ctx.audit(actor, "customer_exported", target=f"customer:{customer_id}")
        return data

    @requires(Perm.CUSTOMERS)
    def record_printed(self, actor: Actor, customer_id: int, kind: str) -> None:
        """A visit record or data copy of this customer was printed or saved (SPEC §9)."""
        if kind not in ("visit_record", "data_copy"):
            raise InvalidInput("print.bad_kind", kind=kind)
        with self.ctx.db.atomic():
            self.ctx.audit(actor, "customer_printed", target=f"customer:{customer_id}", kind=kind)

    @requires(Perm.MERGE)
    def merge(self, actor: Actor, keep_id: int, drop_id: int) -> CustomerFile:
        """Move visits, sales, points and birthday-perk uses of ``drop_id`` to ``keep_id``."""
        with self.ctx.db.atomic():
            merge_files(self.ctx, actor.row, keep_id, drop_id)
        return self._file(actor, keep_id)
