"""Whatever the disk does, the counter gets a typed error it can explain, never a traceback."""

import sqlite3

import pytest

from salon_desk.errors import DatabaseProblem
from salon_desk.tenders import Tender


def fill_the_disk(shop):
    """No page more for this file: SQLite answers SQLITE_FULL as on a full disk."""
    pages = shop.db.execute_sql("PRAGMA page_count").fetchone()[0]
    shop.db.execute_sql(f"PRAGMA max_page_count = {pages + 2}")
    shop.db.execute_sql("CREATE TABLE filler (data BLOB)")
    for size in (4000, 1000, 200, 20):        # every free byte taken
        while True:
            try:
                shop.db.execute_sql("INSERT INTO filler VALUES (zeroblob(?))", (size,))
            except Exception as exc:
                pass
                break


def free_the_disk(shop):
    shop.db.execute_sql("DROP TABLE filler")
    shop.db.execute_sql("PRAGMA max_page_count = 1073741823")


def sales_in(path):
    con = sqlite3.connect(str(path))
    try:
        return con.execute("SELECT count(*) FROM sale").fetchone()[0]
    finally:
        con.close()


def test_a_full_disk_at_checkout_is_disk_full_and_nothing_is_saved(shop, shop_path, cashier, tech, items,
                                                                   new_customer):
    zhang = new_customer()
    visit = shop.visits.check_in(cashier, zhang.id)
    for _ in range(150):
        shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    due = shop.sales.quote(cashier, visit.id).priced.amount_due_fen
    fill_the_disk(shop)
    with pytest.raises(DatabaseProblem) as err:
        shop.sales.checkout(cashier, visit.id, [Tender("wechat", due)])
    assert err.value.code == "db.disk_full"
    assert sales_in(shop_path) == 0
    free_the_disk(shop)                    # room again: the sale goes through
    assert shop.sales.checkout(cashier, visit.id, [Tender("wechat", due)]).receipt_no == "20261122-0001"


FULL_BACKUP_DISK = r"""
import resource, signal, sys, pathlib
from datetime import datetime
from salon_desk.db import Shop
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # a write past the limit fails as on a full disk
shop = Shop.open(sys.argv[1], run_jobs=False, backup_dir=sys.argv[2])
size = pathlib.Path(sys.argv[1]).stat().st_size
resource.setrlimit(resource.RLIMIT_FSIZE, (size // 2, resource.RLIM_INFINITY))
result = shop.run_daily_jobs(backup=True)
print(result["backup"], getattr(result.get("backup_failed"), "code", None))
"""


def test_a_daily_backup_that_does_not_fit_is_reported_and_leaves_no_empty_copy(shop, shop_path, owner,
                                                                                new_customer, tmp_path):
    import subprocess
    import sys
    new_customer()
    shop.close()
    backups = tmp_path / "small-disk"
    done = subprocess.run([sys.executable, "-c", FULL_BACKUP_DISK, str(shop_path), str(backups)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr                 # the counter goes on
    assert done.stdout.split() == ["None", "backup.failed"]
    # no 0-byte or half copy as the newest backup (the audit chain's head list may be there: it is no copy)
    assert [p for p in backups.iterdir() if not p.name.endswith(".audit-heads")] == []
    assert sales_in(shop_path) == 0


def test_a_daily_backup_is_whole_or_absent(shop, owner, new_customer, clock):
    new_customer()
    made = shop.run_daily_jobs(backup=True)["backup"]
    assert made.stat().st_size > 0
    assert not list(made.parent.glob("*.partial"))


def test_a_zero_length_shop_file_is_refused_not_made_a_new_shop(tmp_path, clock, capsys):
    from salon_desk.cli import main
    from salon_desk.db import Shop
    empty = tmp_path / "shop.sqlite"
    empty.write_bytes(b"")
    with pytest.raises(DatabaseProblem) as err:
        Shop.open(empty, clock=clock)
    assert err.value.code == "db.empty_file"
    assert empty.stat().st_size == 0
    assert main(["init", "--db", str(empty), "--shop-name", "店", "--owner", "boss", "--password", "boss1234"]) == 2
    assert "empty" in capsys.readouterr().err and empty.stat().st_size == 0
    fresh = tmp_path / "new.sqlite"                       # a path with no file yet is a new shop
    Shop.open(fresh, clock=clock).close()
    assert fresh.stat().st_size > 0


def test_a_file_locked_by_another_program_is_a_typed_error(shop, shop_path, clock):
    shop.close()
    holder = sqlite3.connect(str(shop_path), timeout=0)
    holder.execute("BEGIN EXCLUSIVE")              # another program writing, for longer than the busy timeout
    try:
        import salon_desk.db.database as database
        pragmas = dict(database.PRAGMAS, busy_timeout=50)
        from unittest import mock
        from salon_desk.db import Shop
        with mock.patch.object(database, "PRAGMAS", pragmas):
            with pytest.raises(DatabaseProblem) as err:
                Shop.open(shop_path, clock=clock)
        assert err.value.code == "db.locked"
    finally:
        holder.rollback()
        holder.close()


def test_a_read_only_file_opens_read_only_and_refuses_a_sale(shop, shop_path, clock, new_customer, sell, items,
                                                            monkeypatch):
    from salon_desk.db import Shop
    from salon_desk.db import database
    zhang = new_customer()
    sell(zhang.id, [items.cut])
    shop.close()
    monkeypatch.setattr(database, "writable", lambda path: False)   # (the tests run as a user who may write anything)
    before = shop_path.read_bytes()
    with Shop.open(shop_path, clock=clock) as readonly:
        assert readonly.read_only
        owner = readonly.staff.login("boss", "secret123")
        assert [s.receipt_no for s in readonly.sales.of_day(owner)] == ["20261122-0001"]   # still readable
        with pytest.raises(DatabaseProblem) as err:
            visit = readonly.visits.check_in(owner, zhang.id)
        assert err.value.code == "db.read_only"
    assert shop_path.read_bytes() == before
