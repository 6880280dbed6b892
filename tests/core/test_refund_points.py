"""Points on a refund: redeemed points given back by points share, earned points taken back by
amount (floor), the last refund takes what is left, so one-by-one equals all-at-once."""

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_desk.points import redeem_step
from salon_desk.pricing import LineInput, PointsRules, PricingInput, price_sale
from salon_desk.refund_points import RefundPoints, refund_points

# The Gold sale of test_pricing: 精剪 ¥214.40 (points share 203, paid 212.37) and
# 洗护 ¥102.40 (share 97, paid 101.43); 300 points = ¥3.00 redeemed; due ¥313.80; 313 points earned.
GOLD = dict(redeemed=300, earned=313, points_discount_fen=300, amount_due_fen=31380)


def test_refunding_the_whole_sale_at_once_reverses_everything():
    assert refund_points(**GOLD, refunded_points_share_fen=300, refunded_amount_fen=31380,
                         already_returned=0, already_taken_back=0, is_last=True) == RefundPoints(300, 313)


def test_refunding_the_wash_then_the_cut():
    # 洗护 first: 300 x 97/300 = 97 points back; 313 x 10143/31380 = 101.17 -> 101 taken back
    wash = refund_points(**GOLD, refunded_points_share_fen=97, refunded_amount_fen=10143,
                         already_returned=0, already_taken_back=0, is_last=False)
    assert wash == RefundPoints(returned=97, taken_back=101)
    # 精剪 last: what is left, 300 - 97 = 203 back and 313 - 101 = 212 taken back
    cut = refund_points(**GOLD, refunded_points_share_fen=203, refunded_amount_fen=21237,
                        already_returned=97, already_taken_back=101, is_last=True)
    assert cut == RefundPoints(returned=203, taken_back=212)
    assert (wash.returned + cut.returned, wash.taken_back + cut.taken_back) == (300, 313)


def test_refunding_the_cut_then_the_wash():
    # 精剪 first: 203 back; 313 x 21237/31380 = 211.83 -> 211 taken back (floor, not rounded)
    cut = refund_points(**GOLD, refunded_points_share_fen=203, refunded_amount_fen=21237,
                        already_returned=0, already_taken_back=0, is_last=False)
    assert cut == RefundPoints(203, 211)
    # 洗护 last: 300 - 203 = 97 and 313 - 211 = 102
    wash = refund_points(**GOLD, refunded_points_share_fen=97, refunded_amount_fen=10143,
                         already_returned=203, already_taken_back=211, is_last=True)
    assert wash == RefundPoints(97, 102)


def test_three_lines_refunded_one_by_one():
    # Gold: 精剪 214.40, 洗护 102.40, 洗剪吹 54.40 = 371.20; 500 points = ¥5.00 spread
    # 288.79 / 137.93 / 73.28 -> floors 288, 137, 73 (498), the 2 fen left to .93 and .79:
    # shares 289, 138, 73; paid 211.51, 101.02, 53.67; due 366.20; earned 366
    priced = price_sale(PricingInput((LineInput(1, "service", 26800), LineInput(2, "service", 12800),
                                      LineInput(3, "service", 6800)), member_rate_permille=800,
                                     points_to_redeem=500, points_balance=1000, earns_points=True))
    assert [(l.points_share_fen, l.paid_fen) for l in priced.lines] == [(289, 21151), (138, 10102), (73, 5367)]
    assert (priced.amount_due_fen, priced.points_earned) == (36620, 366)
    sale = dict(redeemed=500, earned=366, points_discount_fen=500, amount_due_fen=36620)
    # 洗剪吹: 73 back; 366 x 5367/36620 = 53.64 -> 53 taken
    first = refund_points(**sale, refunded_points_share_fen=73, refunded_amount_fen=5367,
                          already_returned=0, already_taken_back=0, is_last=False)
    assert first == RefundPoints(73, 53)
    # 洗护: 138 back; 366 x 10102/36620 = 100.96 -> 100 taken
    second = refund_points(**sale, refunded_points_share_fen=138, refunded_amount_fen=10102,
                           already_returned=73, already_taken_back=53, is_last=False)
    assert second == RefundPoints(138, 100)
    # 精剪 last: 500 - 73 - 138 = 289 back; 366 - 53 - 100 = 213 taken
    # (its own proportion would be 366 x 21151/36620 = 211.40: the last refund carries the floors)
    last = refund_points(**sale, refunded_points_share_fen=289, refunded_amount_fen=21151,
                         already_returned=211, already_taken_back=153, is_last=True)
    assert last == RefundPoints(289, 213)


def test_points_worth_two_fen_each():
    # 50 points to the yuan: 300 points took ¥6.00 off; a line holding 401 fen of it gives back
    # 300 x 401/600 = 200.5 -> 200 points
    assert refund_points(redeemed=300, earned=0, points_discount_fen=600, amount_due_fen=10000,
                         refunded_points_share_fen=401, refunded_amount_fen=6000,
                         already_returned=0, already_taken_back=0, is_last=False) == RefundPoints(200, 0)


def test_a_birthday_double_is_taken_back_with_the_rest():
    # a Gold birthday: ¥211.40 due earns 211 + 211 bonus = 422; refunding ¥100.00 of it
    # takes back 422 x 10000/21140 = 199.62 -> 199
    assert refund_points(redeemed=0, earned=422, points_discount_fen=0, amount_due_fen=21140,
                         refunded_points_share_fen=0, refunded_amount_fen=10000,
                         already_returned=0, already_taken_back=0, is_last=False) == RefundPoints(0, 199)


