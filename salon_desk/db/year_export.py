"""The year's books for the accountant: read month by month and handed to a sink (the workbook).

Each month is one read transaction of a few range reads on indexed times
(sale.created_at, refund.at); nothing of the year is held after its month is
written. The export is the owner's (``Perm.EXPORT``) and audited with the
year and how many sales it holds (SPEC §9); phone numbers are not exported.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any, Callable

from ..progress import Report
from ..roles import Perm
from ..year_export import (
    ERASED, MONTHS, REFUND, SALE, SALE_VOIDED, VOID, WALK_IN, ExportCancelled, LineRow, MoneyRow, MonthTotals,
    Tenders, TopUpRow, YearExport, YearHeader, YearMonth, YearSink, check_year, progress_text, totals_of,
)
from .context import Actor, ShopContext
from .ledger_checkpoints import stamp
from .monthly_figures import month_range
from .permissions import requires
from .rows import as_datetime, as_dict, as_dicts, day_of

Row = dict[str, Any]


def _customer(row: Row) -> str:
    if row["customer_id"] is None:
        return WALK_IN
    if row["anonymised"]:
        return ERASED
    return str(row["customer_name"] or "")


class YearExportService:
    """A calendar year of sales, refunds, voids, lines and card top-ups, for the owner's accountant."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.EXPORT)
    def years(self, actor: Actor) -> tuple[int, ...]:
        """The years the shop has sales in, newest first."""
        first, last = self._first_last()
        if first is None or last is None:
            return ()
        found = []
        for year in range(last.year, first.year - 1, -1):
            lo, hi = stamp(date(year, 1, 1)), stamp(date(year + 1, 1, 1))
            if self.ctx.execute(self.ctx.sql.YEAR_HAS_SALES, (lo, hi)).fetchone()[0]:
                found.append(year)
        return tuple(found)

    @requires(Perm.EXPORT)
    def export(self, actor: Actor, year: int, sink: YearSink, report: Report | None = None,
               cancelled: Callable[[], bool] | None = None) -> YearExport:
        """Write ``year`` month by month into ``sink``; ``report(done, total, text)`` after each month,
        ``cancelled()`` asked before each. A cancelled export (``year_export.cancelled``, or whatever
        ``report`` raises) or a failed one leaves no file and no audit entry."""
        first, _last = self._first_last()
        year = check_year(year, self.ctx.today(), first.date() if first else None)
        today = self.ctx.today()
        last_day = date(year, 12, 31) if year < today.year else today
        sink.begin(YearHeader(self.ctx.setting("shop.name"), year, self.ctx.now(), last_day))
        totals = MonthTotals()
        counts: dict[str, int] = defaultdict(int)
        try:
            for month in range(1, MONTHS + 1):
                if cancelled is not None and cancelled():
                    raise ExportCancelled("year_export.cancelled", year=year)
                data = self._month(year, month)
                sink.month(data)
                totals = totals + data.totals
                sales = sum(1 for r in data.money_rows if r.kind in (SALE, SALE_VOIDED))
                counts["sales"] += sales
                counts["lines"] += len(data.lines)
                counts["topups"] += len(data.topups)
                if report is not None:
                    report(month, MONTHS, progress_text(data.label, sales))
            if cancelled is not None and cancelled():
                raise ExportCancelled("year_export.cancelled", year=year)
            path = sink.finish(totals)
        except BaseException:
            sink.discard()
            raise
        done = YearExport(year, path, counts["sales"], totals.refunds, totals.voids, counts["lines"],
                          counts["topups"], totals)
        with self.ctx.db.atomic():
            self.ctx.audit(actor, "year_exported", target=f"year:{year}", year=year, sales=done.sales,
                           refunds=done.refunds, voids=done.voids, topups=done.topups, path=str(path),
                           format="xlsx", phones="none")
        return done

    # -- reading ------------------------------------------------------------
    def _first_last(self) -> tuple[datetime | None, datetime | None]:
        row = as_dict(self.ctx.execute(self.ctx.sql.YEAR_FIRST_SALE))
        if row is None or row["first_at"] is None:
            return None, None
        return as_datetime(row["first_at"]), as_datetime(row["last_at"])

    def _month(self, year: int, month: int) -> YearMonth:
        """One month's rows (called by :meth:`export`, which has checked the permission)."""
        start, end = month_range(year, month)      # the monthly report's months, refused alike
        lo, hi = stamp(start), stamp(end)
        q, sql = self.ctx.sql, self.ctx.execute
        with self.ctx.db.atomic():      # one consistent snapshot of the month
            sales = as_dicts(sql(q.YEAR_MONTH_SALES, (lo, hi)))
            payments = as_dicts(sql(q.YEAR_MONTH_PAYMENTS, (lo, hi)))
            lines = as_dicts(sql(q.YEAR_MONTH_LINES, (lo, hi)))
            refunds = as_dicts(sql(q.YEAR_MONTH_REFUNDS, (lo, hi)))
            refund_techs = as_dicts(sql(q.YEAR_MONTH_REFUND_TECHNICIANS, (lo, hi)))
            refund_payments = as_dicts(sql(q.YEAR_MONTH_REFUND_PAYMENTS, (lo, hi)))
            to_card = {r["refund_id"]: r["to_card_fen"] for r in as_dicts(sql(q.YEAR_MONTH_REFUNDS_TO_CARD, (lo, hi)))}
            topups = as_dicts(sql(q.YEAR_MONTH_TOPUPS, (lo, hi)))
            packages = as_dict(sql(q.YEAR_MONTH_PACKAGES_SOLD, (lo, hi))) or {"sold": 0, "paid_fen": 0}
        paid: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for p in payments:
            paid[p["sale_id"]].append((p["method"], p["amount_fen"]))
        techs: dict[int, list[str]] = defaultdict(list)
        for line in lines:
            name = line["technician_name"]
            if name and name not in techs[line["sale_id"]]:
                techs[line["sale_id"]].append(name)
        money_rows: list[MoneyRow] = []
        sale_rows: dict[int, MoneyRow] = {}
        for s in sales:
            row = MoneyRow(
                as_datetime(s["created_at"]), s["receipt_no"], SALE if s["status"] == "completed" else SALE_VOIDED,
                _customer(s), s["member_number"], "、".join(techs[s["id"]]), s["list_total_fen"],
                s["member_discount_fen"], s["birthday_discount_fen"], s["points_discount_fen"], s["amount_due_fen"],
                Tenders.of(paid[s["id"]]), s["points_earned"], s["points_redeemed"],
                "当日作废" if s["status"] != "completed" else "")
            sale_rows[s["id"]] = row
            money_rows.append(row)
        money_rows.extend(self._refund_rows(refunds, refund_techs, refund_payments, to_card, sale_rows))
        money_rows.sort(key=lambda r: (r.at, r.kind != SALE and r.kind != SALE_VOIDED))
        line_rows = tuple(_line_row(line) for line in lines)
        topup_rows = tuple(TopUpRow(
            as_datetime(t["created_at"]), t["receipt_no"], ERASED if t["anonymised"] else str(t["customer_name"] or ""),
            t["member_number"], str(t["card_no"] or ""), t["method"], t["pay_fen"], t["bonus_fen"],
            str(t["staff_name"] or "")) for t in topups)
        totals = totals_of(money_rows, topup_rows, (packages["sold"], packages["paid_fen"]))
        return YearMonth(year, month, totals, tuple(money_rows), line_rows, topup_rows)

    def _refund_rows(self, refunds: list[Row], refund_techs: list[Row], refund_payments: list[Row],
                     to_card: dict[int, int], sale_rows: dict[int, MoneyRow]) -> list[MoneyRow]:
        techs: dict[int, list[str]] = defaultdict(list)
        for t in refund_techs:
            techs[t["refund_id"]].append(t["technician_name"])
        back: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for p in refund_payments:
            back[p["refund_id"]].append((p["method"], p["amount_fen"]))
        rows = []
        for r in refunds:
            sale = sale_rows.get(r["sale_id"])
            if r["kind"] == "void" and sale is not None:
                # a void takes back the whole sale of the same day: the sale's row, negated
                rows.append(MoneyRow(
                    as_datetime(r["at"]), sale.receipt_no, VOID, sale.customer, sale.member_number, sale.technicians,
                    -sale.list_fen, -sale.member_discount_fen, -sale.birthday_discount_fen, -sale.points_discount_fen,
                    -sale.amount_due_fen, sale.tenders.negated(), -sale.points_earned, -sale.points_used,
                    f"作废 {sale.at:%Y-%m-%d %H:%M} 的销售"))
                continue
            amount = r["amount_fen"]
            if back[r["id"]]:
                tenders = Tenders.of(back[r["id"]])
            else:           # a refund of before version 11: the card's part, the rest on its method
                card = min(to_card.get(r["id"], 0), amount)
                tenders = Tenders.of([("stored_value", card), (r["method"], amount - card)])
            points_share = r["points_share_fen"]
            rows.append(MoneyRow(
                as_datetime(r["at"]), r["receipt_no"], REFUND if r["kind"] == "refund" else VOID, _customer(r),
                r["member_number"], "、".join(sorted(techs[r["id"]])), -r["list_fen"], -r["member_discount_fen"],
                -r["birthday_discount_fen"], -points_share, -amount, tenders.negated(), r["points_taken_back"],
                -r["points_returned"], f"原销售 {day_of(r['sale_at']).isoformat()}"))
        return rows


def _line_row(line: Row) -> LineRow:
    if line["status"] != "completed":
        status = "已作废"
    elif line["refunded_at"] is not None:
        status = f"已退款 {day_of(line['refunded_at']).isoformat()}"
    else:
        status = SALE
    return LineRow(
        as_datetime(line["created_at"]), line["receipt_no"], status, line["kind"], line["code"], line["name"],
        line["category"], str(line["technician_name"] or ""), bool(line["designated"]), line["quantity"],
        line["unit_price_fen"], line["list_amount_fen"], line["member_discount_fen"], line["birthday_discount_fen"],
        line["amount_fen"], line["points_share_fen"], line["amount_fen"] - line["points_share_fen"])

