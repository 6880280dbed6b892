"""Receipt records: everything a receipt prints, rebuilt from the stored sale.

The sales service and the customer file both read sales through this book;
it checks no permission itself (it is not on the front door): its callers do.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from peewee import ModelSelect, fn

from ..errors import NotFound
from ..membership import format_member_no, qualifies_to_join
from ..phone import mask_phone
from ..records import ReceiptLine, ReceiptPayment, ReceiptRecord, RefundInfo, SaleSummary, ShopHeader
from .context import ShopContext
from .customer_rows import active_member
from .models import PointsEntry, Refund, RefundLine, RefundPayment, Sale
from .rows import as_datetime, as_dict, as_dicts, tuples


def _refund_infos(ctx: ShopContext, sale: Sale) -> tuple[RefundInfo, ...]:
    names = ctx.staff_names()
    out = []
    for refund in Refund.select().where(Refund.sale == sale).order_by(Refund.id):
        entries = PointsEntry.select().where(PointsEntry.refund == refund)
        returned = sum(e.points for e in entries if e.points > 0)
        taken = -sum(e.points for e in entries if e.points < 0)
        line_ids = tuple(rl.sale_line_id for rl in RefundLine.select().where(RefundLine.refund == refund))
        out.append(RefundInfo(refund.id, refund.kind, refund.at, names.get(refund.staff_id, ""),
                              names.get(refund.authorised_by_id, ""), refund.reason, refund.amount_fen,
                              refund.method, returned, taken, line_ids,
                              tuple((p.method, p.amount_fen) for p in RefundPayment.select()
                                    .where(RefundPayment.refund == refund).order_by(RefundPayment.id))))
    return tuple(out)




class ReceiptBook:
    """Stored sales read back as receipts and history lines."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    def sale_row(self, sale_id: int) -> Sale:
        sale = Sale.get_or_none(Sale.id == sale_id)
        if sale is None:
            raise NotFound("sale.not_found", id=sale_id)
        return sale

    def find(self, receipt_no: str) -> int:
        sale = Sale.get_or_none(Sale.receipt_no == (receipt_no or "").strip())
        if sale is None:
            raise NotFound("sale.not_found", receipt_no=receipt_no)
        return sale.id

    def receipt(self, sale_id: int) -> ReceiptRecord:
        """The receipt of a stored sale, as printed then (or again, for a reprint).

        Hand-written statements: this runs after every checkout, and peewee's query
        building would cost several times SQLite's own work here.
        """
        sql, q = self.ctx.execute, self.ctx.sql
        head = as_dict(sql(q.SALE_HEAD, (sale_id,)))
        if head is None:
            raise NotFound("sale.not_found", id=sale_id)
        sid, customer_id, member_number = head["id"], head["customer_id"], head["member_number"]
        status, due = head["status"], head["amount_due_fen"]
        refunded = {row[0] for row in sql(q.REFUNDED_LINES, (sid,))}
        lines = tuple(ReceiptLine(**{**row, "designated": bool(row["designated"])},
                                  refunded=row["sale_line_id"] in refunded)
                      for row in as_dicts(sql(q.SALE_LINES, (sid,))))
        payments = tuple(ReceiptPayment(**row) for row in as_dicts(sql(q.SALE_PAYMENTS, (sid,))))
        points = as_dict(sql(q.SALE_POINTS_EARNED, (sid,))) or {}
        earned, last_entry = points.get("earned"), points.get("last_entry")
        balance = None
        if customer_id is not None and (member_number is not None or last_entry is not None):
            if last_entry is not None:
                balance = sql(q.BALANCE_TO_ENTRY, (customer_id, last_entry)).fetchone()[0]
            else:
                balance = sql(q.BALANCE_TO_TIME, (customer_id, head["created_at"])).fetchone()[0]
        erased = head["anonymised_at"] is not None
        offered = (customer_id is not None and not erased and member_number is None and status == "completed"
                   and qualifies_to_join(due, self.ctx.setting("membership.join_threshold_fen"))
                   and active_member(self.ctx, customer_id) is None)
        sale_tier, enrolled, promoted_to = head["tier"], head["enrolled"], head["promoted_to"]
        s = self.ctx.setting
        from . import prepaid      # the card and package rules load with the first receipt
        card, sessions = prepaid.receipt_prepaid(self.ctx, sid, customer_id)
        return ReceiptRecord(
            sale_id=sid, receipt_no=head["receipt_no"], created_at=as_datetime(head["created_at"]),
            shop=ShopHeader(s("shop.name"), s("shop.address"), s("shop.phone"), s("receipt.footer")),
            cashier_name=head["cashier_name"] or "", customer_id=customer_id, customer_name=head["customer_name"],
            customer_erased=erased, phone_masked=mask_phone(head["phone"]) if customer_id else "",
            member_no=format_member_no(member_number) if member_number is not None else None,
            # the tier the sale was priced at; a joining sale shows the tier just gained
            tier=sale_tier or ((promoted_to or "regular") if enrolled else None),
            lines=lines, list_total_fen=head["list_total_fen"], member_discount_fen=head["member_discount_fen"],
            birthday_discount_fen=head["birthday_discount_fen"], points_redeemed=head["points_redeemed"],
            points_discount_fen=head["points_discount_fen"], amount_due_fen=due, payments=payments,
            points_earned=earned or 0, points_birthday_bonus=points.get("birthday") or 0, points_balance=balance, promoted_to=promoted_to,
            enrolled=bool(enrolled), enrolment_offered=offered, status=status,
            refunds=_refund_infos(self.ctx, self.sale_row(sid)) if refunded or status == "voided" else (),
            card=card, sessions=sessions)

    def summaries(self, query: ModelSelect[Sale]) -> list[SaleSummary]:
        sales = list(query)
        refunded: dict[int, int] = dict(tuples(
            Refund.select(Refund.sale, fn.SUM(Refund.amount_fen))
            .where(Refund.sale.in_([s.id for s in sales])).group_by(Refund.sale))) if sales else {}
        out = []
        for s in sales:
            record = self.receipt(s.id)
            name = record.customer_name
            out.append(SaleSummary(s.id, s.receipt_no, s.created_at, name, s.amount_due_fen, s.status,
                                   refunded.get(s.id, 0), record.lines))
        return out

    def of_customer(self, customer_id: int, start: date | None, end: date | None) -> list[SaleSummary]:
        """A customer's visit history, newest first (lines, technicians, amounts, notes)."""
        query = Sale.select().where(Sale.customer == customer_id)
        if start:
            query = query.where(Sale.created_at >= datetime.combine(start, time.min))
        if end:
            query = query.where(Sale.created_at < datetime.combine(end + timedelta(days=1), time.min))
        return self.summaries(query.order_by(Sale.created_at.desc(), Sale.id.desc()))

    def of_day(self, day: date) -> list[SaleSummary]:
        return self.summaries(Sale.select().where(Sale.day == day).order_by(Sale.seq.desc()))
