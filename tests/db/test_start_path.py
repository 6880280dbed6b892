"""A start that does not grow with the years: opening reads only the schema, and the daily
jobs read only what changed since they last ran.

"Rows read" is measured as the SQLite virtual-machine steps a job takes (a progress
handler counting every instruction on the shop's connection): a statement that walks a
table takes steps in proportion to its rows, an index lookup a handful.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from salon_desk.db import Shop
from salon_desk.db.sql_sqlite import LAPSE_DUE

RECOMPUTED = """
SELECT m.id, m.lapse_from, MAX(m.joined_at,
       COALESCE((SELECT MAX(s.created_at) FROM sale s WHERE s.member_id = m.id AND s.status = 'completed'), ''),
       COALESCE((SELECT MAX(t.at) FROM tier_change t WHERE t.member_id = m.id AND t.kind = 'reinstate'), ''))
FROM member m ORDER BY m.id"""


def steps(shop: Shop, job) -> tuple[int, object]:
    """The SQLite instructions ``job`` runs on the shop's connection, and its result."""
    con = shop.db.connection()
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0
    con.set_progress_handler(tick, 1)
    try:
        result = job()
    finally:
        con.set_progress_handler(None, 1)
    return count[0], result


def clock_matches_rule(shop: Shop) -> None:
    rows = shop.db.execute_sql(RECOMPUTED).fetchall()
    assert rows and all(kept == rule for _, kept, rule in rows), rows


def phone(n: int) -> str:
    return f"139{n:08d}"


def test_the_lapse_job_reads_only_the_members_whose_period_crossed_the_cutoff(
        shop, clock, items, new_member, sell):
    old = new_member("张老", phone(1))                    # joined 22 Nov 2026, never buys again
    clock.set(2027, 6, 1, 10, 0)
    few = [new_member(f"顾客{n}", phone(100 + n)) for n in range(3)]
    for customer in few:
        sell(customer.id, [items.wcb])
    clock.set(2028, 11, 20, 9, 0)                       # day 729 for 张老: nobody is due yet
    shop.members.apply_lapses()
    small, lapsed = steps(shop, shop.members.apply_lapses)
    assert lapsed == []
    clock.set(2027, 6, 2, 10, 0)                        # sixty more members, each with a paid sale
    for n in range(60):
        customer = new_member(f"新客{n}", phone(200 + n))
        sell(customer.id, [items.wcb])
    clock.set(2028, 11, 20, 9, 0)
    large, lapsed = steps(shop, shop.members.apply_lapses)
    assert lapsed == []
    # twenty times the members and sales, and the job does not read one of them
    assert large <= small + 20, (small, large)
    # the day 张老's period crosses the cutoff, exactly 张老 is read and lapsed
    clock.set(2028, 11, 21, 9, 0)
    read: list[list[tuple]] = []
    real_execute = shop.ctx.execute

    def spy(sql, params=()):
        cursor = real_execute(sql, params)
        if sql == LAPSE_DUE:
            rows = cursor.fetchall()
            read.append(rows)
            return _Rows(rows)
        return cursor
    shop.ctx.execute = spy
    try:
        assert shop.members.apply_lapses() == [old.id]
    finally:
        del shop.ctx.execute
    assert [len(rows) for rows in read] == [1]
    assert all(shop.members.info(shop.staff.login("boss", "secret123"), c.id).active for c in few)


class _Rows:
    def __init__(self, rows: list[tuple]) -> None:
        self.rows = rows

    def fetchall(self) -> list[tuple]:
        return self.rows


def test_the_lapse_query_walks_only_the_index_of_active_members(shop):
    plan = " ".join(str(r[-1]) for r in shop.db.execute_sql("EXPLAIN QUERY PLAN " + LAPSE_DUE, ("2030",)))
    assert "member_lapse_due" in plan and "SCAN member" not in plan.replace("USING INDEX", "")


def test_the_lapse_clock_follows_sales_voids_merges_rejoins_and_reinstatements(
        shop, owner, clock, items, new_member, new_customer, sell, owner_ok):
    zhang = new_member("张三", phone(1))
    li = new_member("李四", phone(2))
    clock.set(2027, 3, 1, 11, 0)
    sold = sell(zhang.id, [items.cut])
    clock_matches_rule(shop)
    clock.set(2027, 3, 1, 16, 0)
    shop.sales.void(owner, sold.sale_id, reason="录错了", **owner_ok)     # back to the joining time
    clock_matches_rule(shop)
    sell(li.id, [items.wcb])
    clock.set(2029, 6, 1, 9, 0)
    assert shop.members.apply_lapses() == [zhang.id, li.id]
    shop.members.reinstate(owner, zhang.id, "顾客投诉")                 # the period starts again
    clock_matches_rule(shop)
    clock.set(2029, 6, 2, 9, 0)
    sell(li.id, [items.cut, items.dye], enrol=True, enrol_consent=True)  # rejoins with a joining sale
    clock_matches_rule(shop)
    wang = new_customer("王五", phone(3))
    clock.set(2029, 7, 1, 9, 0)
    sell(wang.id, [items.cut, items.dye], enrol=True, enrol_consent=True)
    shop.customers.merge(owner, keep_id=li.id, drop_id=wang.id)   # sales move to 李四's membership
    clock_matches_rule(shop)
    assert shop.members.apply_lapses() == []


