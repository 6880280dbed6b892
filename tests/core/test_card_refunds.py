"""Refund of a card's unused balance in the three modes of 法释〔2025〕4号, with the working shown."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salon_desk.errors import Conflict, InvalidInput
from salon_desk.money import scale
from salon_desk.prepaid_refunds import (
    LINE_BONUS_WRITTEN_OFF, LINE_COMMISSION_NOT_DEDUCTED, LINE_INTEREST, InterestTerms, RefundMode,
    parse_mode, simple_interest, within_cooling_off,
)
from salon_desk.stored_value import (
    LINE_ALREADY_DRAWN, LINE_PAID, LINE_PAID_IN_WINDOW, LINE_USED_AT_CHARGED, LINE_USED_AT_LIST, Balance,
    CardLimits, LedgerEntry, balance_of, card_refund, check_ledger, closing_entries, draw, last_topup_on,
    plan_topup, spend_entry, topup_entries,
)

MAY_1 = date(2026, 5, 1)


def top_up(rows: list[LedgerEntry], pay_fen: int, on: date) -> None:
    rows += topup_entries(plan_topup(balance_of(rows), pay_fen, "wechat"), on)


def spend(rows: list[LedgerEntry], amount_fen: int, list_fen: int, on: date) -> None:
    balance = balance_of(rows)
    rows.append(spend_entry(balance, draw(balance, amount_fen), on, list_fen=list_fen))


def card_1000_100_with_440_used() -> list[LedgerEntry]:
    """充1000送100, then ¥440 drawn for services whose list price was ¥520."""
    rows: list[LedgerEntry] = []
    top_up(rows, 100_000, MAY_1)
    spend(rows, 26_400, 32_000, date(2026, 5, 3))     # ¥264 for a ¥320 dye
    spend(rows, 17_600, 20_000, date(2026, 5, 4))     # ¥176 for a ¥200 facial
    return rows


def amounts(statement):
    return [(line.code, line.amount_fen) for line in statement.lines]


def test_the_440_drawn_took_400_principal_and_40_bonus():
    assert balance_of(card_1000_100_with_440_used()) == Balance(60_000, 6_000)


def test_shop_at_fault_values_the_used_services_at_the_price_charged_with_the_bonus_shared_out():
    # ¥1,000 - ¥440 x 1000/1100 = ¥1,000 - ¥400 = ¥600.00, before interest
    refund = card_refund(card_1000_100_with_440_used(), RefundMode.SHOP_AT_FAULT, date(2026, 6, 1))
    s = refund.statement
    assert amounts(s) == [(LINE_PAID, 100_000), (LINE_USED_AT_CHARGED, -40_000), (LINE_INTEREST, 0),
                          (LINE_BONUS_WRITTEN_OFF, 0), (LINE_COMMISSION_NOT_DEDUCTED, 0)]
    assert s.lines[1].detail == (("charged", 44_000), ("paid", 100_000), ("bonus", 10_000))
    assert (s.refund_fen, s.interest_fen, s.total_fen) == (60_000, 0, 60_000)
    assert s.lines[3].value("bonus") == 6_000                  # the ¥60 bonus left is written off
    assert (refund.principal_off_fen, refund.bonus_off_fen) == (60_000, 6_000)


def test_customers_choice_values_the_used_services_at_list_price():
    # ¥1,000 - ¥520 = ¥480.00, before interest
    s = card_refund(card_1000_100_with_440_used(), RefundMode.CUSTOMER_CHOICE, date(2026, 6, 1)).statement
    assert amounts(s)[:2] == [(LINE_PAID, 100_000), (LINE_USED_AT_LIST, -52_000)]
    assert s.lines[1].detail == (("list", 52_000), ("capped", 0))
    assert s.total_fen == 48_000


def test_an_untouched_card_within_7_days_gives_back_the_principal():
    rows: list[LedgerEntry] = []
    top_up(rows, 100_000, MAY_1)
    refund = card_refund(rows, RefundMode.COOLING_OFF, date(2026, 5, 8))   # the 7th day after paying
    assert refund.statement.total_fen == 100_000
    assert amounts(refund.statement) == [(LINE_PAID_IN_WINDOW, 100_000), (LINE_ALREADY_DRAWN, 0),
                                         (LINE_BONUS_WRITTEN_OFF, 0), (LINE_COMMISSION_NOT_DEDUCTED, 0)]
    assert (refund.principal_off_fen, refund.bonus_off_fen) == (100_000, 10_000)


def test_a_card_partly_used_within_7_days_gets_its_principal_left_back_without_interest():
    # ¥440 drew ¥400 principal: ¥1,000 - ¥400 = ¥600.00; the ¥60 bonus left is written off
    refund = card_refund(card_1000_100_with_440_used(), RefundMode.COOLING_OFF, date(2026, 5, 5))
    assert amounts(refund.statement)[:2] == [(LINE_PAID_IN_WINDOW, 100_000), (LINE_ALREADY_DRAWN, -40_000)]
    assert refund.statement.total_fen == 60_000 and refund.statement.interest_fen == 0
    assert refund.bonus_off_fen == 6_000


def test_after_7_days_the_cooling_off_mode_is_refused():
    with pytest.raises(Conflict) as err:
        card_refund(card_1000_100_with_440_used(), RefundMode.COOLING_OFF, date(2026, 5, 9))
    assert err.value.code == "card.cooling_off_over"
    assert within_cooling_off(MAY_1, date(2026, 5, 8)) and not within_cooling_off(MAY_1, date(2026, 5, 9))


def test_cooling_off_pays_back_only_the_recent_top_up_and_the_older_money_stays():
    rows: list[LedgerEntry] = []
    top_up(rows, 50_000, date(2026, 3, 1))                     # ¥500, no bonus
    spend(rows, 20_000, 20_000, date(2026, 3, 2))              # ¥300 left
    top_up(rows, 100_000, MAY_1)                               # + ¥1,000 + ¥100
    refund = card_refund(rows, RefundMode.COOLING_OFF, date(2026, 5, 2))
    assert refund.statement.total_fen == 100_000
    rows += closing_entries(balance_of(rows), refund, date(2026, 5, 2), "changed her mind")
    assert balance_of(rows) == Balance(30_000, 0)
    # the same top-up cannot be paid back twice: the rest is older money
    with pytest.raises(Conflict):
        card_refund(rows, RefundMode.COOLING_OFF, date(2026, 5, 2))


def test_interest_is_simple_by_days_at_the_rate_entered():
    # ¥600 at 3.45% a year for 146 days: 60000 x 0.0345 x 146/365 = 828 fen = ¥8.28
    terms = InterestTerms(345, MAY_1, date(2026, 9, 24))
    assert terms.days == 146
    assert simple_interest(60_000, terms) == 828
    s = card_refund(card_1000_100_with_440_used(), RefundMode.SHOP_AT_FAULT, date(2026, 9, 24), terms).statement
    assert s.lines[2].detail == (("base", 60_000), ("rate_bp", 345), ("days", 146))
    assert (s.refund_fen, s.interest_fen, s.total_fen) == (60_000, 828, 60_828)
    assert sum(line.amount_fen for line in s.lines) == s.total_fen
    # customer's choice: ¥480 x 3.45% x 146/365 = 662.4 -> 662 fen
    s = card_refund(card_1000_100_with_440_used(), RefundMode.CUSTOMER_CHOICE, date(2026, 9, 24), terms).statement
    assert s.total_fen == 48_000 + 662


def test_cooling_off_earns_no_interest_even_when_a_rate_is_entered():
    terms = InterestTerms(345, MAY_1, date(2026, 5, 5))
    s = card_refund(card_1000_100_with_440_used(), RefundMode.COOLING_OFF, date(2026, 5, 5), terms).statement
    assert s.interest_fen == 0 and all(line.code != LINE_INTEREST for line in s.lines)


def test_a_negative_interest_rate_is_refused():
    with pytest.raises(InvalidInput) as err:
        simple_interest(60_000, InterestTerms(-1, MAY_1, date(2026, 6, 1)))
    assert err.value.code == "refund.bad_interest_rate"


def test_list_price_never_takes_more_than_was_prepaid():
    rows: list[LedgerEntry] = []
    top_up(rows, 100_000, MAY_1)
    spend(rows, 100_000, 130_000, date(2026, 5, 20))           # ¥1,000 drawn for ¥1,300 of list price
    s = card_refund(rows, RefundMode.CUSTOMER_CHOICE, date(2026, 6, 1)).statement
    assert s.lines[1].amount_fen == -100_000 and s.lines[1].value("capped") == 1
    assert s.total_fen == 0


def test_a_used_up_card_is_a_settled_contract_and_the_next_top_up_starts_a_new_reckoning():
    rows: list[LedgerEntry] = []
    top_up(rows, 100_000, date(2026, 1, 5))
    spend(rows, 110_000, 140_000, date(2026, 2, 1))            # all of it, at ¥1,400 list
    top_up(rows, 100_000, MAY_1)
    spend(rows, 44_000, 52_000, date(2026, 5, 3))
    assert card_refund(rows, RefundMode.CUSTOMER_CHOICE, date(2026, 6, 1)).statement.total_fen == 48_000
    assert card_refund(rows, RefundMode.SHOP_AT_FAULT, date(2026, 6, 1)).statement.total_fen == 60_000
    assert last_topup_on(rows) == MAY_1


def test_the_closing_rows_empty_the_card_and_a_second_refund_is_refused():
    rows = card_1000_100_with_440_used()
    refund = card_refund(rows, RefundMode.CUSTOMER_CHOICE, date(2026, 6, 1))
    closing = closing_entries(balance_of(rows), refund, date(2026, 6, 1), "moving away")
    assert [(r.kind.value, r.principal_fen, r.bonus_fen) for r in closing] == [
        ("balance_refund", -60_000, 0), ("bonus_write_off", 0, -6_000)]
    rows += closing
    assert balance_of(rows) == Balance(0, 0)
    with pytest.raises(Conflict) as err:
        card_refund(rows, RefundMode.SHOP_AT_FAULT, date(2026, 6, 1))
    assert err.value.code == "card.nothing_to_refund"


def test_the_write_off_needs_a_reason():
    rows = card_1000_100_with_440_used()
    refund = card_refund(rows, RefundMode.SHOP_AT_FAULT, date(2026, 6, 1))
    with pytest.raises(InvalidInput):
        closing_entries(balance_of(rows), refund, date(2026, 6, 1), "")


def test_modes_are_parsed_and_unknown_ones_refused():
    assert parse_mode("shop_at_fault") is RefundMode.SHOP_AT_FAULT
    with pytest.raises(InvalidInput) as err:
        parse_mode("goodwill")
    assert err.value.code == "refund.bad_mode"


def test_scale_rounds_half_up_both_ways():
    assert scale(44_000, 1000, 1100) == 40_000
    assert scale(3, 1, 2) == 2 and scale(-3, 1, 2) == -2 and scale(5, 1, 3) == 2


# --- properties -------------------------------------------------------------------------------

card_histories = st.lists(st.one_of(
    st.tuples(st.just("topup"), st.integers(1, 400_000), st.integers(0, 20)),
    st.tuples(st.just("spend"), st.integers(1, 100_000), st.integers(0, 20)),
), min_size=1, max_size=25)


@settings(max_examples=150)
@given(card_histories, st.sampled_from(list(RefundMode)), st.integers(0, 800))
def test_every_statement_adds_up_and_closing_leaves_the_ledger_right(history, mode, rate_bp):
    rows: list[LedgerEntry] = []
    day = MAY_1
    for op, amount, days_later in history:
        day = date.fromordinal(day.toordinal() + days_later)
        balance = balance_of(rows)
        if op == "topup":
            plan = plan_topup(balance, amount, "wechat", limits=CardLimits(named_limit_fen=10**12))
            rows += topup_entries(plan, day)
        elif balance.total_fen:
            amount = min(amount, balance.total_fen)
            rows.append(spend_entry(balance, draw(balance, amount), day, list_fen=amount * 5 // 4))
    today = date.fromordinal(day.toordinal() + 3)
    try:
        refund = card_refund(rows, mode, today, InterestTerms(rate_bp, MAY_1, today))
    except Conflict:
        return
    s = refund.statement
    assert sum(line.amount_fen for line in s.lines) == s.total_fen == s.refund_fen + s.interest_fen
    assert s.refund_fen >= 0 and s.interest_fen >= 0
    left = balance_of(rows)
    assert refund.principal_off_fen <= left.principal_fen and refund.bonus_off_fen <= left.bonus_fen
    rows += closing_entries(left, refund, today, "refund")
    assert check_ledger(rows) is None
    after = balance_of(rows)
    assert after.principal_fen >= 0 and after.bonus_fen >= 0
    if mode is not RefundMode.COOLING_OFF:
        assert after == Balance(0, 0)
        with pytest.raises(Conflict):
            card_refund(rows, mode, today)
