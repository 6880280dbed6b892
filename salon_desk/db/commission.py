"""Commission (提成) on the data layer: rules and levels (owner, audited, append-only with effective
dates), rows written inside the checkout and refund transactions, settled months, the monthly sheet.

The rules themselves are in :mod:`salon_desk.commission`."""

from __future__ import annotations

import json
import weakref
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from ..commission import (
    TOPUP_CATEGORY, Adjustment, CommissionSheet, SheetLine, check_adjustment, TechnicianSheet, ASSISTANT, CARD_SALE, DEFAULT_LEAD_PERMILLE, FULL, LEAD, PRODUCT, SERVICE, Band, CommissionLine, Rule, Share,
    booking_month, check_not_settled, level_from_history, check_rule, check_shares, line_commission, pick_rule, tier_bonus,
)
from ..errors import InvalidInput, NotFound, PermissionDenied
from ..money import Fen, split_proportionally
from ..roles import Perm
from .context import Actor, ShopContext
from .models import (
    CardTopUp, CommissionAdjustment, CommissionEntry, CommissionMonth, CommissionRule, CommissionTopUp, LineAssistant, PackageSession, Refund, Sale, SaleLine, Staff,
    StaffLevel, VisitLine,
)
from .permissions import ANY_STAFF, requires


# -- shared steps inside other services' transactions ---------------------------------------------

def _load_rules() -> tuple[Rule, ...]:
    out = []
    for r in CommissionRule.select().order_by(CommissionRule.id):
        out.append(Rule(r.rule_no, r.version, r.kind, _day(r.effective_from),
                        _day(r.effective_to) if r.effective_to else None, r.staff_id, r.level, r.category,
                        r.designated_permille, r.rotation_permille, r.fee_fen, r.prepaid_permille,
                        bool(r.fee_on_free), tuple(Band(a, b) for a, b in json.loads(r.bands)), r.tier_mode))
    return tuple(out)


def _load_levels() -> dict[int, tuple[tuple[date, str], ...]]:
    history: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for row in StaffLevel.select().order_by(StaffLevel.effective_from, StaffLevel.id):
        history[row.staff_id].append((_day(row.effective_from), row.level))
    return {k: tuple(v) for k, v in history.items()}


@dataclass(frozen=True)
class RuleBook:
    """The shop's commission rules and every staff member's level history, as one cached value."""

    key: tuple[int, int]
    rules: tuple[Rule, ...]
    levels: dict[int, tuple[tuple[date, str], ...]]

    def level_on(self, staff_id: int, day: date) -> str | None:
        return level_from_history(self.levels.get(staff_id, ()), day)


_BOOKS: "weakref.WeakKeyDictionary[ShopContext, RuleBook]" = weakref.WeakKeyDictionary()


def rule_book(ctx: ShopContext) -> RuleBook:
    """The rules and levels, read once per shop and again only when a rule or a level was added.

    Both tables are append-only (triggers refuse UPDATE and DELETE), so the highest row ids name their
    content exactly; one cheap read of them per sale sees a change made by this program or by another
    one on the same file (a second counter on the shop's network share)."""
    key = tuple(ctx.execute(ctx.sql.COMMISSION_RULES_KEY).fetchone())
    book = _BOOKS.get(ctx)
    if book is None or book.key != key:
        with ctx.bound():
            book = RuleBook((int(key[0]), int(key[1])), _load_rules(), _load_levels())
        _BOOKS[ctx] = book
    return book


def _rules(ctx: ShopContext) -> tuple[Rule, ...]:
    return rule_book(ctx).rules


