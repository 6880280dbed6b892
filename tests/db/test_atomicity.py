"""Nothing is half-written: a failure in the middle of a checkout, refund, void, enrolment,
registration or merge leaves the shop file exactly as it was."""

import sqlite3

import peewee
import pytest

from salon_desk.db import checkout, merge, refunds
from salon_desk.db.context import ShopContext
from salon_desk.db.models import PointsEntry, Sale
from salon_desk.tenders import Tender


class PowerCut(Exception):
    pass


def fail_after(monkeypatch, module, name):
    """Let ``module.name`` (a step inside a transaction) do its writes, then fail."""
    original = getattr(module, name)

    def wrapper(*args, **kwargs):
        original(*args, **kwargs)
        raise PowerCut(name)
    monkeypatch.setattr(module, name, wrapper)


def fail_on_audit(monkeypatch, action):
    """Fail at the very last write of an operation: its audit entry."""
    original = ShopContext.audit

    def wrapper(self, staff, act, *args, **kwargs):
        if act == action:
            raise PowerCut(act)
        return original(self, staff, act, *args, **kwargs)
    monkeypatch.setattr(ShopContext, "audit", wrapper)


def fail_on_points_entry(monkeypatch, nth):
    """The ``nth`` points entry written fails (earlier ones are already in the transaction)."""
    original = PointsEntry.create.__func__
    written = []

    def create(cls, **kwargs):
        written.append(kwargs.get("kind"))
        if len(written) == nth:
            raise PowerCut(f"points entry {nth}")
        return original(cls, **kwargs)
    monkeypatch.setattr(PointsEntry, "create", classmethod(create))
    return written


def fail_on_points_row(monkeypatch, kind):
    """The database refuses the points entry of ``kind`` (checkout writes its entries in one executemany,
    so the entries before it are already in the transaction): a temporary trigger on this connection."""
    db = PointsEntry._meta.database
    db.execute_sql(f"""CREATE TEMP TRIGGER power_cut BEFORE INSERT ON points_entry WHEN NEW.kind = '{kind}'
                       BEGIN SELECT RAISE(ABORT, 'power cut'); END""")


def no_power_cut():
    PointsEntry._meta.database.execute_sql("DROP TRIGGER IF EXISTS temp.power_cut")


CUT = (PowerCut, sqlite3.IntegrityError, peewee.IntegrityError)


def state(shop, dump, path):
    """What another program would read, and what this connection sees (no pending transaction)."""
    assert not shop.db.in_transaction()
    return dump(path), list(shop.db.connection().iterdump())


@pytest.fixture
def counter(shop, cashier, tech, tech2, items, new_member):
    """Gold 张三 (1000 points, birthday today) with 精剪, 洗护 and two 修护精华 on an open visit."""
    zhang = new_member(tier="gold", points=1000, birth_month=11, birth_day=22)
    visit = shop.visits.check_in(cashier, zhang.id)
    cut = shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech2.id)
    shop.visits.add_product(cashier, visit.id, items.serum.id, 2)
    return zhang, visit, cut


def pay(shop, cashier, visit, cut):
    # gold: 精剪 free (birthday, 214.40 < ¥300); 洗护 102.40 + 2 x 129 x 0.8 = 206.40 -> 308.80;
    # 300 points -> 305.80; earns 305, doubled on the birthday -> 610
    return shop.sales.checkout(cashier, visit.id, [Tender("wechat", 30000), Tender("cash", 1000)], points=300,
                         birthday_line_id=cut.id)


