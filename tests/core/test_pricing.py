"""The one pricing function: tier discount per line, birthday service, points, earning."""

import pytest

from salon_desk.errors import InvalidInput
from salon_desk.pricing import LineInput, PointsRules, PricingInput, price_sale

CUT = LineInput(1, "service", 26800)            # 精剪 ¥268
CARE = LineInput(2, "service", 12800)           # 洗护 ¥128
WCB = LineInput(3, "service", 6800)             # 洗剪吹 ¥68
DYE = LineInput(4, "service", 38800)            # 染发 ¥388
PROMO = LineInput(5, "service", 19900, member_discount=False)   # 套餐 ¥199, no member discount


def test_gold_member_cut_and_wash_with_300_points():
    # Gold pays 80%: 268 x 0.8 = 214.40; 128 x 0.8 = 102.40; subtotal 316.80
    # 300 points = ¥3.00 off -> due 313.80; earns floor(313.80) = 313 points
    sale = price_sale(PricingInput((CUT, CARE), member_rate_permille=800, points_to_redeem=300,
                                   points_balance=1000, earns_points=True))
    assert [l.amount_fen for l in sale.lines] == [21440, 10240]
    assert [l.member_discount_fen for l in sale.lines] == [5360, 2560]
    assert sale.list_total_fen == 39600
    assert sale.member_discount_fen == 7920          # 5360 + 2560
    assert sale.subtotal_fen == 31680
    assert sale.points_redeemed == 300
    assert sale.points_discount_fen == 300
    assert sale.amount_due_fen == 31380
    assert sale.points_earned == 313
    # the ¥3.00 spread by line amount: 203.03 -> 203 and 96.97 -> 97 (largest remainder)
    assert [l.points_share_fen for l in sale.lines] == [203, 97]
    assert [l.paid_fen for l in sale.lines] == [21237, 10143]   # 21440-203, 10240-97
    assert sum(l.paid_fen for l in sale.lines) == sale.amount_due_fen


def test_each_line_is_rounded_on_its_own_and_the_total_is_their_sum():
    # Silver 8.5折: 洗剪吹 68 x 0.85 = 57.80 exactly;
    # a ¥12.90 product: 1096.5 fen -> 1097; three of them as one line: 38.70 x 0.85 = 3289.5 -> 3290
    # (rounding each unit would give 3 x 1097 = 3291: the line, not the unit, is rounded)
    lines = (WCB, LineInput(6, "product", 1290), LineInput(7, "product", 1290, quantity=3))
    sale = price_sale(PricingInput(lines, member_rate_permille=850, earns_points=True))
    assert [l.amount_fen for l in sale.lines] == [5780, 1097, 3290]
    assert sale.subtotal_fen == 5780 + 1097 + 3290 == 10167
    assert sale.amount_due_fen == 10167
    assert sale.points_earned == 101                  # floor(101.67)


def test_regular_member_nine_tenths_hits_half_a_fen():
    # 9折 of ¥12.45 = 1120.5 fen -> 1121; 9折 of ¥68 = 61.20
    sale = price_sale(PricingInput((LineInput(1, "product", 1245), WCB), member_rate_permille=900))
    assert [l.amount_fen for l in sale.lines] == [1121, 6120]
    assert sale.amount_due_fen == 7241


def test_items_without_the_member_discount_stay_full_price():
    # Diamond 7.5折: 洗剪吹 68 x 0.75 = 51.00; the promo package stays ¥199.00
    sale = price_sale(PricingInput((WCB, PROMO), member_rate_permille=750, earns_points=True))
    assert [(l.rate_permille, l.amount_fen) for l in sale.lines] == [(750, 5100), (1000, 19900)]
    assert sale.member_discount_fen == 1700          # only on 洗剪吹: 6800 - 5100
    assert sale.amount_due_fen == 25000
    assert sale.points_earned == 250


def test_a_non_member_pays_list_price_and_earns_nothing():
    sale = price_sale(PricingInput((CUT, DYE)))
    assert sale.amount_due_fen == 26800 + 38800 == 65600
    assert sale.member_discount_fen == 0
    assert sale.points_earned == 0
    assert [l.rate_permille for l in sale.lines] == [1000, 1000]


def test_birthday_free_service_is_capped():
    # Gold: 染发 388 x 0.8 = 310.40; the free service covers up to ¥300 -> ¥10.40 left to pay
    sale = price_sale(PricingInput((DYE,), member_rate_permille=800, birthday_line=4,
                                   birthday_cap_fen=30000, earns_points=True, birthday_double_points=True))
    line = sale.lines[0]
    assert (line.member_discount_fen, line.birthday_discount_fen, line.amount_fen) == (7760, 30000, 1040)
    assert sale.birthday_discount_fen == 30000
    assert sale.amount_due_fen == 1040
    assert sale.points_earned == 20                  # floor(10.40) = 10, doubled on the birthday
    assert (sale.points_earned_base, sale.points_birthday_bonus) == (10, 10)


def test_birthday_free_service_under_the_cap_is_entirely_free():
    # Gold: 精剪 268 x 0.8 = 214.40 < ¥300 -> free; 洗护 102.40 is paid
    sale = price_sale(PricingInput((CUT, CARE), member_rate_permille=800, birthday_line=1,
                                   birthday_cap_fen=30000, earns_points=True))
    assert [l.amount_fen for l in sale.lines] == [0, 10240]
    assert sale.birthday_discount_fen == 21440
    assert sale.amount_due_fen == 10240
    assert sale.points_earned == 102


