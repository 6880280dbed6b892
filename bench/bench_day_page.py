"""The 预约 page's reads for one day: 12 technicians, 120 bookings of 120 customers (target with
the painting: 50 ms). Prints wall and CPU p50/p95 of ``technicians`` + ``day`` (with every
block's badges) + ``week``, as the page asks them on opening a day, and the load average.

    python bench/bench_day_page.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from salon_desk.db import Shop  # noqa: E402
from salon_desk.db.customers import CustomerDetails  # noqa: E402
from salon_desk import passwords  # noqa: E402


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered) * 1000, ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000


def main() -> int:
    if hasattr(passwords, "ITERATIONS"):
        passwords.ITERATIONS = 1000
    now = datetime(2026, 12, 1, 9, 0)
    day = date(2026, 12, 2)
    path = Path(tempfile.mkdtemp()) / "day.sqlite"
    shop = Shop.open(path, clock=lambda: now, run_jobs=False)
    owner = shop.staff.setup(shop_name="店", owner_username="owner", owner_password="owner123")
    techs = [shop.staff.create(owner, username=f"t{i}", display_name=f"技师{i}", role="technician",
                               password="tech1234") for i in range(12)]
    item = shop.catalogue.add_item(owner, kind="service", code="S1", name="精剪", price_fen=10000,
                                   category="hair", duration_min=45)
    for n in range(120):
        c = shop.customers.register(owner, CustomerDetails(name=f"客人{n}", phone=f"1380000{n:04d}",
                                                          allergies="花粉" if n % 7 == 0 else "",
                                                          birth_month=12, birth_day=1 + n % 28),
                                    consent_keep_file=True, consent_marketing=n % 2 == 0, consent_health=True)
        tech = techs[n % 12]
        start = datetime.combine(day, datetime.min.time()) + timedelta(hours=10, minutes=60 * (n // 12))
        shop.appointments.book(owner, [(item.id, tech.id, start, 45, n % 3 == 0)], customer_id=c.id)
    wall, cpu = [], []
    load = os.getloadavg()
    for _ in range(40):
        w, c = time.perf_counter(), time.process_time()
        shop.appointments.technicians(owner, day)
        blocks = shop.appointments.day(owner, day)
        shop.appointments.week(owner, day - timedelta(days=day.weekday()))
        wall.append(time.perf_counter() - w)
        cpu.append(time.process_time() - c)
    w50, w95 = percentiles(wall)
    c50, c95 = percentiles(cpu)
    print(f"{len(blocks)} blocks: the page's reads wall p50 {w50:.1f} ms p95 {w95:.1f} ms, "
          f"cpu p50 {c50:.1f} ms p95 {c95:.1f} ms; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")
    shop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
