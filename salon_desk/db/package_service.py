"""Session packages (次卡/疗程卡) on the front door (SPEC §10): the catalogue's packages, selling one,
using a session at checkout, validity and the owner's extension, refunds of the sessions left.

A package is sold as a line of a sale (revenue on the day sold, points as any
paid sale, member discount per its flag); a session is used by claiming an
open visit line for a package, which checkout turns into a ¥0 line paid from
the package with its consumed and list value.
"""

from __future__ import annotations

from datetime import date, timedelta

from ..card_records import PackageInfo, PackageProduct, PrepaidRefundRecord
from ..errors import Conflict, InvalidInput, NotFound
from ..money import Fen
from ..packages import (
    PackageService as PoolService, PackageTerms, check_terms, expiry_key, expiry_task, extend, package_refund, reminder,
)
from ..phone import mask_phone
from ..prepaid_refunds import RefundStatement, parse_mode
from ..records import ReceiptRecord, VisitLineInfo
from ..roles import Perm
from ..tenders import METHODS, STORED_VALUE, Tender
from . import prepaid
from .care import _care_customer, store_tasks
from .cards import customer_row, interest_terms, shop_header, statement_json
from .checkout import complete_sale
from .context import Actor, ShopContext
from .models import (
    CustomerPackage, Item, PackageClaim, PackagePlan, PackagePlanService, PrepaidRefund, Visit, VisitLine,
)
from .permissions import ANY_STAFF, requires, system_job
from .receipts import ReceiptBook
from .visits import line_info, open_visit

WARN_DAYS = 30      # the expiring reminder comes this many days before the expiry


