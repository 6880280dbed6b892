"""Membership in the file (SPEC §2): enrolment, tiers, promotion, lapse, reinstatement."""

from __future__ import annotations

from datetime import datetime

from peewee import fn

from ..errors import Conflict, InvalidInput, NotFound
from ..ledger_reasons import LAPSED, REFERRAL, REINSTATED, system_reason
from ..membership import TIER_ORDER, format_member_no, lapse_cutoff, promotion, qualifies_to_join
from ..points import points_earned
from ..records import MemberInfo
from ..roles import Perm
from .context import Actor, ShopContext
from .customer_rows import active_member, current_consents, points_balance
from .models import Customer, Member, PointsEntry, Sale, Staff, TierChange
from .permissions import requires, system_job
from .points_ledger import reset_since
from .ledger_checkpoints import stamp
from .rows import db_value


def tier_history(ctx: ShopContext, member: Member) -> tuple[int, int]:
    """(paid spend, paid visits) since joining, refunds taken off (SPEC §2).

    Runs at every member's checkout, hence one hand-written statement.
    """
    # Since joining: a lapsed member who joins again starts from nothing (a reinstated
    # one keeps the old joining date, so the old history counts again).
    joined = db_value(Member.joined_at, member.joined_at)
    spend, visits = ctx.execute(ctx.sql.TIER_HISTORY, (member.id, joined, member.id, joined)).fetchone()
    bonus = ctx.execute(ctx.sql.TIER_CARD_BONUS, (member.id, joined)).fetchone()[0]  # no tier spend on it
    return int(spend) - int(bonus), int(visits)


def member_info(ctx: ShopContext, customer_id: int) -> MemberInfo | None:
    member = Member.get_or_none(Member.customer == customer_id)
    if member is None:
        return None
    spend, visits = tier_history(ctx, member)
    index = TIER_ORDER.index(member.tier)
    next_tier = TIER_ORDER[index + 1] if index + 1 < len(TIER_ORDER) else None
    return MemberInfo(format_member_no(member.number), member.tier, member.joined_at,
                      member.active, spend, visits, next_tier, member.lapsed_at)


def referral_paid(customer_id: int) -> int:
    """The referral bonus standing for ``customer_id``'s enrolment (less any reversal)."""
    paid: int = (PointsEntry.select(fn.COALESCE(fn.SUM(PointsEntry.points), 0))
                 .where(PointsEntry.reason == system_reason(REFERRAL, customer_id)).scalar())
    return paid


def enrol(ctx: ShopContext, staff: Staff, customer: Customer, at: datetime, sale: Sale | None,
          kind: str = "enrol", reason: str = "") -> Member:
    """Inside a transaction: make ``customer`` a Regular member, pay the referral bonus."""
    if customer.anonymised_at:
        raise Conflict("customer.erased")
    existing = Member.get_or_none(Member.customer == customer)
    if existing is not None and existing.active:
        raise Conflict("member.already", member_no=format_member_no(existing.number))
    keep = current_consents(customer.id).get("keep_file")
    if keep is None or not keep.granted:
        raise InvalidInput("customer.consent_required")
    if existing is not None:   # a lapsed member joins again
        member = existing
        member.active, member.lapsed_at, member.joined_at, member.tier = True, None, at, "regular"
        member.save()
    else:
        member = Member.create(customer=customer, number=(Member.select(fn.MAX(Member.number)).scalar() or 0) + 1,
                               tier="regular", joined_at=at, active=True)
    TierChange.create(member=member, kind=kind, from_tier=None, to_tier="regular", at=at,
                      staff=staff, sale=sale, reason=reason)
    referrer = customer.referred_by
    if referrer is not None and referral_paid(customer.id) == 0 and (existing is None or not (
            TierChange.select().where((TierChange.member == existing) & (TierChange.kind == "lapse"))
            .exists())):   # once per person: not again on rejoining, but after a voided enrolment
        ref_member = active_member(ctx, referrer.id)
        bonus = ctx.setting("points.referral_bonus")
        if ref_member is not None and bonus:
            PointsEntry.create(customer=referrer, kind="referral", points=bonus, at=at, staff=staff,
                               reason=system_reason(REFERRAL, customer.id))
    return member


