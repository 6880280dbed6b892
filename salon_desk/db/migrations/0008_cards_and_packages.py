"""Version 8: stored-value cards (储值卡) and session packages (次卡/疗程卡), SPEC §10.

- ``card``: card numbers; a lost card gets a new row (the newest is in force), same ledger.
- ``card_entry``: the append-only ledger, principal and bonus apart, with the balances
  after each row; a trigger refuses a row whose after-balances do not follow the last row.
- ``card_topup``: a top-up is a receipt of its own in the shop's one gapless daily sequence.
- ``card_terms_acceptance``: the version of the card terms the customer signed.
- ``package_plan`` / ``package_plan_service``: the catalogue's packages (an item of kind package).
- ``customer_package``: a package sold; ``package_claim``: an open visit line to be paid by one;
  ``package_session``: a session used, linked to the sale line and technician, with its values.
- ``prepaid_refund``: a refund of unused prepaid money, with the statement's working.
"""

from typing import Any

STATEMENTS = [
    'CREATE TABLE "card" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "number" VARCHAR(255) NOT NULL, "issued_at" DATETIME NOT NULL, "staff_id" INTEGER, "reason" TEXT NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));',
    'CREATE UNIQUE INDEX "card_number" ON "card" ("number");',
    'CREATE INDEX "card_customer_id" ON "card" ("customer_id");',
    'CREATE TABLE "card_topup" ("id" INTEGER NOT NULL PRIMARY KEY, "receipt_no" VARCHAR(255) NOT NULL, "day" DATE NOT NULL, "seq" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "card_id" INTEGER NOT NULL, "method" VARCHAR(255) NOT NULL, "pay_fen" INTEGER NOT NULL, "bonus_fen" INTEGER NOT NULL, "tendered_fen" INTEGER, "change_fen" INTEGER NOT NULL, "rule_pay_fen" INTEGER, "tier_granted" VARCHAR(255), "terms_version" VARCHAR(255), "staff_id" INTEGER NOT NULL, "authorised_by_id" INTEGER, "created_at" DATETIME NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("card_id") REFERENCES "card" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("authorised_by_id") REFERENCES "staff" ("id"));',
    'CREATE UNIQUE INDEX "card_topup_receipt_no" ON "card_topup" ("receipt_no");',
    'CREATE UNIQUE INDEX "card_topup_day_seq" ON "card_topup" ("day", "seq");',
    'CREATE INDEX "card_topup_customer_id" ON "card_topup" ("customer_id");',
    'CREATE INDEX "card_topup_created_at" ON "card_topup" ("created_at");',
    'CREATE TABLE "prepaid_refund" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "package_id" INTEGER, "mode" VARCHAR(255) NOT NULL, "refund_fen" INTEGER NOT NULL, "interest_fen" INTEGER NOT NULL, "total_fen" INTEGER NOT NULL, "working" TEXT NOT NULL, "method" VARCHAR(255) NOT NULL, "reason" TEXT NOT NULL, "at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("package_id") REFERENCES "customer_package" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "prepaid_refund_customer_id" ON "prepaid_refund" ("customer_id");',
    'CREATE INDEX "prepaid_refund_at" ON "prepaid_refund" ("at");',
    'CREATE TABLE "card_entry" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "card_id" INTEGER, "kind" VARCHAR(255) NOT NULL, "principal_fen" INTEGER NOT NULL, "bonus_fen" INTEGER NOT NULL, "principal_after_fen" INTEGER NOT NULL, "bonus_after_fen" INTEGER NOT NULL, "day" DATE NOT NULL, "at" DATETIME NOT NULL, "list_fen" INTEGER NOT NULL, "note" TEXT NOT NULL, "staff_id" INTEGER, "sale_id" INTEGER, "refund_id" INTEGER, "topup_id" INTEGER, "prepaid_refund_id" INTEGER, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("card_id") REFERENCES "card" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("refund_id") REFERENCES "refund" ("id"), FOREIGN KEY ("topup_id") REFERENCES "card_topup" ("id"), FOREIGN KEY ("prepaid_refund_id") REFERENCES "prepaid_refund" ("id"));',
    'CREATE INDEX "card_entry_customer_id" ON "card_entry" ("customer_id", "id");',
    'CREATE INDEX "card_entry_sale_id" ON "card_entry" ("sale_id");',
    'CREATE INDEX "card_entry_at" ON "card_entry" ("at");',
    'CREATE TABLE "card_terms_acceptance" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "version" VARCHAR(255) NOT NULL, "at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, "topup_id" INTEGER, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("topup_id") REFERENCES "card_topup" ("id"));',
    'CREATE INDEX "card_terms_acceptance_customer_id" ON "card_terms_acceptance" ("customer_id");',
    'CREATE TABLE "package_plan" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, "sessions" INTEGER NOT NULL, "gifted" INTEGER NOT NULL, "validity_days" INTEGER, FOREIGN KEY ("item_id") REFERENCES "item" ("id"));',
    'CREATE UNIQUE INDEX "package_plan_item_id" ON "package_plan" ("item_id");',
    'CREATE TABLE "package_plan_service" ("id" INTEGER NOT NULL PRIMARY KEY, "plan_id" INTEGER NOT NULL, "item_id" INTEGER NOT NULL, "list_value_fen" INTEGER NOT NULL, FOREIGN KEY ("plan_id") REFERENCES "package_plan" ("id"), FOREIGN KEY ("item_id") REFERENCES "item" ("id"));',
    'CREATE INDEX "package_plan_service_plan_id" ON "package_plan_service" ("plan_id");',
    'CREATE TABLE "customer_package" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "item_id" INTEGER NOT NULL, "sale_id" INTEGER NOT NULL, "sale_line_id" INTEGER NOT NULL, "name" VARCHAR(255) NOT NULL, "sessions" INTEGER NOT NULL, "gifted" INTEGER NOT NULL, "price_fen" INTEGER NOT NULL, "paid_fen" INTEGER NOT NULL, "services" TEXT NOT NULL, "validity_days" INTEGER, "sold_on" DATE NOT NULL, "sold_at" DATETIME NOT NULL, "expires_on" DATE, "closed_at" DATETIME, "closed_by" VARCHAR(255), FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("item_id") REFERENCES "item" ("id"), FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("sale_line_id") REFERENCES "sale_line" ("id"));',
    'CREATE INDEX "customer_package_customer_id" ON "customer_package" ("customer_id");',
    'CREATE UNIQUE INDEX "customer_package_sale_line_id" ON "customer_package" ("sale_line_id");',
    'CREATE INDEX "customer_package_sold_at" ON "customer_package" ("sold_at");',
    'CREATE TABLE "package_claim" ("id" INTEGER NOT NULL PRIMARY KEY, "visit_line_id" INTEGER NOT NULL, "package_id" INTEGER NOT NULL, FOREIGN KEY ("visit_line_id") REFERENCES "visit_line" ("id") ON DELETE CASCADE, FOREIGN KEY ("package_id") REFERENCES "customer_package" ("id"));',
    'CREATE UNIQUE INDEX "package_claim_visit_line_id" ON "package_claim" ("visit_line_id");',
    'CREATE TABLE "package_session" ("id" INTEGER NOT NULL PRIMARY KEY, "package_id" INTEGER NOT NULL, "sale_id" INTEGER NOT NULL, "sale_line_id" INTEGER NOT NULL, "service_item_id" INTEGER NOT NULL, "technician_id" INTEGER, "consumed_fen" INTEGER NOT NULL, "list_fen" INTEGER NOT NULL, "day" DATE NOT NULL, "at" DATETIME NOT NULL, "returned_by_id" INTEGER, FOREIGN KEY ("package_id") REFERENCES "customer_package" ("id"), FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("sale_line_id") REFERENCES "sale_line" ("id"), FOREIGN KEY ("service_item_id") REFERENCES "item" ("id"), FOREIGN KEY ("technician_id") REFERENCES "staff" ("id"), FOREIGN KEY ("returned_by_id") REFERENCES "refund" ("id"));',
    'CREATE INDEX "package_session_package_id" ON "package_session" ("package_id");',
    'CREATE UNIQUE INDEX "package_session_sale_line_id" ON "package_session" ("sale_line_id");',
    'CREATE INDEX "package_session_at" ON "package_session" ("at");',
    'CREATE INDEX "package_session_sale_id" ON "package_session" ("sale_id");',
    # the ledger follows itself: each row's after-balances are the last row's plus its deltas, never below zero
    'CREATE TRIGGER "card_entry_follows" BEFORE INSERT ON "card_entry" BEGIN SELECT RAISE(ABORT, \'card_entry balances do not follow\') WHERE NEW.principal_after_fen < 0 OR NEW.bonus_after_fen < 0 OR NEW.principal_after_fen != COALESCE((SELECT principal_after_fen FROM card_entry WHERE customer_id = NEW.customer_id ORDER BY id DESC LIMIT 1), 0) + NEW.principal_fen OR NEW.bonus_after_fen != COALESCE((SELECT bonus_after_fen FROM card_entry WHERE customer_id = NEW.customer_id ORDER BY id DESC LIMIT 1), 0) + NEW.bonus_fen; END;',
    'CREATE TRIGGER "customer_package_frozen" BEFORE UPDATE OF "id", "customer_id", "item_id", "sale_id", "sale_line_id", "name", "sessions", "gifted", "price_fen", "paid_fen", "services", "sold_on", "sold_at" ON "customer_package" BEGIN SELECT RAISE(ABORT, \'customer_package is append-only\'); END;',
    'CREATE TRIGGER "customer_package_no_delete" BEFORE DELETE ON "customer_package" BEGIN SELECT RAISE(ABORT, \'customer_package is append-only\'); END;',
    'CREATE TRIGGER "package_session_frozen" BEFORE UPDATE OF "id", "package_id", "sale_id", "sale_line_id", "service_item_id", "technician_id", "consumed_fen", "list_fen", "day", "at" ON "package_session" BEGIN SELECT RAISE(ABORT, \'package_session is append-only\'); END;',
    'CREATE TRIGGER "package_session_no_delete" BEFORE DELETE ON "package_session" BEGIN SELECT RAISE(ABORT, \'package_session is append-only\'); END;',
]
for _table in ("card", "card_entry", "card_topup", "card_terms_acceptance", "prepaid_refund"):
    STATEMENTS += [
        f'CREATE TRIGGER "{_table}_no_delete" BEFORE DELETE ON "{_table}" BEGIN SELECT RAISE(ABORT, \'{_table} is append-only\'); END;',
        f'CREATE TRIGGER "{_table}_no_update" BEFORE UPDATE ON "{_table}" BEGIN SELECT RAISE(ABORT, \'{_table} is append-only\'); END;',
    ]


def up(migrator: object, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
