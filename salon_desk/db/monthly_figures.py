"""The owner's monthly figures (SPEC §8): one query layer for the window, the PDF and the exports.

Every read is a range on an indexed date (sale.created_at, refund.at,
points_entry.at, tier_change.at, customer.first_seen) over the month, plus
checkpointed ledger totals, so the cost follows the month, not the file.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from ..errors import InvalidInput
from ..membership import TIER_ORDER
from ..records import StaffInfo
from ..report_figures import (
    REPURCHASE_DAYS, CategoryFigures, CustomerFigures, DayFigures, KeyFigures, MethodFigures, MonthlyFigures,
    PointsFigures, Rate, RevenueFigures, ServiceFigures, TechnicianFigures,
)
from ..roles import Perm
from ..tenders import METHODS
from .base import ShopBase
from .ledger_checkpoints import ledger_totals, stamp

CATEGORY_ORDER = ("hair", "beauty", "skin", "nails", "other", "product")
POINTS_KIND_ORDER = ("earn", "birthday", "referral", "redeem", "gift", "expire", "refund", "manual", "merge")
TOP_SERVICES = 10


def month_range(year: int, month: int) -> tuple[date, date]:
    if not (isinstance(year, int) and isinstance(month, int)) or not 1 <= month <= 12 or not 2000 <= year <= 2200:
        raise InvalidInput("report.bad_month", text=f"{year}-{month}", year=year, month=month)
    start = date(year, month, 1)
    end = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return start, end


class MonthlyReportMixin(ShopBase):
    def monthly_figures(self, actor: StaffInfo, year: int, month: int) -> MonthlyFigures:
        """The figures of one calendar month (owner only)."""
        start, end = month_range(year, month)
        self._require(actor, Perm.REPORTS_ALL)
        return self._period_figures(start, end)

    def day_figures(self, actor: StaffInfo, day: date | None = None) -> MonthlyFigures:
        """The same figures for one day; a cashier may see today's only."""
        day = day or self.today()
        self._require(actor, Perm.REPORTS_TODAY if day == self.today() else Perm.REPORTS_ALL)
        return self._period_figures(day, day + timedelta(days=1))

    def record_report_export(self, actor: StaffInfo, start: date, end: date, kind: str, path: str) -> None:
        """The owner saved the report's figures to a file (PDF, XLSX, CSV): audited (SPEC §9)."""
        owner = self._require(actor, Perm.REPORTS_ALL)
        with self.db.atomic():
            self._audit(owner, "report_exported", target=f"{start.isoformat()}..{end.isoformat()}",
                        format=kind, path=str(path))

    def refresh_report_checkpoints(self) -> None:
        """Bring the ledger checkpoints up to this month (a daily job), so no report pays for history."""
        start = self.today().replace(day=1)
        ledger_totals(self.db, "points", start)
        ledger_totals(self.db, "tiers", start)

    # -- the one computation ----------------------------------------------
    def _period_figures(self, start: date, end: date) -> MonthlyFigures:
        lo, hi = stamp(start), stamp(end)
        sql = self.db.execute_sql
        with self.db.atomic():   # one consistent snapshot of the file
            sales = sql("SELECT id, created_at, customer_id, member_id, list_total_fen, member_discount_fen,"
                        " birthday_discount_fen, points_discount_fen, amount_due_fen, status"
                        " FROM sale WHERE created_at >= ? AND created_at < ?", (lo, hi)).fetchall()
            lines = sql("SELECT l.sale_id, l.kind, l.code, l.name, l.category, l.technician_id, l.technician_name,"
                        " l.quantity, l.list_amount_fen, l.amount_fen - l.points_share_fen, s.customer_id"
                        " FROM sale AS s JOIN sale_line AS l ON l.sale_id = s.id"
                        " WHERE s.created_at >= ? AND s.created_at < ? AND s.status = 'completed'",
                        (lo, hi)).fetchall()
            payments = sql("SELECT p.method, SUM(p.amount_fen) FROM sale AS s JOIN payment AS p ON p.sale_id = s.id"
                           " WHERE s.created_at >= ? AND s.created_at < ? AND s.status = 'completed'"
                           " GROUP BY p.method", (lo, hi)).fetchall()
            refunds = sql("SELECT id, at, amount_fen, method FROM refund"
                          " WHERE at >= ? AND at < ? AND kind = 'refund'", (lo, hi)).fetchall()
            refund_lines = sql("SELECT l.category, l.technician_id, rl.amount_fen"
                               " FROM refund AS r JOIN refund_line AS rl ON rl.refund_id = r.id"
                               " JOIN sale_line AS l ON l.id = rl.sale_line_id"
                               " WHERE r.at >= ? AND r.at < ? AND r.kind = 'refund'", (lo, hi)).fetchall()
            earlier = {row[0] for row in sql(
                "SELECT DISTINCT customer_id FROM sale WHERE created_at >= ? AND created_at < ?"
                " AND status = 'completed' AND customer_id IS NOT NULL",
                (stamp(start - timedelta(days=REPURCHASE_DAYS)), lo)).fetchall()}
            new_customers = sql("SELECT id, referred_by_id FROM customer WHERE first_seen >= ? AND first_seen < ?"
                                " AND merged_into_id IS NULL", (start.isoformat(), end.isoformat())).fetchall()
            tier_kinds = dict(sql("SELECT kind, COUNT(*) FROM tier_change WHERE at >= ? AND at < ? GROUP BY kind",
                                  (lo, hi)).fetchall())
            movements = dict(sql("SELECT kind, SUM(points) FROM points_entry WHERE at >= ? AND at < ?"
                                 " GROUP BY kind", (lo, hi)).fetchall())
            opening = ledger_totals(self.db, "points", start).get("total", 0)
            tiers_at_end = ledger_totals(self.db, "tiers", end)
            staff_names = dict(sql("SELECT id, display_name FROM staff").fetchall())

        completed = [s for s in sales if s[9] == "completed"]
        voided = [s for s in sales if s[9] != "completed"]
        revenue = RevenueFigures(
            receipts=len(completed), list_total_fen=sum(s[4] for s in completed),
            member_discount_fen=sum(s[5] for s in completed), birthday_discount_fen=sum(s[6] for s in completed),
            points_discount_fen=sum(s[7] for s in completed), amount_due_fen=sum(s[8] for s in completed),
            refunds=len(refunds), refunds_fen=sum(r[2] for r in refunds),
            voids=len(voided), voids_fen=sum(s[8] for s in voided))
        month_customers = {s[2] for s in completed if s[2] is not None}
        referred = sum(1 for _, ref in new_customers if ref is not None)
        movement_rows = tuple((k, movements[k]) for k in POINTS_KIND_ORDER if movements.get(k)) + tuple(
            (k, v) for k, v in sorted(movements.items()) if k not in POINTS_KIND_ORDER and v)
        return MonthlyFigures(
            shop_name=self.setting("shop.name"), year=start.year, month=start.month, start=start, end=end,
            generated_at=self.now(), revenue=revenue,
            methods=_methods(payments, refunds),
            days=_days(start, end, completed, refunds),
            categories=_categories(lines, refund_lines),
            top_services=_top_services(lines),
            technicians=_technicians(lines, refund_lines, staff_names),
            customers=CustomerFigures(
                visits=len(completed), member_visits=sum(1 for s in completed if s[3] is not None),
                walk_in_visits=sum(1 for s in completed if s[2] is None),
                distinct_customers=len(month_customers), new_customers=len(new_customers),
                referred_new_customers=referred, new_members=tier_kinds.get("enrol", 0),
                promotions=tier_kinds.get("promote", 0), lapsed_members=tier_kinds.get("lapse", 0),
                members_by_tier=tuple((t, tiers_at_end.get(t, 0)) for t in TIER_ORDER)),
            points=PointsFigures(opening, movement_rows, opening + sum(movements.values()),
                                 self.setting("points.per_yuan_redeemed")),
            key=KeyFigures(repurchase=Rate(len(month_customers & earlier), len(month_customers)),
                           referral=Rate(referred, len(new_customers))))


