"""A restore cannot destroy the books: it is refused while the file is open anywhere, and
refuses an empty file, another program's database, a newer version's file and a damaged one."""

import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from salon_desk.db import Shop
from salon_desk.db.backup import backup_to, inspect_backup, restore_backup
from salon_desk.errors import DatabaseProblem


def receipts(path):
    con = sqlite3.connect(str(path))
    try:
        return [r[0] for r in con.execute("SELECT receipt_no FROM sale ORDER BY id")]
    finally:
        con.close()


@pytest.fixture
def copy(shop, shop_path, new_customer, sell, items):
    zhang = new_customer()
    sell(zhang.id, [items.cut])
    return backup_to(shop.db, shop_path.parent / "copy.sqlite")


def refused(code, backup, target, **kw):
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(DatabaseProblem) as err:
        restore_backup(backup, target, **kw)
    assert err.value.code == code
    if before is not None:
        assert target.read_bytes() == before         # nothing changed
    return err.value


def test_restore_is_refused_while_this_program_has_the_shop_open(shop, shop_path, copy, sell, items):
    sell(None, [items.wcb])                       # a sale after the copy, in the open shop
    refused("db.in_use", copy, shop_path)
    assert receipts(shop_path) == ["20261122-0001", "20261122-0002"]
    shop.close()
    restore_backup(copy, shop_path)               # closed: now it may
    assert receipts(shop_path) == ["20261122-0001"]


def test_restore_is_refused_while_another_process_has_the_shop_open(shop, shop_path, copy, tmp_path):
    shop.close()
    ready = tmp_path / "ready"
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import pathlib, time
        from salon_desk.db import Shop
        shop = Shop.open({str(shop_path)!r}, run_jobs=False)
        pathlib.Path({str(ready)!r}).write_text("open")
        time.sleep(60)
    """)])
    try:
        for _ in range(600):
            if ready.exists():
                break
            holder.poll()
            assert holder.returncode is None
            import time
            time.sleep(0.05)
        refused("db.in_use", copy, shop_path)
    finally:
        holder.kill()
        holder.wait()
    restore_backup(copy, shop_path)               # killed: its lock went with it


def test_an_open_during_a_restore_is_told_the_file_is_locked(shop_path, copy, shop):
    from salon_desk.db.file_lock import alone_with
    shop.close()
    with alone_with(shop_path):
        with pytest.raises(DatabaseProblem) as err:
            Shop.open(shop_path, run_jobs=False)
    assert err.value.code == "db.locked"


def test_an_empty_backup_is_refused(shop, shop_path, tmp_path):
    shop.close()
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    refused("db.backup_empty", empty, shop_path)


def test_another_programs_database_is_refused(shop, shop_path, tmp_path):
    shop.close()
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO notes (text) VALUES ('hello')")
    con.commit()
    con.close()
    refused("db.not_a_shop", other, shop_path)


def test_a_backup_of_a_newer_version_is_refused(shop, shop_path, copy):
    shop.close()
    con = sqlite3.connect(copy)
    con.execute("INSERT INTO schema_history (name, applied) VALUES ('0099_future', '2027-01-01 00:00:00')")
    con.commit()
    con.close()
    err = refused("db.newer_version", copy, shop_path)
    assert err.params["steps"] == ["0099_future"]


def test_a_damaged_backup_is_refused(shop, shop_path, copy):
    shop.close()
    data = bytearray(copy.read_bytes())
    page = 4096
    data[page * 2: page * 3] = b"\xff" * page      # one page of the tables overwritten
    copy.write_bytes(bytes(data))
    refused("db.corrupt", copy, shop_path)


def test_the_summary_says_what_the_backup_holds(shop, copy):
    summary = inspect_backup(copy)
    assert (summary.last_receipt_no, summary.sales, summary.customers) == ("20261122-0001", 1, 1)
    assert summary.last_sale_at is not None and summary.last_sale_at.date().isoformat() == "2026-11-22"
    assert not summary.encrypted


def test_the_replaced_file_is_kept(shop, shop_path, copy, sell, items):
    sell(None, [items.wcb])
    shop.close()
    kept = restore_backup(copy, shop_path)
    assert receipts(kept) == ["20261122-0001", "20261122-0002"]
    assert receipts(shop_path) == ["20261122-0001"]
