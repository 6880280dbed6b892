"""The owner's 报表 page: the month's figures on screen equal the PDF's and the exports'; cashiers have none."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from salon_desk.reports.figure_rows import all_sections
from salon_desk.tenders import Tender
from salon_desk.ui import printing, reports_page
from salon_desk.ui.report_models import FigureTableModel
from salon_desk.ui.reports_page import ReportsPage, periods
from salon_desk.ui.table_base import RecordRole

from ui_helpers import pdf_text


@pytest.fixture
def november(shop, clock, owner, cashier, tech, tech2, items, new_member, new_customer, sell, owner_ok):
    """A few days of November 2026; then the clock moves to 3 December (last full month: November).

    Returns the net received the test works out from the receipts themselves.
    """
    zhang = new_member("张三", "13800000001", tier="gold", points=1000)
    li = new_customer("李四", "13800000002")
    sales = [sell(zhang.id, services=[items.cut, items.care], points=300)]          # 11-22
    clock.set(2026, 11, 23, 16, 0)
    visit = shop.visits.check_in(cashier, None)                                             # a walk-in, cash
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech2.id)
    sales.append(shop.sales.checkout(cashier, visit.id, [Tender("cash", 10000)]))
    clock.set(2026, 11, 25, 11, 0)
    sales.append(sell(li.id, services=[items.dye], products=[(items.serum, 1)]))
    clock.set(2026, 11, 26, 10, 0)
    serum = [line for line in sales[-1].lines if line.kind == "product"][0]
    refund = shop.sales.refund(owner, sales[-1].sale_id, [serum.sale_line_id], reason="过敏", **owner_ok)
    clock.set(2026, 11, 28, 15, 0)
    voided = sell(zhang.id, services=[items.wcb])
    shop.sales.void(owner, voided.sale_id, reason="重复收款", **owner_ok)
    clock.set(2026, 12, 3, 9, 0)
    sell(li.id, services=[items.cut])                                                # December: not counted
    refunded = sum(r.amount_fen for r in refund.refunds if r.kind == "refund")
    return sum(s.amount_due_fen for s in sales) - refunded


@pytest.fixture
def saved_to(monkeypatch, tmp_path):
    """The save dialogs answer a file in tmp_path with the suggested name."""
    monkeypatch.setattr(reports_page.ReportFile, "ask",
                        classmethod(lambda cls, parent, title, name, file_filter: tmp_path / name))
    return tmp_path


def open_reports(make_window, owner) -> ReportsPage:
    window = make_window(owner)
    page = window.pages["reports"]
    assert page.figures is None, "nothing is worked out before the page is shown"
    window.tabs.setCurrentWidget(page)
    return page


def yuan(fen: int, sign: str = "￥") -> str:
    """As the PDF prints money (the full-width ￥); the window shows ¥."""
    return f"{sign}{fen // 100:,}.{fen % 100:02d}"


def test_the_window_the_pdf_and_the_xlsx_show_the_same_net_received(make_window, owner, november, saved_to):
    page = open_reports(make_window, owner)
    assert page.period.currentText() == "2026年11月"              # the last full month by default
    f = page.figures
    assert (f.year, f.month) == (2026, 11)
    assert f.revenue.net_fen == november

    assert page.kpi_values["net"].text() == yuan(november, "¥")
    assert page.sections.currentItem().text() == "营业收入"
    [row] = [r for r in range(page.model.rowCount()) if page.model.index(r, 0).data() == "实收净额"]
    assert page.model.index(row, 1).data() == yuan(november, "¥")

    pdf = page.save("pdf")
    assert pdf == saved_to / "月度经营报表-2026-11.pdf"
    printed = pdf_text(pdf.read_bytes()).split()
    assert "实收净额" in printed and yuan(november) in printed
    assert page.status.text() == f"已保存到 {pdf}"

    xlsx = page.save("xlsx")
    sheet = load_workbook(xlsx)["营业收入"]
    cells = {r[0]: r[1] for r in sheet.iter_rows(min_row=5, values_only=True)}
    assert Decimal(str(cells["实收净额"])) == Decimal(november) / 100

    text = page.save("csv").read_bytes().decode("utf-8-sig")
    [line] = [r for r in csv.reader(io.StringIO(text)) if r[:2] == ["营业收入", "实收净额"]]
    assert line[2] == f"{november // 100}.{november % 100:02d}"
    saved = [e.details["format"] for e in page.ops.shop.audit.entries(owner) if e.action == "report_exported"]
    assert sorted(saved) == ["csv", "pdf", "xlsx"], "every saved copy of the figures is in the audit log"


def test_every_section_is_shown_as_printed(make_window, owner, november):
    page = open_reports(make_window, owner)
    titles = [page.sections.item(i).text() for i in range(page.sections.count())]
    assert titles == [s.title for s in all_sections(page.figures)]
    page.sections.setCurrentRow(titles.index("收款方式"))
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())]
    assert headers == ["收款方式", "收款", "退款", "净额"]
    total = page.model.record(page.model.rowCount() - 1)
    assert total.total and total.values[0].text() == "合计" and total.values[3].raw == november
    assert page.model.index(page.model.rowCount() - 1, 3).data() == yuan(november, "¥")
    assert page.model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_another_month_and_today(make_window, owner, november):
    page = open_reports(make_window, owner)
    page.period.setCurrentIndex(page.period.findText("2026年12月（本月至今）"))
    assert (page.figures.year, page.figures.month) == (2026, 12) and page.figures.revenue.receipts == 1
    page.period.setCurrentIndex(0)
    assert page.period.currentText() == "今天（2026-12-03）"
    assert page.figures.title == "2026年12月3日" and page.figures.revenue.receipts == 1


def test_a_sale_refreshes_the_page(make_window, owner, shop, cashier, items, november, sell):
    page = open_reports(make_window, owner)
    page.period.setCurrentIndex(0)                                   # today
    page.ops.run(page, lambda: sell(None, services=[items.wcb]), changes={"sales"})
    assert page.figures.revenue.receipts == 2


def test_preview_and_print(make_window, owner, november, previews, monkeypatch, tmp_path):
    page = open_reports(make_window, owner)
    page.buttons["preview"].click()
    [(data, name)] = previews
    assert name == "月度经营报表-2026-11.pdf" and "月度经营报表" in pdf_text(data)
    out = tmp_path / "printed.pdf"

    def to_file(cls, parent, printer) -> bool:
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True
    monkeypatch.setattr(printing.PrinterChoice, "ask", classmethod(to_file))
    page.buttons["print"].click()
    assert yuan(page.figures.revenue.net_fen) in pdf_text(out.read_bytes()).split()


def test_a_file_that_cannot_be_written_is_a_message(make_window, owner, november, monkeypatch, tmp_path):
    page = open_reports(make_window, owner)
    target = tmp_path / "no-such-folder" / "report.xlsx"
    monkeypatch.setattr(reports_page.ReportFile, "ask", classmethod(lambda cls, *a: target))
    assert page.save("xlsx") is None
    assert page.status.text().startswith(f"无法写入 {target}")
    monkeypatch.setattr(reports_page.ReportFile, "ask", classmethod(lambda cls, *a: None))
    assert page.save("csv") is None                                 # cancelled: nothing said


def test_cashier_has_no_reports_page(window, shop, cashier):
    assert "reports" not in window.pages
    assert not any(isinstance(window.tabs.widget(i), ReportsPage) for i in range(window.tabs.count()))


def test_month_list_goes_back_to_the_shops_first_month(shop):
    from datetime import date
    listed = periods(date(2026, 3, 10), date(2024, 11, 5))
    assert listed[0] == ("day", date(2026, 3, 10))
    assert listed[1] == ("month", (2026, 3)) and listed[2] == ("month", (2026, 2))
    assert listed[-1] == ("month", (2024, 11))
    assert periods(date(2026, 3, 10), date(2026, 3, 1))[-1] == ("month", (2025, 3))   # at least a year


@pytest.mark.parametrize("index", range(22))
def test_figure_model_passes_the_model_tester(qtmodeltester, shop, owner, november, index):
    sections = all_sections(shop.reports.month(owner, 2026, 11))
    assert len(sections) == 22          # ten of sales and customers, one of cards and packages, two of appointments, nine of care
    model = FigureTableModel()
    model.set_section(sections[index])
    qtmodeltester.check(model, force_py=True)
    model.set_section(None)
    model.set_section(sections[index])
    assert model.columnCount() == len(sections[index].headers)
    assert model.rowCount() == len(sections[index].rows) + (1 if sections[index].total else 0)
    if model.rowCount():
        assert model.index(0, 0).data(RecordRole).values == sections[index].rows[0]


def test_printed_category_names_are_the_catalogues(qapp):
    """A report row names the category as the owner sees it on the catalogue page (SPEC §5)."""
    from salon_desk.reports import labels as printed
    from salon_desk.ui import labels as window
    codes = ("hair", "beauty", "nails", "skin", "other", "product")
    assert [printed.category(c) for c in codes] == [window.category_name(c) for c in codes] == [
        "美发", "美容", "美甲", "护肤", "其他", "产品"]
