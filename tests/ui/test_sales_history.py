"""The sales history: 重印 previews the receipt marked REPRINT; a refund or void offers its slip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salon_desk.ui import printing
from salon_desk.ui.printing import PrintPreviewDialog
from salon_desk.ui.sales_history import TodaySalesDialog

from ui_helpers import answer_next_dialog, pdf_text


@pytest.fixture
def sale(shop, items, new_member, sell):
    zhang = new_member("张三", "13812345678", tier="gold", points=1000)
    return sell(zhang.id, services=[items.cut, items.care], points=300)


def open_today(qtbot, window) -> TodaySalesDialog:
    dialog = TodaySalesDialog(window.ops, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_reprint_prints_a_copy_marked_reprint(qtbot, window, shop, sale, tmp_path):
    history = open_today(qtbot, window).history
    assert history.receipt_button.text() == "重印小票…" and not history.slip_button.isEnabled()
    out = tmp_path / "reprint.pdf"

    def to_file(printer) -> bool:                     # the print dialog, answered "print to file"
        printer.setOutputFormat(printer.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    def print_it(preview: PrintPreviewDialog) -> None:
        preview.choose_printer = to_file
        preview.print_with_dialog()

    seen = answer_next_dialog(qtbot, PrintPreviewDialog, print_it)
    qtbot.mouseClick(history.receipt_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].windowTitle() == sale.receipt_no
    text = pdf_text(out.read_bytes())
    assert "重印" in text and sale.receipt_no in text
    assert "￥313.80" in text                         # the amount due as sold, not as of today


def test_a_refund_offers_its_slip_and_the_slip_can_be_printed_again(qtbot, window, shop, sale, previews,
                                                                     monkeypatch):
    from salon_desk.ui import sales_history
    done = shop.sales.void(window.ops.staff, sale.sale_id, reason="重复收款",
                           grant=shop.staff.authorise_owner(window.ops.staff, "boss", "secret123"))
    monkeypatch.setattr(sales_history.RefundDialog, "ask", classmethod(lambda cls, parent, ops, sale_id: done))
    history = open_today(qtbot, window).history
    history.refund()
    [(data, name)] = previews
    text = pdf_text(data)
    assert name == f"{sale.receipt_no}-refund.pdf"
    assert "作废单" in text and sale.receipt_no in text and "重印" not in text
    history.reload()
    assert history.slip_button.isEnabled() and not history.refund_button.isEnabled()
    qtbot.mouseClick(history.slip_button, Qt.MouseButton.LeftButton)
    assert "作废单" in pdf_text(previews[-1][0]) and "重印" in pdf_text(previews[-1][0])


def test_a_cancelled_refund_offers_no_slip(owner, qtbot, window, sale, previews, monkeypatch):
    from salon_desk.ui import sales_history
    monkeypatch.setattr(sales_history.RefundDialog, "ask", classmethod(lambda cls, parent, ops, sale_id: None))
    open_today(qtbot, window).history.refund()
    assert previews == []
    assert printing.refund_slip_pdf(window.ops.shop, window.ops.shop.sales.receipt(owner, sale.sale_id)) is None


def test_a_sales_lines_read_as_on_the_receipt(owner, qtbot, window, shop, sale):
    """Gold pays 80%: 精剪 ¥268 -> ¥214.40, 洗护 ¥128 -> ¥102.40; the 300 points (¥3) are the sale's,
    so the lines show what the receipt and the visit record print, and 实付 the sale's ¥313.80."""
    history = open_today(qtbot, window).history
    model = history.lines_model
    rows = [[model.display(line, column) for column in (model.LIST, model.DISCOUNT, model.AMOUNT)]
            for line in model.rows()]
    assert rows == [["¥268.00", "-¥53.60", "¥214.40"], ["¥128.00", "-¥25.60", "¥102.40"]]
    assert history.sales_model.display(history.sales_model.rows()[0], history.sales_model.AMOUNT) == "¥313.80"
    text = pdf_text(printing.receipt_pdf(shop, shop.sales.receipt(owner, sale.sale_id)))
    for amount in ("￥214.40", "￥102.40", "￥313.80"):
        assert amount in text
