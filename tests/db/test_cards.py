"""Stored-value cards through the front door: top-ups, paying with the card, refunds of sales and
of the unused balance in the three modes, statements, reissue, transfer, the closing list."""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from salon_desk.db.models import AuditLog, CardEntry, CardTopUp, PointsEntry
from salon_desk.errors import Conflict, InvalidInput, PaymentProblem, PermissionDenied
from salon_desk.tenders import STORED_VALUE, Tender


@pytest.fixture
def zhang(new_customer):
    return new_customer("张三", "13812345678")


@pytest.fixture
def topped(shop, cashier, zhang):
    """张三 with 充1000送100 on the card."""
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)
    return zhang


def visit_with(shop, cashier, tech, customer_id, *services):
    visit = shop.visits.check_in(cashier, customer_id)
    lines = [shop.visits.add_service(cashier, visit.id, s.id, tech.id) for s in services]
    return visit, lines


def test_a_topup_is_a_receipt_in_the_days_sequence_money_received_without_points(
        shop, cashier, owner, zhang, sell, items, new_member):
    li = new_member("李四", "13900001111")
    first = sell(li.id, [items.wcb])
    topup = shop.cards.top_up(cashier, zhang.id, 100_000, "cash", tendered_fen=100_000, terms_signed=True)
    second = sell(li.id, [items.wcb])
    assert (first.receipt_no, topup.receipt_no, second.receipt_no) == (
        "20261122-0001", "20261122-0002", "20261122-0003")
    assert (topup.pay_fen, topup.bonus_fen, topup.principal_after_fen, topup.bonus_after_fen) == (
        100_000, 10_000, 100_000, 10_000)
    assert topup.card_no and topup.terms_version == "2026-1" and "7日内" in topup.terms_text
    assert PointsEntry.select().where(PointsEntry.customer == zhang.id).count() == 0
    info = shop.cards.info(cashier, zhang.id)
    assert (info.principal_fen, info.bonus_fen, info.total_fen) == (100_000, 10_000, 110_000)
    again = shop.cards.top_up(cashier, zhang.id, 20_000, "alipay")      # terms already signed
    assert (again.bonus_fen, again.terms_version, again.terms_text) == (0, None, None)


def test_the_first_topup_needs_the_signed_terms_and_bad_topups_are_refused(shop, cashier, zhang):
    bad = [
        (dict(pay_fen=100_000, method="cash"), "card.terms_required"),
        (dict(pay_fen=100_000, method=STORED_VALUE, terms_signed=True), "card.topup_by_card"),
        (dict(pay_fen=0, method="cash", terms_signed=True), "card.topup_not_positive"),
        (dict(pay_fen=-500, method="cash", terms_signed=True), "card.topup_not_positive"),
        (dict(pay_fen=5_000_000, method="cash", terms_signed=True), "card.cash_topup_too_large"),
        (dict(pay_fen=600_000, method="wechat", terms_signed=True), "card.over_named_limit"),
    ]
    for kwargs, code in bad:
        with pytest.raises((InvalidInput, PaymentProblem, PermissionDenied)) as err:
            shop.cards.top_up(cashier, zhang.id, **kwargs)
        assert err.value.code == code
    assert CardEntry.select().count() == CardTopUp.select().count() == 0


def test_above_the_named_card_limit_the_owner_authorises(shop, cashier, owner, topped, owner_ok):
    quote = shop.cards.quote_topup(cashier, topped.id, 450_000, "wechat")
    assert quote.needs_owner and quote.principal_after_fen == 550_000
    slip = shop.cards.top_up(cashier, topped.id, 450_000, "wechat", **owner_ok)
    assert (slip.principal_after_fen, slip.bonus_after_fen, slip.authorised_by) == (550_000, 60_000, "老板")
    assert AuditLog.select().where(AuditLog.action == "card_topup").count() == 2


def test_a_topup_rule_with_a_tier_raises_the_tier(shop, cashier, owner, new_member):
    wang = new_member("王五", "13700002222")
    slip = shop.cards.top_up(cashier, wang.id, 300_000, "wechat", terms_signed=True)
    assert (slip.bonus_fen, slip.tier_granted) == (50_000, "silver")
    assert shop.members.info(owner, wang.id).tier == "silver"


