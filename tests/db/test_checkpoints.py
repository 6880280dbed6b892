"""The write-ahead log copied into the shop file off the sale's path.

SQLite copies the log into the file automatically every 1,000 pages, inside whichever
commit crosses that mark: at the counter, one sale in about fifteen waited for it. The
window holds those checkpoints on its selling connection and copies the log on a worker
thread instead (``Checkpoints``); a sale is still in the file when that has run.
"""

from __future__ import annotations

import shutil
import sqlite3

from salon_desk.ui.daily_jobs import Checkpoints


def _sales(sell, items, n: int) -> None:
    for _ in range(n):
        sell(None, [items.wcb, items.cut])


def test_held_checkpoints_leave_the_log_to_the_checkpoint(shop, sell, items):
    shop.checkpoint()
    shop.hold_checkpoints()
    _sales(sell, items, 40)
    busy, log, copied = shop.checkpoint()
    assert busy == 0
    assert log > 1000                  # more than SQLite's automatic mark: no commit copied it
    assert copied == log               # the checkpoint copied all of it


def test_without_holding_sqlite_copies_the_log_inside_commits(shop, sell, items):
    shop.checkpoint()
    _sales(sell, items, 40)
    _busy, log, _copied = shop.checkpoint()
    assert log < 1000                  # a commit crossed the mark and copied the log itself


def _sales_in_the_file_alone(shop_path, tmp_path) -> int:
    """Sales found in the shop file without its log: what a checkpoint has copied."""
    alone = tmp_path / "alone.sqlite"
    shutil.copyfile(shop_path, alone)
    con = sqlite3.connect(alone)
    try:
        return con.execute("SELECT COUNT(*) FROM sale").fetchone()[0]
    finally:
        con.close()


def test_the_windows_checkpoint_puts_the_sales_in_the_file(shop, shop_path, sell, items, tmp_path, qtbot):
    checkpoints = Checkpoints(shop, interval_ms=60_000)
    checkpoints.begin()
    shop.checkpoint()
    before = _sales_in_the_file_alone(shop_path, tmp_path)
    _sales(sell, items, 3)
    assert _sales_in_the_file_alone(shop_path, tmp_path) == before          # still only in the log
    assert checkpoints.start()
    checkpoints.thread.join(10)
    assert checkpoints.runs == 1
    assert _sales_in_the_file_alone(shop_path, tmp_path) == before + 3
    checkpoints.stop()


def test_no_checkpoint_while_a_restore_or_a_daily_job_holds_the_file(shop, sell, items):
    shop.hold_checkpoints()
    _sales(sell, items, 2)
    with shop.background:                       # a restore under way
        assert shop.checkpoint() == (1, 0, 0)   # skipped: nothing copied into a file being replaced
    assert shop.checkpoint()[0] == 0


def test_a_restore_waits_for_a_daily_job_and_then_says_the_file_is_in_use(shop, owner, monkeypatch):
    import threading

    import pytest

    from salon_desk.db import shop as shop_module
    from salon_desk.errors import DatabaseProblem
    backup = shop.backups.backup_now(owner)
    monkeypatch.setattr(shop_module, "RESTORE_WAIT_S", 0.2)
    held, release = threading.Event(), threading.Event()

    def daily_job() -> None:
        with shop.background:
            held.set()
            release.wait(10)
    worker = threading.Thread(target=daily_job)
    worker.start()
    held.wait(10)
    with pytest.raises(DatabaseProblem) as refused:
        shop.restore(owner, backup)
    assert refused.value.code == "db.in_use"
    release.set()
    worker.join(10)
    assert shop.restore(owner, backup) is not None          # the job done: the restore goes ahead


def test_the_counter_still_leaves_checkpoints_to_the_worker_after_a_restore(shop, owner):
    shop.hold_checkpoints()
    backup = shop.backups.backup_now(owner)
    shop.restore(owner, backup)                # the file is closed and opened again
    assert shop.db.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
