"""Taking payment: split tenders, cash tendered and change, underpayment."""

import pytest

from salon_desk.errors import InvalidInput, PaymentProblem
from salon_desk.tenders import AppliedPayment, Tender, settle


def test_exact_wechat_payment():
    assert settle(31380, [Tender("wechat", 31380)]) == [AppliedPayment("wechat", 31380, None, 0)]


def test_cash_tendered_and_change():
    # due ¥313.80, customer hands over ¥400: change 400.00 - 313.80 = ¥86.20
    assert settle(31380, [Tender("cash", 40000)]) == [AppliedPayment("cash", 31380, 40000, 8620)]


def test_wechat_plus_cash_split():
    # due ¥313.80: ¥200 by WeChat, the rest ¥113.80 in cash from a ¥150 note -> change ¥36.20
    applied = settle(31380, [Tender("wechat", 20000), Tender("cash", 15000)])
    assert applied == [AppliedPayment("wechat", 20000, None, 0), AppliedPayment("cash", 11380, 15000, 3620)]
    assert sum(p.amount_fen for p in applied) == 31380


def test_several_cash_tenders_are_one_cash_payment():
    # ¥100 + ¥50 cash for ¥128 -> 12800 applied, change 15000 - 12800 = 2200
    assert settle(12800, [Tender("cash", 10000), Tender("cash", 5000)]) == [
        AppliedPayment("cash", 12800, 15000, 2200)]


def test_three_methods():
    # ¥388 = ¥100 Alipay + ¥200 card + ¥88 other
    applied = settle(38800, [Tender("alipay", 10000), Tender("card", 20000), Tender("other", 8800)])
    assert [(p.method, p.amount_fen) for p in applied] == [("alipay", 10000), ("card", 20000), ("other", 8800)]


def test_underpayment_is_refused_with_the_missing_amount():
    # due ¥313.80, ¥200 WeChat + ¥100 cash = ¥300 -> ¥13.80 missing
    with pytest.raises(PaymentProblem) as err:
        settle(31380, [Tender("wechat", 20000), Tender("cash", 10000)])
    assert err.value.code == "payment.short"
    assert err.value.params == {"due": 31380, "paid": 30000, "missing": 1380}


def test_nothing_tendered_is_short():
    with pytest.raises(PaymentProblem) as err:
        settle(6800, [])
    assert err.value.params == {"due": 6800, "paid": 0, "missing": 6800}


def test_non_cash_cannot_overpay():
    with pytest.raises(PaymentProblem) as err:
        settle(6800, [Tender("wechat", 7000)])
    assert err.value.code == "payment.overpaid_noncash"
    assert err.value.params == {"due": 6800, "paid": 7000}


def test_cash_when_card_already_covers_the_bill():
    with pytest.raises(PaymentProblem) as err:
        settle(6800, [Tender("card", 6800), Tender("cash", 1000)])
    assert err.value.code == "payment.cash_not_needed"
    assert err.value.params == {"cash": 1000}


def test_a_zero_bill_needs_no_tender():
    # a birthday free service paid entirely by the perk
    assert settle(0, []) == []


@pytest.mark.parametrize("tender, code, params", [
    (Tender("bitcoin", 100), "payment.unknown_method", {"method": "bitcoin"}),
    (Tender("cash", 0), "payment.not_positive", {"method": "cash"}),
    (Tender("wechat", -100), "payment.not_positive", {"method": "wechat"}),
])
def test_bad_tenders(tender, code, params):
    with pytest.raises(InvalidInput) as err:
        settle(100, [tender])
    assert (err.value.code, err.value.params) == (code, params)
