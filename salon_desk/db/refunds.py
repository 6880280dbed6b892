"""Voids and refunds (SPEC §5): the owner's password, a reason, an exact reversal.

A void cancels a whole sale on its own day; a refund gives back whole lines
on any later day. Both reverse points (redeemed given back, earned taken
back), tier spend, stock and the birthday perk, and are audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import fn

from ..errors import Conflict, InvalidInput, NotFound
from ..ledger_reasons import REFERRAL, REFUND_RETURNED, REFUND_TAKEN_BACK, system_reason
from ..records import RefundPreview
from ..refund_points import SHORTFALL_CHOICES, PointsShortfall, points_shortfall, refund_points
from ..refund_split import MethodAmount, outstanding, split_refund
from .customer_rows import points_balance
from ..tenders import METHODS, STORED_VALUE
from . import commission, prepaid
from .context import ShopContext
from .models import (
    BirthdayPerkUse, Member, Payment, PointsEntry, Refund, RefundLine, RefundPayment, Sale, SaleLine, Staff,
    StockMove, TierChange,
)
from .points_ledger import reset_since


@dataclass(frozen=True)
class _Plan:
    sale: Sale
    kind: str
    lines: list[SaleLine]
    amount_fen: int
    points_returned: int
    points_taken_back: int
    shortfall: PointsShortfall | None = None


def _points_of(sale: Sale, kinds: tuple[str, ...]) -> int:
    return int(PointsEntry.select(fn.COALESCE(fn.SUM(PointsEntry.points), 0))
            .where((PointsEntry.sale == sale) & PointsEntry.kind.in_(kinds)
                   & PointsEntry.refund.is_null()).scalar())


def _already_reversed(sale: Sale) -> tuple[int, int]:
    """Points already given back (+) and taken back (-) by earlier refunds of ``sale``."""
    rows = PointsEntry.select(PointsEntry.points).join(Refund).where(Refund.sale == sale)
    given = sum(r.points for r in rows if r.points > 0)
    taken = -sum(r.points for r in rows if r.points < 0)
    return given, taken


def _sale(sale_id: int) -> Sale:
    sale = Sale.get_or_none(Sale.id == sale_id)
    if sale is None:
        raise NotFound("sale.not_found", id=sale_id)
    return sale


def plan(ctx: ShopContext, sale_id: int, kind: str, line_ids: list[int] | None) -> _Plan:
    """What a void (the whole sale, its own day) or a refund (whole lines) would reverse."""
    if kind not in ("void", "refund"):
        raise InvalidInput("refund.bad_kind", kind=kind)
    sale = _sale(sale_id)
    if sale.status != "completed":
        raise Conflict("sale.voided", receipt_no=sale.receipt_no)
    all_lines = list(SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.id))
    done = {rl.sale_line_id for rl in RefundLine.select().join(SaleLine).where(SaleLine.sale == sale)}
    if kind == "void":
        if sale.day != ctx.today():
            raise Conflict("void.not_same_day", receipt_no=sale.receipt_no)
        if done:
            raise Conflict("void.already_refunded", receipt_no=sale.receipt_no)
        lines = all_lines
    else:
        if line_ids is not None and not line_ids:
            raise InvalidInput("refund.no_lines", receipt_no=sale.receipt_no)
        wanted = set(line_ids) if line_ids else {l.id for l in all_lines if l.id not in done}
        if not wanted:
            raise Conflict("refund.nothing_left", receipt_no=sale.receipt_no)
        unknown = wanted - {l.id for l in all_lines}
        if unknown:
            raise InvalidInput("refund.line_not_in_sale", lines=sorted(unknown))
        twice = wanted & done
        if twice:
            raise Conflict("refund.line_already_refunded", lines=sorted(twice))
        lines = [l for l in all_lines if l.id in wanted]
    amount = sum(l.amount_fen - l.points_share_fen for l in lines)
    remaining = [l for l in all_lines if l.id not in done]
    last = len(lines) == len(remaining)
    redeemed = -_points_of(sale, ("redeem",))
    earned = _points_of(sale, ("earn", "birthday"))
    given, taken = _already_reversed(sale)
    if reset_since(sale.created_at, ctx.setting("points.reset_month_day")):
        return _Plan(sale, kind, lines, amount, 0, 0)   # the yearly reset already cleared that sale's points
    points = refund_points(
        redeemed=redeemed, earned=earned, points_discount_fen=sale.points_discount_fen,
        amount_due_fen=sale.amount_due_fen, refunded_points_share_fen=sum(l.points_share_fen for l in lines),
        refunded_amount_fen=amount, already_returned=given, already_taken_back=taken, is_last=last)
    short = None
    if sale.customer_id and points.taken_back:
        short = points_shortfall(points_balance(ctx, sale.customer_id), points.returned, points.taken_back,
                                 ctx.setting("points.per_yuan_redeemed"))
    return _Plan(sale, kind, lines, amount, points.returned, points.taken_back, short)


def preview(plan: _Plan) -> RefundPreview:
    stock = tuple((l.name, l.quantity) for l in plan.lines if l.kind == "product")
    birthday = any(l.birthday_discount_fen for l in plan.lines)
    return RefundPreview(plan.sale.id, plan.kind, tuple(l.id for l in plan.lines), plan.amount_fen,
                         plan.points_returned, plan.points_taken_back, stock, birthday,
                         plan.amount_fen if plan.sale.counts_for_tier else 0,
                         plan.shortfall.points if plan.shortfall else 0,
                         plan.shortfall.value_fen if plan.shortfall else 0)


def check_reason(reason: str, method: str | None, shortfall: str = "negative") -> str:
    if shortfall not in SHORTFALL_CHOICES:
        raise InvalidInput("refund.bad_shortfall_choice", choice=shortfall)
    if not (reason or "").strip():
        raise InvalidInput("refund.reason_required")
    if method is not None and method not in METHODS:
        raise InvalidInput("payment.unknown_method", method=method)
    return reason.strip()


def reverse(ctx: ShopContext, staff: Staff, owner: Staff, sale_id: int, kind: str,
            line_ids: list[int] | None, reason: str, method: str | None, shortfall: str = "negative") -> None:
    """Inside a transaction: void or refund, reversing points, perks, stock and membership.

    When the points to take back exceed the member's balance, ``shortfall`` is the owner's
    choice: ``"negative"`` (take them all) or ``"deduct"`` (take the balance, keep the rest's
    value from the money returned); recorded in the audit entry."""
    to_do = plan(ctx, sale_id, kind, line_ids)
    sale = to_do.sale
    short = to_do.shortfall
    deducted = 0
    if short is not None and shortfall == "deduct":
        if Payment.select().where((Payment.sale == sale) & (Payment.method == STORED_VALUE)).exists():
            raise InvalidInput("refund.deduct_not_for_card_sale", receipt_no=sale.receipt_no)
        deducted = min(short.value_fen, to_do.amount_fen)
        to_do = _Plan(sale, kind, to_do.lines, to_do.amount_fen - deducted, to_do.points_returned,
                      to_do.points_taken_back - short.points, short)
    first = Payment.select().where(Payment.sale == sale).order_by(Payment.id).first()
    # a sale paid by the stored-value card gives the card back its share (all of it on the last refund)
    done = RefundLine.select().join(SaleLine).where(SaleLine.sale == sale).count()
    last = len(to_do.lines) + done == SaleLine.select().where(SaleLine.sale == sale).count()
    to_card = prepaid.card_back_fen(ctx, sale, to_do.amount_fen, last) if first else 0
    if to_card and to_card >= to_do.amount_fen:
        method = STORED_VALUE
    elif method == STORED_VALUE:
        raise InvalidInput("refund.card_only_through_ledger")
    parts = split_refund(to_do.amount_fen, min(to_card, to_do.amount_fen),
                         outstanding(_paid(sale), _refunded(sale)), method)
    main = max(parts, key=lambda p: p.amount_fen).method if parts else None
    refund = Refund.create(sale=sale, kind=kind, at=ctx.now(), staff=staff, authorised_by=owner,
                           reason=reason, amount_fen=to_do.amount_fen,
                           method=method or main or (first.method if first and first.method != STORED_VALUE
                                                     else "cash"))
    if parts:
        RefundPayment.insert_many([dict(refund=refund.id, method=p.method, amount_fen=p.amount_fen)
                                   for p in parts]).execute()
    for line in to_do.lines:
        RefundLine.create(refund=refund, sale_line=line, amount_fen=line.amount_fen - line.points_share_fen)
        if line.kind == "product" and line.item_id:
            StockMove.create(item=line.item_id, quantity=line.quantity, kind="refund", at=ctx.now(),
                             staff=staff, sale=sale, reason=kind)
    prepaid.reverse_packages(ctx, sale, refund, [l.id for l in to_do.lines])
    commission.after_refund(ctx, refund, [l.id for l in to_do.lines])
    prepaid.give_back_to_card(ctx, staff, sale, refund, to_card)
    if sale.customer_id and to_do.points_returned:
        PointsEntry.create(customer=sale.customer_id, kind="refund", points=to_do.points_returned,
                           at=ctx.now(), staff=staff, sale=sale, refund=refund,
                           reason=system_reason(REFUND_RETURNED))
    if sale.customer_id and to_do.points_taken_back:
        PointsEntry.create(customer=sale.customer_id, kind="refund", points=-to_do.points_taken_back,
                           at=ctx.now(), staff=staff, sale=sale, refund=refund,
                           reason=system_reason(REFUND_TAKEN_BACK))
    if any(l.birthday_discount_fen for l in to_do.lines):
        (BirthdayPerkUse.update(reversed_by=refund)
         .where((BirthdayPerkUse.sale == sale) & (BirthdayPerkUse.perk == "free_service")
                & BirthdayPerkUse.reversed_by.is_null()).execute())
    if kind == "void":
        sale.status = "voided"
        sale.save()
        _undo_membership_effects(ctx, staff, sale)
    extra = ({"points_shortfall": short.points, "shortfall_choice": shortfall, "deducted_fen": deducted}
             if short is not None else {})
    ctx.audit(staff, kind, target=sale.receipt_no, authorised_by=owner.username,
              reason=reason, amount_fen=to_do.amount_fen, lines=[l.id for l in to_do.lines], **extra)


def _paid(sale: Sale) -> list[MethodAmount]:
    return [MethodAmount(p.method, p.amount_fen)
            for p in Payment.select().where(Payment.sale == sale).order_by(Payment.id)]


def _refunded(sale: Sale) -> list[MethodAmount]:
    """What earlier refunds of ``sale`` gave back per method (a refund from before migration 11, with no
    rows of its own, on its one method)."""
    out: list[MethodAmount] = []
    for refund in Refund.select().where(Refund.sale == sale).order_by(Refund.id):
        rows = list(RefundPayment.select().where(RefundPayment.refund == refund))
        out += [MethodAmount(r.method, r.amount_fen) for r in rows] or [MethodAmount(refund.method, refund.amount_fen)]
    return out


def _undo_membership_effects(ctx: ShopContext, staff: Staff, sale: Sale) -> None:
    """A voided sale never happened: undo the promotion or enrolment it caused."""
    if not sale.member_id:
        return
    member = Member.get_by_id(sale.member_id)
    for change in TierChange.select().where(TierChange.sale == sale).order_by(TierChange.id.desc()):
        # a promotion always records the tier it left (from_tier is only empty on enrolment)
        if change.kind == "promote" and member.tier == change.to_tier and change.from_tier is not None:
            TierChange.create(member=member, kind="void", from_tier=member.tier, to_tier=change.from_tier,
                              at=ctx.now(), staff=staff, sale=sale)
            member.tier = change.from_tier
        elif change.kind == "enrol" and member.active:
            TierChange.create(member=member, kind="void", from_tier=member.tier, to_tier=None,
                              at=ctx.now(), staff=staff, sale=sale)
            member.active = False
            _undo_referral(ctx, staff, member.customer_id, change.at)
    member.save()

def _undo_referral(ctx: ShopContext, staff: Staff, customer_id: int, enrolled_at: datetime) -> None:
    """The referrer's bonus paid by the voided enrolment goes back (it is paid again on a real one)."""
    reason = system_reason(REFERRAL, customer_id)
    for entry in PointsEntry.select().where((PointsEntry.reason == reason) & (PointsEntry.kind == "referral")
                                            & (PointsEntry.at == enrolled_at) & (PointsEntry.points > 0)):
        PointsEntry.create(customer=entry.customer_id, kind="refund", points=-entry.points, at=ctx.now(),
                           staff=staff, reason=reason)

