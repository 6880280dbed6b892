"""peewee models of the shop file.

Money columns are integer fen. Ledgers (points, stock, consents, tier
changes, audit) are append-only; balances are sums. Sales are never
edited: voids and refunds are rows of their own.
The schema itself is created by the numbered migrations in ``migrations/``;
these classes describe it to the code.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    AutoField, BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
    IntegerField, Model, SqliteDatabase, TextField,
)
from peewee import ModelSelect   # the type of a back-reference, as an instance reads it

# No file of its own: each open shop binds the models to its own database for the
# length of an operation (context.ShopContext.bound). Outside one, a query fails
# loudly ("database has not been initialized") instead of reaching another shop.
UNBOUND = SqliteDatabase(None)


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


class Base(Model):
    id = AutoField()   # what peewee would add by itself, declared so the type checker sees it

    class Meta:
        database = UNBOUND
        legacy_table_names = False


class Setting(Base):
    key = CharField(unique=True)
    value = TextField()          # JSON


class Staff(Base):
    username = CharField(unique=True)
    display_name = CharField()
    role = CharField()           # owner / cashier / technician
    password_hash = CharField()
    active = BooleanField(default=True)
    failed_logins = IntegerField(default=0)
    locked_until = DateTimeField(null=True)
    created_at = DateTimeField(default=now)


class Customer(Base):
    name = CharField(default="")
    phone = CharField(null=True, unique=True)
    phone_is_mainland = BooleanField(default=True)
    gender = CharField(default="")            # female / male / ""
    birth_year = IntegerField(null=True)
    birth_month = IntegerField(null=True)
    birth_day = IntegerField(null=True)
    region = CharField(default="")            # city / county / township
    skin_type = CharField(default="")         # oily / dry / combination / normal / sensitive
    allergies = TextField(default="")
    care_goals = TextField(default="")
    notes = TextField(default="")
    referred_by = ForeignKeyField("self", null=True, backref="referrals")
    referred_by_id: int | None   # the key itself, as peewee exposes it
    first_seen = DateField(default=dt.date.today)
    archived = BooleanField(default=False)
    anonymised_at = DateTimeField(null=True)
    merged_into = ForeignKeyField("self", null=True)
    merged_into_id: int | None   # the key itself, as peewee exposes it
    # Cache of the newest paid sale's time, kept by checkout in the same
    # transaction: it ranks search results without a per-row subquery.
    last_visit_at = DateTimeField(null=True, index=True)
    created_at = DateTimeField(default=now)
    tags: ModelSelect[CustomerTag]   # the back-reference, as peewee exposes it


class CustomerTag(Base):
    customer = ForeignKeyField(Customer, backref="tags")
    customer_id: int   # the key itself, as peewee exposes it
    tag = CharField()


class SearchKey(Base):
    customer = ForeignKeyField(Customer, backref="search_keys")
    customer_id: int   # the key itself, as peewee exposes it
    key = CharField()
    last_visit_at = DateTimeField(null=True)   # copy of the customer's, for ranking from the index

    class Meta:
        indexes = ((("key", "last_visit_at", "customer"), False),)


class Consent(Base):
    """Append-only: the newest row per (customer, purpose) is in force."""

    customer = ForeignKeyField(Customer, backref="consents")
    customer_id: int   # the key itself, as peewee exposes it
    purpose = CharField()                     # keep_file / marketing / health
    granted = BooleanField()
    at = DateTimeField(default=now)
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    notice_version = CharField()


class Member(Base):
    customer = ForeignKeyField(Customer, unique=True, backref="membership")
    customer_id: int   # the key itself, as peewee exposes it
    number = IntegerField(unique=True)
    tier = CharField(default="regular")
    joined_at = DateTimeField(default=now)
    active = BooleanField(default=True)
    lapsed_at = DateTimeField(null=True)


class Item(Base):
    kind = CharField()            # service / product
    code = CharField(unique=True)
    name = CharField()
    category = CharField()        # hair / beauty / nails / skin / other / product
    price_fen = IntegerField()
    duration_min = IntegerField(default=0)
    member_discount = BooleanField(default=True)
    active = BooleanField(default=True)
    low_stock_at = IntegerField(null=True)
    aftercare = TextField(default="")   # 护理建议: printed into the follow-up message after the service
    care_tip = TextField(default="")    # 到店小贴士: told in tomorrow's booking reminder (before the visit)


class Visit(Base):
    customer = ForeignKeyField(Customer, null=True, backref="visits")
    customer_id: int | None   # the key itself, as peewee exposes it
    status = CharField(default="open")        # open / completed / cancelled
    opened_at = DateTimeField(default=now)
    opened_by = ForeignKeyField(Staff)
    opened_by_id: int   # the key itself, as peewee exposes it
    closed_at = DateTimeField(null=True)


class VisitLine(Base):
    visit = ForeignKeyField(Visit, backref="lines", on_delete="CASCADE")
    visit_id: int   # the key itself, as peewee exposes it
    item = ForeignKeyField(Item)
    item_id: int   # the key itself, as peewee exposes it
    technician = ForeignKeyField(Staff, null=True)
    technician_id: int | None   # the key itself, as peewee exposes it
    quantity = IntegerField(default=1)
    unit_price_fen = IntegerField()           # the list price, or an owner's override
    note = TextField(default="")
    designated = BooleanField(default=False)  # 指定: the customer asked for this technician (else 轮牌)
    added_at = DateTimeField(default=now)


class Sale(Base):
    receipt_no = CharField(unique=True)
    day = DateField()
    seq = IntegerField()
    visit = ForeignKeyField(Visit, unique=True, backref="sale")
    visit_id: int   # the key itself, as peewee exposes it
    customer = ForeignKeyField(Customer, null=True, backref="sales")
    customer_id: int | None   # the key itself, as peewee exposes it
    member = ForeignKeyField(Member, null=True)
    member_id: int | None   # the key itself, as peewee exposes it
    tier = CharField(null=True)               # tier the sale was priced at
    cashier = ForeignKeyField(Staff)
    cashier_id: int   # the key itself, as peewee exposes it
    created_at = DateTimeField(default=now, index=True)
    list_total_fen = IntegerField()
    member_discount_fen = IntegerField()
    birthday_discount_fen = IntegerField()
    points_redeemed = IntegerField()
    points_discount_fen = IntegerField()
    amount_due_fen = IntegerField()
    counts_for_tier = BooleanField(default=False)   # paid while a member (or the joining sale)
    enrolled = BooleanField(default=False)
    promoted_to = CharField(null=True)
    status = CharField(default="completed")   # completed / voided

    class Meta:
        indexes = ((("day", "seq"), True), (("customer", "created_at"), False))


class SaleLine(Base):
    """A snapshot of the line at the time of sale: name and prices are copied."""

    sale = ForeignKeyField(Sale, backref="lines")
    sale_id: int   # the key itself, as peewee exposes it
    item = ForeignKeyField(Item, null=True)
    item_id: int | None   # the key itself, as peewee exposes it
    kind = CharField()
    code = CharField()
    name = CharField()
    category = CharField()
    technician = ForeignKeyField(Staff, null=True)
    technician_id: int | None   # the key itself, as peewee exposes it
    technician_name = CharField(default="")
    quantity = IntegerField()
    unit_price_fen = IntegerField()
    list_amount_fen = IntegerField()
    rate_permille = IntegerField()
    member_discount_fen = IntegerField()
    birthday_discount_fen = IntegerField()
    amount_fen = IntegerField()
    points_share_fen = IntegerField()
    designated = BooleanField(default=False)  # 指定 / 轮牌, as on the visit line
    note = TextField(default="")


class TierChange(Base):
    """Append-only history: enrolment, promotions, manual changes, lapses."""

    member = ForeignKeyField(Member, backref="changes")
    member_id: int   # the key itself, as peewee exposes it
    kind = CharField()            # enrol / promote / manual / lapse / reinstate
    from_tier = CharField(null=True)
    to_tier = CharField(null=True)
    at = DateTimeField(default=now)
    staff = ForeignKeyField(Staff, null=True)
    staff_id: int | None   # the key itself, as peewee exposes it
    sale = ForeignKeyField(Sale, null=True)
    sale_id: int | None   # the key itself, as peewee exposes it
    reason = TextField(default="")



class StockMove(Base):
    item = ForeignKeyField(Item, backref="stock_moves")
    item_id: int   # the key itself, as peewee exposes it
    quantity = IntegerField()     # + received / returned, - sold
    kind = CharField()            # receive / sale / refund / adjust
    at = DateTimeField(default=now)
    staff = ForeignKeyField(Staff, null=True)
    staff_id: int | None   # the key itself, as peewee exposes it
    sale = ForeignKeyField(Sale, null=True)
    sale_id: int | None   # the key itself, as peewee exposes it
    reason = TextField(default="")



class Payment(Base):
    sale = ForeignKeyField(Sale, backref="payments")
    sale_id: int   # the key itself, as peewee exposes it
    method = CharField()
    amount_fen = IntegerField()
    tendered_fen = IntegerField(null=True)
    change_fen = IntegerField(default=0)


class Refund(Base):
    sale = ForeignKeyField(Sale, backref="refunds")
    sale_id: int   # the key itself, as peewee exposes it
    kind = CharField()            # void / refund
    at = DateTimeField(default=now, index=True)
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    authorised_by = ForeignKeyField(Staff)
    authorised_by_id: int   # the key itself, as peewee exposes it
    reason = TextField()
    amount_fen = IntegerField()
    method = CharField()


class RefundLine(Base):
    refund = ForeignKeyField(Refund, backref="lines")
    refund_id: int   # the key itself, as peewee exposes it
    sale_line = ForeignKeyField(SaleLine, unique=True)   # a line is refunded once
    sale_line_id: int   # the key itself, as peewee exposes it
    amount_fen = IntegerField()


class RefundPayment(Base):
    """What a void or refund gave back on one payment method (migration 11)."""
    refund = ForeignKeyField(Refund, backref="payments")
    refund_id: int   # the key itself, as peewee exposes it
    method = CharField()
    amount_fen = IntegerField()


class PointsEntry(Base):
    customer = ForeignKeyField(Customer, backref="points_entries")
    customer_id: int   # the key itself, as peewee exposes it
    kind = CharField()
    points = IntegerField()
    at = DateTimeField(default=now)
    staff = ForeignKeyField(Staff, null=True)
    staff_id: int | None   # the key itself, as peewee exposes it
    sale = ForeignKeyField(Sale, null=True)
    sale_id: int | None   # the key itself, as peewee exposes it
    refund = ForeignKeyField(Refund, null=True)
    refund_id: int | None   # the key itself, as peewee exposes it
    reason = TextField(default="")

    class Meta:
        indexes = ((("customer", "at"), False),)


class PointsReset(Base):
    year = IntegerField(unique=True)
    applied_at = DateTimeField(default=now)


class BirthdayPerkUse(Base):
    customer = ForeignKeyField(Customer)
    customer_id: int   # the key itself, as peewee exposes it
    year = IntegerField()
    perk = CharField()            # free_service / gift
    at = DateTimeField(default=now)
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    sale = ForeignKeyField(Sale, null=True)
    sale_id: int | None   # the key itself, as peewee exposes it
    reversed_by = ForeignKeyField(Refund, null=True)   # a refund gives the perk back
    reversed_by_id: int | None   # the key itself, as peewee exposes it


class Gift(Base):
    name = CharField()
    points_price = IntegerField()
    active = BooleanField(default=True)


class AuditLog(Base):
    at = DateTimeField(default=now, index=True)
    staff = ForeignKeyField(Staff, null=True)
    staff_id: int | None   # the key itself, as peewee exposes it
    action = CharField()
    target = CharField(default="")
    details = TextField(default="{}")   # JSON
    prev_hash = CharField(null=True)    # the seal of the entry before (migration 15; salon_desk.audit_chain)
    hash = CharField(null=True)         # this entry's seal


class DailyJob(Base):
    """Shop-wide jobs run at start and daily (lapse check), with the day last run."""

    name = CharField(unique=True)
    last_run = DateField()


class Complaint(Base):
    """投诉 (SPEC §7). Never deleted; answered once, resolved once (triggers)."""

    customer = ForeignKeyField(Customer, backref="complaints")
    customer_id: int   # the key itself, as peewee exposes it
    visit = ForeignKeyField(Visit, null=True)
    visit_id: int | None   # the key itself, as peewee exposes it
    sale_line = ForeignKeyField(SaleLine, null=True)
    sale_line_id: int | None   # the key itself, as peewee exposes it
    technician = ForeignKeyField(Staff, null=True)
    technician_id: int | None   # the key itself, as peewee exposes it
    category = CharField()
    channel = CharField()
    description = TextField()
    received_at = DateTimeField(index=True)
    recorded_by = ForeignKeyField(Staff)
    recorded_by_id: int   # the key itself, as peewee exposes it
    handler = ForeignKeyField(Staff, null=True)
    handler_id: int | None   # the key itself, as peewee exposes it
    responded_at = DateTimeField(null=True)
    resolved_at = DateTimeField(null=True)
    resolution = TextField(default="")
    created_at = DateTimeField(default=now)


class ComplaintProgress(Base):
    """Append-only log of what was done about a complaint."""

    complaint = ForeignKeyField(Complaint, backref="progress")
    complaint_id: int   # the key itself, as peewee exposes it
    at = DateTimeField()
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    text = TextField()


class ComplaintRemedy(Base):
    """Append-only: each remedy given, linked to the refund, redo line or points entry it made."""

    complaint = ForeignKeyField(Complaint, backref="remedies")
    complaint_id: int   # the key itself, as peewee exposes it
    kind = CharField()
    amount_fen = IntegerField(default=0)
    points = IntegerField(default=0)
    note = TextField(default="")
    at = DateTimeField()
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    refund = ForeignKeyField(Refund, null=True)
    refund_id: int | None   # the key itself, as peewee exposes it
    visit_line_id = IntegerField(null=True)      # the ¥0 redo line (no key: an open visit's line may go)
    points_entry = ForeignKeyField(PointsEntry, null=True)
    points_entry_id: int | None   # the key itself, as peewee exposes it


class FollowUpTask(Base):
    """回访. Never deleted; closed once; identity ``key`` unique (the daily job is idempotent)."""

    key = CharField(unique=True)
    type = CharField()
    customer = ForeignKeyField(Customer, backref="followups")
    customer_id: int   # the key itself, as peewee exposes it
    visit = ForeignKeyField(Visit, null=True)
    visit_id: int | None   # the key itself, as peewee exposes it
    complaint = ForeignKeyField(Complaint, null=True)
    complaint_id: int | None   # the key itself, as peewee exposes it
    due_at = DateTimeField(index=True)
    all_day = BooleanField(default=False)
    assignee = ForeignKeyField(Staff, null=True)
    assignee_id: int | None   # the key itself, as peewee exposes it
    message = TextField()
    created_at = DateTimeField(default=now)
    closed_at = DateTimeField(null=True)
    closed_by = ForeignKeyField(Staff, null=True)
    closed_by_id: int | None   # the key itself, as peewee exposes it
    outcome = CharField(null=True)
    attitude = IntegerField(null=True)
    technique = IntegerField(null=True)
    environment = IntegerField(null=True)
    comment = TextField(default="")

    class Meta:
        table_name = "followup_task"


class CounterRating(Base):
    """The customer's own 1-5 at the counter after checkout, one per sale."""

    sale = ForeignKeyField(Sale, unique=True)
    sale_id: int   # the key itself, as peewee exposes it
    rating = IntegerField()
    at = DateTimeField(index=True)
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it


