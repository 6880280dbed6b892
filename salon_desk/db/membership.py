"""Membership in the file (SPEC §2): enrolment, tiers, promotion, lapse, reinstatement."""

from __future__ import annotations

from datetime import datetime

from peewee import fn

from ..errors import Conflict, InvalidInput, NotFound
from ..ledger_reasons import LAPSED, REFERRAL, REINSTATED, system_reason
from ..membership import TIER_ORDER, earned_tier, format_member_no, lapse_cutoff, promotion
from ..points import points_earned
from ..records import MemberInfo, StaffInfo
from ..roles import Perm
from .base import ShopBase
from .customer_rows import active_member, points_balance
from .customers import current_consents
from .models import Customer, Member, PointsEntry, Sale, Staff, TierChange, database
from .points_ledger import reset_since


_TIER_HISTORY_SQL = """
SELECT COALESCE(SUM(s.amount_due_fen), 0) - COALESCE((
           SELECT SUM(rl.amount_fen) FROM refund r JOIN refund_line rl ON rl.refund_id = r.id
           JOIN sale s2 ON s2.id = r.sale_id
           WHERE s2.member_id = ? AND s2.counts_for_tier = 1 AND r.kind = 'refund'
             AND s2.created_at >= ?), 0),
       COUNT(*)
FROM sale s WHERE s.member_id = ? AND s.counts_for_tier = 1 AND s.status = 'completed'
  AND s.created_at >= ?
"""


def tier_history(member: Member) -> tuple[int, int]:
    """(paid spend, paid visits) since joining, refunds taken off (SPEC §2).

    Runs at every member's checkout, hence one hand-written statement.
    """
    # Since joining: a lapsed member who joins again starts from nothing (a reinstated
    # one keeps the old joining date, so the old history counts again).
    joined = Member.joined_at.db_value(member.joined_at)
    spend, visits = database.execute_sql(_TIER_HISTORY_SQL, (member.id, joined, member.id, joined)).fetchone()
    return spend, visits


def referral_paid(customer_id: int) -> int:
    """The referral bonus standing for ``customer_id``'s enrolment (less any reversal)."""
    return (PointsEntry.select(fn.COALESCE(fn.SUM(PointsEntry.points), 0))
            .where(PointsEntry.reason == system_reason(REFERRAL, customer_id)).scalar())