def test_paying_with_the_card_draws_principal_and_bonus_in_proportion(shop, cashier, tech, owner, items, new_member):
    zhang = new_member("张三", "13812345678")           # regular member: 9折, 1 point per yuan paid
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)
    visit = shop.visits.check_in(cashier, zhang.id)
    # a ¥220 service at 9折 would not be 220: take a no-discount price the owner sets
    line = shop.visits.add_service(cashier, visit.id, items.promo.id, tech.id)
    shop.visits.override_line_price(owner, line.id, 22_000, "活动价")
    receipt = shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 22_000)])
    assert receipt.amount_due_fen == 22_000
    assert (receipt.card.principal_fen, receipt.card.bonus_fen) == (20_000, 2_000)        # ¥200.00 + ¥20.00
    assert (receipt.card.principal_after_fen, receipt.card.bonus_after_fen) == (80_000, 8_000)
    assert receipt.points_earned == 200                   # on the principal part only, not the ¥20 bonus
    assert shop.members.info(owner, zhang.id).spend_fen == 20_000
    info = shop.cards.info(cashier, zhang.id)
    assert (info.principal_fen, info.bonus_fen) == (80_000, 8_000)


def test_a_split_payment_and_a_refund_gives_back_exactly_what_the_card_took(shop, cashier, tech, owner, items, topped,
                                                                          owner_ok, clock):
    visit, _ = visit_with(shop, cashier, tech, topped.id, items.cut, items.care)      # 268 + 128 = 396
    receipt = shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 22_000), Tender("cash", 20_000)])
    assert (receipt.card.principal_fen, receipt.card.bonus_fen) == (20_000, 2_000)
    assert receipt.change_fen == 20_000 - 17_600
    clock.advance(days=1)
    shop.sales.refund(owner, receipt.sale_id, [receipt.lines[0].sale_line_id], reason="不满意", **owner_ok)
    shop.sales.refund(owner, receipt.sale_id, reason="不满意", **owner_ok)
    info = shop.cards.info(cashier, topped.id)
    assert (info.principal_fen, info.bonus_fen) == (100_000, 10_000)
    assert shop.cards.check(owner, topped.id)


def test_paying_more_than_the_card_holds_writes_nothing(shop, cashier, tech, items, topped, new_customer):
    visit, _ = visit_with(shop, cashier, tech, topped.id, items.dye, items.dye, items.dye)   # ¥1,164
    before = CardEntry.select().count()
    with pytest.raises(PaymentProblem) as err:
        shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 116_400)])
    assert err.value.code == "payment.over_card_balance"
    assert CardEntry.select().count() == before
    assert shop.visits.get(cashier, visit.id).status == "open"
    walk_in = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, walk_in.id, items.wcb.id, tech.id)
    with pytest.raises(InvalidInput):
        shop.sales.checkout(cashier, walk_in.id, [Tender(STORED_VALUE, 6_800)])


@pytest.fixture
def refund_example(shop, cashier, owner, tech, new_member):
    """充1000送100, then ¥440 drawn for services listed ¥520 (gold 8折 on ¥400 + ¥120 without discount)."""
    zhang = new_member("张三", "13812345678", tier="gold")
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)
    facial = shop.catalogue.add_item(owner, kind="service", code="F01", name="面部护理", category="beauty",
                                     price_fen=40_000)
    mask = shop.catalogue.add_item(owner, kind="service", code="F02", name="面膜", category="beauty",
                                   price_fen=12_000, member_discount=False)
    visit, _ = visit_with(shop, cashier, tech, zhang.id, facial, mask)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 44_000)])
    assert (receipt.list_total_fen, receipt.amount_due_fen) == (52_000, 44_000)
    assert (receipt.card.principal_fen, receipt.card.bonus_fen) == (40_000, 4_000)
    return zhang


def test_the_refund_modes_worked_example(shop, owner, clock, refund_example):
    zhang = refund_example
    at_fault = shop.cards.preview_refund(owner, zhang.id, "shop_at_fault")
    assert at_fault.statement.refund_fen == 60_000             # 1000 - 440 x 1000/1100
    choice = shop.cards.preview_refund(owner, zhang.id, "customer_choice")
    assert choice.statement.refund_fen == 48_000               # 1000 - 520
    clock.advance(days=365)
    with_interest = shop.cards.preview_refund(owner, zhang.id, "customer_choice", rate_bp=345)
    assert (with_interest.statement.interest_fen, with_interest.statement.total_fen) == (1_656, 49_656)
    with pytest.raises(Conflict):
        shop.cards.preview_refund(owner, zhang.id, "cooling_off")


