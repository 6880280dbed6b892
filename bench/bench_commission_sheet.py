"""The monthly commission sheet for the busiest month of the big shop (bench/build_big_shop.py): ≤ 2 s.

The bulk builder writes no commission rows, so this first writes them for that month's sales with
the checkout's own step (one row per contributor per line), then times the sheet and its PDF.

    python bench/bench_commission_sheet.py --db bench/out/big.sqlite
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import date
from pathlib import Path

from salon_desk.commission import CARD_SALE, PRODUCT, SERVICE, Band, Rule
from salon_desk.db import Shop
from salon_desk.db import commission as commission_db
from salon_desk.db.models import CommissionEntry
from salon_desk.reports.commission_sheet import render_commission_sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench/out/big.sqlite"))
    parser.add_argument("--user", default="owner")
    parser.add_argument("--password", default="owner123")
    parser.add_argument("--out", type=Path, help="also write the PDF here, to look at")
    args = parser.parse_args(argv)
    shop = Shop.open(args.db, run_jobs=False)
    owner = shop.staff.login(args.user, args.password)
    month, sales = shop.db.execute_sql(
        "SELECT substr(created_at, 1, 7) AS m, COUNT(*) FROM sale GROUP BY m ORDER BY COUNT(*) DESC LIMIT 1").fetchone()
    year, mon = int(month[:4]), int(month[5:7])
    if not shop.commission.rules(owner):
        start = date(2000, 1, 1)
        for rule in (Rule(0, 0, SERVICE, start, designated_permille=120, rotation_permille=80, prepaid_permille=60,
                          bands=(Band(0, 0), Band(2_000_000, 20), Band(5_000_000, 30))),
                     Rule(0, 0, SERVICE, start, category="hair", designated_permille=150, rotation_permille=100),
                     Rule(0, 0, PRODUCT, start, designated_permille=100, rotation_permille=100),
                     Rule(0, 0, CARD_SALE, start, designated_permille=30, rotation_permille=30)):
            shop.commission.add_rule(owner, rule)
    with shop.ctx.bound():
        if not CommissionEntry.select().where((CommissionEntry.year == year) & (CommissionEntry.month == mon)).exists():
            t0 = time.perf_counter()
            ids = [r[0] for r in shop.db.execute_sql(
                "SELECT id FROM sale WHERE substr(created_at, 1, 7) = ? AND status = 'completed'", (month,))]
            with shop.db.atomic():
                for sale_id in ids:
                    commission_db.after_sale(shop.ctx, sale_id, [])
            print(f"rows written for {len(ids)} sales in {time.perf_counter() - t0:.1f} s")
    t0, c0 = time.perf_counter(), time.process_time()
    sheet = shop.commission.sheet(owner, year, mon)
    t1, c1 = time.perf_counter(), time.process_time()
    pdf = render_commission_sheet(sheet)
    t2, c2 = time.perf_counter(), time.process_time()
    lines = sum(len(t.lines) for t in sheet.technicians)
    print(f"busiest month {month}: {sales} sales, {len(sheet.technicians)} technicians, {lines} lines")
    print(f"sheet data {t1 - t0:.2f} s wall / {c1 - c0:.2f} s CPU; PDF {t2 - t1:.2f} s wall / {c2 - c1:.2f} s CPU"
          f" ({len(pdf) // 1024} KB); total {t2 - t0:.2f} s wall / {c2 - c0:.2f} s CPU;"
          f" load average {' '.join(f'{v:.1f}' for v in os.getloadavg())}")
    if args.out:
        args.out.write_bytes(pdf)
    return 0 if t2 - t0 <= 2.0 else 1


if __name__ == "__main__":
    sys.exit(main())
