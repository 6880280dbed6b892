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