class PackageService:
    """Packages: defined in the catalogue, sold at the counter, used session by session."""

    def __init__(self, ctx: ShopContext, book: ReceiptBook) -> None:
        self.ctx = ctx
        self.book = book

    # -- the catalogue ---------------------------------------------------------------------
    def _product(self, plan: PackagePlan) -> PackageProduct:
        item = Item.get_by_id(plan.item_id)
        services = []
        for s in PackagePlanService.select().where(PackagePlanService.plan == plan).order_by(PackagePlanService.id):
            services.append((s.item_id, Item.get_by_id(s.item_id).name, s.list_value_fen))
        return PackageProduct(item.id, item.code, item.name, item.price_fen, plan.sessions, plan.gifted,
                              plan.validity_days, tuple(services), bool(item.member_discount), bool(item.active))

    @requires(Perm.CATALOGUE)
    def define(self, actor: Actor, *, code: str, name: str, price_fen: Fen, sessions: int,
               services: list[tuple[int, Fen | None]], gifted: int = 0, validity_days: int | None = None,
               member_discount: bool = True) -> PackageProduct:
        """A package product: ``sessions`` (+ ``gifted``) of the services given as (item id, per-session list
        value; None: the service's price now). No validity unless given."""
        if not (code or "").strip():
            raise InvalidInput("item.code_required")
        if not (name or "").strip():
            raise InvalidInput("item.name_required")
        pool = []
        for item_id, value in services:
            item = Item.get_or_none(Item.id == item_id)
            if item is None or item.kind != "service":
                raise NotFound("item.not_found", id=item_id)
            pool.append(PoolService(item.id, item.price_fen if value is None else value))
        check_terms(PackageTerms(tuple(pool), sessions, price_fen, gifted, validity_days))
        with self.ctx.db.atomic():
            if Item.select().where(Item.code == code.strip()).exists():
                raise Conflict("item.code_taken", code=code)
            item = Item.create(kind="package", code=code.strip(), name=name.strip(), category="package",
                               price_fen=price_fen, duration_min=0, member_discount=member_discount)
            plan = PackagePlan.create(item=item, sessions=sessions, gifted=gifted, validity_days=validity_days)
            for s in pool:
                PackagePlanService.create(plan=plan, item=s.service_key, list_value_fen=s.list_value_fen)
            self.ctx.audit(actor, "package_defined", target=item.code, price_fen=price_fen, sessions=sessions,
                           gifted=gifted, validity_days=validity_days)
        return self._product(plan)

    @requires(ANY_STAFF)
    def products(self, actor: Actor, include_inactive: bool = False) -> list[PackageProduct]:
        query = PackagePlan.select().join(Item).order_by(Item.code)
        if not include_inactive:
            query = query.where(Item.active == True)  # noqa: E712
        return [self._product(p) for p in query]

    # -- selling ---------------------------------------------------------------------------
    @requires(Perm.COUNTER)
    def add_to_visit(self, actor: Actor, visit_id: int, item_id: int) -> VisitLineInfo:
        """Put a package on a customer's open visit; it is sold at checkout with the rest."""
        with self.ctx.db.atomic():
            visit = open_visit(visit_id)
            if visit.customer_id is None:
                raise InvalidInput("package.customer_required")
            item = Item.get_or_none(Item.id == item_id)
            if item is None or item.kind != "package":
                raise NotFound("item.not_found", id=item_id)
            if not item.active:
                raise Conflict("item.inactive", name=item.name)
            line = VisitLine.create(visit=visit, item=item, technician=None, quantity=1,
                                    unit_price_fen=item.price_fen, note="", added_at=self.ctx.now())
        return line_info(line, item, {})

    @requires(Perm.COUNTER)
    def quote_sale(self, actor: Actor, customer_id: int, item_id: int) -> Fen:
        """What the quick sale of this package would charge the customer (member discount per its flag)."""
        from ..membership import tier_rule
        from ..pricing import LineInput, PricingInput, price_sale
        from .customer_rows import active_member
        item = Item.get_or_none(Item.id == item_id)
        if item is None or item.kind != "package":
            raise NotFound("item.not_found", id=item_id)
        member = active_member(self.ctx, customer_id)
        rule = tier_rule(self.ctx.tiers(), member.tier) if member else None
        priced = price_sale(PricingInput((LineInput(0, "package", item.price_fen, 1, bool(item.member_discount)),),
                                         member_rate_permille=rule.rate_permille if rule else None))
        return priced.amount_due_fen

    @requires(Perm.COUNTER)
    def sell(self, actor: Actor, customer_id: int, item_id: int, tenders: list[Tender]) -> ReceiptRecord:
        """The quick sale from the counter: a visit of its own with the package, paid at once (one transaction)."""
        with self.ctx.db.atomic():
            customer = customer_row(customer_id)
            if customer.archived:
                raise Conflict("customer.archived", name=customer.name)
            if Visit.select().where((Visit.customer == customer_id) & (Visit.status == "open")).exists():
                raise Conflict("visit.already_open", name=customer.name)
            item = Item.get_or_none(Item.id == item_id)
            if item is None or item.kind != "package":
                raise NotFound("item.not_found", id=item_id)
            if not item.active:
                raise Conflict("item.inactive", name=item.name)
            visit = Visit.create(customer=customer_id, opened_at=self.ctx.now(), opened_by=actor.row)
            VisitLine.create(visit=visit, item=item, technician=None, quantity=1, unit_price_fen=item.price_fen,
                             note="", added_at=self.ctx.now())
            sale_id = complete_sale(self.ctx, actor.row, visit.id, tenders, points=0, birthday_line_id=None,
                                    enrol=False)
        return self.book.receipt(sale_id)

    # -- using sessions --------------------------------------------------------------------
    @requires(Perm.COUNTER)
    def of_customer(self, actor: Actor, customer_id: int, open_only: bool = True) -> list[PackageInfo]:
        """The customer's packages (with sessions left, unless ``open_only`` is False)."""
        customer_row(customer_id)
        return prepaid.packages_of(self.ctx, customer_id, open_only)

    @requires(Perm.COUNTER)
    def covering(self, actor: Actor, line_id: int) -> list[PackageInfo]:
        """The customer's packages that could pay this open visit line: the offer when a service is added."""
        line = VisitLine.get_or_none(VisitLine.id == line_id)
        if line is None:
            raise NotFound("line.not_found", id=line_id)
        visit = open_visit(line.visit_id)
        if visit.customer_id is None:
            return []
        claims = prepaid.claims_of_visit(self.ctx, visit.id)
        out = []
        for info in prepaid.packages_of(self.ctx, visit.customer_id):
            pending = sum(1 for l, p in claims.items() if p == info.id and l != line_id)
            if (info.status != "expired" and info.sessions_left - pending > 0
                    and any(s[0] == line.item_id for s in info.services)):
                out.append(info)
        return out

    @requires(Perm.COUNTER)
    def use_session(self, actor: Actor, line_id: int, package_id: int) -> None:
        """This open visit line is paid by a session of the package (¥0 at checkout); the cashier's choice."""
        with self.ctx.db.atomic():
            line = VisitLine.get_or_none(VisitLine.id == line_id)
            if line is None:
                raise NotFound("line.not_found", id=line_id)
            visit = open_visit(line.visit_id)
            item = Item.get_by_id(line.item_id)
            if item.kind != "service":
                raise InvalidInput("package.service_not_covered", service=item.id)
            package = prepaid.package_row(package_id)
            claims = prepaid.claims_of_visit(self.ctx, visit.id)
            pending = sum(1 for l, p in claims.items() if p == package_id and l != line_id)
            prepaid.check_claim(self.ctx, package, visit.customer_id, item.id, pending)
            PackageClaim.delete().where(PackageClaim.visit_line == line_id).execute()
            PackageClaim.create(visit_line=line_id, package=package_id)

    @requires(Perm.COUNTER)
    def release_session(self, actor: Actor, line_id: int) -> None:
        """The line is paid with money after all (the customer declined the session)."""
        with self.ctx.db.atomic():
            line = VisitLine.get_or_none(VisitLine.id == line_id)
            if line is None:
                raise NotFound("line.not_found", id=line_id)
            open_visit(line.visit_id)
            PackageClaim.delete().where(PackageClaim.visit_line == line_id).execute()

    @requires(Perm.COUNTER)
    def claims(self, actor: Actor, visit_id: int) -> dict[int, int]:
        """The open visit's lines paid by a package: {visit line id: package id}."""
        return prepaid.claims_of_visit(self.ctx, visit_id)

    # -- validity ---------------------------------------------------------------------------
    @requires(Perm.COUNTER)
    def reminders(self, actor: Actor) -> list[tuple[PackageInfo, str, date]]:
        """Packages expiring within 30 days or expired with sessions left: (package, kind, due day).
        Never a silent forfeiture: the owner extends, or the customer is refunded."""
        today = self.ctx.today()
        out = []
        for row in CustomerPackage.select().where(CustomerPackage.closed_at.is_null()
                                                  & CustomerPackage.expires_on.is_null(False)):
            info = prepaid.package_info(row, today)
            due = reminder(prepaid.as_package(row), prepaid.as_uses(prepaid.live_uses(row.id)), today)
            if due is not None:
                out.append((info, due.kind, due.due_on))
        return out

    @system_job
    def expiry_tasks(self) -> dict[str, int]:
        """The daily job: a follow-up call for each package with sessions left whose expiry is within
        30 days (the day it comes in) or past (the day after it), through the care tasks. Idempotent:
        a second run makes nothing; an extension or refund closes the open calls."""
        ctx = self.ctx
        today = ctx.today()
        cashier = ctx.execute(ctx.sql.LAST_CASHIER).fetchone()
        shop_name = ctx.setting("shop.name")
        made_before = {k for (k,) in ctx.execute(ctx.sql.TASK_KEYS_BETWEEN, ("package:", "package;")).fetchall()}
        planned = []
        for row in (CustomerPackage.select().where(
                CustomerPackage.closed_at.is_null() & CustomerPackage.expires_on.is_null(False)
                & (CustomerPackage.expires_on <= today + timedelta(days=WARN_DAYS))).order_by(CustomerPackage.id)):
            expires: date | None = row.expires_on
            if expires is None:
                continue
            stage = "expired" if today > expires else "expiring"
            if expiry_key(row.id, expires, stage) in made_before:
                continue            # made on an earlier day: an expired package long unclaimed costs nothing
            due = reminder(prepaid.as_package(row), prepaid.as_uses(prepaid.live_uses(row.id)), today, WARN_DAYS)
            customer = _care_customer(ctx, row.customer_id) if due is not None else None
            if due is None or customer is None:
                continue
            task = expiry_task(due, package_id=row.id, package_name=row.name, customer=customer,
                               shop_name=shop_name, assignee_id=int(cashier[0]) if cashier else None)
            if task is not None:
                planned.append(task)
        with ctx.db.atomic():
            made = store_tasks(ctx, planned)
        return {"planned": len(planned), "created": made}

    @requires(Perm.PREPAID_ADMIN)
    def extend(self, actor: Actor, package_id: int, new_expiry: date, reason: str = "") -> PackageInfo:
        """The owner's extension of a package's validity (audited); its open expiry calls are closed."""
        with self.ctx.db.atomic():
            row = prepaid.package_row(package_id)
            if row.closed_at is not None:
                raise Conflict("package.refunded")
            extended = extend(prepaid.as_package(row), new_expiry)
            old = row.expires_on
            CustomerPackage.update(expires_on=extended.expires_on).where(CustomerPackage.id == row.id).execute()
            row.expires_on = extended.expires_on
            prepaid.settle_expiry_tasks(self.ctx, row.id, actor.row, f"已延期至{new_expiry.year}年{new_expiry.month}月"
                                                             f"{new_expiry.day}日")
            self.ctx.audit(actor, "package_extended", target=f"package:{row.id}", old=old, new=new_expiry,
                           reason=reason)
        return prepaid.package_info(row, self.ctx.today())

    # -- refunds of the sessions left --------------------------------------------------------
    def _refund(self, row: CustomerPackage, mode: str, rate_bp: int, from_day: date | None,
                to_day: date | None) -> RefundStatement:
        today = self.ctx.today()
        terms = interest_terms(rate_bp, from_day, to_day, row.sold_on, today)
        return package_refund(prepaid.as_package(row), prepaid.as_uses(prepaid.live_uses(row.id)), parse_mode(mode),
                              today, terms, refunded=row.closed_at is not None)

    def _record(self, refund_id: int | None, row: CustomerPackage, statement: RefundStatement, method: str,
                reason: str,
                staff_name: str) -> PrepaidRefundRecord:
        customer = customer_row(row.customer_id)
        return PrepaidRefundRecord(refund_id, shop_header(self.ctx), customer.id, customer.name,
                                   mask_phone(customer.phone), row.name, statement, 0, 0, method, reason,
                                   self.ctx.now(), staff_name)

    @requires(Perm.PREPAID_ADMIN)
    def preview_refund(self, actor: Actor, package_id: int, mode: str, *, rate_bp: int = 0,
                       from_day: date | None = None, to_day: date | None = None) -> PrepaidRefundRecord:
        """The refund of the sessions left in ``mode``, with its working; nothing is written."""
        row = prepaid.package_row(package_id)
        return self._record(None, row, self._refund(row, mode, rate_bp, from_day, to_day), "", "", actor.display_name)

    @requires(Perm.PREPAID_ADMIN)
    def refund(self, actor: Actor, package_id: int, mode: str, *, method: str, reason: str, rate_bp: int = 0,
               from_day: date | None = None, to_day: date | None = None) -> PrepaidRefundRecord:
        """Pay back the sessions left (owner only, audited); the package is closed."""
        if not (reason or "").strip():
            raise InvalidInput("refund.reason_required")
        if method == STORED_VALUE or method not in METHODS:
            raise InvalidInput("payment.unknown_method", method=method)
        with self.ctx.db.atomic():
            row = prepaid.package_row(package_id)
            st = self._refund(row, mode, rate_bp, from_day, to_day)
            record = PrepaidRefund.create(customer=row.customer_id, package=row, mode=st.mode.value,
                                          refund_fen=st.refund_fen, interest_fen=st.interest_fen,
                                          total_fen=st.total_fen, working=statement_json(st), method=method,
                                          reason=reason.strip(), at=self.ctx.now(), staff=actor.row)
            prepaid.close_package(row, self.ctx.now(), "refund")
            prepaid.settle_expiry_tasks(self.ctx, row.id, actor.row, "剩余次数已退款")
            self.ctx.audit(actor, "package_refund", target=f"package:{row.id}", mode=st.mode.value,
                           total_fen=st.total_fen, interest_fen=st.interest_fen, reason=reason.strip())
        return self._record(record.id, row, st, method, reason.strip(), actor.display_name)