def _methods(payments, refunds) -> tuple[MethodFigures, ...]:
    received = dict(payments)
    refunded: dict[str, int] = defaultdict(int)
    for _, _, amount, method in refunds:
        refunded[method] += amount
    used = [m for m in METHODS if m in received or m in refunded]
    used += sorted((set(received) | set(refunded)) - set(METHODS))
    return tuple(MethodFigures(m, received.get(m, 0), refunded.get(m, 0)) for m in used)


def _day_of(at) -> date:
    return date.fromisoformat(str(at)[:10])


def _days(start: date, end: date, completed, refunds) -> tuple[DayFigures, ...]:
    count: dict[date, int] = defaultdict(int)
    due: dict[date, int] = defaultdict(int)
    back: dict[date, int] = defaultdict(int)
    for s in completed:
        day = _day_of(s[1])
        count[day] += 1
        due[day] += s[8]
    for _, at, amount, _ in refunds:
        back[_day_of(at)] += amount
    out = []
    day = start
    while day < end:
        out.append(DayFigures(day, count[day], due[day], back[day]))
        day += timedelta(days=1)
    return tuple(out)


def _categories(lines, refund_lines) -> tuple[CategoryFigures, ...]:
    qty: dict[str, int] = defaultdict(int)
    listed: dict[str, int] = defaultdict(int)
    sold: dict[str, int] = defaultdict(int)
    back: dict[str, int] = defaultdict(int)
    for _, _, _, _, category, _, _, quantity, list_fen, paid, _ in lines:
        qty[category] += quantity
        listed[category] += list_fen
        sold[category] += paid
    for category, _, amount in refund_lines:
        back[category] += amount
    seen = set(qty) | set(back)
    order = [c for c in CATEGORY_ORDER if c in seen] + sorted(seen - set(CATEGORY_ORDER))
    return tuple(CategoryFigures(c, qty[c], listed[c], sold[c], back[c]) for c in order)


