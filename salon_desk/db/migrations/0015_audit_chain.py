"""Version 15: the audit log becomes a hash chain; staff, member and customer rows are never deleted.

Each audit entry gets the seal of the entry before it (``prev_hash``) and its own
(``hash``: SHA-256 over its stored fields and ``prev_hash``, see
:mod:`salon_desk.audit_chain`). The entries already in the file are sealed here, in
order. From now on an entry is accepted only with the next number and a link to the
newest entry's seal (the program computes the seal inside the transaction that writes
the entry; SQLite lets one writer in at a time, so the chain stays one line).

What can never happen silently now, refused by triggers:
- deleting a staff account (deactivate it), a member (lapse it), a customer file
  (archive or erase it), a birthday perk's use, a yearly points reset;
- changing a staff account's number, user name or creation time; a member's row or member
  number (kept when a lapsed member rejoins); a customer file's number or creation time;
- changing what a birthday perk's use was (only its reversal is written, once; a merge moves it
  to the kept customer file);
- changing a yearly points reset.
"""

from typing import Any

from salon_desk.audit_chain import AuditFields, GENESIS, seal


def _refuse(name: str, event: str, table: str, message: str, when: str = "") -> str:
    return (f'CREATE TRIGGER "{name}" BEFORE {event} ON "{table}"{" WHEN " + when if when else ""} '
            f"BEGIN SELECT RAISE(ABORT, '{message}'); END;")


def _changed(*columns: str) -> str:
    """True when an UPDATE changes one of ``columns`` (an ORM's save writes every column unchanged)."""
    return " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in columns)


CHAINED = (
    'CREATE TRIGGER "audit_log_chained" BEFORE INSERT ON "audit_log" WHEN NEW."hash" IS NULL'
    ' OR length(NEW."hash") != 64'
    ' OR NEW."id" IS NOT COALESCE((SELECT MAX("id") FROM "audit_log"), 0) + 1'
    ' OR NEW."prev_hash" IS NOT COALESCE((SELECT "hash" FROM "audit_log" ORDER BY "id" DESC LIMIT 1), \'\')'
    " BEGIN SELECT RAISE(ABORT, 'audit_log entries are chained: written by the program only'); END;")

BEFORE = [
    'DROP TRIGGER "audit_log_no_update"',
    'ALTER TABLE "audit_log" ADD COLUMN "prev_hash" VARCHAR(64)',
    'ALTER TABLE "audit_log" ADD COLUMN "hash" VARCHAR(64)',
]

AFTER = [
    _refuse("audit_log_no_update", "UPDATE", "audit_log", "audit_log is append-only"),
    CHAINED,
    _refuse("staff_no_delete", "DELETE", "staff", "a staff account is deactivated, never deleted"),
    _refuse("staff_identity_fixed", "UPDATE", "staff", "a staff account keeps its number, user name and creation time",
            when=_changed("id", "username", "created_at")),
    _refuse("member_no_delete", "DELETE", "member", "a membership lapses, it is never deleted"),
    # the joining time moves when a lapsed member rejoins (same number) and at a merge
    _refuse("member_identity_fixed", "UPDATE", "member", "a member keeps their number",
            when=_changed("id", "number")),
    _refuse("customer_no_delete", "DELETE", "customer", "a customer file is archived or erased, never deleted"),
    _refuse("customer_identity_fixed", "UPDATE", "customer", "a customer file keeps its number and creation time",
            when=_changed("id", "created_at")),
    _refuse("birthday_perk_use_no_delete", "DELETE", "birthday_perk_use", "birthday_perk_use is append-only"),
    # a merge moves a use to the kept customer file; what was used, when and by whom stays
    _refuse("birthday_perk_use_fixed", "UPDATE", "birthday_perk_use", "birthday_perk_use is append-only",
            when=_changed("id", "year", "perk", "at", "staff_id", "sale_id")),
    _refuse("birthday_perk_use_reversed_once", "UPDATE", "birthday_perk_use", "a birthday perk is given back once",
            when='OLD."reversed_by_id" IS NOT NULL AND NEW."reversed_by_id" IS NOT OLD."reversed_by_id"'),
    _refuse("points_reset_no_delete", "DELETE", "points_reset", "points_reset is append-only"),
    _refuse("points_reset_no_update", "UPDATE", "points_reset", "points_reset is append-only"),
]

STATEMENTS = BEFORE + AFTER

ENTRIES = 'SELECT "id", "at", "staff_id", "action", "target", "details" FROM "audit_log" ORDER BY "id"'
SEAL = 'UPDATE "audit_log" SET "prev_hash" = ?, "hash" = ? WHERE "id" = ?'


def up(migrator: Any, db: Any) -> None:
    for statement in BEFORE:
        db.execute_sql(statement)
    prev = GENESIS
    sealed = []
    for row in db.execute_sql(ENTRIES).fetchall():
        entry = seal(AuditFields(*row), prev)
        sealed.append((entry.prev_hash, entry.hash, entry.id))
        prev = str(entry.hash)
    db.connection().executemany(SEAL, sealed)
    for statement in AFTER:
        db.execute_sql(statement)
