"""Commission rows written at checkout, clawed back on refund in the refund's month, settled months,
and the monthly sheet (the owner sees everyone, a technician their own current month)."""

from datetime import date

import pytest

from salon_desk.commission import SERVICE, Band, Rule
from salon_desk.db.models import AuditLog, CommissionEntry
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied
from salon_desk.tenders import Tender

COLOUR_12 = Rule(0, 0, SERVICE, date(2026, 1, 1), category="hair", designated_permille=120,
                 rotation_permille=80, bands=(Band(0, 0), Band(20_000, 20)))


@pytest.fixture
def colour_sale(shop, owner, cashier, tech, tech2, items, new_member):
    """¥388 染发 at Gold (¥310.40 paid), designated, 王师傅 lead 70% / tech2 assistant 30%."""
    shop.commission.add_rule(owner, COLOUR_12)
    zhang = new_member(tier="gold")
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id, designated=True)
    shop.commission.set_assistants(cashier, line.id, [(tech2.id, 300)])
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 31040)])
    assert receipt.amount_due_fen == 31040
    return receipt


def test_checkout_writes_one_row_per_contributor_by_the_worked_example(shop, owner, tech, tech2, colour_sale, items):
    rows = [(e.staff_id, e.role, e.share_base_fen, e.rate_permille, e.amount_fen)
            for e in CommissionEntry.select().order_by(CommissionEntry.id)]
    assert rows == [(tech.id, "lead", 21728, 120, 2607), (tech2.id, "assistant", 9312, 120, 1117)]
    assert AuditLog.get(AuditLog.action == "commission_rule").target == "#1 v1"


def test_a_refund_next_month_claws_back_in_that_month_and_a_settled_month_stays(shop, owner, clock, tech, colour_sale,
                                                                                owner_ok):
    shop.commission.settle(owner, 2026, 11)
    with pytest.raises(Conflict):
        shop.commission.settle(owner, 2026, 11)
    clock.advance(days=15)                                    # into December
    shop.sales.refund(owner, colour_sale.sale_id, reason="褪色", **owner_ok)
    back = list(CommissionEntry.select().where(CommissionEntry.refund.is_null(False)))
    assert {(e.year, e.month) for e in back} == {(2026, 12)}
    assert sum(e.amount_fen for e in CommissionEntry.select()) == 0
    november = shop.commission.sheet(owner, 2026, 11)
    assert november.settled and sum(t.net_fen for t in november.technicians) == 2607 + 1117
    december = shop.commission.sheet(owner, 2026, 12)
    lead = [t for t in december.technicians if t.staff_id == tech.id][0]
    assert (lead.clawback_fen, lead.clawback_receipts, lead.net_fen) == (-2607, (colour_sale.receipt_no,), -2607)


def test_a_technician_sees_only_their_own_current_month(shop, tech, tech2, colour_sale):
    mine = shop.commission.sheet(tech, 2026, 11)
    assert [t.staff_id for t in mine.technicians] == [tech.id]
    [line] = mine.technicians[0].lines
    assert (line.receipt_no, line.customer, line.amount_fen, line.designated) == (colour_sale.receipt_no, "张*", 2607,
                                                                                  True)
    with pytest.raises(PermissionDenied):
        shop.commission.sheet(tech, 2026, 10)
    with pytest.raises(PermissionDenied):
        shop.commission.rules(tech)


def test_bad_rules_and_shares_write_nothing(shop, owner, cashier, tech, tech2, items):
    with pytest.raises(InvalidInput):
        shop.commission.add_rule(owner, Rule(0, 0, SERVICE, date(2026, 1, 1), designated_permille=1200))
    visit = shop.visits.check_in(cashier, None)
    line = shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    with pytest.raises(InvalidInput) as err:
        shop.commission.set_assistants(cashier, line.id, [(tech2.id, 1000)])
    assert err.value.code == "commission.shares_not_100"
    assert shop.commission.rules(owner) == ()


def test_a_card_paid_sale_keeps_principal_and_bonus_on_the_rows_at_the_prepaid_rate(shop, owner, cashier, tech, items,
                                                                                    new_customer):
    from salon_desk.tenders import STORED_VALUE
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, date(2026, 1, 1), rotation_permille=100, prepaid_permille=50))
    zhang = new_customer("张三", "13812345678")
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)      # 充1000送100
    visit = shop.visits.check_in(cashier, zhang.id)
    for item in (items.cut, items.care):                                             # 268 + 128 = 396
        shop.visits.add_service(cashier, visit.id, item.id, tech.id)
    shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 22_000), Tender("cash", 20_000)])
    rows = [(e.base_fen, e.card_principal_fen, e.card_bonus_fen, e.prepaid, e.rate_permille, e.amount_fen)
            for e in CommissionEntry.select().order_by(CommissionEntry.id)]
    # card ¥200 principal + ¥20 bonus split over the lines' 268 : 128 by largest remainder
    assert rows == [(26800, 13535, 1354, True, 50, 1340), (12800, 6465, 646, True, 50, 640)]


def test_the_rules_are_read_once_and_a_new_rule_or_level_applies_to_the_next_sale(shop, owner, clock, tech, sell,
                                                                                  new_customer, items, monkeypatch):
    from salon_desk.db import commission as commission_db
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, date(2026, 1, 1), rotation_permille=100))
    reads = []
    real = commission_db._load_rules
    monkeypatch.setattr(commission_db, "_load_rules", lambda: reads.append(1) or real())
    zhang = new_customer()

    def amounts():
        return [e.amount_fen for e in CommissionEntry.select().order_by(CommissionEntry.id)]

    sell(zhang.id, services=[items.wcb])                   # ¥68 at 10%
    sell(zhang.id, services=[items.wcb])
    assert amounts() == [680, 680] and len(reads) == 1     # the second sale used the rules already read
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, clock().date(), category="hair", rotation_permille=150))
    sell(zhang.id, services=[items.wcb])                   # the new, more specific rule: 15%
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, clock().date(), level="总监", category="hair",
                                         rotation_permille=200))
    sell(zhang.id, services=[items.wcb])                   # no one is 总监 yet: still 15%
    shop.commission.set_level(owner, tech.id, "总监", clock().date())
    sell(zhang.id, services=[items.wcb])                   # 王师傅 is 总监 from today: 20%
    assert amounts() == [680, 680, 1020, 1020, 1360]


def test_a_rule_added_by_another_program_on_the_same_file_applies_to_the_next_sale(shop, shop_path, clock, owner,
                                                                                   sell, new_customer, items):
    from salon_desk.db import Shop
    shop.commission.add_rule(owner, Rule(0, 0, SERVICE, date(2026, 1, 1), rotation_permille=100))
    zhang = new_customer()
    sell(zhang.id, services=[items.wcb])
    other = Shop.open(shop_path, clock=clock, run_jobs=False)
    try:
        boss = other.staff.login("boss", "secret123")
        other.commission.add_rule(boss, Rule(0, 0, SERVICE, clock().date(), category="hair", rotation_permille=150))
    finally:
        other.close()
    sell(zhang.id, services=[items.wcb])
    with shop.ctx.bound():
        assert [e.amount_fen for e in CommissionEntry.select().order_by(CommissionEntry.id)] == [680, 1020]
