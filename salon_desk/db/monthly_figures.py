"""The owner's monthly figures (SPEC §8): one query layer for the window, the PDF and the exports.

Every read is a range on an indexed date (sale.created_at, refund.at,
points_entry.at, tier_change.at, customer.first_seen) over the month, plus
checkpointed ledger totals, so the cost follows the month, not the file.
"""

from __future__ import annotations

from collections import defaultdict
from types import ModuleType
from typing import Any, Callable

from peewee import fn
from datetime import date, timedelta

from ..errors import InvalidInput
from ..membership import TIER_ORDER
from ..report_figures import (
    REPURCHASE_DAYS, AppointmentFigures, AppointmentTechnicianFigures, CategoryFigures, CustomerFigures, DayFigures, KeyFigures, MethodFigures, MonthlyFigures,
    PointsFigures, PrepaidFigures, Rate, RevenueFigures, ServiceFigures, TechnicianFigures,
)
from ..roles import Perm
from ..tenders import METHODS
from .care import care_report
from .context import Actor, ShopContext
from .ledger_checkpoints import ledger_totals, stamp
from .models import Staff
from .permissions import requires, system_job
from .rows import as_dicts, day_of

CATEGORY_ORDER = ("hair", "beauty", "skin", "nails", "other", "product")
POINTS_KIND_ORDER = ("earn", "birthday", "referral", "redeem", "gift", "expire", "refund", "manual", "merge")
TOP_SERVICES = 10

Row = dict[str, Any]   # one row of a hand-written statement, by column name


def month_range(year: int, month: int) -> tuple[date, date]:
    if not (isinstance(year, int) and isinstance(month, int)) or not 1 <= month <= 12 or not 2000 <= year <= 2200:
        raise InvalidInput("report.bad_month", text=f"{year}-{month}", year=year, month=month)
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return start, end