# -- stored-value cards and session packages (SPEC §10) -------------------------

class Card(Base):
    """A card number; a lost card is reissued as a new row (the newest is in force), same ledger."""

    customer = ForeignKeyField(Customer, backref="cards")
    customer_id: int   # the key itself, as peewee exposes it
    number = CharField(unique=True)
    issued_at = DateTimeField(default=now)
    staff = ForeignKeyField(Staff, null=True)
    staff_id: int | None   # the key itself, as peewee exposes it
    reason = TextField(default="")


class CardTopUp(Base):
    """A top-up: a receipt of its own in the one gapless daily sequence; money received, not revenue."""

    receipt_no = CharField(unique=True)
    day = DateField()
    seq = IntegerField()
    customer = ForeignKeyField(Customer)
    customer_id: int   # the key itself, as peewee exposes it
    card = ForeignKeyField(Card)
    card_id: int   # the key itself, as peewee exposes it
    method = CharField()
    pay_fen = IntegerField()
    bonus_fen = IntegerField()
    tendered_fen = IntegerField(null=True)
    change_fen = IntegerField(default=0)
    rule_pay_fen = IntegerField(null=True)
    tier_granted = CharField(null=True)
    terms_version = CharField(null=True)      # the terms signed with this top-up, if any
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    authorised_by = ForeignKeyField(Staff, null=True)
    authorised_by_id: int | None   # the key itself, as peewee exposes it
    created_at = DateTimeField(default=now)

    class Meta:
        table_name = "card_topup"


