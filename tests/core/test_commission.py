"""Commission rules worked by hand: shares, base, rounding per contributor, precedence, effective dates,
labour fees, the prepaid rate, monthly tiers, refunds netting to zero, settled months."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_desk.commission import (
    ASSISTANT, CARD_SALE, LEAD, PRODUCT, RETROACTIVE, SERVICE, Band, CommissionLine, Rule, Share, booking_month,
    check_rule, check_shares, default_shares, line_commission, pick_rule, reversal, tier_bonus,
)
from salon_desk.errors import InvalidInput

DAY = date(2026, 11, 22)
LEVELS = {1: "gold_stylist", 2: "assistant"}
COLOUR = Rule(1, 1, SERVICE, date(2026, 1, 1), category="colour", designated_permille=120, rotation_permille=80)


def colour_line(base=31040, designated=True, prepaid=False):
    return CommissionLine(SERVICE, "colour", designated, 1, base, prepaid)


def test_the_worked_example_388_colour_at_gold_designated_70_30_at_12_percent():
    # ¥388 colour, Gold member pays ¥310.40; designated; lead 70% / assistant 30%, both at 12%:
    # lead ¥217.28 × 12% = ¥26.0736 -> ¥26.07; assistant ¥93.12 × 12% = ¥11.1744 -> ¥11.17
    shares = (Share(1, LEAD, 700), Share(2, ASSISTANT, 300))
    lead, assistant = line_commission(colour_line(), shares, (COLOUR,), DAY, LEVELS)
    assert (lead.share_base_fen, lead.rate_permille, lead.amount_fen) == (21728, 120, 2607)
    assert (assistant.share_base_fen, assistant.rate_permille, assistant.amount_fen) == (9312, 120, 1117)


def test_rotation_rate_and_the_lower_prepaid_rate():
    rule = Rule(1, 1, SERVICE, date(2026, 1, 1), designated_permille=120, rotation_permille=80,
                prepaid_permille=50)
    alone = (Share(1, LEAD, 1000),)
    [rotation] = line_commission(colour_line(designated=False), alone, (rule,), DAY, LEVELS)
    assert rotation.amount_fen == 2483            # 31040 × 8% = 2483.2
    [card] = line_commission(colour_line(prepaid=True), alone, (rule,), DAY, LEVELS)
    assert card.amount_fen == 1552                # 31040 × 5% = 1552.0


def test_each_contributor_rounds_half_up_on_their_own_share():
    # base ¥0.25 split 50/50 at 10%: 1.25 fen each -> 1 fen each; at 20%: 2.5 -> 3 each
    line = CommissionLine(SERVICE, "colour", True, 1, 25)
    shares = (Share(1, LEAD, 500), Share(2, ASSISTANT, 500))
    rule = Rule(1, 1, SERVICE, date(2026, 1, 1), designated_permille=200)
    assert [a.amount_fen for a in line_commission(line, shares, (rule,), DAY, LEVELS)] == [3, 3]


def test_precedence_staff_special_over_level_category_over_category_over_default():
    default = Rule(1, 1, SERVICE, date(2026, 1, 1), designated_permille=50)
    category = Rule(2, 1, SERVICE, date(2026, 1, 1), category="colour", designated_permille=80)
    level_cat = Rule(3, 1, SERVICE, date(2026, 1, 1), level="gold_stylist", category="colour",
                     designated_permille=100)
    special = Rule(4, 1, SERVICE, date(2026, 1, 1), staff_id=1, designated_permille=150)
    rules = (default, category, level_cat, special)
    assert pick_rule(rules, SERVICE, DAY, 1, "gold_stylist", "colour") == special
    assert pick_rule(rules, SERVICE, DAY, 5, "gold_stylist", "colour") == level_cat
    assert pick_rule(rules, SERVICE, DAY, 5, "assistant", "colour") == category
    assert pick_rule(rules, SERVICE, DAY, 5, "assistant", "cut") == default
    assert pick_rule(rules, PRODUCT, DAY, 5, "assistant", "cut") is None


def test_a_new_rule_applies_from_its_day_never_to_the_past():
    old = Rule(1, 1, SERVICE, date(2026, 1, 1), effective_to=date(2026, 11, 1), designated_permille=100)
    new = Rule(1, 2, SERVICE, date(2026, 11, 1), designated_permille=150)
    assert pick_rule((old, new), SERVICE, date(2026, 10, 31), 1, None, "cut") == old
    assert pick_rule((old, new), SERVICE, date(2026, 11, 1), 1, None, "cut") == new


def test_labour_fee_per_service_by_share_and_nothing_on_a_free_redo():
    fee = Rule(1, 1, SERVICE, date(2026, 1, 1), category="perm", fee_fen=3000)
    line = CommissionLine(SERVICE, "perm", False, 2, 50000)
    shares = (Share(1, LEAD, 700), Share(2, ASSISTANT, 300))
    assert [(a.fee_fen, a.amount_fen) for a in line_commission(line, shares, (fee,), DAY, LEVELS)] == \
        [(4200, 4200), (1800, 1800)]
    free = CommissionLine(SERVICE, "perm", False, 1, 0)
    assert [a.amount_fen for a in line_commission(free, shares, (fee,), DAY, LEVELS)] == [0, 0]
    owner_says = Rule(1, 1, SERVICE, date(2026, 1, 1), category="perm", fee_fen=3000, fee_on_free=True)
    assert [a.amount_fen for a in line_commission(free, shares, (owner_says,), DAY, LEVELS)] == [2100, 900]


def test_product_and_card_sale_rates():
    rules = (Rule(1, 1, PRODUCT, date(2026, 1, 1), designated_permille=100, rotation_permille=100),
             Rule(2, 1, CARD_SALE, date(2026, 1, 1), designated_permille=30, rotation_permille=30))
    alone = (Share(1, LEAD, 1000),)
    [p] = line_commission(CommissionLine(PRODUCT, "retail", False, 1, 12900), alone, rules, DAY, LEVELS)
    [c] = line_commission(CommissionLine(CARD_SALE, "card", False, 1, 500000), alone, rules, DAY, LEVELS)
    assert (p.amount_fen, c.amount_fen) == (1290, 15000)


def test_a_progressive_tier_crossing_a_band_mid_month():
    # bands: 0 from ¥0, 2% from ¥20,000, 3% from ¥50,000; the month reaches ¥26,500
    bands = (Band(0, 0), Band(2_000_000, 20), Band(5_000_000, 30))
    bonus = tier_bonus(2_650_000, bands)
    assert bonus.amount_fen == 13000            # (26,500 − 20,000) × 2% = ¥130.00
    assert [(b.base_fen, b.amount_fen) for b in bonus.bands] == [(2_000_000, 0), (650_000, 13000)]
    above = tier_bonus(6_000_000, bands)         # 30,000 × 2% + 10,000 × 3% = 600 + 300
    assert above.amount_fen == 90000
    assert tier_bonus(6_000_000, bands, RETROACTIVE).amount_fen == 180000   # 60,000 × 3%


def test_bad_rules_and_shares_are_refused():
    for bad in (Rule(1, 1, SERVICE, DAY, designated_permille=-1), Rule(1, 1, SERVICE, DAY, rotation_permille=1001),
                Rule(1, 1, SERVICE, DAY, fee_fen=-5), Rule(1, 1, SERVICE, DAY, effective_to=DAY),
                Rule(1, 1, SERVICE, DAY, bands=(Band(100, 10), Band(100, 20)))):
        with pytest.raises(InvalidInput):
            check_rule(bad)
    with pytest.raises(InvalidInput) as err:
        check_shares((Share(1, LEAD, 700), Share(2, ASSISTANT, 200)))
    assert err.value.code == "commission.shares_not_100"
    assert default_shares(1, (2, 3), 700) == (Share(1, LEAD, 700), Share(2, ASSISTANT, 150),
                                              Share(3, ASSISTANT, 150))


def test_a_correction_after_a_settled_month_lands_in_the_next_open_month():
    settled = frozenset({(2026, 11), (2026, 12)})
    assert booking_month(date(2026, 11, 30), settled) == (2027, 1)
    assert booking_month(date(2027, 1, 3), settled) == (2027, 1)


lines = st.lists(st.tuples(st.sampled_from(["colour", "cut", "perm"]), st.booleans(), st.booleans(),
                           st.integers(0, 1_000_000), st.integers(1, 999)), min_size=1, max_size=5)


@given(lines)
def test_a_sale_refunded_in_full_nets_to_zero(sale):
    rules = (COLOUR, Rule(2, 1, SERVICE, date(2026, 1, 1), category="perm", fee_fen=2500),
             Rule(3, 1, SERVICE, date(2026, 1, 1), designated_permille=99, rotation_permille=61, prepaid_permille=33))
    rows, back = [], []
    for category, designated, prepaid, base, lead in sale:
        shares = (Share(1, LEAD, lead), Share(2, ASSISTANT, 1000 - lead)) if lead < 1000 else (Share(1, LEAD, 1000),)
        got = line_commission(CommissionLine(SERVICE, category, designated, 1, base, prepaid), shares, rules, DAY,
                              LEVELS)
        rows += got
        back += reversal(got)
    assert sum(r.amount_fen for r in rows) + sum(r.amount_fen for r in back) == 0
    assert all(r.amount_fen >= 0 for r in rows)


def test_the_level_in_force_is_the_latest_set_on_or_before_the_day():
    from salon_desk.commission import level_from_history
    history = ((date(2026, 1, 1), "助理"), (date(2026, 6, 1), "发型师"), (date(2026, 6, 1), "总监"))
    assert level_from_history(history, date(2025, 12, 31)) is None
    assert level_from_history(history, date(2026, 5, 31)) == "助理"
    assert level_from_history(history, date(2026, 6, 1)) == "总监"      # set later the same day: it wins


def test_a_product_or_card_sale_is_paid_its_one_rate_designated_or_not():
    rule = Rule(1, 1, CARD_SALE, date(2026, 1, 1), designated_permille=30, rotation_permille=0)
    line = CommissionLine(CARD_SALE, "package", False, 1, 200_000)
    [a] = line_commission(line, (Share(1, LEAD, 1000),), (rule,), DAY, LEVELS)
    assert (a.rate_permille, a.amount_fen) == (30, 6_000)          # ¥2,000 × 3% = ¥60.00