class ReportService:
    """The owner's figures (SPEC §8): one query layer for the window, the PDF and the exports."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.REPORTS_ALL)
    def month(self, actor: Actor, year: int, month: int) -> MonthlyFigures:
        """The figures of one calendar month (owner only)."""
        start, end = month_range(year, month)
        return self._period_figures(start, end)

    @requires(Perm.REPORTS_TODAY)
    def day(self, actor: Actor, day: date | None = None) -> MonthlyFigures:
        """The same figures for one day; a cashier may see today's only."""
        day = day or self.ctx.today()
        if day != self.ctx.today():
            self.ctx.authorise(actor, Perm.REPORTS_ALL)
        return self._period_figures(day, day + timedelta(days=1))

    @requires(Perm.REPORTS_ALL)
    def record_export(self, actor: Actor, start: date, end: date, kind: str, path: str) -> None:
        """The owner saved the report's figures to a file (PDF, XLSX, CSV): audited (SPEC §9)."""
        with self.ctx.db.atomic():
            self.ctx.audit(actor, "report_exported", target=f"{start.isoformat()}..{end.isoformat()}",
                           format=kind, path=str(path))

    @requires(Perm.REPORTS_TODAY)
    def first_day(self, actor: Actor) -> date | None:
        """The day the shop started using the program (the reports page's earliest month)."""
        first = Staff.select(fn.MIN(Staff.created_at)).scalar()
        return first.date() if first else None

    @system_job
    def refresh_checkpoints(self) -> None:
        """Bring the ledger checkpoints up to this month (a daily job), so no report pays for history."""
        start = self.ctx.today().replace(day=1)
        ledger_totals(self.ctx.db, "points", start)
        ledger_totals(self.ctx.db, "tiers", start)

    # -- the one computation ----------------------------------------------
    def _period_figures(self, start: date, end: date) -> MonthlyFigures:
        lo, hi = stamp(start), stamp(end)
        db, q = self.ctx.db, self.ctx.sql
        sql = self.ctx.execute
        with db.atomic():   # one consistent snapshot of the file
            sales = as_dicts(sql(q.MONTH_SALES, (lo, hi)))
            lines = as_dicts(sql(q.MONTH_LINES, (lo, hi)))
            payments = as_dicts(sql(q.MONTH_PAYMENTS, (lo, hi)))
            refunds = as_dicts(sql(q.MONTH_REFUNDS, (lo, hi)))
            refund_methods = as_dicts(sql(q.MONTH_REFUND_METHODS, (lo, hi)))
            refund_lines = as_dicts(sql(q.MONTH_REFUND_LINES, (lo, hi)))
            earlier = {row["customer_id"] for row in as_dicts(sql(
                q.CUSTOMERS_SEEN_BETWEEN, (stamp(start - timedelta(days=REPURCHASE_DAYS)), lo)))}
            new_customers = as_dicts(sql(q.NEW_CUSTOMERS, (start.isoformat(), end.isoformat())))
            tier_kinds: dict[str, int] = {
                r["kind"]: r["changes"] for r in as_dicts(sql(q.TIER_CHANGES_BY_KIND, (lo, hi)))}
            movements: dict[str, int] = {r["kind"]: r["points"] for r in as_dicts(sql(q.POINTS_BY_KIND, (lo, hi)))}
            opening = ledger_totals(db, "points", start).get("total", 0)
            tiers_at_end = ledger_totals(db, "tiers", end)
            staff_names: dict[int, str] = {r["id"]: r["display_name"] for r in as_dicts(sql(q.STAFF_NAMES))}
            prepaid = _prepaid(sql, q, lo, hi)
            to_card = dict(sql(q.MONTH_REFUNDS_TO_CARD, (lo, hi)).fetchall())
            booking_rows = as_dicts(sql(q.MONTH_BOOKING_TECHNICIANS, (lo, hi)))
            booked_visits = int(sql(q.MONTH_BOOKED_SALES, (lo, hi)).fetchone()[0])

        completed = [s for s in sales if s["status"] == "completed"]
        voided = [s for s in sales if s["status"] != "completed"]
        revenue = RevenueFigures(
            receipts=len(completed), list_total_fen=sum(s["list_total_fen"] for s in completed),
            member_discount_fen=sum(s["member_discount_fen"] for s in completed),
            birthday_discount_fen=sum(s["birthday_discount_fen"] for s in completed),
            points_discount_fen=sum(s["points_discount_fen"] for s in completed),
            amount_due_fen=sum(s["amount_due_fen"] for s in completed),
            refunds=len(refunds), refunds_fen=sum(r["amount_fen"] for r in refunds),
            voids=len(voided), voids_fen=sum(s["amount_due_fen"] for s in voided))
        month_customers = {s["customer_id"] for s in completed if s["customer_id"] is not None}
        referred = sum(1 for c in new_customers if c["referred_by_id"] is not None)
        movement_rows = tuple((k, movements[k]) for k in POINTS_KIND_ORDER if movements.get(k)) + tuple(
            (k, v) for k, v in sorted(movements.items()) if k not in POINTS_KIND_ORDER and v)
        return MonthlyFigures(
            shop_name=self.ctx.setting("shop.name"), year=start.year, month=start.month, start=start, end=end,
            generated_at=self.ctx.now(), revenue=revenue,
            methods=_methods(payments, refunds, to_card, refund_methods),
            days=_days(start, end, completed, refunds),
            categories=_categories(lines, refund_lines),
            top_services=_top_services(lines),
            technicians=_technicians(lines, refund_lines, staff_names),
            customers=CustomerFigures(
                visits=len(completed), member_visits=sum(1 for s in completed if s["member_id"] is not None),
                walk_in_visits=sum(1 for s in completed if s["customer_id"] is None),
                distinct_customers=len(month_customers), new_customers=len(new_customers),
                referred_new_customers=referred, new_members=tier_kinds.get("enrol", 0),
                promotions=tier_kinds.get("promote", 0), lapsed_members=tier_kinds.get("lapse", 0),
                members_by_tier=tuple((t, tiers_at_end.get(t, 0)) for t in TIER_ORDER)),
            points=PointsFigures(opening, movement_rows, opening + sum(movements.values()),
                                 self.ctx.setting("points.per_yuan_redeemed")),
            key=KeyFigures(repurchase=Rate(len(month_customers & earlier), len(month_customers)),
                           referral=Rate(referred, len(new_customers))),
            care=care_report(self.ctx, start, end, len(completed)),
            prepaid=prepaid,
            appointments=_appointments(booking_rows, len(completed), booked_visits, staff_names))