def _top_services(lines) -> tuple[ServiceFigures, ...]:
    qty: dict[str, int] = defaultdict(int)
    sold: dict[str, int] = defaultdict(int)
    names: dict[str, tuple[str, str]] = {}
    for _, kind, code, name, category, _, _, quantity, _, paid, _ in lines:
        if kind != "service":
            continue
        qty[code] += quantity
        sold[code] += paid
        names[code] = (name, category)
    ranked = sorted(qty, key=lambda c: (-sold[c], -qty[c], c))[:TOP_SERVICES]
    return tuple(ServiceFigures(c, names[c][0], names[c][1], qty[c], sold[c]) for c in ranked)


def _technicians(lines, refund_lines, staff_names: dict[int, str]) -> tuple[TechnicianFigures, ...]:
    services: dict[int | None, int] = defaultdict(int)
    sold: dict[int | None, int] = defaultdict(int)
    back: dict[int | None, int] = defaultdict(int)
    served: dict[int | None, set] = defaultdict(set)
    names: dict[int | None, str] = {}
    for _, kind, _, _, _, tech, tech_name, quantity, _, paid, customer in lines:
        if kind == "service":
            services[tech] += quantity
        sold[tech] += paid
        if customer is not None:
            served[tech].add(customer)
        if tech_name:
            names[tech] = tech_name
    for _, tech, amount in refund_lines:
        back[tech] += amount
    techs = set(sold) | set(back)

    def name(t: int | None) -> str:
        return "" if t is None else staff_names.get(t) or names.get(t) or f"#{t}"
    ranked = sorted(techs, key=lambda t: (t is None, -(sold[t] - back[t]), name(t)))
    return tuple(TechnicianFigures(t, name(t), services[t], len(served[t]), sold[t], back[t]) for t in ranked)
