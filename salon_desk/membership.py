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


def qualifies_to_join(paid_fen: Fen, threshold_fen: Fen) -> bool:
    """One single sale's paid amount reaches the threshold (一次性消费满500元)."""
    return paid_fen >= threshold_fen


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


def lapse_cutoff(today: date, lapse_days: int) -> datetime:
    """Members whose last paid sale is before this instant have lapsed."""
    return datetime.combine(today - timedelta(days=lapse_days), datetime.min.time())


def format_member_no(number: int) -> str:
    return f"M{number:06d}"