def test_a_sale_of_a_non_member_or_a_free_service_moves_no_points():
    assert refund_points(redeemed=0, earned=0, points_discount_fen=0, amount_due_fen=0,
                         refunded_points_share_fen=0, refunded_amount_fen=0,
                         already_returned=0, already_taken_back=0, is_last=False) == RefundPoints(0, 0)
    assert refund_points(redeemed=0, earned=0, points_discount_fen=0, amount_due_fen=6800,
                         refunded_points_share_fen=0, refunded_amount_fen=6800,
                         already_returned=0, already_taken_back=0, is_last=True) == RefundPoints(0, 0)


def test_a_free_line_refunded_first_moves_no_points_and_the_paid_line_takes_them_all():
    # a birthday-free 洗护 (amount 0, share 0) refunded before the paid 精剪
    free = refund_points(**GOLD, refunded_points_share_fen=0, refunded_amount_fen=0,
                         already_returned=0, already_taken_back=0, is_last=False)
    assert free == RefundPoints(0, 0)
    assert refund_points(**GOLD, refunded_points_share_fen=300, refunded_amount_fen=31380,
                         already_returned=0, already_taken_back=0, is_last=True) == RefundPoints(300, 313)


@pytest.mark.parametrize("change", [
    dict(redeemed=-1), dict(refunded_amount_fen=-5),
    dict(refunded_points_share_fen=301),        # more than the sale's ¥3.00 deduction
    dict(refunded_amount_fen=31381),            # more than the sale's due
    dict(already_returned=301), dict(already_taken_back=314),
    dict(refunded_points_share_fen=300, already_returned=1),   # a part larger than what is left
])
def test_figures_no_sale_can_have_are_refused(change):
    figures = dict(GOLD, refunded_points_share_fen=97, refunded_amount_fen=10143,
                   already_returned=0, already_taken_back=0, is_last=False)
    figures.update(change)
    with pytest.raises(ValueError):
        refund_points(**figures)


# --- property: refunding lines one by one gives exactly what refunding them all at once does

LINES = st.lists(
    st.tuples(st.sampled_from(["service", "product"]), st.integers(0, 100_000), st.integers(1, 4),
              st.booleans()),
    min_size=1, max_size=7)


@st.composite
def priced_sales(draw):
    raw = draw(LINES)
    lines = tuple(LineInput(i + 1, kind, price, qty, disc) for i, (kind, price, qty, disc) in enumerate(raw))
    services = [l.key for l in lines if l.kind == "service"]
    birthday = draw(st.none() | st.sampled_from(services)) if services else None
    rules = PointsRules(per_yuan_redeemed=draw(st.sampled_from([1, 20, 50, 100, 150, 300, 1000])),
                        redeem_cap_permille=draw(st.integers(0, 1000)),
                        earn_per_yuan=draw(st.integers(0, 5)))
    base = PricingInput(lines, member_rate_permille=draw(st.sampled_from([750, 800, 850, 900, 1000])),
                        birthday_line=birthday, birthday_cap_fen=draw(st.integers(0, 30_000)),
                        points_balance=draw(st.integers(0, 1_000_000)),
                        birthday_double_points=draw(st.booleans()), earns_points=True, rules=rules)
    most = price_sale(base).max_points_redeemable
    step = redeem_step(rules.per_yuan_redeemed)
    points = draw(st.integers(0, most // step)) * step
    return price_sale(replace(base, points_to_redeem=points))


@st.composite
def sales_and_refund_order(draw):
    sale = draw(priced_sales())
    keys = draw(st.permutations([l.key for l in sale.lines]))
    # cut the order into consecutive groups: one refund per group
    cuts = sorted(draw(st.sets(st.integers(1, len(keys) - 1), max_size=len(keys) - 1))) if len(keys) > 1 else []
    bounds = [0, *cuts, len(keys)]
    groups = [keys[a:b] for a, b in zip(bounds, bounds[1:])]
    return sale, groups


@given(sales_and_refund_order())
def test_refunding_lines_one_by_one_equals_refunding_them_all_at_once(case):
    sale, groups = case
    by_key = {l.key: l for l in sale.lines}
    figures = dict(redeemed=sale.points_redeemed, earned=sale.points_earned,
                   points_discount_fen=sale.points_discount_fen, amount_due_fen=sale.amount_due_fen)
    at_once = refund_points(**figures, refunded_points_share_fen=sale.points_discount_fen,
                            refunded_amount_fen=sale.amount_due_fen, already_returned=0,
                            already_taken_back=0, is_last=True)
    assert at_once == RefundPoints(sale.points_redeemed, sale.points_earned)

    returned = taken = 0
    for n, group in enumerate(groups):
        share = sum(by_key[k].points_share_fen for k in group)
        paid = sum(by_key[k].paid_fen for k in group)
        part = refund_points(**figures, refunded_points_share_fen=share, refunded_amount_fen=paid,
                             already_returned=returned, already_taken_back=taken,
                             is_last=n == len(groups) - 1)
        assert part.returned >= 0 and part.taken_back >= 0
        if n < len(groups) - 1:
            # a part is its own proportion, floored
            assert part.returned * sale.points_discount_fen <= sale.points_redeemed * share
            assert part.taken_back * sale.amount_due_fen <= sale.points_earned * paid
        returned += part.returned
        taken += part.taken_back
    assert RefundPoints(returned, taken) == at_once