def _prepaid(sql: Callable[..., Any], q: ModuleType, lo: str, hi: str) -> PrepaidFigures:
    """The period's cards and packages, read by ranges on their indexed times."""
    topups, topup_p, topup_b = sql(q.MONTH_TOPUPS, (lo, hi)).fetchone()
    methods = dict(sql(q.MONTH_TOPUP_METHODS, (lo, hi)).fetchall())
    by_kind = {k: (p, b) for k, p, b in sql(q.MONTH_CARD_BY_KIND, (lo, hi)).fetchall()}
    spent_p = -by_kind.get("spend", (0, 0))[0] - by_kind.get("sale_refund", (0, 0))[0]
    spent_b = -by_kind.get("spend", (0, 0))[1] - by_kind.get("sale_refund", (0, 0))[1]
    refunds, refunds_fen = sql(q.MONTH_PREPAID_REFUNDS, (lo, hi)).fetchone()
    sold, sold_fen = sql(q.MONTH_PACKAGES_SOLD, (lo, hi)).fetchone()
    used, consumed, listed = sql(q.MONTH_SESSIONS, (lo, hi)).fetchone()
    back, back_consumed, back_listed = sql(q.MONTH_SESSIONS_RETURNED, (lo, hi)).fetchone()
    owed_p, owed_b = sql(q.CARD_LIABILITY_AT, (hi,)).fetchone()
    sessions, value = sql(q.PACKAGE_LIABILITY_AT, (hi, hi, hi, hi)).fetchone()
    order = [m for m in METHODS if m in methods] + sorted(set(methods) - set(METHODS))
    return PrepaidFigures(
        topups, topup_p, topup_b, tuple((m, methods[m]) for m in order), spent_p, spent_b, refunds, refunds_fen,
        -by_kind.get("bonus_write_off", (0, 0))[1], sold, sold_fen, used - back, consumed - back_consumed,
        listed - back_listed, owed_p, owed_b, sessions, value)


def _methods(payments: list[Row], refunds: list[Row], to_card: dict[int, int] | None = None,
             refund_methods: list[Row] | None = None) -> tuple[MethodFigures, ...]:
    """Received and refunded by method: a refund's own rows per method (version 11 on); for an older
    refund, the part that went back to the stored-value card under the card, the rest under its method."""
    received: dict[str, int] = {p["method"]: p["amount_fen"] for p in payments}
    refunded: dict[str, int] = defaultdict(int)
    split = {r["refund_id"] for r in refund_methods or []}
    for row in refund_methods or []:
        refunded[row["method"]] += row["amount_fen"]
    for r in refunds:
        if r["id"] in split:
            continue
        card = min((to_card or {}).get(r["id"], 0), r["amount_fen"])
        if card:
            refunded["stored_value"] += card
        if r["amount_fen"] - card:
            refunded[r["method"]] += r["amount_fen"] - card
    used = [m for m in METHODS if m in received or m in refunded]
    used += sorted((set(received) | set(refunded)) - set(METHODS))
    return tuple(MethodFigures(m, received.get(m, 0), refunded.get(m, 0)) for m in used)


def _days(start: date, end: date, completed: list[Row], refunds: list[Row]) -> tuple[DayFigures, ...]:
    count: dict[date, int] = defaultdict(int)
    due: dict[date, int] = defaultdict(int)
    back: dict[date, int] = defaultdict(int)
    for s in completed:
        day = day_of(s["created_at"])
        count[day] += 1
        due[day] += s["amount_due_fen"]
    for r in refunds:
        back[day_of(r["at"])] += r["amount_fen"]
    out = []
    day = start
    while day < end:
        out.append(DayFigures(day, count[day], due[day], back[day]))
        day += timedelta(days=1)
    return tuple(out)


