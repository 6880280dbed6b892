"""Version 1: settings, staff, the customer file with consents and search keys,
the catalogue and the audit log."""

from typing import Any

# Frozen SQL: this step must create the same tables whatever the models
# look like later, so it does not read salon_desk.db.models.
STATEMENTS = [
    'CREATE TABLE "setting" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, "value" TEXT NOT NULL);',
    'CREATE UNIQUE INDEX "setting_key" ON "setting" ("key");',
    'CREATE TABLE "staff" ("id" INTEGER NOT NULL PRIMARY KEY, "username" VARCHAR(255) NOT NULL, "display_name" VARCHAR(255) NOT NULL, "role" VARCHAR(255) NOT NULL, "password_hash" VARCHAR(255) NOT NULL, "active" INTEGER NOT NULL, "failed_logins" INTEGER NOT NULL, "locked_until" DATETIME, "created_at" DATETIME NOT NULL);',
    'CREATE UNIQUE INDEX "staff_username" ON "staff" ("username");',
    'CREATE TABLE "customer" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "phone" VARCHAR(255), "phone_is_mainland" INTEGER NOT NULL, "gender" VARCHAR(255) NOT NULL, "birth_year" INTEGER, "birth_month" INTEGER, "birth_day" INTEGER, "region" VARCHAR(255) NOT NULL, "skin_type" VARCHAR(255) NOT NULL, "allergies" TEXT NOT NULL, "care_goals" TEXT NOT NULL, "notes" TEXT NOT NULL, "referred_by_id" INTEGER, "first_seen" DATE NOT NULL, "archived" INTEGER NOT NULL, "anonymised_at" DATETIME, "merged_into_id" INTEGER, "last_visit_at" DATETIME, "created_at" DATETIME NOT NULL, FOREIGN KEY ("referred_by_id") REFERENCES "customer" ("id"), FOREIGN KEY ("merged_into_id") REFERENCES "customer" ("id"));',
    'CREATE UNIQUE INDEX "customer_phone" ON "customer" ("phone");',
    'CREATE INDEX "customer_referred_by_id" ON "customer" ("referred_by_id");',
    'CREATE INDEX "customer_merged_into_id" ON "customer" ("merged_into_id");',
    'CREATE INDEX "customer_last_visit_at" ON "customer" ("last_visit_at");',
    'CREATE TABLE "customer_tag" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "tag" VARCHAR(255) NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"));',
    'CREATE INDEX "customer_tag_customer_id" ON "customer_tag" ("customer_id");',
    'CREATE TABLE "search_key" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "key" VARCHAR(255) NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"));',
    'CREATE INDEX "search_key_customer_id" ON "search_key" ("customer_id");',
    'CREATE INDEX "search_key_key" ON "search_key" ("key");',
    'CREATE TABLE "consent" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "purpose" VARCHAR(255) NOT NULL, "granted" INTEGER NOT NULL, "at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, "notice_version" VARCHAR(255) NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "consent_customer_id" ON "consent" ("customer_id");',
    'CREATE INDEX "consent_staff_id" ON "consent" ("staff_id");',
    'CREATE TABLE "item" ("id" INTEGER NOT NULL PRIMARY KEY, "kind" VARCHAR(255) NOT NULL, "code" VARCHAR(255) NOT NULL, "name" VARCHAR(255) NOT NULL, "category" VARCHAR(255) NOT NULL, "price_fen" INTEGER NOT NULL, "duration_min" INTEGER NOT NULL, "member_discount" INTEGER NOT NULL, "active" INTEGER NOT NULL, "low_stock_at" INTEGER);',
    'CREATE UNIQUE INDEX "item_code" ON "item" ("code");',
    'CREATE TABLE "audit_log" ("id" INTEGER NOT NULL PRIMARY KEY, "at" DATETIME NOT NULL, "staff_id" INTEGER, "action" VARCHAR(255) NOT NULL, "target" VARCHAR(255) NOT NULL, "details" TEXT NOT NULL, FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "audit_log_at" ON "audit_log" ("at");',
    'CREATE INDEX "audit_log_staff_id" ON "audit_log" ("staff_id");',
    'CREATE TABLE "daily_job" ("id" INTEGER NOT NULL PRIMARY KEY, "name" VARCHAR(255) NOT NULL, "last_run" DATE NOT NULL);',
    'CREATE UNIQUE INDEX "daily_job_name" ON "daily_job" ("name");',
    'CREATE TRIGGER "audit_log_no_delete" BEFORE DELETE ON "audit_log" BEGIN SELECT RAISE(ABORT, \'audit_log is append-only\'); END;',
    'CREATE TRIGGER "audit_log_no_update" BEFORE UPDATE ON "audit_log" BEGIN SELECT RAISE(ABORT, \'audit_log is append-only\'); END;',
    'CREATE TRIGGER "consent_no_delete" BEFORE DELETE ON "consent" BEGIN SELECT RAISE(ABORT, \'consent is append-only\'); END;',
    'CREATE TRIGGER "consent_no_update" BEFORE UPDATE ON "consent" BEGIN SELECT RAISE(ABORT, \'consent is append-only\'); END;',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