def test_an_untouched_card_within_seven_days_gives_back_the_principal(shop, owner, cashier, clock, topped):
    clock.advance(days=7)
    record = shop.cards.refund_balance(owner, topped.id, "cooling_off", method="wechat", reason="不想要了")
    assert (record.statement.total_fen, record.principal_off_fen, record.bonus_off_fen) == (100_000, 100_000, 10_000)
    info = shop.cards.info(cashier, topped.id)
    assert info.total_fen == 0 and shop.cards.check(owner, topped.id)
    with pytest.raises(Conflict) as err:                      # refunding twice
        shop.cards.refund_balance(owner, topped.id, "cooling_off", method="wechat", reason="再退")
    assert err.value.code == "card.nothing_to_refund"
    assert AuditLog.select().where(AuditLog.action == "card_balance_refund").count() == 1


def test_only_the_owner_refunds_the_balance_and_nothing_is_written(shop, cashier, topped):
    before = CardEntry.select().count()
    with pytest.raises(PermissionDenied):
        shop.cards.refund_balance(cashier, topped.id, "cooling_off", method="cash", reason="x")
    with pytest.raises(PermissionDenied):
        shop.cards.preview_refund(cashier, topped.id, "shop_at_fault")
    assert CardEntry.select().count() == before


def test_statement_reissue_transfer_and_closing_list(shop, owner, cashier, tech, items, topped, new_customer):
    visit, _ = visit_with(shop, cashier, tech, topped.id, items.wcb)
    shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 6_800)])
    old_no = shop.cards.info(cashier, topped.id).card_no
    info = shop.cards.reissue(cashier, topped.id, "卡丢了")
    assert info.card_no != old_no and info.total_fen == 110_000 - 6_800
    statement = shop.cards.statement(owner, topped.id)
    assert [l.kind for l in statement.lines] == ["topup", "bonus", "spend", "reissue"]
    assert statement.lines[2].principal_after_fen + statement.lines[2].bonus_after_fen == 103_200
    assert statement.lines[2].reference == "20261122-0002"
    rows = shop.cards.closing_list(owner)
    assert [(r.name, r.principal_fen + r.bonus_fen) for r in rows] == [("张三", 103_200)]
    li = new_customer("李四", "13900001111")
    shop.cards.transfer(owner, topped.id, li.id, "转给家人")
    assert shop.cards.info(cashier, topped.id).total_fen == 0
    assert shop.cards.info(cashier, li.id).total_fen == 103_200
    with pytest.raises(PermissionDenied):
        shop.cards.transfer(cashier, li.id, topped.id, "x")
    actions = {a.action for a in AuditLog.select()}
    assert {"card_reissued", "card_transfer", "prepaid_closing_list"} <= actions


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(st.tuples(st.sampled_from(["topup", "spend", "refund"]), st.integers(1, 3000)), max_size=8))
def test_any_sequence_keeps_the_balance_equal_to_the_ledger(shop, owner, cashier, tech, items, zhang, steps,
                                                            owner_ok):
    paid = []
    for visit in shop.visits.open_visits(cashier):      # hypothesis reuses the shop between examples
        shop.visits.cancel(cashier, visit.id)
    for kind, amount in steps:
        balance = shop.cards.info(cashier, zhang.id)
        if kind == "topup" and balance.principal_fen + amount * 100 <= 500_000:
            shop.cards.top_up(cashier, zhang.id, amount * 100, "wechat", terms_signed=True)
        elif kind == "spend" and balance.total_fen >= items.wcb.price_fen:
            visit, _ = visit_with(shop, cashier, tech, zhang.id, items.wcb)
            due = shop.sales.quote(cashier, visit.id).priced.amount_due_fen     # what the card pays, to the fen
            paid.append(shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, due)]))
        elif kind == "refund" and paid:
            receipt = paid.pop()
            shop.sales.refund(owner, receipt.sale_id, reason="退", **owner_ok)
        info = shop.cards.info(cashier, zhang.id)
        assert info.principal_fen >= 0 and info.bonus_fen >= 0
        last = CardEntry.select().where(CardEntry.customer == zhang.id).order_by(CardEntry.id.desc()).first()
        if last is not None:
            assert (last.principal_after_fen, last.bonus_after_fen) == (info.principal_fen, info.bonus_fen)
        assert shop.cards.check(owner, zhang.id)
