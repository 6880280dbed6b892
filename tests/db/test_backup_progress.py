"""A backup and a restore report their progress through a plain callable (the window's dialog and
the command line's bar feed on it); a backup stopped by its progress leaves no file behind."""

import sqlite3

import pytest

from salon_desk.db.backup import copy_file, pages_per_step


class Stop(Exception):
    pass


def test_a_backup_reports_its_pages_up_to_the_total(shop, owner, items, sell):
    for _ in range(3):
        sell(None, [items.wcb])
    steps = []
    made = shop.backups.backup_now(owner, progress=lambda done, total, text: steps.append((done, total)))
    assert made.exists()
    assert steps[0][0] == 0
    done, total = steps[-1]
    assert done == total > 1                         # the last step is the whole file
    assert [d for d, _ in steps] == sorted(d for d, _ in steps)
    con = sqlite3.connect(made)
    try:
        assert con.execute("SELECT COUNT(*) FROM sale").fetchone()[0] == 3
    finally:
        con.close()


def test_a_backup_stopped_by_its_progress_leaves_no_file(shop, owner, tmp_path):
    target = tmp_path / "out" / "copy.sqlite"

    def stop(done, total, text):
        if done > 0:
            raise Stop()
    with pytest.raises(Stop):
        shop.backups.backup_now(owner, target, progress=stop)
    assert list((tmp_path / "out").iterdir()) == []
    assert shop.audit.entries(owner)[0].action != "backup_written"


def test_big_files_report_about_a_hundred_steps():
    assert pages_per_step(10) == 64
    assert pages_per_step(1_000_000) == 10_000


def test_a_file_copy_reports_its_bytes(tmp_path):
    source = tmp_path / "a"
    source.write_bytes(b"x" * 2_500_000)
    steps = []
    copy_file(source, tmp_path / "b", lambda done, total, text: steps.append((done, total)), chunk=1 << 20)
    assert steps == [(1 << 20, 2_500_000), (2 << 20, 2_500_000), (2_500_000, 2_500_000)]
    assert (tmp_path / "b").read_bytes() == source.read_bytes()


def test_the_restore_reports_the_copy_to_its_end(shop, owner, items, sell):
    sell(None, [items.wcb])
    made = shop.backups.backup_now(owner)
    steps = []
    shop.restore(owner, made, progress=lambda done, total, text: steps.append((done, total)))
    assert steps and steps[-1][0] == steps[-1][1] > 0
