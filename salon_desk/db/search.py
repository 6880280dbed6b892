"""Finding a customer as the cashier types (SPEC §1): phone tail, phone, name, pinyin."""

from __future__ import annotations

from datetime import datetime

from ..membership import format_member_no
from ..phone import mask_phone
from ..pinyin_keys import query_ranges
from ..records import CustomerSummary, StaffInfo
from ..roles import Perm, allows
from .base import ShopBase
from .customer_rows import summaries
from .models import Customer, database

RESULT_LIMIT = 20


# One statement per search: candidate keys by index range, then the summary
# columns the counter shows. Hand-written because it runs on every keystroke
# and peewee's query building would cost more than SQLite's work.
_RANGE_SQL = """SELECT * FROM (
    SELECT customer_id, key, last_visit_at FROM search_key
    WHERE key >= ? AND key < ?
    ORDER BY last_visit_at DESC LIMIT ?)"""

_SEARCH_SQL = """
WITH hits AS (
    SELECT customer_id, MAX(key = ?) AS exact FROM ({ranges}) GROUP BY customer_id
)
SELECT c.id, c.name, c.phone, c.last_visit_at, c.archived, c.anonymised_at IS NOT NULL,
       m.tier, m.number,
       (SELECT COALESCE(SUM(p.points), 0) FROM points_entry p WHERE p.customer_id = c.id)
FROM hits h
JOIN customer c ON c.id = h.customer_id
LEFT JOIN member m ON m.customer_id = c.id AND m.active = 1
WHERE c.archived = 0 OR ?
ORDER BY h.exact DESC, c.last_visit_at IS NULL, c.last_visit_at DESC, c.id DESC
LIMIT ?
"""

# Each key range reads only its most recent matches from the (key, last visit)
# index; a few spare rows cover archived files filtered out afterwards.
_SPARE = 3


def search_rows(text: str, limit: int = RESULT_LIMIT, include_archived: bool = False) -> list[tuple]:
    """Rows ``(id, name, phone, last_visit_at, archived, anonymised, tier, member_number, points)``
    of customers matching ``text``: exact phone first, then the most recent visitors."""
    ranges = query_ranges(text)
    if not ranges:
        return []
    exact = next((low for low, _high, is_exact in ranges if is_exact), None)
    union = " UNION ALL ".join(_RANGE_SQL for _ in ranges)
    params: list = [exact]
    for low, high, _ in ranges:
        params += [low, high, limit * _SPARE]
    params += [1 if include_archived else 0, limit]
    return database.execute_sql(_SEARCH_SQL.format(ranges=union), params).fetchall()


def _as_datetime(value):
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value)


class SearchMixin(ShopBase):
    def find_customers(self, actor: StaffInfo, text: str, limit: int = RESULT_LIMIT,
                       include_archived: bool = False) -> list[CustomerSummary]:
        """The first ``limit`` customers matching what was typed, best first."""
        staff = self._require(actor, Perm.CUSTOMERS)
        full = allows(staff.role, Perm.SEE_FULL_PHONE)
        out = []
        for cid, name, phone, last, archived, erased, tier, number, points in search_rows(
                text, limit, include_archived):
            masked = mask_phone(phone)
            out.append(CustomerSummary(cid, name, (phone or "") if full else masked, masked, tier,
                                       format_member_no(number) if number else None, points,
                                       _as_datetime(last), bool(archived), bool(erased)))
        return out

    def recent_customers(self, actor: StaffInfo, limit: int = 50, offset: int = 0,
                         include_archived: bool = False) -> list[CustomerSummary]:
        """The customers page before anything is typed: most recent visitors first."""
        staff = self._require(actor, Perm.CUSTOMERS)
        query = Customer.select().where(Customer.anonymised_at.is_null())
        if not include_archived:
            query = query.where(Customer.archived == False)  # noqa: E712
        rows = list(query.order_by(Customer.last_visit_at.desc(nulls="LAST"), Customer.id.desc())
                    .limit(limit).offset(offset))
        return summaries(rows, allows(staff.role, Perm.SEE_FULL_PHONE))