class CardTermsAcceptance(Base):
    customer = ForeignKeyField(Customer)
    customer_id: int   # the key itself, as peewee exposes it
    version = CharField()
    at = DateTimeField(default=now)
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    topup = ForeignKeyField(CardTopUp, null=True)
    topup_id: int | None   # the key itself, as peewee exposes it


class PackagePlan(Base):
    """A package product: an item of kind "package" is N sessions (+ gifted) of a pool of services."""

    item = ForeignKeyField(Item, unique=True)
    item_id: int   # the key itself, as peewee exposes it
    sessions = IntegerField()
    gifted = IntegerField(default=0)
    validity_days = IntegerField(null=True)


class PackagePlanService(Base):
    plan = ForeignKeyField(PackagePlan, backref="services")
    plan_id: int   # the key itself, as peewee exposes it
    item = ForeignKeyField(Item)
    item_id: int   # the key itself, as peewee exposes it
    list_value_fen = IntegerField()


class CustomerPackage(Base):
    """A package sold (a sale line of kind package); the services and values are copied when sold."""

    customer = ForeignKeyField(Customer, backref="packages")
    customer_id: int   # the key itself, as peewee exposes it
    item = ForeignKeyField(Item)
    item_id: int   # the key itself, as peewee exposes it
    sale = ForeignKeyField(Sale)
    sale_id: int   # the key itself, as peewee exposes it
    sale_line = ForeignKeyField(SaleLine, unique=True)
    sale_line_id: int   # the key itself, as peewee exposes it
    name = CharField()
    sessions = IntegerField()
    gifted = IntegerField()
    price_fen = IntegerField()
    paid_fen = IntegerField()
    services = TextField()            # JSON [[item_id, list_value_fen], ...]
    validity_days = IntegerField(null=True)
    sold_on = DateField()
    sold_at = DateTimeField()
    expires_on = DateField(null=True)
    closed_at = DateTimeField(null=True)
    closed_by = CharField(null=True)  # "refund" (prepaid refund) or "sale_refund"


