"""Shifts and the day close (交班 / 日结) on the data layer; the rules are in :mod:`salon_desk.shifts`."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from typing import Any

from ..errors import Conflict, InvalidInput
from ..money import Fen
from ..records import OwnerGrant
from ..roles import Perm
from ..shifts import ShiftReport, ShiftTotals, VoidOrRefund, cash_expected, check_count, needs_owner
from .context import Actor, ShopContext
from .models import Shift
from .permissions import requires
from .rows import as_datetime, as_dicts


def open_shift(ctx: ShopContext) -> Shift | None:
    shift: Shift | None = Shift.select().where(Shift.closed_at.is_null()).order_by(Shift.id.desc()).first()
    return shift


def require_open(ctx: ShopContext) -> None:
    """Inside checkout: refused while no shift is open, when the shop's setting says so."""
    if ctx.setting("shift.required") and open_shift(ctx) is None:
        raise Conflict("shift.not_open")


def _totals(ctx: ShopContext, shift: Shift, until: datetime) -> tuple[ShiftTotals, tuple[VoidOrRefund, ...]]:
    span = (str(shift.opened_at), str(until))
    q = ctx.sql
    sales = as_dicts(ctx.execute(q.SHIFT_SALES, span))
    refunds = as_dicts(ctx.execute(q.SHIFT_REFUNDS, span))
    topups = as_dicts(ctx.execute(q.SHIFT_TOPUPS, span))
    prepaid = as_dicts(ctx.execute(q.SHIFT_PREPAID_REFUNDS, span))
    listed = tuple(VoidOrRefund(r["kind"], r["receipt_no"], r["amount_fen"], r["staff_name"], r["reason"])
                   for r in as_dicts(ctx.execute(q.SHIFT_REFUND_LIST, span)))
    packages, packages_fen = ctx.execute(q.SHIFT_PACKAGES_SOLD, span).fetchone()
    sale_count = ctx.execute(q.SHIFT_SALE_COUNT, span).fetchone()[0]

    def by(rows: list[dict[str, Any]], kind: str | None = None) -> tuple[tuple[str, Fen], ...]:
        return tuple((r["method"], int(r["amount_fen"])) for r in rows if kind is None or r["kind"] == kind)

    totals = ShiftTotals(
        shift.float_fen, by(sales), int(sale_count), by(refunds, "void"),
        sum(1 for r in listed if r.kind == "void"), by(refunds, "refund"), sum(1 for r in listed if r.kind == "refund"),
        by(topups), sum(int(r["n"]) for r in topups), by(prepaid), int(packages), int(packages_fen))
    return totals, listed


def _report(ctx: ShopContext, shift: Shift, until: datetime) -> ShiftReport:
    totals, listed = _totals(ctx, shift, until)
    names = ctx.staff_names()
    return ShiftReport(ctx.setting("shop.name"), int(shift.id), None, as_datetime(shift.opened_at),
                       names.get(shift.opened_by_id, ""), until, totals, cash_expected(totals), listed)




def _frozen(shift: Shift) -> ShiftReport:
    data = json.loads(shift.report)
    t = data["totals"]
    fields: dict[str, Any] = {k: (tuple(tuple(p) for p in v) if isinstance(v, list) else v) for k, v in t.items()}
    totals = ShiftTotals(**fields)
    data["totals"] = totals
    data["opened_at"], data["until"] = as_datetime(data["opened_at"]), as_datetime(data["until"])
    data["voids_and_refunds"] = tuple(VoidOrRefund(*r) if isinstance(r, list) else VoidOrRefund(**r)
                                      for r in data["voids_and_refunds"])
    return ShiftReport(**data)


