"""Receipt records: everything a receipt prints, rebuilt from the stored sale."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from peewee import fn

from ..errors import NotFound
from ..membership import format_member_no
from ..phone import mask_phone
from ..records import (
    ReceiptLine, ReceiptPayment, ReceiptRecord, RefundInfo, SaleSummary, ShopHeader, StaffInfo,
)
from ..roles import Perm
from .base import ShopBase, staff_names
from .customer_rows import active_member
from .models import PointsEntry, Refund, RefundLine, Sale


def _refund_infos(sale: Sale) -> tuple[RefundInfo, ...]:
    names = staff_names()
    out = []
    for refund in Refund.select().where(Refund.sale == sale).order_by(Refund.id):
        entries = PointsEntry.select().where(PointsEntry.refund == refund)
        returned = sum(e.points for e in entries if e.points > 0)
        taken = -sum(e.points for e in entries if e.points < 0)
        line_ids = tuple(rl.sale_line_id for rl in RefundLine.select().where(RefundLine.refund == refund))
        out.append(RefundInfo(refund.id, refund.kind, refund.at, names.get(refund.staff_id, ""),
                              names.get(refund.authorised_by_id, ""), refund.reason, refund.amount_fen,
                              refund.method, returned, taken, line_ids))
    return tuple(out)


def _when(value) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


_SALE_SQL = """
SELECT s.id, s.receipt_no, s.created_at, s.status, s.tier, s.enrolled, s.promoted_to,
       s.list_total_fen, s.member_discount_fen, s.birthday_discount_fen, s.points_redeemed,
       s.points_discount_fen, s.amount_due_fen, st.display_name,
       c.id, c.name, c.phone, c.anonymised_at, m.number, m.active
FROM sale s
JOIN staff st ON st.id = s.cashier_id
LEFT JOIN customer c ON c.id = s.customer_id
LEFT JOIN member m ON m.id = s.member_id
WHERE s.id = ?"""
_LINES_SQL = """
SELECT id, kind, code, name, technician_name, quantity, unit_price_fen, list_amount_fen, rate_permille,
       member_discount_fen, birthday_discount_fen, amount_fen, points_share_fen, note
