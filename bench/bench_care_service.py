"""Time the care service on the big shop file (bench/build_big_shop.py): the daily task job,
the live segments page, and the month report with its care sections.

    python bench/bench_care_service.py [--db bench/out/big.sqlite] [--runs 9]

Prints p50/p95 wall-clock and CPU time over the runs, with the load average before and after
(the machine may be shared: CPU time shows the code's own cost). The first daily run stores the tasks and last month's
snapshot; the later runs read and plan the same and store nothing (the job is idempotent).
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import time
from datetime import datetime
from pathlib import Path
from typing import Callable

from salon_desk.db import Shop


def timed(label: str, fn: Callable[[], object], runs: int) -> None:
    """Wall-clock p50/p95 and CPU p50/p95 (CPU shows the code's own cost on a busy machine)."""
    wall, cpu = [], []
    result: object = None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    wall.sort()
    cpu.sort()
    at = min(len(wall) - 1, int(round(0.95 * (len(wall) - 1))))
    print(f"{label:<46} wall p50 {statistics.median(wall) * 1000:6.0f} ms  p95 {wall[at] * 1000:6.0f} ms"
          f"  cpu p50 {statistics.median(cpu) * 1000:6.0f} ms  p95 {cpu[at] * 1000:6.0f} ms  ({result})")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("bench/out/big.sqlite"))
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--today", default="2026-11-30 09:00")
    args = parser.parse_args()
    now = datetime.fromisoformat(args.today)
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    shop = Shop.open(args.db, clock=lambda: now, run_jobs=False)
    owner = shop.staff.login("owner", "owner123")
    gc.freeze()
    t0 = time.perf_counter()
    first = shop.care.run_daily()
    print(f"first daily run (stores tasks and last month's snapshot): {time.perf_counter() - t0:.2f} s {first}")
    t0 = time.perf_counter()
    shop.care.month_snapshot(2026, 9)     # the daily job of 1 October would have stored it
    print(f"store September's month-end snapshot once: {time.perf_counter() - t0:.2f} s")
    timed("daily task job (inactive, birthday, cycle)", lambda: shop.care.run_daily()["planned"], args.runs)
    def fresh_segments() -> int:
        shop.care._live = None          # as at the first opening of the day, or after a sale
        return len(shop.care.segments(owner).lines)
    timed("segments page, computed (first of the day)", fresh_segments, args.runs)
    timed("segments page, again until the next change", lambda: len(shop.care.segments(owner).lines), args.runs)
    timed("stored month-end snapshot read back", lambda: shop.care.month_snapshot(2026, 10), args.runs)
    timed("monthly report 2026-10 with care sections", lambda: shop.reports.month(owner, 2026, 10).title,
          max(3, args.runs // 3))
    shop.close()
    print("load average after: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