def _day(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


def _settled() -> frozenset[tuple[int, int]]:
    return frozenset((m.year, m.month) for m in CommissionMonth.select())


def after_sale(ctx: ShopContext, sale_id: int, visit_line_ids: list[int]) -> None:
    """Inside the checkout transaction: one commission row per contributor per line.

    ``visit_line_ids`` are the visit's lines in the order their sale lines were written."""
    book = rule_book(ctx)
    rules = book.rules
    if not rules:
        return
    sale = Sale.get_by_id(sale_id)
    lines = list(SaleLine.select().where(SaleLine.sale == sale_id).order_by(SaleLine.id))
    assistants: dict[int, list[LineAssistant]] = defaultdict(list)
    for helper in (LineAssistant.select().where(LineAssistant.visit_line.in_(visit_line_ids))
                   .order_by(LineAssistant.id)):
        assistants[helper.visit_line_id].append(helper)
    sessions = {s.sale_line_id: s.consumed_fen for s in PackageSession.select().where(PackageSession.sale == sale_id)}
    paid = [0 if l.id in sessions else l.amount_fen - l.points_share_fen for l in lines]
    from .prepaid import card_taken
    taken = card_taken(ctx, sale_id)[0]
    principal = split_proportionally(taken.principal_fen, paid)
    bonus = split_proportionally(taken.bonus_fen, paid)
    day = _day(sale.created_at)
    year, month = booking_month(day, _settled())
    rows = []
    for i, line in enumerate(lines):
        if line.technician_id is None:
            continue
        kind = {"service": SERVICE, "product": PRODUCT, "package": CARD_SALE}.get(line.kind)
        if kind is None:
            continue
        helpers = assistants.get(visit_line_ids[i], []) if i < len(visit_line_ids) else []
        shares = (Share(line.technician_id, LEAD, FULL - sum(a.permille for a in helpers)),) + tuple(
            Share(a.staff_id, ASSISTANT, a.permille) for a in helpers)
        base = sessions.get(line.id, paid[i])
        prepaid = line.id in sessions or bool(principal[i] or bonus[i])
        cl = CommissionLine(kind, line.category or "", bool(line.designated), line.quantity, base, prepaid,
                            principal[i], bonus[i])
        levels = {s.staff_id: book.level_on(s.staff_id, day) for s in shares}
        for a in line_commission(cl, shares, rules, day, levels):
            rows.append(dict(sale=sale_id, sale_line=line.id, refund=None, staff=a.staff_id, role=a.role, kind=kind,
                             designated=bool(line.designated), share_permille=a.share_permille, base_fen=a.base_fen,
                             share_base_fen=a.share_base_fen,
                             card_principal_fen=principal[i] if a.role == LEAD else 0,
                             card_bonus_fen=bonus[i] if a.role == LEAD else 0, prepaid=prepaid,
                             rule_id=a.rule_id, rule_version=a.rule_version, rate_permille=a.rate_permille,
                             fee_fen=a.fee_fen, amount_fen=a.amount_fen, year=year, month=month, at=sale.created_at))
    if rows:
        CommissionEntry.insert_many(rows).execute()


def after_refund(ctx: ShopContext, refund: Refund, sale_line_ids: list[int]) -> None:
    """Inside the refund's transaction: the refunded lines' rows again, negated, in the refund's month
    (or the first month after it not settled); the original month is never rewritten."""
    year, month = booking_month(ctx.today(), _settled())
    rows = []
    for e in CommissionEntry.select().where(CommissionEntry.sale_line.in_(sale_line_ids)
                                            & CommissionEntry.refund.is_null()).order_by(CommissionEntry.id):
        rows.append(dict(sale=e.sale_id, sale_line=e.sale_line_id, refund=refund.id, staff=e.staff_id, role=e.role,
                         kind=e.kind, designated=e.designated, share_permille=e.share_permille,
                         base_fen=-e.base_fen, share_base_fen=-e.share_base_fen,
                         card_principal_fen=-e.card_principal_fen, card_bonus_fen=-e.card_bonus_fen,
                         prepaid=e.prepaid, rule_id=e.rule_id, rule_version=e.rule_version,
                         rate_permille=e.rate_permille, fee_fen=-e.fee_fen, amount_fen=-e.amount_fen,
                         year=year, month=month, at=ctx.now()))
    if rows:
        CommissionEntry.insert_many(rows).execute()


def after_topup(ctx: ShopContext, topup: CardTopUp, sold_by: int) -> None:
    """Inside the top-up's transaction: the card-sale commission of the staff member who sold it, on the
    money paid (the bonus is not a sale), by the card-sale rule for the category ``stored_value``."""
    book = rule_book(ctx)
    day = _day(topup.created_at)
    line = CommissionLine(CARD_SALE, TOPUP_CATEGORY, True, 1, topup.pay_fen)
    [amount] = line_commission(line, (Share(sold_by, LEAD, FULL),), book.rules, day,
                               {sold_by: book.level_on(sold_by, day)})
    if amount.rule_id is None:
        return
    year, month = booking_month(day, _settled())
    CommissionTopUp.create(topup=topup, staff=sold_by, rule_id=amount.rule_id, rule_version=amount.rule_version,
                           base_fen=topup.pay_fen, rate_permille=amount.rate_permille, amount_fen=amount.amount_fen,
                           year=year, month=month, at=topup.created_at)


# -- the service ----------------------------------------------------------------------------------

def _mask(name: str | None) -> str:
    if not name:
        return "散客"
    return name[0] + "*" * max(1, len(name) - 1)


class CommissionService:
    """Levels, rules, assistants on a line, settled months and the monthly sheet."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.COMMISSION)
    def set_level(self, actor: Actor, staff_id: int, level: str, effective_from: date) -> None:
        """The staff member's level from ``effective_from`` on (the history is kept)."""
        if not level.strip():
            raise InvalidInput("commission.bad_level")
        with self.ctx.db.atomic():
            StaffLevel.create(staff=self.ctx.staff_row(staff_id), level=level.strip(), effective_from=effective_from,
                              set_by=actor.row, at=self.ctx.now())
            self.ctx.audit(actor, "commission_level", target=str(staff_id), level=level,
                           effective_from=effective_from.isoformat())

    @requires(Perm.COMMISSION)
    def add_rule(self, actor: Actor, rule: Rule) -> Rule:
        """Save a rule (``rule.id`` 0: a new rule; an existing number: its next version from its day)."""
        check_rule(rule)
        with self.ctx.db.atomic():
            if rule.id:
                last = (CommissionRule.select().where(CommissionRule.rule_no == rule.id)
                        .order_by(CommissionRule.version.desc()).first())
                if last is None:
                    raise NotFound("commission.rule_not_found", id=rule.id)
                number, version = rule.id, last.version + 1
            else:
                top = CommissionRule.select().order_by(CommissionRule.rule_no.desc()).first()
                number, version = (top.rule_no + 1 if top else 1), 1
            CommissionRule.create(
                rule_no=number, version=version, kind=rule.kind, staff=rule.staff_id, level=rule.level,
                category=rule.category, designated_permille=rule.designated_permille,
                rotation_permille=rule.rotation_permille, fee_fen=rule.fee_fen, prepaid_permille=rule.prepaid_permille,
                fee_on_free=rule.fee_on_free, bands=json.dumps([[b.from_fen, b.rate_permille] for b in rule.bands]),
                tier_mode=rule.tier_mode, effective_from=rule.effective_from, effective_to=rule.effective_to,
                created_by=actor.row, at=self.ctx.now())
            self.ctx.audit(actor, "commission_rule", target=f"#{number} v{version}", kind=rule.kind,
                           category=rule.category, level=rule.level, staff_id=rule.staff_id,
                           designated=rule.designated_permille, rotation=rule.rotation_permille, fee=rule.fee_fen,
                           effective_from=rule.effective_from.isoformat())
        return Rule(number, version, rule.kind, rule.effective_from, rule.effective_to, rule.staff_id, rule.level,
                    rule.category, rule.designated_permille, rule.rotation_permille, rule.fee_fen,
                    rule.prepaid_permille, rule.fee_on_free, rule.bands, rule.tier_mode)

    @requires(Perm.COMMISSION)
    def rules(self, actor: Actor) -> tuple[Rule, ...]:
        return _rules(self.ctx)

    @requires(Perm.COUNTER)
    def set_assistants(self, actor: Actor, visit_line_id: int, assistants: list[tuple[int, int]]) -> None:
        """The assistants on an open visit line, each with a share (per-mille); the lead keeps the rest.
        ``[(staff_id, 300)]`` for 主理 70% / 助理 30%."""
        with self.ctx.db.atomic():
            line = VisitLine.get_or_none(VisitLine.id == visit_line_id)
            if line is None:
                raise NotFound("visit.line_not_found", id=visit_line_id)
            lead = line.technician_id
            if lead is None and assistants:
                raise InvalidInput("commission.shares_not_100", total=sum(p for _, p in assistants))
            if lead is not None and assistants:
                check_shares((Share(lead, LEAD, FULL - sum(p for _, p in assistants)),) + tuple(
                    Share(s, ASSISTANT, p) for s, p in assistants))
            LineAssistant.delete().where(LineAssistant.visit_line == visit_line_id).execute()
            for staff_id, permille in assistants:
                LineAssistant.create(visit_line=visit_line_id, staff=self.ctx.staff_row(staff_id), permille=permille)
            self.ctx.audit(actor, "line_assistants", target=str(visit_line_id),
                           assistants=[list(a) for a in assistants])

    @requires(Perm.COMMISSION)
    def settle(self, actor: Actor, year: int, month: int) -> None:
        """Freeze a month: later corrections of its sales land in the next month."""
        with self.ctx.db.atomic():
            check_not_settled(year, month, _settled())
            CommissionMonth.create(year=year, month=month, settled_at=self.ctx.now(), settled_by=actor.row)
            self.ctx.audit(actor, "commission_settle", target=f"{year}-{month:02d}")

    @requires(Perm.COMMISSION)
    def adjust(self, actor: Actor, staff_id: int, year: int, month: int, amount_fen: Fen, reason: str) -> None:
        """The owner's manual adjustment (+ or -) of a technician's month, with the reason; only into a
        month not settled (a settled month refuses it and names the next open one)."""
        why = check_adjustment(amount_fen, reason)
        with self.ctx.db.atomic():
            check_not_settled(year, month, _settled())
            staff = self.ctx.staff_row(staff_id)
            CommissionAdjustment.create(staff=staff, year=year, month=month, amount_fen=amount_fen, reason=why,
                                        by=actor.row, at=self.ctx.now())
            self.ctx.audit(actor, "commission_adjust", target=f"{year}-{month:02d}", staff_id=staff_id,
                           amount_fen=amount_fen, reason=why)

    @requires(Perm.COMMISSION)
    def levels(self, actor: Actor) -> dict[int, tuple[tuple[date, str], ...]]:
        """Every staff member's level history: (from-day, level) in the order they were set."""
        return dict(rule_book(self.ctx).levels)

    @requires(Perm.COMMISSION)
    def settled_months(self, actor: Actor) -> frozenset[tuple[int, int]]:
        with self.ctx.bound():
            return _settled()

    @requires(ANY_STAFF)
    def sheet(self, actor: Actor, year: int, month: int, staff_id: int | None = None) -> CommissionSheet:
        """The month's sheet: every technician (the owner) or one's own for the current month."""
        if not actor.can(Perm.COMMISSION):
            today = self.ctx.today()
            if (year, month) != (today.year, today.month) or staff_id not in (None, actor.id):
                raise PermissionDenied("perm.denied", perm=Perm.COMMISSION.value, role=actor.role)
            staff_id = actor.id
        with self.ctx.bound():
            rows = self.ctx.execute(self.ctx.sql.COMMISSION_MONTH_ROWS, (year, month)).fetchall()
            rows += self.ctx.execute(self.ctx.sql.COMMISSION_MONTH_TOPUPS, (year, month)).fetchall()
            adjustments = self.ctx.execute(self.ctx.sql.COMMISSION_MONTH_ADJUSTMENTS, (year, month)).fetchall()
            names = self.ctx.staff_names()
            settled = (year, month) in _settled()
            book = rule_book(self.ctx)
            rules = book.rules
        by_staff: dict[int, list[Any]] = defaultdict(list)
        for r in sorted(rows, key=lambda r: str(r[14])):
            if staff_id is None or r[0] == staff_id:
                by_staff[r[0]].append(r)
        adjusted: dict[int, list[Adjustment]] = defaultdict(list)
        for sid, amount, reason, at, by in adjustments:
            if staff_id is None or sid == staff_id:
                adjusted[sid].append(Adjustment(_day(at), amount, reason, by))
                by_staff.setdefault(sid, [])
        last_day = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
        sheets = []
        for sid in sorted(by_staff, key=lambda s: names.get(s, "")):
            level = book.level_on(sid, last_day)
            sheets.append(_technician(sid, names.get(sid, ""), level, by_staff[sid], rules, last_day,
                                      tuple(adjusted.get(sid, ()))))
        return CommissionSheet(self.ctx.setting("shop.name"), year, month, settled, self.ctx.now(), tuple(sheets))


def _technician(sid: int, name: str, level: str | None, rows: list[Any], rules: tuple[Rule, ...],
                month_end: date, adjustments: tuple[Adjustment, ...] = ()) -> TechnicianSheet:
    lines = []
    for (_, role, kind, designated, share, base, share_base, prepaid, rule_id, version, rate, fee, amount,
         refund_id, at, receipt_no, customer, item) in rows:
        lines.append(SheetLine(_day(at), receipt_no, _mask(customer), item, kind, bool(designated), role, base, share,
                               share_base, bool(prepaid), f"#{rule_id} v{version}" if rule_id else "", rate, fee,
                               amount, refund_id is not None))
    services = [l for l in lines if l.kind == SERVICE]
    done = [l for l in services if not l.clawback]
    labour = sum(l.share_base_fen for l in services)
    prepaid = sum(l.share_base_fen for l in services if l.prepaid)
    forward = [l for l in lines if not l.clawback]
    service_fen = sum(l.amount_fen for l in forward if l.kind == SERVICE and not l.fee_fen)
    fee_fen = sum(l.fee_fen for l in forward if l.kind == SERVICE)
    product_fen = sum(l.amount_fen for l in forward if l.kind == PRODUCT)
    card_fen = sum(l.amount_fen for l in forward if l.kind == CARD_SALE)
    claw = [l for l in lines if l.clawback]
    tier_rule = pick_rule(tuple(r for r in rules if r.bands), SERVICE, month_end, sid, level, "")
    bonus = tier_bonus(labour, tier_rule.bands, tier_rule.tier_mode) if tier_rule else tier_bonus(0, ())
    clawback = sum(l.amount_fen for l in claw)
    adjust = sum(a.amount_fen for a in adjustments)
    return TechnicianSheet(
        sid, name, level, sum(1 for l in done if l.designated), sum(1 for l in done if not l.designated),
        sum(1 for l in done if l.role == LEAD), sum(1 for l in done if l.role == ASSISTANT),
        labour, labour - prepaid, prepaid, service_fen, fee_fen, product_fen, card_fen, bonus.amount_fen,
        tuple((b.from_fen, b.to_fen, b.base_fen, b.rate_permille, b.amount_fen) for b in bonus.bands),
        clawback, tuple(sorted({l.receipt_no for l in claw})),
        service_fen + fee_fen + product_fen + card_fen + bonus.amount_fen + clawback + adjust, tuple(lines),
        adjust, adjustments)


__all__ = ["CommissionService", "CommissionSheet", "TechnicianSheet", "SheetLine", "after_sale", "after_refund",
           "DEFAULT_LEAD_PERMILLE", "Staff"]