class MembershipMixin(ShopBase):
    def member_info(self, customer_id: int) -> MemberInfo | None:
        member = Member.get_or_none(Member.customer == customer_id)
        if member is None:
            return None
        spend, visits = tier_history(member)
        index = TIER_ORDER.index(member.tier)
        next_tier = TIER_ORDER[index + 1] if index + 1 < len(TIER_ORDER) else None
        return MemberInfo(format_member_no(member.number), member.tier, member.joined_at,
                          member.active, spend, visits, next_tier, member.lapsed_at)

    def _next_member_number(self) -> int:
        return (Member.select(fn.MAX(Member.number)).scalar() or 0) + 1

    def _enrol(self, staff: Staff, customer: Customer, at: datetime, sale: Sale | None,
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
            member = Member.create(customer=customer, number=self._next_member_number(),
                                   tier="regular", joined_at=at, active=True)
        TierChange.create(member=member, kind=kind, from_tier=None, to_tier="regular", at=at,
                          staff=staff, sale=sale, reason=reason)
        referrer = customer.referred_by
        if referrer is not None and referral_paid(customer.id) == 0 and (existing is None or not (
                TierChange.select().where((TierChange.member == existing) & (TierChange.kind == "lapse"))
                .exists())):   # once per person: not again on rejoining, but after a voided enrolment
            ref_member = active_member(referrer.id)
            bonus = self.setting("points.referral_bonus")
            if ref_member is not None and bonus:
                PointsEntry.create(customer=referrer, kind="referral", points=bonus, at=at, staff=staff,
                                   reason=system_reason(REFERRAL, customer.id))
        return member

    def enrol_member(self, actor: StaffInfo, customer_id: int, *, consent: bool,
                     qualifying_sale_id: int | None = None) -> MemberInfo:
        """Enrol after a qualifying sale (cashier) or by hand (owner, audited).

        With a qualifying sale, that sale counts toward tier spend and earns its
        points now, as the rulebook says (it was charged at full price).
        """
        if not consent:
            raise InvalidInput("member.consent_required")
        with self.db.atomic():
            customer = Customer.get_or_none(Customer.id == customer_id)
            if customer is None:
                raise NotFound("customer.not_found", id=customer_id)
            if qualifying_sale_id is None:
                staff = self._require(actor, Perm.MANUAL_TIER)
                self._enrol(staff, customer, self.now(), None, reason="manual")
                self._audit(staff, "member_enrolled_by_hand", target=f"customer:{customer_id}")
            else:
                staff = self._require(actor, Perm.COUNTER)
                sale = Sale.get_or_none(Sale.id == qualifying_sale_id)
                if sale is None:
                    raise NotFound("sale.not_found", id=qualifying_sale_id)
                if (sale.customer_id != customer.id or sale.member_id is not None or sale.status != "completed"
                        or sale.amount_due_fen < self.setting("membership.join_threshold_fen")
                        or sale.day != self.today()):
                    raise InvalidInput("member.sale_does_not_qualify")
                member = self._enrol(staff, customer, sale.created_at, sale)
                self._credit_joining_sale(staff, member, sale)
                self._audit(staff, "member_enrolled", target=f"customer:{customer_id}", sale=sale.receipt_no)
        return self.member_info(customer_id)

    def _credit_joining_sale(self, staff: Staff, member: Member, sale: Sale) -> None:
        """The joining sale counts toward tier spend and earns points (SPEC §2)."""
        sale.member, sale.counts_for_tier, sale.enrolled = member, True, True
        sale.save()
        earned = points_earned(sale.amount_due_fen, self.setting("points.earn_per_yuan"), False)
        if earned:
            PointsEntry.create(customer=sale.customer_id, kind="earn", points=earned, at=sale.created_at,
                               staff=staff, sale=sale)
        self._maybe_promote(staff, member, sale)

    def _maybe_promote(self, staff: Staff | None, member: Member, sale: Sale | None) -> str | None:
        spend, visits = tier_history(member)
        new_tier = promotion(self.tiers(), member.tier, spend, visits)
        if new_tier is None:
            return None
        TierChange.create(member=member, kind="promote", from_tier=member.tier, to_tier=new_tier,
                          at=self.now(), staff=staff, sale=sale)
        member.tier = new_tier
        member.save()
        if sale is not None:
            sale.promoted_to = new_tier
            sale.save()
        return new_tier

    def set_tier(self, actor: StaffInfo, customer_id: int, tier: str, reason: str) -> MemberInfo:
        """The owner sets a tier by hand (audited); it never drops on its own."""
        owner = self._require(actor, Perm.MANUAL_TIER)
        if tier not in TIER_ORDER:
            raise InvalidInput("member.bad_tier", tier=tier)
        if not reason.strip():
            raise InvalidInput("member.reason_required")
        with self.db.atomic():
            member = active_member(customer_id)
            if member is None:
                raise InvalidInput("member.required")
            TierChange.create(member=member, kind="manual", from_tier=member.tier, to_tier=tier,
                              at=self.now(), staff=owner, reason=reason.strip())
            self._audit(owner, "tier_set", target=f"customer:{customer_id}", old=member.tier, new=tier,
                        reason=reason.strip())
            member.tier = tier
            member.save()
        return self.member_info(customer_id)

    def apply_lapses(self) -> list[int]:
        """Members with no paid sale for the lapse period lose membership and points.

        Idempotent: run at start and daily. Returns the customers who lapsed now.
        """
        cutoff = lapse_cutoff(self.today(), self.setting("membership.lapse_days"))
        last_sale = (Sale.select(Sale.member, fn.MAX(Sale.created_at).alias("last"))
                     .where((Sale.status == "completed") & Sale.member.is_null(False))
                     .group_by(Sale.member))
        # A reinstatement starts the period again, as joining does.
        reinstated = (TierChange.select(TierChange.member, fn.MAX(TierChange.at))
                      .where(TierChange.kind == "reinstate").group_by(TierChange.member))
        lapsed = []
        with self.db.atomic():
            last = {mid: when for mid, when in last_sale.tuples()}
            back = {mid: when for mid, when in reinstated.tuples()}
            for member in Member.select().where(Member.active == True):  # noqa: E712
                times = [t for t in (last.get(member.id), back.get(member.id), member.joined_at) if t]
                seen = max(datetime.fromisoformat(t) if isinstance(t, str) else t for t in times)
                if seen >= cutoff:
                    continue
                member.active, member.lapsed_at = False, self.now()
                member.save()
                TierChange.create(member=member, kind="lapse", from_tier=member.tier, to_tier=None,
                                  at=self.now(), reason="no paid sale")
                balance = points_balance(member.customer_id)
                if balance > 0:
                    PointsEntry.create(customer=member.customer_id, kind="expire", points=-balance,
                                       at=self.now(), reason=system_reason(LAPSED))
                lapsed.append(member.customer_id)
            if lapsed:
                self._audit(None, "members_lapsed", customers=lapsed)
        return lapsed

    def reinstate_member(self, actor: StaffInfo, customer_id: int, reason: str) -> MemberInfo:
        """Undo a lapse: membership, tier and the points the lapse took (owner, audited)."""
        owner = self._require(actor, Perm.MANUAL_TIER)
        with self.db.atomic():
            member = Member.get_or_none(Member.customer == customer_id)
            if member is None or member.active or member.lapsed_at is None:
                raise InvalidInput("member.not_lapsed")
            lapse = (TierChange.select().where((TierChange.member == member) & (TierChange.kind == "lapse"))
                     .order_by(TierChange.id.desc()).first())
            expired = (PointsEntry.select(fn.COALESCE(fn.SUM(PointsEntry.points), 0))
                       .where((PointsEntry.customer == customer_id) & (PointsEntry.kind == "expire")
                              & (PointsEntry.reason == system_reason(LAPSED))
                              & (PointsEntry.at >= member.lapsed_at)).scalar())
            if expired and not reset_since(member.lapsed_at, self.setting("points.reset_month_day")):
                PointsEntry.create(customer=customer_id, kind="manual", points=-expired, at=self.now(),
                                   staff=owner, reason=system_reason(REINSTATED))
            member.active, member.lapsed_at = True, None
            member.tier = lapse.from_tier if lapse and lapse.from_tier else member.tier
            member.save()
            TierChange.create(member=member, kind="reinstate", from_tier=None, to_tier=member.tier,
                              at=self.now(), staff=owner, reason=reason)
            self._audit(owner, "member_reinstated", target=f"customer:{customer_id}", reason=reason)
        return self.member_info(customer_id)

    def earned_tier_for(self, spend_fen: int, visits: int) -> str:
        return earned_tier(self.tiers(), spend_fen, visits)
