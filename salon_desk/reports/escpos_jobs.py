"""Print jobs for the thermal printer: a receipt, a void / refund slip, the test page, the drawer alone.

A job is built from plain data (a ReceiptRecord and the printer settings)
and knows whether it opens the cash drawer: a sale paid at least partly in
cash and a cash refund do; a reprint, a non-cash sale and the test page
never do. ``run`` sends it; the window calls ``run`` off its own thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..errors import PrinterProblem
from ..printer_setup import (
    PrinterConfig, drawer_pulse, refund_opens_drawer, sale_opens_drawer,
)
from ..card_records import TopUpRecord
from ..records import ReceiptRecord, RefundInfo
from . import escpos_transport
from .escpos_bytes import INIT, raster_job, text_job
from .escpos_receipt import Roll, layout_receipt, layout_refund_slip, layout_test_page, layout_topup_slip


@dataclass(frozen=True)
class Job:
    title: str               # for the Windows queue and the messages: "小票 20261122-0001"
    data: bytes              # the print itself, without the drawer pulse
    opens_drawer: bool

    def pulse(self, config: PrinterConfig) -> bytes:
        pulse = drawer_pulse(config)
        return pulse.command() if self.opens_drawer and pulse is not None else b""


def render(roll: Roll, config: PrinterConfig) -> bytes:
    """The roll as the configured printer takes it: GB text, or a picture when it has no Chinese font."""
    return raster_job(roll, config.dots) if config.raster else text_job(roll)


def receipt_job(config: PrinterConfig, record: ReceiptRecord, reprint: bool = False,
                printed_at: datetime | None = None) -> Job:
    roll = layout_receipt(record, config.cols, config.text_code_page, reprint, printed_at)
    return Job(f"小票 {record.receipt_no}", render(roll, config), sale_opens_drawer(record, reprint))


def refund_job(config: PrinterConfig, record: ReceiptRecord, refund: RefundInfo, reprint: bool = False,
               printed_at: datetime | None = None) -> Job:
    roll = layout_refund_slip(record, refund, config.cols, config.text_code_page, reprint, printed_at)
    title = f"{'作废单' if refund.kind == 'void' else '退款单'} {record.receipt_no}"
    return Job(title, render(roll, config), refund_opens_drawer(refund, reprint))


def topup_job(config: PrinterConfig, record: TopUpRecord) -> Job:
    """A stored-value top-up slip; a cash top-up opens the drawer (money went in)."""
    roll = layout_topup_slip(record, config.cols, config.text_code_page)
    return Job(f"充值单 {record.receipt_no}", render(roll, config), record.method == "cash")


MODE_NAMES = {"gbk": "中文 GBK", "gb18030": "中文 GB18030", "raster": "图像（光栅）"}


def test_page_job(config: PrinterConfig, shop_name: str, printed_at: datetime) -> Job:
    mode = MODE_NAMES[config.text_code_page]
    roll = layout_test_page(shop_name, config.cols, config.text_code_page, config.paper, mode, printed_at)
    return Job("打印测试页", render(roll, config), False)


def drawer_job() -> Job:
    """The drawer alone ("no sale"): nothing printed."""
    return Job("开钱箱", INIT, True)


def run(config: PrinterConfig, job: Job, timeout: float = escpos_transport.TIMEOUT) -> escpos_transport.Sent:
    """Send ``job`` to the configured printer; :class:`PrinterProblem` when it cannot."""
    if not config.escpos:
        raise PrinterProblem("printer.not_escpos")
    if job.opens_drawer and job.data == INIT and drawer_pulse(config) is None:
        raise PrinterProblem("drawer.none")
    try:
        target = config.target()
    except PrinterProblem:
        raise
    except Exception as exc:   # noqa: BLE001 - InvalidInput of a bad address becomes a printer problem
        raise PrinterProblem("printer.bad_address", kind=config.kind, address=config.address) from exc
    return escpos_transport.send(target, job.data, job.pulse(config), timeout, job_name=job.title)
