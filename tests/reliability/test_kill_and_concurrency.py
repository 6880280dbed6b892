"""SIGKILL in the middle of sales, refunds and a restore; two counters selling at once.

Whatever instant the program dies, the file reopens whole, every receipt that was
printed as stored is there, receipt numbers stay gapless and every sale is paid in full.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from salon_desk.db import Shop
from salon_desk.db.backup import backup_to, restore_backup
from salon_desk.errors import DatabaseProblem

from reliability_figures import books_of, record

WORKER = str(Path(__file__).with_name("worker.py"))


def start(path: Path, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, WORKER, str(path), str(count), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def stored_receipts(path: Path) -> set[str]:
    import sqlite3
    con = sqlite3.connect(str(path))
    try:
        return {r[0] for r in con.execute("SELECT receipt_no FROM sale")}
    finally:
        con.close()


@pytest.mark.parametrize("mode", ["checkout", "refunds"])
def test_sigkill_during_sales_and_refunds_loses_nothing_printed(shop, shop_path, runs, mode):
    shop.close()
    rng = random.Random(14)
    violations = 0
    for _ in range(3 * runs):
        worker = start(shop_path, 1000, *(["refunds"] if mode == "refunds" else []))
        time.sleep(0.5 + rng.random() * 1.5)              # somewhere in the loop, often mid-transaction
        worker.send_signal(signal.SIGKILL)
        out, _err = worker.communicate()
        printed = {line.split()[1] for line in out.splitlines() if line.startswith("sold")}
        problems = books_of(shop_path)
        missing = printed - stored_receipts(shop_path)
        violations += len(problems) + len(missing)
        assert not problems and not missing, (problems, missing)
        with Shop.open(shop_path, run_jobs=False) as reopened:        # and it opens
            assert not reopened.read_only
    record(f"SIGKILL during {mode}", 3 * runs, violations)


def stored_top_ups(path: Path) -> set[str]:
    import sqlite3
    con = sqlite3.connect(str(path))
    try:
        return {r[0] for r in con.execute("SELECT receipt_no FROM card_topup")}
    finally:
        con.close()


def test_sigkill_during_stored_value_top_ups_loses_nothing_printed(shop, shop_path, runs):
    """Top-ups and card payments by turns: whenever the program dies, every slip printed is stored, the
    card's balances follow its entries and the receipt numbers (shared with sales) stay gapless."""
    shop.close()
    rng = random.Random(10)
    violations = slips = 0
    for _ in range(3 * runs):
        worker = start(shop_path, 1000, "topups")
        first = worker.stdout.readline() if worker.stdout else ""     # in the loop (however slow the start)
        time.sleep(rng.random() * 1.0)                                # somewhere in it, often mid-transaction
        worker.send_signal(signal.SIGKILL)
        rest, err = worker.communicate()
        out = first + rest
        assert first.startswith("topped"), err[-1500:]
        topped = {line.split()[1] for line in out.splitlines() if line.startswith("topped")}
        sold = {line.split()[1] for line in out.splitlines() if line.startswith("sold")}
        slips += len(topped)
        problems = books_of(shop_path)
        missing = (topped - stored_top_ups(shop_path)) | (sold - stored_receipts(shop_path))
        violations += len(problems) + len(missing)
        assert not problems and not missing, (problems, missing)
    assert slips > 0, "no top-up was stored before the kill: the test did not reach the card"
    record("SIGKILL during stored-value top-ups", 3 * runs, violations)


def test_two_counters_selling_at_once(shop, shop_path, runs):
    shop.close()
    count = 20 * runs
    workers = [start(shop_path, count) for _ in range(2)]
    outputs = [w.communicate(timeout=600) for w in workers]
    assert all(w.returncode == 0 for w in workers), [o[1][-500:] for o in outputs]
    printed = [line.split()[1] for out, _ in outputs for line in out.splitlines() if line.startswith("sold")]
    problems = books_of(shop_path)
    duplicates = len(printed) - len(set(printed))
    record("two counters selling at once", len(printed), len(problems) + duplicates)
    assert len(printed) == 2 * count and not duplicates and not problems
    assert stored_receipts(shop_path) == set(printed)


RESTORER = r"""
import sys
from salon_desk.db.backup import restore_backup
restore_backup(sys.argv[1], sys.argv[2])
print("restored", flush=True)
"""


def test_sigkill_during_a_restore_leaves_a_whole_file(shop, shop_path, runs, new_customer, tmp_path):
    new_customer()
    copy = backup_to(shop.db, tmp_path / "copy.sqlite")
    shop.close()
    rng = random.Random(7)
    violations = 0
    for _ in range(3 * runs):
        restorer = subprocess.Popen([sys.executable, "-c", RESTORER, str(copy), str(shop_path)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(rng.random() * 1.0)
        restorer.send_signal(signal.SIGKILL)
        restorer.communicate()
        try:
            problems = books_of(shop_path)
        except Exception as exc:          # a restore killed mid-copy: the file replaced is kept
            problems = [str(exc)]
        if problems:
            kept = sorted((shop_path.parent / "backups").glob("*before-restore*.sqlite"))
            assert kept, problems
            restore_backup(kept[-1], shop_path)     # the owner restores the file that was replaced
            problems = books_of(shop_path)
        violations += len(problems)
        assert not problems
    record("SIGKILL during restore", 3 * runs, violations)
