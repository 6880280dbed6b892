"""Version 16: each member carries the moment their lapse period counts from, indexed; open visits are indexed.

``member.lapse_from`` is the latest of joining, the last reinstatement and the last
completed (paid) sale of the membership: the same three moments the lapse rule
(SPEC §2) compares with its cutoff. Triggers keep it up to date whatever writes the
rows (checkout, a void, a merge moving sales, a rejoin, a reinstatement), and a
partial index over the active members lets the daily lapse job read only the
members whose period crossed the cutoff, instead of every member and every sale.

A partial index over the open visits lets the counter list who is in the shop now
without reading every visit of the shop's history at each start.

The column is not a field of the peewee model on purpose: a ``save()`` of a member
read before a sale would write its stale value back over the triggers' one.
"""

from typing import Any

RECOMPUTE = (
    'UPDATE "member" SET "lapse_from" = MAX("joined_at",'
    ' COALESCE((SELECT MAX(s."created_at") FROM "sale" s WHERE s."member_id" = "member"."id"'
    " AND s.\"status\" = 'completed'), ''),"
    ' COALESCE((SELECT MAX(t."at") FROM "tier_change" t WHERE t."member_id" = "member"."id"'
    " AND t.\"kind\" = 'reinstate'), ''))")

STATEMENTS = [
    'ALTER TABLE "member" ADD COLUMN "lapse_from" DATETIME',
    RECOMPUTE + ";",
    'CREATE INDEX "member_lapse_due" ON "member" ("lapse_from") WHERE "active" = 1;',
    # the counter's "in the shop now" list at start: the open visits only, not every visit ever
    'CREATE INDEX "visit_open" ON "visit" ("opened_at", "id") WHERE "status" = \'open\';',
    # a paid sale moves the member's clock forward (the common case: no other row is read)
    'CREATE TRIGGER "member_lapse_sale_insert" AFTER INSERT ON "sale"'
    " WHEN NEW.\"member_id\" IS NOT NULL AND NEW.\"status\" = 'completed' BEGIN"
    ' UPDATE "member" SET "lapse_from" = NEW."created_at" WHERE "id" = NEW."member_id"'
    ' AND ("lapse_from" IS NULL OR "lapse_from" < NEW."created_at"); END;',
    # a void, or a sale moved to another membership (joining sale, merge): both recomputed
    'CREATE TRIGGER "member_lapse_sale_update" AFTER UPDATE OF "status", "member_id" ON "sale"'
    ' WHEN OLD."status" IS NOT NEW."status" OR OLD."member_id" IS NOT NEW."member_id" BEGIN '
    + RECOMPUTE + ' WHERE "id" IN (OLD."member_id", NEW."member_id"); END;',
    'CREATE TRIGGER "member_lapse_member_insert" AFTER INSERT ON "member" BEGIN '
    + RECOMPUTE + ' WHERE "id" = NEW."id"; END;',
    'CREATE TRIGGER "member_lapse_member_update" AFTER UPDATE OF "joined_at", "active" ON "member"'
    ' WHEN OLD."joined_at" IS NOT NEW."joined_at" OR OLD."active" IS NOT NEW."active" BEGIN '
    + RECOMPUTE + ' WHERE "id" = NEW."id"; END;',
    'CREATE TRIGGER "member_lapse_reinstate" AFTER INSERT ON "tier_change"'
    " WHEN NEW.\"kind\" = 'reinstate' BEGIN " + RECOMPUTE + ' WHERE "id" = NEW."member_id"; END;',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
