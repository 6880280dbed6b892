"""The stored-value card (储值卡) on the front door (SPEC §10): top-ups, balance, statement, refunds,
reissue, transfer and the shop-closing list.

The rules are ``salon_desk.stored_value`` and ``salon_desk.prepaid_refunds``;
this service reads the ledger, posts the rows those rules return, numbers
top-ups in the one daily receipt sequence, and audits what the owner does.
Paying with the card is a tender of ``shop.sales.checkout``.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from ..card_records import (
    CardInfo, PackageInfo, CardStatement, ClosingRow, PrepaidRefundRecord, StatementLine, TopUpQuote, TopUpRecord,
)
from ..errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ..membership import TIER_ORDER
from ..money import Fen
from ..phone import mask_phone
from ..prepaid_refunds import InterestTerms, RefundMode, RefundStatement, parse_mode
from ..records import OwnerGrant, ShopHeader
from ..roles import Perm
from ..stored_value import (
    CardLimits, CardRefund, EntryKind, TopUpPlan, TopUpRule, card_refund, check_ledger, closing_entries,
    last_topup_on, plan_topup, reissue_entry, rules_from_json, rules_to_json, topup_entries, transfer_entries,
)
from ..tenders import METHODS, STORED_VALUE
from . import commission, prepaid
from .checkout import next_receipt_no
from .context import Actor, ShopContext
from .models import (
    Card, CardEntry, CardTermsAcceptance, CardTopUp, Customer, CustomerPackage, Member, PackageSession,
    PrepaidRefund, Refund, Sale, Staff, TierChange,
)
from .permissions import requires
from .rows import as_datetime


def shop_header(ctx: ShopContext) -> ShopHeader:
    s = ctx.setting
    return ShopHeader(s("shop.name"), s("shop.address"), s("shop.phone"), s("receipt.footer"))


def customer_row(customer_id: int) -> Customer:
    row = Customer.get_or_none(Customer.id == customer_id)
    if row is None or row.anonymised_at is not None:
        raise NotFound("customer.not_found", id=customer_id)
    return row


def statement_json(statement: RefundStatement) -> str:
    return json.dumps({"mode": statement.mode.value, "refund": statement.refund_fen,
                       "interest": statement.interest_fen, "total": statement.total_fen,
                       "lines": [[l.code, l.amount_fen, [list(d) for d in l.detail]] for l in statement.lines]},
                      ensure_ascii=False)


def interest_terms(rate_bp: int, from_day: date | None, to_day: date | None, default_from: date | None,
                   today: date) -> InterestTerms | None:
    start = from_day or default_from
    if rate_bp < 0:
        raise InvalidInput("refund.bad_interest_rate", rate=rate_bp)
    if start is None:
        return None
    return InterestTerms(rate_bp, start, to_day or today)


class CardService:
    """Stored-value cards: the counter's top-ups and balances, the owner's refunds and corrections."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    # -- settings ------------------------------------------------------------------------
    def _rules(self) -> tuple[TopUpRule, ...]:
        return rules_from_json(self.ctx.setting("cards.topup_rules"))

    def _limits(self) -> CardLimits:
        s = self.ctx.setting
        return CardLimits(s("cards.named_limit_fen"), bool(s("cards.unnamed_enabled")),
                          s("cards.unnamed_limit_fen"), s("cards.cash_refused_from_fen"))

    @requires(Perm.COUNTER)
    def rules(self, actor: Actor) -> tuple[TopUpRule, ...]:
        """The owner's top-up rules (pay ¥1,000 -> bonus ¥100 ...), lowest amount first."""
        return tuple(sorted(self._rules(), key=lambda r: r.pay_fen))

    @requires(Perm.SETTINGS)
    def set_rules(self, actor: Actor, rules: list[TopUpRule]) -> tuple[TopUpRule, ...]:
        """Replace the top-up rules table (audited)."""
        value = rules_to_json(rules)
        rules_from_json(value)
        from .settings_store import SettingsService  # the one place settings are written
        SettingsService(self.ctx).update(actor, {"cards.topup_rules": value})
        return tuple(sorted(rules, key=lambda r: r.pay_fen))

    # -- the counter ---------------------------------------------------------------------
    def _terms_signed(self, customer_id: int) -> str | None:
        row = (CardTermsAcceptance.select().where(CardTermsAcceptance.customer == customer_id)
               .order_by(CardTermsAcceptance.id.desc()).first())
        return row.version if row else None

    def _info(self, customer_id: int) -> CardInfo:
        balance = prepaid.card_balance(self.ctx, customer_id)
        card = prepaid.current_card(customer_id)
        return CardInfo(customer_id, card.number if card else None, balance.principal_fen, balance.bonus_fen,
                        self._terms_signed(customer_id), tuple(prepaid.packages_of(self.ctx, customer_id)))

    @requires(Perm.COUNTER)
    def info(self, actor: Actor, customer_id: int) -> CardInfo:
        """The card balance (principal + bonus) and the packages with sessions left, for the counter."""
        customer_row(customer_id)
        return self._info(customer_id)

    def _plan(self, customer: Customer, pay_fen: Fen, method: str) -> TopUpPlan:
        member = Member.get_or_none((Member.customer == customer.id) & (Member.active == True))  # noqa: E712
        return plan_topup(prepaid.card_balance(self.ctx, customer.id), pay_fen, method, rules=self._rules(),
                          limits=self._limits(), named=True, current_tier=member.tier if member else None)

    @requires(Perm.COUNTER)
    def quote_topup(self, actor: Actor, customer_id: int, pay_fen: Fen, method: str) -> TopUpQuote:
        """What a top-up would give (bonus, tier, balances after) and whether it needs the owner or a signature."""
        customer = customer_row(customer_id)
        plan = self._plan(customer, pay_fen, method)
        return TopUpQuote(plan.pay_fen, plan.bonus_fen, plan.tier, plan.after.principal_fen, plan.after.bonus_fen,
                          plan.needs_owner,
                          self._terms_signed(customer_id) != self.ctx.setting("cards.terms_version"))

    @requires(Perm.COUNTER)
    def top_up(self, actor: Actor, customer_id: int, pay_fen: Fen, method: str, *, tendered_fen: Fen | None = None,
               terms_signed: bool = False, grant: OwnerGrant | None = None,
               sold_by: int | None = None) -> TopUpRecord:
        """Money put on the customer's card: its own receipt number in the day's sequence, the rule's bonus
        (and tier), never paid by the card itself; above the named-card limit only with the owner's grant.
        At the first top-up under the terms in force, the customer signs them (``terms_signed``).
        ``sold_by``: the staff member who sold it earns the card-sale commission on the money paid."""
        if method == STORED_VALUE:
            raise InvalidInput("card.topup_by_card")
        if method not in METHODS:
            raise InvalidInput("payment.unknown_method", method=method)
        version = self.ctx.setting("cards.terms_version")
        with self.ctx.db.atomic():
            customer = customer_row(customer_id)
            if customer.archived:
                raise Conflict("customer.archived", name=customer.name)
            plan = self._plan(customer, pay_fen, method)
            owner: Staff | None = None
            if plan.needs_owner:
                if grant is None:
                    raise PermissionDenied("card.over_named_limit", after=plan.after.principal_fen)
                owner = self.ctx.check_grant(grant)
            rows = topup_entries(plan, self.ctx.today(), owner_authorised=owner is not None)
            new_terms = self._terms_signed(customer_id) != version
            if new_terms and not terms_signed:
                raise InvalidInput("card.terms_required", version=version)
            change = 0
            if method == "cash" and tendered_fen is not None:
                if tendered_fen < pay_fen:
                    raise InvalidInput("payment.short", due=pay_fen, paid=tendered_fen, missing=pay_fen - tendered_fen)
                change = tendered_fen - pay_fen
            elif tendered_fen is not None and tendered_fen != pay_fen:
                raise InvalidInput("payment.overpaid_noncash", due=pay_fen, paid=tendered_fen)
            now = self.ctx.now()
            seq, receipt_no = next_receipt_no(self.ctx, now.date())
            card = prepaid.ensure_card(self.ctx, customer_id, actor.row)
            topup = CardTopUp.create(
                receipt_no=receipt_no, day=now.date(), seq=seq, customer=customer_id, card=card, method=method,
                pay_fen=pay_fen, bonus_fen=plan.bonus_fen, tendered_fen=tendered_fen if method == "cash" else None,
                change_fen=change, rule_pay_fen=plan.rule.pay_fen if plan.rule else None, tier_granted=plan.tier,
                terms_version=version if new_terms else None, staff=actor.row, authorised_by=owner, created_at=now)
            prepaid.write_entries(self.ctx, customer_id, rows, actor.row, topup=topup)
            if sold_by is not None:
                self.ctx.staff_row(sold_by)
                commission.after_topup(self.ctx, topup, sold_by)
            if new_terms:
                CardTermsAcceptance.create(customer=customer_id, version=version, at=now, staff=actor.row,
                                           topup=topup)
            if plan.tier is not None:
                self._grant_tier(actor, customer_id, plan.tier, receipt_no)
            self.ctx.audit(actor, "card_topup", target=receipt_no, customer=customer_id, pay_fen=pay_fen,
                           bonus_fen=plan.bonus_fen, method=method,
                           authorised_by=owner.username if owner else None)
        if owner is not None and grant is not None:
            self.ctx.spend_grant(grant)
        return self._topup_record(topup.id)

    def _grant_tier(self, actor: Actor, customer_id: int, tier: str, receipt_no: str) -> None:
        """A top-up rule's tier: enrols a customer who is not a member, raises a member's tier (never lowers)."""
        member = Member.get_or_none(Member.customer == customer_id)
        now = self.ctx.now()
        if member is None:
            from .membership import enrol
            member = enrol(self.ctx, actor.row, Customer.get_by_id(customer_id), now, None)
        elif not member.active:
            return
        if TIER_ORDER.index(tier) <= TIER_ORDER.index(member.tier):
            return
        TierChange.create(member=member, kind="manual", from_tier=member.tier, to_tier=tier, at=now,
                          staff=actor.row, reason=f"top-up {receipt_no}")
        member.tier = tier
        member.save()

    def _topup_record(self, topup_id: int) -> TopUpRecord:
        t = CardTopUp.get_by_id(topup_id)
        customer = Customer.get_by_id(t.customer_id)
        after = CardEntry.select().where(CardEntry.topup == t).order_by(CardEntry.id.desc()).first()
        names = self.ctx.staff_names()
        return TopUpRecord(
            t.id, t.receipt_no, as_datetime(t.created_at), shop_header(self.ctx), names.get(t.staff_id, ""),
            customer.id, customer.name, mask_phone(customer.phone), Card.get_by_id(t.card_id).number, t.method,
            t.pay_fen, t.bonus_fen, t.tendered_fen, t.change_fen, after.principal_after_fen, after.bonus_after_fen,
            t.tier_granted, names.get(t.authorised_by_id) if t.authorised_by_id else None, t.terms_version,
            self.ctx.setting("cards.terms_text") if t.terms_version else None)

    @requires(Perm.COUNTER)
    def topup_slip(self, actor: Actor, receipt_no: str) -> TopUpRecord:
        """A stored top-up, for a reprint of its slip."""
        row = CardTopUp.get_or_none(CardTopUp.receipt_no == (receipt_no or "").strip())
        if row is None:
            raise NotFound("sale.not_found", receipt_no=receipt_no)
        return self._topup_record(row.id)

    @requires(Perm.COUNTER)
    def reissue(self, actor: Actor, customer_id: int, reason: str) -> CardInfo:
        """A lost card: a new number on the same ledger (audited)."""
        if not (reason or "").strip():
            raise InvalidInput("card.reason_required", kind="reissue")
        with self.ctx.db.atomic():
            customer_row(customer_id)
            old = prepaid.current_card(customer_id)
            if old is None:
                raise NotFound("card.not_found", customer=customer_id)
            number = prepaid.new_card_number()
            Card.create(customer=customer_id, number=number, issued_at=self.ctx.now(), staff=actor.row,
                        reason=reason.strip())
            entry = reissue_entry(prepaid.card_balance(self.ctx, customer_id), self.ctx.today(), number)
            prepaid.write_entries(self.ctx, customer_id, [entry], actor.row)
            self.ctx.audit(actor, "card_reissued", target=number, customer=customer_id, old=old.number,
                           reason=reason.strip())
        return self._info(customer_id)

    # -- the owner -------------------------------------------------------------------------
    @requires(Perm.PREPAID_ADMIN)
    def transfer(self, actor: Actor, from_customer_id: int, to_customer_id: int, reason: str) -> CardInfo:
        """The whole balance moves to another customer, principal and bonus apart (audited, owner)."""
        if not (reason or "").strip():
            raise InvalidInput("card.reason_required", kind="transfer")
        if from_customer_id == to_customer_id:
            raise InvalidInput("card.transfer_to_self")
        with self.ctx.db.atomic():
            customer_row(from_customer_id)
            customer_row(to_customer_id)
            giver = prepaid.card_balance(self.ctx, from_customer_id)
            receiver = prepaid.card_balance(self.ctx, to_customer_id)
            out, into = transfer_entries(giver, receiver, self.ctx.today(), limits=self._limits(),
                                         owner_authorised=True, note=reason.strip())
            prepaid.write_entries(self.ctx, from_customer_id, [out], actor.row)
            prepaid.ensure_card(self.ctx, to_customer_id, actor.row)
            prepaid.write_entries(self.ctx, to_customer_id, [into], actor.row)
            self.ctx.audit(actor, "card_transfer", target=f"customer:{from_customer_id}",
                           to=to_customer_id, principal_fen=giver.principal_fen, bonus_fen=giver.bonus_fen,
                           reason=reason.strip())
        return self._info(to_customer_id)

    def _refund(self, customer_id: int, mode: RefundMode, rate_bp: int, from_day: date | None,
                to_day: date | None) -> CardRefund:
        entries = prepaid.ledger(self.ctx, customer_id)
        today = self.ctx.today()
        terms = interest_terms(rate_bp, from_day, to_day, last_topup_on(entries), today)
        return card_refund(entries, mode, today, terms)

    def _refund_record(self, refund_id: int | None, customer: Customer, refund: CardRefund, method: str,
                       reason: str, at: datetime, staff_name: str) -> PrepaidRefundRecord:
        card = prepaid.current_card(customer.id)
        return PrepaidRefundRecord(refund_id, shop_header(self.ctx), customer.id, customer.name,
                                   mask_phone(customer.phone), card.number if card else "", refund.statement,
                                   refund.principal_off_fen, refund.bonus_off_fen, method, reason, at, staff_name)

    @requires(Perm.PREPAID_ADMIN)
    def preview_refund(self, actor: Actor, customer_id: int, mode: str, *, rate_bp: int = 0,
                       from_day: date | None = None, to_day: date | None = None) -> PrepaidRefundRecord:
        """The refund of the unused balance in ``mode``, with its working; nothing is written."""
        customer = customer_row(customer_id)
        refund = self._refund(customer_id, parse_mode(mode), rate_bp, from_day, to_day)
        return self._refund_record(None, customer, refund, "", "", self.ctx.now(), actor.display_name)

    @requires(Perm.PREPAID_ADMIN)
    def refund_balance(self, actor: Actor, customer_id: int, mode: str, *, method: str, reason: str,
                       rate_bp: int = 0, from_day: date | None = None, to_day: date | None = None
                       ) -> PrepaidRefundRecord:
        """Pay back the unused balance (法释〔2025〕4号 Art. 14/18/19): owner only, audited; the principal leaves
        the card and the bonus left is written off with the reason."""
        if not (reason or "").strip():
            raise InvalidInput("refund.reason_required")
        if method == STORED_VALUE or method not in METHODS:
            raise InvalidInput("payment.unknown_method", method=method)
        with self.ctx.db.atomic():
            customer = customer_row(customer_id)
            refund = self._refund(customer_id, parse_mode(mode), rate_bp, from_day, to_day)
            balance = prepaid.card_balance(self.ctx, customer_id)
            rows = closing_entries(balance, refund, self.ctx.today(), reason.strip())
            st = refund.statement
            record = PrepaidRefund.create(customer=customer_id, package=None, mode=st.mode.value,
                                          refund_fen=st.refund_fen, interest_fen=st.interest_fen,
                                          total_fen=st.total_fen, working=statement_json(st), method=method,
                                          reason=reason.strip(), at=self.ctx.now(), staff=actor.row)
            prepaid.write_entries(self.ctx, customer_id, rows, actor.row, prepaid_refund=record)
            self.ctx.audit(actor, "card_balance_refund", target=f"customer:{customer_id}", mode=st.mode.value,
                           total_fen=st.total_fen, interest_fen=st.interest_fen,
                           principal_off=refund.principal_off_fen, bonus_written_off=refund.bonus_off_fen,
                           reason=reason.strip())
        return self._refund_record(record.id, customer, refund, method, reason.strip(), record.at,
                                   actor.display_name)

    @requires(Perm.AUDIT)
    def check(self, actor: Actor, customer_id: int) -> bool:
        """True when the ledger's stored balances agree with the running sums of its rows."""
        return check_ledger(prepaid.ledger(self.ctx, customer_id)) is None

    # -- statements and lists ----------------------------------------------------------------
    @requires(Perm.CUSTOMERS)
    def statement(self, actor: Actor, customer_id: int) -> CardStatement:
        """The customer's statement (对账单): every card row and package movement with the balance after."""
        customer = customer_row(customer_id)
        lines: list[StatementLine] = []
        receipts: dict[int, str] = {int(i): str(n) for i, n in self.ctx.execute(
            self.ctx.sql.CARD_SALE_RECEIPTS, (customer_id,)).fetchall()}
        topups: dict[int, str] = {int(i): str(n) for i, n in self.ctx.execute(
            self.ctx.sql.CARD_TOPUP_RECEIPTS, (customer_id,)).fetchall()}
        for e in CardEntry.select().where(CardEntry.customer == customer_id).order_by(CardEntry.id):
            ref = (receipts.get(e.sale_id, "") if e.sale_id is not None
                   else topups.get(e.topup_id, "") if e.topup_id is not None else "")
            lines.append(StatementLine(as_datetime(e.at), e.kind, e.principal_fen, e.bonus_fen,
                                       e.principal_after_fen, e.bonus_after_fen, ref, e.note))
        for p in CustomerPackage.select().where(CustomerPackage.customer == customer_id).order_by(CustomerPackage.id):
            total = p.sessions + p.gifted
            sale_no = Sale.get_by_id(p.sale_id).receipt_no
            events: list[tuple[datetime, int, str, str, str]] = [(as_datetime(p.sold_at), total, "package_sold",
                                                                  sale_no, "")]
            for u in PackageSession.select().where(PackageSession.package == p).order_by(PackageSession.id):
                events.append((as_datetime(u.at), -1, "package_used", Sale.get_by_id(u.sale_id).receipt_no, ""))
                if u.returned_by_id:
                    r = Refund.get_by_id(u.returned_by_id)
                    events.append((as_datetime(r.at), 1, "package_returned", sale_no, r.reason))
            if p.closed_at:
                events.append((as_datetime(p.closed_at), 0, f"package_{p.closed_by or 'closed'}", "", ""))
            left = 0
            for at, delta, kind, ref, note in sorted(events, key=lambda e: e[0]):
                left = 0 if kind.startswith("package_refund") or kind == "package_sale_refund" else left + delta
                lines.append(StatementLine(at, kind, 0, 0, 0, 0, ref, note, p.name, delta, left))
        lines.sort(key=lambda l: l.at)
        balance = prepaid.card_balance(self.ctx, customer_id)
        card = prepaid.current_card(customer_id)
        with self.ctx.db.atomic():
            self.ctx.audit(actor, "card_statement", target=f"customer:{customer_id}")
        return CardStatement(shop_header(self.ctx), customer.id, customer.name, mask_phone(customer.phone),
                             card.number if card else None, self.ctx.now(), tuple(lines), balance.principal_fen,
                             balance.bonus_fen, tuple(prepaid.packages_of(self.ctx, customer_id, open_only=False)),
                             self._terms_signed(customer_id))

    @requires(Perm.EXPORT)
    def closing_list(self, actor: Actor) -> list[ClosingRow]:
        """Every customer with a balance or sessions left (phone, principal, bonus, sessions): for the
        shop closing or moving; audited as an export of personal data."""
        sql = self.ctx.execute
        money = {r[0]: (int(r[1]), int(r[2])) for r in sql(self.ctx.sql.CLOSING_CARDS).fetchall()}
        sessions: dict[int, list[PackageInfo]] = {}
        for row in CustomerPackage.select().where(CustomerPackage.closed_at.is_null()):
            info = prepaid.package_info(row, self.ctx.today())
            if info.sessions_left > 0:
                sessions.setdefault(row.customer_id, []).append(info)
        out = []
        for cid in sorted(set(money) | set(sessions)):
            c = Customer.get_by_id(cid)
            card = prepaid.current_card(cid)
            p, b = money.get(cid, (0, 0))
            pk = sessions.get(cid, [])
            out.append(ClosingRow(cid, c.name, c.phone or "", card.number if card else "", p, b,
                                  sum(i.sessions_left for i in pk), sum(i.left_value_fen for i in pk),
                                  "; ".join(f"{i.name} ×{i.sessions_left}" for i in pk)))
        with self.ctx.db.atomic():
            self.ctx.audit(actor, "prepaid_closing_list", target="", customers=len(out))
        return out
