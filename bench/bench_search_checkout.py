"""Customer search and checkout speed on a big shop file (issue targets: search p95 <= 5 ms,
checkout p95 <= 10 ms). Prints p50/p95 for the front door and the raw indexed-SQL floor.

    python bench/build_big_shop.py --db bench/out/big.sqlite
    python bench/bench_search_checkout.py --db bench/out/big.sqlite
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from salon_desk.db import Shop
from salon_desk.pinyin_keys import name_keys, query_ranges
from salon_desk.tenders import Tender


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p50 = statistics.median(ordered)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return p50 * 1000, p95 * 1000


def timed(fn, queries) -> list[float]:
    out = []
    for q in queries:
        t0 = time.perf_counter()
        fn(q)
        out.append(time.perf_counter() - t0)
    return out


# The floor: the same index range read straight from sqlite3, ids only, no ranking
# across ranges, no summary columns, no Python records.
RAW = ("SELECT customer_id FROM search_key WHERE key >= ? AND key < ?"
       " ORDER BY last_visit_at DESC LIMIT 20")


def raw_search(con: sqlite3.Connection, text: str) -> list:
    rows = []
    for low, high, _exact in query_ranges(text):
        rows += con.execute(RAW, (low, high)).fetchall()
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, default=Path("bench/out/big.sqlite"))
    parser.add_argument("--n", type=int, default=300)
    parser.add_argument("--checkouts", type=int, default=200)
    args = parser.parse_args(argv)
    rng = random.Random(3)
    shop = Shop.open(args.db, run_jobs=False)
    cashier = shop.staff.login("cashier", "cashier123")
    con = sqlite3.connect(args.db)
    people = con.execute("SELECT name, phone FROM customer WHERE phone IS NOT NULL"
                         " ORDER BY random() LIMIT ?", (args.n,)).fetchall()
    sales = con.execute("SELECT COUNT(*) FROM sale").fetchone()[0]
    customers = con.execute("SELECT COUNT(*) FROM customer").fetchone()[0]
    print(f"shop file: {customers} customers, {sales} sales")
    workloads = {
        "phone tail (4 digits)": [p[-4:] for _, p in people],
        "whole phone": [p for _, p in people],
        "name (2 characters)": [n[-2:] if len(n) > 2 else n for n, _ in people],
        "pinyin initials": [sorted(k for k in name_keys(n) if k.startswith("i:"))[0][2:] for n, _ in people],
    }
    print(f"{'search':28} {'front door p50/p95 ms':>24} {'raw SQL p50/p95 ms':>22} {'hits avg':>9}")
    for label, queries in workloads.items():
        shop.customers.find(cashier, queries[0])   # warm the page cache
        front = timed(lambda q: shop.customers.find(cashier, q), queries)
        raw = timed(lambda q: raw_search(con, q), queries)
        hits = statistics.mean(len(shop.customers.find(cashier, q)) for q in queries[:50])
        f50, f95 = percentiles(front)
        r50, r95 = percentiles(raw)
        print(f"{label:28} {f50:10.2f} / {f95:6.2f}      {r50:8.2f} / {r95:6.2f}   {hits:8.1f}")

    # Checkout: a member with points buys five services; only the checkout call is timed.
    members = [r[0] for r in con.execute(
        "SELECT m.customer_id FROM member m WHERE m.active = 1 ORDER BY random() LIMIT ?", (args.checkouts,))]
    owner = shop.staff.login("owner", "owner123")
    services = [i for i in shop.catalogue.items(owner, "service") if i.member_discount][:5]
    techs = shop.staff.technicians(owner)
    samples = []
    for cid in members:
        if shop.points.balance(owner, cid) < 1000:
            shop.points.adjust(owner, cid, 1000, "benchmark")
        visit = shop.visits.check_in(cashier, cid)
        for item in services:
            shop.visits.add_service(cashier, visit.id, item.id, rng.choice(techs).id)
        quote = shop.sales.quote(cashier, visit.id, points=500)
        t0 = time.perf_counter()
        shop.sales.checkout(cashier, visit.id, [Tender("wechat", quote.priced.amount_due_fen)], points=500)
        samples.append(time.perf_counter() - t0)
    c50, c95 = percentiles(samples)
    print(f"{'checkout, 5 lines + points':28} {c50:10.2f} / {c95:6.2f}   (commit with synchronous=full, n={len(samples)})")
    shop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
