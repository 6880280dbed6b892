"""Properties of price_sale over random sales: the lines add up to the due, the points deduction
stays within the cap, the balance and whole redeem units, and no line is negative or above list."""

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_desk.errors import InvalidInput
from salon_desk.points import points_value_fen, redeem_step
from salon_desk.pricing import LineInput, PointsRules, PricingInput, price_sale

LINE = st.tuples(st.sampled_from(["service", "product"]), st.integers(0, 500_000), st.integers(1, 20),
                 st.booleans())


@st.composite
def sales(draw):
    """A sale as checkout builds it: rates and rules within what the settings accept."""
    raw = draw(st.lists(LINE, min_size=1, max_size=8))
    lines = tuple(LineInput(10 + i, kind, price, qty, disc) for i, (kind, price, qty, disc) in enumerate(raw))
    member = draw(st.booleans())
    services = [l.key for l in lines if l.kind == "service"]
    birthday = draw(st.none() | st.sampled_from(services)) if member and services else None
    rules = PointsRules(per_yuan_redeemed=draw(st.integers(1, 10_000)),
                        redeem_cap_permille=draw(st.integers(0, 1000)),
                        earn_per_yuan=draw(st.integers(0, 100)))
    return PricingInput(
        lines, member_rate_permille=draw(st.integers(1, 1000)) if member else None,
        birthday_line=birthday, birthday_cap_fen=draw(st.integers(0, 100_000)),
        points_balance=draw(st.integers(0, 2_000_000)) if member else 0,
        birthday_double_points=member and draw(st.booleans()), earns_points=member, rules=rules)


@st.composite
def sales_with_points(draw):
    """A sale redeeming any allowed number of points: 0 up to the most the sale can take."""
    data = draw(sales())
    most = price_sale(data).max_points_redeemable
    step = redeem_step(data.rules.per_yuan_redeemed)
    return replace(data, points_to_redeem=draw(st.integers(0, most // step)) * step)


def check_priced(data, sale):
    rules = data.rules
    # the lines add up
    assert sum(l.amount_fen for l in sale.lines) == sale.subtotal_fen
    assert sum(l.points_share_fen for l in sale.lines) == sale.points_discount_fen
    assert sum(l.paid_fen for l in sale.lines) == sale.amount_due_fen
    assert sale.amount_due_fen == sale.subtotal_fen - sale.points_discount_fen >= 0
    assert sale.list_total_fen == sale.subtotal_fen + sale.member_discount_fen + sale.birthday_discount_fen
    # the points deduction: whole redeem units, within the balance and the cap share of the discounted amount
    assert sale.points_redeemed == data.points_to_redeem
    assert sale.points_redeemed % redeem_step(rules.per_yuan_redeemed) == 0
    assert sale.points_redeemed <= data.points_balance
    assert sale.points_discount_fen == points_value_fen(sale.points_redeemed, rules.per_yuan_redeemed)
    assert sale.points_discount_fen * 1000 <= sale.subtotal_fen * rules.redeem_cap_permille
    assert sale.points_redeemed <= sale.max_points_redeemable
    # every line: nothing negative, nothing above its list amount
    for line, given_line in zip(sale.lines, data.lines):
        assert line.key == given_line.key
        assert line.list_amount_fen == given_line.unit_price_fen * given_line.quantity
        assert 0 <= line.paid_fen <= line.amount_fen <= line.list_amount_fen
        assert 0 <= line.points_share_fen
        assert line.member_discount_fen >= 0 and line.birthday_discount_fen >= 0
        assert line.amount_fen == line.list_amount_fen - line.member_discount_fen - line.birthday_discount_fen
        assert line.birthday_discount_fen <= data.birthday_cap_fen
        if line.key != data.birthday_line:
            assert line.birthday_discount_fen == 0
        if data.member_rate_permille is None or not given_line.member_discount:
            assert line.member_discount_fen == 0 and line.rate_permille == 1000
    # points earned: whole yuan paid x rate, the birthday bonus its double, members only
    base = sale.amount_due_fen // 100 * rules.earn_per_yuan if data.earns_points else 0
    assert sale.points_earned_base == base
    assert sale.points_birthday_bonus == (base if data.birthday_double_points else 0)
    assert sale.points_earned == sale.points_earned_base + sale.points_birthday_bonus


@given(sales_with_points())
def test_any_allowed_redemption_prices_consistently(data):
    check_priced(data, price_sale(data))


@given(sales(), st.integers(0, 3_000_000))
def test_any_requested_redemption_is_either_priced_within_the_rules_or_refused(data, points):
    data = replace(data, points_to_redeem=points)
    try:
        sale = price_sale(data)
    except InvalidInput as err:
        most = price_sale(replace(data, points_to_redeem=0)).max_points_redeemable
        step = redeem_step(data.rules.per_yuan_redeemed)
        assert err.code in ("points.bad_step", "points.over_balance", "points.over_cap")
        assert points % step or points > data.points_balance or points > most
    else:
        check_priced(data, sale)


@given(sales())
def test_the_most_redeemable_is_itself_allowed_and_one_step_more_is_not(data):
    most = price_sale(data).max_points_redeemable
    check_priced(replace(data, points_to_redeem=most), price_sale(replace(data, points_to_redeem=most)))
    with pytest.raises(InvalidInput):
        price_sale(replace(data, points_to_redeem=most + redeem_step(data.rules.per_yuan_redeemed)))
