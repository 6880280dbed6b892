"""Booking with the clash check on the 10-year shop (target: p95 <= 10 ms).

    python bench/build_big_shop.py --db bench/out/big.sqlite
    python bench/bench_booking.py --db bench/out/big.sqlite

A copy of the file gets ten years of bookings first (every technician booked
through most of every day, written in bulk), then the receptionist books
services at random quarter hours of the coming weeks: each ``book`` call reads
the technician's slots, runs the rules (hours, clashes) and writes, in one
transaction. Refused bookings (a clash) are timed too; both are reported.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from salon_desk.db import Shop
from salon_desk.errors import SalonError


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def seed_history(path: Path, technicians: list[int], services: list[int], customers: int, start: datetime,
                 days: int, rng: random.Random) -> int:
    """Bulk bookings: each technician six one-hour bookings a day, most completed."""
    con = sqlite3.connect(path)
    bookings, lines = [], []
    next_id = 1
    for d in range(days):
        day = start + timedelta(days=d)
        for tech in technicians:
            for hour in rng.sample(range(10, 20), 6):
                at = day.replace(hour=hour, minute=0)
                status = rng.choices(["completed", "cancelled", "no_show"], [90, 6, 4])[0]
                bookings.append((next_id, rng.randint(1, customers), status, at, at + timedelta(hours=1),
                                 1, at - timedelta(days=2)))
                lines.append((next_id, rng.choice(services), tech, at, at + timedelta(hours=1), 60))
                next_id += 1
    con.executemany("INSERT INTO booking (id, customer_id, newcomer_name, newcomer_phone, notes, status, start_at,"
                    " end_at, booked_by_id, booked_at, cancel_reason) VALUES (?, ?, '', '', '', ?, ?, ?, ?, ?, '')",
                    [(b[0], b[1], b[2], b[3].isoformat(" "), b[4].isoformat(" "), b[5], b[6].isoformat(" "))
                     for b in bookings])
    con.executemany("INSERT INTO booking_line (booking_id, item_id, technician_id, start_at, end_at, minutes,"
                    " designated) VALUES (?, ?, ?, ?, ?, ?, 0)",
                    [(l[0], l[1], l[2], l[3].isoformat(" "), l[4].isoformat(" "), l[5]) for l in lines])
    con.commit()
    con.close()
    return len(bookings)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("bench/out/big10.sqlite"))
    parser.add_argument("--profile", action="store_true", help="print where the booked calls spend their time")
    parser.add_argument("--bookings", type=int, default=300)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--sync", default="full", help="synchronous pragma (full as the shop runs; normal "
                        "leaves out the disk flush to see the program's own time)")
    args = parser.parse_args(argv)
    work = args.db.with_name(args.db.stem + "-book.sqlite")
    shutil.copyfile(args.db, work)
    rng = random.Random(11)
    now = datetime.now().replace(second=0, microsecond=0)
    shop = Shop.open(work, clock=lambda: now, run_jobs=False)
    cashier = shop.staff.login("cashier", "cashier123")
    services = [i.id for i in shop.catalogue.items(cashier, "service")]
    techs = [t.technician_id for t in shop.appointments.technicians(cashier, now.date())]
    customers = shop.db.execute_sql("SELECT MAX(id) FROM customer").fetchone()[0]
    shop.close()
    first = (now - timedelta(days=365 * args.years)).replace(hour=0, minute=0)
    made = seed_history(work, techs, services, customers, first, 365 * args.years, rng)
    shop = Shop.open(work, clock=lambda: now, run_jobs=False)
    shop.db.execute_sql(f"PRAGMA synchronous = {args.sync}")
    cashier = shop.staff.login("cashier", "cashier123")
    print(f"shop file: {customers} customers, {made} bookings in the history, {len(techs)} technicians")
    booked: list[float] = []
    refused: list[float] = []
    booked_cpu: list[float] = []
    refused_cpu: list[float] = []
    load_before = os.getloadavg()
    profiler = None
    if args.profile:
        import cProfile
        profiler = cProfile.Profile()
    for _ in range(args.bookings):
        day = now.date() + timedelta(days=rng.randint(1, 21))
        start = datetime(day.year, day.month, day.day, rng.randint(10, 19), rng.choice([0, 15, 30, 45]))
        line = (rng.choice(services), rng.choice(techs), start, rng.choice([30, 45, 60, 90]), rng.random() < 0.5)
        customer = rng.randint(1, customers)
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            if profiler is not None:
                profiler.enable()
            try:
                shop.appointments.book(cashier, [line], customer_id=customer)
            finally:
                if profiler is not None:
                    profiler.disable()
        except SalonError:
            refused.append(time.perf_counter() - t0)
            refused_cpu.append(time.process_time() - c0)
        else:
            booked.append(time.perf_counter() - t0)
            booked_cpu.append(time.process_time() - c0)
    b50, b95 = percentiles(booked)
    c50, c95 = percentiles(booked_cpu)
    print(f"book with the clash check: wall p50 {b50:.2f} ms, p95 {b95:.2f} ms; CPU p50 {c50:.2f} ms, "
          f"p95 {c95:.2f} ms (n={len(booked)}, synchronous={args.sync})")
    if refused:
        r50, r95 = percentiles(refused)
        rc50, rc95 = percentiles(refused_cpu)
        print(f"refused (clash or hours): wall p50 {r50:.2f} ms, p95 {r95:.2f} ms; CPU p50 {rc50:.2f} ms, "
              f"p95 {rc95:.2f} ms (n={len(refused)})")
    print("load average before {:.2f} {:.2f} {:.2f}, after {:.2f} {:.2f} {:.2f}".format(
        *load_before, *os.getloadavg()))
    if profiler is not None:
        import pstats
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    shop.close()
    return 0 if b95 <= 10 else 1


if __name__ == "__main__":
    sys.exit(main())
