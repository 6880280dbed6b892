"""Refunds of prepaid money (cards and packages) under 法释〔2025〕4号: the three modes, interest, the working.

A refund statement is a list of signed working lines whose amounts add up
to what the customer is paid; the printer turns each line's code into a
sentence. Staff commission is never an input, so it can never reduce a
refund (Art. 15).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from .errors import InvalidInput
from .money import Fen, scale

COOLING_OFF_DAYS = 7
BASIS_POINTS = 10_000     # an interest rate of 345 basis points is 3.45% a year
DAYS_IN_YEAR = 365


class RefundMode(StrEnum):
    COOLING_OFF = "cooling_off"          # Art. 14: within 7 days of paying, the principal back
    SHOP_AT_FAULT = "shop_at_fault"      # Art. 18: used at the price charged, bonus shared out, interest
    CUSTOMER_CHOICE = "customer_choice"  # Art. 19/20: used at list price, never more than prepaid, interest


def parse_rate_percent(text: str) -> int:
    """The interest rate the owner typed, as % a year, in basis points: "3.45" or "3.45%" is 345,
    "" is 0. Refused in words (``refund.rate_not_understood``), never rounded: a negative rate, more
    than two decimals ("3.455"), or anything that is not a number."""
    typed = unicodedata.normalize("NFKC", text).strip().removesuffix("%").strip()
    if not typed:
        return 0
    try:
        rate = Decimal(typed)
    except InvalidOperation:
        raise InvalidInput("refund.rate_not_understood", rate=text.strip()) from None
    points = rate * 100
    if not rate.is_finite() or rate < 0 or points != points.to_integral_value():
        raise InvalidInput("refund.rate_not_understood", rate=text.strip())
    return int(points)


# Codes of the working lines, shared by cards and packages.
LINE_INTEREST = "refund.interest"
LINE_BONUS_WRITTEN_OFF = "refund.bonus_written_off"
LINE_COMMISSION_NOT_DEDUCTED = "refund.commission_not_deducted"


@dataclass(frozen=True)
class InterestTerms:
    """Simple interest by days at a yearly rate the owner enters (basis points: 345 = 3.45%)."""

    rate_bp_per_year: int
    from_day: date
    to_day: date

    @property
    def days(self) -> int:
        return max(0, (self.to_day - self.from_day).days)


@dataclass(frozen=True)
class WorkingLine:
    """One printed line of the working: ``amount_fen`` is what it adds to (or takes from) the refund.

    Lines that only inform (bonus written off, commission not deducted,
    sessions left) carry 0 and their figures in ``detail``.
    """

    code: str
    amount_fen: Fen
    detail: tuple[tuple[str, int], ...] = ()

    def value(self, key: str) -> int:
        return dict(self.detail)[key]


@dataclass(frozen=True)
class RefundStatement:
    mode: RefundMode
    lines: tuple[WorkingLine, ...]
    refund_fen: Fen              # the unused prepaid money, before interest
    interest_fen: Fen
    total_fen: Fen               # paid to the customer: refund + interest = sum of the lines


def within_cooling_off(paid_on: date, today: date, days: int = COOLING_OFF_DAYS) -> bool:
    """Paid on ``paid_on``, asked on ``today``: still inside the 7 days?

    The period is counted from the day after the payment (民法典 Art. 201), so
    money paid on 1 May can be asked back up to and including 8 May.
    """
    return paid_on <= today <= paid_on + timedelta(days=days)


def simple_interest(base_fen: Fen, terms: InterestTerms) -> Fen:
    """``base`` x rate x days ÷ 365, rounded half-up to the fen; no compounding, no leap-day rule."""
    if terms.rate_bp_per_year < 0:
        raise InvalidInput("refund.bad_interest_rate", rate=terms.rate_bp_per_year)
    if base_fen <= 0:
        return 0
    return scale(base_fen, terms.rate_bp_per_year * terms.days, BASIS_POINTS * DAYS_IN_YEAR)


def interest_line(base_fen: Fen, terms: InterestTerms | None) -> WorkingLine:
    if terms is None:
        return WorkingLine(LINE_INTEREST, 0, (("base", base_fen), ("rate_bp", 0), ("days", 0)))
    return WorkingLine(LINE_INTEREST, simple_interest(base_fen, terms),
                       (("base", base_fen), ("rate_bp", terms.rate_bp_per_year), ("days", terms.days)))


def finish(mode: RefundMode, valuation: tuple[WorkingLine, ...], interest: InterestTerms | None,
           notes: tuple[WorkingLine, ...]) -> RefundStatement:
    """The statement from the valuation lines: interest on their sum unless cooling off, then the notes."""
    refund = sum(line.amount_fen for line in valuation)
    if refund < 0:  # pragma: no cover - the valuations clamp at zero
        raise ValueError(refund)
    lines = valuation
    interest_fen = 0
    if mode is not RefundMode.COOLING_OFF:
        line = interest_line(refund, interest)
        interest_fen = line.amount_fen
        lines += (line,)
    lines += notes + (WorkingLine(LINE_COMMISSION_NOT_DEDUCTED, 0),)
    return RefundStatement(mode, lines, refund, interest_fen, refund + interest_fen)


def parse_mode(text: str) -> RefundMode:
    try:
        return RefundMode(text)
    except ValueError as exc:
        raise InvalidInput("refund.bad_mode", mode=text) from exc
