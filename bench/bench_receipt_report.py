"""Receipt PDF and monthly report speed (issue 4 targets: receipt <= 100 ms, report <= 2 s, and the
busiest month of a 10-year shop within 1.3x of the same-size month of a 1-year shop).

    python bench/build_big_shop.py --db bench/out/big.sqlite
    python bench/bench_receipt_report.py --db bench/out/big.sqlite [--year-db bench/out/year.sqlite]

The 1-year shop is built (10k customers, 42k visits: the same visits per month) if it is missing.
Both files are copied before they are opened, so the benchmark starts with no report checkpoints
("cold": the first report ever on that file) and then measures the usual case ("warm").
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from salon_desk.db import Shop
from salon_desk.reports.exports import monthly_csv, monthly_xlsx
from salon_desk.reports.monthly import render_monthly_report
from salon_desk.reports.receipt import render_receipt


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def busiest_month(path: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(str(path))
    month, count = con.execute("SELECT substr(created_at, 1, 7) AS m, COUNT(*) AS n FROM sale"
                               " WHERE status = 'completed' GROUP BY m ORDER BY n DESC, m DESC LIMIT 1").fetchone()
    con.close()
    return int(month[:4]), int(month[5:7]), count


def ensure_year_shop(path: Path) -> None:
    if path.exists():
        return
    sys.path.insert(0, str(Path(__file__).parent))
    from build_big_shop import build
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building the 1-year shop {path} ...", flush=True)
    print(build(path, 10_000, 1, 7, 42_000, datetime.now().replace(microsecond=0) - timedelta(days=1)))


def bench_receipts(shop: Shop, runs: int) -> None:
    con = sqlite3.connect(str(shop.path))
    ids = [r[0] for r in con.execute("SELECT id FROM sale ORDER BY id DESC LIMIT ?", (runs,))]
    con.close()
    owner = shop.staff.login("owner", "owner123")
    record = shop.sales.receipt(owner, ids[0])
    for _ in range(5):
        render_receipt(record)       # warm-up: font loading
    render, whole = [], []
    for sale_id in ids:
        t0 = time.perf_counter()
        rec = shop.sales.receipt(owner, sale_id)
        t1 = time.perf_counter()
        render_receipt(rec, reprint=True, printed_at=shop.now())
        t2 = time.perf_counter()
        render.append(t2 - t1)
        whole.append(t2 - t0)
    for label, samples in (("receipt PDF (render)", render), ("receipt PDF (read + render)", whole)):
        p50, p95 = percentiles(samples)
        print(f"{label:32s} p50 {ms(p50)}   p95 {ms(p95)}   over {len(samples)} receipts   (target <= 100 ms)")


def time_report(shop: Shop, owner, year: int, month: int) -> dict[str, float]:
    t0 = time.perf_counter()
    figures = shop.reports.month(owner, year, month)
    t1 = time.perf_counter()
    render_monthly_report(figures)
    t2 = time.perf_counter()
    monthly_xlsx(figures)
    monthly_csv(figures)
    t3 = time.perf_counter()
    return {"figures": t1 - t0, "pdf": t2 - t1, "exports": t3 - t2, "total": t2 - t0}


def bench_report(label: str, source: Path, runs: int) -> dict[str, float]:
    year, month, sales = busiest_month(source)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / source.name
        shutil.copyfile(source, path)
        shop = Shop.open(path, run_jobs=False, backup_dir=Path(tmp) / "backups")
        try:
            owner = shop.staff.login("owner", "owner123")
            cold = time_report(shop, owner, year, month)
            warm = [time_report(shop, owner, year, month) for _ in range(runs)]
        finally:
            shop.close()
    med = {k: statistics.median(w[k] for w in warm) for k in warm[0]}
    print(f"{label}: busiest month {year}-{month:02d} ({sales} sales)")
    print(f"  cold (first report on the file): figures {ms(cold['figures'])}  pdf {ms(cold['pdf'])}"
          f"  total {ms(cold['total'])}")
    print(f"  warm (median of {runs}):           figures {ms(med['figures'])}  pdf {ms(med['pdf'])}"
          f"  total {ms(med['total'])}   xlsx+csv {ms(med['exports'])}   (target <= 2000 ms)")
    return {"cold": cold["total"], "warm": med["total"], "figures": med["figures"]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench/out/big.sqlite"), help="the 10-year shop")
    parser.add_argument("--year-db", type=Path, default=Path("bench/out/year.sqlite"), help="the 1-year shop")
    parser.add_argument("--receipts", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"no shop file {args.db}: run bench/build_big_shop.py first", file=sys.stderr)
        return 2
    ensure_year_shop(args.year_db)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "receipts.sqlite"
        shutil.copyfile(args.db, path)
        shop = Shop.open(path, run_jobs=False, backup_dir=Path(tmp) / "backups")
        try:
            bench_receipts(shop, args.receipts)
        finally:
            shop.close()
    big = bench_report("10-year shop", args.db, args.runs)
    small = bench_report("1-year shop", args.year_db, args.runs)
    print(f"ratio 10-year / 1-year: warm total {big['warm'] / small['warm']:.2f}x, figures "
          f"{big['figures'] / small['figures']:.2f}x, cold {big['cold'] / small['cold']:.2f}x   (target <= 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