def test_birthday_double_points():
    # due 313.80 -> 313 points, doubled -> 626
    sale = price_sale(PricingInput((CUT, CARE), member_rate_permille=800, points_to_redeem=300,
                                   points_balance=300, earns_points=True, birthday_double_points=True))
    assert sale.points_earned == 626
    assert (sale.points_earned_base, sale.points_birthday_bonus) == (313, 313)


def test_a_gold_member_on_her_birthday():
    # Gold 8折 on her birthday (Gold doubles birthday points): 精剪 268 x 0.8 = 214.40,
    # 洗护 128 x 0.8 = 102.40 made free by the birthday service (under the ¥300 cap).
    # Subtotal 214.40; 500 points (¥5.00, under the 50% cap of 107.20) -> due 209.40.
    # Earns floor(209.40) = 209 points, and 209 more as the birthday bonus: 418 in all.
    sale = price_sale(PricingInput((CUT, CARE), member_rate_permille=800, birthday_line=2,
                                   birthday_cap_fen=30000, points_to_redeem=500, points_balance=2000,
                                   earns_points=True, birthday_double_points=True))
    assert [(l.amount_fen, l.birthday_discount_fen, l.points_share_fen) for l in sale.lines] == [
        (21440, 0, 500), (0, 10240, 0)]
    assert sale.amount_due_fen == 20940
    assert sale.points_earned_base == 209
    assert sale.points_birthday_bonus == 209
    assert sale.points_earned == 418


def test_a_birthday_without_double_points_earns_no_bonus():
    # Regular 9折 on her birthday (Regular does not double): 洗剪吹 68 x 0.9 = 61.20 -> 61 points
    sale = price_sale(PricingInput((WCB,), member_rate_permille=900, earns_points=True,
                                   birthday_double_points=False))
    assert (sale.points_earned_base, sale.points_birthday_bonus, sale.points_earned) == (61, 0, 61)


def test_a_non_member_earns_neither_base_nor_bonus():
    # a birthday flag without membership earns nothing: 精剪 at list price ¥268
    sale = price_sale(PricingInput((CUT,), birthday_double_points=True, earns_points=False))
    assert (sale.points_earned_base, sale.points_birthday_bonus, sale.points_earned) == (0, 0, 0)


def test_the_birthday_bonus_follows_the_earning_rate():
    # 2 points per yuan: ¥68 due -> 136 points, doubled: 136 more
    sale = price_sale(PricingInput((WCB,), earns_points=True, birthday_double_points=True,
                                   rules=PointsRules(earn_per_yuan=2)))
    assert (sale.points_earned_base, sale.points_birthday_bonus) == (136, 136)


def test_points_cap_is_half_of_the_discounted_amount():
    # subtotal 316.80 -> at most 50% = 158.40 = 15840 points, even with a bigger balance
    data = dict(lines=(CUT, CARE), member_rate_permille=800, points_balance=20000, earns_points=True)
    assert price_sale(PricingInput(**data)).max_points_redeemable == 15840
    full = price_sale(PricingInput(**data, points_to_redeem=15840))
    assert full.amount_due_fen == 15840             # 31680 - 15840
    assert full.points_earned == 158
    with pytest.raises(InvalidInput) as err:
        price_sale(PricingInput(**data, points_to_redeem=15841))
    assert err.value.code == "points.over_cap"
    assert err.value.params == {"points": 15841, "limit": 15840}


def test_points_cannot_exceed_the_balance():
    with pytest.raises(InvalidInput) as err:
        price_sale(PricingInput((CUT, CARE), member_rate_permille=800, points_to_redeem=1001,
                                points_balance=1000))
    assert err.value.code == "points.over_balance"
    assert err.value.params == {"points": 1001, "balance": 1000}


def test_max_redeemable_is_limited_by_the_balance():
    sale = price_sale(PricingInput((CUT,), member_rate_permille=800, points_balance=1234))
    assert sale.max_points_redeemable == 1234        # cap would be 10720


def test_points_rate_setting_changes_the_value_of_a_point():
    # 50 points = ¥1: 1000 points take ¥20.00 off ¥68 -> ¥48.00, earn 2 per yuan -> 96
    rules = PointsRules(per_yuan_redeemed=50, redeem_cap_permille=500, earn_per_yuan=2)
    sale = price_sale(PricingInput((WCB,), points_to_redeem=1000, points_balance=5000, earns_points=True,
                                   rules=rules))
    assert sale.points_discount_fen == 2000
    assert sale.amount_due_fen == 4800
    assert sale.points_earned == 96


def test_birthday_line_must_be_a_service_in_the_sale():
    with pytest.raises(InvalidInput) as err:
        price_sale(PricingInput((CUT,), birthday_line=99, birthday_cap_fen=30000))
    assert (err.value.code, err.value.params) == ("birthday.line_not_in_sale", {"line": 99})
    with pytest.raises(InvalidInput) as err:
        price_sale(PricingInput((LineInput(6, "product", 12900),), birthday_line=6, birthday_cap_fen=30000))
    assert err.value.code == "birthday.not_a_service"


@pytest.mark.parametrize("line, code, params", [
    (LineInput(1, "product", 1000, quantity=0), "line.bad_quantity", {"quantity": 0}),
    (LineInput(1, "service", -1), "line.bad_price", {"price": -1}),
])
def test_impossible_lines(line, code, params):
    with pytest.raises(InvalidInput) as err:
        price_sale(PricingInput((line,)))
    assert (err.value.code, err.value.params) == (code, params)