@pytest.mark.parametrize("inject", [
    lambda mp: fail_after(mp, checkout, "write_lines"),
    lambda mp: fail_after(mp, checkout, "book_points"),
    lambda mp: fail_after(mp, checkout, "maybe_promote"),
    lambda mp: fail_on_points_row(mp, "earn"),        # the redeem entry is written, the earn entry fails
    lambda mp: fail_on_points_row(mp, "birthday"),    # the birthday bonus entry fails
    lambda mp: fail_on_audit(mp, "sale"),             # everything written but the audit entry
], ids=["lines", "points", "promotion", "earn-entry", "birthday-entry", "audit"])
def test_a_failed_checkout_leaves_no_trace(owner, shop, cashier, items, counter, dump, shop_path, monkeypatch, inject):
    zhang, visit, cut = counter
    before = state(shop, dump, shop_path)
    with monkeypatch.context() as mp:
        inject(mp)
        with pytest.raises(CUT):
            pay(shop, cashier, visit, cut)
    no_power_cut()
    assert state(shop, dump, shop_path) == before
    assert shop.visits.get(cashier, visit.id).status == "open"
    assert shop.catalogue.item(owner, items.serum.id).stock == 10
    assert shop.points.balance(owner, zhang.id) == 1000
    assert shop.birthdays.status(owner, zhang.id).free_service_available is True
    # the same checkout then goes through whole, with the day's first number
    receipt = pay(shop, cashier, visit, cut)
    assert (receipt.receipt_no, receipt.amount_due_fen, receipt.points_earned) == ("20261122-0001", 30580, 610)
    assert receipt.payments[1].change_fen == 420                    # ¥10 cash for the last ¥5.80
    assert shop.points.balance(owner, zhang.id) == 1000 - 300 + 610
    assert shop.catalogue.item(owner, items.serum.id).stock == 8


def test_a_failed_enrolment_at_checkout_leaves_no_trace(owner, shop, cashier, tech, items, new_member, new_customer,
                                                        dump, shop_path, monkeypatch):
    referrer = new_member("张三", "13812345678")
    li = new_customer("李四", "13900001111", referred_by_id=referrer.id)
    visit = shop.visits.check_in(cashier, li.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id)
    before = state(shop, dump, shop_path)
    with monkeypatch.context() as mp:
        fail_after(mp, checkout, "credit_joining_sale")
        with pytest.raises(PowerCut):
            shop.sales.checkout(cashier, visit.id, [Tender("wechat", 65600)], enrol=True, enrol_consent=True)
    assert state(shop, dump, shop_path) == before
    assert (shop.members.info(owner, li.id), shop.points.balance(owner, referrer.id)) == (None, 0)


@pytest.fixture
def paid(shop, owner, clock, counter):
    zhang, visit, cut = counter
    receipt = pay(shop, owner, visit, cut)
    return zhang, receipt


@pytest.mark.parametrize("inject", [
    lambda mp: fail_on_points_entry(mp, 1),           # refund, refund line and stock written; points fail
    lambda mp: fail_on_points_entry(mp, 2),           # redeemed points given back, the claw-back fails
    lambda mp: fail_on_audit(mp, "refund"),
], ids=["first-points", "second-points", "audit"])
def test_a_failed_refund_leaves_no_trace(shop, owner, clock, items, paid, dump, shop_path, monkeypatch,
                                         owner_ok, inject):
    zhang, receipt = paid
    clock.advance(days=1)
    before = state(shop, dump, shop_path)
    with monkeypatch.context() as mp:
        inject(mp)
        with pytest.raises(PowerCut):
            shop.sales.refund(owner, receipt.sale_id, reason="不满意", **owner_ok)
    assert state(shop, dump, shop_path) == before
    assert shop.sales.receipt(owner, receipt.sale_id).refunds == ()
    # then it goes through whole: everything back as before the sale
    shop.sales.refund(owner, receipt.sale_id, reason="不满意", **owner_ok)
    assert shop.points.balance(owner, zhang.id) == 1000
    assert shop.catalogue.item(owner, items.serum.id).stock == 10
    assert shop.birthdays.status(owner, zhang.id).free_service_available is False    # 23 Nov: not the birthday


