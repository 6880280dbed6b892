"""Points arithmetic: value, redeem cap and step, earning, yearly reset dates."""

from datetime import date

import pytest

from salon_desk.errors import InvalidInput
from salon_desk.points import (
    check_redeem,
    due_resets,
    max_redeemable,
    points_earned,
    points_value_fen,
    redeem_step,
    reset_date,
)


def test_hundred_points_are_one_yuan():
    assert points_value_fen(300, 100) == 300        # 300 points = ¥3.00
    assert points_value_fen(15840, 100) == 15840    # ¥158.40


def test_redeem_step():
    assert redeem_step(100) == 1                    # 1 point = 1 fen
    assert redeem_step(300) == 3                    # 3 points = 1 fen
    assert redeem_step(50) == 1                     # 1 point = 2 fen


def test_max_redeemable():
    # ¥316.80 after discount, 50% cap = ¥158.40 = 15840 points
    assert max_redeemable(31680, 100000, 100, 500) == 15840
    assert max_redeemable(31680, 999, 100, 500) == 999          # the balance is smaller
    assert max_redeemable(31680, -50, 100, 500) == 0            # a negative balance allows nothing
    # ¥0.03 after discount: cap 1.5 fen -> 1 fen -> 1 point
    assert max_redeemable(3, 100, 100, 500) == 1
    # 300 points = ¥1: cap 5000 fen -> 15000 points, rounded to the 3-point step
    assert max_redeemable(10000, 14000, 300, 500) == 13998


def test_check_redeem():
    check_redeem(0, 0, 0, 100, 500)                 # nothing to redeem is always fine
    check_redeem(15840, 31680, 20000, 100, 500)     # exactly at the cap
    with pytest.raises(InvalidInput) as err:
        check_redeem(-1, 31680, 100, 100, 500)
    assert err.value.code == "points.negative"
    with pytest.raises(InvalidInput) as err:
        check_redeem(301, 31680, 1000, 300, 500)
    assert (err.value.code, err.value.params) == ("points.bad_step", {"step": 3})
    with pytest.raises(InvalidInput) as err:
        check_redeem(500, 31680, 499, 100, 500)
    assert (err.value.code, err.value.params) == ("points.over_balance", {"points": 500, "balance": 499})
    with pytest.raises(InvalidInput) as err:
        check_redeem(3401, 6800, 5000, 100, 500)    # ¥68 -> cap ¥34 = 3400 points
    assert (err.value.code, err.value.params) == ("points.over_cap", {"points": 3401, "limit": 3400})


@pytest.mark.parametrize("paid, rate, doubled, expected", [
    (31380, 1, False, 313),    # ¥313.80 -> 313
    (9999, 1, False, 99),      # ¥99.99 -> 99 (floor, never rounded up)
    (99, 1, False, 0),         # less than a yuan earns nothing
    (31380, 1, True, 626),     # birthday double
    (31380, 2, False, 626),    # two points per yuan
    (-500, 1, False, 0),
])
def test_points_earned(paid, rate, doubled, expected):
    assert points_earned(paid, rate, doubled) == expected


def test_reset_date():
    assert reset_date(2027, "01-01") == date(2027, 1, 1)
    assert reset_date(2027, "03-15") == date(2027, 3, 15)


def test_due_resets_after_the_program_was_closed_on_new_year():
    since = date(2026, 11, 22)                      # the shop file was made
    # opened again on 10 February 2027: the 1 January 2027 reset is due
    assert due_resets(set(), since, date(2027, 2, 10), "01-01") == [2027]
    # once applied, it is never due again
    assert due_resets({2027}, since, date(2027, 2, 10), "01-01") == []
    # closed for over a year: both resets, oldest first
    assert due_resets(set(), since, date(2028, 3, 1), "01-01") == [2027, 2028]
    assert due_resets({2027}, since, date(2028, 3, 1), "01-01") == [2028]


def test_due_resets_edges():
    # a shop made on the reset day itself is not reset for that day
    assert due_resets(set(), date(2027, 1, 1), date(2027, 6, 1), "01-01") == []
    # the reset day itself is due
    assert due_resets(set(), date(2026, 11, 22), date(2027, 1, 1), "01-01") == [2027]
    assert due_resets(set(), date(2026, 11, 22), date(2026, 12, 31), "01-01") == []
