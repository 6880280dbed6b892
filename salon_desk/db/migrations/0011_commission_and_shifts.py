"""Version 11: refunds by original payment method (and, with it, the day's close and commission).

- ``refund_payment``: what a void or refund gave back on each payment method; a void returns
  every payment to its own method, a refund of some lines is split over them in proportion.
  Append-only.
- ``staff_level``: a technician's level (助理 / 发型师 / 总监) from a day on, with history.
- ``commission_rule``: the owner's rules, append-only; a change is a new version in force from its day.
- ``line_assistant``: assistants on an open visit line with their shares (the lead has the rest).
- ``commission_entry``: one row per contributor per sale line, written in the checkout transaction;
  a refund or void writes the same rows negated, booked in its own month (or the next open one).
- ``commission_month``: a settled (frozen) month.
- ``shift``: a shift (交班) from its counted float to its blind close; the close numbers it (Z number),
  keeps its report, and from then the row cannot change.
"""

from typing import Any

STATEMENTS = [
    'CREATE TABLE "refund_payment" ("id" INTEGER NOT NULL PRIMARY KEY, "refund_id" INTEGER NOT NULL, "method" VARCHAR(255) NOT NULL, "amount_fen" INTEGER NOT NULL, FOREIGN KEY ("refund_id") REFERENCES "refund" ("id"));',
    'CREATE INDEX "refund_payment_refund_id" ON "refund_payment" ("refund_id");',
    'CREATE TRIGGER "refund_payment_no_update" BEFORE UPDATE ON "refund_payment" BEGIN SELECT RAISE(ABORT, \'refund_payment is append-only\'); END;',
    'CREATE TRIGGER "refund_payment_no_delete" BEFORE DELETE ON "refund_payment" BEGIN SELECT RAISE(ABORT, \'refund_payment is append-only\'); END;',
    'CREATE TABLE "staff_level" ("id" INTEGER NOT NULL PRIMARY KEY, "staff_id" INTEGER NOT NULL, "level" VARCHAR(255) NOT NULL, "effective_from" DATE NOT NULL, "set_by_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("set_by_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "staff_level_staff_id" ON "staff_level" ("staff_id", "effective_from");',
    'CREATE TABLE "commission_rule" ("id" INTEGER NOT NULL PRIMARY KEY, "rule_no" INTEGER NOT NULL, "version" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "staff_id" INTEGER, "level" VARCHAR(255), "category" VARCHAR(255), "designated_permille" INTEGER NOT NULL, "rotation_permille" INTEGER NOT NULL, "fee_fen" INTEGER, "prepaid_permille" INTEGER, "fee_on_free" INTEGER NOT NULL, "bands" TEXT NOT NULL, "tier_mode" VARCHAR(255) NOT NULL, "effective_from" DATE NOT NULL, "effective_to" DATE, "created_by_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("created_by_id") REFERENCES "staff" ("id"));',
    'CREATE UNIQUE INDEX "commission_rule_rule_no_version" ON "commission_rule" ("rule_no", "version");',
    'CREATE TABLE "line_assistant" ("id" INTEGER NOT NULL PRIMARY KEY, "visit_line_id" INTEGER NOT NULL, "staff_id" INTEGER NOT NULL, "permille" INTEGER NOT NULL, FOREIGN KEY ("visit_line_id") REFERENCES "visit_line" ("id") ON DELETE CASCADE, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));',
    'CREATE UNIQUE INDEX "line_assistant_visit_line_id_staff_id" ON "line_assistant" ("visit_line_id", "staff_id");',
    'CREATE TABLE "commission_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_id" INTEGER NOT NULL, "sale_line_id" INTEGER NOT NULL, "refund_id" INTEGER, "staff_id" INTEGER NOT NULL, "role" VARCHAR(255) NOT NULL, "kind" VARCHAR(255) NOT NULL, "designated" INTEGER NOT NULL, "share_permille" INTEGER NOT NULL, "base_fen" INTEGER NOT NULL, "share_base_fen" INTEGER NOT NULL, "card_principal_fen" INTEGER NOT NULL, "card_bonus_fen" INTEGER NOT NULL, "prepaid" INTEGER NOT NULL, "rule_id" INTEGER, "rule_version" INTEGER, "rate_permille" INTEGER NOT NULL, "fee_fen" INTEGER NOT NULL, "amount_fen" INTEGER NOT NULL, "year" INTEGER NOT NULL, "month" INTEGER NOT NULL, "at" DATETIME NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("sale_line_id") REFERENCES "sale_line" ("id"), FOREIGN KEY ("refund_id") REFERENCES "refund" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "commission_entry_month" ON "commission_entry" ("year", "month", "staff_id");',
    'CREATE INDEX "commission_entry_sale_line_id" ON "commission_entry" ("sale_line_id");',
    'CREATE TABLE "commission_month" ("id" INTEGER NOT NULL PRIMARY KEY, "year" INTEGER NOT NULL, "month" INTEGER NOT NULL, "settled_at" DATETIME NOT NULL, "settled_by_id" INTEGER NOT NULL, FOREIGN KEY ("settled_by_id") REFERENCES "staff" ("id"));',
    'CREATE UNIQUE INDEX "commission_month_year_month" ON "commission_month" ("year", "month");',
    'CREATE TABLE "shift" ("id" INTEGER NOT NULL PRIMARY KEY, "z_no" INTEGER, "opened_at" DATETIME NOT NULL, "opened_by_id" INTEGER NOT NULL, "float_fen" INTEGER NOT NULL, "closed_at" DATETIME, "closed_by_id" INTEGER, "counted_fen" INTEGER, "expected_fen" INTEGER, "variance_fen" INTEGER, "reason" TEXT NOT NULL, "authorised_by_id" INTEGER, "next_float_fen" INTEGER, "report" TEXT NOT NULL, FOREIGN KEY ("opened_by_id") REFERENCES "staff" ("id"), FOREIGN KEY ("closed_by_id") REFERENCES "staff" ("id"), FOREIGN KEY ("authorised_by_id") REFERENCES "staff" ("id"));',
    'CREATE UNIQUE INDEX "shift_z_no" ON "shift" ("z_no");',
    'CREATE TRIGGER "shift_closed_no_update" BEFORE UPDATE ON "shift" WHEN OLD.closed_at IS NOT NULL BEGIN SELECT RAISE(ABORT, \'a closed shift cannot change\'); END;',
    'CREATE TRIGGER "shift_no_delete" BEFORE DELETE ON "shift" BEGIN SELECT RAISE(ABORT, \'shift is append-only\'); END;',
] + [
    f'CREATE TRIGGER "{_table}_no_{_op.lower()}" BEFORE {_op} ON "{_table}" BEGIN SELECT RAISE(ABORT, \'{_table} is append-only\'); END;'
    for _table in ("commission_entry", "commission_rule", "commission_month", "staff_level") for _op in ("UPDATE", "DELETE")
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
