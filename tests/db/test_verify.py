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
