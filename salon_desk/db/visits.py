"""Check-in and the open visit (SPEC §5): lines with technicians and notes, several chairs at once."""

from __future__ import annotations

from ..errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ..records import LastVisit, StaffInfo, VisitInfo, VisitLineInfo
from ..roles import Perm, Role, allows
from .base import ShopBase
from .customer_rows import summaries
from .models import Customer, CustomerTag, Item, Sale, SaleLine, Staff, Visit, VisitLine, database


# The open visit's lines with item and technician, read on every quote (each keystroke
# of the visit editor's totals), hence hand-written.
_LINES_SQL = """
SELECT l.id, i.kind, i.id, i.code, i.name, i.category, l.technician_id, COALESCE(st.display_name, ''),
       l.quantity, l.unit_price_fen, i.member_discount, l.note
FROM visit_line l JOIN item i ON i.id = l.item_id LEFT JOIN staff st ON st.id = l.technician_id
WHERE l.visit_id = ? ORDER BY l.id"""


def visit_lines(visit_id: int) -> tuple[VisitLineInfo, ...]:
    rows = database.execute_sql(_LINES_SQL, (visit_id,)).fetchall()
    return tuple(VisitLineInfo(*row[:10], bool(row[10]), row[11]) for row in rows)


def line_info(line: VisitLine, item: Item, names: dict[int, str]) -> VisitLineInfo:
    return VisitLineInfo(line.id, item.kind, item.id, item.code, item.name, item.category,
                         line.technician_id, names.get(line.technician_id, ""), line.quantity,
                         line.unit_price_fen, item.member_discount, line.note)


