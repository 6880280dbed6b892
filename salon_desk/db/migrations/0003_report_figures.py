"""Version 3: what the monthly report needs to cost in proportion to the month.

Covering indexes for range reads of the points ledger, tier changes and new
customers by date, and a table of ledger checkpoints (derived data: the
report layer rebuilds any checkpoint a back-dated row would invalidate).
"""

from typing import Any

# Frozen SQL, like the earlier steps.
STATEMENTS = [
    'CREATE INDEX "points_entry_at_kind_points" ON "points_entry" ("at", "kind", "points");',
    'CREATE INDEX "tier_change_at_kind" ON "tier_change" ("at", "kind", "from_tier", "to_tier");',
    'CREATE INDEX "customer_first_seen" ON "customer" ("first_seen");',
    'CREATE TABLE "report_checkpoint" ("ledger" VARCHAR(255) NOT NULL, "at" DATETIME NOT NULL,'
    ' "key" VARCHAR(255) NOT NULL, "value" INTEGER NOT NULL, PRIMARY KEY ("ledger", "at", "key"));',
    'CREATE TABLE "report_checkpoint_state" ("ledger" VARCHAR(255) NOT NULL PRIMARY KEY,'
    ' "verified_id" INTEGER NOT NULL);',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
