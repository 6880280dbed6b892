"""Version 5: a sale line's note can be wiped when its customer's data is erased (PIPL).

The amounts, names and technicians of a sale line stay frozen as before; only
the free-text note (the service log, which may hold health remarks) may change.
"""

from typing import Any

STATEMENTS = [
    'DROP TRIGGER "sale_line_no_update"',
    'CREATE TRIGGER "sale_line_no_update" BEFORE UPDATE OF "id", "sale_id", "item_id", "kind", "code", "name",'
    ' "category", "technician_id", "technician_name", "quantity", "unit_price_fen", "list_amount_fen",'
    ' "rate_permille", "member_discount_fen", "birthday_discount_fen", "amount_fen", "points_share_fen"'
    ' ON "sale_line" BEGIN SELECT RAISE(ABORT, \'sale_line is append-only\'); END;',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
