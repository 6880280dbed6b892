"""The year export on a busy shop: the busiest calendar year of a copy of the 10-year shop, to XLSX.

    python bench/bench_year_export.py [--source /work/bigshop/big10.sqlite] [--year YYYY]

The source is never written: it is copied to bench/out/ first (the copy migrates on its
first open, which takes a few seconds and is not timed). Prints the year chosen and its
sales, then wall time, CPU time (time.process_time) and the load average before and after,
the workbook's size and the peak resident memory of the process, so noise can be judged.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from salon_desk.db import Shop  # noqa: E402
from salon_desk.reports.year_workbook import YearWorkbook  # noqa: E402


def copy_source(source: Path, out: Path) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    copy = out / "year-export.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, copy)
    wal = Path(str(source) + "-wal")
    if wal.exists():
        shutil.copyfile(wal, Path(str(copy) + "-wal"))
    return copy


def busiest_year(shop: Shop) -> tuple[int, int]:
    rows = shop.ctx.execute(
        "SELECT substr(created_at, 1, 4) AS year, COUNT(*) AS n FROM sale GROUP BY year ORDER BY n DESC").fetchall()
    return int(rows[0][0]), int(rows[0][1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", type=Path, default=Path("/work/bigshop/big10.sqlite"))
    parser.add_argument("--year", type=int)
    parser.add_argument("--user", default="owner")
    parser.add_argument("--password", default="owner123")
    args = parser.parse_args()
    out = HERE / "out"
    copy = copy_source(args.source, out)
    started = time.perf_counter()
    with Shop.open(copy, run_jobs=False) as shop:        # migrates the copy (not timed)
        print(f"copied and opened {copy} in {time.perf_counter() - started:.1f} s")
        owner = shop.staff.login(args.user, args.password)
        year, sales = busiest_year(shop)
        year = args.year or year
        target = out / f"year-{year}.xlsx"
        target.unlink(missing_ok=True)
        months: list[str] = []
        load_before = os.getloadavg()
        wall0, cpu0 = time.perf_counter(), time.process_time()
        done = shop.year_export.export(owner, year, YearWorkbook(target),
                                       report=lambda d, t, text: months.append(text))
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        load_after = os.getloadavg()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"year {year}: {done.sales:,} sales ({sales:,} by the count), {done.lines:,} lines, "
          f"{done.refunds:,} refunds, {done.voids:,} voids, {done.topups:,} top-ups")
    print(f"months: {' | '.join(months)}")
    print(f"wall {wall:.2f} s, CPU {cpu:.2f} s, load average before {load_before[0]:.2f} {load_before[1]:.2f} "
          f"{load_before[2]:.2f}, after {load_after[0]:.2f} {load_after[1]:.2f} {load_after[2]:.2f}")
    print(f"workbook {target.stat().st_size / 1e6:.1f} MB; peak resident {peak:.0f} MiB; "
          f"{done.sales / wall:,.0f} sales/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
