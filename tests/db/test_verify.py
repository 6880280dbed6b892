"""`salon-desk verify` and shop.audit.verify check the books and report the first broken link."""

import sqlite3

import pytest

from salon_desk.cli import main
from salon_desk.errors import PermissionDenied


def test_the_books_of_a_normal_day_hold(shop, owner, items, new_customer, sell):
    zhang = new_customer()
    sell(zhang.id, [items.cut])
    sell(None, [items.wcb])
    assert shop.audit.verify(owner) == []


def test_a_receipt_number_changed_by_hand_is_reported(shop, shop_path, owner, items, new_customer, sell):
    zhang = new_customer()
    sell(zhang.id, [items.cut])
    sell(None, [items.wcb])
    con = sqlite3.connect(shop_path)
    con.execute('DROP TRIGGER "sale_amounts_no_update"')        # anyone with the file can do this
    con.execute("UPDATE sale SET seq = 5 WHERE seq = 2")
    con.commit()
    con.close()
    [broken] = shop.audit.verify(owner)
    assert broken.check == "receipts" and "5" in broken.detail


def test_only_the_owner_verifies(shop, cashier):
    with pytest.raises(PermissionDenied):
        shop.audit.verify(cashier)


def test_the_command_line_verifies_as_the_owner(shop, shop_path, owner, monkeypatch, capsys, items, sell):
    sell(None, [items.wcb])
    shop.close()
    monkeypatch.setenv("SALON_DESK_USER", "boss")
    monkeypatch.setenv("SALON_DESK_PASSWORD", "secret123")
    assert main(["verify", "--db", str(shop_path)]) == 0
    assert "the books hold" in capsys.readouterr().out
    con = sqlite3.connect(shop_path)
    con.execute('DROP TRIGGER "sale_amounts_no_update"')
    con.execute("UPDATE sale SET amount_due_fen = amount_due_fen + 1")      # the money tables refuse a payment change
    con.commit()
    con.close()
    code = main(["verify", "--db", str(shop_path)])
    out = capsys.readouterr().out
    assert code == 1 and "BROKEN payments" in out


def test_a_sale_cannot_be_deleted_nor_its_amounts_changed(shop, shop_path, items, sell):
    sell(None, [items.wcb])
    con = sqlite3.connect(shop_path)
    try:
        for statement in ("DELETE FROM sale", "UPDATE sale SET amount_due_fen = 1", "UPDATE sale SET seq = 9"):
            with pytest.raises(sqlite3.IntegrityError):
                con.execute(statement)
        con.execute("UPDATE sale SET status = status")          # what a void changes stays allowed
    finally:
        con.close()


def test_top_ups_share_the_days_receipt_numbers_without_a_false_alarm(shop, owner, cashier, items, new_customer, sell):
    zhang = new_customer()
    sell(zhang.id, [items.cut])
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)     # takes number 2
    sell(zhang.id, [items.wcb])                                                     # number 3
    assert shop.audit.verify(owner) == []


def test_a_points_entry_slipped_in_below_zero_is_reported(shop, shop_path, owner, new_member):
    zhang = new_member(points=100)
    con = sqlite3.connect(shop_path)
    con.execute("INSERT INTO points_entry (customer_id, kind, points, at, reason) "
                "VALUES (?, 'gift', -300, '2026-01-05 10:00:00', '')", (zhang.id,))
    entry = con.execute("SELECT MAX(id) FROM points_entry").fetchone()[0]
    con.commit()
    con.close()
    [broken] = [b for b in shop.audit.verify(owner) if b.check == "points"]
    assert broken.detail == f"entry {entry} (gift -300) took customer {zhang.id}'s balance to -200"


def test_a_refund_may_leave_a_negative_balance(shop, owner, owner_ok, items, new_member, sell):
    zhang = new_member(tier="gold")
    sale = sell(zhang.id, [items.cut, items.dye])
    earned = shop.points.balance(owner, zhang.id)
    shop.points.adjust(owner, zhang.id, -earned + 10, "兑换礼品")
    shop.sales.refund(owner, sale.sale_id, grant=owner_ok["grant"], reason="不满意", shortfall="negative")
    assert shop.points.balance(owner, zhang.id) < 0
    assert shop.audit.verify(owner) == []


def test_a_points_total_kept_for_the_reports_that_disagrees_with_the_ledger_is_reported(
        shop, shop_path, owner, clock, new_member):
    clock.set(2026, 1, 10, 10)
    new_member(points=100)
    clock.set(2026, 3, 10, 10)
    shop.reports.refresh_checkpoints()
    con = sqlite3.connect(shop_path)
    assert con.execute("SELECT value FROM report_checkpoint WHERE ledger = 'points' AND key = 'total' "
                       "AND at = '2026-02-01 00:00:00'").fetchone() == (100,)
    con.execute("UPDATE report_checkpoint SET value = 900 WHERE ledger = 'points' AND key = 'total' "
                "AND at = '2026-02-01 00:00:00'")
    con.commit()
    con.close()
    [broken] = [b for b in shop.audit.verify(owner) if b.check == "points"]
    assert broken.detail == "the balance kept for 2026-02-01 is 900, the ledger adds up to 100"


