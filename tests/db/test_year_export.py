"""The year's books for the accountant: a small shop's year (tests/year_books.py) read back from the
workbook, cell by cell, with the totals worked out by hand."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from salon_desk.errors import InvalidInput, PermissionDenied
from salon_desk.reports.year_workbook import YearWorkbook
from salon_desk.year_export import ExportCancelled
from year_books import checkout, fill_year


@pytest.fixture
def year_shop(shop, clock, owner, cashier, tech, items, new_member, owner_ok):
    return fill_year(shop, clock, owner, cashier, tech, items, new_member, owner_ok)


@pytest.fixture
def out(tmp_path):
    """The folder the workbooks are saved to (the shop file is elsewhere)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def read(path):
    """Each sheet's rows below the headings (row 4), as values."""
    wb = load_workbook(path)
    return {ws.title: [row for row in ws.iter_rows(min_row=5, values_only=True)] for ws in wb.worksheets}, wb


Y = Decimal   # amounts read back are compared as exact yuan


def yuan(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def test_the_months_of_the_year_worked_out_by_hand(year_shop, owner, out):
    done = year_shop.year_export.export(owner, 2026, YearWorkbook(out / "2026.xlsx"))
    sheets, wb = read(out / "2026.xlsx")
    assert wb.sheetnames == ["月度汇总", "销售", "明细", "储值卡充值"]
    summary = wb["月度汇总"]
    assert [c.value for c in summary[4]][:12] == ["月份", "小票数", "标价合计", "会员折扣", "生日优惠", "积分抵扣",
                                                  "应收合计", "退款笔数", "退款金额", "实收净额", "作废笔数", "作废金额"]
    rows = sheets["月度汇总"]
    assert [r[0] for r in rows] == [f"2026-{m:02d}" for m in range(1, 13)] + ["全年合计"]
    assert all(v == 0 for r in rows[:10] for v in r[1:])          # January to October: nothing
    nov, dec, year = rows[10], rows[11], rows[12]
    # November: two sales (¥268 - ¥26.80 member = ¥241.20 WeChat; ¥68 + ¥129 = ¥197 cash), one void (¥128)
    assert nov[1] == 2 and [yuan(v) for v in nov[2:7]] == [Y("465.00"), Y("26.80"), Y("0.00"), Y("0.00"), Y("438.20")]
    assert (nov[7], yuan(nov[8]), yuan(nov[9]), nov[10], yuan(nov[11])) == (0, Y("0.00"), Y("438.20"), 1, Y("128.00"))
    assert [yuan(v) for v in nov[12:18]] == [Y("197.00"), Y("241.20"), 0, 0, 0, 0]   # cash, WeChat; the void nets out
    # December: ¥388 - ¥38.80 = ¥349.20 WeChat; ¥129 refunded in cash; ¥1,000 top-up with ¥100 bonus
    assert dec[1] == 1 and yuan(dec[6]) == Y("349.20") and dec[7] == 1 and yuan(dec[8]) == Y("129.00")
    assert yuan(dec[9]) == Y("220.20")
    assert [yuan(v) for v in dec[12:14]] == [Y("-129.00"), Y("349.20")]
    assert (dec[18], yuan(dec[19]), yuan(dec[20])) == (1, Y("1000.00"), Y("100.00"))
    # the year: 3 receipts, ¥787.40 due, ¥129 refunded, ¥658.40 net = ¥68 cash + ¥590.40 WeChat
    assert (year[1], yuan(year[6]), yuan(year[9])) == (3, Y("787.40"), Y("658.40"))
    assert [yuan(v) for v in year[12:14]] == [Y("68.00"), Y("590.40")]
    assert summary["J17"].number_format == summary["C15"].number_format == '"￥"#,##0.00;-"￥"#,##0.00'
    assert summary["J17"].font.bold
    assert done.sales == 4 and done.refunds == 1 and done.voids == 1 and done.topups == 1


def test_one_row_per_sale_refund_and_void(year_shop, owner, out):
    year_shop.year_export.export(owner, 2026, YearWorkbook(out / "2026.xlsx"))
    sheets, wb = read(out / "2026.xlsx")
    sales = sheets["销售"]
    assert [(r[0], r[1], r[2], r[3], r[4], yuan(r[10])) for r in sales[:-1]] == [
        (datetime(2026, 11, 22, 10, 30), "20261122-0001", "销售", "张三", 1, Y("241.20")),
        (datetime(2026, 11, 22, 11, 0), "20261122-0002", "销售", "散客", None, Y("197.00")),
        (datetime(2026, 11, 22, 12, 0), "20261122-0003", "销售（已作废）", "散客", None, Y("128.00")),
        (datetime(2026, 11, 22, 12, 10), "20261122-0003", "作废", "散客", None, Y("-128.00")),
        (datetime(2026, 12, 5, 15, 0), "20261205-0001", "销售", "张三", 1, Y("349.20")),
        (datetime(2026, 12, 6, 9, 30), "20261122-0002", "退款", "散客", None, Y("-129.00")),
    ]
    first = sales[0]
    assert first[5] == "王师傅" and [yuan(v) for v in first[6:10]] == [Y("268.00"), Y("26.80"), 0, 0]
    assert yuan(first[12]) == Y("241.20") and first[17:19] == (241, 0)        # WeChat; 241 points earned
    assert sales[5][19] == "原销售 2026-11-22" and yuan(sales[5][11]) == Y("-129.00")   # cash back
    total = sales[-1]
    assert total[0] == "合计" and yuan(total[10]) == Y("658.40")               # = the year's net received
    assert wb["销售"]["K5"].number_format == '"￥"#,##0.00;-"￥"#,##0.00'
    assert wb["销售"]["A5"].number_format == "yyyy-mm-dd hh:mm"
    assert not any("138" in str(v) for r in sales for v in r)                   # no phone numbers

    lines = sheets["明细"]
    assert [(r[1], r[2], r[5], r[9], yuan(r[16])) for r in lines[:-1]] == [
        ("20261122-0001", "销售", "精剪", 1, Y("241.20")),
        ("20261122-0002", "销售", "洗剪吹", 1, Y("68.00")),
        ("20261122-0002", "已退款 2026-12-06", "修护精华", 1, Y("129.00")),
        ("20261122-0003", "已作废", "洗护", 1, Y("128.00")),
        ("20261205-0001", "销售", "染发", 1, Y("349.20")),
    ]
    topups = sheets["储值卡充值"]
    assert topups[0][1:] == ("20261205-0002", "张三", 1, "80000001", "微信支付", 1000, 100, 1100, "小美")


def test_the_months_agree_with_the_monthly_report(year_shop, owner, out):
    sink = Collect()
    year_shop.year_export.export(owner, 2026, sink)
    for data in sink.months[10:]:
        figures = year_shop.reports.month(owner, 2026, data.month)
        r, t = figures.revenue, data.totals
        assert (t.receipts, t.list_fen, t.member_discount_fen, t.amount_due_fen, t.refunds_fen, t.voids_fen,
                t.net_fen) == (r.receipts, r.list_total_fen, r.member_discount_fen, r.amount_due_fen, r.refunds_fen,
                               r.voids_fen, r.net_fen)
        by_method = {m.method: m.net_fen for m in figures.methods}
        assert {m: a for m, a in zip(("cash", "wechat", "alipay", "card", "stored_value", "other"),
                                     t.tenders.amounts) if a} == {m: a for m, a in by_method.items() if a}
        assert (t.topups, t.topup_paid_fen) == (figures.prepaid.topups, figures.prepaid.topup_principal_fen)


class Collect:
    """A sink that keeps the months (what the workbook is given)."""

    def __init__(self, stop_after: int | None = None):
        self.months, self.finished, self.discarded = [], False, False

    def begin(self, header):
        self.header = header

    def month(self, data):
        self.months.append(data)

    def finish(self, totals):
        self.finished = True
        return None

    def discard(self):
        self.discarded = True


def audit_actions(shop, owner):
    return [e for e in shop.audit.entries(owner) if e.action == "year_exported"]


def test_the_export_is_audited_with_the_year_and_its_sales(year_shop, owner, out):
    year_shop.year_export.export(owner, 2026, YearWorkbook(out / "2026.xlsx"))
    [entry] = audit_actions(year_shop, owner)
    assert entry.staff_name == "老板" and entry.target == "year:2026"
    assert (entry.details["year"], entry.details["sales"], entry.details["phones"]) == (2026, 4, "none")
    assert entry.details["path"] == str(out / "2026.xlsx")


def test_progress_after_each_month_and_cancel_between_months(year_shop, owner, out):
    steps = []
    year_shop.year_export.export(owner, 2026, YearWorkbook(out / "a.xlsx"),
                                 report=lambda done, total, text: steps.append((done, total, text)))
    assert [s[:2] for s in steps] == [(m, 12) for m in range(1, 13)]
    assert steps[10][2] == "2026-11：3 笔" and steps[0][2] == "2026-01：0 笔"

    target = out / "b.xlsx"
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 11          # the person cancels while December is being read
    with pytest.raises(ExportCancelled) as caught:
        year_shop.year_export.export(owner, 2026, YearWorkbook(target), cancelled=cancelled)
    assert caught.value.code == "year_export.cancelled"
    assert sorted(p.name for p in out.iterdir()) == ["a.xlsx"]        # nothing of b, not even partial
    assert len(audit_actions(year_shop, owner)) == 1                       # only the finished one


def test_a_cancel_raised_by_the_progress_leaves_nothing(year_shop, owner, out):
    class Stop(Exception):
        pass

    def report(done, total, text):
        if done == 6:
            raise Stop()
    with pytest.raises(Stop):
        year_shop.year_export.export(owner, 2026, YearWorkbook(out / "c.xlsx"), report=report)
    assert list(out.iterdir()) == [] and audit_actions(year_shop, owner) == []


def test_a_cashier_may_not_export_the_year(year_shop, cashier, owner, out):
    with pytest.raises(PermissionDenied):
        year_shop.year_export.export(cashier, 2026, YearWorkbook(out / "x.xlsx"))
    with pytest.raises(PermissionDenied):
        year_shop.year_export.years(cashier)
    assert list(out.iterdir()) == [] and audit_actions(year_shop, owner) == []


def test_years_in_the_future_or_before_the_first_sale_are_refused(year_shop, owner, out):
    with pytest.raises(InvalidInput) as future:
        year_shop.year_export.export(owner, 2028, YearWorkbook(out / "x.xlsx"))
    assert future.value.code == "year_export.future" and future.value.params["this_year"] == 2027
    with pytest.raises(InvalidInput) as early:
        year_shop.year_export.export(owner, 2025, YearWorkbook(out / "x.xlsx"))
    assert early.value.code == "year_export.before_first_sale" and early.value.params["first_year"] == 2026
    assert list(out.iterdir()) == []


def test_a_year_without_sales_has_the_headings_and_zero_totals(year_shop, owner, out):
    year_shop.year_export.export(owner, 2027, YearWorkbook(out / "2027.xlsx"))   # the year under way
    sheets, wb = read(out / "2027.xlsx")
    assert len(sheets["月度汇总"]) == 13 and sheets["月度汇总"][-1][0] == "全年合计"
    assert all(v == 0 for r in sheets["月度汇总"] for v in r[1:])
    assert [c.value for c in wb["销售"][4]][:3] == ["日期时间", "小票号", "类型"]
    assert sheets["销售"] == [("合计", None, None, None, None, None, *([0] * 11), 0, 0, None)]
    assert "至 2027-01-03" in wb["月度汇总"]["A2"].value


def test_the_years_with_sales_newest_first(year_shop, owner, cashier, tech, items):
    assert year_shop.year_export.years(owner) == (2026,)
    checkout(year_shop, cashier, None, [items.wcb], tech)          # 2027-01-03
    assert year_shop.year_export.years(owner) == (2027, 2026)


def test_a_folder_that_cannot_be_written_is_refused_before_reading(year_shop, owner, out):
    with pytest.raises(InvalidInput) as caught:
        year_shop.year_export.export(owner, 2026, YearWorkbook(out / "no-such-folder" / "y.xlsx"))
    assert caught.value.code == "file.unwritable"
    assert audit_actions(year_shop, owner) == []


def test_a_refund_made_the_next_year_is_in_that_years_books(year_shop, owner, owner_ok, out):
    dye = [r for r in year_shop.sales.of_customer(owner, year_shop.customers.find(owner, "13812345678")[0].id)
           if r.receipt_no == "20261205-0001"][0]
    year_shop.sales.refund(owner, dye.sale_id, reason="颜色不满意", method="wechat", **owner_ok)   # 2027-01-03
    year_shop.year_export.export(owner, 2027, YearWorkbook(out / "2027.xlsx"))
    year_shop.year_export.export(owner, 2026, YearWorkbook(out / "2026.xlsx"))
    new, _ = read(out / "2027.xlsx")
    [refund, total] = new["销售"]
    assert refund[1:4] == ("20261205-0001", "退款", "张三") and yuan(refund[10]) == Y("-349.20")
    assert refund[19] == "原销售 2026-12-05" and refund[17:19] == (-349, 0)      # the points earned taken back
    jan = new["月度汇总"][0]
    assert (jan[1], jan[7], yuan(jan[8]), yuan(jan[9]), yuan(jan[13])) == (0, 1, Y("349.20"), Y("-349.20"),
                                                                             Y("-349.20"))
    old, _ = read(out / "2026.xlsx")
    assert [r[2] for r in old["明细"] if r[5] == "染发"] == ["已退款 2027-01-03"]
    assert yuan(old["月度汇总"][-1][9]) == Y("658.40")                              # 2026's books unchanged


def test_an_erased_customer_is_named_as_erased(year_shop, owner, out):
    zhang = year_shop.customers.find(owner, "13812345678")[0]
    year_shop.customers.anonymise(owner, zhang.id)
    year_shop.year_export.export(owner, 2026, YearWorkbook(out / "2026.xlsx"))
    sheets, _ = read(out / "2026.xlsx")
    assert [r[3] for r in sheets["销售"][:-1]] == ["（已注销）", "散客", "散客", "散客", "（已注销）", "散客"]
    assert sheets["储值卡充值"][0][2] == "（已注销）"
    assert not any("张三" in str(v) for sheet in sheets.values() for r in sheet for v in r)
