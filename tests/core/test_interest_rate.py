"""The interest rate the owner types for a prepaid refund: read exactly, or refused in words."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_desk.errors import InvalidInput
from salon_desk.prepaid_refunds import parse_rate_percent


def test_the_typed_interest_rate_is_read_exactly_in_basis_points():
    assert parse_rate_percent("3.45") == 345
    assert parse_rate_percent(" 3.45% ") == 345
    assert parse_rate_percent("３．４５") == 345           # typed with a Chinese input method
    assert parse_rate_percent("4") == 400 and parse_rate_percent("") == 0 and parse_rate_percent("0.05") == 5


@pytest.mark.parametrize("typed", ["3.455", "-1", "abc", "3,45", "nan", "inf", "1e-3"])
def test_a_rate_it_cannot_take_exactly_is_refused_never_rounded(typed):
    with pytest.raises(InvalidInput) as refused:
        parse_rate_percent(typed)
    assert refused.value.code == "refund.rate_not_understood" and refused.value.params["rate"] == typed


@given(st.integers(min_value=0, max_value=100_000))
def test_every_rate_of_two_decimals_reads_back_as_typed(bp):
    assert parse_rate_percent(f"{Decimal(bp) / 100:.2f}") == bp
