"""Checkout with a stored-value card tender on the 10-year shop (target: p95 <= 10 ms).

    python bench/build_big_shop.py --db bench/out/big.sqlite
    python bench/bench_card_checkout.py --db bench/out/big.sqlite

Each sampled member gets a card (充3000送500, so principal and bonus are both
drawn) and buys five services paying part by card and the rest by WeChat,
redeeming points; only the checkout call is timed. A copy of the file is used.
"""

from __future__ import annotations

import argparse
import os
import random
import threading
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from salon_desk.db import Shop
from salon_desk.tenders import STORED_VALUE, Tender


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("bench/out/big.sqlite"))
    parser.add_argument("--checkouts", type=int, default=200)
    parser.add_argument("--no-card", action="store_true", help="the same checkouts paid by WeChat only")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--autocheckpoint", action="store_true",
                        help="leave SQLite's automatic checkpoint in the sales' commits (the window moves it to a "
                             "worker thread; by default this bench does the same, checkpointing every 0.5 s)")
    parser.add_argument("--sync", default="full", help="synchronous pragma (full as the shop runs; normal "
                        "leaves out the disk flush to see the program's own time)")
    args = parser.parse_args(argv)
    work = args.db.with_name(args.db.stem + "-cards.sqlite")
    shutil.copyfile(args.db, work)
    rng = random.Random(5)
    con = sqlite3.connect(work)
    members = [r[0] for r in con.execute(
        "SELECT customer_id FROM member WHERE active = 1 ORDER BY random() LIMIT ?", (args.checkouts,))]
    sales = con.execute("SELECT COUNT(*) FROM sale").fetchone()[0]
    customers = con.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
    con.close()
    print(f"shop file: {customers} customers, {sales} sales")
    shop = Shop.open(work, run_jobs=False)
    shop.db.execute_sql(f"PRAGMA synchronous = {args.sync}")
    cashier = shop.staff.login("cashier", "cashier123")
    owner = shop.staff.login("owner", "owner123")
    services = [i for i in shop.catalogue.items(cashier, "service") if i.member_discount][:5]
    techs = shop.staff.technicians(cashier)
    for cid in members:     # cards first, as a shop that has sold cards for a while
        shop.cards.top_up(cashier, cid, 300_000, "wechat", terms_signed=True)
    stop_checkpoints = threading.Event()
    if not args.autocheckpoint:          # as the window runs: the log copied on a worker thread
        shop.hold_checkpoints()

        def checkpoints() -> None:
            shop.db.connection()
            while not stop_checkpoints.wait(0.5):
                shop.checkpoint()
            shop.db.close()
        threading.Thread(target=checkpoints, daemon=True).start()
    samples: list[float] = []
    cpu: list[float] = []     # this process's own time: what a busy machine adds is left out
    import cProfile
    profiler = cProfile.Profile() if args.profile else None
    for n, cid in enumerate(members):
        if shop.points.balance(owner, cid) < 1000:
            shop.points.adjust(owner, cid, 1000, "benchmark")
        visit = shop.visits.check_in(cashier, cid)
        for item in services:
            shop.visits.add_service(cashier, visit.id, item.id, rng.choice(techs).id)
        due = shop.sales.quote(cashier, visit.id, points=500).priced.amount_due_fen
        card = 0 if args.no_card else min(due, 50_000 + rng.randint(0, 30_000))
        tenders = ([Tender(STORED_VALUE, card)] if card else []) + ([Tender("wechat", due - card)] if due > card else [])
        if profiler is not None:
            profiler.enable()
        t0, c0 = time.perf_counter(), time.process_time()
        receipt = shop.sales.checkout(cashier, visit.id, tenders, points=500)
        samples.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        if profiler is not None:
            profiler.disable()
        assert args.no_card or (receipt.card is not None and receipt.card.bonus_fen > 0)
    if profiler is not None:
        import pstats
        pstats.Stats(profiler).sort_stats(args.sort).print_stats(25)
    stop_checkpoints.set()
    c50, c95 = percentiles(samples)
    u50, u95 = percentiles(cpu)
    print(f"checkout, 5 lines + points + {'WeChat only' if args.no_card else 'card and WeChat'}: p50 {c50:.2f} ms, p95 {c95:.2f} ms"
          f" (synchronous={args.sync}, checkpoints {'in the commits' if args.autocheckpoint else 'on a worker thread'}, "
          f"n={len(samples)}); load {os.getloadavg()[0]:.1f}; CPU p50 {u50:.2f} ms, p95 {u95:.2f} ms")
    shop.close()
    work.unlink()
    for suffix in ("-wal", "-shm"):
        Path(str(work) + suffix).unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
