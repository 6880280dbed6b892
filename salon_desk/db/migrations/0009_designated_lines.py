"""Version 9: a service line says whether the customer asked for its technician (指定) or the
shop assigned one in turn (轮牌); the sale line keeps it, frozen with the rest of the line,
for the technician's commission."""

from typing import Any

STATEMENTS = [
    'ALTER TABLE "visit_line" ADD COLUMN "designated" INTEGER NOT NULL DEFAULT 0',
    'ALTER TABLE "sale_line" ADD COLUMN "designated" INTEGER NOT NULL DEFAULT 0',
    'DROP TRIGGER "sale_line_no_update"',
    'CREATE TRIGGER "sale_line_no_update" BEFORE UPDATE OF "id", "sale_id", "item_id", "kind", "code", "name",'
    ' "category", "technician_id", "technician_name", "quantity", "unit_price_fen", "list_amount_fen",'
    ' "rate_permille", "member_discount_fen", "birthday_discount_fen", "amount_fen", "points_share_fen",'
    ' "designated" ON "sale_line" BEGIN SELECT RAISE(ABORT, \'sale_line is append-only\'); END;',
]


def up(migrator: Any, db: Any) -> None:
    for statement in STATEMENTS:
        db.execute_sql(statement)
