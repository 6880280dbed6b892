"""Rebuild tests/db/fixtures/shop-v1.sqlite: a shop file as version 1 of the schema wrote it.

Run once by hand when the fixture must change; the file is checked in so the
migration test always upgrades a real old file.
"""

import sqlite3
import sys
from pathlib import Path

from playhouse.migrations import Runner

from salon_desk.db.database import HISTORY_TABLE, MIGRATIONS_DIR, PRAGMAS
from salon_desk.db.models import database
from salon_desk.passwords import hash_password
from salon_desk.pinyin_keys import customer_keys

TARGET = Path(__file__).with_name("fixtures") / "shop-v1.sqlite"


def main() -> None:
    TARGET.unlink(missing_ok=True)
    database.init(str(TARGET), pragmas=PRAGMAS)
    Runner(database, str(MIGRATIONS_DIR), table_name=HISTORY_TABLE).up(target="0001_customer_file")
    database.close()
    con = sqlite3.connect(TARGET)
    con.execute("INSERT INTO setting (key, value) VALUES ('shop.name', '\"老店\"')")
    con.execute("INSERT INTO staff (username, display_name, role, password_hash, active, failed_logins, created_at)"
                " VALUES ('boss', '老板', 'owner', ?, 1, 0, '2025-03-01 09:00:00')", (hash_password("boss1234"),))
    con.execute("INSERT INTO customer (name, phone, phone_is_mainland, gender, birth_month, birth_day, region,"
                " skin_type, allergies, care_goals, notes, first_seen, archived, created_at)"
                " VALUES ('王小明', '13900001111', 1, 'male', 6, 18, 'city', 'oily', '', '头皮养护', '老顾客',"
                " '2025-03-02', 0, '2025-03-02 10:00:00')")
    con.executemany("INSERT INTO search_key (customer_id, key) VALUES (1, ?)",
                    [(k,) for k in sorted(customer_keys("王小明", "13900001111"))])
    con.execute("INSERT INTO consent (customer_id, purpose, granted, at, staff_id, notice_version)"
                " VALUES (1, 'keep_file', 1, '2025-03-02 10:00:00', 1, '2025-1')")
    con.execute("INSERT INTO item (kind, code, name, category, price_fen, duration_min, member_discount, active)"
                " VALUES ('service', 'H01', '洗剪吹', 'hair', 6800, 45, 1, 1)")
    con.commit()
    con.execute("PRAGMA journal_mode=delete")
    con.close()
    print(TARGET, TARGET.stat().st_size)


if __name__ == "__main__":
    sys.exit(main())
