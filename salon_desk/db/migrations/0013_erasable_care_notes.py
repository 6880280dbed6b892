"""Version 13: erasing a customer (PIPL) wipes the free text written about them in care too.

Follow-up messages and comments, complaint descriptions and resolutions, progress entries and
remedy notes may hold health remarks or the customer's own words. They stay frozen as before,
except that each may be emptied (and only emptied); every other column is as fixed as it was.
"""

from typing import Any

_KEEP = "BEGIN SELECT RAISE(ABORT, '{what}'); END;"

STATEMENTS = [
    'DROP TRIGGER "followup_task_fixed"',
    'CREATE TRIGGER "followup_task_fixed" BEFORE UPDATE OF "id", "key", "type", "visit_id", "complaint_id",'
    ' "due_at", "all_day", "created_at" ON "followup_task" ' + _KEEP.format(what="followup_task is fixed once made"),
    'CREATE TRIGGER "followup_task_message_fixed" BEFORE UPDATE OF "message" ON "followup_task"'
    ' WHEN NEW."message" <> \'\' ' + _KEEP.format(what="followup_task is fixed once made"),
    'DROP TRIGGER "followup_task_closed_once"',
    'CREATE TRIGGER "followup_task_closed_once" BEFORE UPDATE OF "closed_at", "closed_by_id", "outcome", "attitude",'
    ' "technique", "environment" ON "followup_task" WHEN OLD."closed_at" IS NOT NULL '
    + _KEEP.format(what="followup_task is closed once"),
    'CREATE TRIGGER "followup_task_comment_once" BEFORE UPDATE OF "comment" ON "followup_task"'
    ' WHEN OLD."closed_at" IS NOT NULL AND NEW."comment" <> \'\' ' + _KEEP.format(what="followup_task is closed once"),
    'DROP TRIGGER "complaint_fixed"',
    'CREATE TRIGGER "complaint_fixed" BEFORE UPDATE OF "id", "received_at", "category", "channel", "recorded_by_id",'
    ' "created_at" ON "complaint" ' + _KEEP.format(what="complaint is fixed once recorded"),
    'CREATE TRIGGER "complaint_description_fixed" BEFORE UPDATE OF "description" ON "complaint"'
    ' WHEN NEW."description" <> \'\' ' + _KEEP.format(what="complaint is fixed once recorded"),
    'DROP TRIGGER "complaint_resolved_once"',
    'CREATE TRIGGER "complaint_resolved_once" BEFORE UPDATE OF "resolved_at" ON "complaint"'
    ' WHEN OLD."resolved_at" IS NOT NULL ' + _KEEP.format(what="complaint is resolved once"),
    'CREATE TRIGGER "complaint_resolution_once" BEFORE UPDATE OF "resolution" ON "complaint"'
    ' WHEN OLD."resolved_at" IS NOT NULL AND NEW."resolution" <> \'\' ' + _KEEP.format(what="complaint is resolved once"),
    'DROP TRIGGER "complaint_progress_no_update"',
    'CREATE TRIGGER "complaint_progress_no_update" BEFORE UPDATE ON "complaint_progress"'
    ' WHEN NEW."text" <> \'\' OR NEW."id" IS NOT OLD."id" OR NEW."complaint_id" IS NOT OLD."complaint_id"'
    ' OR NEW."at" IS NOT OLD."at" OR NEW."staff_id" IS NOT OLD."staff_id" '
    + _KEEP.format(what="complaint_progress is append-only"),
    'DROP TRIGGER "complaint_remedy_no_update"',
    'CREATE TRIGGER "complaint_remedy_no_update" BEFORE UPDATE OF "id", "complaint_id", "kind", "amount_fen",'
    ' "points", "at", "staff_id", "refund_id", "visit_line_id", "points_entry_id" ON "complaint_remedy" ' + _KEEP.format(what="complaint_remedy is append-only"),
    'CREATE TRIGGER "complaint_remedy_note_fixed" BEFORE UPDATE OF "note" ON "complaint_remedy"'
    ' WHEN NEW."note" <> \'\' ' + _KEEP.format(what="complaint_remedy is append-only"),
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
