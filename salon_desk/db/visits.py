"""Check-in and the open visit (SPEC §5): lines with technicians and notes, several chairs at once."""

from __future__ import annotations

from ..errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ..records import LastVisit, VisitInfo, VisitLineInfo
from ..roles import Perm, Role
from .birthday_perks import birthday_status
from .context import Actor, ShopContext
from .customer_rows import summaries
from .models import Customer, CustomerTag, Item, Sale, SaleLine, Visit, VisitLine
from .permissions import ANY_STAFF, requires


def visit_lines(ctx: ShopContext, visit_id: int) -> tuple[VisitLineInfo, ...]:
    """The open visit's lines with item and technician: read on every quote (each change of the
    visit editor's totals), hence one hand-written statement."""
    rows = ctx.execute(ctx.sql.VISIT_LINES, (visit_id,))
    names = [d[0] for d in rows.description]
    out = []
    for values in rows.fetchall():
        row = dict(zip(names, values))
        row["member_discount"] = bool(row["member_discount"])
        row["designated"] = bool(row["designated"])
        out.append(VisitLineInfo(**row))
    return tuple(out)


def open_visit(visit_id: int) -> Visit:
    visit = Visit.get_or_none(Visit.id == visit_id)
    if visit is None:
        raise NotFound("visit.not_found", id=visit_id)
    if visit.status != "open":
        raise Conflict("visit.not_open", id=visit_id, status=visit.status)
    return visit


def line_info(line: VisitLine, item: Item, names: dict[int, str]) -> VisitLineInfo:
    return VisitLineInfo(line.id, item.kind, item.id, item.code, item.name, item.category,
                         line.technician_id,
                         names.get(line.technician_id, "") if line.technician_id is not None else "",
                         line.quantity,
                         line.unit_price_fen, item.member_discount, line.note, bool(line.designated))


