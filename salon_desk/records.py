"""Plain data the front door returns: no ORM rows ever leave the database layer.

The window shows these, the reports print them, the tests assert on them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from .money import Fen

if TYPE_CHECKING:                 # the pricing rules load with the first quote, not at start
    from .pricing import PricedSale


@dataclass(frozen=True)
class StaffInfo:
    id: int
    username: str
    display_name: str
    role: str
    active: bool = True


@dataclass(frozen=True)
class Session(StaffInfo):
    """A logged-in staff member, issued by the shop at login and accepted only by that shop.

    The token is what the shop checks: a record built by hand with an owner's id
    has no token the shop issued, and is refused.
    """

    token: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class OwnerGrant:
    """The owner's authorisation of one void or refund, issued by checking the owner's password.

    Used once: the shop forgets the token when the void or refund consumes it.
    """

    owner_id: int
    owner_username: str
    token: str = field(default="", repr=False, compare=False)


@dataclass(frozen=True)
class ConsentState:
    purpose: str                 # keep_file / marketing / health
    granted: bool
    at: datetime
    staff_name: str
    notice_version: str
    withdrawn: bool = False      # not granted now, but it was once


@dataclass(frozen=True)
class MemberInfo:
    member_no: str
    tier: str
    joined_at: datetime
    active: bool
    spend_fen: Fen               # paid spend since joining, refunds taken off
    visits: int                  # paid visits since joining
    next_tier: str | None = None
    lapsed_at: datetime | None = None


@dataclass(frozen=True)
class CustomerSummary:
    """One row of the counter's search results."""

    id: int
    name: str
    phone: str                   # full or masked, by the reader's role
    phone_masked: str
    tier: str | None             # None: not an active member
    member_no: str | None
    points: int
    last_visit_at: datetime | None
    archived: bool = False
    anonymised: bool = False


@dataclass(frozen=True)
class CustomerFile:
    id: int
    name: str
    phone: str
    phone_is_mainland: bool
    gender: str
    birth_year: int | None
    birth_month: int | None
    birth_day: int | None
    region: str
    skin_type: str
    allergies: str | None        # None when the reader may not see health notes
    care_goals: str
    notes: str
    tags: tuple[str, ...]
    referred_by_id: int | None
    referred_by_name: str | None
    first_seen: date
    archived: bool
    anonymised: bool
    consents: tuple[ConsentState, ...]
    member: MemberInfo | None
    points: int


@dataclass(frozen=True)
class PointsEntryInfo:
    at: datetime
    kind: str                    # earn / redeem / referral / birthday / gift / expire / refund / manual / merge
    points: int
    reason: str
    receipt_no: str | None
    staff_name: str


@dataclass(frozen=True)
class CatalogueItem:
    id: int
    kind: str                    # service / product
    code: str
    name: str
    category: str                # hair / beauty / nails / skin / other / product
    price_fen: Fen
    duration_min: int
    member_discount: bool
    active: bool
    stock: int | None            # products only
    low_stock_at: int | None
    aftercare: str = ""          # 护理建议 (services): goes into the follow-up message
    care_tip: str = ""           # 到店小贴士 (services): goes into tomorrow's booking reminder

    @property
    def low_stock(self) -> bool:
        return self.stock is not None and self.low_stock_at is not None and self.stock <= self.low_stock_at


@dataclass(frozen=True)
class VisitLineInfo:
    id: int
    kind: str
    item_id: int
    code: str
    name: str
    category: str
    technician_id: int | None
    technician_name: str
    quantity: int
    unit_price_fen: Fen
    member_discount: bool
    note: str
    designated: bool = False     # 指定: the customer asked for this technician (else 轮牌, the shop's turn)


@dataclass(frozen=True)
class BirthdayStatus:
    in_window: bool
    days_until: int | None
    free_service_available: bool     # unused this year
    gift_available: bool


@dataclass(frozen=True)
class LastVisit:
    at: datetime
    receipt_no: str
    summary: str                 # "洗剪吹(王师傅), 补水护理(李师傅)"
    paid_fen: Fen


@dataclass(frozen=True)
class VisitInfo:
    """An open (or closed) visit with what the check-in banner shows."""

    id: int
    status: str                  # open / completed / cancelled
    opened_at: datetime
    customer: CustomerSummary | None   # None: anonymous walk-in
    lines: tuple[VisitLineInfo, ...]
    running_total_fen: Fen       # list prices, before discounts
    technicians: tuple[str, ...]
    birthday: BirthdayStatus | None = None
    tags: tuple[str, ...] = ()
    allergies: str | None = None
    last_visit: LastVisit | None = None


