"""Points arithmetic (SPEC §3): earning, the redeem cap, the yearly reset date."""

from __future__ import annotations

from datetime import date
from math import gcd

from .errors import InvalidInput
from .money import Fen


def points_value_fen(points: int, per_yuan: int) -> Fen:
    """What ``points`` take off a bill: 100 points = ¥1 = 100 fen by default."""
    return points * 100 // per_yuan


def redeem_step(per_yuan: int) -> int:
    """Smallest number of points worth a whole number of fen."""
    return per_yuan // gcd(per_yuan, 100)


def max_redeemable(amount_after_discount: Fen, balance: int, per_yuan: int, cap_permille: int) -> int:
    """The most points one sale can take: capped at a share of the bill and the balance."""
    cap_fen = amount_after_discount * cap_permille // 1000
    by_cap = cap_fen * per_yuan // 100
    step = redeem_step(per_yuan)
    most = min(by_cap, max(balance, 0))
    return most - most % step


def check_redeem(points: int, amount_after_discount: Fen, balance: int, per_yuan: int, cap_permille: int) -> None:
    if points < 0:
        raise InvalidInput("points.negative")
    if points == 0:
        return
    if points % redeem_step(per_yuan):
        raise InvalidInput("points.bad_step", step=redeem_step(per_yuan))
    if points > balance:
        raise InvalidInput("points.over_balance", points=points, balance=balance)
    limit = max_redeemable(amount_after_discount, balance, per_yuan, cap_permille)
    if points > limit:
        raise InvalidInput("points.over_cap", points=points, limit=limit)


def points_earned(paid_fen: Fen, earn_per_yuan: int, doubled: bool) -> int:
    """Whole yuan paid (floor) x rate, doubled on a birthday where the tier says so."""
    earned = max(paid_fen, 0) // 100 * earn_per_yuan
    return earned * 2 if doubled else earned


def reset_date(year: int, month_day: str) -> date:
    """The yearly clearing date (``"01-01"``) in ``year``."""
    return date(year, int(month_day[:2]), int(month_day[3:]))


def due_resets(done_years: set[int], since: date, today: date, month_day: str) -> list[int]:
    """Years whose reset date fell in ``(since, today]`` and were not yet applied, oldest first.

    ``since`` is when the shop file was created, so a new shop is never
    reset for a date before it existed.
    """
    years = []
    for year in range(since.year, today.year + 1):
        when = reset_date(year, month_day)
        if since < when <= today and year not in done_years:
            years.append(year)
    return years
