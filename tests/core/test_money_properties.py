"""Properties of money: the one half-up rounding, and parse_yuan reading back what format_fen writes."""

import re
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from salon_desk.errors import InvalidInput
from salon_desk.money import apply_rate, format_fen, parse_yuan

AMOUNTS = st.integers(-10**12, 10**12)          # up to ¥10 billion either way


@given(AMOUNTS, st.sampled_from(["¥", "￥", ""]))
def test_parse_reads_back_what_format_writes(fen, symbol):
    assert parse_yuan(format_fen(fen, symbol=symbol)) == fen


@given(AMOUNTS)
def test_parse_reads_amounts_with_or_without_commas_and_the_yuan_sign(fen):
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(fen), 100)
    assert parse_yuan(f"{sign}{yuan}.{cents:02d}") == fen
    assert parse_yuan(f" {sign}{yuan}.{cents:02d}元 ") == fen
    if cents % 10 == 0:
        assert parse_yuan(f"{sign}{yuan}.{cents // 10}") == fen      # "12.5" is ¥12.50
    if cents == 0:
        assert parse_yuan(f"{sign}{yuan}") == fen


@given(st.integers(0, 10**9), st.text("0123456789", min_size=3, max_size=8))
def test_more_than_two_decimals_is_refused(whole, decimals):
    for text in (f"{whole}.{decimals}", f"¥{whole:,}.{decimals}", f"-{whole}.{decimals}"):
        with pytest.raises(InvalidInput) as err:
            parse_yuan(text)
        assert (err.value.code, err.value.params) == ("money.bad_amount", {"text": text})


_NOT_MONEY = st.characters(codec="ascii", exclude_characters="0123456789.,-", categories=["L", "P", "S"])


@given(AMOUNTS, st.text(_NOT_MONEY, min_size=1, max_size=3), st.integers(0, 20))
def test_a_stray_letter_or_sign_anywhere_is_refused(fen, junk, where):
    text = format_fen(fen)
    at = where % (len(text) + 1)
    garbage = text[:at] + junk + text[at:]
    with pytest.raises(InvalidInput) as err:
        parse_yuan(garbage)
    assert err.value.code == "money.bad_amount"


@given(st.text(max_size=20))
def test_anything_typed_is_either_an_amount_or_bad_amount(text):
    try:
        fen = parse_yuan(text)
    except InvalidInput as err:
        assert err.code == "money.bad_amount"
    else:
        assert isinstance(fen, int)
        # whatever was read is an amount with at most two decimals
        assert re.search(r"\.\d{3}", text) is None


@given(st.integers(1, 10**9), st.sampled_from(["-{}", "-¥{}", "¥-{}", "-￥{}元"]))
def test_negatives_are_read_as_negatives_for_the_caller_to_refuse(fen, pattern):
    # parse_yuan reads a minus sign; the counter refuses amounts <= 0 and the catalogue negative
    # prices on their own (as today), so a refund written as "-¥12.00" reads back as it was
    text = pattern.format(format_fen(fen, symbol=""))
    assert parse_yuan(text) == -fen


def _half_up(amount: int, rate: int) -> int:
    """The textbook rule: round amount x rate/1000 to the fen, halves away from zero."""
    return int((Decimal(amount) * rate / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@given(AMOUNTS, st.integers(0, 5000))
def test_apply_rate_rounds_half_up_to_the_fen(amount, rate):
    result = apply_rate(amount, rate)
    assert result == _half_up(amount, rate)
    # never more than half a fen from the exact value, and a half always goes away from zero
    exact_x2000 = 2 * amount * rate                       # the exact value, in 1/2000 fen
    assert abs(2000 * result - exact_x2000) <= 1000
    if abs(2000 * result - exact_x2000) == 1000:
        assert abs(2000 * result) > abs(exact_x2000)


@given(st.integers(0, 10**12), st.integers(0, 1000))
def test_a_discount_never_raises_a_price_nor_makes_it_negative(amount, rate):
    assert 0 <= apply_rate(amount, rate) <= amount
    assert apply_rate(amount, 1000) == amount
    assert apply_rate(-amount, rate) == -apply_rate(amount, rate)       # the mirror image


@given(st.integers(0, 10**9), st.integers(0, 10**9), st.integers(0, 1000))
def test_a_bigger_amount_never_costs_less_at_the_same_rate(a, b, rate):
    assume(a <= b)
    assert apply_rate(a, rate) <= apply_rate(b, rate)
