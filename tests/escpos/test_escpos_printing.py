"""Receipts sent to a fake ESC/POS printer on the network: the paper's lines, the cut, the drawer."""

from __future__ import annotations

from datetime import datetime

import pytest

from salon_desk.errors import PrinterProblem
from salon_desk.printer_setup import DrawerPulse, PrinterConfig, config_from_settings, parse_target
from salon_desk.records import ReceiptPayment
from salon_desk.reports import escpos_jobs
from salon_desk.reports.escpos_bytes import render_roll, text_job
from salon_desk.reports.escpos_receipt import layout_receipt
from salon_desk.reports.escpos_view import NotEscPos, decode, paper_image
from salon_desk.settings_registry import SETTINGS

from fake_printer import PAPER_LOW, PAPER_OUT, FakePrinter, closed_port
from receipts import gold_sale, refunded, wechat_walk_in
from test_escpos_layout import GOLD_58MM


def network(printer: FakePrinter, **changes) -> PrinterConfig:
    values = {"kind": "network", "address": printer.address, "paper": "58mm", **changes}
    return PrinterConfig(**values)


def test_a_cash_sale_prints_its_lines_cuts_and_opens_the_drawer(printer):
    config = network(printer)
    escpos_jobs.run(config, escpos_jobs.receipt_job(config, gold_sale()))
    [job] = printer.wait(1)
    paper = decode(job)
    assert paper.lines == GOLD_58MM
    assert paper.chinese_mode
    assert paper.cuts == 1 and paper.cut_at_end
    assert paper.pulses == [DrawerPulse(pin=2, on_ms=100, off_ms=100)]
    assert job.index(b"\x1bp") < job.index("丽人坊".encode("gbk"))   # the drawer opens while it prints


def test_the_80mm_printer_gets_48_columns(printer):
    config = network(printer, paper="80mm")
    escpos_jobs.run(config, escpos_jobs.receipt_job(config, gold_sale()))
    lines = decode(printer.wait(1)[0]).lines
    assert "应付金额                                ￥313.80" in lines
    assert max(len(line.encode("gbk")) for line in lines) == 48


def test_a_wechat_sale_and_a_reprint_never_open_the_drawer(printer):
    config = network(printer)
    escpos_jobs.run(config, escpos_jobs.receipt_job(config, wechat_walk_in()))
    escpos_jobs.run(config, escpos_jobs.receipt_job(config, gold_sale(), reprint=True,
                                                    printed_at=datetime(2026, 11, 22, 12, 0)))
    wechat, reprint = (decode(job) for job in printer.wait(2))
    assert wechat.pulses == [] and wechat.cuts == 1
    assert "微信支付                 ￥68.00" in wechat.lines
    assert reprint.pulses == [] and "       【重印  REPRINT】" in reprint.lines


def test_a_sale_paid_partly_in_cash_opens_the_drawer_on_the_pin_and_timing_set(printer):
    config = network(printer, drawer="pin5", drawer_on_ms=60, drawer_off_ms=240)
    split = gold_sale(payments=(ReceiptPayment("wechat", 20000, None, 0), ReceiptPayment("cash", 11380, 20000, 8620)))
    escpos_jobs.run(config, escpos_jobs.receipt_job(config, split))
    job = printer.wait(1)[0]
    assert b"\x1bp\x01\x1e\x78" in job
    assert decode(job).pulses == [DrawerPulse(pin=5, on_ms=60, off_ms=240)]


def test_no_drawer_set_means_no_pulse(printer):
    config = network(printer, drawer="none")
    escpos_jobs.run(config, escpos_jobs.receipt_job(config, gold_sale()))
    assert decode(printer.wait(1)[0]).pulses == []


def test_a_cash_refund_slip_opens_the_drawer_and_a_wechat_one_does_not(printer):
    config = network(printer)
    record, refund = refunded("refund", "cash")
    escpos_jobs.run(config, escpos_jobs.refund_job(config, record, refund))
    record, refund = refunded("refund", "wechat")
    escpos_jobs.run(config, escpos_jobs.refund_job(config, record, refund))
    record, refund = refunded("void", "cash")
    escpos_jobs.run(config, escpos_jobs.refund_job(config, record, refund, reprint=True))
    cash, wechat, reprint = (decode(job) for job in printer.wait(3))
    assert len(cash.pulses) == 1 and "退款金额                ￥102.40" in cash.lines
    assert wechat.pulses == [] and "退回方式                微信支付" in wechat.lines
    assert reprint.pulses == [] and "             作废单" in reprint.lines


@pytest.mark.parametrize("paper, dots", [("58mm", 384), ("80mm", 576)])
def test_raster_mode_sends_a_picture_as_wide_as_the_paper(printer, paper, dots):
    config = network(printer, paper=paper, raster=True)
    escpos_jobs.run(config, escpos_jobs.receipt_job(config, gold_sale()))
    job = printer.wait(1)[0]
    paper_out = decode(job)
    assert paper_out.lines == [] and not paper_out.chinese_mode   # no text: the printer needs no Chinese font
    assert {image.width for image in paper_out.images} == {dots}
    assert sum(image.height for image in paper_out.images) == render_roll(
        layout_receipt(gold_sale(), config.cols, "raster"), dots).height
    assert len(paper_out.pulses) == 1 and paper_out.cut_at_end
    assert job.count(b"\x1dv0") == len(paper_out.images)


def test_the_raster_picture_is_the_text_layout_drawn():
    roll = layout_receipt(gold_sale(), 32, "raster")
    image = render_roll(roll, 384)
    assert image.width == 384
    inked = [y for y in range(image.height) if image.crop((0, y, 384, y + 1)).getextrema()[0] < 128]
    assert inked and image.height > 30 * len(roll.rows)     # double-height rows take two lines