class VisitsMixin(ShopBase):
    def _open_visit(self, visit_id: int) -> Visit:
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise NotFound("visit.not_found", id=visit_id)
        if visit.status != "open":
            raise Conflict("visit.not_open", id=visit_id, status=visit.status)
        return visit

    def check_in(self, actor: StaffInfo, customer_id: int | None = None) -> VisitInfo:
        """Open a visit for a customer, or an anonymous walk-in when ``customer_id`` is None."""
        staff = self._require(actor, Perm.COUNTER)
        with self.db.atomic():
            if customer_id is not None:
                customer = Customer.get_or_none(Customer.id == customer_id)
                if customer is None or customer.anonymised_at:
                    raise NotFound("customer.not_found", id=customer_id)
                if customer.archived:
                    raise Conflict("customer.archived", name=customer.name)
                already = Visit.get_or_none((Visit.customer == customer_id) & (Visit.status == "open"))
                if already is not None:
                    raise Conflict("visit.already_open", name=customer.name, visit_id=already.id)
            visit = Visit.create(customer=customer_id, opened_at=self.now(), opened_by=staff)
        return self.visit(actor, visit.id)

    def visit(self, actor: StaffInfo, visit_id: int) -> VisitInfo:
        staff = self._staff_row(actor)
        visit = Visit.get_or_none(Visit.id == visit_id)
        if visit is None:
            raise NotFound("visit.not_found", id=visit_id)
        return self._visit_info(visit, staff)

    def open_visits(self, actor: StaffInfo) -> list[VisitInfo]:
        """Who is in the shop now, earliest arrival first."""
        staff = self._staff_row(actor)
        return [self._visit_info(v, staff) for v in
                Visit.select().where(Visit.status == "open").order_by(Visit.opened_at, Visit.id)]

    def _visit_info(self, visit: Visit, staff: Staff) -> VisitInfo:
        lines = visit_lines(visit.id)
        customer = None
        tags: tuple[str, ...] = ()
        allergies = None
        last = None
        birthday = None
        if visit.customer_id:
            row = visit.customer
            customer = summaries([row], allows(staff.role, Perm.SEE_FULL_PHONE))[0]
            tags = tuple(t.tag for t in CustomerTag.select().where(CustomerTag.customer == row)
                         .order_by(CustomerTag.id))
            allergies = row.allergies if allows(staff.role, Perm.SEE_HEALTH) else None
            last = self.last_visit(row.id)
            birthday = self.birthday_status(row.id)
        techs = tuple(dict.fromkeys(l.technician_name for l in lines if l.technician_name))
        return VisitInfo(visit.id, visit.status, visit.opened_at, customer, lines,
                         sum(l.unit_price_fen * l.quantity for l in lines), techs,
                         birthday, tags, allergies, last)

    def last_visit(self, customer_id: int) -> LastVisit | None:
        sale = (Sale.select().where((Sale.customer == customer_id) & (Sale.status == "completed"))
                .order_by(Sale.created_at.desc(), Sale.id.desc()).first())
        if sale is None:
            return None
        parts = [f"{l.name}({l.technician_name})" if l.technician_name else l.name
                 for l in SaleLine.select().where(SaleLine.sale == sale).order_by(SaleLine.id)]
        return LastVisit(sale.created_at, sale.receipt_no, ", ".join(parts), sale.amount_due_fen)

    def _active_item(self, item_id: int, kind: str) -> Item:
        item = Item.get_or_none(Item.id == item_id)
        if item is None or item.kind != kind:
            raise NotFound("item.not_found", id=item_id)
        if not item.active:
            raise Conflict("item.inactive", name=item.name)
        return item

    def add_service(self, actor: StaffInfo, visit_id: int, item_id: int, technician_id: int | None,
                    note: str = "") -> VisitLineInfo:
        self._require(actor, Perm.COUNTER)
        with self.db.atomic():
            visit = self._open_visit(visit_id)
            item = self._active_item(item_id, "service")
            if technician_id is None:
                raise InvalidInput("line.technician_required")
            tech = self._staff_row(technician_id)
            if not tech.active:
                raise Conflict("staff.inactive", name=tech.display_name)
            line = VisitLine.create(visit=visit, item=item, technician=tech, quantity=1,
                                    unit_price_fen=item.price_fen, note=note.strip(), added_at=self.now())
        return line_info(line, item, {tech.id: tech.display_name})

    def add_product(self, actor: StaffInfo, visit_id: int, item_id: int, quantity: int = 1,
                    note: str = "") -> VisitLineInfo:
        self._require(actor, Perm.COUNTER)
        if not isinstance(quantity, int) or quantity <= 0:
            raise InvalidInput("line.bad_quantity", quantity=quantity)
        with self.db.atomic():
            visit = self._open_visit(visit_id)
            item = self._active_item(item_id, "product")
            line = VisitLine.create(visit=visit, item=item, technician=None, quantity=quantity,
                                    unit_price_fen=item.price_fen, note=note.strip(), added_at=self.now())
        return line_info(line, item, {})

    def _open_line(self, line_id: int) -> VisitLine:
        line = VisitLine.get_or_none(VisitLine.id == line_id)
        if line is None:
            raise NotFound("line.not_found", id=line_id)
        self._open_visit(line.visit_id)
        return line

    def remove_line(self, actor: StaffInfo, line_id: int) -> None:
        self._require(actor, Perm.COUNTER)
        with self.db.atomic():
            self._open_line(line_id).delete_instance()

    def set_line_note(self, actor: StaffInfo, line_id: int, note: str) -> None:
        """The service log. A technician may write notes on their own lines only."""
        staff = self._require(actor, Perm.VISIT_NOTES)
        with self.db.atomic():
            line = self._open_line(line_id)
            if staff.role == Role.TECHNICIAN.value and line.technician_id != staff.id:
                raise PermissionDenied("perm.not_own_line")
            line.note = note.strip()
            line.save()

    def set_line_quantity(self, actor: StaffInfo, line_id: int, quantity: int) -> None:
        self._require(actor, Perm.COUNTER)
        if not isinstance(quantity, int) or quantity <= 0:
            raise InvalidInput("line.bad_quantity", quantity=quantity)
        with self.db.atomic():
            line = self._open_line(line_id)
            line.quantity = quantity
            line.save()

    def override_line_price(self, actor: StaffInfo, line_id: int, price_fen: int, reason: str) -> None:
        """A price different from the list, by the owner, audited (SPEC §9)."""
        owner = self._require(actor, Perm.PRICE_OVERRIDE)
        if not isinstance(price_fen, int) or price_fen < 0:
            raise InvalidInput("line.bad_price", price=price_fen)
        if not reason.strip():
            raise InvalidInput("line.reason_required")
        with self.db.atomic():
            line = self._open_line(line_id)
            old = line.unit_price_fen
            line.unit_price_fen = price_fen
            line.save()
            self._audit(owner, "price_override", target=f"visit_line:{line.id}", old=old, new=price_fen,
                        reason=reason.strip())

    def cancel_visit(self, actor: StaffInfo, visit_id: int) -> None:
        """The customer left without a sale; the visit is kept, marked cancelled."""
        staff = self._require(actor, Perm.COUNTER)
        with self.db.atomic():
            visit = self._open_visit(visit_id)
            visit.status, visit.closed_at = "cancelled", self.now()
            visit.save()
            self._audit(staff, "visit_cancelled", target=f"visit:{visit.id}",
                        lines=VisitLine.select().where(VisitLine.visit == visit).count())
