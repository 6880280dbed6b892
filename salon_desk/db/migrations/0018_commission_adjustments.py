"""Version 18: manual commission adjustments and the commission on card top-ups.

- ``commission_adjustment``: the owner's adjustment of a technician's month (+/- amount, who and why),
  only into a month not settled. Append-only.
- ``commission_topup``: the card-sale commission of the staff member who sold a top-up, written in the
  top-up's transaction (its rule and version, base, rate, amount, month). Append-only.
- Sales need an open shift by default from this version on; a shop already set up keeps selling as it
  did (``shift.required`` off) until the owner ticks it in the settings.
"""

from typing import Any

STATEMENTS = [
    'CREATE TABLE "commission_adjustment" ("id" INTEGER NOT NULL PRIMARY KEY, "staff_id" INTEGER NOT NULL, "year" INTEGER NOT NULL, "month" INTEGER NOT NULL, "amount_fen" INTEGER NOT NULL, "reason" TEXT NOT NULL, "by_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("by_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "commission_adjustment_month" ON "commission_adjustment" ("year", "month", "staff_id");',
    'CREATE TABLE "commission_topup" ("id" INTEGER NOT NULL PRIMARY KEY, "topup_id" INTEGER NOT NULL, "staff_id" INTEGER NOT NULL, "rule_id" INTEGER, "rule_version" INTEGER, "base_fen" INTEGER NOT NULL, "rate_permille" INTEGER NOT NULL, "amount_fen" INTEGER NOT NULL, "year" INTEGER NOT NULL, "month" INTEGER NOT NULL, "at" DATETIME NOT NULL, FOREIGN KEY ("topup_id") REFERENCES "card_topup" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "commission_topup_month" ON "commission_topup" ("year", "month", "staff_id");',
    'INSERT INTO "setting" ("key", "value") SELECT \'shift.required\', \'false\' WHERE EXISTS (SELECT 1 FROM "staff") AND NOT EXISTS (SELECT 1 FROM "setting" WHERE "key" = \'shift.required\');',
] + [
    f'CREATE TRIGGER "{_table}_no_{_op.lower()}" BEFORE {_op} ON "{_table}" BEGIN SELECT RAISE(ABORT, \'{_table} is append-only\'); END;'
    for _table in ("commission_adjustment", "commission_topup") for _op in ("UPDATE", "DELETE")
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
