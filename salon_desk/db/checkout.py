"""Checkout (SPEC §5): price, pay, number, earn, promote, enrol — in ONE transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..errors import Conflict, InvalidInput
from ..membership import qualifies_to_join, tier_rule
from ..pricing import LineInput, PointsRules, PricedSale, PricingInput, price_sale
from ..points import points_earned
from ..records import VisitLineInfo
from ..stored_value import Balance, earning_base_fen
from ..tenders import Tender, settle
from . import commission, prepaid
from .appointments import complete_booking_of_visit
from .birthday_perks import birthday_status, perk_year, use_perk
from .care import tasks_after_sale
from .context import ShopContext
from .customer_rows import active_member, points_balance
from .membership import credit_joining_sale, enrol as enrol_member, maybe_promote
from .models import (
    Customer, Member, Payment, PointsEntry, Sale, SearchKey, Staff, StockMove, Visit,
)
from .shifts import require_open
from .rows import connection
from .visits import open_visit, visit_lines


@dataclass(frozen=True)
class PricedVisit:
    lines: tuple[VisitLineInfo, ...]
    member: Member | None
    balance: int
    free_available: bool
    priced: PricedSale
    claims: dict[int, int]      # lines paid by a package session: {visit line id: package id}


def price_visit(ctx: ShopContext, visit: Visit, points: int, birthday_line_id: int | None) -> PricedVisit:
    """The open visit priced exactly as checkout would charge it, by the one pricing function."""
    lines = visit_lines(ctx, visit.id)
    member = active_member(ctx, visit.customer_id) if visit.customer_id else None
    rule = tier_rule(ctx.tiers(), member.tier) if member else None
    balance = points_balance(ctx, member.customer_id) if member else 0
    birthday = birthday_status(ctx, visit.customer_id) if visit.customer_id else None
    free_available = bool(member and birthday and birthday.free_service_available)
    if birthday_line_id is not None and not free_available:
        if member is None:
            raise InvalidInput("member.required")
        if birthday is not None and birthday.in_window:
            raise Conflict("birthday.already_used", perk="free_service",
                           year=perk_year(ctx, member.customer_id))
        raise InvalidInput("birthday.not_in_window")
    if points and member is None:
        raise InvalidInput("member.required")
    claims = prepaid.claims_of_visit(ctx, visit.id)
    priced = price_sale(PricingInput(
        lines=tuple(LineInput(l.id, l.kind, l.unit_price_fen, l.quantity, l.member_discount, l.id in claims)
                    for l in lines),
        member_rate_permille=rule.rate_permille if rule else None,
        birthday_line=birthday_line_id,
        birthday_cap_fen=ctx.setting("birthday.free_service_cap_fen"),
        points_to_redeem=points, points_balance=balance,
        birthday_double_points=bool(rule and rule.birthday_double_points and birthday and birthday.in_window),
        earns_points=member is not None,
        rules=PointsRules(ctx.setting("points.per_yuan_redeemed"),
                          ctx.setting("points.redeem_cap_permille"),
                          ctx.setting("points.earn_per_yuan"))))
    return PricedVisit(lines, member, balance, free_available, priced, claims)


def would_qualify(ctx: ShopContext, visit: Visit, member: Member | None, priced: PricedSale) -> bool:
    """This sale would let the customer join (SPEC §2): a file, no membership, the threshold reached."""
    return (visit.customer_id is not None and member is None
            and qualifies_to_join(priced.amount_due_fen, ctx.setting("membership.join_threshold_fen")))


def next_receipt_no(ctx: ShopContext, day: date) -> tuple[int, str]:
    """Gapless per day: inside the IMMEDIATE transaction no one else can take the number.

    ``day`` is the sale's own date, read once with its time: reading the clock again
    could cross midnight and number the sale on the next day."""
    seq = int(ctx.execute(ctx.sql.NEXT_RECEIPT_SEQ, (day.isoformat(),)).fetchone()[0])
    return seq, f"{day:%Y%m%d}-{seq:04d}"


def complete_sale(ctx: ShopContext, cashier: Staff, visit_id: int, tenders: list[Tender], *, points: int,
                  birthday_line_id: int | None, enrol: bool) -> int:
    """Inside the checkout transaction: price, pay, number, earn, promote, enrol; the sale's id."""
    visit = open_visit(visit_id)
    require_open(ctx)          # refused while no shift is open, when the shop says so
    pv = price_visit(ctx, visit, points, birthday_line_id)
    lines, member, priced = pv.lines, pv.member, pv.priced
    if not lines:
        raise InvalidInput("visit.empty")
    from_card = prepaid.card_tendered(tenders)
    card = Balance()
    if from_card:
        if visit.customer_id is None:
            raise InvalidInput("card.customer_required")
        card = prepaid.card_balance(ctx, visit.customer_id)
    applied = settle(priced.amount_due_fen, tenders, card_balance_fen=card.total_fen)
    if enrol and not would_qualify(ctx, visit, member, priced):
        raise InvalidInput("member.sale_does_not_qualify")
    now = ctx.now()
    seq, receipt_no = next_receipt_no(ctx, now.date())
    sale = Sale.create(
        receipt_no=receipt_no, day=now.date(), seq=seq, visit=visit, customer=visit.customer_id,
        member=member, tier=member.tier if member else None, cashier=cashier, created_at=now,
        list_total_fen=priced.list_total_fen, member_discount_fen=priced.member_discount_fen,
        birthday_discount_fen=priced.birthday_discount_fen, points_redeemed=priced.points_redeemed,
        points_discount_fen=priced.points_discount_fen, amount_due_fen=priced.amount_due_fen,
        counts_for_tier=member is not None, status="completed")
    write_lines(ctx, sale, lines, priced)
    for p in applied:
        Payment.create(sale=sale, method=p.method, amount_fen=p.amount_fen,
                       tendered_fen=p.tendered_fen, change_fen=p.change_fen)
    if from_card or pv.claims or any(l.kind == "package" for l in lines):
        priced = take_prepaid(ctx, cashier, sale, pv, card, from_card)
    if member is not None:
        book_points(ctx, cashier, sale, priced)
        if birthday_line_id is not None:
            use_perk(ctx, cashier, member.customer_id, "free_service", sale=sale)
        maybe_promote(ctx, cashier, member, sale)
    elif enrol:
        customer = Customer.get_by_id(visit.customer_id)
        new_member = enrol_member(ctx, cashier, customer, now, sale)
        credit_joining_sale(ctx, cashier, new_member, sale)
    if visit.customer_id:
        Customer.update(last_visit_at=now).where(Customer.id == visit.customer_id).execute()
        SearchKey.update(last_visit_at=now).where(SearchKey.customer == visit.customer_id).execute()
    Visit.update(status="completed", closed_at=now).where(Visit.id == visit.id).execute()
    complete_booking_of_visit(ctx, int(visit.id))    # the booking it came from, if any
    commission.after_sale(ctx, int(sale.id), [l.id for l in lines])   # one row per contributor per line
    tasks_after_sale(ctx, int(sale.id))      # the aftercare call and the product check (SPEC §7)
    ctx.audit(cashier, "sale", target=receipt_no, due=priced.amount_due_fen,
              points=priced.points_redeemed, birthday=birthday_line_id is not None)
    return int(sale.id)


