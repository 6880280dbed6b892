"""Session packages (次卡/疗程卡) rules: what is sold, using a session, validity, refunds (SPEC §10).

A package is N sessions (plus gifted ones) of one service or of a pool of
services, each with its per-session list value. Each use carries its
consumed value (price paid ÷ all sessions) and its list value. Pure: the
package service stores the rows these functions return.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from enum import StrEnum

from .errors import Conflict, InvalidInput
from .followups import Customer as CareCustomer, FollowUp, TaskType, allowed
from .money import Fen
from .prepaid_refunds import (
    InterestTerms, RefundMode, RefundStatement, WorkingLine, finish, within_cooling_off,
)

LINE_PAID = "package.paid"                        # + price paid (detail: sessions, gifted)
LINE_USED_AT_CONSUMED = "package.used_at_consumed"  # - used sessions at their consumed value
LINE_USED_AT_LIST = "package.used_at_list"        # - used sessions at list value, at most the price paid
LINE_SESSIONS_LEFT = "package.sessions_left"      # informs: sessions given up with the refund


@dataclass(frozen=True)
class PackageService:
    service_key: int          # the catalogue item of the service
    list_value_fen: Fen       # one session's list value in this package


@dataclass(frozen=True)
class PackageTerms:
    """The catalogue product: a pool of one service or several."""

    services: tuple[PackageService, ...]
    sessions: int                     # sessions paid for
    price_fen: Fen                    # list price of the package
    gifted: int = 0                   # sessions given on top
    validity_days: int | None = None  # none by default: packages do not expire


@dataclass(frozen=True)
class Package:
    """One package sold to one customer."""

    customer_key: int
    terms: PackageTerms
    paid_fen: Fen                     # what was actually paid (after any member discount)
    sold_on: date
    expires_on: date | None = None

    @property
    def total_sessions(self) -> int:
        return self.terms.sessions + self.terms.gifted


@dataclass(frozen=True)
class SessionUse:
    service_key: int
    consumed_fen: Fen      # this session's share of the price paid
    list_fen: Fen          # this session's list value
    on: date


def check_terms(terms: PackageTerms) -> None:
    keys = [s.service_key for s in terms.services]
    if (not keys or len(set(keys)) != len(keys) or terms.sessions <= 0 or terms.gifted < 0
            or terms.price_fen < 0 or any(s.list_value_fen < 0 for s in terms.services)
            or (terms.validity_days is not None and terms.validity_days <= 0)):
        raise InvalidInput("package.bad_terms")


def sell(terms: PackageTerms, customer_key: int, paid_fen: Fen, sold_on: date) -> Package:
    check_terms(terms)
    if paid_fen < 0:
        raise InvalidInput("package.bad_terms")
    expires = sold_on + timedelta(days=terms.validity_days) if terms.validity_days else None
    return Package(customer_key, terms, paid_fen, sold_on, expires)


def sessions_left(package: Package, uses: Sequence[SessionUse]) -> int:
    return package.total_sessions - len(uses)


def next_consumed_fen(package: Package, uses: Sequence[SessionUse]) -> Fen:
    """The consumed value of the next session: price paid ÷ all sessions, exact to the fen over the package.

    After n sessions the consumed values add up to floor(n x paid ÷ sessions),
    never more than the exact share, so the fen left over by the division land
    on the sessions where the running total crosses a whole fen, and after the
    last session they add up to the price paid exactly. A returned session
    gives back its own value; the next one makes up the difference.
    """
    used = len(uses)
    total = package.total_sessions
    if used >= total:
        raise Conflict("package.used_up")
    consumed = sum(u.consumed_fen for u in uses)
    if used + 1 == total:
        return package.paid_fen - consumed
    return max(0, (used + 1) * package.paid_fen // total - consumed)


def validity_status(package: Package, today: date, warn_days: int = 30) -> str:
    """One of: none (no expiry), valid, expiring (within ``warn_days``), expired."""
    if package.expires_on is None:
        return "none"
    if today > package.expires_on:
        return "expired"
    if today >= package.expires_on - timedelta(days=warn_days):
        return "expiring"
    return "valid"


def use_session(package: Package, uses: Sequence[SessionUse], *, customer_key: int, service_key: int,
                on: date, refunded: bool = False) -> SessionUse:
    """One session of ``service_key`` for ``customer_key``; the line it covers is then ¥0 from the package.

    An expired package is never forfeited: its sessions stay, but one can be
    used only after the owner extends it.
    """
    if refunded:
        raise Conflict("package.refunded")
    if customer_key != package.customer_key:
        raise Conflict("package.not_owner")
    service = next((s for s in package.terms.services if s.service_key == service_key), None)
    if service is None:
        raise InvalidInput("package.service_not_covered", service=service_key)
    if validity_status(package, on) == "expired":
        raise Conflict("package.expired", expired_on=package.expires_on)
    return SessionUse(service_key, next_consumed_fen(package, uses), service.list_value_fen, on)


def return_session(uses: Sequence[SessionUse], use: SessionUse) -> tuple[SessionUse, ...]:
    """The uses after a session is given back (its visit line refunded): the session is usable again."""
    remaining = list(uses)
    try:
        remaining.remove(use)
    except ValueError as exc:
        raise Conflict("package.use_not_found") from exc
    return tuple(remaining)


def extend(package: Package, new_expiry: date) -> Package:
    """The owner's extension: a later expiry date (the service requires the owner)."""
    if package.expires_on is not None and new_expiry <= package.expires_on:
        raise InvalidInput("package.bad_extension", expires_on=package.expires_on)
    return replace(package, expires_on=new_expiry)


