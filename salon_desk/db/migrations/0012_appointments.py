"""Version 12: appointments (预约).

- ``booking``: a customer from the file or a newcomer's name and phone, notes, who booked it and
  when, its status (booked → checked_in → completed, or cancelled with a reason, or no_show), the
  visit it was checked in to, the reminder sent (who, when). Never deleted.
- ``booking_line``: each service with its technician, start, minutes and 指定/轮牌 flag; indexed by
  technician and start for the clash check.
"""

from typing import Any

STATEMENTS = [
    'CREATE TABLE "booking" ("id" INTEGER NOT NULL PRIMARY KEY, "customer_id" INTEGER, "newcomer_name" VARCHAR(255) NOT NULL, "newcomer_phone" VARCHAR(255) NOT NULL, "notes" TEXT NOT NULL, "status" VARCHAR(255) NOT NULL, "start_at" DATETIME NOT NULL, "end_at" DATETIME NOT NULL, "booked_by_id" INTEGER NOT NULL, "booked_at" DATETIME NOT NULL, "cancel_reason" TEXT NOT NULL, "closed_at" DATETIME, "closed_by_id" INTEGER, "visit_id" INTEGER, "completed_at" DATETIME, "reminder_sent_at" DATETIME, "reminder_sent_by_id" INTEGER, FOREIGN KEY ("customer_id") REFERENCES "customer" ("id"), FOREIGN KEY ("booked_by_id") REFERENCES "staff" ("id"), FOREIGN KEY ("closed_by_id") REFERENCES "staff" ("id"), FOREIGN KEY ("visit_id") REFERENCES "visit" ("id"), FOREIGN KEY ("reminder_sent_by_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "booking_start_at" ON "booking" ("start_at");',
    'CREATE INDEX "booking_customer_id" ON "booking" ("customer_id", "status");',
    'CREATE INDEX "booking_visit_id" ON "booking" ("visit_id");',
    'CREATE TABLE "booking_line" ("id" INTEGER NOT NULL PRIMARY KEY, "booking_id" INTEGER NOT NULL, "item_id" INTEGER NOT NULL, "technician_id" INTEGER NOT NULL, "start_at" DATETIME NOT NULL, "end_at" DATETIME NOT NULL, "minutes" INTEGER NOT NULL, "designated" INTEGER NOT NULL, FOREIGN KEY ("booking_id") REFERENCES "booking" ("id"), FOREIGN KEY ("item_id") REFERENCES "item" ("id"), FOREIGN KEY ("technician_id") REFERENCES "staff" ("id"));',
    'CREATE INDEX "booking_line_booking_id" ON "booking_line" ("booking_id");',
    'CREATE INDEX "booking_line_technician_start" ON "booking_line" ("technician_id", "start_at");',
    # kept for good: a cancelled or no-show booking is history (no-show counts, the monthly report)
    'CREATE TRIGGER "booking_no_delete" BEFORE DELETE ON "booking" BEGIN SELECT RAISE(ABORT, \'booking is never deleted\'); END;',
    'CREATE TRIGGER "booking_line_no_delete" BEFORE DELETE ON "booking_line" BEGIN SELECT RAISE(ABORT, \'booking_line is never deleted\'); END;',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
