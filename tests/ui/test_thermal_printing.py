"""The window with a thermal printer: the receipt prints as the receipt step opens (off the window's
thread), the drawer opens for cash, a dead printer is told in a sentence, and the owner's test page."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit

from salon_desk.reports import escpos_transport
from salon_desk.reports.escpos_view import decode
from salon_desk.tenders import Tender
from salon_desk.ui import widgets
from salon_desk.ui.receipt_step import ReceiptStepDialog

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "escpos"))
from fake_printer import PAPER_OUT, FakePrinter, closed_port  # noqa: E402


@pytest.fixture
def printer():
    escpos_transport.forget_silent_printers()
    fake = FakePrinter()
    yield fake
    fake.close()


def use_printer(shop, owner, address: str, **more) -> None:
    shop.settings.update(owner, {"printer.kind": "network", "printer.address": address,
                                 "printer.paper": "58mm", **more})


@pytest.fixture
def sale(shop, cashier, tech, items, new_member):
    def make(*tenders: Tender):
        zhang = new_member("张三", "13812345678", tier="gold")
        visit = shop.visits.check_in(cashier, zhang.id)
        shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
        return shop.sales.checkout(cashier, visit.id, list(tenders))
    return make


def open_step(qtbot, window, shop, receipt) -> ReceiptStepDialog:
    dialog = ReceiptStepDialog(shop, receipt, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_receipt_prints_as_the_step_opens_and_the_drawer_opens_for_cash(
        qtbot, window, shop, owner, sale, printer):
    use_printer(shop, owner, printer.address)
    receipt = sale(Tender("cash", 10000))
    dialog = open_step(qtbot, window, shop, receipt)
    qtbot.waitUntil(lambda: dialog.printed, timeout=5000)
    [job] = printer.wait(1)
    paper = decode(job)
    assert receipt.receipt_no in "".join(paper.lines) and paper.cut_at_end
    assert len(paper.pulses) == 1
    assert dialog.status.text() == f"小票 {receipt.receipt_no} 已打印。"
    # F8 now prints a copy: marked 重印, and the drawer stays shut
    qtbot.keyClick(dialog, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=5000)
    copy = decode(printer.jobs[1])
    assert any("重印" in line for line in copy.lines) and copy.pulses == []


def test_a_wechat_sale_prints_without_opening_the_drawer(qtbot, window, shop, owner, sale, printer):
    use_printer(shop, owner, printer.address)
    dialog = open_step(qtbot, window, shop, sale(Tender("wechat", 5440)))
    qtbot.waitUntil(lambda: dialog.printed, timeout=5000)
    assert decode(printer.wait(1)[0]).pulses == []


def test_a_printer_that_is_off_is_told_and_the_sale_is_kept(qtbot, window, shop, owner, sale):
    use_printer(shop, owner, f"127.0.0.1:{closed_port()}")
    receipt = sale(Tender("cash", 10000))
    dialog = open_step(qtbot, window, shop, receipt)
    qtbot.waitUntil(lambda: dialog.last_run is not None, timeout=5000)
    assert not dialog.printed
    assert dialog.status.text().startswith("小票打印机 127.0.0.1:")
    assert dialog.status.text().endswith("没有响应：请检查是否开机并已连接。 本单已保存：按 F8 重新打印。")
    assert shop.sales.receipt(owner, receipt.sale_id).receipt_no == receipt.receipt_no


def test_after_paper_out_the_drawer_opens_once_and_f8_prints_the_receipt(qtbot, window, shop, owner, sale):
    fake = FakePrinter(paper=PAPER_OUT)
    try:
        use_printer(shop, owner, fake.address)
        dialog = open_step(qtbot, window, shop, sale(Tender("cash", 10000)))
        qtbot.waitUntil(lambda: dialog.last_run is not None, timeout=5000)
        assert dialog.status.text().startswith("小票打印机缺纸：请装入新纸卷。 钱箱已打开。")
        assert len(decode(fake.wait(1)[0]).pulses) == 1
        fake.paper = 0x12                            # a new roll
        qtbot.keyClick(dialog, Qt.Key.Key_F8)
        qtbot.waitUntil(lambda: dialog.printed, timeout=5000)
        receipt = decode(fake.wait(2)[1])
        assert receipt.pulses == [] and receipt.cut_at_end
        assert not any("重印" in line for line in receipt.lines)    # the first paper copy is no reprint
    finally:
        fake.close()


@pytest.fixture
def owner_window(make_window, owner):
    return make_window(owner)


def set_printer_form(page, address: str) -> None:
    kind = page.findChild(QComboBox, "printer.kind")
    kind.setCurrentIndex(kind.findData("network"))
    page.findChild(QLineEdit, "printer.address").setText(address)
    paper = page.findChild(QComboBox, "printer.paper")
    paper.setCurrentIndex(paper.findData("58mm"))


def test_the_test_page_prints_what_the_form_says_before_saving(qtbot, owner_window, shop, printer, monkeypatch):
    monkeypatch.setattr(widgets.Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    page = owner_window.pages["settings"]
    set_printer_form(page, printer.address)
    assert page.print_test_page()
    qtbot.waitUntil(lambda: page.last_test is not None, timeout=5000)
    paper = decode(printer.wait(1)[0])
    assert "打印测试页" in "".join(paper.lines) and paper.pulses == []
    assert page.printer_status.text() == "打印测试页 已打印。 打印机设置正确。"
    assert shop.settings.value("printer.kind") == "system"                  # nothing saved yet


def test_a_garbled_test_page_turns_raster_on_and_prints_it_again(qtbot, owner_window, printer, monkeypatch):
    monkeypatch.setattr(widgets.Confirm, "ask", classmethod(lambda cls, parent, title, text: False))
    page = owner_window.pages["settings"]
    set_printer_form(page, printer.address)
    page.print_test_page()
    qtbot.waitUntil(lambda: len(printer.jobs) == 2, timeout=5000)
    assert page.findChild(QCheckBox, "printer.raster").isChecked()
    again = decode(printer.jobs[1])
    assert again.lines == [] and {image.width for image in again.images} == {384}


def test_a_bad_printer_address_names_the_field_and_saves_nothing(owner_window, shop):
    page = owner_window.pages["settings"]
    set_printer_form(page, "打印机")
    page.save()
    assert page.error.text() == "打印机地址：“打印机”不是这类打印机的地址（例如 192.168.1.50:9100、0416:5011、COM3 或打印机名称）。"
    assert shop.settings.value("printer.kind") == "system"


def test_the_sales_history_reprints_on_the_thermal_printer_without_the_drawer(
        qtbot, window, shop, owner, sale, printer, previews):
    from salon_desk.ui.sales_history import TodaySalesDialog
    use_printer(shop, owner, printer.address)
    receipt = sale(Tender("cash", 10000))
    dialog = TodaySalesDialog(window.ops, window)
    qtbot.addWidget(dialog)
    history = dialog.history
    history.reload()
    qtbot.mouseClick(history.receipt_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: history.last_print is not None, timeout=5000)
    paper = decode(printer.wait(1)[0])
    assert any("重印" in line for line in paper.lines) and receipt.receipt_no in "".join(paper.lines)
    assert paper.pulses == [] and previews == []          # no PDF preview with a thermal printer


def test_a_cash_void_prints_its_slip_and_opens_the_drawer(qtbot, window, shop, owner, sale, printer, monkeypatch):
    from salon_desk.ui import sales_history
    use_printer(shop, owner, printer.address)
    receipt = sale(Tender("cash", 10000))
    done = shop.sales.void(owner, receipt.sale_id, grant=shop.staff.authorise_owner(owner, "boss", "secret123"),
                           reason="重复收款")
    monkeypatch.setattr(sales_history.RefundDialog, "ask", classmethod(lambda cls, parent, ops, sale_id: done))
    dialog = sales_history.TodaySalesDialog(window.ops, window)
    qtbot.addWidget(dialog)
    dialog.history.reload()
    dialog.history.refund()
    qtbot.waitUntil(lambda: dialog.history.last_print is not None, timeout=5000)
    paper = decode(printer.wait(1)[0])
    assert any(line.strip() == "作废单" for line in paper.lines) and len(paper.pulses) == 1


def test_the_owner_opens_the_drawer_with_no_sale_and_it_is_audited(
        qtbot, make_window, shop, owner, printer, monkeypatch, clock):
    monkeypatch.setattr(widgets.TextPrompt, "ask", classmethod(lambda cls, parent, title, label, text="": "换零钱"))
    page = make_window(owner).pages["settings"]
    assert page.drawer_button.isVisibleTo(page)
    set_printer_form(page, printer.address)
    page.open_drawer()
    paper = decode(printer.wait(1)[0])
    assert paper.lines == [] and len(paper.pulses) == 1 and paper.cuts == 0
    assert page.printer_status.text() == "钱箱已打开（已记入操作日志）。"
    entry = shop.audit.entries(owner)[0]
    assert (entry.action, entry.staff_name, entry.details["reason"]) == ("drawer_no_sale", "老板", "换零钱")
    assert entry.at == clock.now


def test_a_drawer_that_does_not_open_is_not_audited(qtbot, make_window, shop, owner, monkeypatch):
    monkeypatch.setattr(widgets.TextPrompt, "ask", classmethod(lambda cls, parent, title, label, text="": ""))
    page = make_window(owner).pages["settings"]
    set_printer_form(page, f"127.0.0.1:{closed_port()}")
    before = len(shop.audit.entries(owner))
    page.open_drawer()
    assert page.printer_status.text().endswith("没有响应：请检查是否开机并已连接。")
    assert len(shop.audit.entries(owner)) == before


def test_a_top_up_slip_prints_on_the_thermal_printer_and_a_cash_top_up_opens_the_drawer(
        qtbot, window, shop, owner, cashier, printer, new_customer):
    use_printer(shop, owner, printer.address)
    zhang = new_customer("张三", "13812345678")
    record = shop.cards.top_up(cashier, zhang.id, 100_000, "cash", tendered_fen=100_000, terms_signed=True)
    counter = window.counter
    counter.print_topup_slip(record)
    qtbot.waitUntil(lambda: counter.last_print is not None, timeout=5000)
    [job] = printer.wait(1)
    paper = decode(job)
    text = "\n".join(paper.lines)
    assert record.receipt_no in text and "储值卡充值单" in text and "顾客签字" in text   # terms to sign, first top-up
    assert any("卡内余额" in line and "1,100.00" in line for line in paper.lines)     # 充1000送100
    assert len(paper.pulses) == 1 and paper.cut_at_end
    # a WeChat top-up prints without opening the drawer
    second = shop.cards.top_up(cashier, zhang.id, 100_000, "wechat")
    counter.last_print = None
    counter.print_topup_slip(second)
    qtbot.waitUntil(lambda: counter.last_print is not None, timeout=5000)
    *_, job = printer.wait(2)
    assert "储值卡充值单" in "\n".join(decode(job).lines) and decode(job).pulses == []
