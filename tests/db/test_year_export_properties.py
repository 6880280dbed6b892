"""For random sales, refunds and voids: the 月度汇总 sheet's net received equals the sum of the 销售 sheet's
amounts, month by month and for the year, and its tender columns add up to it (read back from the XLSX)."""

from __future__ import annotations

import shutil
from datetime import datetime
from decimal import Decimal

from hypothesis import HealthCheck, given, settings, strategies as st
from openpyxl import load_workbook

from salon_desk.db import Shop
from salon_desk.db.customers import CustomerDetails
from salon_desk.reports.year_workbook import YearWorkbook
from salon_desk.tenders import Tender

OWNER, PASSWORD = {"owner_username": "boss"}, "secret123"     # the test shop's owner (tests/conftest.py)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, *args: int) -> None:
        self.now = datetime(*args)


SERVICES = ("cut", "care", "wcb", "dye", "promo")
sale = st.fixed_dictionaries({
    "month": st.integers(1, 3), "day": st.integers(1, 27),
    "services": st.lists(st.sampled_from(SERVICES), min_size=1, max_size=3),
    "serum": st.booleans(), "member": st.booleans(),
    "method": st.sampled_from(("cash", "wechat", "alipay", "card")),
    "fate": st.sampled_from(("kept", "kept", "void", "refund_one", "refund_all")),
})


def yuan(value) -> Decimal:
    return Decimal(str(value or 0)).quantize(Decimal("0.01"))


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sales=st.lists(sale, min_size=1, max_size=6))
def test_monthly_net_equals_the_sum_of_the_sales_sheet(sales, template_shop, tmp_path_factory):
    folder = tmp_path_factory.mktemp("year")
    path = folder / "shop.sqlite"
    shutil.copyfile(template_shop[0], path)
    ids = template_shop[1]
    clock = Clock(datetime(2027, 1, 1, 9, 0))
    with Shop.open(path, clock=clock, backup_dir=folder / "backups") as shop:
        owner = shop.staff.login(OWNER["owner_username"], PASSWORD)
        member = shop.customers.register(owner, CustomerDetails(name="李四", phone="13900001111"),
                                         consent_keep_file=True)
        shop.members.enrol(owner, member.id, consent=True)
        for n, s in enumerate(sorted(sales, key=lambda s: (s["month"], s["day"]))):
            clock.set(2027, s["month"], s["day"], 10, n)
            visit = shop.visits.check_in(owner, member.id if s["member"] else None)
            for code in s["services"]:
                shop.visits.add_service(owner, visit.id, ids[code], ids["tech"])
            if s["serum"]:
                shop.visits.add_product(owner, visit.id, ids["serum"], 1)
            due = shop.sales.quote(owner, visit.id).priced.amount_due_fen
            receipt = shop.sales.checkout(owner, visit.id, [Tender(s["method"], due)])
            grant = shop.staff.authorise_owner(owner, OWNER["owner_username"], PASSWORD)
            if s["fate"] == "void":
                shop.sales.void(owner, receipt.sale_id, grant=grant, reason="录错")
            elif s["fate"] != "kept":
                clock.set(2027, s["month"], s["day"], 18, n)
                lines = [l.sale_line_id for l in shop.sales.receipt(owner, receipt.sale_id).lines]
                shop.sales.refund(owner, receipt.sale_id, lines[:1] if s["fate"] == "refund_one" else None,
                                  grant=grant, reason="不满意")
        clock.set(2027, 4, 2, 9, 0)
        target = folder / "2027.xlsx"
        shop.year_export.export(owner, 2027, YearWorkbook(target))
    wb = load_workbook(target)
    months = list(wb["月度汇总"].iter_rows(min_row=5, max_row=16, values_only=True))
    year_row = next(wb["月度汇总"].iter_rows(min_row=17, max_row=17, values_only=True))
    rows = list(wb["销售"].iter_rows(min_row=5, values_only=True))[:-1]
    for month in months:
        label = month[0]
        in_month = [r for r in rows if r[0].strftime("%Y-%m") == label]
        assert yuan(month[9]) == sum((yuan(r[10]) for r in in_month), Decimal("0.00"))
        assert yuan(month[9]) == sum((yuan(v) for v in month[12:18]), Decimal("0.00"))
    assert yuan(year_row[9]) == sum((yuan(r[10]) for r in rows), Decimal("0.00"))
    assert yuan(year_row[9]) == sum((yuan(m[9]) for m in months), Decimal("0.00"))
    assert year_row[1] == sum(1 for s in sales if s["fate"] != "void")
