"""Backups: rotation keeps the newest N, a restore gives a working file, a bad copy is refused."""

import sqlite3
from datetime import datetime, timedelta

import pytest

from salon_desk.db import Shop
from salon_desk.db import backup as backup_module
from salon_desk.db.backup import backup_to, restore_backup, rotate_backup
from salon_desk.errors import DatabaseProblem


@pytest.fixture
def ticking(monkeypatch):
    """File names carry the wall-clock second: make each backup a second later than the last."""
    class Ticking(datetime):
        current = datetime(2026, 11, 22, 21, 0, 0)

        @classmethod
        def now(cls, tz=None):
            cls.current += timedelta(seconds=1)
            return cls.current
    monkeypatch.setattr(backup_module, "datetime", Ticking)


def customers_in(path):
    con = sqlite3.connect(str(path))
    try:
        return [r[0] for r in con.execute("SELECT name FROM customer ORDER BY id")]
    finally:
        con.close()


def test_rotation_keeps_the_newest(shop, shop_path, new_customer, ticking):
    folder = shop_path.parent / "rotating"
    new_customer()
    made = [rotate_backup(shop.db, folder, "shop", keep=3) for _ in range(5)]
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == sorted(p.name for p in made[-3:])
    assert kept == ["shop-daily-20261122-210003-000000.sqlite", "shop-daily-20261122-210004-000000.sqlite",
                    "shop-daily-20261122-210005-000000.sqlite"]
    assert customers_in(made[-1]) == ["张三"]


def test_daily_job_backs_up_once_a_day(shop, owner, clock, ticking):
    first = shop.run_daily_jobs(backup=True)["backup"]
    assert first is not None and first.exists()
    assert shop.run_daily_jobs(backup=True)["backup"] is None          # same day: nothing more
    clock.advance(days=1)
    assert shop.run_daily_jobs(backup=True)["backup"] is not None
    assert len(list(shop.backup_dir.glob("shop-daily-*.sqlite"))) == 2
    shop.update_settings(owner, {"backup.keep": 1})
    clock.advance(days=1)
    shop.run_daily_jobs(backup=True)
    assert len(list(shop.backup_dir.glob("shop-daily-*.sqlite"))) == 1


def test_restore_gives_back_a_working_shop(shop, shop_path, clock, cashier, items, new_customer, sell):
    zhang = new_customer()
    sell(zhang.id, [items.cut])
    copy = backup_to(shop.db, shop_path.parent / "manual.sqlite")
    new_customer("李四", "13900001111")
    sell(None, [items.wcb])
    shop.close()
    restore_backup(copy, shop_path)
    restored = Shop.open(shop_path, clock=clock)
    assert customers_in(shop_path) == ["张三"]
    assert [s.receipt_no for s in restored.sales_of_day(restored.staff(cashier.id))] == ["20261122-0001"]
    # and it works: the next sale takes the next number
    assert sell(zhang.id, [items.wcb]).receipt_no == "20261122-0002"


def test_restoring_the_wrong_backup_loses_nothing(shop, shop_path, clock, items, new_customer, sell):
    zhang = new_customer()
    old = backup_to(shop.db, shop_path.parent / "last-week.sqlite")
    sell(zhang.id, [items.cut])                     # today's sale, after that backup
    shop.close()
    kept = restore_backup(old, shop_path)           # the owner picked last week's copy by mistake
    assert Shop.open(shop_path, clock=clock).sales_of_day(shop.staff(1)) == []
    # the file that was replaced is kept, with today's sale in it
    assert kept.parent == shop_path.parent / "backups" and "before-restore" in kept.name
    again = Shop.open(kept, clock=clock, run_jobs=False)
    assert [s.receipt_no for s in again.sales_of_day(again.staff(1))] == ["20261122-0001"]


def test_a_corrupt_backup_is_refused_and_the_file_left_alone(shop, shop_path, clock, new_customer, dump):
    new_customer()
    good = backup_to(shop.db, shop_path.parent / "good.sqlite")
    shop.close()
    before = dump(shop_path)
    garbage = shop_path.parent / "garbage.sqlite"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseProblem) as err:
        restore_backup(garbage, shop_path)
    assert (err.value.code, err.value.params["path"]) == ("db.corrupt", str(garbage))
    # a copy cut short (half its pages lost)
    cut = shop_path.parent / "cut.sqlite"
    data = good.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(DatabaseProblem) as err:
        restore_backup(cut, shop_path)
    assert err.value.code == "db.corrupt"
    assert dump(shop_path) == before
    assert customers_in(shop_path) == ["张三"]


def test_opening_a_corrupt_shop_file_is_a_typed_error(tmp_path, clock):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"\x00garbage" * 1000)
    with pytest.raises(DatabaseProblem) as err:
        Shop.open(path, clock=clock)
    assert err.value.code == "db.corrupt"
