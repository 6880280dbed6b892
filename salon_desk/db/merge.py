"""Merging two files of the same person (owner): history moves to the kept file."""

from __future__ import annotations

from ..errors import Conflict, InvalidInput, NotFound
from ..ledger_reasons import MERGED_FROM, MERGED_INTO, system_reason
from ..membership import TIER_ORDER
from .context import ShopContext
from .customer_rows import current_consents, points_balance, write_search_keys
from .models import (
    BirthdayPerkUse, Complaint, Customer, CustomerTag, FollowUpTask, Member, PointsEntry, Sale, Staff, TierChange,
    Visit,
)


def _row(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None:
        raise NotFound("customer.not_found", id=customer_id)
    return row


def merge_files(ctx: ShopContext, owner: Staff, keep_id: int, drop_id: int) -> None:
    """Inside a transaction: move visits, sales, points and birthday-perk uses of ``drop_id``
    to ``keep_id``.

    Points move as a pair of ledger entries (the ledger is append-only);
    the dropped file is archived and points to the kept one. If both are
    members the higher tier is kept; an only membership moves across.
    """
    if keep_id == drop_id:
        raise InvalidInput("merge.same_customer")
    keep, drop = _row(keep_id), _row(drop_id)
    if keep.anonymised_at or drop.anonymised_at:
        raise Conflict("customer.erased")
    if Visit.select().where((Visit.customer == drop) & (Visit.status == "open")).exists():
        raise Conflict("merge.open_visit", name=drop.name)
    Visit.update(customer=keep).where(Visit.customer == drop).execute()
    Sale.update(customer=keep).where(Sale.customer == drop).execute()
    Complaint.update(customer=keep).where(Complaint.customer == drop).execute()
    FollowUpTask.update(customer=keep).where(FollowUpTask.customer == drop).execute()
    _move_perk_uses(keep, drop)
    Customer.update(referred_by=keep).where(Customer.referred_by == drop).execute()
    moved = points_balance(ctx, drop.id)
    if moved:
        PointsEntry.create(customer=drop, kind="merge", points=-moved, at=ctx.now(), staff=owner,
                           reason=system_reason(MERGED_INTO, keep.id))
        PointsEntry.create(customer=keep, kind="merge", points=moved, at=ctx.now(), staff=owner,
                           reason=system_reason(MERGED_FROM, drop.id))
    _merge_membership(ctx, owner, keep, drop)
    existing = {t.tag for t in keep.tags}
    for tag in drop.tags:
        if tag.tag not in existing:
            CustomerTag.create(customer=keep, tag=tag.tag)
    CustomerTag.delete().where(CustomerTag.customer == drop).execute()
    fill = ["birth_month", "birth_day", "birth_year", "gender", "region", "skin_type", "care_goals",
            "notes"]
    health = current_consents(keep.id).get("health")
    if health is not None and health.granted:
        fill.append("allergies")       # an allergy noted on either file must reach the counter
    for attr in fill:
        if not getattr(keep, attr) and getattr(drop, attr):
            setattr(keep, attr, getattr(drop, attr))
    # who referred the person: never the dropped file itself, never themselves
    referrer = keep.referred_by_id if keep.referred_by_id not in (None, drop.id) else drop.referred_by_id
    keep.referred_by = referrer if referrer not in (keep.id, drop.id) else None
    if drop.first_seen and (not keep.first_seen or drop.first_seen < keep.first_seen):
        keep.first_seen = drop.first_seen
    if drop.last_visit_at and (not keep.last_visit_at or drop.last_visit_at > keep.last_visit_at):
        keep.last_visit_at = drop.last_visit_at
    keep.save()
    drop.archived, drop.merged_into, drop.phone = True, keep, None
    drop.save()
    write_search_keys(drop)
    write_search_keys(keep)
    ctx.audit(owner, "customers_merged", target=f"customer:{keep.id}", dropped=drop.id,
              points_moved=moved)


def _move_perk_uses(keep: Customer, drop: Customer) -> None:
    """Move perk uses; a perk both files used in the same year stays used once on the kept file
    (the duplicate stays with the dropped file: one use per member per year)."""
    used = {(u.year, u.perk) for u in BirthdayPerkUse.select().where(
        (BirthdayPerkUse.customer == keep) & BirthdayPerkUse.reversed_by.is_null())}
    for use in BirthdayPerkUse.select().where(BirthdayPerkUse.customer == drop):
        if use.reversed_by_id is None and (use.year, use.perk) in used:
            continue
        BirthdayPerkUse.update(customer=keep).where(BirthdayPerkUse.id == use.id).execute()

def _merge_membership(ctx: ShopContext, owner: Staff, keep: Customer, drop: Customer) -> None:
    kept = Member.get_or_none(Member.customer == keep)
    dropped = Member.get_or_none(Member.customer == drop)
    if dropped is None:
        return
    if kept is None:
        Member.update(customer=keep).where(Member.id == dropped.id).execute()
        return
    Sale.update(member=kept).where(Sale.member == dropped).execute()
    # Tier changes count the active members of each tier (the monthly report's members by
    # tier): a change names a from-tier only if that membership was active, a to-tier only
    # if it is active afterwards.
    if dropped.active:
        tier = dropped.tier if TIER_ORDER.index(dropped.tier) > TIER_ORDER.index(kept.tier) else kept.tier
        if not kept.active or tier != kept.tier:
            TierChange.create(member=kept, kind="manual", from_tier=kept.tier if kept.active else None,
                              to_tier=tier, at=ctx.now(), staff=owner, reason="merge")
        kept.tier, kept.active, kept.lapsed_at = tier, True, None
    kept.joined_at = min(kept.joined_at, dropped.joined_at)
    kept.save()
    TierChange.create(member=dropped, kind="merge", from_tier=dropped.tier if dropped.active else None,
                      to_tier=None, at=ctx.now(), staff=owner, reason=f"merged into customer:{keep.id}")
    dropped.active, dropped.lapsed_at = False, None   # merged away: nothing left to reinstate
    dropped.save()