@pytest.mark.parametrize("inject", [
    lambda mp: fail_after(mp, refunds, "_undo_membership_effects"),
    lambda mp: fail_on_audit(mp, "void"),
], ids=["membership", "audit"])
def test_a_failed_void_leaves_no_trace(shop, owner, items, paid, dump, shop_path, monkeypatch, owner_ok,
                                       inject):
    zhang, receipt = paid
    before = state(shop, dump, shop_path)
    with monkeypatch.context() as mp:
        inject(mp)
        with pytest.raises(PowerCut):
            shop.sales.void(owner, receipt.sale_id, reason="录错", **owner_ok)
    assert state(shop, dump, shop_path) == before
    assert Sale.get_by_id(receipt.sale_id).status == "completed"
    shop.sales.void(owner, receipt.sale_id, reason="录错", **owner_ok)
    assert shop.points.balance(owner, zhang.id) == 1000
    assert shop.birthdays.status(owner, zhang.id).free_service_available is True


def test_a_failed_registration_leaves_no_trace(shop, owner, new_customer, dump, shop_path, monkeypatch):
    before = state(shop, dump, shop_path)
    with monkeypatch.context() as mp:
        fail_on_audit(mp, "customer_registered")
        with pytest.raises(PowerCut):
            new_customer()
    assert state(shop, dump, shop_path) == before


def test_a_failed_merge_leaves_no_trace(shop, owner, items, new_member, sell, dump, shop_path, monkeypatch):
    keep = new_member("张三", "13812345678", points=100)
    drop = new_member("张三", "13812345679", points=200)
    sell(drop.id, [items.wcb])
    before = state(shop, dump, shop_path)
    with monkeypatch.context() as mp:
        fail_after(mp, merge, "_merge_membership")
        with pytest.raises(PowerCut):
            shop.customers.merge(owner, keep.id, drop.id)
    assert state(shop, dump, shop_path) == before
    assert shop.points.balance(owner, drop.id) == 261                     # 200 + 61 (61.20 paid)


# -- stored-value cards -----------------------------------------------------------------------

def test_a_failed_card_payment_leaves_no_trace(shop, cashier, tech, items, new_member, dump, shop_path, monkeypatch):
    from salon_desk.db import prepaid
    zhang = new_member()
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)        # 268 at 9折: 241.20
    before = state(shop, dump, shop_path)
    with monkeypatch.context() as mp:
        fail_after(mp, prepaid, "take_card")     # the spend row is written, then the power goes
        with pytest.raises(PowerCut):
            shop.sales.checkout(cashier, visit.id, [Tender("stored_value", 24_120)])
    assert state(shop, dump, shop_path) == before
    assert shop.cards.info(cashier, zhang.id).total_fen == 110_000
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("stored_value", 24_120)])
    assert (receipt.receipt_no, receipt.card.principal_fen, receipt.card.bonus_fen) == ("20261122-0002", 21_928, 2_192)


@pytest.mark.parametrize("inject", [
    lambda mp: fail_on_audit(mp, "card_topup"),
    lambda mp: fail_after(mp, __import__("salon_desk.db.prepaid", fromlist=["x"]), "write_entries"),
], ids=["audit", "ledger"])
def test_a_failed_topup_leaves_no_trace(shop, cashier, new_member, dump, shop_path, monkeypatch, inject):
    zhang = new_member()
    before = state(shop, dump, shop_path)
    with monkeypatch.context() as mp:
        inject(mp)
        with pytest.raises(PowerCut):
            shop.cards.top_up(cashier, zhang.id, 300_000, "wechat", terms_signed=True)
    assert state(shop, dump, shop_path) == before
    assert shop.cards.info(cashier, zhang.id).total_fen == 0
    slip = shop.cards.top_up(cashier, zhang.id, 300_000, "wechat", terms_signed=True)
    assert (slip.receipt_no, slip.bonus_fen, slip.tier_granted) == ("20261122-0001", 50_000, "silver")
