"""Finding a customer as the cashier types (SPEC §1): phone tail, phone, name, pinyin."""

from __future__ import annotations

from peewee import Case, fn

from ..pinyin_keys import query_ranges
from ..records import CustomerSummary, StaffInfo
from ..roles import Perm, allows
from .base import ShopBase
from .customer_rows import summaries
from .models import Customer, SearchKey

RESULT_LIMIT = 20


def matching_ids(text: str, limit: int = RESULT_LIMIT, include_archived: bool = False) -> list[int]:
    """Ids of customers whose stored keys match ``text``: exact phone first, then most recent visitors."""
    ranges = query_ranges(text)
    if not ranges:
        return []
    condition = None
    exact_phone = None
    for low, high, exact in ranges:
        part = (SearchKey.key >= low) & (SearchKey.key < high)
        condition = part if condition is None else (condition | part)
        if exact:
            exact_phone = low
    rank = (fn.MAX(Case(None, [(SearchKey.key == exact_phone, 1)], 0))
            if exact_phone else fn.MAX(0))
    query = (SearchKey.select(SearchKey.customer, rank.alias("exact"))
             .join(Customer, on=(SearchKey.customer == Customer.id))
             .where(condition)
             .group_by(SearchKey.customer)
             .order_by(rank.desc(), Customer.last_visit_at.desc(nulls="LAST"), Customer.id.desc())
             .limit(limit))
    if not include_archived:
        query = query.where(Customer.archived == False)  # noqa: E712
    return [cid for cid, _ in query.tuples()]


class SearchMixin(ShopBase):
    def find_customers(self, actor: StaffInfo, text: str, limit: int = RESULT_LIMIT,
                       include_archived: bool = False) -> list[CustomerSummary]:
        """The first ``limit`` customers matching what was typed, best first."""
        staff = self._staff_row(actor)
        ids = matching_ids(text, limit, include_archived)
        if not ids:
            return []
        rows = {r.id: r for r in Customer.select().where(Customer.id.in_(ids))}
        return summaries([rows[i] for i in ids], allows(staff.role, Perm.SEE_FULL_PHONE))

    def recent_customers(self, actor: StaffInfo, limit: int = 50, offset: int = 0,
                         include_archived: bool = False) -> list[CustomerSummary]:
        """The customers page before anything is typed: most recent visitors first."""
        staff = self._staff_row(actor)
        query = Customer.select().where(Customer.anonymised_at.is_null())
        if not include_archived:
            query = query.where(Customer.archived == False)  # noqa: E712
        rows = list(query.order_by(Customer.last_visit_at.desc(nulls="LAST"), Customer.id.desc())
                    .limit(limit).offset(offset))
        return summaries(rows, allows(staff.role, Perm.SEE_FULL_PHONE))
