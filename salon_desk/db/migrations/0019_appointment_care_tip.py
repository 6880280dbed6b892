"""Version 19: a service's care tip (到店小贴士), told to the customer in tomorrow's reminder.

A separate field from the aftercare advice (护理建议, migration 7): the tip is said *before* the
visit ("染发前一天请勿洗头"), the advice after it. Empty when none.
"""

from typing import Any

STATEMENTS = [
    'ALTER TABLE "item" ADD COLUMN "care_tip" TEXT NOT NULL DEFAULT \'\';',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
