"""The stored-value card as a tender: never more than its balance, never change."""

import pytest

from salon_desk.errors import PaymentProblem
from salon_desk.tenders import METHODS, STORED_VALUE, AppliedPayment, Tender, settle


def test_the_card_is_one_of_the_tenders():
    assert STORED_VALUE in METHODS


def test_card_plus_wechat_split():
    # due ¥313.80: ¥220 from the card (balance ¥1,100), ¥93.80 by WeChat
    applied = settle(31_380, [Tender(STORED_VALUE, 22_000), Tender("wechat", 9_380)], card_balance_fen=110_000)
    assert applied == [AppliedPayment(STORED_VALUE, 22_000, None, 0), AppliedPayment("wechat", 9_380, None, 0)]


def test_the_whole_balance_may_pay_and_cash_covers_the_rest_with_change():
    applied = settle(31_380, [Tender(STORED_VALUE, 30_000), Tender("cash", 5_000)], card_balance_fen=30_000)
    assert applied == [AppliedPayment(STORED_VALUE, 30_000, None, 0), AppliedPayment("cash", 1_380, 5_000, 3_620)]


def test_paying_more_from_the_card_than_its_balance_is_refused():
    with pytest.raises(PaymentProblem) as err:
        settle(31_380, [Tender(STORED_VALUE, 22_000), Tender("wechat", 9_380)], card_balance_fen=21_999)
    assert err.value.code == "payment.over_card_balance"
    assert err.value.params == {"paid": 22_000, "balance": 21_999}


def test_two_card_tenders_count_together_against_the_balance():
    with pytest.raises(PaymentProblem) as err:
        settle(31_380, [Tender(STORED_VALUE, 10_000), Tender(STORED_VALUE, 10_000)], card_balance_fen=15_000)
    assert err.value.params == {"paid": 20_000, "balance": 15_000}


def test_without_a_card_balance_the_card_cannot_pay():
    with pytest.raises(PaymentProblem) as err:
        settle(6_800, [Tender(STORED_VALUE, 6_800)])
    assert err.value.code == "payment.over_card_balance"


def test_the_card_never_gives_change():
    with pytest.raises(PaymentProblem) as err:
        settle(6_800, [Tender(STORED_VALUE, 7_000)], card_balance_fen=110_000)
    assert err.value.code == "payment.overpaid_noncash"
