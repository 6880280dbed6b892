"""Build a large shop file for the benchmarks: 100k customers, 10 years, 400k+ visits.

The real checkout would take hours for 400k sales, so this is a bulk path:
rows are written with executemany, but every amount comes from the same
core functions the checkout uses (price_sale, points_earned, customer_keys,
earned_tier), so the file has the shape and the invariants of a real one.

    python bench/build_big_shop.py --db bench/out/big.sqlite [--customers 100000] [--years 10]
"""

from __future__ import annotations

import argparse
import random
import sys
import time as timer
from datetime import datetime, time, timedelta
from pathlib import Path

from salon_desk.db import Shop
from salon_desk.db.demo import CATALOGUE, STAFF, _name

from salon_desk.membership import earned_tier
from salon_desk.pinyin_keys import customer_keys
from salon_desk.pricing import LineInput, PricingInput, price_sale


def build(path: Path, n_customers: int, years: int, seed: int, visits_target: int, end: datetime) -> dict:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    rng = random.Random(seed)
    start = end - timedelta(days=365 * years)
    shop = Shop.open(path, clock=lambda: start, run_jobs=False)
    database = shop.db
    owner = shop.staff.setup(shop_name="基准测试店", owner_username="owner", owner_password="owner123")
    staff_ids = [owner.id]
    for username, name, role, password in STAFF[1:]:
        staff_ids.append(shop.staff.create(owner, username=username, display_name=name, role=role,
                                           password=password).id)
    techs = staff_ids[2:]
    items = [shop.catalogue.add_item(owner, kind=k, code=c, name=n, category=cat, price_fen=p * 100, duration_min=m,
                           member_discount=d, stock=10_000 if k == "product" else 0)
             for k, c, n, cat, p, m, d in CATALOGUE]
    services = [i for i in items if i.kind == "service"]
    tiers = shop.ctx.tiers()
    rates = {t.code: t.rate_permille for t in tiers}
    database = shop.db
    con = database.connection()

    # Customers, their search keys and consents.
    t0 = timer.perf_counter()
    prefixes = ["138", "139", "135", "136", "137", "150", "151", "158", "159", "186", "187", "188", "199"]
    numbers = rng.sample(range(10_000_000, 99_999_999), n_customers)
    days_total = (end - start).days
    customers = []
    for i in range(n_customers):
        name, gender = _name(rng)
        first = start + timedelta(days=int(days_total * (i / n_customers) ** 0.8), hours=10)
        customers.append((i + 1, name, rng.choice(prefixes) + f"{numbers[i]:08d}", gender,
                          rng.randint(1, 12), rng.randint(1, 28), first))
    with database.atomic():
        con.executemany(
            "INSERT INTO customer (id, name, phone, phone_is_mainland, gender, birth_month, birth_day, region,"
            " skin_type, allergies, care_goals, notes, first_seen, archived, created_at)"
            " VALUES (?, ?, ?, 1, ?, ?, ?, 'city', '', '', '', '', ?, 0, ?)",
            [(cid, name, phone, g, m, d, first.date().isoformat(), first.isoformat(sep=" "))
             for cid, name, phone, g, m, d, first in customers])
        con.executemany("INSERT INTO search_key (customer_id, key) VALUES (?, ?)",
                        ((cid, key) for cid, name, phone, *_ in customers
                         for key in sorted(customer_keys(name, phone))))
        con.executemany("INSERT INTO consent (customer_id, purpose, granted, at, staff_id, notice_version)"
                        " VALUES (?, 'keep_file', 1, ?, ?, '2026-1')",
                        ((cid, first.isoformat(sep=" "), staff_ids[1]) for cid, *_, first in customers))
        # four in five agree to marketing contact (the care tasks' inactive, birthday and cycle calls)
        con.executemany("INSERT INTO consent (customer_id, purpose, granted, at, staff_id, notice_version)"
                        " VALUES (?, 'marketing', 1, ?, ?, '2026-1')",
                        ((cid, first.isoformat(sep=" "), staff_ids[1]) for cid, *_, first in customers
                         if cid % 5))
    t_customers = timer.perf_counter() - t0

    # Visits and sales, day by day, numbered gaplessly per day.
    t0 = timer.perf_counter()
    weights = [rng.choice([1, 1, 2, 3, 5, 8, 13]) for _ in customers]
    member_of: dict[int, tuple[int, str]] = {}
    spend: dict[int, int] = {}
    visits_count: dict[int, int] = {}
    last_visit: dict[int, datetime] = {}
    sale_id = visit_id = line_id = 0
    per_day = visits_target / days_total
    batch: dict[str, list] = {k: [] for k in ("visit", "vline", "sale", "sline", "pay", "points", "member", "tier")}

    def flush() -> None:
        with database.atomic():
            con.executemany("INSERT INTO visit (id, customer_id, status, opened_at, opened_by_id, closed_at)"
                            " VALUES (?, ?, 'completed', ?, ?, ?)", batch["visit"])
            con.executemany("INSERT INTO visit_line (id, visit_id, item_id, technician_id, quantity, unit_price_fen,"
                            " note, added_at) VALUES (?, ?, ?, ?, 1, ?, '', ?)", batch["vline"])
            con.executemany("INSERT INTO member (id, customer_id, number, tier, joined_at, active)"
                            " VALUES (?, ?, ?, 'regular', ?, 1)", batch["member"])
            con.executemany(
                "INSERT INTO sale (id, receipt_no, day, seq, visit_id, customer_id, member_id, tier, cashier_id,"
                " created_at, list_total_fen, member_discount_fen, birthday_discount_fen, points_redeemed,"
                " points_discount_fen, amount_due_fen, counts_for_tier, enrolled, promoted_to, status)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, NULL, 'completed')", batch["sale"])
            con.executemany(
                "INSERT INTO sale_line (id, sale_id, item_id, kind, code, name, category, technician_id,"
                " technician_name, quantity, unit_price_fen, list_amount_fen, rate_permille, member_discount_fen,"
                " birthday_discount_fen, amount_fen, points_share_fen, note)"
                " VALUES (?, ?, ?, 'service', ?, ?, ?, ?, '', 1, ?, ?, ?, ?, 0, ?, 0, '')", batch["sline"])
            con.executemany("INSERT INTO payment (sale_id, method, amount_fen, tendered_fen, change_fen)"
                            " VALUES (?, ?, ?, NULL, 0)", batch["pay"])
            con.executemany("INSERT INTO points_entry (customer_id, kind, points, at, staff_id, sale_id, reason)"
                            " VALUES (?, 'earn', ?, ?, ?, ?, '')", batch["points"])
            con.executemany("INSERT INTO tier_change (member_id, kind, from_tier, to_tier, at, staff_id, sale_id,"
                            " reason) VALUES (?, ?, ?, ?, ?, ?, ?, '')", batch["tier"])
        for rows in batch.values():
            rows.clear()

    ids = [c[0] for c in customers]
    for day_offset in range(days_total):
        day = (start + timedelta(days=day_offset)).date()
        known = int(n_customers * ((day_offset + 1) / days_total) ** 1.25) or 1
        n = int(per_day) + (1 if rng.random() < per_day - int(per_day) else 0)
        who = rng.choices(ids[:known], weights=weights[:known], k=n)
        for seq, cid in enumerate(who, start=1):
            at = datetime.combine(day, time(10, 0)) + timedelta(seconds=seq * 47)
            visit_id += 1
            sale_id += 1
            picked = rng.sample(services, rng.choice([1, 1, 2, 3]))
            member = member_of.get(cid)
            priced = price_sale(PricingInput(
                lines=tuple(LineInput(k, "service", s.price_fen, 1, s.member_discount) for k, s in enumerate(picked)),
                member_rate_permille=rates[member[1]] if member else None, earns_points=member is not None))
            batch["visit"].append((visit_id, cid, at.isoformat(sep=" "), staff_ids[1], at.isoformat(sep=" ")))
            batch["sale"].append((sale_id, f"{day:%Y%m%d}-{seq:04d}", day.isoformat(), seq, visit_id, cid,
                                  member[0] if member else None, member[1] if member else None, staff_ids[1],
                                  at.isoformat(sep=" "), priced.list_total_fen, priced.member_discount_fen,
                                  priced.amount_due_fen, 1 if member else 0, 0))
            for k, (service, p) in enumerate(zip(picked, priced.lines)):
                line_id += 1
                tech = rng.choice(techs)
                batch["vline"].append((line_id, visit_id, service.id, tech, service.price_fen, at.isoformat(sep=" ")))
                batch["sline"].append((line_id, sale_id, service.id, service.code, service.name, service.category,
                                       tech, service.price_fen, p.list_amount_fen, p.rate_permille,
                                       p.member_discount_fen, p.amount_fen))
            batch["pay"].append((sale_id, rng.choice(["wechat", "wechat", "alipay", "cash", "card"]),
                                 priced.amount_due_fen))
            if member:
                if priced.points_earned:
                    batch["points"].append((cid, priced.points_earned, at.isoformat(sep=" "), staff_ids[1], sale_id))
                spend[cid] = spend.get(cid, 0) + priced.amount_due_fen
                visits_count[cid] = visits_count.get(cid, 0) + 1
                new = earned_tier(tiers, spend[cid], visits_count[cid])
                if new != member[1] and [t.code for t in tiers].index(new) > [t.code for t in tiers].index(member[1]):
                    batch["tier"].append((member[0], "promote", member[1], new, at.isoformat(sep=" "), staff_ids[1], sale_id))
                    member_of[cid] = (member[0], new)
            elif priced.amount_due_fen >= 50_000 or rng.random() < 0.08:
                number = len(member_of) + 1
                member_of[cid] = (number, "regular")
                batch["member"].append((number, cid, number, at.isoformat(sep=" ")))
                batch["tier"].append((number, "enrol", None, "regular", at.isoformat(sep=" "), staff_ids[1], sale_id))
            last_visit[cid] = at
        if len(batch["sale"]) > 20_000:
            flush()
    flush()
    with database.atomic():
        con.executemany("UPDATE member SET tier = ? WHERE id = ?", [(t, m) for m, t in member_of.values()])
        con.executemany("UPDATE customer SET last_visit_at = ? WHERE id = ?",
                        [(at.isoformat(sep=" "), cid) for cid, at in last_visit.items()])
        # the search keys carry their customer's last visit, as every checkout keeps them
        con.execute("UPDATE search_key SET last_visit_at = "
                    "(SELECT c.last_visit_at FROM customer c WHERE c.id = search_key.customer_id)")
    database.execute_sql("ANALYZE")
    t_sales = timer.perf_counter() - t0
    shop.close()
    return {"customers": n_customers, "sales": sale_id, "members": len(member_of),
            "seconds_customers": round(t_customers, 1), "seconds_sales": round(t_sales, 1)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("bench/out/big.sqlite"))
    parser.add_argument("--customers", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--visits", type=int, default=420_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    args.db.parent.mkdir(parents=True, exist_ok=True)
    end = datetime.now().replace(microsecond=0) - timedelta(days=1)
    print(build(args.db, args.customers, args.years, args.seed, args.visits, end))
    return 0


if __name__ == "__main__":
    sys.exit(main())