class PrepaidRefund(Base):
    """The unused prepaid money paid back (法释〔2025〕4号), with its working as JSON."""

    customer = ForeignKeyField(Customer)
    customer_id: int   # the key itself, as peewee exposes it
    package = ForeignKeyField(CustomerPackage, null=True)
    package_id: int | None   # the key itself, as peewee exposes it
    mode = CharField()
    refund_fen = IntegerField()
    interest_fen = IntegerField()
    total_fen = IntegerField()
    working = TextField()
    method = CharField()
    reason = TextField()
    at = DateTimeField(default=now)
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it


class SegmentSnapshot(Base):
    """The segments as they stood at a month's end (so last month's report never changes)."""

    month = CharField(unique=True)      # YYYY-MM
    as_of = DateField()
    created_at = DateTimeField(default=now)
    cuts = TextField()                  # JSON: the cut points used


class SegmentRow(Base):
    snapshot = ForeignKeyField(SegmentSnapshot, backref="rows")
    snapshot_id: int   # the key itself, as peewee exposes it
    customer_id = IntegerField()
    recency_days = IntegerField()
    frequency = IntegerField()
    monetary_fen = IntegerField()
    r = IntegerField()
    f = IntegerField()
    m = IntegerField()
    value_class = CharField()
    spend_24m_fen = IntegerField()
    usual_interval_days = IntegerField(null=True)


