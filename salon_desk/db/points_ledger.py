"""The points ledger (SPEC §3): balances as sums, manual adjustments, gifts, the yearly reset."""

from __future__ import annotations

from datetime import datetime, time

from peewee import JOIN, fn

from ..errors import InvalidInput, NotFound
from ..ledger_reasons import REFUND_RETURNED, YEARLY_RESET, system_reason
from ..points import due_resets, reset_date
from ..records import PointsEntryInfo
from ..roles import Perm
from .context import Actor, ShopContext
from .customer_rows import active_member, points_balance, points_balances as points_balances_of
from .models import Customer, Gift, PointsEntry, PointsReset, Sale, Staff
from .permissions import requires, system_job
from .rows import tuples


def reset_since(when: datetime, month_day: str) -> bool:
    """True when a yearly reset dated after ``when`` has been applied: the points of that
    time are gone, so nothing may give them back or take them away again."""
    years = tuples(PointsReset.select(PointsReset.year).where(PointsReset.year >= when.year))
    return any(datetime.combine(reset_date(year, month_day), time.min) > when for (year,) in years)


def points_history(ctx: ShopContext, customer_id: int) -> list[PointsEntryInfo]:
    names = ctx.staff_names()
    rows = (PointsEntry.select(PointsEntry, Sale.id, Sale.receipt_no)
            .join(Sale, JOIN.LEFT_OUTER, on=(PointsEntry.sale == Sale.id))
            .where(PointsEntry.customer == customer_id).order_by(PointsEntry.at, PointsEntry.id))
    return [PointsEntryInfo(r.at, r.kind, r.points, r.reason,
                            r.sale.receipt_no if r.sale_id and r.sale is not None else None,
                            names.get(r.staff_id, "") if r.staff_id is not None else "")
            for r in rows]


class PointsService:
    """Each customer's points: the ledger, its balance, corrections, gifts, the yearly reset."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.COUNTER)
    def balance(self, actor: Actor, customer_id: int) -> int:
        return points_balance(self.ctx, customer_id)

    @requires(Perm.CUSTOMERS)
    def history(self, actor: Actor, customer_id: int) -> list[PointsEntryInfo]:
        return points_history(self.ctx, customer_id)

    @requires(Perm.MANUAL_POINTS)
    def adjust(self, actor: Actor, customer_id: int, points: int, reason: str) -> int:
        """A manual correction by the owner, with a reason; returns the new balance."""
        owner = actor.row
        if not reason.strip():
            raise InvalidInput("points.reason_required")
        if points == 0:
            raise InvalidInput("points.zero")
        with self.ctx.db.atomic():
            customer = Customer.get_or_none(Customer.id == customer_id)
            if customer is None:
                raise NotFound("customer.not_found", id=customer_id)
            balance = points_balance(self.ctx, customer_id)
            if balance + points < 0:
                raise InvalidInput("points.over_balance", points=-points, balance=balance)
            PointsEntry.create(customer=customer, kind="manual", points=points, at=self.ctx.now(),
                               staff=owner, reason=reason.strip())
            self.ctx.audit(owner, "points_adjusted", target=f"customer:{customer_id}", points=points,
                        reason=reason.strip())
            return balance + points

    @requires(Perm.COUNTER)
    def redeem_gift(self, actor: Actor, customer_id: int, gift_id: int) -> int:
        """Buy a gift from the gift list with points (礼品兑换); returns the new balance."""
        staff = actor.row
        with self.ctx.db.atomic():
            gift = Gift.get_or_none((Gift.id == gift_id) & (Gift.active == True))  # noqa: E712
            if gift is None:
                raise NotFound("gift.not_found", id=gift_id)
            if active_member(self.ctx, customer_id) is None:
                raise InvalidInput("member.required")
            balance = points_balance(self.ctx, customer_id)
            if gift.points_price > balance:
                raise InvalidInput("points.over_balance", points=gift.points_price, balance=balance)
            PointsEntry.create(customer=customer_id, kind="gift", points=-gift.points_price,
                               at=self.ctx.now(), staff=staff, reason=gift.name)
            self.ctx.audit(staff, "gift_redeemed", target=f"customer:{customer_id}", gift=gift.name)
            return balance - gift.points_price

    @system_job
    def apply_yearly_resets(self) -> list[int]:
        """Clear every balance as of each reset date passed since the last one, exactly once.

        Run when the program starts and daily. The expiry is dated on the reset
        date, and a balance is what the ledger held just before it.
        """
        month_day = self.ctx.setting("points.reset_month_day")
        done = {r.year for r in PointsReset.select(PointsReset.year)}
        since = Staff.select(fn.MIN(Staff.created_at)).scalar()
        if since is None:
            return []
        applied = []
        for year in due_resets(done, since.date(), self.ctx.today(), month_day):
            cutoff = datetime.combine(reset_date(year, month_day), time.min)
            with self.ctx.db.atomic():
                if PointsReset.select().where(PointsReset.year == year).exists():
                    continue
                balances = (PointsEntry.select(PointsEntry.customer, fn.SUM(PointsEntry.points))
                            .where(PointsEntry.at < cutoff).group_by(PointsEntry.customer)
                            .having(fn.SUM(PointsEntry.points) != 0))
                before: dict[int, int] = dict(tuples(balances))
                now_balances = points_balances_of(list(before))
                # Applied late, the old points may have been spent since the reset date (a
                # redemption or gift, less what refunds gave back): those are gone already.
                # What was earned since belongs to the new year and stays. Never below zero.
                spent: dict[int, int] = dict(tuples(
                    PointsEntry.select(PointsEntry.customer, fn.SUM(PointsEntry.points))
                    .where((PointsEntry.at >= cutoff) & PointsEntry.customer.in_(list(before))
                           & (PointsEntry.kind.in_(("redeem", "gift"))
                              | (PointsEntry.reason == system_reason(REFUND_RETURNED))))
                    .group_by(PointsEntry.customer))) if before else {}
                expiring = {cid: min(total + spent.get(cid, 0), now_balances.get(cid, 0))
                            for cid, total in before.items() if total > 0}
                # A balance below zero (points a refund took back beyond it) is cleared to zero too.
                owed = {cid: max(total, now_balances.get(cid, 0)) for cid, total in before.items() if total < 0}
                rows = [(cid, "expire", -points, cutoff, system_reason(YEARLY_RESET, year))
                        for cid, points in expiring.items() if points > 0]
                rows += [(cid, "expire", -points, cutoff, system_reason(YEARLY_RESET, year))
                         for cid, points in owed.items() if points < 0]
                if rows:
                    PointsEntry.insert_many(rows, fields=[PointsEntry.customer, PointsEntry.kind,
                                                          PointsEntry.points, PointsEntry.at,
                                                          PointsEntry.reason]).execute()
                PointsReset.create(year=year, applied_at=self.ctx.now())
                self.ctx.audit(None, "points_reset", target=str(year), customers=len(rows))
            applied.append(year)
        return applied
