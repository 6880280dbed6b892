"""Shared fixtures: a small shop on a temporary file with a clock the test sets.

The shop (owner, cashier, two technicians, a small catalogue) is built once
per test session through the real front door and copied for every test, so
each test starts from the same file. Staff act through sessions from a real
login; the test run hashes passwords with argon2's cheapest settings (the
program's own settings are tested in tests/core/test_passwords.py), so a
login costs microseconds here instead of the deliberate quarter second.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from argon2 import PasswordHasher

from salon_desk import passwords
from salon_desk.db import Shop
from salon_desk.db.customers import CustomerDetails

passwords._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

START = datetime(2026, 11, 22, 10, 0)      # a Sunday
OWNER = {"owner_username": "boss", "owner_password": "secret123"}
PASSWORD = "secret123"


@dataclass
class Clock:
    """The shop's clock; tests move it with ``set`` and ``advance``."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def set(self, *args: int) -> datetime:
        self.now = datetime(*args)
        return self.now

    def advance(self, **kwargs: float) -> datetime:
        self.now = self.now + timedelta(**kwargs)
        return self.now


@pytest.fixture(scope="session")
def template_shop(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("template") / "shop.sqlite"
    shop = Shop.open(path, clock=Clock(START))
    owner = shop.staff.setup(shop_name="丽人坊", owner_username="boss", owner_password=PASSWORD,
                       owner_display_name="老板", address="杭州市西湖路1号", phone="0571-88886666")
    ids: dict[str, int] = {"owner": owner.id}
    for key, username, name, role in (("cashier", "xiaomei", "小美", "cashier"),
                                      ("tech", "wang", "王师傅", "technician"),
                                      ("tech2", "li", "李师傅", "technician")):
        ids[key] = shop.staff.create(owner, username=username, display_name=name, role=role,
                                     password=PASSWORD).id
    for key, kwargs in (
        ("cut", dict(kind="service", code="C01", name="精剪", category="hair", price_fen=26800)),
        ("care", dict(kind="service", code="W01", name="洗护", category="hair", price_fen=12800)),
        ("wcb", dict(kind="service", code="H01", name="洗剪吹", category="hair", price_fen=6800)),
        ("dye", dict(kind="service", code="D01", name="染发", category="hair", price_fen=38800)),
        ("promo", dict(kind="service", code="P01", name="双十一护理套餐", category="beauty",
                       price_fen=19900, member_discount=False)),
        ("serum", dict(kind="product", code="G01", name="修护精华", price_fen=12900, stock=10,
                       low_stock_at=3)),
    ):
        ids[key] = shop.catalogue.add_item(owner, **kwargs).id
    shop.close()
    shutil.copyfile(path, path.with_name("shiftless.sqlite"))
    with Shop.open(path, clock=Clock(START)) as shop:      # sales need an open shift: the owner opens the day
        session = shop.ctx.issue_session(shop.ctx.staff_row(owner.id))      # (no login in the audit log)
        shop.shifts.open(session, 0)
    return path, ids


@pytest.fixture
def clock() -> Clock:
    return Clock(START)


@pytest.fixture
def shop_path(tmp_path, template_shop, request) -> Path:
    path = tmp_path / "shop.sqlite"
    source = template_shop[0]
    if "shiftless" in request.fixturenames:
        source = source.with_name("shiftless.sqlite")
    shutil.copyfile(source, path)
    return path


@pytest.fixture
def shiftless() -> None:
    """The test's shop has no shift open (the others open the day with a ¥0 float, as sales need one)."""


@pytest.fixture
def keys(tmp_path):
    """This computer's key store without a credential store: a key file in the test's folder.
    A test that asks for it gets a ``shop`` opened with it (the owner may encrypt that shop)."""
    from salon_desk.keystore import KeyStore
    return KeyStore(key_dir=tmp_path / "config" / "keys", use_keyring=False)


@pytest.fixture
def shop(shop_path, clock, request):
    keystore = request.getfixturevalue("keys") if "keys" in request.fixturenames else None
    s = Shop.open(shop_path, clock=clock, backup_dir=shop_path.parent / "backups", keystore=keystore)
    yield s
    s.close()


class OwnerGrants(Mapping[str, object]):
    """``**owner_ok`` in a void or refund call: a fresh one-time owner's grant each time it is unpacked."""

    def __init__(self, shop: Shop, actor: object) -> None:
        self.shop, self.actor = shop, actor

    def __getitem__(self, key: str) -> object:
        if key != "grant":
            raise KeyError(key)
        return self.shop.staff.authorise_owner(self.actor, OWNER["owner_username"], OWNER["owner_password"])

    def __iter__(self) -> Iterator[str]:
        return iter(("grant",))

    def __len__(self) -> int:
        return 1


@pytest.fixture
def owner_ok(shop, owner) -> OwnerGrants:
    """The owner's authorisation of a void or refund at the counter (typed into the dialog)."""
    return OwnerGrants(shop, owner)


@pytest.fixture
def ids(template_shop) -> dict[str, int]:
    return template_shop[1]


@pytest.fixture
def owner(shop):
    return shop.staff.login("boss", PASSWORD)


@pytest.fixture
def cashier(shop):
    return shop.staff.login("xiaomei", PASSWORD)


@pytest.fixture
def tech(shop):
    return shop.staff.login("wang", PASSWORD)


@pytest.fixture
def tech2(shop):
    return shop.staff.login("li", PASSWORD)


@pytest.fixture
def items(shop, ids, owner) -> SimpleNamespace:
    """cut 精剪 ¥268, care 洗护 ¥128, wcb 洗剪吹 ¥68, dye 染发 ¥388,
    promo 套餐 ¥199 (no member discount), serum 修护精华 ¥129 (product, stock 10)."""
    return SimpleNamespace(**{k: shop.catalogue.item(owner, ids[k]) for k in
                              ("cut", "care", "wcb", "dye", "promo", "serum")})


@pytest.fixture
def new_customer(shop, owner):
    """Register a customer with consent to keep the file."""
    def make(name: str = "张三", phone: str = "13812345678", **details):
        consents = {k: details.pop(k) for k in ("consent_marketing", "consent_health") if k in details}
        return shop.customers.register(owner, CustomerDetails(name=name, phone=phone, **details),
                                      consent_keep_file=True, **consents)
    return make


@pytest.fixture
def new_member(shop, owner, new_customer):
    """A customer enrolled by hand, optionally set to a tier and given opening points."""
    def make(name: str = "张三", phone: str = "13812345678", tier: str = "regular", points: int = 0,
             **details):
        customer = new_customer(name, phone, **details)
        shop.members.enrol(owner, customer.id, consent=True)
        if tier != "regular":
            shop.members.set_tier(owner, customer.id, tier, "test setup")
        if points:
            shop.points.adjust(owner, customer.id, points, "opening balance")
        return customer
    return make


@pytest.fixture
def sell(shop, cashier, tech):
    """Check in, add services (by item) and products (item, qty), pay with WeChat exactly."""
    from salon_desk.tenders import Tender

    def run(customer_id, services=(), products=(), points: int = 0, actor=None, **kwargs):
        actor = actor or cashier
        visit = shop.visits.check_in(actor, customer_id)
        for item in services:
            shop.visits.add_service(actor, visit.id, item.id, tech.id)
        for item, qty in products:
            shop.visits.add_product(actor, visit.id, item.id, qty)
        due = shop.sales.quote(actor, visit.id, points=points).priced.amount_due_fen
        return shop.sales.checkout(actor, visit.id, [Tender("wechat", due)], points=points, **kwargs)
    return run


def dump_database(path: Path) -> list[str]:
    """Every committed row and schema statement of the file, read by a fresh connection."""
    con = sqlite3.connect(str(path))
    try:
        return list(con.iterdump())
    finally:
        con.close()


@pytest.fixture
def dump():
    return dump_database


def pytest_addoption(parser) -> None:
    parser.addoption("--long", action="store_true", default=False,
                     help="the reliability suite's long run (thousands of faults)")


def pytest_terminal_summary(terminalreporter) -> None:
    """The reliability suite's figures: what was tried, how many times, how many broken invariants."""
    import sys
    figures = getattr(sys.modules.get("reliability_figures"), "FIGURES", None)
    if not figures:
        return
    terminalreporter.section("reliability figures")
    for name, (runs, violations) in figures.items():
        terminalreporter.write_line(f"{name}: {runs} runs, {violations} violations")
    total = sum(v for _, v in figures.values())
    terminalreporter.write_line(f"total: {sum(r for r, _ in figures.values())} runs, {total} violations")
