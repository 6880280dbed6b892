"""Shared steps of stored-value cards and packages that run inside other services' transactions.

Checkout calls these to take a card payment, to turn package claims into
sessions and to record the packages a sale sold; a sale refund calls them to
give back what the sale took. The rules themselves are the pure modules
``stored_value`` and ``packages``; these functions only read and write rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Sequence

from ..card_records import PackageInfo
from ..errors import Conflict, InvalidInput, NotFound
from ..followups import Outcome
from ..money import Fen, scale
from ..packages import Package, PackageService as PoolService, PackageTerms, SessionUse, use_session, validity_status
from ..pricing import PricedSale
from ..records import ReceiptCard, ReceiptSession, VisitLineInfo
from ..stored_value import (
    Balance, Draw, EntryKind, LedgerEntry, card_share_of_list, draw, give_back, sale_refund_entry, spend_entry,
)
from ..tenders import STORED_VALUE, Tender
from .context import ShopContext
from .rows import connection
from .models import (
    Card, CardEntry, CustomerPackage, FollowUpTask, Item, PackageClaim, PackagePlan, PackagePlanService, PackageSession, Refund,
    Sale, SaleLine, Staff,
)


# -- the card ledger ---------------------------------------------------------------------------

def card_balance(ctx: ShopContext, customer_id: int) -> Balance:
    """The balance is the sum of the ledger's rows (a check compares it with the stored after-balances)."""
    p, b = ctx.execute(ctx.sql.CARD_BALANCE, (customer_id,)).fetchone()
    return Balance(int(p), int(b))


def ledger(ctx: ShopContext, customer_id: int) -> list[LedgerEntry]:
    rows = CardEntry.select().where(CardEntry.customer == customer_id).order_by(CardEntry.id)
    return [LedgerEntry(EntryKind(r.kind), r.principal_fen, r.bonus_fen, r.principal_after_fen,
                        r.bonus_after_fen, r.day, r.list_fen, r.note) for r in rows]


def current_card(customer_id: int) -> Card | None:
    card: Card | None = Card.select().where(Card.customer == customer_id).order_by(Card.id.desc()).first()
    return card


def new_card_number() -> str:
    """Eight digits starting with 8, one more than the cards issued so far."""
    return f"8{Card.select().count() + 1:07d}"


def ensure_card(ctx: ShopContext, customer_id: int, staff: Staff | None) -> Card:
    card = current_card(customer_id)
    if card is None:
        card = Card.create(customer=customer_id, number=new_card_number(), issued_at=ctx.now(), staff=staff,
                           reason="")
    return card


def write_entries(ctx: ShopContext, customer_id: int, entries: Sequence[LedgerEntry], staff: Staff | None,
                  card_id: int | None = None, **links: Any) -> None:
    """Append ``entries`` to the customer's ledger under the card in force (``card_id`` when the caller
    read it already), linked to what caused them (sale=, refund=, topup=, prepaid_refund=)."""
    if card_id is None:
        card = ctx.execute(ctx.sql.CURRENT_CARD, (customer_id,)).fetchone()
        card_id = card[0] if card else None
    now = ctx.now()
    keys = [getattr(links.get(name), "id", links.get(name)) for name in ("sale", "refund", "topup", "prepaid_refund")]
    connection(ctx.db).executemany(ctx.sql.INSERT_CARD_ENTRY, [
        (customer_id, card_id, e.kind.value, e.principal_fen, e.bonus_fen, e.principal_after_fen, e.bonus_after_fen,
         e.on, now, e.list_fen, e.note, staff.id if staff is not None else None, *keys) for e in entries])


# -- packages ----------------------------------------------------------------------------------

def package_row(package_id: int) -> CustomerPackage:
    row = CustomerPackage.get_or_none(CustomerPackage.id == package_id)
    if row is None:
        raise NotFound("package.not_found", id=package_id)
    return row


def live_uses(package_id: int) -> list[PackageSession]:
    return list(PackageSession.select().where((PackageSession.package == package_id)
                                              & PackageSession.returned_by.is_null())
                .order_by(PackageSession.id))


def as_package(row: CustomerPackage) -> Package:
    services = tuple(PoolService(int(k), int(v)) for k, v in json.loads(row.services))
    terms = PackageTerms(services, row.sessions, row.price_fen, row.gifted, row.validity_days)
    return Package(row.customer_id, terms, row.paid_fen, row.sold_on, row.expires_on)


def as_uses(uses: Sequence[PackageSession]) -> list[SessionUse]:
    return [SessionUse(u.service_item_id, u.consumed_fen, u.list_fen, u.day) for u in uses]


