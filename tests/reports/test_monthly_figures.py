"""The monthly figures against sums this test makes itself from receipt records and the points ledger."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from datetime import date, datetime

import pytest

from salon_desk.errors import InvalidInput, PermissionDenied

DEC = (date(2026, 12, 1), date(2027, 1, 1))


def all_receipts(shop, owner, path):
    con = sqlite3.connect(str(path))
    ids = [row[0] for row in con.execute("SELECT id FROM sale ORDER BY id")]
    con.close()
    return [shop.sales.receipt(owner, i) for i in ids]


def inside(at: datetime, period) -> bool:
    return period[0] <= at.date() < period[1]


def ledger_before(shop, owner, path, when: datetime) -> int:
    con = sqlite3.connect(str(path))
    ids = [row[0] for row in con.execute("SELECT id FROM customer")]
    con.close()
    return sum(e.points for cid in ids for e in shop.points.history(owner, cid) if e.at < when)


def test_revenue_payments_days_match_the_receipts(month_shop, shop, shop_path, owner):
    f = shop.reports.month(owner, 2026, 12)
    records = [r for r in all_receipts(shop, owner, shop_path) if inside(r.created_at, DEC)]
    done = [r for r in records if r.status == "completed"]
    refunds = [x for r in all_receipts(shop, owner, shop_path) for x in r.refunds if x.kind == "refund" and inside(x.at, DEC)]
    rev = f.revenue
    assert rev.receipts == len(done) == 6
    assert rev.list_total_fen == sum(r.list_total_fen for r in done)
    assert rev.member_discount_fen == sum(r.member_discount_fen for r in done)
    assert rev.points_discount_fen == sum(r.points_discount_fen for r in done) == 300
    assert rev.amount_due_fen == sum(r.amount_due_fen for r in done)
    assert rev.amount_due_fen == (rev.list_total_fen - rev.member_discount_fen - rev.birthday_discount_fen
                                  - rev.points_discount_fen)
    assert (rev.refunds, rev.refunds_fen) == (1, sum(x.amount_fen for x in refunds)) == (1, 12900)
    assert (rev.voids, rev.voids_fen) == (1, 6800 * 800 // 1000)
    assert rev.net_fen == rev.amount_due_fen - 12900
    assert rev.average_ticket_fen == round(rev.amount_due_fen / rev.receipts)
    by_method = defaultdict(int)
    for r in done:
        for p in r.payments:
            by_method[p.method] += p.amount_fen
    assert {m.method: m.received_fen for m in f.methods} == dict(by_method)
    assert {m.method: m.refunded_fen for m in f.methods if m.refunded_fen} == {"wechat": 12900}
    assert sum(m.net_fen for m in f.methods) == rev.net_fen
    assert len(f.days) == 31 and f.days[0].day == date(2026, 12, 1)
    assert sum(d.net_fen for d in f.days) == rev.net_fen
    assert f.days[2].receipts == 2 and f.days[14].refunds_fen == 12900
    assert f.days[19].receipts == 0, "the voided sale is not a receipt"


def test_categories_services_technicians_match_the_lines(month_shop, shop, shop_path, owner):
    f = shop.reports.month(owner, 2026, 12)
    category_of = {i.code: i.category for i in shop.catalogue.items(owner, include_inactive=True)}
    done = [r for r in all_receipts(shop, owner, shop_path) if inside(r.created_at, DEC) and r.status == "completed"]
    sold, qty, by_tech = defaultdict(int), defaultdict(int), defaultdict(int)
    for r in done:
        for line in r.lines:
            sold[category_of[line.code]] += line.amount_fen - line.points_share_fen
            qty[category_of[line.code]] += line.quantity
            by_tech[line.technician_name] += line.amount_fen - line.points_share_fen
    assert {c.category: c.sales_fen for c in f.categories} == dict(sold)
    assert {c.category: c.quantity for c in f.categories} == dict(qty)
    assert {c.category: c.refunded_fen for c in f.categories if c.refunded_fen} == {"product": 12900}
    assert sum(c.net_fen for c in f.categories) == f.revenue.net_fen
    assert {t.name: t.sales_fen for t in f.technicians} == {k: v for k, v in by_tech.items()}
    assert sum(t.net_fen for t in f.technicians) == f.revenue.net_fen
    top = f.top_services[0]
    assert (top.code, top.quantity) == ("D01", 10)
    assert [s.sales_fen for s in f.top_services] == sorted((s.sales_fen for s in f.top_services), reverse=True)
    wang = [t for t in f.technicians if t.name == "王师傅"][0]
    assert wang.services == 10 + 1 + 1 + 1 + 1 and wang.customers == 4


def test_customers_members_and_key_rates(month_shop, shop, owner):
    f = shop.reports.month(owner, 2026, 12)
    c = f.customers
    assert (c.visits, c.member_visits, c.walk_in_visits) == (6, 3, 1)
    assert c.distinct_customers == 4
    assert (c.new_customers, c.referred_new_customers) == (2, 1)
    assert (c.new_members, c.promotions, c.lapsed_members) == (1, 1, 0)
    assert dict(c.members_by_tier) == {"regular": 0, "silver": 1, "gold": 1, "diamond": 0}
    # A and B were in the shop in the 90 days before December; C and D were not.
    assert (f.key.repurchase.numerator, f.key.repurchase.denominator) == (2, 4)
    assert f.key.repurchase.percent() == "50.0%"
    assert (f.key.referral.numerator, f.key.referral.denominator) == (1, 2)
    nov = shop.reports.month(owner, 2026, 11)
    assert dict(nov.customers.members_by_tier) == {"regular": 0, "silver": 0, "gold": 1, "diamond": 0}
    assert nov.key.repurchase.denominator == 2 and nov.key.referral.percent() == "0.0%"


def test_points_balance_follows_the_ledger_and_a_back_dated_reset(month_shop, shop, shop_path, owner, clock):
    dec = shop.reports.month(owner, 2026, 12)
    jan = shop.reports.month(owner, 2027, 1)      # computed before the yearly reset has run
    assert dec.points.opening_balance == ledger_before(shop, owner, shop_path, datetime(2026, 12, 1))
    assert dec.points.closing_balance == ledger_before(shop, owner, shop_path, datetime(2027, 1, 1))
    assert jan.points.opening_balance == dec.points.closing_balance
    assert dec.points.redeemed == 300 and dict(dec.points.movements)["referral"] == 200
    assert dec.points.closing_value_fen == dec.points.closing_balance
    # The reset is written now but dated 1 January: every checkpoint after that date is stale.
    assert shop.run_daily_jobs()["resets"] == [2027]
    jan_after = shop.reports.month(owner, 2027, 1)
    feb = shop.reports.month(owner, 2027, 2)
    assert jan_after.points.expired == dec.points.closing_balance
    assert jan_after.points.opening_balance == jan.points.opening_balance
    assert jan_after.points.closing_balance == ledger_before(shop, owner, shop_path, datetime(2027, 2, 1))
    assert feb.points.opening_balance == jan_after.points.closing_balance
    again = shop.reports.month(owner, 2026, 12)
    assert again.points == dec.points


def test_refund_of_an_earlier_month_counts_in_the_month_paid_out(month_shop, shop, owner):
    jan = shop.reports.month(owner, 2027, 1)
    assert jan.revenue.refunds == 1 and jan.revenue.receipts == 1
    assert jan.revenue.net_fen == jan.revenue.amount_due_fen - jan.revenue.refunds_fen
    assert [c.category for c in jan.categories if c.refunded_fen] == ["hair"]


def test_who_may_see_which_figures(month_shop, shop, cashier, owner, tech, clock):
    with pytest.raises(PermissionDenied):
        shop.reports.month(cashier, 2026, 12)
    with pytest.raises(PermissionDenied):
        shop.reports.month(tech, 2026, 12)
    today = shop.reports.day(cashier)
    assert today.start == clock.now.date() and today.title == "2027年1月6日"
    with pytest.raises(PermissionDenied):
        shop.reports.day(cashier, date(2026, 12, 3))
    assert shop.reports.day(owner, date(2026, 12, 3)).revenue.receipts == 2


@pytest.mark.parametrize("year, month", [(2026, 13), (2026, 0), (1999, 5)])
def test_bad_month_is_invalid_input(shop, owner, year, month):
    with pytest.raises(InvalidInput) as err:
        shop.reports.month(owner, year, month)
    assert err.value.code == "report.bad_month"


def test_an_empty_month(shop, owner):
    f = shop.reports.month(owner, 2030, 2)
    assert f.revenue.receipts == 0 and f.revenue.average_ticket_fen == 0 and len(f.days) == 28
    assert f.key.repurchase.percent() == "—" and f.categories == () and f.technicians == ()


def test_checkpoints_agree_with_summing_the_whole_ledger(month_shop, shop, shop_path, owner, clock):
    from salon_desk.db.ledger_checkpoints import ledger_totals
    shop.reports.refresh_checkpoints()
    con = sqlite3.connect(str(shop_path))
    assert con.execute("SELECT COUNT(*) FROM report_checkpoint").fetchone()[0] > 0
    for when in (datetime(2026, 12, 1), datetime(2026, 12, 17, 12), datetime(2027, 1, 1), datetime(2027, 3, 1)):
        naive = con.execute("SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE at < ?",
                            (when.strftime("%Y-%m-%d %H:%M:%S"),)).fetchone()[0]
        assert ledger_totals(shop.db, "points", when).get("total", 0) == naive, when
    con.close()
