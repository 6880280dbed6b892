"""After checkout: the summary stays on screen, F8 prints the receipt to the default printer, 预览 previews it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salon_desk.tenders import Tender
from salon_desk.ui import printing, receipt_step
from salon_desk.ui.receipt_step import ReceiptStepDialog

from ui_helpers import answer_next_dialog, pdf_printer, pdf_text


@pytest.fixture
def cash_sale(shop, cashier, tech, items, new_member):
    """A gold member's cut and care (¥268 + ¥128 at 88%), paid with ¥400 cash."""
    zhang = new_member("张三", "13812345678", tier="gold")
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)
    due = shop.sales.quote(cashier, visit.id).priced.amount_due_fen
    return shop.sales.checkout(cashier, visit.id, [Tender("cash", 40000)]), due


@pytest.fixture
def printed_to(monkeypatch, tmp_path):
    """The default printer is a PDF file; returns its path."""
    out = tmp_path / "default-printer.pdf"
    monkeypatch.setattr(printing, "default_printer", lambda: pdf_printer(out))
    return out


def open_step(qtbot, window, shop, receipt) -> ReceiptStepDialog:
    dialog = ReceiptStepDialog(shop, receipt, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_f8_prints_the_receipt_to_the_default_printer(qtbot, window, shop, cash_sale, printed_to):
    receipt, due = cash_sale
    dialog = open_step(qtbot, window, shop, receipt)
    assert dialog.findChild(type(dialog.status), "change").text() == f"找零 ¥{(40000 - due) / 100:.2f}"
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_F8)
    assert printed_to.exists()
    text = pdf_text(printed_to.read_bytes())
    assert receipt.receipt_no in text
    assert f"￥{due / 100:,.2f}" in text and "应付金额" in text
    assert "重印" not in text
    assert dialog.printed and dialog.status.text() == f"小票 {receipt.receipt_no} 已发送到打印机。"
    assert dialog.isVisible(), "the change and points stay on screen after printing"
    assert dialog.focusWidget() is dialog.done_button


def test_without_a_default_printer_the_cashier_is_told(qtbot, window, shop, cash_sale, monkeypatch):
    monkeypatch.setattr(printing, "default_printer", lambda: None)
    dialog = open_step(qtbot, window, shop, cash_sale[0])
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    assert not dialog.printed
    assert dialog.status.text().startswith("未设置默认打印机")
    assert dialog.isVisible()


def test_a_printer_that_cannot_start_is_a_message_not_a_crash(qtbot, window, shop, cash_sale, monkeypatch):
    def broken(_slip, _printer, _job=""):
        raise OSError("the printer could not start")
    monkeypatch.setattr(printing, "paint_slip", broken)
    monkeypatch.setattr(printing, "default_printer", lambda: object())
    dialog = open_step(qtbot, window, shop, cash_sale[0])
    assert not dialog.print_now()
    assert dialog.status.text() == "无法打印：the printer could not start"


def test_preview_shows_the_receipt(qtbot, window, shop, cash_sale, previews):
    receipt = cash_sale[0]
    dialog = open_step(qtbot, window, shop, receipt)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    [(data, name)] = previews
    assert name == f"{receipt.receipt_no}.pdf" and receipt.receipt_no in pdf_text(data)
    assert not dialog.printed


def test_after_checkout_f8_then_enter(qtbot, window, shop, cash_sale, printed_to):
    """The receipt step as the counter runs it: F8 prints, Enter closes."""
    seen = []

    def answer(dialog: ReceiptStepDialog) -> None:
        seen.append(dialog)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_F8)
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    answer_next_dialog(qtbot, ReceiptStepDialog, answer)
    receipt_step.run_receipt_step(window, shop, cash_sale[0])
    assert seen and seen[0].printed and not seen[0].isVisible()
    assert cash_sale[0].receipt_no in pdf_text(printed_to.read_bytes())