def _categories(lines: list[Row], refund_lines: list[Row]) -> tuple[CategoryFigures, ...]:
    qty: dict[str, int] = defaultdict(int)
    listed: dict[str, int] = defaultdict(int)
    sold: dict[str, int] = defaultdict(int)
    back: dict[str, int] = defaultdict(int)
    for line in lines:
        category = line["category"]
        qty[category] += line["quantity"]
        listed[category] += line["list_amount_fen"]
        sold[category] += line["paid_fen"]
    for r in refund_lines:
        back[r["category"]] += r["amount_fen"]
    seen = set(qty) | set(back)
    order = [c for c in CATEGORY_ORDER if c in seen] + sorted(seen - set(CATEGORY_ORDER))
    return tuple(CategoryFigures(c, qty[c], listed[c], sold[c], back[c]) for c in order)


def _top_services(lines: list[Row]) -> tuple[ServiceFigures, ...]:
    qty: dict[str, int] = defaultdict(int)
    sold: dict[str, int] = defaultdict(int)
    names: dict[str, tuple[str, str]] = {}
    for line in lines:
        if line["kind"] != "service":
            continue
        code = line["code"]
        qty[code] += line["quantity"]
        sold[code] += line["paid_fen"]
        names[code] = (line["name"], line["category"])
    ranked = sorted(qty, key=lambda c: (-sold[c], -qty[c], c))[:TOP_SERVICES]
    return tuple(ServiceFigures(c, names[c][0], names[c][1], qty[c], sold[c]) for c in ranked)


def _technicians(lines: list[Row], refund_lines: list[Row],
                 staff_names: dict[int, str]) -> tuple[TechnicianFigures, ...]:
    services: dict[int | None, int] = defaultdict(int)
    sold: dict[int | None, int] = defaultdict(int)
    back: dict[int | None, int] = defaultdict(int)
    served: dict[int | None, set[int]] = defaultdict(set)
    names: dict[int | None, str] = {}
    for line in lines:
        tech = line["technician_id"]
        if line["kind"] == "service":
            services[tech] += line["quantity"]
        sold[tech] += line["paid_fen"]
        if line["customer_id"] is not None:
            served[tech].add(line["customer_id"])
        if line["technician_name"]:
            names[tech] = line["technician_name"]
    for r in refund_lines:
        back[r["technician_id"]] += r["amount_fen"]
    techs = set(sold) | set(back)

    def name(t: int | None) -> str:
        return "" if t is None else staff_names.get(t) or names.get(t) or f"#{t}"
    ranked = sorted(techs, key=lambda t: (t is None, -(sold[t] - back[t]), name(t)))
    return tuple(TechnicianFigures(t, name(t), services[t], len(served[t]), sold[t], back[t]) for t in ranked)


def _appointments(rows: list[Row], visits: int, booked_visits: int,
                  staff_names: dict[int, str]) -> AppointmentFigures:
    """Bookings by status, the whole shop (each booking once) and per technician."""
    status: dict[int, str] = {r["booking_id"]: r["status"] for r in rows}
    per_tech: dict[int, list[str]] = {}
    for r in rows:
        per_tech.setdefault(r["technician_id"], []).append(r["status"])

    def counts(statuses: list[str]) -> tuple[int, int, int, int]:
        return (len(statuses), statuses.count("completed"), statuses.count("cancelled"), statuses.count("no_show"))

    techs = tuple(AppointmentTechnicianFigures(staff_names.get(t, ""), *counts(v))
                  for t, v in sorted(per_tech.items(), key=lambda kv: (-len(kv[1]), staff_names.get(kv[0], ""))))
    return AppointmentFigures(*counts(list(status.values())), visits=visits, booked_visits=booked_visits,
                              technicians=techs)
