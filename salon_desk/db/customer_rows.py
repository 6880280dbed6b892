"""Turning customer rows into the plain records the window shows, in batches."""

from __future__ import annotations

from peewee import fn

from ..membership import format_member_no
from ..phone import mask_phone
from ..records import CustomerSummary
from .base import model_from_row
from .models import Customer, Member, PointsEntry, database

CONSENT_PURPOSES = ("keep_file", "marketing", "health")


def points_balances(customer_ids: list[int]) -> dict[int, int]:
    if not customer_ids:
        return {}
    query = (PointsEntry.select(PointsEntry.customer, fn.SUM(PointsEntry.points))
             .where(PointsEntry.customer.in_(customer_ids)).group_by(PointsEntry.customer))
    return {cid: total for cid, total in query.tuples()}


# Hand-written: both run on every quote and checkout, where peewee's query
# building would cost more than SQLite's work.
_BALANCE_SQL = "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE customer_id = ?"
_MEMBER_COLUMNS = ("id", "customer", "number", "tier", "joined_at", "active")
_ACTIVE_MEMBER_SQL = ("SELECT id, customer_id, number, tier, joined_at, active FROM member"
                      " WHERE customer_id = ? AND active = 1")


def points_balance(customer_id: int) -> int:
    return database.execute_sql(_BALANCE_SQL, (customer_id,)).fetchone()[0]


def active_members(customer_ids: list[int]) -> dict[int, Member]:
    if not customer_ids:
        return {}
    query = Member.select().where(Member.customer.in_(customer_ids) & (Member.active == True))  # noqa: E712
    return {m.customer_id: m for m in query}


def active_member(customer_id: int) -> Member | None:
    found = database.execute_sql(_ACTIVE_MEMBER_SQL, (customer_id,)).fetchone()
    return model_from_row(Member, _MEMBER_COLUMNS, found) if found else None


def summaries(rows: list[Customer], full_phone: bool) -> list[CustomerSummary]:
    ids = [r.id for r in rows]
    balances = points_balances(ids)
    members = active_members(ids)
    out = []
    for row in rows:
        member = members.get(row.id)
        masked = mask_phone(row.phone)
        out.append(CustomerSummary(
            id=row.id, name=row.name, phone=(row.phone or "") if full_phone else masked,
            phone_masked=masked, tier=member.tier if member else None,
            member_no=format_member_no(member.number) if member else None,
            points=balances.get(row.id, 0), last_visit_at=row.last_visit_at,
            archived=row.archived, anonymised=row.anonymised_at is not None))
    return out