def package_info(row: CustomerPackage, today: date, names: dict[int, str] | None = None) -> PackageInfo:
    uses = live_uses(row.id)
    total = row.sessions + row.gifted
    pairs = json.loads(row.services)
    if names is None:
        names = {i.id: i.name for i in Item.select(Item.id, Item.name).where(Item.id.in_([k for k, _ in pairs]))}
    status = "closed" if row.closed_at else validity_status(as_package(row), today)
    return PackageInfo(row.id, row.customer_id, row.name, row.sessions, row.gifted, len(uses), total - len(uses),
                       row.paid_fen, sum(u.consumed_fen for u in uses), row.sold_on, row.expires_on, status,
                       tuple((int(k), names.get(int(k), ""), int(v)) for k, v in pairs))


def packages_of(ctx: ShopContext, customer_id: int, open_only: bool = True) -> list[PackageInfo]:
    rows = CustomerPackage.select().where(CustomerPackage.customer == customer_id).order_by(CustomerPackage.id)
    today = ctx.today()
    infos = [package_info(r, today) for r in rows]
    return [p for p in infos if p.status != "closed" and p.sessions_left > 0] if open_only else infos


def claims_of_visit(ctx: ShopContext, visit_id: int) -> dict[int, int]:
    """The open visit's lines to be paid by a package session: {visit line id: package id}."""
    return dict(ctx.execute(ctx.sql.VISIT_PACKAGE_CLAIMS, (visit_id,)).fetchall())


def check_claim(ctx: ShopContext, package: CustomerPackage, customer_id: int | None, item_id: int,
                pending: int = 0) -> SessionUse:
    """The session the line would use, or the typed reason it cannot (another's package, not covered...)."""
    if customer_id is None or package.customer_id != customer_id:
        raise Conflict("package.not_owner")
    uses = as_uses(live_uses(package.id))
    pkg = as_package(package)
    if len(uses) + pending >= pkg.total_sessions:
        raise Conflict("package.used_up")
    return use_session(pkg, uses, customer_key=customer_id, service_key=item_id, on=ctx.today(),
                       refunded=package.closed_at is not None)


def settle_expiry_tasks(ctx: ShopContext, package_id: int, staff: Staff | int, comment: str) -> int:
    """Close the package's open expiry calls: what they were about is done (extended or refunded)."""
    return int(FollowUpTask.update(closed_at=ctx.now(), closed_by=staff, outcome=Outcome.SETTLED.value,
                                   comment=comment)
               .where(FollowUpTask.key.startswith(f"package:{package_id}:") & FollowUpTask.closed_at.is_null())
               .execute())


def close_package(row: CustomerPackage, at: datetime, how: str) -> None:
    CustomerPackage.update(closed_at=at, closed_by=how).where(CustomerPackage.id == row.id).execute()
    row.closed_at, row.closed_by = at, how


# -- checkout ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class CardPayment:
    taken: Draw
    after: Balance


def card_tendered(tenders: Sequence[Tender]) -> Fen:
    return sum(t.amount_fen for t in tenders if t.method == STORED_VALUE)


def take_card(ctx: ShopContext, cashier: Staff, sale: Sale, customer_id: int, balance: Balance, amount_fen: Fen,
              list_fen: Fen, due_fen: Fen, card_id: int | None = None) -> CardPayment:
    """The card part of a checkout: principal and bonus in proportion, one spend row linked to the sale."""
    taken = draw(balance, amount_fen)
    entry = spend_entry(balance, taken, ctx.today(), list_fen=card_share_of_list(list_fen, amount_fen, due_fen),
                        note=sale.receipt_no)
    write_entries(ctx, customer_id, [entry], cashier, card_id, sale=sale)
    return CardPayment(taken, entry.after)


def record_sessions(ctx: ShopContext, sale: Sale, lines: Sequence[VisitLineInfo], line_ids: Sequence[int],
                    claims: dict[int, int]) -> None:
    """Each claimed line becomes a session of its package: consumed and list value, technician, sale line."""
    for line, sale_line_id in zip(lines, line_ids):
        package_id = claims.get(line.id)
        if package_id is None:
            continue
        package = package_row(package_id)
        use = check_claim(ctx, package, sale.customer_id, line.item_id)
        PackageSession.create(package=package, sale=sale, sale_line=sale_line_id, service_item=line.item_id,
                              technician=line.technician_id, consumed_fen=use.consumed_fen,
                              list_fen=use.list_fen, day=use.on, at=sale.created_at)