def test_paper_out_sends_only_the_drawer_pulse_and_says_so():
    printer = FakePrinter(paper=PAPER_OUT)
    try:
        config = network(printer)
        with pytest.raises(PrinterProblem) as caught:
            escpos_jobs.run(config, escpos_jobs.receipt_job(config, gold_sale()))
        assert caught.value.code == "printer.paper_out"
        assert caught.value.params["drawer_opened"] is True
        paper = decode(printer.wait(1)[0])
        assert paper.lines == [] and paper.cuts == 0 and len(paper.pulses) == 1
    finally:
        printer.close()


def test_paper_low_prints_and_tells(printer):
    printer.paper = PAPER_LOW
    config = network(printer)
    sent = escpos_jobs.run(config, escpos_jobs.receipt_job(config, wechat_walk_in()))
    assert sent.paper_low
    assert decode(printer.wait(1)[0]).cuts == 1


def test_a_printer_that_never_answers_the_status_query_still_prints():
    printer = FakePrinter(silent=True)
    try:
        config = network(printer)
        escpos_jobs.run(config, escpos_jobs.receipt_job(config, wechat_walk_in()))
        escpos_jobs.run(config, escpos_jobs.receipt_job(config, wechat_walk_in()))
        first, second = printer.wait(2)
        assert first.startswith(b"\x10\x04\x04")                # asked once...
        assert not second.startswith(b"\x10\x04\x04")           # ...and not again
        assert decode(second).cuts == 1
    finally:
        printer.close()


def test_a_printer_that_is_off_is_reported_not_raised_as_a_crash():
    config = PrinterConfig(kind="network", address=f"127.0.0.1:{closed_port()}")
    with pytest.raises(PrinterProblem) as caught:
        escpos_jobs.run(config, escpos_jobs.receipt_job(config, gold_sale()))
    assert caught.value.code == "printer.unreachable"
    assert caught.value.params["printer"] == config.address


def test_the_system_queue_and_a_bad_address_are_refused_before_any_connection():
    with pytest.raises(PrinterProblem) as caught:
        escpos_jobs.run(PrinterConfig(), escpos_jobs.drawer_job())
    assert caught.value.code == "printer.not_escpos"
    with pytest.raises(PrinterProblem) as caught:
        escpos_jobs.run(PrinterConfig(kind="network", address="打印机"), escpos_jobs.drawer_job())
    assert caught.value.code == "printer.bad_address"


def test_the_drawer_alone_prints_nothing(printer):
    config = network(printer)
    escpos_jobs.run(config, escpos_jobs.drawer_job())
    paper = decode(printer.wait(1)[0])
    assert paper.lines == [] and paper.cuts == 0 and len(paper.pulses) == 1
    with pytest.raises(PrinterProblem) as caught:
        escpos_jobs.run(network(printer, drawer="none"), escpos_jobs.drawer_job())
    assert caught.value.code == "drawer.none"


def test_the_test_page_goes_to_the_printer_without_opening_the_drawer(printer):
    config = network(printer, paper="80mm", code_page="gb18030")
    escpos_jobs.run(config, escpos_jobs.test_page_job(config, "丽人坊", datetime(2026, 12, 1, 9, 0)))
    paper = decode(printer.wait(1)[0])
    assert paper.pulses == [] and paper.cut_at_end
    assert "模式" + " " * 32 + "中文 GB18030" in paper.lines
    assert "1234567890" * 4 + "12345678" in paper.lines


def test_the_decoder_refuses_chinese_outside_chinese_mode_and_unknown_commands():
    data = text_job(layout_receipt(gold_sale(), 32, "gbk"))
    with pytest.raises(NotEscPos):
        decode(data.replace(b"\x1c&", b""))
    with pytest.raises(NotEscPos):
        decode(b"\x1b\x99abc")


@pytest.mark.parametrize("dots", [384, 576])
def test_the_paper_picture_is_as_wide_as_the_paper_plus_its_margin(dots):
    cols = 32 if dots == 384 else 48
    image = paper_image(text_job(layout_receipt(gold_sale(), cols, "gbk")), dots)
    assert image.width == dots + 48


def test_addresses_of_each_kind():
    assert str(parse_target("network", "192.168.1.50")) == "192.168.1.50:9100"
    assert str(parse_target("network", "printer.local:9101")) == "printer.local:9101"
    assert str(parse_target("usb", "0416:5011")) == "USB 0416:5011"
    assert str(parse_target("usb", "0x04b8 0x0202")) == "USB 04b8:0202"
    assert str(parse_target("serial", "COM3@19200")) == "COM3 (19200)"
    assert str(parse_target("serial", "/dev/ttyUSB0")) == "/dev/ttyUSB0 (9600)"
    assert str(parse_target("windows", "XP-80C")) == "XP-80C"
    for kind, address in (("network", ""), ("network", "1.2.3.4:99999"), ("usb", "printer"),
                          ("serial", "LPT1"), ("windows", "")):
        with pytest.raises(Exception) as caught:
            parse_target(kind, address)
        assert getattr(caught.value, "code", "") == "printer.bad_address", (kind, address)


def test_windows_raw_printing_is_refused_off_windows():
    config = PrinterConfig(kind="windows", address="XP-80C")
    with pytest.raises(PrinterProblem) as caught:
        escpos_jobs.run(config, escpos_jobs.drawer_job())
    assert caught.value.code == "printer.unavailable"


def test_the_settings_defaults_make_the_config_of_a_new_shop():
    values = {key: spec.default for key, spec in SETTINGS.items()}
    config = config_from_settings(values)
    assert config == PrinterConfig()
    assert not config.escpos and config.cols == 48 and config.dots == 576
    assert config_from_settings({**values, "printer.paper": "58mm", "printer.columns": 30}).cols == 30
