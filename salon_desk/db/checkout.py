"""Checkout (SPEC §5): price, pay, number, earn, promote, enrol — in ONE transaction."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from ..errors import Conflict, InvalidInput, NotFound
from ..followups import CompletedVisit, Customer as CareCustomer, ServiceDone
from ..membership import qualifies_to_join, tier_rule
from ..pricing import LineInput, PointsRules, PricedSale, PricingInput, price_sale
from ..points import points_earned
from ..records import BirthdayStatus, VisitLineInfo
from ..stored_value import Balance, earning_base_fen
from ..tenders import Tender, settle
from . import commission, prepaid
from .birthday_perks import perk_year, status_of, use_perk
from .context import ShopContext
from .membership import credit_joining_sale, enrol as enrol_member, maybe_promote
from .models import Customer, Member, Sale, Staff, StockMove, Visit
from .shifts import require_open
from .rows import as_dict, connection, model_from_row
from .visits import visit_lines


@dataclass(frozen=True)
class CustomerFacts:
    """What one statement tells of the visit's customer, for pricing and for checkout's later steps:
    the membership, points, birthday perks, the card (balance as the ledger's sum, the card in force)
    and the consents the follow-up tasks need."""

    member: Member | None
    points: int
    birthday: BirthdayStatus | None
    card: Balance
    card_id: int | None
    care: CareCustomer | None       # None: the file was erased


NO_CUSTOMER = CustomerFacts(None, 0, None, Balance(), None, None)


def customer_facts(ctx: ShopContext, customer_id: int | None) -> CustomerFacts:
    if customer_id is None:
        return NO_CUSTOMER
    year = ctx.today().year
    row = as_dict(ctx.execute(ctx.sql.CHECKOUT_CUSTOMER, (year - 1, year + 1, customer_id)))
    if row is None:
        raise NotFound("customer.not_found", id=customer_id)
    member = None
    if row["member_id"] is not None:
        member = model_from_row(Member, ctx.sql.MEMBER_COLUMNS, (
            row["member_id"], customer_id, row["member_number"], row["member_tier"], row["member_joined_at"], 1))
    care = None if row["anonymised"] else CareCustomer(
        customer_id, row["name"], bool(row["file_consent"]), bool(row["marketing_consent"]), member is not None,
        row["birth_month"], row["birth_day"])
    return CustomerFacts(member, int(row["points"]),
                         status_of(ctx, row["birth_month"], row["birth_day"], member is not None, row["perks_used"]),
                         Balance(int(row["card_principal_fen"]), int(row["card_bonus_fen"])), row["card_id"], care)


def open_visit_row(ctx: ShopContext, visit_id: int) -> Visit:
    """The open visit by one hand-written statement (as visits.open_visit, on every quote and checkout)."""
    found = ctx.execute(ctx.sql.VISIT_BY_ID, (visit_id,)).fetchone()
    if found is None:
        raise NotFound("visit.not_found", id=visit_id)
    visit = model_from_row(Visit, ctx.sql.VISIT_COLUMNS, found)
    if visit.status != "open":
        raise Conflict("visit.not_open", id=visit_id, status=visit.status)
    return visit


@dataclass(frozen=True)
class PricedVisit:
    lines: tuple[VisitLineInfo, ...]
    member: Member | None
    balance: int
    free_available: bool
    priced: PricedSale
    claims: dict[int, int]      # lines paid by a package session: {visit line id: package id}
    facts: CustomerFacts


def price_visit(ctx: ShopContext, visit: Visit, points: int, birthday_line_id: int | None) -> PricedVisit:
    """The open visit priced exactly as checkout would charge it, by the one pricing function."""
    lines = visit_lines(ctx, visit.id)
    facts = customer_facts(ctx, visit.customer_id)
    member = facts.member
    rule = tier_rule(ctx.tiers(), member.tier) if member else None
    balance = facts.points if member else 0
    birthday = facts.birthday
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
    return PricedVisit(lines, member, balance, free_available, priced, claims, facts)


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
    """Inside the checkout transaction: price, pay, number, earn, promote, enrol; the sale's id.

    Runs on every sale, so the customer is read once (:func:`customer_facts`: member, points,
    birthday, card, consents) and the rows are written by hand-written statements."""
    visit = open_visit_row(ctx, visit_id)
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
        card = pv.facts.card
    applied = settle(priced.amount_due_fen, tenders, card_balance_fen=card.total_fen)
    if enrol and not would_qualify(ctx, visit, member, priced):
        raise InvalidInput("member.sale_does_not_qualify")
    now = ctx.now()
    seq, receipt_no = next_receipt_no(ctx, now.date())
    sale = insert_sale(ctx, Sale(
        receipt_no=receipt_no, day=now.date(), seq=seq, visit=visit.id, customer=visit.customer_id,
        member=member.id if member else None, tier=member.tier if member else None, cashier=cashier.id,
        created_at=now, list_total_fen=priced.list_total_fen, member_discount_fen=priced.member_discount_fen,
        birthday_discount_fen=priced.birthday_discount_fen, points_redeemed=priced.points_redeemed,
        points_discount_fen=priced.points_discount_fen, amount_due_fen=priced.amount_due_fen,
        counts_for_tier=member is not None, enrolled=False, promoted_to=None, status="completed"))
    write_lines(ctx, sale, lines, priced)
    connection(ctx.db).executemany(ctx.sql.INSERT_PAYMENT, [
        (sale.id, p.method, p.amount_fen, p.tendered_fen, p.change_fen) for p in applied])
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
        ctx.execute(ctx.sql.CUSTOMER_LAST_VISIT, (now, visit.customer_id))
        ctx.execute(ctx.sql.SEARCH_KEYS_LAST_VISIT, (now, visit.customer_id))
    ctx.execute(ctx.sql.CLOSE_VISIT, (now, visit.id))
    from .appointments import complete_booking_of_visit    # loaded with the first sale, not at start
    from .care import tasks_after_sale
    complete_booking_of_visit(ctx, int(visit.id))    # the booking it came from, if any
    commission.after_sale(ctx, int(sale.id), [l.id for l in lines])   # one row per contributor per line
    tasks_after_sale(ctx, completed_visit(ctx, visit, pv, now, cashier, enrol))   # aftercare call, product check
    ctx.audit(cashier, "sale", target=receipt_no, due=priced.amount_due_fen,
              points=priced.points_redeemed, birthday=birthday_line_id is not None)
    return int(sale.id)


def insert_sale(ctx: ShopContext, sale: Sale) -> Sale:
    """The sale's row by one hand-written INSERT; ``sale`` comes back with its id, as peewee's create."""
    values = [getattr(sale, name) for name in ctx.sql.SALE_COLUMNS]
    sale.id = int(ctx.execute(ctx.sql.INSERT_SALE, values).lastrowid or 0)
    return sale


def completed_visit(ctx: ShopContext, visit: Visit, pv: PricedVisit, at: datetime, cashier: Staff,
                    enrolled: bool) -> CompletedVisit:
    """What the follow-up rules need of the sale, from what checkout has read already."""
    customer = pv.facts.care
    if customer is not None and enrolled:
        customer = replace(customer, member=True)
    services = [l for l in pv.lines if l.kind == "service"]
    aftercare: dict[int, str] = {}
    if customer is not None and services:
        ids = sorted({l.item_id for l in services})
        aftercare = dict(ctx.execute(ctx.sql.ITEM_AFTERCARE.format(marks=", ".join("?" * len(ids))), ids).fetchall())
    return CompletedVisit(
        visit_id=int(visit.id), customer=customer, completed_at=at,
        services=tuple(ServiceDone(l.name, l.category, l.technician_id, aftercare.get(l.item_id, ""))
                       for l in services),
        products=tuple(l.name for l in pv.lines if l.kind == "product"), cashier_id=int(cashier.id))


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
                              priced.list_total_fen - priced.package_discount_fen, priced.amount_due_fen,
                              pv.facts.card_id).taken
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
    """Redeemed points out, earned points in; a birthday's extra is its own entry (one executemany)."""
    rows = [(sale.customer_id, kind, points, sale.created_at, cashier.id, sale.id) for kind, points in (
        ("redeem", -priced.points_redeemed), ("earn", priced.points_earned_base),
        ("birthday", priced.points_birthday_bonus)) if points]
    if rows:
        connection(ctx.db).executemany(ctx.sql.INSERT_POINTS_ENTRY, rows)