def test_staff_member_and_customer_rows_are_never_deleted_nor_renumbered(shop, shop_path, new_member):
    zhang = new_member()
    con = sqlite3.connect(shop_path)
    try:
        for statement in ("DELETE FROM staff WHERE username = 'xiaomei'",
                          "UPDATE staff SET username = 'boss2' WHERE username = 'boss'",
                          "UPDATE staff SET created_at = '2020-01-01 00:00:00'",
                          "DELETE FROM member", "UPDATE member SET number = number + 100",
                          "DELETE FROM customer", "UPDATE customer SET id = id + 100"):
            with pytest.raises(sqlite3.IntegrityError):
                con.execute(statement)
        # what the program changes stays possible: a name, a role, a tier, a lapse, a rejoining
        con.execute("UPDATE staff SET display_name = '老板娘', failed_logins = 0")
        con.execute("UPDATE member SET tier = 'gold', active = 0, joined_at = '2020-01-01 00:00:00'")
        con.execute("UPDATE customer SET name = '张三丰' WHERE id = ?", (zhang.id,))
    finally:
        con.rollback()
        con.close()


# the tables that hold money or points: none of their rows can be deleted, nor an amount changed
MONEY_TABLES = {
    "sale": ("list_total_fen", "amount_due_fen", "points_redeemed"),
    "sale_line": ("unit_price_fen", "amount_fen", "points_share_fen", "quantity"),
    "payment": ("amount_fen", "method"),
    "refund": ("amount_fen",),
    "refund_line": ("amount_fen",),
    "refund_payment": ("amount_fen",),
    "points_entry": ("points",),
    "card_topup": ("pay_fen", "bonus_fen"),
    "card_entry": ("principal_fen", "bonus_fen", "principal_after_fen"),
    "audit_log": ("details",),
}


def test_the_money_tables_refuse_deletes_and_changed_amounts(shop, shop_path, owner, owner_ok, cashier, items,
                                                            new_member, sell):
    zhang = new_member(points=500)
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)
    sale = sell(zhang.id, [items.cut, items.care], points=100)
    shop.sales.refund(owner, sale.sale_id, [sale.lines[0].sale_line_id], grant=owner_ok["grant"], reason="不满意")
    con = sqlite3.connect(shop_path)
    try:
        for table, columns in MONEY_TABLES.items():
            assert con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] > 0, table
            with pytest.raises(sqlite3.IntegrityError):
                con.execute(f"DELETE FROM {table}")
            for column in columns:
                with pytest.raises(sqlite3.IntegrityError, match="append-only|frozen"):
                    con.execute(f"UPDATE {table} SET {column} = {column} + 1")
    finally:
        con.rollback()
        con.close()


def test_the_nightly_check_runs_once_a_day_and_is_kept_for_the_owner(shop, shop_path, owner, clock, items, sell):
    sell(None, [items.wcb])
    assert shop.audit.last_check(owner) is None
    assert shop.run_daily_jobs(backup=True)["books"] == []
    assert "books" not in shop.run_daily_jobs(backup=True)          # the same day: not again
    first = shop.audit.last_check(owner)
    assert first.nightly and first.problems == () and first.at == clock()
    con = sqlite3.connect(shop_path)
    con.execute('DROP TRIGGER "sale_amounts_no_update"')
    con.execute("UPDATE sale SET amount_due_fen = amount_due_fen + 1")
    con.commit()
    con.close()
    clock.advance(days=1)
    [found] = shop.run_daily_jobs(backup=True)["books"]
    assert found.check == "payments"
    kept = shop.audit.last_check(owner)
    assert [b.check for b in kept.problems] == ["payments"] and kept.at == clock()


def test_the_owners_check_is_recorded_with_the_chain_break(shop, shop_path, owner, clock, items, sell):
    sell(None, [items.wcb])
    con = sqlite3.connect(shop_path)
    con.execute('DROP TRIGGER "audit_log_no_update"')
    con.execute("UPDATE audit_log SET target = 'x' WHERE id = 2")
    at = con.execute("SELECT at FROM audit_log WHERE id = 2").fetchone()[0]
    con.commit()
    con.close()
    clock.advance(hours=1)
    [broken] = shop.audit.verify(owner, record=True)
    kept = shop.audit.last_check(owner)
    assert not kept.nightly and kept.at == clock()
    assert kept.problems[0].chain == broken.chain and (broken.chain.entry_id, broken.chain.at) == (2, at)
