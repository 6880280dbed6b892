"""The owner's monthly figures (SPEC §8) as plain data: one object for the window, PDF and exports.

Produced by ``salon_desk.db.monthly_figures``; printed by ``salon_desk.reports``.
All money in fen, all points in points, rates as numerator / denominator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from .money import Fen

if TYPE_CHECKING:
    from .care_figures import CareReport


@dataclass(frozen=True)
class Rate:
    """A share such as the repurchase rate, kept as its two counts."""

    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    def percent(self) -> str:
        """``"23.5%"``; ``"—"`` when there is nothing to divide by."""
        if not self.denominator:
            return "—"
        tenths = (self.numerator * 2000 + self.denominator) // (2 * self.denominator)  # half-up
        return f"{tenths // 10}.{tenths % 10}%"


@dataclass(frozen=True)
class RevenueFigures:
    receipts: int                    # completed (not voided) sales of the period
    list_total_fen: Fen
    member_discount_fen: Fen
    birthday_discount_fen: Fen
    points_discount_fen: Fen
    amount_due_fen: Fen              # list - member - birthday - points
    refunds: int                     # refunds made in the period (of any sale)
    refunds_fen: Fen
    voids: int                       # sales of the period that were voided
    voids_fen: Fen

    @property
    def net_fen(self) -> Fen:
        """Net received: what the completed sales took, less refunds paid out in the period."""
        return self.amount_due_fen - self.refunds_fen

    @property
    def average_ticket_fen(self) -> Fen:
        """Amount due / receipts, rounded half-up to the fen."""
        if not self.receipts:
            return 0
        return (2 * self.amount_due_fen + self.receipts) // (2 * self.receipts)


@dataclass(frozen=True)
class MethodFigures:
    method: str                      # cash / wechat / alipay / card / other
    received_fen: Fen
    refunded_fen: Fen

    @property
    def net_fen(self) -> Fen:
        return self.received_fen - self.refunded_fen


@dataclass(frozen=True)
class DayFigures:
    day: date
    receipts: int
    amount_due_fen: Fen
    refunds_fen: Fen

    @property
    def net_fen(self) -> Fen:
        return self.amount_due_fen - self.refunds_fen


@dataclass(frozen=True)
class CategoryFigures:
    category: str                    # hair / beauty / nails / skin / other / product
    quantity: int
    list_fen: Fen
    sales_fen: Fen                   # after discounts and the points share
    refunded_fen: Fen                # refunds of this category made in the period

    @property
    def net_fen(self) -> Fen:
        return self.sales_fen - self.refunded_fen


@dataclass(frozen=True)
class ServiceFigures:
    code: str
    name: str
    category: str
    quantity: int
    sales_fen: Fen


@dataclass(frozen=True)
class TechnicianFigures:
    technician_id: int | None        # None: lines with no technician (products)
    name: str
    services: int                    # service quantities done
    customers: int                   # distinct customers served
    sales_fen: Fen
    refunded_fen: Fen

    @property
    def net_fen(self) -> Fen:
        return self.sales_fen - self.refunded_fen


@dataclass(frozen=True)
class CustomerFigures:
    visits: int                      # completed sales (到店人次)
    member_visits: int
    walk_in_visits: int              # no customer file
    distinct_customers: int
    new_customers: int               # files first seen in the period (merged duplicates left out)
    referred_new_customers: int
    new_members: int                 # enrolments, re-joins included
    promotions: int
    lapsed_members: int
    members_by_tier: tuple[tuple[str, int], ...]   # at the end of the period, in tier order

    @property
    def members_total(self) -> int:
        return sum(n for _, n in self.members_by_tier)


@dataclass(frozen=True)
class PointsFigures:
    opening_balance: int             # all customers, at the start of the period
    movements: tuple[tuple[str, int], ...]   # (ledger kind, signed points) in the period
    closing_balance: int
    per_yuan_redeemed: int           # points worth one yuan

    def _sum(self, *kinds: str) -> int:
        return sum(p for k, p in self.movements if k in kinds)

    @property
    def earned(self) -> int:
        return self._sum("earn", "birthday", "referral")

    @property
    def redeemed(self) -> int:
        return -self._sum("redeem", "gift")

    @property
    def expired(self) -> int:
        return -self._sum("expire")

    @property
    def adjusted(self) -> int:
        """Refund reversals, manual corrections, merges (signed)."""
        return self._sum("refund", "manual", "merge")

    @property
    def closing_value_fen(self) -> Fen:
        """What the outstanding points would take off bills: a liability."""
        return self.closing_balance * 100 // self.per_yuan_redeemed


@dataclass(frozen=True)
class KeyFigures:
    repurchase: Rate                 # month's customers also seen in the 90 days before the month
    referral: Rate                   # month's new customers referred by a customer
    referral_target_permille: int = 150


@dataclass(frozen=True)
class PrepaidFigures:
    """Stored-value cards and packages in the period (SPEC §10): money received apart from revenue,
    the card and sessions consumed (卡耗), and what the shop still owes at the end."""

    topups: int
    topup_principal_fen: Fen          # money received on cards: not revenue
    topup_bonus_fen: Fen              # bonus given with it
    topup_methods: tuple[tuple[str, Fen], ...]
    card_spent_principal_fen: Fen     # card payments of sales, net of what sale refunds gave back
    card_spent_bonus_fen: Fen
    balance_refunds: int              # refunds of unused prepaid money (cards and packages)
    balance_refunds_fen: Fen          # paid to customers, interest included
    bonus_written_off_fen: Fen
    packages_sold: int
    packages_sold_fen: Fen            # revenue on the day sold (in the sales figures too)
    sessions_used: int                # net of sessions given back
    sessions_consumed_fen: Fen        # their consumed value (卡耗)
    sessions_list_fen: Fen            # their list value
    closing_principal_fen: Fen        # owed at the end of the period
    closing_bonus_fen: Fen
    closing_sessions: int
    closing_sessions_fen: Fen         # unused sessions at consumed value

    @property
    def card_spent_fen(self) -> Fen:
        return self.card_spent_principal_fen + self.card_spent_bonus_fen


@dataclass(frozen=True)
class AppointmentTechnicianFigures:
    name: str
    booked: int                      # bookings with a service of theirs starting in the period
    completed: int
    cancelled: int
    no_shows: int

    @property
    def no_show_rate(self) -> Rate:
        return Rate(self.no_shows, self.booked - self.cancelled)


@dataclass(frozen=True)
class AppointmentFigures:
    """The book in the period (bookings by their start): how many came, cancelled, did not show."""

    booked: int                      # every booking starting in the period, whatever became of it
    completed: int
    cancelled: int
    no_shows: int
    visits: int                      # completed sales of the period
    booked_visits: int               # of which the visit came from a booking
    technicians: tuple[AppointmentTechnicianFigures, ...] = ()

    @property
    def no_show_rate(self) -> Rate:
        """No-shows among the bookings that were not cancelled in advance."""
        return Rate(self.no_shows, self.booked - self.cancelled)

    @property
    def booked_share(self) -> Rate:
        """Share of the period's visits (completed sales) that had been booked."""
        return Rate(self.booked_visits, self.visits)


@dataclass(frozen=True)
class MonthlyFigures:
    shop_name: str
    year: int
    month: int
    start: date                      # first day
    end: date                        # day after the last day
    generated_at: datetime
    revenue: RevenueFigures
    methods: tuple[MethodFigures, ...]
    days: tuple[DayFigures, ...]     # every day of the period, empty days included
    categories: tuple[CategoryFigures, ...]
    top_services: tuple[ServiceFigures, ...]
    technicians: tuple[TechnicianFigures, ...]
    customers: CustomerFigures
    points: PointsFigures
    key: KeyFigures
    care: "CareReport | None" = None     # complaints, satisfaction, follow-ups, segments (SPEC §8)
    prepaid: PrepaidFigures | None = None
    appointments: AppointmentFigures | None = None

    @property
    def title(self) -> str:
        if (self.end - self.start).days == 1:
            return f"{self.start.year}年{self.start.month}月{self.start.day}日"
        return f"{self.year}年{self.month}月"


REPURCHASE_DAYS = 90
