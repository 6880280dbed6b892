"""Printing a PDF through Qt: page size kept, pages rendered on white, with a PDF-format QPrinter.

``paint_pdf`` is what a real printer gets (pages painted); ``print_pdf`` to a
PDF file writes the document itself, text intact.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # before Qt is imported

import pytest  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtPrintSupport import QPrinter  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402

from salon_desk.reports.monthly import render_monthly_report  # noqa: E402
from salon_desk.reports.receipt import render_receipt  # noqa: E402
from salon_desk.ui.printing import PrintPreviewDialog, load_pdf, paint_pdf, print_pdf, render_page  # noqa: E402

from pdf_helpers import pdf_pages, pdf_text  # noqa: E402


@pytest.fixture
def receipt_pdf(shop, new_member, sell, items):
    customer = new_member("张三", "13812345678", tier="gold")
    return render_receipt(sell(customer.id, services=[items.cut, items.care]))


def pdf_printer(path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(203)                       # a thermal printer's dots per inch
    return printer


def test_rendered_page_is_opaque_white_with_black_text(qapp, receipt_pdf):
    document = load_pdf(receipt_pdf)
    image = render_page(document, 0, 203)
    assert abs(image.width() - round(80 / 25.4 * 203)) <= 1   # 80 mm at 203 dpi, give or take a rounding
    assert not image.hasAlphaChannel()
    assert QColor(image.pixel(1, 1)) == QColor("white")
    dark = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3)
               if QColor(image.pixel(x, y)).lightness() < 100)
    assert dark > 200, "the text is printed"
    assert dark < image.width() * image.height() / 9 / 4, "not a black page"


def test_receipt_prints_on_a_page_of_its_own_size(qapp, receipt_pdf, tmp_path):
    out = tmp_path / "printed.pdf"
    assert paint_pdf(receipt_pdf, pdf_printer(out)) == 1
    printed, source = pdf_pages(out.read_bytes())[0], pdf_pages(receipt_pdf)[0]
    assert float(printed.mediabox.width) == pytest.approx(80 * mm, abs=1.5)
    assert float(printed.mediabox.height) == pytest.approx(float(source.mediabox.height), abs=1.5)


def test_a4_report_prints_every_page(qapp, month_shop, shop, owner, tmp_path):
    data = render_monthly_report(shop.reports.month(owner, 2026, 12))
    out = tmp_path / "report.pdf"
    assert paint_pdf(data, pdf_printer(out)) == len(pdf_pages(data))
    assert len(pdf_pages(out.read_bytes())) == len(pdf_pages(data))


def test_printing_to_a_pdf_file_keeps_the_document_and_its_text(qapp, receipt_pdf, tmp_path):
    out = tmp_path / "printed.pdf"
    assert print_pdf(receipt_pdf, pdf_printer(out)) == 1
    assert out.read_bytes() == receipt_pdf
    assert "收银小票" in pdf_text(out.read_bytes())


def test_preview_dialog_prints_and_saves(qtbot, receipt_pdf, tmp_path, monkeypatch):
    dialog = PrintPreviewDialog(receipt_pdf, "小票", "r.pdf")
    qtbot.addWidget(dialog)
    assert dialog.page_count == 1
    monkeypatch.setattr(dialog, "ask_file_name", lambda: str(tmp_path / "saved.pdf"))
    assert dialog.save_as() == tmp_path / "saved.pdf"
    assert (tmp_path / "saved.pdf").read_bytes() == receipt_pdf
    out = tmp_path / "printed.pdf"

    def choose(printer):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True
    monkeypatch.setattr(dialog, "choose_printer", choose)
    assert dialog.print_with_dialog() and out.exists()


def test_not_a_pdf_is_refused(qapp):
    with pytest.raises(ValueError):
        load_pdf(b"hello")


# -- receipts go to the printer as text and lines, painted from the receipt's own rows ----------
@pytest.fixture
def receipt_record(shop, new_member, sell, items):
    customer = new_member("张三", "13812345678", tier="gold")
    return sell(customer.id, services=[items.cut, items.care])


def page_images(page) -> list:
    """The pictures a page draws (a rasterised receipt would be one)."""
    resources = page.get("/Resources") or {}
    xobjects = resources.get("/XObject") or {}
    return [name for name, ref in xobjects.items() if ref.get_object().get("/Subtype") == "/Image"]


@pytest.mark.parametrize("paper", ["80mm", "58mm"])
def test_a_receipt_reaches_the_printer_as_text_not_a_picture(qapp, receipt_record, tmp_path, paper):
    from salon_desk.reports.receipt import receipt_slip
    from salon_desk.reports.slip import PAPERS
    from salon_desk.ui.slip_painter import paint_slip
    out = tmp_path / "printed.pdf"
    printer = pdf_printer(out)
    assert paint_slip(receipt_slip(receipt_record, paper), printer, receipt_record.receipt_no) == 1
    data = out.read_bytes()
    text = pdf_text(data)
    for words in ("收银小票", receipt_record.receipt_no, "应付金额", "张三", "本小票为消费凭证",
                  f"￥{receipt_record.amount_due_fen / 100:,.2f}"):
        assert words in text
    assert text.count("应付金额") == 1 and text.count("收银小票") == 1, "bold rows are text once, not twice"
    [page] = pdf_pages(data)
    assert page_images(page) == [], "no picture of the page: the printer gets text and lines"
    assert len(data) < 50_000, f"a receipt is small ({len(data)} bytes)"
    assert float(page.mediabox.width) == pytest.approx(PAPERS[paper].width, abs=1.5)
    source = pdf_pages(render_receipt(receipt_record, paper))[0]
    assert float(page.mediabox.height) == pytest.approx(float(source.mediabox.height), abs=1.5)
    from pypdf import PdfReader
    import io
    assert PdfReader(io.BytesIO(data)).metadata.title == receipt_record.receipt_no, "the job is the receipt's number"


def test_an_a5_receipt_breaks_onto_pages_like_its_pdf(qapp, receipt_record, tmp_path):
    from salon_desk.reports.receipt import receipt_slip
    from salon_desk.ui.slip_painter import paint_slip
    out = tmp_path / "printed.pdf"
    slip = receipt_slip(receipt_record, "A5")
    assert paint_slip(slip, pdf_printer(out)) == len(pdf_pages(slip.pdf()))
    assert "应付金额" in pdf_text(out.read_bytes())


def test_a_refund_slip_and_a_z_report_reach_the_printer_as_text(qapp, shop, owner, cashier, tech, items, new_member,
                                                               owner_ok, tmp_path):
    from salon_desk.reports.commission_sheet import shift_slip
    from salon_desk.reports.receipt import refund_slip
    from salon_desk.tenders import Tender
    from salon_desk.ui.slip_painter import paint_slip
    shop.shifts.open(cashier, 50000)
    visit = shop.visits.check_in(cashier, new_member("张三", "13812345678").id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    sale = shop.sales.checkout(cashier, visit.id, [Tender("cash", 30000)])
    refunded = shop.sales.refund(owner, sale.sale_id, [sale.lines[0].sale_line_id], reason="不满意", **owner_ok)
    z = shop.shifts.close(cashier, 50000, 50000, reason="点钞差额", **owner_ok)
    for slip, words in ((refund_slip(refunded, refunded.refunds[-1]), ("退款单", "不满意", "顾客签字")),
                        (shift_slip(z), (f"日结单 Z{z.z_no:04d}", "应有现金", "收银员签字"))):
        out = tmp_path / "printed.pdf"
        assert paint_slip(slip, pdf_printer(out), slip.title) == 1
        data = out.read_bytes()
        text = "".join(pdf_text(data).split())        # the painter's spaces come back as tabs
        assert all("".join(w.split()) in text for w in words), text
        assert page_images(pdf_pages(data)[0]) == [] and len(data) < 50_000
