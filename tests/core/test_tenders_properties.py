"""Properties of settle: payments equal the due, change only on cash, underpayment refused,
only cash may overpay."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salon_desk.errors import PaymentProblem
from salon_desk.tenders import Tender, settle

NON_CASH = ("wechat", "alipay", "card", "other")
DUE = st.integers(0, 10_000_000)
TENDERS = st.lists(st.builds(Tender, st.sampled_from(("cash",) + NON_CASH), st.integers(1, 2_000_000)),
                   max_size=6)


def check_settled(due, tenders, applied):
    assert sum(p.amount_fen for p in applied) == due
    cash_in = sum(t.amount_fen for t in tenders if t.method == "cash")
    for p in applied:
        assert p.amount_fen > 0
        if p.method == "cash":
            # all the cash is one payment: what it pays plus the change is what was handed over
            assert p.tendered_fen == cash_in
            assert p.change_fen == cash_in - p.amount_fen >= 0
        else:
            assert (p.tendered_fen, p.change_fen) == (None, 0)
    assert [(p.method, p.amount_fen) for p in applied if p.method != "cash"] == [
        (t.method, t.amount_fen) for t in tenders if t.method != "cash"]
    assert sum(1 for p in applied if p.method == "cash") == (1 if cash_in else 0)


@given(DUE, TENDERS)
def test_any_tenders_are_settled_exactly_or_refused_for_a_reason(due, tenders):
    cash = sum(t.amount_fen for t in tenders if t.method == "cash")
    other = sum(t.amount_fen for t in tenders if t.method != "cash")
    try:
        applied = settle(due, tenders)
    except PaymentProblem as err:
        if err.code == "payment.short":
            assert cash + other < due
            assert err.params == {"due": due, "paid": cash + other, "missing": due - cash - other}
        elif err.code == "payment.overpaid_noncash":
            assert other > due
        else:
            assert err.code == "payment.cash_not_needed"
            assert cash > 0 and other == due
    else:
        assert other <= due <= cash + other
        assert not (cash and other == due)
        check_settled(due, tenders, applied)


@st.composite
def exact_non_cash_and_cash_with_change(draw):
    """A payment that works: some of the due by phone or card, the rest in cash, maybe over."""
    due = draw(st.integers(1, 10_000_000))
    non_cash_total = draw(st.integers(0, due))
    parts = sorted(draw(st.lists(st.integers(1, max(non_cash_total - 1, 1)), max_size=3, unique=True)))
    cuts = [p for p in parts if 0 < p < non_cash_total]
    amounts = [b - a for a, b in zip([0, *cuts], [*cuts, non_cash_total])] if non_cash_total else []
    tenders = [Tender(draw(st.sampled_from(NON_CASH)), a) for a in amounts]
    cash_needed = due - non_cash_total
    if cash_needed:
        handed = cash_needed + draw(st.integers(0, 100_000))
        split = draw(st.integers(1, handed))
        notes = [split, handed - split] if split < handed else [handed]
        tenders += [Tender("cash", n) for n in notes]
    return due, draw(st.permutations(tenders))


@given(exact_non_cash_and_cash_with_change())
def test_a_covering_payment_is_settled_with_change_only_on_cash(case):
    due, tenders = case
    applied = settle(due, tenders)
    check_settled(due, tenders, applied)
    cash_in = sum(t.amount_fen for t in tenders if t.method == "cash")
    other = sum(t.amount_fen for t in tenders if t.method != "cash")
    assert sum(p.change_fen for p in applied) == cash_in + other - due


@given(TENDERS, st.integers(1, 10_000_000))
def test_underpayment_is_always_refused(tenders, short_by):
    total = sum(t.amount_fen for t in tenders)
    with pytest.raises(PaymentProblem) as err:
        settle(total + short_by, tenders)
    assert err.value.code == "payment.short"
    assert err.value.params == {"due": total + short_by, "paid": total, "missing": short_by}


NON_CASH_TENDERS = st.lists(st.builds(Tender, st.sampled_from(NON_CASH), st.integers(1, 2_000_000)),
                            min_size=1, max_size=4)


@given(NON_CASH_TENDERS, st.data())
def test_only_cash_can_overpay(tenders, data):
    total = sum(t.amount_fen for t in tenders)
    due = data.draw(st.integers(0, total - 1))
    with pytest.raises(PaymentProblem) as err:
        settle(due, tenders)
    assert err.value.code == "payment.overpaid_noncash"
    assert err.value.params == {"due": due, "paid": total}
    # the same overpayment in cash is change
    cash = [Tender("cash", t.amount_fen) for t in tenders]
    if due:
        applied = settle(due, cash)
        assert [(p.method, p.amount_fen, p.change_fen) for p in applied] == [("cash", due, total - due)]


@given(NON_CASH_TENDERS)
def test_exact_non_cash_gives_no_change(tenders):
    total = sum(t.amount_fen for t in tenders)
    applied = settle(total, tenders)
    assert sum(p.change_fen for p in applied) == 0
    assert all(p.tendered_fen is None for p in applied)