def take_prepaid(ctx: ShopContext, cashier: Staff, sale: Sale, pv: PricedVisit, card: Balance,
                 from_card: int) -> PricedSale:
    """The card part of the payment, the package sessions used and the packages sold; the pricing with
    points earned on what was paid less the card's bonus part (no points or tier spend on a gift)."""
    priced = pv.priced
    if pv.claims or any(l.kind == "package" for l in pv.lines):
        line_ids = [int(r[0]) for r in ctx.execute(ctx.sql.SALE_LINE_IDS, (sale.id,)).fetchall()]
        prepaid.record_sessions(ctx, sale, pv.lines, line_ids, pv.claims)
        prepaid.record_packages_sold(ctx, sale, pv.lines, line_ids, priced)
    if not from_card or sale.customer_id is None:
        return priced
    taken = prepaid.take_card(ctx, cashier, sale, sale.customer_id, card, from_card,
                              priced.list_total_fen - priced.package_discount_fen, priced.amount_due_fen).taken
    if not taken.bonus_fen or pv.member is None:
        return priced
    base_paid = earning_base_fen(priced.amount_due_fen, taken.bonus_fen)
    per_yuan = ctx.setting("points.earn_per_yuan")
    doubled = priced.points_birthday_bonus > 0   # the birthday doubling applied to the whole due
    base = points_earned(base_paid, per_yuan, False)
    extra = points_earned(base_paid, per_yuan, doubled) - base
    return replace(priced, points_earned_base=base, points_birthday_bonus=extra, points_earned=base + extra)


def write_lines(ctx: ShopContext, sale: Sale, lines: tuple[VisitLineInfo, ...], priced: PricedSale) -> None:
    """Snapshot every line (name, prices, technician, 指定/轮牌) and move the products' stock."""
    by_key = {p.key: p for p in priced.lines}
    rows = []
    for line in lines:
        p = by_key[line.id]
        rows.append((sale.id, line.item_id, line.kind, line.code, line.name, line.category, line.technician_id,
                     line.technician_name, line.quantity, line.unit_price_fen, p.list_amount_fen, p.rate_permille,
                     p.member_discount_fen, p.birthday_discount_fen, p.amount_fen, p.points_share_fen, line.note,
                     int(line.designated)))
    connection(ctx.db).executemany(ctx.sql.INSERT_SALE_LINE, rows)
    moves = [dict(item=l.item_id, quantity=-l.quantity, kind="sale", at=sale.created_at,
                  staff=sale.cashier_id, sale=sale.id, reason="") for l in lines if l.kind == "product"]
    if moves:
        StockMove.insert_many(moves).execute()


def book_points(ctx: ShopContext, cashier: Staff, sale: Sale, priced: PricedSale) -> None:
    """Redeemed points out, earned points in; a birthday's extra is its own entry."""
    customer = sale.customer_id
    if priced.points_redeemed:
        PointsEntry.create(customer=customer, kind="redeem", points=-priced.points_redeemed,
                           at=sale.created_at, staff=cashier, sale=sale)
    if priced.points_earned_base:
        PointsEntry.create(customer=customer, kind="earn", points=priced.points_earned_base,
                           at=sale.created_at, staff=cashier, sale=sale)
    if priced.points_birthday_bonus:
        PointsEntry.create(customer=customer, kind="birthday", points=priced.points_birthday_bonus,
                           at=sale.created_at, staff=cashier, sale=sale)
