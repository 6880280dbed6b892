"""How long the audit chain's migration and the books' check take on a big shop file (a copy).

python bench/bench_verify.py --db bench/out/big.sqlite [--before 200000] [--audit 200000]

``--before N`` adds N audit entries to a file from before version 15 (not sealed yet), so the
migration has a busy shop's years of entries to seal; ``--audit N`` adds N entries the way the
program writes them (sealed onto the chain) after opening. Prints wall and CPU time of
each step and the load average, so noise can be judged.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import time
from datetime import datetime, timedelta
from pathlib import Path

from salon_desk.db import Shop
from salon_desk.db.audit_log import check_chain
from salon_desk.db.ledger_check import check_books


def timed(label: str, action):
    wall, cpu = time.perf_counter(), time.process_time()
    value = action()
    print(f"{label}: wall {time.perf_counter() - wall:.2f} s, CPU {time.process_time() - cpu:.2f} s, "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
    return value


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--audit", type=int, default=0)
    parser.add_argument("--before", type=int, default=0)
    args = parser.parse_args()
    if args.before:
        con = sqlite3.connect(str(args.db))
        start = datetime(2017, 1, 1, 9)
        con.executemany("INSERT INTO audit_log (at, staff_id, action, target, details) VALUES (?, 1, ?, ?, ?)",
                        ((str(start + timedelta(minutes=n * 20)), "customer_updated", f"customer:{n % 100000 + 1}",
                          '{"changes": {"notes": ["", "回访"]}}') for n in range(args.before)))
        con.commit()
        con.close()
    shop = timed("open (migrations, 0015 seals the audit log)", lambda: Shop.open(args.db, run_jobs=False))
    print("migrations applied:", shop.migrations_applied)
    if args.audit:
        start = datetime(2017, 1, 1, 9)

        def add() -> None:
            with shop.db.atomic():
                for n in range(args.audit):
                    shop.ctx.clock = lambda n=n: start + timedelta(minutes=n * 20)
                    shop.ctx.audit(None, "customer_updated", target=f"customer:{n % 100000 + 1}",
                                   changes={"notes": ["", "回访"]})
        timed(f"write {args.audit} sealed audit entries", add)
    con = sqlite3.connect(str(args.db))
    run = lambda sql, params=(): con.execute(sql, params)  # noqa: E731
    count = con.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    print("audit entries:", count)
    timed("the audit chain alone", lambda: check_chain(run))
    found = timed("the whole check of the books (integrity_check included)", lambda: check_books(run))
    print("found:", json.dumps([f"{b.check}: {b.detail}" for b in found], ensure_ascii=False))
    con.close()
    shop.close()


if __name__ == "__main__":
    main()
