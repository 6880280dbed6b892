"""Checkout (SPEC §5): price, pay, number, earn, promote, enrol — in ONE transaction."""

from __future__ import annotations

from datetime import date

from ..errors import Conflict, InvalidInput
from ..membership import qualifies_to_join, tier_rule
from ..points import points_earned
from ..pricing import LineInput, PointsRules, PricedSale, PricingInput, price_sale
from ..records import Quote, ReceiptRecord, StaffInfo
from ..roles import Perm
from ..tenders import Tender, settle
from .base import ShopBase
from .customer_rows import active_member, points_balance
from .models import (
    Customer, Member, Payment, PointsEntry, Sale, SaleLine, SearchKey, Staff, StockMove, Visit,
)
from .visits import visit_lines


_NEXT_SEQ_SQL = "SELECT COALESCE(MAX(seq), 0) + 1 FROM sale WHERE day = ?"


class CheckoutMixin(ShopBase):
    def _price_visit(self, visit: Visit, points: int, birthday_line_id: int | None):
        lines = visit_lines(visit.id)
        member = active_member(visit.customer_id) if visit.customer_id else None
        rule = tier_rule(self.tiers(), member.tier) if member else None
        balance = points_balance(visit.customer_id) if member else 0
        birthday = self.birthday_status(visit.customer_id) if visit.customer_id else None
        free_available = bool(member and birthday and birthday.free_service_available)
        if birthday_line_id is not None and not free_available:
            if member is None:
                raise InvalidInput("member.required")
            if birthday is not None and birthday.in_window:
                raise Conflict("birthday.already_used", perk="free_service",
                               year=self.perk_year(visit.customer_id))
            raise InvalidInput("birthday.not_in_window")
        if points and member is None:
            raise InvalidInput("member.required")
        priced = price_sale(PricingInput(
            lines=tuple(LineInput(l.id, l.kind, l.unit_price_fen, l.quantity, l.member_discount) for l in lines),
            member_rate_permille=rule.rate_permille if rule else None,
            birthday_line=birthday_line_id,
            birthday_cap_fen=self.setting("birthday.free_service_cap_fen"),
            points_to_redeem=points, points_balance=balance,
            birthday_double_points=bool(rule and rule.birthday_double_points and birthday and birthday.in_window),
            earns_points=member is not None,
            rules=PointsRules(self.setting("points.per_yuan_redeemed"),
                              self.setting("points.redeem_cap_permille"),
                              self.setting("points.earn_per_yuan"))))
        return lines, member, balance, free_available, priced

    def quote(self, actor: StaffInfo, visit_id: int, points: int = 0,
              birthday_line_id: int | None = None) -> Quote:
        """The live totals of an open visit, exactly as checkout would charge them."""
        self._require(actor, Perm.COUNTER)
        visit = self._open_visit(visit_id)
        lines, member, balance, free_available, priced = self._price_visit(visit, points, birthday_line_id)
        return Quote(visit.id, lines, priced, member.tier if member else None, balance, free_available,
                     self._would_qualify(visit, member, priced))

    def _would_qualify(self, visit: Visit, member: Member | None, priced: PricedSale) -> bool:
        return (visit.customer_id is not None and member is None
                and qualifies_to_join(priced.amount_due_fen, self.setting("membership.join_threshold_fen")))

    def _next_receipt_no(self, day: date) -> tuple[int, str]:
        """Gapless per day: inside the IMMEDIATE transaction no one else can take the number.

        ``day`` is the sale's own date, read once with its time: reading the clock again
        could cross midnight and number the sale on the next day."""
        seq = self.db.execute_sql(_NEXT_SEQ_SQL, (day.isoformat(),)).fetchone()[0]
        return seq, f"{day:%Y%m%d}-{seq:04d}"

    def checkout(self, actor: StaffInfo, visit_id: int, tenders: list[Tender], *, points: int = 0,
                 birthday_line_id: int | None = None, enrol: bool = False,
                 enrol_consent: bool = False) -> ReceiptRecord:
        """Take payment for an open visit. All of it is stored, or none of it."""
        cashier = self._require(actor, Perm.COUNTER)
        if enrol and not enrol_consent:
            raise InvalidInput("member.consent_required")
        with self.db.atomic():
            visit = self._open_visit(visit_id)
            lines, member, _balance, _free, priced = self._price_visit(visit, points, birthday_line_id)
            if not lines:
                raise InvalidInput("visit.empty")
            applied = settle(priced.amount_due_fen, tenders)
            if enrol and not self._would_qualify(visit, member, priced):
                raise InvalidInput("member.sale_does_not_qualify")
            now = self.now()
            seq, receipt_no = self._next_receipt_no(now.date())
            sale = Sale.create(
                receipt_no=receipt_no, day=now.date(), seq=seq, visit=visit, customer=visit.customer_id,
                member=member, tier=member.tier if member else None, cashier=cashier, created_at=now,
                list_total_fen=priced.list_total_fen, member_discount_fen=priced.member_discount_fen,
                birthday_discount_fen=priced.birthday_discount_fen, points_redeemed=priced.points_redeemed,
                points_discount_fen=priced.points_discount_fen, amount_due_fen=priced.amount_due_fen,
                counts_for_tier=member is not None, status="completed")
            self._write_lines(sale, lines, priced)
            for p in applied:
                Payment.create(sale=sale, method=p.method, amount_fen=p.amount_fen,
                               tendered_fen=p.tendered_fen, change_fen=p.change_fen)
            if member is not None:
                self._book_points(cashier, sale, priced)
                if birthday_line_id is not None:
                    self._use_perk(cashier, visit.customer_id, "free_service", sale=sale)
                self._maybe_promote(cashier, member, sale)
            elif enrol:
                customer = Customer.get_by_id(visit.customer_id)
                new_member = self._enrol(cashier, customer, now, sale)
                self._credit_joining_sale(cashier, new_member, sale)
            if visit.customer_id:
                Customer.update(last_visit_at=now).where(Customer.id == visit.customer_id).execute()
                SearchKey.update(last_visit_at=now).where(SearchKey.customer == visit.customer_id).execute()
            Visit.update(status="completed", closed_at=now).where(Visit.id == visit.id).execute()
            self._audit(cashier, "sale", target=receipt_no, due=priced.amount_due_fen,
                        points=priced.points_redeemed, birthday=birthday_line_id is not None)
        return self.receipt(sale.id)

    def _write_lines(self, sale: Sale, lines, priced: PricedSale) -> None:
        """Snapshot every line (name, prices, technician) and move the products' stock."""
        by_key = {p.key: p for p in priced.lines}
        rows = []
        for line in lines:
            p = by_key[line.id]
            rows.append(dict(
                sale=sale.id, item=line.item_id, kind=line.kind, code=line.code, name=line.name,
                category=line.category, technician=line.technician_id, technician_name=line.technician_name,
                quantity=line.quantity, unit_price_fen=line.unit_price_fen, list_amount_fen=p.list_amount_fen,
                rate_permille=p.rate_permille, member_discount_fen=p.member_discount_fen,
                birthday_discount_fen=p.birthday_discount_fen, amount_fen=p.amount_fen,
                points_share_fen=p.points_share_fen, note=line.note))
        SaleLine.insert_many(rows).execute()
        moves = [dict(item=l.item_id, quantity=-l.quantity, kind="sale", at=sale.created_at,
                      staff=sale.cashier_id, sale=sale.id, reason="") for l in lines if l.kind == "product"]
        if moves:
            StockMove.insert_many(moves).execute()

    def _book_points(self, cashier: Staff, sale: Sale, priced: PricedSale) -> None:
        """Redeemed points out, earned points in; a birthday's extra is its own entry."""
        customer = sale.customer_id
        if priced.points_redeemed:
            PointsEntry.create(customer=customer, kind="redeem", points=-priced.points_redeemed,
                               at=sale.created_at, staff=cashier, sale=sale)
        if priced.points_earned:
            base = points_earned(priced.amount_due_fen, self.setting("points.earn_per_yuan"), False)
            PointsEntry.create(customer=customer, kind="earn", points=base, at=sale.created_at,
                               staff=cashier, sale=sale)
            if priced.points_earned > base:
                PointsEntry.create(customer=customer, kind="birthday", points=priced.points_earned - base,
                                   at=sale.created_at, staff=cashier, sale=sale)