@dataclass(frozen=True)
class Quote:
    """What checkout would charge now: the live totals of the visit editor."""

    visit_id: int
    lines: tuple[VisitLineInfo, ...]
    priced: PricedSale
    tier: str | None
    points_balance: int
    birthday_free_available: bool
    qualifies_to_join: bool      # not a member, has a file, due reaches the threshold


@dataclass(frozen=True)
class ReceiptLine:
    sale_line_id: int
    kind: str
    code: str
    name: str
    technician_name: str
    quantity: int
    unit_price_fen: Fen
    list_amount_fen: Fen
    rate_permille: int
    member_discount_fen: Fen
    birthday_discount_fen: Fen
    amount_fen: Fen
    points_share_fen: Fen
    note: str
    refunded: bool = False
    designated: bool = False     # 指定 / 轮牌


@dataclass(frozen=True)
class ReceiptPayment:
    method: str
    amount_fen: Fen
    tendered_fen: Fen | None
    change_fen: Fen


@dataclass(frozen=True)
class ShopHeader:
    name: str
    address: str
    phone: str
    footer: str


@dataclass(frozen=True)
class RefundInfo:
    id: int
    kind: str                    # void / refund
    at: datetime
    staff_name: str
    authorised_by: str
    reason: str
    amount_fen: Fen
    method: str
    points_returned: int         # redeemed points given back
    points_taken_back: int       # earned points clawed back
    sale_line_ids: tuple[int, ...]
    methods: tuple[tuple[str, Fen], ...] = ()   # given back per payment method (empty before version 11)


@dataclass(frozen=True)
class ReceiptCard:
    """What the stored-value card paid of a sale, and the card after it."""

    principal_fen: Fen
    bonus_fen: Fen
    principal_after_fen: Fen
    bonus_after_fen: Fen


@dataclass(frozen=True)
class ReceiptSession:
    """A line paid by a package session, and the sessions left after it."""

    sale_line_id: int
    package_name: str
    sessions_left: int


@dataclass(frozen=True)
class ReceiptRecord:
    """Everything a receipt prints (SPEC §6), as stored: reprints come from here too."""

    sale_id: int
    receipt_no: str
    created_at: datetime
    shop: ShopHeader
    cashier_name: str
    customer_id: int | None
    customer_name: str | None    # None for an anonymous walk-in; "" when erased
    customer_erased: bool
    phone_masked: str
    member_no: str | None
    tier: str | None             # the tier the sale was priced at
    lines: tuple[ReceiptLine, ...]
    list_total_fen: Fen
    member_discount_fen: Fen
    birthday_discount_fen: Fen
    points_redeemed: int
    points_discount_fen: Fen
    amount_due_fen: Fen
    payments: tuple[ReceiptPayment, ...]
    points_earned: int
    points_balance: int | None   # the balance right after this sale
    promoted_to: str | None
    enrolled: bool               # became a member with this sale
    enrolment_offered: bool      # qualifies to join, not yet a member
    status: str                  # completed / voided
    refunds: tuple[RefundInfo, ...] = ()
    card: ReceiptCard | None = None                 # paid (partly) by the stored-value card
    sessions: tuple[ReceiptSession, ...] = ()       # lines paid by package sessions
    points_birthday_bonus: int = 0                  # of points_earned: the birthday's doubling

    @property
    def package_discount_fen(self) -> Fen:
        """The lines paid by package sessions, at their list amount (the package's saving)."""
        paid = {s.sale_line_id for s in self.sessions}
        return sum(l.list_amount_fen for l in self.lines if l.sale_line_id in paid)

    @property
    def tendered_fen(self) -> Fen:
        return sum(p.tendered_fen or p.amount_fen for p in self.payments)

    @property
    def change_fen(self) -> Fen:
        return sum(p.change_fen for p in self.payments)


@dataclass(frozen=True)
class SaleSummary:
    """One sale in a customer's history or a day's list."""

    sale_id: int
    receipt_no: str
    created_at: datetime
    customer_name: str | None
    amount_due_fen: Fen
    status: str
    refunded_fen: Fen
    lines: tuple[ReceiptLine, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class RefundPreview:
    """What a void or refund would reverse, shown before the owner confirms."""

    sale_id: int
    kind: str
    sale_line_ids: tuple[int, ...]
    amount_fen: Fen
    points_returned: int
    points_taken_back: int
    stock_returned: tuple[tuple[str, int], ...]     # (product name, quantity)
    birthday_perk_restored: bool
    tier_spend_reduced_fen: Fen
    points_shortfall: int = 0            # points to take back beyond the member's balance
    shortfall_value_fen: Fen = 0         # their value, if the owner deducts it from the money returned


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    staff_name: str
    action: str
    target: str
    details: dict[str, Any]