def record_packages_sold(ctx: ShopContext, sale: Sale, lines: Sequence[VisitLineInfo], line_ids: Sequence[int],
                         priced: PricedSale) -> None:
    """Each package line sold becomes a package of the customer, the services' values copied."""
    by_key = {p.key: p for p in priced.lines}
    for line, sale_line_id in zip(lines, line_ids):
        if line.kind != "package":
            continue
        if sale.customer_id is None:
            raise InvalidInput("package.customer_required")
        plan = PackagePlan.get_or_none(PackagePlan.item == line.item_id)
        if plan is None:
            raise NotFound("package.not_found", id=line.item_id)
        services = [[s.item_id, s.list_value_fen] for s in
                    PackagePlanService.select().where(PackagePlanService.plan == plan).order_by(PackagePlanService.id)]
        if line.quantity != 1:
            raise InvalidInput("line.bad_quantity", quantity=line.quantity)
        sold_on = sale.created_at.date()
        CustomerPackage.create(
            customer=sale.customer_id, item=line.item_id, sale=sale, sale_line=sale_line_id, name=line.name,
            sessions=plan.sessions, gifted=plan.gifted, price_fen=line.unit_price_fen,
            paid_fen=by_key[line.id].paid_fen, services=json.dumps(services), validity_days=plan.validity_days,
            sold_on=sold_on, sold_at=sale.created_at,
            expires_on=sold_on + timedelta(days=plan.validity_days) if plan.validity_days else None)


# -- sale refunds ------------------------------------------------------------------------------

def card_taken(ctx: ShopContext, sale_id: int) -> tuple[Draw, Draw, Fen, Fen]:
    """What the sale drew from the card, what refunds gave back already, and the list values of both."""
    rows = ctx.execute(ctx.sql.SALE_CARD_ENTRIES, (sale_id,)).fetchall()
    tp = tb = rp = rb = tl = rl = 0
    for kind, p, b, list_fen in rows:
        if kind == EntryKind.SPEND.value:
            tp, tb, tl = tp - p, tb - b, tl + list_fen
        elif kind == EntryKind.SALE_REFUND.value:
            rp, rb, rl = rp + p, rb + b, rl + list_fen
    return Draw(tp, tb), Draw(rp, rb), tl, rl


def card_back_fen(ctx: ShopContext, sale: Sale, amount_fen: Fen, last: bool) -> Fen:
    """How much of a refund goes back to the card: the card's share of the sale, all that is out on the last."""
    taken, returned, _, _ = card_taken(ctx, sale.id)
    out = taken.total_fen - returned.total_fen
    if out <= 0:
        return 0
    if last:
        return out
    return min(out, scale(amount_fen, taken.total_fen, sale.amount_due_fen) if sale.amount_due_fen else 0)


def give_back_to_card(ctx: ShopContext, staff: Staff, sale: Sale, refund: Refund, back_fen: Fen) -> None:
    if back_fen <= 0 or sale.customer_id is None:
        return
    taken, returned, taken_list, returned_list = card_taken(ctx, sale.id)
    back = give_back(taken, returned, back_fen)
    left = taken.total_fen - returned.total_fen
    list_back = taken_list - returned_list if back_fen == left else scale(taken_list, back_fen, taken.total_fen)
    entry = sale_refund_entry(card_balance(ctx, sale.customer_id), back, ctx.today(), list_fen=max(list_back, 0),
                              note=sale.receipt_no)
    write_entries(ctx, sale.customer_id, [entry], staff, sale=sale, refund=refund)


def reverse_packages(ctx: ShopContext, sale: Sale, refund: Refund, line_ids: Sequence[int]) -> None:
    """Refunded lines: a session used by one comes back to its package; a package sold by one is closed
    (refused once sessions were used: its unused part is refunded in one of the three modes)."""
    (PackageSession.update(returned_by=refund)
     .where(PackageSession.sale_line.in_(list(line_ids)) & PackageSession.returned_by.is_null()).execute())
    for package in CustomerPackage.select().where(CustomerPackage.sale_line.in_(list(line_ids))):
        if live_uses(package.id):
            raise Conflict("package.has_sessions_used", name=package.name)
        if package.closed_at is None:
            close_package(package, ctx.now(), "sale_refund")
            settle_expiry_tasks(ctx, package.id, refund.staff_id, "整单退款")


# -- the receipt -------------------------------------------------------------------------------

def receipt_prepaid(ctx: ShopContext, sale_id: int, customer_id: int | None,
                    ) -> tuple[ReceiptCard | None, tuple[ReceiptSession, ...]]:
    """The card part of a receipt and the sessions it used, with the balances and sessions left after."""
    card = None
    if customer_id is not None:
        row = ctx.execute(ctx.sql.SALE_CARD_SPEND, (sale_id,)).fetchone()
        if row is not None:
            card = ReceiptCard(-row[0], -row[1], row[2], row[3])
    sessions = tuple(ReceiptSession(line_id, name, left) for line_id, name, left in
                     ctx.execute(ctx.sql.SALE_PACKAGE_SESSIONS, (sale_id,)).fetchall())
    return card, sessions