def credit_joining_sale(ctx: ShopContext, staff: Staff, member: Member, sale: Sale) -> None:
    """The joining sale counts toward tier spend and earns points (SPEC §2)."""
    sale.member, sale.counts_for_tier, sale.enrolled = member, True, True
    sale.save()
    earned = points_earned(sale.amount_due_fen, ctx.setting("points.earn_per_yuan"), False)
    if earned:
        PointsEntry.create(customer=sale.customer_id, kind="earn", points=earned, at=sale.created_at,
                           staff=staff, sale=sale)
    maybe_promote(ctx, staff, member, sale)

def maybe_promote(ctx: ShopContext, staff: Staff | None, member: Member, sale: Sale | None) -> str | None:
    spend, visits = tier_history(ctx, member)
    new_tier = promotion(ctx.tiers(), member.tier, spend, visits)
    if new_tier is None:
        return None
    TierChange.create(member=member, kind="promote", from_tier=member.tier, to_tier=new_tier,
                      at=ctx.now(), staff=staff, sale=sale)
    member.tier = new_tier
    member.save()
    if sale is not None:
        sale.promoted_to = new_tier
        sale.save()
    return new_tier


class MembershipService:
    """Members and tiers (SPEC §2): enrolment, promotion, manual tiers, lapse, reinstatement."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.CUSTOMERS)
    def info(self, actor: Actor, customer_id: int) -> MemberInfo | None:
        return member_info(self.ctx, customer_id)

    @requires(Perm.COUNTER)
    def enrol(self, actor: Actor, customer_id: int, *, consent: bool,
              qualifying_sale_id: int | None = None) -> MemberInfo | None:
        """Enrol after a qualifying sale (cashier) or by hand (owner, audited).

        With a qualifying sale, that sale counts toward tier spend and earns its
        points now, as the rulebook says (it was charged at full price).
        """
        if not consent:
            raise InvalidInput("member.consent_required")
        with self.ctx.db.atomic():
            customer = Customer.get_or_none(Customer.id == customer_id)
            if customer is None:
                raise NotFound("customer.not_found", id=customer_id)
            staff = actor.row
            if qualifying_sale_id is None:
                actor.issuer.authorise(actor, Perm.MANUAL_TIER)
                enrol(self.ctx, staff, customer, self.ctx.now(), None, reason="manual")
                self.ctx.audit(staff, "member_enrolled_by_hand", target=f"customer:{customer_id}")
            else:
                sale = Sale.get_or_none(Sale.id == qualifying_sale_id)
                if sale is None:
                    raise NotFound("sale.not_found", id=qualifying_sale_id)
                if (sale.customer_id != customer.id or sale.member_id is not None or sale.status != "completed"
                        or not qualifies_to_join(sale.amount_due_fen,
                                                 self.ctx.setting("membership.join_threshold_fen"))
                        or sale.day != self.ctx.today()):
                    raise InvalidInput("member.sale_does_not_qualify")
                member = enrol(self.ctx, staff, customer, sale.created_at, sale)
                credit_joining_sale(self.ctx, staff, member, sale)
                self.ctx.audit(staff, "member_enrolled", target=f"customer:{customer_id}", sale=sale.receipt_no)
        return member_info(self.ctx, customer_id)

    @requires(Perm.MANUAL_TIER)
    def set_tier(self, actor: Actor, customer_id: int, tier: str, reason: str) -> MemberInfo | None:
        """The owner sets a tier by hand (audited); it never drops on its own."""
        owner = actor.row
        if tier not in TIER_ORDER:
            raise InvalidInput("member.bad_tier", tier=tier)
        if not reason.strip():
            raise InvalidInput("member.reason_required")
        with self.ctx.db.atomic():
            member = active_member(self.ctx, customer_id)
            if member is None:
                raise InvalidInput("member.required")
            TierChange.create(member=member, kind="manual", from_tier=member.tier, to_tier=tier,
                              at=self.ctx.now(), staff=owner, reason=reason.strip())
            self.ctx.audit(owner, "tier_set", target=f"customer:{customer_id}", old=member.tier, new=tier,
                        reason=reason.strip())
            member.tier = tier
            member.save()
        return member_info(self.ctx, customer_id)

    @system_job
    def apply_lapses(self) -> list[int]:
        """Members with no paid sale for the lapse period lose membership and points.

        Idempotent: run daily (after the counter shows). Returns the customers who lapsed now.
        Reads only the members whose period crossed the cutoff (the indexed ``lapse_from``
        the triggers keep), then applies the rule to each of them as it stands in the file.
        """
        cutoff = lapse_cutoff(self.ctx.today(), self.ctx.setting("membership.lapse_days"))
        lapsed = []
        with self.ctx.db.atomic():
            due = [int(r[0]) for r in self.ctx.execute(self.ctx.sql.LAPSE_DUE, (stamp(cutoff),)).fetchall()]
            for member_id in due:
                moments = self.ctx.execute(self.ctx.sql.LAPSE_MOMENTS, (member_id,)).fetchone()
                # A reinstatement starts the period again, as joining does.
                times = [t for t in moments if t]
                seen = max(datetime.fromisoformat(t) if isinstance(t, str) else t for t in times)
                if seen >= cutoff:
                    continue
                member = Member.get_by_id(member_id)
                member.active, member.lapsed_at = False, self.ctx.now()
                member.save()
                TierChange.create(member=member, kind="lapse", from_tier=member.tier, to_tier=None,
                                  at=self.ctx.now(), reason="no paid sale")
                balance = points_balance(self.ctx, member.customer_id)
                if balance > 0:
                    PointsEntry.create(customer=member.customer_id, kind="expire", points=-balance,
                                       at=self.ctx.now(), reason=system_reason(LAPSED))
                lapsed.append(member.customer_id)
            if lapsed:
                self.ctx.audit(None, "members_lapsed", customers=lapsed)
        return lapsed

    @requires(Perm.MANUAL_TIER)
    def reinstate(self, actor: Actor, customer_id: int, reason: str) -> MemberInfo | None:
        """Undo a lapse: membership, tier and the points the lapse took (owner, audited)."""
        owner = actor.row
        with self.ctx.db.atomic():
            member = Member.get_or_none(Member.customer == customer_id)
            if member is None or member.active or member.lapsed_at is None:
                raise InvalidInput("member.not_lapsed")
            lapse = (TierChange.select().where((TierChange.member == member) & (TierChange.kind == "lapse"))
                     .order_by(TierChange.id.desc()).first())
            expired = (PointsEntry.select(fn.COALESCE(fn.SUM(PointsEntry.points), 0))
                       .where((PointsEntry.customer == customer_id) & (PointsEntry.kind == "expire")
                              & (PointsEntry.reason == system_reason(LAPSED))
                              & (PointsEntry.at >= member.lapsed_at)).scalar())
            if expired and not reset_since(member.lapsed_at, self.ctx.setting("points.reset_month_day")):
                PointsEntry.create(customer=customer_id, kind="manual", points=-expired, at=self.ctx.now(),
                                   staff=owner, reason=system_reason(REINSTATED))
            member.active, member.lapsed_at = True, None
            member.tier = lapse.from_tier if lapse and lapse.from_tier else member.tier
            member.save()
            TierChange.create(member=member, kind="reinstate", from_tier=None, to_tier=member.tier,
                              at=self.ctx.now(), staff=owner, reason=reason)
            self.ctx.audit(owner, "member_reinstated", target=f"customer:{customer_id}", reason=reason)
        return member_info(self.ctx, customer_id)
