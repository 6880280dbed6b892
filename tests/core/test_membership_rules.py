"""Membership rules: the ¥500 qualification, tiers earned by spend or visits, lapse cutoff."""

from datetime import date, datetime

import pytest

from salon_desk.membership import (
    earned_tier,
    format_member_no,
    lapse_cutoff,
    promotion,
    qualifies_to_join,
    tier_rule,
)
from salon_desk.settings_registry import DEFAULT_TIERS


def test_qualifies_at_exactly_five_hundred_yuan():
    assert qualifies_to_join(50000, 50000) is True
    assert qualifies_to_join(49999, 50000) is False
    assert qualifies_to_join(65600, 50000) is True


def test_default_tier_rates():
    assert [(t.code, t.rate_permille) for t in DEFAULT_TIERS] == [
        ("regular", 900), ("silver", 850), ("gold", 800), ("diamond", 750)]
    assert tier_rule(DEFAULT_TIERS, "gold").birthday_double_points is True
    assert tier_rule(DEFAULT_TIERS, "regular").birthday_double_points is False
    with pytest.raises(KeyError):
        tier_rule(DEFAULT_TIERS, "platinum")


@pytest.mark.parametrize("spend, visits, tier", [
    (0, 0, "regular"),
    (299_999, 14, "regular"),      # ¥2,999.99 and 14 visits: not yet silver
    (300_000, 0, "silver"),        # ¥3,000
    (0, 15, "silver"),             # or 15 visits
    (799_999, 39, "silver"),
    (800_000, 1, "gold"),          # ¥8,000
    (10_000, 40, "gold"),          # or 40 visits
    (1_999_999, 79, "gold"),
    (2_000_000, 0, "diamond"),     # ¥20,000
    (0, 80, "diamond"),            # or 80 visits
])
def test_earned_tier_by_spend_or_visits(spend, visits, tier):
    assert earned_tier(DEFAULT_TIERS, spend, visits) == tier


def test_promotion_only_goes_up():
    assert promotion(DEFAULT_TIERS, "regular", 300_000, 1) == "silver"
    assert promotion(DEFAULT_TIERS, "regular", 800_000, 1) == "gold"     # may skip a tier
    assert promotion(DEFAULT_TIERS, "silver", 300_000, 15) is None       # already there
    assert promotion(DEFAULT_TIERS, "gold", 0, 0) is None                # never drops


def test_lapse_cutoff_is_730_days_back_at_midnight():
    # 2024-11-22 -> 2025-11-22 is 365 days (no 29 Feb in between), -> 2026-11-22 another 365
    assert lapse_cutoff(date(2026, 11, 22), 730) == datetime(2024, 11, 22, 0, 0)
    # across 29 February 2024: 2024-01-15 -> 2025-01-15 is 366 days, -> 2026-01-15 another 365 = 731,
    # so 730 days back from 2026-01-15 is one day later: 2024-01-16
    assert lapse_cutoff(date(2026, 1, 15), 730) == datetime(2024, 1, 16, 0, 0)


def test_member_numbers():
    assert format_member_no(1) == "M000001"
    assert format_member_no(123456) == "M123456"
