"""Version 11: refunds by original payment method (and, with it, the day's close and commission).

- ``refund_payment``: what a void or refund gave back on each payment method; a void returns
  every payment to its own method, a refund of some lines is split over them in proportion.
  Append-only.
"""

from typing import Any

STATEMENTS = [
    'CREATE TABLE "refund_payment" ("id" INTEGER NOT NULL PRIMARY KEY, "refund_id" INTEGER NOT NULL, "method" VARCHAR(255) NOT NULL, "amount_fen" INTEGER NOT NULL, FOREIGN KEY ("refund_id") REFERENCES "refund" ("id"));',
    'CREATE INDEX "refund_payment_refund_id" ON "refund_payment" ("refund_id");',
    'CREATE TRIGGER "refund_payment_no_update" BEFORE UPDATE ON "refund_payment" BEGIN SELECT RAISE(ABORT, \'refund_payment is append-only\'); END;',
    'CREATE TRIGGER "refund_payment_no_delete" BEFORE DELETE ON "refund_payment" BEGIN SELECT RAISE(ABORT, \'refund_payment is append-only\'); END;',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
