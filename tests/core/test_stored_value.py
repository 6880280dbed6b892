"""Stored-value card: ledger rows, top-up rules and limits, paying with the card, sale refunds."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salon_desk.errors import Conflict, InvalidInput, PaymentProblem, PermissionDenied
from salon_desk.stored_value import (
    Balance, CardLimits, Draw, EntryKind, LedgerEntry, LedgerMismatch, TopUpRule, balance_of,
    card_share_of_list, check_ledger, check_rules, draw, earning_base_fen, give_back, plan_topup,
    post, reissue_entry, rule_for_amount, rules_from_json, rules_to_json, sale_refund_entry,
    spend_entry, tier_after_topup, topup_entries, transfer_entries,
)

DAY = date(2026, 5, 1)
CARD_1000_100 = Balance(100_000, 10_000)      # 充1000送100


# --- paying with the card ---------------------------------------------------------------

def test_1000_plus_100_pays_220_as_200_principal_and_20_bonus():
    # bonus part 220 x 100/1100 = 20.00 exactly; principal 220 - 20 = 200.00
    assert draw(CARD_1000_100, 22_000) == Draw(20_000, 2_000)


def test_the_fen_left_by_the_proportion_goes_on_the_principal():
    # ¥68.00 from ¥1,000 + ¥100: bonus 6800 x 10000/110000 = 618.18 -> 618 fen, principal 6182
    taken = draw(CARD_1000_100, 6_800)
    assert taken == Draw(6_182, 618) and taken.total_fen == 6_800


def test_the_whole_balance_takes_both_parts_whole():
    assert draw(CARD_1000_100, 110_000) == Draw(100_000, 10_000)


def test_a_card_with_no_bonus_pays_from_principal_only():
    assert draw(Balance(50_000, 0), 12_345) == Draw(12_345, 0)


def test_paying_more_than_the_balance_is_refused():
    with pytest.raises(PaymentProblem) as err:
        draw(CARD_1000_100, 110_001)
    assert err.value.code == "card.over_balance"
    assert err.value.params == {"amount": 110_001, "balance": 110_000}


@pytest.mark.parametrize("amount", [0, -100])
def test_paying_nothing_or_less_is_refused(amount):
    with pytest.raises(InvalidInput) as err:
        draw(CARD_1000_100, amount)
    assert err.value.code == "card.spend_not_positive"


def test_a_spend_row_keeps_the_balances_after_it():
    row = spend_entry(CARD_1000_100, Draw(20_000, 2_000), DAY, list_fen=26_800)
    assert (row.kind, row.principal_fen, row.bonus_fen) == (EntryKind.SPEND, -20_000, -2_000)
    assert row.after == Balance(80_000, 8_000)
    assert row.list_fen == 26_800


def test_a_sale_refund_gives_back_exactly_what_the_sale_took():
    taken = draw(CARD_1000_100, 6_800)                   # 6182 principal + 618 bonus
    after_spend = spend_entry(CARD_1000_100, taken, DAY).after
    back = give_back(taken, Draw(0, 0), 6_800)
    assert back == taken
    assert sale_refund_entry(after_spend, back, DAY).after == CARD_1000_100


def test_a_refund_of_part_of_a_sale_then_the_rest_gives_back_the_draw_exactly():
    # the sale took ¥300 = 272.73 + 27.27 (30000 x 10000/110000 = 2727.27 -> 2727 bonus)
    taken = draw(CARD_1000_100, 30_000)
    assert taken == Draw(27_273, 2_727)
    first = give_back(taken, Draw(0, 0), 12_800)     # the ¥128 line: 12800 x 2727/30000 = 1163.52 -> 1163
    assert first == Draw(11_637, 1_163)
    rest = give_back(taken, first, 17_200)
    assert rest == Draw(27_273 - 11_637, 2_727 - 1_163)
    with pytest.raises(Conflict) as err:
        give_back(taken, taken, 1)
    assert err.value.code == "card.refund_over_taken"


def test_points_and_tier_spend_count_the_principal_and_other_tenders_not_the_bonus():
    # ¥313.80 due: ¥220 from the card (20 of it bonus) + ¥93.80 WeChat -> ¥293.80 earns
    assert earning_base_fen(31_380, 2_000) == 29_380


def test_the_list_value_a_split_card_payment_paid_for():
    # ¥396 list, ¥316.80 due, ¥220 from the card: 39600 x 22000/31680 = 27500
    assert card_share_of_list(39_600, 22_000, 31_680) == 27_500
    assert card_share_of_list(39_600, 31_680, 31_680) == 39_600


# --- ledger rows and the check -----------------------------------------------------------

def test_a_row_below_zero_is_refused():
    with pytest.raises(PaymentProblem):
        post(Balance(1_000, 0), EntryKind.SPEND, -1_001, 0, DAY)


@pytest.mark.parametrize("kind, principal, bonus", [
    (EntryKind.TOPUP, 0, 0), (EntryKind.TOPUP, 100, 5), (EntryKind.BONUS, 1, 10),
    (EntryKind.SPEND, 10, 0), (EntryKind.SPEND, 0, 0), (EntryKind.SALE_REFUND, -1, 0),
    (EntryKind.BALANCE_REFUND, 10, 0), (EntryKind.REISSUE, 1, 0), (EntryKind.TRANSFER_IN, -5, 0),
])
def test_rows_of_the_wrong_shape_are_refused(kind, principal, bonus):
    with pytest.raises(InvalidInput) as err:
        post(Balance(5_000, 500), kind, principal, bonus, DAY)
    assert err.value.code == "card.bad_entry"


def test_an_adjustment_and_a_write_off_need_a_reason():
    with pytest.raises(InvalidInput) as err:
        post(Balance(5_000, 500), EntryKind.ADJUSTMENT, 100, 0, DAY, note="  ")
    assert err.value.code == "card.reason_required"
    row = post(Balance(5_000, 500), EntryKind.ADJUSTMENT, -100, 20, DAY, note="wrong amount typed")
    assert row.after == Balance(4_900, 520)


def test_check_ledger_finds_the_first_row_that_drifted():
    rows = list(topup_entries(plan_topup(Balance(), 100_000, "cash"), DAY))
    rows.append(spend_entry(rows[-1].after, Draw(20_000, 2_000), DAY))
    assert check_ledger(rows) is None
    assert balance_of(rows) == Balance(80_000, 8_000)
    bad = LedgerEntry(EntryKind.SPEND, -20_000, -2_000, 80_000, 9_000, DAY)
    assert check_ledger(rows[:2] + [bad]) == LedgerMismatch(2, Balance(80_000, 8_000), Balance(80_000, 9_000))


def test_a_reissued_card_moves_no_money_and_records_the_new_number():
    row = reissue_entry(CARD_1000_100, DAY, "C000124")
    assert row.after == CARD_1000_100 and row.note == "C000124"


def test_a_transfer_moves_principal_and_bonus_apart():
    out, into = transfer_entries(Balance(60_000, 6_000), Balance(10_000, 0), DAY, note="to her daughter")
    assert (out.principal_fen, out.bonus_fen, out.after) == (-60_000, -6_000, Balance(0, 0))
    assert (into.principal_fen, into.bonus_fen, into.after) == (60_000, 6_000, Balance(70_000, 6_000))


def test_a_transfer_over_the_receivers_named_limit_needs_the_owner():
    with pytest.raises(PermissionDenied) as err:
        transfer_entries(Balance(300_000, 0), Balance(300_000, 0), DAY)
    assert err.value.code == "card.over_named_limit"
    assert transfer_entries(Balance(300_000, 0), Balance(300_000, 0), DAY, owner_authorised=True)[1].after == \
        Balance(600_000, 0)
    with pytest.raises(Conflict):
        transfer_entries(Balance(0, 0), Balance(0, 0), DAY)


# --- top-up rules and limits --------------------------------------------------------------

def test_1000_gets_100_bonus_and_3000_gets_500_and_silver():
    plan = plan_topup(Balance(), 100_000, "wechat")
    assert (plan.bonus_fen, plan.tier, plan.after) == (10_000, None, Balance(100_000, 10_000))
    rows = topup_entries(plan, DAY)
    assert [(r.kind, r.principal_fen, r.bonus_fen) for r in rows] == [
        (EntryKind.TOPUP, 100_000, 0), (EntryKind.BONUS, 0, 10_000)]
    assert rows[-1].after == Balance(100_000, 10_000)

    plan = plan_topup(Balance(), 300_000, "alipay", current_tier="regular")
    assert (plan.bonus_fen, plan.tier, plan.after) == (50_000, "silver", Balance(300_000, 50_000))


def test_an_amount_between_rules_gets_the_lower_rule_and_a_small_one_none():
    rules = (TopUpRule(100_000, 10_000), TopUpRule(300_000, 50_000, "silver"))
    assert rule_for_amount(rules, 150_000) == rules[0]
    assert rule_for_amount(rules, 450_000) == rules[1]
    assert rule_for_amount(rules, 99_999) is None
    plan = plan_topup(Balance(), 50_000, "cash")
    assert (plan.bonus_fen, plan.rule) == (0, None)
    assert len(topup_entries(plan, DAY)) == 1


def test_a_rule_never_lowers_a_tier():
    silver = TopUpRule(300_000, 50_000, "silver")
    assert tier_after_topup("gold", silver) is None
    assert tier_after_topup("silver", silver) is None
    assert tier_after_topup(None, silver) == "silver"


def test_the_rules_table_is_checked_and_round_trips():
    with pytest.raises(InvalidInput):
        check_rules([TopUpRule(0, 100)])
    with pytest.raises(InvalidInput):
        check_rules([TopUpRule(1_000, 100, "platinum")])
    with pytest.raises(InvalidInput) as err:
        check_rules([TopUpRule(1_000, 100), TopUpRule(1_000, 200)])
    assert err.value.code == "card.duplicate_rule"
    rules = (TopUpRule(100_000, 10_000), TopUpRule(300_000, 50_000, "silver"))
    assert rules_from_json(rules_to_json(rules)) == rules
    with pytest.raises(InvalidInput):
        rules_from_json([{"pay": 1}])


def test_a_top_up_over_the_named_limit_needs_the_owner():
    # ¥4,500 principal on the card + ¥1,000 -> ¥5,500 > ¥5,000
    plan = plan_topup(Balance(450_000, 20_000), 100_000, "wechat")
    assert plan.needs_owner
    with pytest.raises(PermissionDenied) as err:
        topup_entries(plan, DAY)
    assert err.value.code == "card.over_named_limit"
    assert topup_entries(plan, DAY, owner_authorised=True)[-1].after == Balance(550_000, 30_000)


def test_the_limit_counts_principal_so_exactly_5000_is_fine():
    assert not plan_topup(Balance(0, 0), 500_000, "wechat").needs_owner


def test_a_cash_top_up_of_50000_or_more_is_refused_as_cash():
    with pytest.raises(PaymentProblem) as err:
        plan_topup(Balance(), 5_000_000, "cash")
    assert err.value.code == "card.cash_topup_too_large"
    assert plan_topup(Balance(), 4_999_999, "cash").pay_fen == 4_999_999
    assert plan_topup(Balance(), 5_000_000, "wechat").needs_owner


def test_a_top_up_is_never_paid_by_the_card_itself():
    with pytest.raises(InvalidInput) as err:
        plan_topup(CARD_1000_100, 100_000, "stored_value")
    assert err.value.code == "card.topup_by_card"
    with pytest.raises(InvalidInput) as err:
        plan_topup(CARD_1000_100, 100_000, "other")
    assert err.value.code == "payment.unknown_method"


@pytest.mark.parametrize("amount", [0, -10_000])
def test_zero_or_negative_top_ups_are_refused(amount):
    with pytest.raises(InvalidInput) as err:
        plan_topup(Balance(), amount, "cash")
    assert err.value.code == "card.topup_not_positive"


def test_cards_without_a_name_only_when_turned_on_and_at_most_1000():
    with pytest.raises(Conflict) as err:
        plan_topup(Balance(), 50_000, "cash", named=False)
    assert err.value.code == "card.unnamed_disabled"
    on = CardLimits(unnamed_enabled=True)
    assert plan_topup(Balance(), 100_000, "cash", named=False, limits=on).after == Balance(100_000, 10_000)
    with pytest.raises(InvalidInput) as err:
        plan_topup(Balance(50_000, 0), 60_000, "cash", named=False, limits=on)
    assert err.value.code == "card.over_unnamed_limit"
    assert err.value.params == {"limit": 100_000, "after": 110_000}


# --- properties -------------------------------------------------------------------------------

balances = st.builds(Balance, st.integers(0, 10_000_000), st.integers(0, 2_000_000)).filter(
    lambda b: b.total_fen > 0)


@given(balances, st.data())
def test_a_draw_sums_exactly_and_takes_each_part_in_proportion(balance, data):
    amount = data.draw(st.integers(1, balance.total_fen))
    taken = draw(balance, amount)
    assert taken.total_fen == amount
    assert 0 <= taken.principal_fen <= balance.principal_fen
    assert 0 <= taken.bonus_fen <= balance.bonus_fen
    # the bonus part is the proportional share rounded down: less than one fen below the exact share
    exact = amount * balance.bonus_fen
    assert taken.bonus_fen * balance.total_fen <= exact < (taken.bonus_fen + 1) * balance.total_fen


operations = st.lists(st.one_of(
    st.tuples(st.just("topup"), st.integers(1, 400_000), st.sampled_from(["cash", "wechat"])),
    st.tuples(st.just("spend"), st.integers(1, 100_000), st.just("")),
    st.tuples(st.just("refund"), st.integers(0, 20), st.just("")),
), max_size=40)


@settings(max_examples=200)
@given(operations)
def test_any_sequence_keeps_the_balance_the_ledger_sum(ops):
    rows: list[LedgerEntry] = []
    sales: list[tuple[Draw, Draw]] = []      # (taken, given back so far)
    for op, amount, method in ops:
        balance = balance_of(rows)
        if op == "topup":
            plan = plan_topup(balance, amount, method, limits=CardLimits(named_limit_fen=10**12))
            rows += topup_entries(plan, DAY)
        elif op == "spend":
            if balance.total_fen == 0:
                with pytest.raises(PaymentProblem):
                    draw(balance, amount)
                continue
            taken = draw(balance, min(amount, balance.total_fen))
            rows.append(spend_entry(balance, taken, DAY))
            sales.append((taken, Draw(0, 0)))
        elif sales:
            index = amount % len(sales)
            taken, returned = sales[index]
            left = taken.total_fen - returned.total_fen
            if left == 0:
                continue
            back = give_back(taken, returned, max(1, left // 2) if amount % 2 else left)
            rows.append(sale_refund_entry(balance, back, DAY))
            sales[index] = (taken, Draw(returned.principal_fen + back.principal_fen,
                                        returned.bonus_fen + back.bonus_fen))
        assert check_ledger(rows) is None
        if rows:
            assert rows[-1].after == balance_of(rows)
            assert rows[-1].principal_after_fen >= 0 and rows[-1].bonus_after_fen >= 0
    for taken, returned in sales:
        assert 0 <= returned.principal_fen <= taken.principal_fen
        assert 0 <= returned.bonus_fen <= taken.bonus_fen
