"""Version 3: each search key carries its customer's last visit, indexed with the key,
so the counter's search reads the most recent matches straight from one index."""

from typing import Any

STATEMENTS = [
    'ALTER TABLE "search_key" ADD COLUMN "last_visit_at" DATETIME',
    'UPDATE "search_key" SET "last_visit_at" = (SELECT "last_visit_at" FROM "customer"'
    ' WHERE "customer"."id" = "search_key"."customer_id")',
    'CREATE INDEX "search_key_key_recency" ON "search_key" ("key", "last_visit_at", "customer_id")',
    'DROP INDEX "search_key_key"',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
