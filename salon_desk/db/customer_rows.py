"""Turning customer rows into the plain records the window shows, in batches."""

from __future__ import annotations

from peewee import fn

from ..membership import format_member_no
from ..phone import mask_phone
from ..pinyin_keys import customer_keys
from ..records import CustomerSummary
from .context import ShopContext
from .models import Consent, Customer, Member, PointsEntry, SearchKey
from .rows import model_from_row

CONSENT_PURPOSES = ("keep_file", "marketing", "health")


def current_consents(customer_id: int) -> dict[str, Consent]:
    """The consent in force per purpose: the newest row of the append-only history."""
    latest: dict[str, Consent] = {}
    for row in Consent.select().where(Consent.customer == customer_id).order_by(Consent.id):
        latest[row.purpose] = row
    return latest


def points_balances(customer_ids: list[int]) -> dict[int, int]:
    if not customer_ids:
        return {}
    query = (PointsEntry.select(PointsEntry.customer, fn.SUM(PointsEntry.points))
             .where(PointsEntry.customer.in_(customer_ids)).group_by(PointsEntry.customer))
    return {cid: total for cid, total in query.tuples()}


# Hand-written statements: both run on every quote and checkout, where peewee's
# query building would cost more than SQLite's work.
def points_balance(ctx: ShopContext, customer_id: int) -> int:
    return int(ctx.execute(ctx.sql.POINTS_BALANCE, (customer_id,)).fetchone()[0])


def active_members(customer_ids: list[int]) -> dict[int, Member]:
    if not customer_ids:
        return {}
    query = Member.select().where(Member.customer.in_(customer_ids) & (Member.active == True))  # noqa: E712
    return {m.customer_id: m for m in query}


def active_member(ctx: ShopContext, customer_id: int) -> Member | None:
    found = ctx.execute(ctx.sql.ACTIVE_MEMBER, (customer_id,)).fetchone()
    return model_from_row(Member, ctx.sql.MEMBER_COLUMNS, found) if found else None


def summaries(rows: list[Customer], full_phone: bool, hide_phone: bool = False) -> list[CustomerSummary]:
    """The summaries of ``rows``; ``hide_phone`` for roles that may not see it at all."""
    ids = [r.id for r in rows]
    balances = points_balances(ids)
    members = active_members(ids)
    out = []
    for row in rows:
        member = members.get(row.id)
        masked = "" if hide_phone else mask_phone(row.phone)
        out.append(CustomerSummary(
            id=row.id, name=row.name, phone=(row.phone or "") if full_phone and not hide_phone else masked,
            phone_masked=masked, tier=member.tier if member else None,
            member_no=format_member_no(member.number) if member else None,
            points=balances.get(row.id, 0), last_visit_at=row.last_visit_at,
            archived=row.archived, anonymised=row.anonymised_at is not None))
    return out


def write_search_keys(customer: Customer) -> None:
    SearchKey.delete().where(SearchKey.customer == customer).execute()
    keys = customer_keys(customer.name, customer.phone)
    if keys:
        SearchKey.insert_many([(customer.id, k, customer.last_visit_at) for k in sorted(keys)],
                              fields=[SearchKey.customer, SearchKey.key, SearchKey.last_visit_at]).execute()
