"""Records of stored-value cards and session packages as the front door returns them (SPEC §10).

Plain frozen dataclasses: the window, the printer and the exports read these,
never the database rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .money import Fen
from .prepaid_refunds import RefundStatement
from .records import ShopHeader


@dataclass(frozen=True)
class PackageProduct:
    """A package in the catalogue: N sessions (+ gifted) of a pool of services."""

    item_id: int
    code: str
    name: str
    price_fen: Fen
    sessions: int
    gifted: int
    validity_days: int | None
    services: tuple[tuple[int, str, Fen], ...]   # (service item id, name, per-session list value)
    member_discount: bool
    active: bool


@dataclass(frozen=True)
class PackageInfo:
    """A package a customer holds."""

    id: int
    customer_id: int
    name: str
    sessions: int
    gifted: int
    used: int
    sessions_left: int
    paid_fen: Fen
    consumed_fen: Fen                  # the consumed value of the sessions used
    sold_on: date
    expires_on: date | None
    status: str                        # none / valid / expiring / expired / closed
    services: tuple[tuple[int, str, Fen], ...]

    @property
    def total_sessions(self) -> int:
        return self.sessions + self.gifted

    @property
    def left_value_fen(self) -> Fen:
        """The unused sessions at their consumed value: the shop's liability."""
        return self.paid_fen - self.consumed_fen


@dataclass(frozen=True)
class CardInfo:
    """What the counter shows of a customer's card and packages."""

    customer_id: int
    card_no: str | None
    principal_fen: Fen
    bonus_fen: Fen
    terms_version: str | None          # the version of the terms the customer signed, if any
    packages: tuple[PackageInfo, ...]  # open packages with sessions left

    @property
    def total_fen(self) -> Fen:
        return self.principal_fen + self.bonus_fen


@dataclass(frozen=True)
class TopUpQuote:
    """What a top-up would do, shown before the cashier confirms."""

    pay_fen: Fen
    bonus_fen: Fen
    tier: str | None
    principal_after_fen: Fen
    bonus_after_fen: Fen
    needs_owner: bool
    terms_needed: bool                 # the customer has not signed the terms in force


@dataclass(frozen=True)
class TopUpRecord:
    """Everything the 80 mm top-up slip prints."""

    topup_id: int
    receipt_no: str
    created_at: datetime
    shop: ShopHeader
    cashier_name: str
    customer_id: int
    customer_name: str
    phone_masked: str
    card_no: str
    method: str
    pay_fen: Fen
    bonus_fen: Fen
    tendered_fen: Fen | None
    change_fen: Fen
    principal_after_fen: Fen
    bonus_after_fen: Fen
    tier_granted: str | None
    authorised_by: str | None
    terms_version: str | None          # set on the first top-up under these terms: print them for signature
    terms_text: str | None


@dataclass(frozen=True)
class StatementLine:
    """One row of the customer's statement (对账单), card or package."""

    at: datetime
    kind: str                          # a card ledger kind, or package_sold / package_used / ...
    principal_fen: Fen
    bonus_fen: Fen
    principal_after_fen: Fen
    bonus_after_fen: Fen
    reference: str                     # receipt number
    note: str
    package: str = ""                  # package rows: its name
    sessions: int = 0                  # package rows: sessions moved (+/-)
    sessions_left: int = 0             # package rows: sessions left after


@dataclass(frozen=True)
class CardStatement:
    shop: ShopHeader
    customer_id: int
    customer_name: str
    phone_masked: str
    card_no: str | None
    generated_at: datetime
    lines: tuple[StatementLine, ...]
    principal_fen: Fen
    bonus_fen: Fen
    packages: tuple[PackageInfo, ...]
    terms_version: str | None


@dataclass(frozen=True)
class PrepaidRefundRecord:
    """A refund of unused prepaid money, with its working, as printed for the customer."""

    id: int | None                     # None: a preview, nothing written
    shop: ShopHeader
    customer_id: int
    customer_name: str
    phone_masked: str
    subject: str                       # card number or package name
    statement: RefundStatement
    principal_off_fen: Fen
    bonus_off_fen: Fen
    method: str
    reason: str
    at: datetime
    staff_name: str


@dataclass(frozen=True)
class ClosingRow:
    """One customer with money or sessions left: the shop-closing list."""

    customer_id: int
    name: str
    phone: str
    card_no: str
    principal_fen: Fen
    bonus_fen: Fen
    sessions_left: int
    sessions_value_fen: Fen
    packages: str
