"""What sealing an audit entry onto the chain costs, against the plain insert it replaces.

python bench/bench_audit_append.py --db bench/out/after.sqlite   (a copy: it writes)

Each entry is written in a transaction of its own (as a sale's entry is, inside the checkout's),
on a file with a long audit log. Prints CPU p50/p95 per entry (wall includes the commit's
fsync, which dwarfs both), and the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from datetime import datetime
from pathlib import Path

from salon_desk.db import Shop
from salon_desk.db.models import AuditLog


def p50_p95(samples: list[float]) -> str:
    ordered = sorted(samples)
    return f"{statistics.median(ordered) * 1000:.3f} / {ordered[int(len(ordered) * 0.95)] * 1000:.3f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    shop = Shop.open(args.db, run_jobs=False)
    details = {"due": 26800, "lines": 5, "points": 268}

    def chained() -> None:
        with shop.db.atomic():
            shop.ctx.audit(None, "sale", target="20261202-0001", **details)

    def plain() -> None:        # what version 14 did (peewee's insert, no seal)
        with shop.db.atomic():
            AuditLog.create(at=datetime.now(), staff=None, action="sale", target="20261202-0001",
                            details=json.dumps(details, ensure_ascii=False, sort_keys=True))

    results = {}
    for name, step in (("sealed onto the chain", chained), ("plain insert (before)", plain)):
        if name.startswith("plain"):
            shop.db.execute_sql('DROP TRIGGER "audit_log_chained"')
        cpu, wall = [], []
        for _ in range(args.n):
            w, c = time.perf_counter(), time.process_time()
            step()
            cpu.append(time.process_time() - c)
            wall.append(time.perf_counter() - w)
        results[name] = (cpu, wall)
        print(f"{name:24s} CPU p50/p95 {p50_p95(cpu)}, wall p50/p95 {p50_p95(wall)}, "
              f"load {os.getloadavg()[0]:.1f}", flush=True)
    shop.close()


if __name__ == "__main__":
    main()
