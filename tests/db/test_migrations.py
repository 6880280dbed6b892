"""A shop file written by schema version 1 opens in today's program with its data intact."""

import shutil
import sqlite3
from datetime import datetime

import pytest

from salon_desk.db import Shop
from salon_desk.db.database import MIGRATIONS_DIR, schema_version
from salon_desk.errors import DatabaseProblem
from salon_desk.tenders import Tender

FIXTURE = "tests/db/fixtures/shop-v1.sqlite"


@pytest.fixture
def old_file(tmp_path):
    target = tmp_path / "shop.sqlite"
    shutil.copyfile(FIXTURE, target)
    return target


def test_version_1_file_upgrades_with_data_intact(owner, old_file, tmp_path):
    shop = Shop.open(old_file, clock=lambda: datetime(2026, 11, 22, 10, 0))
    try:
        steps = sorted(p.stem for p in MIGRATIONS_DIR.glob("[0-9]*.py"))
        assert steps[:2] == ["0001_customer_file", "0002_counter_and_membership"]
        assert shop.migrations_applied == steps[1:]
        assert schema_version(shop.db) == steps
        boss = shop.staff.login("boss", "boss1234")
        assert boss.role == "owner"
        assert shop.settings.value("shop.name") == "老店"
        found = shop.customers.find(boss, "1111")
        assert [c.name for c in found] == ["王小明"]
        # The upgraded file works at the counter: check in and sell.
        item = shop.catalogue.items(boss)[0]
        visit = shop.visits.check_in(boss, found[0].id)
        shop.visits.add_service(boss, visit.id, item.id, boss.id)
        receipt = shop.sales.checkout(boss, visit.id, [Tender("cash", 10000)])
        assert receipt.amount_due_fen == 6800 and receipt.change_fen == 3200
    finally:
        shop.close()
    backups = list((tmp_path / "backups").glob("shop-before-0002_counter_and_membership-*.sqlite"))
    assert len(backups) == 1, "the file is backed up before a migration"
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT name FROM customer").fetchall() == [("王小明",)]
    assert con.execute("SELECT name FROM sqlite_master WHERE name='sale'").fetchall() == []
    con.close()


def test_reopening_a_current_file_runs_no_migration(old_file):
    Shop.open(old_file).close()
    shop = Shop.open(old_file)
    assert shop.migrations_applied == []
    shop.close()


def test_file_from_a_newer_program_is_refused(old_file):
    Shop.open(old_file).close()
    con = sqlite3.connect(old_file)
    con.execute("INSERT INTO schema_history (name, applied) VALUES ('0099_future', '2030-01-01')")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem) as info:
        Shop.open(old_file)
    assert info.value.code == "db.newer_version"


def test_a_file_that_is_not_a_database_is_reported_corrupt(tmp_path):
    bad = tmp_path / "shop.sqlite"
    bad.write_bytes(b"this is not a database, just some text" * 100)
    with pytest.raises(DatabaseProblem) as info:
        Shop.open(bad)
    assert info.value.code == "db.corrupt"


def test_pragmas_are_in_force(tmp_path):
    shop = Shop.open(tmp_path / "s.sqlite")
    try:
        pragma = lambda name: shop.db.execute_sql(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("synchronous") == 2   # FULL
        assert pragma("busy_timeout") == 5000
    finally:
        shop.close()


def test_ledgers_refuse_edits(tmp_path):
    shop = Shop.open(tmp_path / "s.sqlite")
    try:
        shop.staff.setup(shop_name="店", owner_username="boss", owner_password="boss1234")
        with pytest.raises(Exception, match="append-only"):
            shop.db.execute_sql("DELETE FROM audit_log")
        with pytest.raises(Exception, match="append-only"):
            shop.db.execute_sql("UPDATE audit_log SET action = 'x'")
    finally:
        shop.close()


def test_files_saved_before_are_found_by_every_reading_of_the_surname(tmp_path):
    """A file whose keys were made with one reading of 阚 (kan) is found by the other (han) after the upgrade."""
    import importlib
    import sqlite3

    from salon_desk.db import Shop
    path = tmp_path / "shop.sqlite"
    shop = Shop.open(path)
    owner = shop.staff.setup(shop_name="店", owner_username="boss", owner_password="boss1234")
    from salon_desk.db.customers import CustomerDetails
    kan = shop.customers.register(owner, CustomerDetails(name="阚文", phone="13800001111"), consent_keep_file=True)
    shop.close()
    con = sqlite3.connect(path)          # as an older version left it: only the kan reading
    con.execute("DELETE FROM search_key WHERE customer_id = ? AND key IN ('i:hw', 'f:hanwen')", (kan.id,))
    con.commit()
    con.close()
    step = importlib.import_module("salon_desk.db.migrations.0014_surname_readings")
    reopened = Shop.open(path)
    try:
        boss = reopened.staff.login("boss", "boss1234")
        assert [c.name for c in reopened.customers.find(boss, "hw")] == []
        with reopened.ctx.bound():
            step.up(None, reopened.db)
        assert [c.name for c in reopened.customers.find(boss, "hw")] == ["阚文"]
        assert [c.name for c in reopened.customers.find(boss, "kw")] == ["阚文"]
    finally:
        reopened.close()
