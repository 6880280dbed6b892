"""A receipt through a real CUPS print queue (opt-in: a CUPS-PDF queue on this computer).

Set SALON_DESK_PRINT_QUEUE to the queue's name and SALON_DESK_PRINT_OUT to the folder
CUPS-PDF writes to (README, "Printing"), with the queue keeping its job files
(``cupsctl PreserveJobFiles=yes``); without them the test is skipped.

What the queue received must be the receipt as text (pdftotext reads it), small,
with no picture of the page; what CUPS-PDF writes after its PostScript round trip
carries fonts and no picture either (its text comes back as glyphs without their
Unicode names, as it does for any Chinese PDF sent to that queue, so it is not read back).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from salon_desk.ui import printing

QUEUE = os.environ.get("SALON_DESK_PRINT_QUEUE", "")
OUT = Path(os.environ.get("SALON_DESK_PRINT_OUT", "/nonexistent"))
SPOOL = Path(os.environ.get("SALON_DESK_PRINT_SPOOL", "/var/spool/cups"))

pytestmark = pytest.mark.skipif(not QUEUE or not OUT.is_dir() or shutil.which("pdftotext") is None,
                                reason="no CUPS-PDF queue named in SALON_DESK_PRINT_QUEUE")


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def images(pdf: Path) -> list[str]:
    """The pictures of a PDF, one line each (pdfimages lists two header lines first)."""
    return run("pdfimages", "-list", str(pdf)).splitlines()[2:]


def test_a_receipt_printed_through_the_queue_comes_out_as_text(qapp, shop, new_member, sell, items, monkeypatch):
    info = next((p for p in QPrinterInfo.availablePrinters() if p.printerName() == QUEUE), None)
    assert info is not None, f"Qt sees the queue {QUEUE}"
    monkeypatch.setattr(printing, "default_printer", lambda: QPrinter(info, QPrinter.PrinterMode.HighResolution))
    receipt = sell(new_member("张三", "13812345678", tier="gold").id, services=[items.cut, items.care])
    before, spooled_before = set(OUT.glob("*.pdf")), set(SPOOL.glob("d*-001"))
    assert printing.print_receipt_now(shop, receipt)
    deadline = time.monotonic() + 60          # the queue works on its own time: wait for the file
    new: set[Path] = set()
    while time.monotonic() < deadline and not new:
        time.sleep(0.5)
        new = {p for p in set(OUT.glob("*.pdf")) - before if p.stat().st_size > 0}
    [printed] = new
    time.sleep(1)                               # CUPS-PDF may still be finishing the file
    assert printed.name.startswith(receipt.receipt_no), "the job carries the receipt's number"
    [job] = set(SPOOL.glob("d*-001")) - spooled_before          # the document as the queue received it
    text = run("pdftotext", "-layout", str(job), "-")
    assert "收银小票" in text and receipt.receipt_no in text and "应付金额" in text and "张三" in text
    assert job.stat().st_size < 50_000
    assert images(job) == [], "text and lines, no picture of the page"
    assert images(printed) == [], "the printer's copy is drawn from fonts and lines too"
    assert len(run("pdffonts", str(printed)).splitlines()) > 2, "with the font embedded"
    print(f"queue received {job.stat().st_size} bytes; CUPS-PDF wrote {printed.stat().st_size} bytes")
