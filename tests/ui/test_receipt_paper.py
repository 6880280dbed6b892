"""The printed receipt: 实收 and 找零 under the cash line only, the print job named after the receipt,
a small PDF with its text."""

from __future__ import annotations

from salon_desk.tenders import Tender
from salon_desk.ui import printing
from salon_desk.ui.receipt_step import ReceiptStepDialog

from ui_helpers import pdf_text


def test_a_wechat_and_cash_sale_prints_received_and_change_under_the_cash_line_only(qtbot, window, shop,
                                                                                   cashier, tech, items,
                                                                                   monkeypatch):
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)       # ¥396
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 25000), Tender("cash", 20000)])
    jobs = []
    monkeypatch.setattr(printing, "default_printer", lambda: object())
    monkeypatch.setattr(printing, "print_pdf", lambda pdf, printer, job="": jobs.append((pdf, job)) or 1)
    dialog = ReceiptStepDialog(shop, receipt, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.print_now()
    [(pdf, job)] = jobs
    assert job == receipt.receipt_no                       # the queue shows the receipt number, not PDF-job_1
    assert len(pdf) < 50_000
    lines = [line.replace(" ", "") for line in pdf_text(pdf).splitlines()]
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