@dataclass(frozen=True)
class PackageReminder:
    kind: str             # "expiring" or "expired"
    due_on: date          # when the reminder task falls due
    expires_on: date
    sessions_left: int


def reminder(package: Package, uses: Sequence[SessionUse], today: date, warn_days: int = 30,
             refunded: bool = False) -> PackageReminder | None:
    """A reminder task while sessions are left and the expiry is near or past; none otherwise."""
    status = validity_status(package, today, warn_days)
    left = sessions_left(package, uses)
    if refunded or left <= 0 or package.expires_on is None or status not in ("expiring", "expired"):
        return None
    due = package.expires_on if status == "expired" else package.expires_on - timedelta(days=warn_days)
    return PackageReminder(status, due, package.expires_on, left)


def expiry_key(package_id: int, expires_on: date, kind: str) -> str:
    """The identity of a package's expiry call: one per package, expiry date and stage."""
    return f"package:{package_id}:{expires_on.isoformat()}:{kind}"


def expiry_task(due: PackageReminder, *, package_id: int, package_name: str, customer: CareCustomer,
                shop_name: str, assignee_id: int | None) -> FollowUp | None:
    """The follow-up call a package's reminder becomes: never a silent forfeiture, the customer is told
    the sessions left and how to keep them (come in, or ask for an extension or a refund).

    - expiring: appears ``warn_days`` before the expiry (the reminder's due day), due that day;
    - expired: appears the day after the expiry, due that day.
    One task per package, expiry date and stage (the key), so the daily job makes it once, and an
    extension (a new expiry date) starts afresh. A service notice about what the customer paid for:
    it needs the file kept, not marketing consent."""
    if not allowed(customer, TaskType.PACKAGE_EXPIRY):
        return None
    shop = shop_name.strip() or "本店"
    ends = f"{due.expires_on.year}年{due.expires_on.month}月{due.expires_on.day}日"
    if due.kind == "expiring":
        on = due.due_on
        text = (f"{customer.name}您好，这里是{shop}。您的{package_name}还剩{due.sessions_left}次，"
                f"有效期到{ends}，欢迎在到期前来店使用；如需延期，请与我们联系。")
    else:
        on = due.expires_on + timedelta(days=1)
        text = (f"{customer.name}您好，这里是{shop}。您的{package_name}已于{ends}到期，还剩{due.sessions_left}次"
                f"未使用。这些次数不会作废，请与我们联系，为您办理延期或按规定退款。")
    return FollowUp(key=expiry_key(package_id, due.expires_on, due.kind),
                    type=TaskType.PACKAGE_EXPIRY, customer_id=customer.customer_id,
                    due_at=datetime.combine(on, time()), all_day=True, assignee_id=assignee_id, message=text)


def package_refund(package: Package, uses: Sequence[SessionUse], mode: RefundMode, today: date,
                   interest: InterestTerms | None = None, refunded: bool = False) -> RefundStatement:
    """The refund of the sessions left, with the working, in ``mode``.

    - cooling off (within 7 days of the sale): the price paid less the used
      sessions at their consumed value, no interest;
    - shop at fault: the same valuation (consumed value = paid ÷ sessions
      including gifted, the package's paid ÷ (paid + bonus)), plus interest;
    - customer's choice: the used sessions at their list value, never more
      than the price paid, plus interest.
    """
    if refunded:
        raise Conflict("package.refunded")
    left = sessions_left(package, uses)
    if left <= 0:
        raise Conflict("package.used_up")
    paid_line = WorkingLine(LINE_PAID, package.paid_fen,
                            (("sessions", package.terms.sessions), ("gifted", package.terms.gifted)))
    if mode is RefundMode.COOLING_OFF and not within_cooling_off(package.sold_on, today):
        raise Conflict("package.cooling_off_over")
    if mode is RefundMode.CUSTOMER_CHOICE:
        listed = sum(u.list_fen for u in uses)
        used_line = WorkingLine(LINE_USED_AT_LIST, -min(listed, package.paid_fen),
                                (("used", len(uses)), ("list", listed), ("capped", int(listed > package.paid_fen))))
    else:
        used_line = WorkingLine(LINE_USED_AT_CONSUMED, -sum(u.consumed_fen for u in uses),
                                (("used", len(uses)), ("total", package.total_sessions)))
    notes = (WorkingLine(LINE_SESSIONS_LEFT, 0, (("sessions", left),)),)
    return finish(mode, (paid_line, used_line), interest, notes)
