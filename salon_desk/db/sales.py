"""Sales (SPEC §5): the live quote, checkout in one transaction, receipts, voids and refunds."""

from __future__ import annotations

from datetime import date

from ..errors import InvalidInput
from ..records import OwnerGrant, Quote, ReceiptRecord, RefundPreview, SaleSummary
from ..roles import Perm
from ..tenders import Tender
from .context import Actor, ShopContext
from .permissions import requires
from .receipts import ReceiptBook
from .visits import open_visit

# checkout and refunds (and the pricing, points, stored-value and commission rules they bring)
# load with the first quote or refund, not when the program starts


class SalesService:
    """Everything that moves money at the counter, and the receipts it leaves."""

    def __init__(self, ctx: ShopContext, book: ReceiptBook) -> None:
        self.ctx = ctx
        self.book = book

    @requires(Perm.COUNTER)
    def quote(self, actor: Actor, visit_id: int, points: int = 0,
              birthday_line_id: int | None = None) -> Quote:
        """The live totals of an open visit, exactly as checkout would charge them."""
        from .checkout import price_visit, would_qualify
        visit = open_visit(visit_id)
        pv = price_visit(self.ctx, visit, points, birthday_line_id)
        return Quote(visit.id, pv.lines, pv.priced, pv.member.tier if pv.member else None, pv.balance,
                     pv.free_available, would_qualify(self.ctx, visit, pv.member, pv.priced))

    @requires(Perm.COUNTER)
    def checkout(self, actor: Actor, visit_id: int, tenders: list[Tender], *, points: int = 0,
                 birthday_line_id: int | None = None, enrol: bool = False,
                 enrol_consent: bool = False) -> ReceiptRecord:
        """Take payment for an open visit: price, pay, number, earn points, promote, enrol
        (with the customer's consent) — all of it stored, or none of it."""
        if enrol and not enrol_consent:
            raise InvalidInput("member.consent_required")
        from .checkout import complete_sale
        with self.ctx.db.atomic():
            sale_id = complete_sale(self.ctx, actor.row, visit_id, tenders, points=points,
                                    birthday_line_id=birthday_line_id, enrol=enrol)
        return self.book.receipt(sale_id)

    @requires(Perm.COUNTER)
    def receipt(self, actor: Actor, sale_id: int) -> ReceiptRecord:
        """A stored sale's receipt, for a reprint or a refund."""
        return self.book.receipt(sale_id)

    @requires(Perm.COUNTER)
    def find(self, actor: Actor, receipt_no: str) -> int:
        """The sale with this receipt number."""
        return self.book.find(receipt_no)

    @requires(Perm.CUSTOMERS)
    def of_customer(self, actor: Actor, customer_id: int, start: date | None = None,
                    end: date | None = None) -> list[SaleSummary]:
        """A customer's visit history, newest first (lines, technicians, amounts, notes)."""
        return self.book.of_customer(customer_id, start, end)

    @requires(Perm.COUNTER)
    def of_day(self, actor: Actor, day: date | None = None) -> list[SaleSummary]:
        """The day's sales for the history list; a cashier sees today's only."""
        day = day or self.ctx.today()
        if day != self.ctx.today():
            self.ctx.authorise(actor, Perm.REPORTS_ALL)
        return self.book.of_day(day)

    @requires(Perm.COUNTER)
    def preview_refund(self, actor: Actor, sale_id: int, line_ids: list[int] | None = None,
                       kind: str = "refund") -> RefundPreview:
        """What a void or refund would reverse, to show before the owner confirms."""
        from . import refunds
        return refunds.preview(refunds.plan(self.ctx, sale_id, kind, line_ids))

    @requires(Perm.COUNTER)
    def void(self, actor: Actor, sale_id: int, *, grant: OwnerGrant | None, reason: str) -> ReceiptRecord:
        """Cancel a whole sale on the day it was made, with the owner's one-time grant."""
        return self._reverse(actor, sale_id, "void", None, grant, reason, None)

    @requires(Perm.COUNTER)
    def refund(self, actor: Actor, sale_id: int, line_ids: list[int] | None = None, *,
               grant: OwnerGrant | None, reason: str, method: str | None = None,
               shortfall: str = "negative") -> ReceiptRecord:
        """Give back whole lines (all remaining lines when ``line_ids`` is None), with the owner's
        one-time grant. ``shortfall``: when the points to take back exceed the balance (the preview
        says), ``"negative"`` takes them all, ``"deduct"`` keeps their value from the money returned."""
        return self._reverse(actor, sale_id, "refund", line_ids, grant, reason, method, shortfall)

    def _reverse(self, actor: Actor, sale_id: int, kind: str, line_ids: list[int] | None,
                 grant: OwnerGrant | None, reason: str, method: str | None,
                 shortfall: str = "negative") -> ReceiptRecord:
        from . import refunds
        reason = refunds.check_reason(reason, method, shortfall)
        with self.ctx.db.atomic():
            owner = self.ctx.check_grant(grant)
            refunds.reverse(self.ctx, actor.row, owner, sale_id, kind, line_ids, reason, method, shortfall)
        if grant is not None:
            self.ctx.spend_grant(grant)
        return self.book.receipt(sale_id)
