"""Turning customer rows into the plain records the window shows, in batches."""

from __future__ import annotations

from peewee import fn

from ..membership import format_member_no
from ..phone import mask_phone
from ..records import CustomerSummary
from .models import Customer, Member, PointsEntry

CONSENT_PURPOSES = ("keep_file", "marketing", "health")


def points_balances(customer_ids: list[int]) -> dict[int, int]:
    if not customer_ids:
        return {}
    query = (PointsEntry.select(PointsEntry.customer, fn.SUM(PointsEntry.points))
             .where(PointsEntry.customer.in_(customer_ids)).group_by(PointsEntry.customer))
    return {cid: total for cid, total in query.tuples()}


def points_balance(customer_id: int) -> int:
    total = (PointsEntry.select(fn.SUM(PointsEntry.points))
             .where(PointsEntry.customer == customer_id).scalar())
    return total or 0


def active_members(customer_ids: list[int]) -> dict[int, Member]:
    if not customer_ids:
        return {}
    query = Member.select().where(Member.customer.in_(customer_ids) & (Member.active == True))  # noqa: E712
    return {m.customer_id: m for m in query}


def active_member(customer_id: int) -> Member | None:
    return Member.get_or_none((Member.customer == customer_id) & (Member.active == True))  # noqa: E712


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