class ShiftService:
    """Open a shift with its float, the X report any time, the blind close and its numbered Z report."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.COUNTER)
    def current(self, actor: Actor) -> int | None:
        """The open shift's id, or None."""
        shift = open_shift(self.ctx)
        return int(shift.id) if shift else None

    @requires(Perm.COUNTER)
    def suggested_float(self, actor: Actor) -> Fen:
        """The float the last close left in the drawer (carried to the next shift)."""
        last = Shift.select().where(Shift.closed_at.is_null(False)).order_by(Shift.id.desc()).first()
        return int(last.next_float_fen or 0) if last else 0

    @requires(Perm.COUNTER)
    def open(self, actor: Actor, float_fen: Fen) -> int:
        """Open a shift with the float counted in the drawer."""
        check_count(float_fen)
        with self.ctx.db.atomic():
            if open_shift(self.ctx) is not None:
                raise Conflict("shift.already_open")
            shift = Shift.create(opened_at=self.ctx.now(), opened_by=actor.row, float_fen=float_fen)
            self.ctx.audit(actor, "shift_open", target=str(shift.id), float_fen=float_fen)
        return int(shift.id)

    @requires(Perm.COUNTER)
    def x_report(self, actor: Actor) -> ShiftReport:
        """The open shift so far: sales, voids, refunds, top-ups, package sales by method; cash expected."""
        shift = open_shift(self.ctx)
        if shift is None:
            raise Conflict("shift.not_open")
        return _report(self.ctx, shift, self.ctx.now())

    @requires(Perm.COUNTER)
    def close(self, actor: Actor, counted_fen: Fen, next_float_fen: Fen, *, grant: OwnerGrant | None = None,
              reason: str = "") -> ShiftReport:
        """The blind close: the count typed first; the variance recorded (above the shop's limit, the
        owner's authorisation and a reason); the Z report numbered and kept unchangeable."""
        check_count(counted_fen)
        check_count(next_float_fen)
        if next_float_fen > counted_fen:
            raise InvalidInput("shift.float_over_count")
        with self.ctx.db.atomic():
            shift = open_shift(self.ctx)
            if shift is None:
                raise Conflict("shift.not_open")
            now = self.ctx.now()
            report = _report(self.ctx, shift, now)
            variance = counted_fen - report.cash_expected_fen
            owner = None
            if needs_owner(variance, self.ctx.setting("shift.variance_limit_fen")):
                if not reason.strip():
                    raise InvalidInput("shift.reason_required", variance=variance)
                owner = self.ctx.check_grant(grant)
            top = Shift.select().where(Shift.z_no.is_null(False)).order_by(Shift.z_no.desc()).first()
            z_no = (int(top.z_no) + 1) if top else 1
            names = self.ctx.staff_names()
            final = ShiftReport(report.shop_name, report.shift_id, z_no, report.opened_at, report.opened_by, now,
                                report.totals, report.cash_expected_fen, report.voids_and_refunds,
                                names.get(actor.id, ""), counted_fen, variance, reason.strip(),
                                owner.display_name if owner is not None else "", next_float_fen)
            Shift.update(z_no=z_no, closed_at=now, closed_by=actor.row, counted_fen=counted_fen,
                         expected_fen=report.cash_expected_fen, variance_fen=variance, reason=reason.strip(),
                         authorised_by=owner, next_float_fen=next_float_fen,
                         report=json.dumps(asdict(final), default=str, ensure_ascii=False)
                         ).where(Shift.id == shift.id).execute()
            self.ctx.audit(actor, "shift_close", target=f"Z{z_no:04d}", counted_fen=counted_fen,
                           expected_fen=report.cash_expected_fen, variance_fen=variance,
                           authorised_by=owner.username if owner is not None else None, reason=reason.strip())
            if grant is not None and owner is not None:
                self.ctx.spend_grant(grant)
        return final

    @requires(Perm.COUNTER)
    def day_methods(self, actor: Actor) -> tuple[tuple[str, Fen], ...]:
        """Today's money by payment method, net of today's voids and refunds (the 今日小票 list's totals)."""
        today = self.ctx.today()
        span = (f"{today.isoformat()} 00:00:00", f"{today.isoformat()} 23:59:59.999999")
        net: dict[str, Fen] = {}
        for r in as_dicts(self.ctx.execute(self.ctx.sql.SHIFT_SALES, span)):
            net[r["method"]] = net.get(r["method"], 0) + int(r["amount_fen"])
        for r in as_dicts(self.ctx.execute(self.ctx.sql.SHIFT_REFUNDS, span)):
            net[r["method"]] = net.get(r["method"], 0) - int(r["amount_fen"])
        return tuple(sorted(net.items()))

    @requires(Perm.COUNTER)
    def z_report(self, actor: Actor, z_no: int) -> ShiftReport:
        """A closed shift's Z report, exactly as it was closed."""
        shift = Shift.get_or_none(Shift.z_no == z_no)
        if shift is None:
            raise Conflict("shift.not_found", z_no=z_no)
        return _frozen(shift)
