"""The demo shop is made through the real front door, so the shop's invariants hold in it."""

import sqlite3
from collections import defaultdict
from datetime import datetime

import pytest

from salon_desk.db import Shop
from salon_desk.db.demo import build_demo

NOW = datetime(2026, 11, 22, 16, 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    summary = build_demo(path, customers=200, months=4, seed=5, clock=lambda: NOW)
    con = sqlite3.connect(path)
    yield path, summary, con
    con.close()


def test_summary_counts_match_the_file(demo):
    _path, summary, con = demo
    assert summary["sales"] == con.execute("SELECT COUNT(*) FROM sale").fetchone()[0] > 100
    assert summary["customers"] == con.execute("SELECT COUNT(*) FROM customer").fetchone()[0]


def test_members_of_every_tier(demo):
    _path, _summary, con = demo
    tiers = {t for (t,) in con.execute("SELECT DISTINCT tier FROM member WHERE active = 1")}
    assert tiers == {"regular", "silver", "gold", "diamond"}


def test_payments_cover_every_completed_sale_exactly(demo):
    _path, _summary, con = demo
    rows = con.execute("SELECT s.amount_due_fen, COALESCE(SUM(p.amount_fen), 0) FROM sale s"
                       " LEFT JOIN payment p ON p.sale_id = s.id GROUP BY s.id").fetchall()
    assert all(due == paid for due, paid in rows)


def test_receipt_numbers_are_gapless_per_day(demo):
    _path, _summary, con = demo
    by_day = defaultdict(list)
    for day, seq, number in con.execute("SELECT day, seq, receipt_no FROM sale"
                                        " UNION ALL SELECT day, seq, receipt_no FROM card_topup"):
        by_day[day].append(seq)
        assert number == f"{day.replace('-', '')}-{seq:04d}"
    assert all(sorted(seqs) == list(range(1, len(seqs) + 1)) for seqs in by_day.values())


def test_sale_totals_are_the_sum_of_their_lines(demo):
    _path, _summary, con = demo
    rows = con.execute(
        "SELECT s.list_total_fen, s.member_discount_fen, s.birthday_discount_fen, s.points_discount_fen,"
        " s.amount_due_fen, SUM(l.list_amount_fen), SUM(l.member_discount_fen), SUM(l.birthday_discount_fen),"
        " SUM(l.points_share_fen), SUM(l.amount_fen) FROM sale s JOIN sale_line l ON l.sale_id = s.id"
        " GROUP BY s.id").fetchall()
    for lt, md, bd, pd, due, l_lt, l_md, l_bd, l_pd, l_amount in rows:
        assert (lt, md, bd, pd) == (l_lt, l_md, l_bd, l_pd)
        assert due == l_amount - l_pd


def test_the_demo_has_referrals_birthdays_refunds_and_people_in_the_shop(owner, demo):
    path, summary, con = demo
    assert con.execute("SELECT COUNT(*) FROM customer WHERE referred_by_id IS NOT NULL").fetchone()[0] > 0
    assert con.execute("SELECT COUNT(*) FROM points_entry WHERE kind = 'referral'").fetchone()[0] > 0
    assert con.execute("SELECT COUNT(*) FROM refund").fetchone()[0] == summary["refunds"]
    assert con.execute("SELECT COUNT(*) FROM visit WHERE status = 'open'").fetchone()[0] >= 1
    shop = Shop.open(path, clock=lambda: NOW)
    try:
        cashier = shop.staff.login("cashier", "cashier123")
        in_window = [v for v in shop.visits.open_visits(cashier)]
        assert in_window
        birthdays = [c for (c,) in con.execute("SELECT id FROM customer WHERE birth_month = 11 AND birth_day = 22")]
        assert birthdays and shop.birthdays.status(cashier, birthdays[0]).in_window
    finally:
        shop.close()


def test_stock_follows_sales_and_refunds(demo):
    _path, _summary, con = demo
    for item_id, stock in con.execute("SELECT item_id, SUM(quantity) FROM stock_move GROUP BY item_id"):
        sold = con.execute("SELECT COALESCE(SUM(l.quantity), 0) FROM sale_line l JOIN sale s ON s.id = l.sale_id"
                           " WHERE l.item_id = ? AND l.id NOT IN (SELECT sale_line_id FROM refund_line)",
                           (item_id,)).fetchone()[0]
        assert stock == 60 - sold


def test_receipt_numbers_follow_the_clock_and_nothing_is_sold_in_the_future(demo):
    _path, _summary, con = demo
    rows = con.execute("SELECT day, seq, created_at FROM sale ORDER BY day, seq").fetchall()
    assert all(a[0] != b[0] or a[2] <= b[2] for a, b in zip(rows, rows[1:]))
    assert max(r[2] for r in rows) <= NOW.isoformat(sep=" ")


def test_the_demo_has_a_history_of_care(demo):
    _path, _summary, con = demo
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    categories = {r[0] for r in con.execute("SELECT category FROM complaint")}
    assert categories == {"attitude", "technique", "result", "product", "price", "environment", "other"}
    remedies = {r[0] for r in con.execute("SELECT kind FROM complaint_remedy")}
    assert {"apology", "refund", "redo", "points", "gift", "free_upgrade"} <= remedies
    assert one("SELECT COUNT(*) FROM complaint WHERE resolved_at IS NULL") >= 1      # one still open today
    assert one("SELECT COUNT(*) FROM complaint WHERE responded_at > datetime(received_at, '+24 hours')") >= 1
    done_on_time = one("SELECT COUNT(*) FROM followup_task WHERE closed_at IS NOT NULL AND closed_at <= due_at")
    missed = one("SELECT COUNT(*) FROM followup_task WHERE closed_at IS NULL AND due_at < '2026-11-29'")
    late = one("SELECT COUNT(*) FROM followup_task WHERE closed_at > due_at AND all_day = 0")
    assert done_on_time > 20 and missed >= 1 and late > 5
    assert one("SELECT COUNT(*) FROM followup_task WHERE attitude IS NOT NULL") > 10
    assert one("SELECT COUNT(*) FROM counter_rating") > 20
    assert one("SELECT COUNT(*) FROM segment_snapshot") >= 3


def test_cards_and_packages_are_in_use_and_their_ledgers_agree(demo):
    path, _summary, con = demo
    assert con.execute("SELECT COUNT(*) FROM card_topup").fetchone()[0] > 5
    assert con.execute("SELECT COUNT(*) FROM card_entry WHERE kind = 'spend'").fetchone()[0] > 5
    assert con.execute("SELECT COUNT(*) FROM customer_package").fetchone()[0] > 2
    assert con.execute("SELECT COUNT(*) FROM package_session").fetchone()[0] > 2
    for customer, p, b in con.execute("SELECT customer_id, SUM(principal_fen), SUM(bonus_fen) FROM card_entry"
                                      " GROUP BY customer_id").fetchall():
        last = con.execute("SELECT principal_after_fen, bonus_after_fen FROM card_entry WHERE customer_id = ?"
                           " ORDER BY id DESC LIMIT 1", (customer,)).fetchone()
        assert last == (p, b) and p >= 0 and b >= 0
    # no sale line paid by a package has an amount; every session belongs to its customer's package
    assert con.execute("SELECT COUNT(*) FROM package_session u JOIN sale_line l ON l.id = u.sale_line_id"
                       " WHERE l.amount_fen != 0").fetchone()[0] == 0
    assert con.execute("SELECT COUNT(*) FROM package_session u JOIN customer_package p ON p.id = u.package_id"
                       " JOIN sale s ON s.id = u.sale_id WHERE s.customer_id != p.customer_id").fetchone()[0] == 0


def test_the_demo_has_a_book_ahead_and_history_of_no_shows_and_cancellations(demo):
    _path, _summary, con = demo
    ahead = con.execute("SELECT COUNT(*), COUNT(DISTINCT date(start_at)) FROM booking"
                        " WHERE status = 'booked' AND start_at > ?", (NOW.isoformat(" "),)).fetchone()
    assert ahead[0] >= 50 and ahead[1] >= 14                     # today's rest and the next two weeks
    past = dict(con.execute("SELECT status, COUNT(*) FROM booking WHERE start_at < ? GROUP BY status",
                            (NOW.isoformat(" "),)).fetchall())
    assert past.get("no_show", 0) > 3 and past.get("cancelled", 0) > 3 and past.get("completed", 0) > 10
    assert "booked" not in past                                  # nobody left waiting in the past
    clashes = con.execute("""SELECT COUNT(*) FROM booking_line a JOIN booking_line b
        ON a.technician_id = b.technician_id AND a.id < b.id AND a.start_at < b.end_at AND b.start_at < a.end_at
        JOIN booking x ON x.id = a.booking_id JOIN booking y ON y.id = b.booking_id
        WHERE x.status IN ('booked', 'checked_in') AND y.status IN ('booked', 'checked_in')""").fetchone()[0]
    assert clashes == 0


def test_the_demo_pays_commission_with_levels_settled_months_adjustments_and_closed_shifts(demo):
    path, _summary, con = demo
    shop = Shop.open(path, clock=lambda: NOW, run_jobs=False)
    try:
        owner = shop.staff.login("owner", "owner123")
        assert len(shop.commission.levels(owner)) == 4 and len(shop.commission.rules(owner)) >= 5
        settled = shop.commission.settled_months(owner)
        assert (2026, 10) in settled and (2026, 11) not in settled
        october = shop.commission.sheet(owner, 2026, 10)
        assert october.settled and sum(t.net_fen for t in october.technicians) > 0
        zhao = [t for t in october.technicians if t.name == "小赵"][0]
        assert [(a.amount_fen, a.reason) for a in zhao.adjustments] == [(20_000, "全勤奖")]
        assert zhao.net_fen == zhao.service_fen + zhao.fee_fen + zhao.product_fen + zhao.card_sale_fen + \
            zhao.tier_fen + zhao.clawback_fen + 20_000
    finally:
        shop.close()
    assert con.execute("SELECT COUNT(*) FROM shift WHERE z_no IS NOT NULL").fetchone()[0] > 100
    assert con.execute("SELECT COUNT(*) FROM shift WHERE closed_at IS NULL").fetchone()[0] == 1   # today's
