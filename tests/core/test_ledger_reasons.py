"""System reasons are codes the window and the printouts translate; typed reasons stay as typed."""

import pytest

from salon_desk.ledger_reasons import LAPSED, YEARLY_RESET, parse_reason, system_reason


def test_round_trip_with_and_without_a_parameter():
    assert system_reason(YEARLY_RESET, 2027) == "sys:yearly_reset:2027"
    assert parse_reason("sys:yearly_reset:2027") == ("yearly_reset", "2027")
    assert parse_reason(system_reason(LAPSED)) == ("lapsed", None)


def test_a_typed_reason_is_not_a_code():
    assert parse_reason("纸质会员卡积分转入") is None
    assert parse_reason("") is None


def test_unknown_codes_are_refused():
    with pytest.raises(ValueError):
        system_reason("something_else")