class CardEntry(Base):
    """The stored-value ledger: append-only, principal and bonus apart, with the balances after."""

    customer = ForeignKeyField(Customer, backref="card_entries")
    customer_id: int   # the key itself, as peewee exposes it
    card = ForeignKeyField(Card, null=True)
    card_id: int | None   # the key itself, as peewee exposes it
    kind = CharField()
    principal_fen = IntegerField()
    bonus_fen = IntegerField()
    principal_after_fen = IntegerField()
    bonus_after_fen = IntegerField()
    day = DateField()
    at = DateTimeField(default=now)
    list_fen = IntegerField(default=0)
    note = TextField(default="")
    staff = ForeignKeyField(Staff, null=True)
    staff_id: int | None   # the key itself, as peewee exposes it
    sale = ForeignKeyField(Sale, null=True)
    sale_id: int | None   # the key itself, as peewee exposes it
    refund = ForeignKeyField(Refund, null=True)
    refund_id: int | None   # the key itself, as peewee exposes it
    topup = ForeignKeyField(CardTopUp, null=True)
    topup_id: int | None   # the key itself, as peewee exposes it
    prepaid_refund = ForeignKeyField(PrepaidRefund, null=True)
    prepaid_refund_id: int | None   # the key itself, as peewee exposes it


class PackageClaim(Base):
    """An open visit line to be paid by a session of a package (turned into a session at checkout)."""

    visit_line = ForeignKeyField(VisitLine, unique=True, on_delete="CASCADE")
    visit_line_id: int   # the key itself, as peewee exposes it
    package = ForeignKeyField(CustomerPackage)
    package_id: int   # the key itself, as peewee exposes it


