"""Version 10: stored phones in one canonical form, duplicates reported for the owner to merge.

A phone typed with full-width digits (common with Chinese input methods) or with
separators was stored as typed, so the same number typed in ASCII made a second
customer and the phone-tail search missed the first. Every stored phone is rewritten
in the form :func:`salon_desk.phone.normalise_phone` gives, with its search keys.
When the canonical form is already another customer's phone, the two are the same
person: the phone is left as it is and the pair is written to the audit log
(``phone_duplicates``) for the owner to merge (merging keeps one customer file).

A sale can no longer be deleted, nor its number or amounts changed (its status changes
when it is voided; its customer when two customer files are merged), as its lines and
payments already could not.
"""

import json
from datetime import datetime
from typing import Any

from salon_desk.db.audit_log import append_in_migration
from salon_desk.phone import normalise_phone
from salon_desk.pinyin_keys import PHONE, TAIL, phone_keys


FROZEN_SALE_COLUMNS = ("receipt_no", "day", "seq", "visit_id", "tier", "cashier_id", "list_total_fen",
                       "member_discount_fen", "birthday_discount_fen", "points_redeemed",
                       "points_discount_fen", "amount_due_fen")

STATEMENTS = [
    'CREATE TRIGGER IF NOT EXISTS "sale_no_delete" BEFORE DELETE ON "sale" '
    'BEGIN SELECT RAISE(ABORT, \'sale is append-only\'); END;',
    'CREATE TRIGGER IF NOT EXISTS "sale_amounts_no_update" BEFORE UPDATE ON "sale" WHEN '
    + " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in FROZEN_SALE_COLUMNS)
    + ' BEGIN SELECT RAISE(ABORT, \'a sale\'\'s number and amounts are frozen\'); END;',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
    rows = db.execute_sql("SELECT id, phone FROM customer WHERE phone IS NOT NULL ORDER BY id").fetchall()
    taken = {phone: cid for cid, phone in rows}
    duplicates = []
    for cid, phone in rows:
        try:
            canonical = normalise_phone(phone)
        except Exception:          # text that is not valid Unicode: left for the owner to see
            continue
        if canonical == phone:
            continue
        other = taken.get(canonical)
        if other is not None and other != cid:
            duplicates.append({"customer": cid, "same_as": other, "phone": canonical})
            continue
        db.execute_sql("UPDATE customer SET phone = ? WHERE id = ?", (canonical, cid))
        taken.pop(phone, None)
        taken[canonical] = cid
        last = db.execute_sql("SELECT MAX(last_visit_at) FROM search_key WHERE customer_id = ?", (cid,)).fetchone()[0]
        db.execute_sql("DELETE FROM search_key WHERE customer_id = ? AND (substr(key, 1, 2) = ? "
                       "OR substr(key, 1, 2) = ?)", (cid, PHONE, TAIL))
        for key in sorted(phone_keys(canonical)):
            db.execute_sql("INSERT INTO search_key (customer_id, key, last_visit_at) VALUES (?, ?, ?)",
                           (cid, key, last))
    if duplicates:
        append_in_migration(db, datetime.now().replace(microsecond=0), None, "phone_duplicates",
                            str(len(duplicates)), json.dumps({"pairs": duplicates}, ensure_ascii=False))