FROM sale_line WHERE sale_id = ? ORDER BY id"""
_REFUNDED_LINES_SQL = """
SELECT rl.sale_line_id FROM refund_line rl JOIN refund r ON r.id = rl.refund_id WHERE r.sale_id = ?"""
_PAYMENTS_SQL = "SELECT method, amount_fen, tendered_fen, change_fen FROM payment WHERE sale_id = ? ORDER BY id"
_EARNED_SQL = """
SELECT SUM(CASE WHEN kind IN ('earn', 'birthday') THEN points ELSE 0 END), MAX(id)
FROM points_entry WHERE sale_id = ? AND refund_id IS NULL"""
_BALANCE_TO_ENTRY_SQL = "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE customer_id = ? AND id <= ?"
_BALANCE_TO_TIME_SQL = "SELECT COALESCE(SUM(points), 0) FROM points_entry WHERE customer_id = ? AND at <= ?"


class ReceiptsMixin(ShopBase):
    def shop_header(self) -> ShopHeader:
        return ShopHeader(self.setting("shop.name"), self.setting("shop.address"),
                          self.setting("shop.phone"), self.setting("receipt.footer"))

    def _sale_row(self, sale_id: int) -> Sale:
        sale = Sale.get_or_none(Sale.id == sale_id)
        if sale is None:
            raise NotFound("sale.not_found", id=sale_id)
        return sale

    def find_sale(self, receipt_no: str) -> int:
        sale = Sale.get_or_none(Sale.receipt_no == (receipt_no or "").strip())
        if sale is None:
            raise NotFound("sale.not_found", receipt_no=receipt_no)
        return sale.id

    def receipt(self, sale_id: int) -> ReceiptRecord:
        """The receipt of a stored sale, as printed then (or again, for a reprint).

        Hand-written statements: this runs after every checkout, and peewee's query
        building would cost several times SQLite's own work here.
        """
        sql = self.db.execute_sql
        head = sql(_SALE_SQL, (sale_id,)).fetchone()
        if head is None:
            raise NotFound("sale.not_found", id=sale_id)
        (sid, receipt_no, created_at, status, sale_tier, enrolled, promoted_to, list_total, member_disc,
         birthday_disc, points_redeemed, points_disc, due, cashier_name, customer_id, customer_name,
         phone, anonymised_at, member_number, member_active) = head
        refunded = {row[0] for row in sql(_REFUNDED_LINES_SQL, (sid,))}
        lines = tuple(ReceiptLine(*row, row[0] in refunded) for row in sql(_LINES_SQL, (sid,)))
        payments = tuple(ReceiptPayment(*row) for row in sql(_PAYMENTS_SQL, (sid,)))
        earned, last_entry = sql(_EARNED_SQL, (sid,)).fetchone()
        balance = None
        if customer_id is not None and (member_number is not None or last_entry is not None):
            if last_entry is not None:
                balance = sql(_BALANCE_TO_ENTRY_SQL, (customer_id, last_entry)).fetchone()[0]
            else:
                balance = sql(_BALANCE_TO_TIME_SQL, (customer_id, created_at)).fetchone()[0]
        erased = anonymised_at is not None
        offered = (customer_id is not None and not erased and member_number is None and status == "completed"
                   and due >= self.setting("membership.join_threshold_fen")
                   and active_member(customer_id) is None)
        return ReceiptRecord(
            sale_id=sid, receipt_no=receipt_no, created_at=_when(created_at), shop=self.shop_header(),
            cashier_name=cashier_name or "", customer_id=customer_id, customer_name=customer_name,
            customer_erased=erased, phone_masked=mask_phone(phone) if customer_id else "",
            member_no=format_member_no(member_number) if member_number is not None else None,
            # the tier the sale was priced at; a joining sale shows the tier just gained
            tier=sale_tier or ((promoted_to or "regular") if enrolled else None),
            lines=lines, list_total_fen=list_total, member_discount_fen=member_disc,
            birthday_discount_fen=birthday_disc, points_redeemed=points_redeemed,
            points_discount_fen=points_disc, amount_due_fen=due, payments=payments,
            points_earned=earned or 0, points_balance=balance, promoted_to=promoted_to,
            enrolled=bool(enrolled), enrolment_offered=offered, status=status,
            refunds=_refund_infos(self._sale_row(sid)) if refunded or status == "voided" else ())

    def _summaries(self, query) -> list[SaleSummary]:
        sales = list(query)
        refunded = dict(Refund.select(Refund.sale, fn.SUM(Refund.amount_fen))
                        .where(Refund.sale.in_([s.id for s in sales])).group_by(Refund.sale).tuples()) if sales else {}
        out = []
        for s in sales:
            record = self.receipt(s.id)
            name = record.customer_name
            out.append(SaleSummary(s.id, s.receipt_no, s.created_at, name, s.amount_due_fen, s.status,
                                   refunded.get(s.id, 0), record.lines))
        return out

    def customer_sales(self, actor: StaffInfo, customer_id: int, start: date | None = None,
                       end: date | None = None) -> list[SaleSummary]:
        """A customer's visit history, newest first (lines, technicians, amounts, notes)."""
        self._staff_row(actor)
        query = Sale.select().where(Sale.customer == customer_id)
        if start:
            query = query.where(Sale.created_at >= datetime.combine(start, time.min))
        if end:
            query = query.where(Sale.created_at < datetime.combine(end + timedelta(days=1), time.min))
        return self._summaries(query.order_by(Sale.created_at.desc(), Sale.id.desc()))

    def sales_of_day(self, actor: StaffInfo, day: date | None = None) -> list[SaleSummary]:
        """The day's sales for the history list; a cashier sees today only."""
        day = day or self.today()
        self._require(actor, Perm.COUNTER if day == self.today() else Perm.REPORTS_ALL)
        return self._summaries(Sale.select().where(Sale.day == day).order_by(Sale.seq.desc()))