class PackageSession(Base):
    package = ForeignKeyField(CustomerPackage, backref="uses")
    package_id: int   # the key itself, as peewee exposes it
    sale = ForeignKeyField(Sale, index=True)
    sale_id: int   # the key itself, as peewee exposes it
    sale_line = ForeignKeyField(SaleLine, unique=True)
    sale_line_id: int   # the key itself, as peewee exposes it
    service_item = ForeignKeyField(Item)
    service_item_id: int   # the key itself, as peewee exposes it
    technician = ForeignKeyField(Staff, null=True)
    technician_id: int | None   # the key itself, as peewee exposes it
    consumed_fen = IntegerField()
    list_fen = IntegerField()
    day = DateField()
    at = DateTimeField(default=now)
    returned_by = ForeignKeyField(Refund, null=True)   # its line refunded: the session is usable again
    returned_by_id: int | None   # the key itself, as peewee exposes it


class Booking(Base):
    """预约: a customer from the file or a newcomer, kept for good (cancelled and no-shows too)."""

    customer = ForeignKeyField(Customer, null=True, backref="bookings")
    customer_id: int | None   # the key itself, as peewee exposes it
    newcomer_name = CharField(default="")
    newcomer_phone = CharField(default="")
    notes = TextField(default="")
    status = CharField(default="booked")   # booked / checked_in / completed / cancelled / no_show
    start_at = DateTimeField(index=True)   # the first service's start, for the day and the week
    end_at = DateTimeField()
    booked_by = ForeignKeyField(Staff)
    booked_by_id: int   # the key itself, as peewee exposes it
    booked_at = DateTimeField(default=now)
    cancel_reason = TextField(default="")
    closed_at = DateTimeField(null=True)       # cancelled, no-show, checked in: when
    closed_by = ForeignKeyField(Staff, null=True)
    closed_by_id: int | None   # the key itself, as peewee exposes it
    visit = ForeignKeyField(Visit, null=True)
    visit_id: int | None   # the key itself, as peewee exposes it
    completed_at = DateTimeField(null=True)
    reminder_sent_at = DateTimeField(null=True)
    reminder_sent_by = ForeignKeyField(Staff, null=True)
    reminder_sent_by_id: int | None   # the key itself, as peewee exposes it


class BookingLine(Base):
    """One service of a booking: technician, start, minutes, 指定 or 轮牌."""

    booking = ForeignKeyField(Booking, backref="lines")
    booking_id: int   # the key itself, as peewee exposes it
    item = ForeignKeyField(Item)
    item_id: int   # the key itself, as peewee exposes it
    technician = ForeignKeyField(Staff)
    technician_id: int   # the key itself, as peewee exposes it
    start_at = DateTimeField()
    end_at = DateTimeField()
    minutes = IntegerField()
    designated = BooleanField(default=False)


class StaffLevel(Base):
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    level = CharField()
    effective_from = DateField()
    set_by = ForeignKeyField(Staff)
    at = DateTimeField()


class CommissionRule(Base):
    rule_no = IntegerField()
    version = IntegerField()
    kind = CharField()
    staff = ForeignKeyField(Staff, null=True)
    staff_id: int | None   # the key itself, as peewee exposes it
    level = CharField(null=True)
    category = CharField(null=True)
    designated_permille = IntegerField()
    rotation_permille = IntegerField()
    fee_fen = IntegerField(null=True)
    prepaid_permille = IntegerField(null=True)
    fee_on_free = BooleanField()
    bands = TextField()
    tier_mode = CharField()
    effective_from = DateField()
    effective_to = DateField(null=True)
    created_by = ForeignKeyField(Staff)
    at = DateTimeField()


