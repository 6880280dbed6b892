"""Version 14: customers are found by every reading of their surname (宓 fu or mi, 阚 kan or han).

The search keys of files saved before were made with one reading; this adds the keys the
current rule makes and the file lacks (it only adds: every old key is still made).
"""

from typing import Any


def up(migrator: Any, db: Any) -> None:
    from salon_desk.pinyin_keys import customer_keys   # pypinyin loads only when a migration needs it
    rows = db.execute_sql("SELECT id, name, phone, last_visit_at FROM customer WHERE anonymised_at IS NULL").fetchall()
    have: dict[int, set[str]] = {}
    for customer_id, key in db.execute_sql("SELECT customer_id, key FROM search_key").fetchall():
        have.setdefault(customer_id, set()).add(key)
    missing = [(customer_id, key, last) for customer_id, name, phone, last in rows
               for key in sorted(customer_keys(name or "", phone) - have.get(customer_id, set()))]
    if missing:
        db.connection().executemany(
            "INSERT INTO search_key (customer_id, key, last_visit_at) VALUES (?, ?, ?)", missing)