class VisitService:
    """Who is in the shop now (SPEC §5): check-in, the lines of each open visit, the service log."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    def _open_visit(self, visit_id: int) -> Visit:
        return open_visit(visit_id)

    @requires(Perm.COUNTER)
    def check_in(self, actor: Actor, customer_id: int | None = None) -> VisitInfo:
        """Open a visit for a customer, or an anonymous walk-in when ``customer_id`` is None."""
        staff = actor.row
        with self.ctx.db.atomic():
            if customer_id is not None:
                customer = Customer.get_or_none(Customer.id == customer_id)
                if customer is None or customer.anonymised_at:
                    raise NotFound("customer.not_found", id=customer_id)
                if customer.archived:
                    raise Conflict("customer.archived", name=customer.name)
                already = Visit.get_or_none((Visit.customer == customer_id) & (Visit.status == "open"))
                if already is not None:
                    raise Conflict("visit.already_open", name=customer.name, visit_id=already.id)
            visit = Visit.create(customer=customer_id, opened_at=self.ctx.now(), opened_by=staff)
        return self._visit_info(visit, actor)

    @requires(ANY_STAFF)
    def get(self, actor: Actor, visit_id: int) -> VisitInfo:
        """One visit; a technician sees only visits with a service of their own."""
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise NotFound("visit.not_found", id=visit_id)
        if actor.role == Role.TECHNICIAN.value and not self._has_own_line(visit.id, actor.id):
            raise PermissionDenied("perm.not_your_customer")
        return self._visit_info(visit, actor)

    @requires(ANY_STAFF)
    def open_visits(self, actor: Actor) -> list[VisitInfo]:
        """Who is in the shop now, earliest arrival first; a technician sees those they serve."""
        query = Visit.select().where(Visit.status == "open").order_by(Visit.opened_at, Visit.id)
        if actor.role == Role.TECHNICIAN.value:
            query = query.where(Visit.id.in_(VisitLine.select(VisitLine.visit)
                                             .where(VisitLine.technician == actor.id)))
        return [self._visit_info(v, actor) for v in query]

    @staticmethod
    def _has_own_line(visit_id: int, technician_id: int) -> bool:
        return bool(VisitLine.select().where((VisitLine.visit == visit_id)
                                             & (VisitLine.technician == technician_id)).exists())

    def _visit_info(self, visit: Visit, actor: Actor) -> VisitInfo:
        lines = visit_lines(self.ctx, visit.id)
        technician = actor.role == Role.TECHNICIAN.value
        customer = None
        tags: tuple[str, ...] = ()
        allergies = None
        last = None
        birthday = None
        row = visit.customer if visit.customer_id else None
        if row is not None:
            customer = summaries([row], actor.can(Perm.SEE_FULL_PHONE), hide_phone=technician)[0]
            tags = tuple(t.tag for t in CustomerTag.select().where(CustomerTag.customer == row)
                         .order_by(CustomerTag.id))
            allergies = row.allergies if actor.can(Perm.SEE_HEALTH) else None
            last = None if technician else self._last_visit(row.id)
            birthday = birthday_status(self.ctx, row.id)
        techs = tuple(dict.fromkeys(l.technician_name for l in lines if l.technician_name))
        return VisitInfo(visit.id, visit.status, visit.opened_at, customer, lines,
                         sum(l.unit_price_fen * l.quantity for l in lines), techs,
                         birthday, tags, allergies, last)

    @staticmethod
    def _last_visit(customer_id: int) -> LastVisit | None:
        sale = (Sale.select().where((Sale.customer == customer_id) & (Sale.status == "completed"))
                .order_by(Sale.created_at.desc(), Sale.id.desc()).first())
        if sale is None:
            return None
        parts = [f"{l.name}({l.technician_name})" if l.technician_name else l.name
                 for l in SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.id)]
        return LastVisit(sale.created_at, sale.receipt_no, ", ".join(parts), sale.amount_due_fen)

    @staticmethod
    def _active_item(item_id: int, kind: str) -> Item:
        item = Item.get_or_none(Item.id == item_id)
        if item is None or item.kind != kind:
            raise NotFound("item.not_found", id=item_id)
        if not item.active:
            raise Conflict("item.inactive", name=item.name)
        return item

    @requires(Perm.COUNTER)
    def add_service(self, actor: Actor, visit_id: int, item_id: int, technician_id: int | None,
                    note: str = "", designated: bool = False) -> VisitLineInfo:
        """A service with the technician who does it; ``designated`` when the customer asked for that
        technician (指定), else the shop's turn (轮牌)."""
        with self.ctx.db.atomic():
            visit = self._open_visit(visit_id)
            item = self._active_item(item_id, "service")
            if technician_id is None:
                raise InvalidInput("line.technician_required")
            tech = self.ctx.staff_row(technician_id)
            if not tech.active:
                raise Conflict("staff.inactive", name=tech.display_name)
            line = VisitLine.create(visit=visit, item=item, technician=tech, quantity=1,
                                    unit_price_fen=item.price_fen, note=note.strip(), added_at=self.ctx.now(),
                                    designated=bool(designated))
        return line_info(line, item, {tech.id: tech.display_name})

    @requires(Perm.COUNTER)
    def usual_technician(self, actor: Actor, customer_id: int, item_id: int) -> int | None:
        """Who last did this service for this customer on a completed visit (the counter's default), or None."""
        row = (VisitLine.select(VisitLine.technician)
               .join(Visit, on=(VisitLine.visit == Visit.id))
               .where((Visit.customer == customer_id) & (Visit.status == "completed")
                      & (VisitLine.item == item_id) & VisitLine.technician.is_null(False))
               .order_by(Visit.closed_at.desc(), VisitLine.id.desc())
               .first())
        return row.technician_id if row is not None else None

    @requires(Perm.COUNTER)
    def set_line_designated(self, actor: Actor, line_id: int, designated: bool) -> None:
        """Mark a service line 指定 (the customer asked for this technician) or 轮牌."""
        with self.ctx.db.atomic():
            line = self._open_line(line_id)
            if line.technician_id is None:
                raise InvalidInput("line.technician_required")
            line.designated = bool(designated)
            line.save()

    @requires(Perm.COUNTER)
    def add_product(self, actor: Actor, visit_id: int, item_id: int, quantity: int = 1,
                    note: str = "") -> VisitLineInfo:
        if not isinstance(quantity, int) or quantity <= 0:
            raise InvalidInput("line.bad_quantity", quantity=quantity)
        with self.ctx.db.atomic():
            visit = self._open_visit(visit_id)
            item = self._active_item(item_id, "product")
            line = VisitLine.create(visit=visit, item=item, technician=None, quantity=quantity,
                                    unit_price_fen=item.price_fen, note=note.strip(), added_at=self.ctx.now())
        return line_info(line, item, {})

    @staticmethod
    def _open_line(line_id: int) -> VisitLine:
        line = VisitLine.get_or_none(VisitLine.id == line_id)
        if line is None:
            raise NotFound("line.not_found", id=line_id)
        open_visit(line.visit_id)
        return line

    @requires(Perm.COUNTER)
    def remove_line(self, actor: Actor, line_id: int) -> None:
        with self.ctx.db.atomic():
            self._open_line(line_id).delete_instance()

    @requires(Perm.VISIT_NOTES)
    def set_line_note(self, actor: Actor, line_id: int, note: str) -> None:
        """The service log. A technician may write notes on their own lines only."""
        staff = actor.row
        with self.ctx.db.atomic():
            line = self._open_line(line_id)
            if staff.role == Role.TECHNICIAN.value and line.technician_id != staff.id:
                raise PermissionDenied("perm.not_own_line")
            line.note = note.strip()
            line.save()

    @requires(Perm.COUNTER)
    def set_line_quantity(self, actor: Actor, line_id: int, quantity: int) -> None:
        if not isinstance(quantity, int) or quantity <= 0:
            raise InvalidInput("line.bad_quantity", quantity=quantity)
        with self.ctx.db.atomic():
            line = self._open_line(line_id)
            line.quantity = quantity
            line.save()

    @requires(Perm.PRICE_OVERRIDE)
    def override_line_price(self, actor: Actor, line_id: int, price_fen: int, reason: str) -> None:
        """A price different from the list, by the owner, audited (SPEC §9)."""
        owner = actor.row
        if not isinstance(price_fen, int) or price_fen < 0:
            raise InvalidInput("line.bad_price", price=price_fen)
        if not reason.strip():
            raise InvalidInput("line.reason_required")
        with self.ctx.db.atomic():
            line = self._open_line(line_id)
            old = line.unit_price_fen
            line.unit_price_fen = price_fen
            line.save()
            self.ctx.audit(owner, "price_override", target=f"visit_line:{line.id}", old=old, new=price_fen,
                        reason=reason.strip())

    @requires(Perm.COUNTER)
    def cancel(self, actor: Actor, visit_id: int) -> None:
        """The customer left without a sale; the visit is kept, marked cancelled."""
        staff = actor.row
        with self.ctx.db.atomic():
            visit = self._open_visit(visit_id)
            visit.status, visit.closed_at = "cancelled", self.ctx.now()
            visit.save()
            self.ctx.audit(staff, "visit_cancelled", target=f"visit:{visit.id}",
                        lines=VisitLine.select().where(VisitLine.visit == visit).count())
