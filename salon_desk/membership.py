"""Membership rules: who qualifies, which tier a history earns, when it lapses."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from .money import Fen
from .settings_registry import TierRule

TIER_ORDER = ("regular", "silver", "gold", "diamond")


def tier_rule(tiers: tuple[TierRule, ...], code: str) -> TierRule:
    for rule in tiers:
        if rule.code == code:
            return rule
    raise KeyError(code)


def qualifies_to_join(amount_due_fen: Fen, threshold_fen: Fen) -> bool:
    """One single sale's paid amount reaches the threshold (一次性消费满500元).

    The one joining rule: the sale's amount due (what the customer pays, after
    every discount) is at least the threshold; ¥500.00 joins, ¥499.99 does not.
    """
    return amount_due_fen >= threshold_fen


def earned_tier(tiers: tuple[TierRule, ...], spend_fen: Fen, visits: int) -> str:
    """The highest tier whose spend or visit threshold the history reaches."""
    best = tiers[0].code
    for rule in tiers[1:]:
        if spend_fen >= rule.spend_fen or visits >= rule.visits:
            best = rule.code
    return best


def promotion(tiers: tuple[TierRule, ...], current: str, spend_fen: Fen, visits: int) -> str | None:
    """The new tier if the history earns a higher one; tiers never drop on their own."""
    earned = earned_tier(tiers, spend_fen, visits)
    if TIER_ORDER.index(earned) > TIER_ORDER.index(current):
        return earned
    return None


def is_lapsed(last_seen: datetime, today: date, lapse_days: int) -> bool:
    """True once ``lapse_days`` calendar days have passed since the day of ``last_seen``.

    ``last_seen`` is the member's last paid sale (or joining, or reinstatement).
    Days are counted by date, never by hour: a sale on 22 November 2026 at any
    time of day is 730 days old on 21 November 2028 (2028 has a 29 February),
    and the member lapses that day, whatever the time of the daily run
    (SPEC §2: "no paid sale for 730 days"). On day 729 the member is still one.
    """
    return (today - last_seen.date()).days >= lapse_days


def lapse_cutoff(today: date, lapse_days: int) -> datetime:
    """Members whose last paid sale is before this instant have lapsed.

    Midnight starting the day ``lapse_days - 1`` days before ``today``: a sale at
    any time on the day exactly ``lapse_days`` ago is before it, one on the day
    after is not. Agrees with :func:`is_lapsed` for every time of day.
    """
    return datetime.combine(today - timedelta(days=lapse_days - 1), datetime.min.time())


def format_member_no(number: int) -> str:
    return f"M{number:06d}"
