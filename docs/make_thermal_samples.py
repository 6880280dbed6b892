"""Rebuild docs/thermal-58mm.png and docs/thermal-80mm.png: the ESC/POS bytes of a cash sale's receipt,
decoded and drawn as the paper (salon_desk.reports.escpos_view), 384 and 576 dots wide.

    python docs/make_thermal_samples.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from salon_desk.printer_setup import PrinterConfig, drawer_pulse
from salon_desk.reports import escpos_jobs
from salon_desk.reports.escpos_view import paper_image

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS.parent / "bench"))
from bench_escpos import record  # noqa: E402


def main() -> None:
    for paper in ("58mm", "80mm"):
        config = PrinterConfig(kind="network", address="127.0.0.1", paper=paper)
        job = escpos_jobs.receipt_job(config, record())
        data = job.pulse(config) + job.data
        assert drawer_pulse(config) is not None and job.opens_drawer      # part of the sale is cash
        paper_image(data, config.dots).save(DOCS / f"thermal-{paper}.png", optimize=True)


if __name__ == "__main__":
    main()
