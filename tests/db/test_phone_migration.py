"""Migration 10 rewrites stored phones in one form and reports the duplicates it finds."""

import json
import sqlite3

from salon_desk.db import Shop


def test_stored_full_width_phones_are_normalised_and_duplicates_reported(shop, shop_path, owner, clock, new_customer):
    wide = new_customer("张三", "13700000001")
    twin = new_customer("张三（新）", "13812345678")
    shop.close()
    con = sqlite3.connect(shop_path)       # as a version before 10 stored them: as typed
    con.execute("UPDATE customer SET phone = '１３７ ０００００００１' WHERE id = ?", (wide.id,))
    columns = [r[1] for r in con.execute("PRAGMA table_info(customer)") if r[1] not in ("id", "name", "phone")]
    listed = ", ".join(columns)
    dup = con.execute(f"INSERT INTO customer (name, phone, {listed}) SELECT '张三', '１３８１２３４５６７８', {listed} "
                      "FROM customer WHERE id = ?", (wide.id,)).lastrowid
    con.execute("DELETE FROM schema_history WHERE name = '0010_data_safety'")
    con.commit()
    con.close()
    reopened = Shop.open(shop_path, clock=clock)
    boss = reopened.staff.login("boss", "secret123")
    assert [c.id for c in reopened.customers.find(boss, "13700000001")] == [wide.id]
    assert [c.id for c in reopened.customers.find(boss, "0001")] == [wide.id]
    con = sqlite3.connect(shop_path)
    phones = dict(con.execute("SELECT id, phone FROM customer"))
    [(details,)] = con.execute("SELECT details FROM audit_log WHERE action = 'phone_duplicates'").fetchall()
    con.close()
    assert phones[wide.id] == "13700000001"
    assert json.loads(details)["pairs"] == [{"customer": dup, "same_as": twin.id, "phone": "13812345678"}]
    reopened.close()
