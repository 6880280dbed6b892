"""Thermal receipt speed: from the stored receipt record to the last byte received by the printer.

    python bench/bench_escpos.py [--runs 200]

A fake ESC/POS printer listens on 127.0.0.1 and answers the paper status
query like a networked printer; each run lays the receipt out, encodes it
(GB text, or a raster picture), connects, asks for the paper status, sends
the job and closes. The clock stops when the printer has read the last byte.
Target (p95): 100 ms for the text receipt.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import threading
import time
from datetime import datetime

from salon_desk.printer_setup import PrinterConfig
from salon_desk.records import ReceiptLine, ReceiptPayment, ReceiptRecord, ShopHeader
from salon_desk.reports import escpos_jobs

QUERY = b"\x10\x04\x04"


class Printer:
    """Collects each connection's bytes; records when the last one arrived."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.done: list[float] = []
        self.event = threading.Event()
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                head = b""
                while True:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    if not head:
                        head = chunk
                        if chunk.startswith(QUERY):
                            conn.sendall(b"\x12")
                self.done.append(time.perf_counter())
                self.event.set()


def record() -> ReceiptRecord:
    names = ["精剪", "洗护", "烫发（中长发）", "头皮护理", "修眉", "精华液 30ml"]
    lines = tuple(ReceiptLine(i, "service", f"S{i:02d}", name, "王师傅", 1, 26800, 26800, 800, 5360, 0, 21440, 0,
                              "短发，刘海不要太短" if i == 1 else "") for i, name in enumerate(names, 1))
    return ReceiptRecord(
        sale_id=1, receipt_no="20261122-0001", created_at=datetime(2026, 11, 22, 10, 0),
        shop=ShopHeader("丽人坊", "杭州市西湖路1号", "0571-88886666", "谢谢惠顾，欢迎再次光临！"),
        cashier_name="小美", customer_id=1, customer_name="张三", customer_erased=False,
        phone_masked="138****5678", member_no="M000001", tier="gold", lines=lines,
        list_total_fen=160800, member_discount_fen=32160, birthday_discount_fen=0, points_redeemed=300,
        points_discount_fen=300, amount_due_fen=128340,
        payments=(ReceiptPayment("wechat", 100000, None, 0), ReceiptPayment("cash", 28340, 30000, 1660)),
        points_earned=1283, points_balance=2983, promoted_to=None, enrolled=False, enrolment_offered=False,
        status="completed")


def bench(printer: Printer, config: PrinterConfig, runs: int) -> tuple[float, float]:
    sale = record()
    samples = []
    for _ in range(runs):
        printer.event.clear()
        start = time.perf_counter()
        escpos_jobs.run(config, escpos_jobs.receipt_job(config, sale))
        printer.event.wait(5)
        samples.append(printer.done[-1] - start)
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    printer = Printer()
    print(f"{'receipt record -> last byte at the printer':44} {'p50':>9} {'p95':>9}")
    for paper in ("58mm", "80mm"):
        for raster in (False, True):
            config = PrinterConfig(kind="network", address=f"127.0.0.1:{printer.port}", paper=paper, raster=raster)
            bench(printer, config, 3)                     # fonts and glyphs loaded once, as in a running shop
            p50, p95 = bench(printer, config, args.runs)
            label = f"{paper} {'raster picture' if raster else 'GB text'}"
            print(f"{label:44} {p50 * 1000:7.1f} ms {p95 * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
