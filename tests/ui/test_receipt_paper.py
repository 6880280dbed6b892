"""The printed receipt: 实收 and 找零 under the cash line only, the print job named after the receipt,
a small PDF with its text."""

from __future__ import annotations

import re

from salon_desk.tenders import Tender
from salon_desk.ui import printing
from salon_desk.ui.receipt_step import ReceiptStepDialog

from ui_helpers import pdf_layout_text, pdf_printer, pdf_text


def test_a_wechat_and_cash_sale_prints_received_and_change_under_the_cash_line_only(qtbot, window, shop,
                                                                                   cashier, tech, items,
                                                                                   monkeypatch, tmp_path):
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)       # ¥396
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 25000), Tender("cash", 20000)])
    printers = []
    out = tmp_path / "queue.pdf"        # what the printer was sent: Qt's own PDF of the painted page
    monkeypatch.setattr(printing, "default_printer", lambda: printers.append(pdf_printer(out)) or printers[-1])
    dialog = ReceiptStepDialog(shop, receipt, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.print_now()
    [printer] = printers
    assert printer.docName() == receipt.receipt_no          # the queue shows the receipt number, not PDF-job_1
    pdf = out.read_bytes()
    assert len(pdf) < 50_000, "text and lines, not a 300 dpi picture"
    lines = [re.sub(r"\s+", "", line) for line in pdf_layout_text(pdf).splitlines()]
    assert "微信支付￥250.00" in lines and "现金￥146.00" in lines
    assert "实收￥200.00" in lines and "找零￥54.00" in lines       # the cash handed over, not ¥450 mixed
    assert lines.index("实收￥200.00") == lines.index("现金￥146.00") + 1


def test_a_card_only_sale_prints_no_change_line(qtbot, window, shop, cashier, tech, items):
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 26800)])
    text = pdf_text(printing.receipt_pdf(shop, receipt))
    assert "找零" not in text and "实收" not in text.replace("实收净额", "")
    assert "26800" not in text and "268.00" in text
