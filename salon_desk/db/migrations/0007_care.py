"""Version 7: relationship care (SPEC §7) — follow-up tasks, complaints with their progress log and
remedies, counter ratings, month-end segment snapshots, and the catalogue's aftercare advice.

Tasks, complaints and snapshots are never deleted. A task is closed once: its closing columns
change only while it is open, and what it is (key, type, due time, message, origin) never changes;
its customer changes only when two files are merged. Progress entries, remedies, ratings and
snapshot rows are append-only.
"""

from typing import Any

# Frozen SQL: this step must create the same tables whatever the models look like later.
STATEMENTS = [
    'ALTER TABLE "item" ADD COLUMN "aftercare" TEXT NOT NULL DEFAULT \'\';',
    'CREATE TABLE "complaint" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER NOT NULL, "visit_id" INTEGER, "sale_line_id" INTEGER, "technician_id" INTEGER, "category" VARCHAR(255) NOT NULL, "channel" VARCHAR(255) NOT NULL, "description" TEXT NOT NULL, "received_at" DATETIME NOT NULL, "recorded_by_id" INTEGER NOT NULL, "handler_id" INTEGER, "responded_at" DATETIME, "resolved_at" DATETIME, "resolution" TEXT NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("visit_id") REFERENCES "visit" ("id"), FOREIGN KEY ("sale_line_id") REFERENCES "sale_line" ("id"), FOREIGN KEY ("technician_id") REFERENCES "staff" ("id"), FOREIGN KEY ("recorded_by_id") REFERENCES "staff" ("id"), FOREIGN KEY ("handler_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "complaint_customer_id" ON "complaint" ("customer_id");',
    'CREATE INDEX "complaint_visit_id" ON "complaint" ("visit_id");',
    'CREATE INDEX "complaint_received_at" ON "complaint" ("received_at");',
    'CREATE INDEX "complaint_open" ON "complaint" ("resolved_at", "received_at");',
    'CREATE TABLE "complaint_progress" ("id" INTEGER NOT NULL PRIMARY KEY, "complaint_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, "text" TEXT NOT NULL, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "complaint_progress_complaint_id" ON "complaint_progress" ("complaint_id");',
    'CREATE TABLE "complaint_remedy" ("id" INTEGER NOT NULL PRIMARY KEY, "complaint_id" INTEGER NOT NULL, "kind" VARCHAR(255) NOT NULL, "amount_fen" INTEGER NOT NULL, "points" INTEGER NOT NULL, "note" TEXT NOT NULL, "at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, "refund_id" INTEGER, "visit_line_id" INTEGER, "points_entry_id" INTEGER, FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"), FOREIGN KEY ("refund_id") REFERENCES "refund" ("id"), FOREIGN KEY ("points_entry_id") REFERENCES "points_entry" ("id"));',
    'CREATE INDEX "complaint_remedy_complaint_id" ON "complaint_remedy" ("complaint_id");',
    'CREATE TABLE "followup_task" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, "type" VARCHAR(255) NOT NULL, "customer_id" INTEGER NOT NULL, "visit_id" INTEGER, "complaint_id" INTEGER, "due_at" DATETIME NOT NULL, "all_day" INTEGER NOT NULL, "assignee_id" INTEGER, "message" TEXT NOT NULL, "created_at" DATETIME NOT NULL, "closed_at" DATETIME, "closed_by_id" INTEGER, "outcome" VARCHAR(255), "attitude" INTEGER, "technique" INTEGER, "environment" INTEGER, "comment" TEXT NOT NULL, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("visit_id") REFERENCES "visit" ("id"), FOREIGN KEY ("complaint_id") REFERENCES "complaint" ("id"), FOREIGN KEY ("assignee_id") REFERENCES "staff" ("id"), FOREIGN KEY ("closed_by_id") REFERENCES "staff" ("id"));',
    'CREATE UNIQUE INDEX "followup_task_key" ON "followup_task" ("key");',
    'CREATE INDEX "followup_task_customer_id" ON "followup_task" ("customer_id");',
    'CREATE INDEX "followup_task_open" ON "followup_task" ("closed_at", "due_at");',
    'CREATE INDEX "followup_task_due_at" ON "followup_task" ("due_at");',
    'CREATE INDEX "followup_task_assignee_id" ON "followup_task" ("assignee_id");',
    'CREATE TABLE "counter_rating" ("id" INTEGER NOT NULL PRIMARY KEY, "sale_id" INTEGER NOT NULL, "rating" INTEGER NOT NULL, "at" DATETIME NOT NULL, "staff_id" INTEGER NOT NULL, FOREIGN KEY ("sale_id") REFERENCES "sale" ("id"), FOREIGN KEY ("staff_id") REFERENCES "staff" ("id"));',
    'CREATE UNIQUE INDEX "counter_rating_sale_id" ON "counter_rating" ("sale_id");',
    'CREATE INDEX "counter_rating_at" ON "counter_rating" ("at");',
    'CREATE TABLE "segment_snapshot" ("id" INTEGER NOT NULL PRIMARY KEY, "month" VARCHAR(255) NOT NULL, "as_of" DATE NOT NULL, "created_at" DATETIME NOT NULL, "cuts" TEXT NOT NULL);',
    'CREATE UNIQUE INDEX "segment_snapshot_month" ON "segment_snapshot" ("month");',
    'CREATE TABLE "segment_row" ("id" INTEGER NOT NULL PRIMARY KEY, "snapshot_id" INTEGER NOT NULL, "customer_id" INTEGER NOT NULL, "recency_days" INTEGER NOT NULL, "frequency" INTEGER NOT NULL, "monetary_fen" INTEGER NOT NULL, "r" INTEGER NOT NULL, "f" INTEGER NOT NULL, "m" INTEGER NOT NULL, "value_class" VARCHAR(255) NOT NULL, "spend_24m_fen" INTEGER NOT NULL, "usual_interval_days" INTEGER, FOREIGN KEY ("snapshot_id") REFERENCES "segment_snapshot" ("id"), FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"));',
    'CREATE INDEX "segment_row_snapshot_id" ON "segment_row" ("snapshot_id");',
    'CREATE TRIGGER "followup_task_no_delete" BEFORE DELETE ON "followup_task" BEGIN SELECT RAISE(ABORT, \'followup_task is never deleted\'); END;',
    'CREATE TRIGGER "followup_task_fixed" BEFORE UPDATE OF "id", "key", "type", "visit_id", "complaint_id", "due_at", "all_day", "message", "created_at" ON "followup_task" BEGIN SELECT RAISE(ABORT, \'followup_task is fixed once made\'); END;',
    'CREATE TRIGGER "followup_task_closed_once" BEFORE UPDATE OF "closed_at", "closed_by_id", "outcome", "attitude", "technique", "environment", "comment" ON "followup_task" WHEN OLD."closed_at" IS NOT NULL BEGIN SELECT RAISE(ABORT, \'followup_task is closed once\'); END;',
    'CREATE TRIGGER "complaint_no_delete" BEFORE DELETE ON "complaint" BEGIN SELECT RAISE(ABORT, \'complaint is never deleted\'); END;',
    'CREATE TRIGGER "complaint_fixed" BEFORE UPDATE OF "id", "received_at", "category", "channel", "description", "recorded_by_id", "created_at" ON "complaint" BEGIN SELECT RAISE(ABORT, \'complaint is fixed once recorded\'); END;',
    'CREATE TRIGGER "complaint_answered_once" BEFORE UPDATE OF "responded_at" ON "complaint" WHEN OLD."responded_at" IS NOT NULL BEGIN SELECT RAISE(ABORT, \'complaint is answered once\'); END;',
    'CREATE TRIGGER "complaint_resolved_once" BEFORE UPDATE OF "resolved_at", "resolution" ON "complaint" WHEN OLD."resolved_at" IS NOT NULL BEGIN SELECT RAISE(ABORT, \'complaint is resolved once\'); END;',
]

for _table in ("complaint_progress", "complaint_remedy", "counter_rating", "segment_snapshot", "segment_row"):
    STATEMENTS.append(f'CREATE TRIGGER "{_table}_no_delete" BEFORE DELETE ON "{_table}"'
                      f' BEGIN SELECT RAISE(ABORT, \'{_table} is append-only\'); END;')
    STATEMENTS.append(f'CREATE TRIGGER "{_table}_no_update" BEFORE UPDATE ON "{_table}"'
                      f' BEGIN SELECT RAISE(ABORT, \'{_table} is append-only\'); END;')


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
