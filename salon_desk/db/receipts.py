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
from .base import ShopBase
from .models import Customer, Member, Payment, PointsEntry, Refund, RefundLine, Sale, SaleLine, Staff


def _refund_infos(sale: Sale, names: dict[int, str]) -> tuple[RefundInfo, ...]:
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
        sale = self._sale_row(sale_id)
        names = {s.id: s.display_name for s in Staff.select(Staff.id, Staff.display_name)}
        refunded_lines = {rl.sale_line_id for rl in RefundLine.select().join(Refund).where(Refund.sale == sale)}
        lines = tuple(
            ReceiptLine(l.id, l.kind, l.code, l.name, l.technician_name, l.quantity, l.unit_price_fen,
                        l.list_amount_fen, l.rate_permille, l.member_discount_fen, l.birthday_discount_fen,
                        l.amount_fen, l.points_share_fen, l.note, l.id in refunded_lines)
            for l in SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.id))
        payments = tuple(ReceiptPayment(p.method, p.amount_fen, p.tendered_fen, p.change_fen)
                         for p in Payment.select().where(Payment.sale == sale).order_by(Payment.id))
        customer = Customer.get_or_none(Customer.id == sale.customer_id) if sale.customer_id else None
        member = Member.get_or_none(Member.id == sale.member_id) if sale.member_id else None
        entries = list(PointsEntry.select().where((PointsEntry.sale == sale) & PointsEntry.refund.is_null()))
        earned = sum(e.points for e in entries if e.kind in ("earn", "birthday"))
        balance = None
        if customer is not None and (member is not None or entries):
            last_id = max((e.id for e in entries), default=None)
            query = PointsEntry.select(fn.COALESCE(fn.SUM(PointsEntry.points), 0)).where(
                PointsEntry.customer == customer)
            query = query.where(PointsEntry.id <= last_id) if last_id else query.where(
                PointsEntry.at <= sale.created_at)
            balance = query.scalar()
        erased = bool(customer and customer.anonymised_at)
        threshold = self.setting("membership.join_threshold_fen")
        return ReceiptRecord(
            sale_id=sale.id, receipt_no=sale.receipt_no, created_at=sale.created_at,
            shop=self.shop_header(), cashier_name=names.get(sale.cashier_id, ""),
            customer_id=customer.id if customer else None,
            customer_name=(customer.name if customer else None), customer_erased=erased,
            phone_masked=mask_phone(customer.phone) if customer else "",
            member_no=format_member_no(member.number) if member else None,
            # the tier the sale was priced at; a joining sale shows the tier just gained
            tier=sale.tier or ((sale.promoted_to or "regular") if sale.enrolled else None),
            lines=lines, list_total_fen=sale.list_total_fen, member_discount_fen=sale.member_discount_fen,
            birthday_discount_fen=sale.birthday_discount_fen, points_redeemed=sale.points_redeemed,
            points_discount_fen=sale.points_discount_fen, amount_due_fen=sale.amount_due_fen,
            payments=payments, points_earned=earned, points_balance=balance,
            promoted_to=sale.promoted_to, enrolled=sale.enrolled,
            enrolment_offered=(customer is not None and not erased and member is None
                               and Member.get_or_none((Member.customer == customer)
                                                      & (Member.active == True)) is None  # noqa: E712
                               and sale.amount_due_fen >= threshold and sale.status == "completed"),
            status=sale.status, refunds=_refund_infos(sale, names))

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
