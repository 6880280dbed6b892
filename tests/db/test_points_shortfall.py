"""Points after a refund: taking back more than the member holds is shown first and the owner chooses."""

from datetime import datetime

import pytest

from hypothesis import given, strategies as st

from salon_desk.db.models import AuditLog
from salon_desk.errors import InvalidInput, PaymentProblem, SalonError
from salon_desk.refund_points import PointsShortfall, points_shortfall


def test_worked_examples_of_the_shortfall():
    assert points_shortfall(balance=1013, returned=0, taken_back=134, points_per_yuan=100) is None
    assert points_shortfall(balance=32, returned=0, taken_back=134, points_per_yuan=100) == PointsShortfall(102, 102)
    assert points_shortfall(balance=0, returned=50, taken_back=134, points_per_yuan=100) == PointsShortfall(84, 84)
    assert points_shortfall(balance=-20, returned=0, taken_back=30, points_per_yuan=100) == PointsShortfall(30, 30)
    assert points_shortfall(balance=0, returned=0, taken_back=150, points_per_yuan=200) == PointsShortfall(150, 75)


@given(st.integers(-500, 5000), st.integers(0, 2000), st.integers(0, 2000), st.integers(1, 1000))
def test_the_shortfall_is_never_more_than_taken_and_leaves_zero_when_deducted(balance, returned, taken, rate):
    short = points_shortfall(balance, returned, taken, rate)
    after = balance + returned - taken
    if short is None:
        assert after >= 0 or balance < 0 and taken == 0
    else:
        assert 0 < short.points <= taken
        if balance + returned >= 0:
            assert after + short.points == 0                     # deducting stops the balance at zero


@pytest.fixture
def spent_member(shop, owner, items, new_member, sell):
    """Gold 张三 earns on three services, then spends every point (an adjustment standing for a gift)."""
    zhang = new_member(tier="gold", points=0)
    sale = sell(zhang.id, [items.cut, items.care, items.dye])
    shop.points.adjust(owner, zhang.id, -sale.points_balance, "gift 礼品")
    assert shop.points.balance(owner, zhang.id) == 0
    return zhang, sale


def test_the_preview_shows_the_points_beyond_the_balance(shop, cashier, spent_member):
    zhang, sale = spent_member
    line = sale.lines[0].sale_line_id if hasattr(sale.lines[0], "sale_line_id") else sale.lines[0].id
    preview = shop.sales.preview_refund(cashier, sale.sale_id, [line])
    assert preview.points_taken_back > 0
    assert preview.points_shortfall == preview.points_taken_back          # the balance is 0
    assert preview.shortfall_value_fen == preview.points_shortfall        # 100 points = ¥1


def test_the_owner_accepts_a_negative_balance_it_is_recorded_and_cannot_be_redeemed(
        shop, owner, cashier, spent_member, owner_ok, items, sell):
    zhang, sale = spent_member
    line = sale.lines[0].sale_line_id if hasattr(sale.lines[0], "sale_line_id") else sale.lines[0].id
    preview = shop.sales.preview_refund(cashier, sale.sale_id, [line])
    shop.sales.refund(cashier, sale.sale_id, [line], reason="不满意", shortfall="negative", **owner_ok)
    assert shop.points.balance(owner, zhang.id) == -preview.points_shortfall
    entry = AuditLog.select().where(AuditLog.action == "refund").order_by(AuditLog.id.desc()).get()
    assert '"shortfall_choice": "negative"' in entry.details
    with pytest.raises(SalonError):
        sell(zhang.id, [items.wcb], points=1)


def test_the_owner_deducts_the_value_from_the_money_returned(shop, owner, cashier, spent_member, owner_ok):
    zhang, sale = spent_member
    line = sale.lines[0].sale_line_id if hasattr(sale.lines[0], "sale_line_id") else sale.lines[0].id
    preview = shop.sales.preview_refund(cashier, sale.sale_id, [line])
    done = shop.sales.refund(cashier, sale.sale_id, [line], reason="不满意", shortfall="deduct", **owner_ok)
    assert shop.points.balance(owner, zhang.id) == 0
    assert done.refunds[-1].amount_fen == preview.amount_fen - preview.shortfall_value_fen
    entry = AuditLog.select().where(AuditLog.action == "refund").order_by(AuditLog.id.desc()).get()
    assert '"shortfall_choice": "deduct"' in entry.details


def test_a_bad_choice_is_refused(shop, cashier, spent_member, owner_ok):
    _zhang, sale = spent_member
    with pytest.raises(InvalidInput) as err:
        shop.sales.refund(cashier, sale.sale_id, reason="x", shortfall="maybe", **owner_ok)
    assert err.value.code == "refund.bad_shortfall_choice"


def test_a_negative_balance_is_cleared_at_the_yearly_reset(shop, owner, cashier, clock, spent_member, owner_ok):
    zhang, sale = spent_member
    shop.sales.refund(cashier, sale.sale_id, reason="不满意", shortfall="negative", **owner_ok)
    assert shop.points.balance(owner, zhang.id) < 0
    clock.set(2027, 1, 2, 10, 0)
    shop.points.apply_yearly_resets()
    assert shop.points.balance(owner, zhang.id) == 0