class LineAssistant(Base):
    visit_line = ForeignKeyField(VisitLine, on_delete="CASCADE")
    visit_line_id: int   # the key itself, as peewee exposes it
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    permille = IntegerField()


class CommissionEntry(Base):
    sale = ForeignKeyField(Sale)
    sale_id: int   # the key itself, as peewee exposes it
    sale_line = ForeignKeyField(SaleLine)
    sale_line_id: int   # the key itself, as peewee exposes it
    refund = ForeignKeyField(Refund, null=True)
    refund_id: int | None   # the key itself, as peewee exposes it
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    role = CharField()
    kind = CharField()
    designated = BooleanField()
    share_permille = IntegerField()
    base_fen = IntegerField()
    share_base_fen = IntegerField()
    card_principal_fen = IntegerField()
    card_bonus_fen = IntegerField()
    prepaid = BooleanField()
    rule_id = IntegerField(null=True)
    rule_version = IntegerField(null=True)
    rate_permille = IntegerField()
    fee_fen = IntegerField()
    amount_fen = IntegerField()
    year = IntegerField()
    month = IntegerField()
    at = DateTimeField()


class CommissionMonth(Base):
    year = IntegerField()
    month = IntegerField()
    settled_at = DateTimeField()
    settled_by = ForeignKeyField(Staff)


class CommissionAdjustment(Base):
    """The owner's manual adjustment of a technician's month (who and why); append-only."""

    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    year = IntegerField()
    month = IntegerField()
    amount_fen = IntegerField()
    reason = TextField()
    by = ForeignKeyField(Staff)
    by_id: int   # the key itself, as peewee exposes it
    at = DateTimeField()


class CommissionTopUp(Base):
    """The card-sale commission of the staff member who sold a top-up; append-only."""

    topup = ForeignKeyField(CardTopUp)
    topup_id: int   # the key itself, as peewee exposes it
    staff = ForeignKeyField(Staff)
    staff_id: int   # the key itself, as peewee exposes it
    rule_id = IntegerField(null=True)
    rule_version = IntegerField(null=True)
    base_fen = IntegerField()
    rate_permille = IntegerField()
    amount_fen = IntegerField()
    year = IntegerField()
    month = IntegerField()
    at = DateTimeField()

    class Meta:
        table_name = "commission_topup"


class Shift(Base):
    z_no = IntegerField(null=True, unique=True)
    opened_at = DateTimeField()
    opened_by = ForeignKeyField(Staff)
    opened_by_id: int   # the key itself, as peewee exposes it
    float_fen = IntegerField()
    closed_at = DateTimeField(null=True)
    closed_by = ForeignKeyField(Staff, null=True)
    closed_by_id: int | None   # the key itself, as peewee exposes it
    counted_fen = IntegerField(null=True)
    expected_fen = IntegerField(null=True)
    variance_fen = IntegerField(null=True)
    reason = TextField(default="")
    authorised_by = ForeignKeyField(Staff, null=True)
    authorised_by_id: int | None   # the key itself, as peewee exposes it
    next_float_fen = IntegerField(null=True)
    report = TextField(default="")


MODELS = [
    Setting, Staff, Customer, CustomerTag, SearchKey, Consent, Member, TierChange,
    Item, StockMove, Visit, VisitLine, Sale, SaleLine, Payment, Refund, RefundLine,
    PointsEntry, PointsReset, BirthdayPerkUse, Gift, AuditLog, DailyJob,
    Complaint, ComplaintProgress, ComplaintRemedy, FollowUpTask, CounterRating, SegmentSnapshot, SegmentRow,
    Card, CardTopUp, PrepaidRefund, CardEntry, CardTermsAcceptance, PackagePlan, PackagePlanService,
    CustomerPackage, PackageClaim, PackageSession, RefundPayment, Booking, BookingLine,
    StaffLevel, CommissionRule, LineAssistant, CommissionEntry, CommissionMonth, Shift,
    CommissionAdjustment, CommissionTopUp,
]
