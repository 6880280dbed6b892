"""Membership rules: the ¥500 qualification, tiers earned by spend or visits, the lapse after 730 days."""

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_desk.membership import (
    earned_tier,
    format_member_no,
    is_lapsed,
    lapse_cutoff,
    promotion,
    qualifies_to_join,
    tier_rule,
)
from salon_desk.money import parse_yuan
from salon_desk.settings_registry import DEFAULT_TIERS


def test_qualifies_at_exactly_five_hundred_yuan():
    assert qualifies_to_join(50000, 50000) is True
    assert qualifies_to_join(49999, 50000) is False
    assert qualifies_to_join(65600, 50000) is True


@pytest.mark.parametrize("typed, joins", [("499.99", False), ("¥500.00", True), ("500", True), ("500.01", True)])
def test_the_joining_threshold_at_the_cent_as_typed(typed, joins):
    # the owner's default ¥500.00; a sale due ¥499.99 is one fen short
    threshold = parse_yuan("¥500.00")
    assert threshold == 50000
    assert qualifies_to_join(parse_yuan(typed), threshold) is joins
    assert qualifies_to_join(amount_due_fen=parse_yuan(typed), threshold_fen=threshold) is joins


def test_a_threshold_set_by_the_owner_is_the_rule():
    # ¥800.00 set in the settings: ¥799.99 no longer qualifies, ¥800.00 does
    assert qualifies_to_join(79999, 80000) is False
    assert qualifies_to_join(80000, 80000) is True


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


# "No paid sale for 730 days" counts calendar days from the sale's date, whatever its hour:
# a sale on 22 Nov 2026 is 730 days old on 21 Nov 2028 (22 Nov 2026 -> 22 Nov 2027 is 365 days,
# -> 22 Nov 2028 another 366 because of 29 Feb 2028), and the member lapses that day.
SALE_DAY = date(2026, 11, 22)


@pytest.mark.parametrize("today, lapsed", [
    (date(2028, 11, 20), False),   # 729 days: still a member
    (date(2028, 11, 21), True),    # 730 days: lapsed
    (date(2028, 11, 22), True),    # 731 days
])
@pytest.mark.parametrize("hour, minute", [(0, 0), (10, 0), (23, 59)])
def test_a_member_lapses_on_the_730th_day_after_the_sale_whatever_its_hour(today, lapsed, hour, minute):
    last_sale = datetime(2026, 11, 22, hour, minute)
    assert (today - SALE_DAY).days in (729, 730, 731)
    assert is_lapsed(last_sale, today, 730) is lapsed
    # the data layer's query form says the same
    assert (last_sale < lapse_cutoff(today, 730)) is lapsed


def test_lapse_cutoff_is_midnight_starting_the_day_after_the_730th_day_back():
    # 730 days back from 21 Nov 2028 is 22 Nov 2026: a sale any time that day has lapsed,
    # so the cutoff is midnight starting 23 Nov 2026
    assert lapse_cutoff(date(2028, 11, 21), 730) == datetime(2026, 11, 23, 0, 0)
    # across 29 February 2024: 2024-01-15 -> 2026-01-15 is 366 + 365 = 731 days,
    # so 730 days back from 2026-01-15 is 2024-01-16 and the cutoff is 2024-01-17 00:00
    assert lapse_cutoff(date(2026, 1, 15), 730) == datetime(2024, 1, 17, 0, 0)
    # a shorter period set by the owner: 30 days before 31 Dec 2026 is 1 Dec
    assert lapse_cutoff(date(2026, 12, 31), 30) == datetime(2026, 12, 2, 0, 0)
    assert is_lapsed(datetime(2026, 12, 1, 18, 30), date(2026, 12, 31), 30) is True
    assert is_lapsed(datetime(2026, 12, 2, 9, 0), date(2026, 12, 31), 30) is False


def test_a_sale_today_or_a_clock_set_back_never_lapses():
    assert is_lapsed(datetime(2026, 11, 22, 9, 0), date(2026, 11, 22), 730) is False
    assert is_lapsed(datetime(2026, 11, 23, 9, 0), date(2026, 11, 22), 730) is False


@given(last_seen=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)),
       today=st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
       lapse_days=st.integers(30, 3650))
def test_is_lapsed_and_the_cutoff_agree_and_count_whole_days(last_seen, today, lapse_days):
    lapsed = is_lapsed(last_seen, today, lapse_days)
    assert lapsed is (last_seen < lapse_cutoff(today, lapse_days))
    assert lapsed is ((today - last_seen.date()).days >= lapse_days)
    # the hour of the sale never matters
    assert is_lapsed(datetime.combine(last_seen.date(), time.min), today, lapse_days) is lapsed
    assert is_lapsed(datetime.combine(last_seen.date(), time.max), today, lapse_days) is lapsed


def test_member_numbers():
    assert format_member_no(1) == "M000001"
    assert format_member_no(123456) == "M123456"
