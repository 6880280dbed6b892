"""Day view speed: opening a day of 12 technicians x 120 bookings, and repainting after a move
(issue target: p95 <= 50 ms each). Prints p50/p95 in milliseconds.

    QT_QPA_PLATFORM=offscreen python bench/bench_day_view.py     # or under Xvfb: xvfb-run python ...

"Open" is set_day plus one full synchronous paint of the grid, the header and the time
ruler, taking two days in turn (as a receptionist flips between today and tomorrow: the
view keeps each block's painting across days); "open a day never seen" gives it a new
day each time, so every block is laid out and painted from nothing; "move" is an accepted move (the page calls set_day again with the block moved)
plus the same paint; "drag frame" is one mouse-move step of a drag, painted.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QPoint, Qt  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.day_view_data import full_day  # noqa: E402
from salon_desk.ui.day_view import DayView  # noqa: E402
from salon_desk.ui.i18n import install_language, register_font  # noqa: E402


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


class Clock:
    """Wall time and this process's CPU time of each run: on a shared, loaded machine the
    CPU time shows what the view costs, the wall time what the receptionist would wait."""

    def __init__(self) -> None:
        self.wall: list[float] = []
        self.cpu: list[float] = []

    def __enter__(self) -> Clock:
        self._w, self._c = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall.append(time.perf_counter() - self._w)
        self.cpu.append(time.process_time() - self._c)


def paint(view: DayView) -> None:
    view.viewport().repaint()
    view.header.repaint()
    view.ruler.repaint()


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--technicians", type=int, default=12)
    parser.add_argument("--bookings", type=int, default=120, help="in all, spread evenly")
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    register_font(app)
    install_language("zh_CN")
    day = date(2026, 12, 2)
    now = datetime(2026, 12, 2, 13, 10)
    techs, books = full_day(args.technicians, max(1, args.bookings // args.technicians), day, now)
    view = DayView()
    view.resize(1600, 900)
    view.show()
    app.processEvents()

    # two different days taken in turn, so every opening builds and paints every block anew
    other_day = day + timedelta(days=1)
    other_techs, other_books = full_day(args.technicians, max(1, args.bookings // args.technicians), other_day,
                                        seed=12)
    opening = Clock()
    for n in range(args.runs):
        shown = (day, techs, books, now) if n % 2 else (other_day, other_techs, other_books, now)
        with opening:
            view.set_day(*shown)
            paint(view)
    fresh = Clock()
    unseen = [full_day(args.technicians, max(1, args.bookings // args.technicians), day + timedelta(days=2 + n),
                       seed=100 + n) for n in range(args.runs)]
    for n in range(args.runs):
        with fresh:
            view.set_day(day + timedelta(days=2 + n), *unseen[n], now)
            paint(view)
    view.set_day(day, techs, books, now)
    paint(view)

    moving = Clock()
    for n in range(args.runs):
        i = n % len(books)
        b = books[i]
        target = techs[(n * 5) % len(techs)].technician_id
        moved = replace(b, technician_id=target, start=b.start + timedelta(minutes=15),
                        end=b.end + timedelta(minutes=15))
        changed = books[:i] + [moved] + books[i + 1:]
        with moving:
            view.set_day(day, techs, changed, now)
            paint(view)
    view.set_day(day, techs, books, now)
    paint(view)

    frames = Clock()
    first = books[0]
    port = view.viewport()
    start = view.slot_point(first.technician_id, first.start)
    QTest.mousePress(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for n in range(args.runs):
        with frames:
            QTest.mouseMove(port, start + QPoint((n % 40) * 9, (n % 25) * 11))
            port.repaint()
    QTest.mouseRelease(port, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"platform {QApplication.platformName()}, window 1600x900, {len(techs)} technicians, "
          f"{len(books)} bookings, {args.runs} runs; load average {load:.1f} on {os.cpu_count()} CPUs")
    for label, clock in (("open a day", opening), ("open a day never seen", fresh),
                         ("repaint after a move", moving), ("one drag frame", frames)):
        p50, p95 = percentiles(clock.wall)
        c50, c95 = percentiles(clock.cpu)
        print(f"  {label:<22} wall p50 {p50:6.1f} ms  p95 {p95:6.1f} ms   cpu p50 {c50:6.1f} ms  p95 {c95:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