def _downgrade_to_before_the_lapse_clock(path: Path) -> None:
    """The file as a salon-desk without version 16 left it."""
    from salon_desk.db.migrations import __file__ as package
    spec = Path(package).with_name("0016_member_lapse_clock.py").read_text(encoding="utf-8")
    assert "lapse_from" in spec
    con = sqlite3.connect(path)
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'member_lapse_%'"
                               ).fetchall():
        con.execute(f'DROP TRIGGER "{name}"')
    con.execute('DROP INDEX "member_lapse_due"')
    con.execute('DROP INDEX "visit_open"')
    con.execute('ALTER TABLE "member" DROP COLUMN "lapse_from"')
    con.execute("DELETE FROM schema_history WHERE name = '0016_member_lapse_clock'")
    con.commit()
    con.close()


def test_version_16_fills_the_lapse_clock_of_an_existing_file(shop, shop_path, clock, items, new_member, sell):
    zhang = new_member("张三", phone(1))
    li = new_member("李四", phone(2))
    clock.set(2027, 5, 1, 10, 0)
    sell(li.id, [items.cut])
    shop.close()
    _downgrade_to_before_the_lapse_clock(shop_path)
    clock.set(2028, 11, 25, 9, 0)           # 张三 is past day 730, 李四 is not
    reopened = Shop.open(shop_path, clock=clock, run_jobs=False)
    try:
        assert "0016_member_lapse_clock" in reopened.migrations_applied
        clock_matches_rule(reopened)
        assert reopened.members.apply_lapses() == [zhang.id]
    finally:
        reopened.close()


def test_the_yearly_reset_and_the_report_checkpoints_read_only_what_is_new(shop, clock, items, new_member, sell):
    customers = [new_member(f"顾客{n}", phone(n)) for n in range(3)]
    clock.set(2027, 2, 1, 10, 0)
    for customer in customers:
        sell(customer.id, [items.wcb])
    shop.run_daily_jobs()
    resets_small, _ = steps(shop, shop.points.apply_yearly_resets)
    checkpoints_small, _ = steps(shop, shop.reports.refresh_checkpoints)
    clock.set(2027, 3, 1, 10, 0)
    for n in range(40):                     # forty more members and paid sales, a month later
        customer = new_member(f"新客{n}", phone(100 + n))
        sell(customer.id, [items.wcb])
    clock.set(2027, 4, 2, 10, 0)
    shop.run_daily_jobs()                    # the day's first run reads what is new once
    resets_large, applied = steps(shop, shop.points.apply_yearly_resets)
    checkpoints_large, _ = steps(shop, shop.reports.refresh_checkpoints)
    assert applied == []
    assert resets_large <= resets_small + 20, (resets_small, resets_large)
    assert checkpoints_large <= checkpoints_small + 60, (checkpoints_small, checkpoints_large)


def _damage_a_page_of(path: Path, table: str) -> None:
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    try:
        pages = [r[0] for r in con.execute("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'",
                                           (table,)).fetchall()]
    except sqlite3.OperationalError:
        pytest.skip("this SQLite has no dbstat table")
    size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(path, "r+b") as f:
        f.seek((pages[len(pages) // 2] - 1) * size + 8)
        f.write(b"\xff" * 64)


def test_a_file_damaged_deep_inside_opens_and_the_check_finds_it(shop, shop_path, clock, new_customer):
    for n in range(400):
        new_customer(f"顾客{n}", phone(n), notes="常客" * 40)
    shop.close()
    _damage_a_page_of(shop_path, "customer")
    reopened = Shop.open(shop_path, clock=clock, run_jobs=False)    # the counter can show
    try:
        problem = reopened.check_file()
        assert problem != "ok" and problem
    finally:
        reopened.close()


def test_the_daily_jobs_once_a_day_parts_run_once(shop, clock, new_member):
    new_member()
    clock.advance(days=1)                     # the shop was opened (and its jobs run) yesterday
    first = shop.run_daily_jobs(backup=True, care_once=True)
    assert "books" in first and "care" in first and first["backup"] is not None
    again = shop.run_daily_jobs(backup=True, care_once=True)
    assert "books" not in again and "care" not in again and again["backup"] is None
    clock.advance(days=1)
    assert "care" in shop.run_daily_jobs(backup=True, care_once=True)


def test_the_counters_open_visits_are_read_through_their_own_index(shop, cashier, new_customer):
    plan = " ".join(str(r[-1]) for r in shop.db.execute_sql(
        'EXPLAIN QUERY PLAN SELECT * FROM visit WHERE status = \'open\' ORDER BY opened_at, id').fetchall())
    assert "USING INDEX visit_open" in plan and "TEMP B-TREE" not in plan    # only open visits, in order
    zhang = new_customer()
    visit = shop.visits.check_in(cashier, zhang.id)
    assert [v.id for v in shop.visits.open_visits(cashier)] == [visit.id]
