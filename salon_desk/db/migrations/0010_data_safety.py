"""Version 10: stored phones in one canonical form, duplicates reported for the owner to merge.

A phone typed with full-width digits (common with Chinese input methods) or with
separators was stored as typed, so the same number typed in ASCII made a second
customer and the phone-tail search missed the first. Every stored phone is rewritten
in the form :func:`salon_desk.phone.normalise_phone` gives, with its search keys.
When the canonical form is already another customer's phone, the two are the same
person: the phone is left as it is and the pair is written to the audit log
(``phone_duplicates``) for the owner to merge (merging keeps one customer file).
"""

import json
from datetime import datetime
from typing import Any

from salon_desk.phone import normalise_phone
from salon_desk.pinyin_keys import PHONE, TAIL, phone_keys


def up(migrator: Any, db: Any) -> None:
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
        db.execute_sql("INSERT INTO audit_log (at, staff_id, action, target, details) VALUES (?, NULL, ?, ?, ?)",
                       (datetime.now().replace(microsecond=0), "phone_duplicates", str(len(duplicates)),
                        json.dumps({"pairs": duplicates}, ensure_ascii=False)))
