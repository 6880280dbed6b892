"""Money in fen: the one half-up rounding rule, display, parsing, proportional splits."""

import pytest

from salon_desk.errors import InvalidInput
from salon_desk.money import (
    apply_rate,
    format_fen,
    format_rate,
    parse_yuan,
    split_proportionally,
)


@pytest.mark.parametrize("amount, rate, expected", [
    (6800, 850, 5780),     # 8.5折 of ¥68: 6800 x 0.85 = 5780.0 -> ¥57.80 exactly
    (26800, 800, 21440),   # 8折 of ¥268 = ¥214.40
    (12800, 900, 11520),   # 9折 of ¥128 = ¥115.20
    (1290, 850, 1097),     # 8.5折 of ¥12.90: 1096.5 fen -> half-up -> 1097
    (1245, 900, 1121),     # 9折 of ¥12.45: 1120.5 fen -> 1121
    (2690, 750, 2018),     # 7.5折 of ¥26.90: 2017.5 fen -> 2018
    (3870, 850, 3290),     # 8.5折 of ¥38.70: 3289.5 fen -> 3290
    (101, 850, 86),        # 85.85 -> 86
    (3, 750, 2),           # 2.25 -> 2 (below half goes down)
    (2, 750, 2),           # 1.5 -> 2 (exactly half goes up)
    (6, 900, 5),           # 5.4 -> 5
    (38800, 1000, 38800),  # full rate leaves the amount alone
    (0, 850, 0),
])
def test_apply_rate_rounds_half_up_to_the_fen(amount, rate, expected):
    assert apply_rate(amount, rate) == expected


def test_negative_amounts_round_half_away_from_zero():
    # -1290 x 0.85 = -1096.5 -> -1097, the mirror of the positive case
    assert apply_rate(-1290, 850) == -1097
    assert apply_rate(-3, 750) == -2


def test_a_negative_rate_is_refused():
    with pytest.raises(InvalidInput) as err:
        apply_rate(100, -1)
    assert err.value.code == "money.bad_rate"
    assert err.value.params == {"rate": -1}


@pytest.mark.parametrize("fen, text", [
    (123450, "¥1,234.50"), (5780, "¥57.80"), (5, "¥0.05"), (0, "¥0.00"),
    (-1200, "-¥12.00"), (123456789, "¥1,234,567.89"),
])
def test_format_fen(fen, text):
    assert format_fen(fen) == text


def test_format_fen_with_the_full_width_symbol_for_thermal_printers():
    assert format_fen(31380, symbol="￥") == "￥313.80"


@pytest.mark.parametrize("rate, text", [(850, "8.5折"), (900, "9折"), (800, "8折"), (750, "7.5折"),
                                        (1000, "")])
def test_format_rate(rate, text):
    assert format_rate(rate) == text


@pytest.mark.parametrize("text, fen", [
    ("1,234.5", 123450), ("¥68", 6800), ("￥313.80", 31380), ("68元", 6800), (".5", 50),
    ("0.05", 5), ("-12", -1200), (" 268 ", 26800),
    ("-¥12.00", -1200), ("¥-12", -1200),           # a refund as format_fen writes it, or typed
])
def test_parse_yuan(text, fen):
    assert parse_yuan(text) == fen


@pytest.mark.parametrize("text", ["", "abc", "1.234", "1,23", "¥", ".", "--12", "-¥-12", "-¥", "12-"])
def test_parse_yuan_refuses_what_is_not_an_amount(text):
    with pytest.raises(InvalidInput) as err:
        parse_yuan(text)
    assert err.value.code == "money.bad_amount"
    assert err.value.params == {"text": text}


def test_split_proportionally_by_largest_remainder():
    # ¥3.00 of points over lines of ¥214.40 and ¥102.40 (sum 316.80):
    # 300 x 21440 / 31680 = 203.03 -> 203; 300 x 10240 / 31680 = 96.97 -> 96;
    # one fen left goes to the larger remainder (.97): [203, 97]
    assert split_proportionally(300, [21440, 10240]) == [203, 97]


def test_split_proportionally_always_sums_to_the_total():
    # 100 over three equal lines: 33 each, the fen left goes to the first (ties by position)
    assert split_proportionally(100, [500, 500, 500]) == [34, 33, 33]
    assert split_proportionally(0, [500, 500]) == [0, 0]
    assert split_proportionally(100, [0, 0]) == [0, 0]
    # a free line (weight 0) gets no share
    assert split_proportionally(1000, [0, 3000, 1000]) == [0, 750, 250]
