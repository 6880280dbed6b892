"""Sales, refunds, gifts, yearly resets and lapses in any order: the books' invariants hold after every step."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from salon_desk.db import Shop
from salon_desk.db.customers import CustomerDetails
from salon_desk.db.ledger_check import check_books
from salon_desk.errors import SalonError
from salon_desk.tenders import Tender

from reliability_figures import record

PASSWORD = "secret123"
STEPS = {"runs": 0, "steps": 0, "violations": 0}


class Books(RuleBasedStateMachine):
    template: Path

    @initialize()
    def open_shop(self) -> None:
        self.folder = Path(tempfile.mkdtemp())
        path = self.folder / "shop.sqlite"
        shutil.copyfile(self.template, path)
        self.now = datetime(2026, 11, 22, 10, 0)
        self.shop = Shop.open(path, clock=lambda: self.now, run_jobs=False)
        self.owner = self.shop.staff.login("boss", PASSWORD)
        self.cashier = self.shop.staff.login("xiaomei", PASSWORD)
        self.tech = self.shop.staff.login("wang", PASSWORD)
        self.items = [i for i in self.shop.catalogue.items(self.owner) if i.kind == "service"]
        self.customers: list[int] = []
        self.sales: list[int] = []
        self.negative_allowed: set[int] = set()
        STEPS["runs"] += 1
        for n in range(2):
            c = self.shop.customers.register(self.owner, CustomerDetails(name=f"顾客{n}", phone=f"1380000000{n}"),
                                             consent_keep_file=True)
            self.shop.members.enrol(self.owner, c.id, consent=True) if hasattr(self.shop.members, "enrol") else None
            self.customers.append(c.id)

    def teardown(self) -> None:
        self.shop.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    @rule(who=st.integers(0, 1), lines=st.integers(1, 3), use_points=st.booleans())
    def sell(self, who: int, lines: int, use_points: bool) -> None:
        customer = self.customers[who]
        visit = self.shop.visits.check_in(self.cashier, customer)
        for item in self.items[:lines]:
            self.shop.visits.add_service(self.cashier, visit.id, item.id, self.tech.id)
        points = 0
        if use_points:
            balance = self.shop.points.balance(self.owner, customer)
            points = max(0, min(balance, 100) // 100 * 100)
        try:
            due = self.shop.sales.quote(self.cashier, visit.id, points=points).priced.amount_due_fen
            receipt = self.shop.sales.checkout(self.cashier, visit.id, [Tender("wechat", due)], points=points)
        except SalonError:
            return
        self.sales.append(receipt.sale_id)

    @rule(pick=st.integers(0, 50), choice=st.sampled_from(["negative", "deduct"]))
    def refund(self, pick: int, choice: str) -> None:
        if not self.sales:
            return
        sale_id = self.sales.pop(pick % len(self.sales))
        grant = self.shop.staff.authorise_owner(self.owner, "boss", PASSWORD)
        try:
            preview = self.shop.sales.preview_refund(self.cashier, sale_id)
            self.shop.sales.refund(self.cashier, sale_id, grant=grant, reason="不满意", shortfall=choice)
        except SalonError:
            return
        if preview.points_shortfall and choice == "negative":
            receipt = self.shop.sales.receipt(self.owner, sale_id)
            self.negative_allowed.add(receipt.customer_id)

    @rule(who=st.integers(0, 1))
    def gift(self, who: int) -> None:
        customer = self.customers[who]
        balance = self.shop.points.balance(self.owner, customer)
        if balance > 0:
            self.shop.points.adjust(self.owner, customer, -balance, "gift 礼品")

    @rule(days=st.integers(1, 200))
    def time_passes(self, days: int) -> None:
        self.now += timedelta(days=days)
        self.shop.run_daily_jobs()
        self.negative_allowed.clear() if self.now.month == 1 and self.now.day <= days else None

    @invariant()
    def books_hold(self) -> None:
        if not hasattr(self, "shop"):
            return
        STEPS["steps"] += 1
        problems = check_books(lambda sql, params: self.shop.db.execute_sql(sql, params))
        negative = [c for c in self.customers
                    if self.shop.points.balance(self.owner, c) < 0 and c not in self.negative_allowed]
        if problems or negative:
            STEPS["violations"] += 1
        assert not problems, problems
        assert not negative, negative


def test_the_books_hold_through_any_sequence(template_shop, runs):
    Books.template = template_shop[0]
    run_state_machine_as_test(Books, settings=settings(
        max_examples=8 * runs, stateful_step_count=12, deadline=None,
        suppress_health_check=list(HealthCheck)))
    record("ledger state machine (examples)", STEPS["runs"], STEPS["violations"])
    record("ledger state machine (steps checked)", STEPS["steps"], 0)
