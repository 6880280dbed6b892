"""Time the pure care rules on a 100k-customer, 10-year shop: segments and the daily task job.

    python bench/bench_care_rules.py [customers] [--no-freeze]

Prints p50/p95 over repeated runs. The visits are synthetic: most customers
come once or twice, a quarter are regulars with a 3-8 week rhythm.
"""

from __future__ import annotations

import gc
import random
import statistics
import sys
import time
from datetime import date, timedelta
from typing import Callable

from salon_desk.care_settings import CareSettings
from salon_desk.followups import CareFacts, Customer, ServiceVisit, daily_tasks
from salon_desk.segments import RFMFacts, rfm_facts, segment

TODAY = date(2026, 11, 30)
START = TODAY - timedelta(days=3650)


def build(n: int, seed: int = 7) -> tuple[list[tuple[int, date, int]], list[CareFacts]]:
    rnd = random.Random(seed)
    visits: list[tuple[int, date, int]] = []
    facts: list[CareFacts] = []
    categories = ("hair", "beauty", "nails", "skin")
    for cid in range(1, n + 1):
        first = START + timedelta(days=rnd.randrange(3650))
        history: list[ServiceVisit] = []
        if rnd.random() < 0.25:          # a regular
            gap = rnd.randint(21, 56)
            category = rnd.choice(categories)
            day = first
            stop = min(TODAY, first + timedelta(days=rnd.randint(60, 3000)))
            while day <= stop:
                visits.append((cid, day, rnd.randint(6_800, 68_800)))
                history.append(ServiceVisit(day, category, rnd.randint(1, 12)))
                day += timedelta(days=gap + rnd.randint(-4, 4))
        else:                            # once or twice
            for _ in range(1 if rnd.random() < 0.7 else 2):
                day = min(TODAY, first + timedelta(days=rnd.randrange(200)))
                visits.append((cid, day, rnd.randint(3_800, 29_800)))
                history.append(ServiceVisit(day, rnd.choice(categories), rnd.randint(1, 12)))
        member = rnd.random() < 0.4
        customer = Customer(cid, f"客户{cid}", True, rnd.random() < 0.8, member,
                            rnd.randint(1, 12), rnd.randint(1, 28))
        last = max(v.day for v in history)
        facts.append(CareFacts(customer, last, history[-1].technician_id, tuple(history[-6:])))
    return visits, facts


def timed(label: str, fn: Callable[[], object], runs: int = 9) -> None:
    """Wall-clock p50/p95 and CPU p50 (the CPU time shows the code's cost on a busy machine)."""
    wall, cpu = [], []
    result: object = None
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    wall.sort()
    p95 = wall[min(len(wall) - 1, int(round(0.95 * (len(wall) - 1))))]
    print(f"{label:<44} wall p50 {statistics.median(wall) * 1000:6.0f} ms  p95 {p95 * 1000:6.0f} ms"
          f"  cpu p50 {statistics.median(cpu) * 1000:6.0f} ms  ({result})")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 100_000
    visits, facts = build(n)
    if "--no-freeze" not in sys.argv:
        gc.freeze()     # the built shop is the heap of a long-lived process: keep the collector off it
    print(f"{n} customers, {len(visits)} visits over 10 years")
    window = [v for v in visits if v[1] > TODAY - timedelta(days=731)]
    rfm = rfm_facts(window, TODAY)
    settings = CareSettings()
    timed("RFM facts from the 24-month visit rows", lambda: len(rfm_facts(window, TODAY)))
    timed("RFM facts from all 10 years of visit rows", lambda: len(rfm_facts(visits, TODAY)))
    timed(f"segment the {len(rfm)} customers of 24 months", lambda: segment(rfm, TODAY).counts())
    rnd = random.Random(1)
    everyone = [RFMFacts(cid, rnd.randint(0, 729), rnd.choice((0, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4, 6, 9)),
                         rnd.randint(0, 30_000) * 100, 0, None) for cid in range(1, n + 1)]
    timed(f"segment {n} customers (all in 24 months)", lambda: segment(everyone, TODAY).counts())
    timed("daily task job (inactive, birthday, cycle)",
          lambda: len(daily_tasks(facts, TODAY, settings, "美丽沙龙")))


if __name__ == "__main__":
    main()
