"""The owner backs up from the window behind a progress dialog that counts the pages copied (Cancel
leaves no file), and a restore shows its copy in a dialog without Cancel."""

import sqlite3
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog

from salon_desk.db import backup as backup_module
from salon_desk.ui import data_safety, widgets


@pytest.fixture
def steps(monkeypatch):
    """Every value a progress dialog is set to, with its maximum, whether it shows and its Cancel button."""
    seen = []
    real = QProgressDialog.setValue

    def set_value(dialog, value):
        real(dialog, value)
        seen.append((dialog.value(), dialog.maximum(), dialog.isVisible(), dialog.labelText(), dialog))
    monkeypatch.setattr(QProgressDialog, "setValue", set_value)
    return seen


def box_of(window):
    window.tabs.setCurrentWidget(window.pages["settings"])
    return window.pages["settings"].findChild(data_safety.DataSafetyBox)


def backups_written(shop_path):
    folder = shop_path.parent / "backups"
    return sorted(p.name for p in folder.iterdir() if "manual" in p.name or p.name.endswith(".partial"))


def test_back_up_now_shows_the_pages_copied_to_the_end(make_window, shop, shop_path, owner, qtbot, items, sell,
                                                       steps, monkeypatch):
    monkeypatch.setattr(backup_module, "MIN_PAGES_PER_STEP", 1)      # a small file in several steps
    for _ in range(5):
        sell(None, [items.wcb])
    box = box_of(make_window(owner))
    assert box.backup.isVisible() and box.backup.text() == "立即备份"
    qtbot.mouseClick(box.backup, Qt.MouseButton.LeftButton)
    assert len(steps) > 2
    value, maximum, visible, label, _ = steps[-1]
    assert value == maximum > 1 and visible
    assert "正在把店铺文件复制到备份文件夹" in label
    [written] = backups_written(shop_path)
    assert written in box.restore_result.text() and "备份已写好" in box.restore_result.text()
    con = sqlite3.connect(shop_path.parent / "backups" / written)
    assert con.execute("SELECT COUNT(*) FROM sale").fetchone()[0] == 5
    con.close()
    assert [e.action for e in shop.audit.entries(owner)][0] == "backup_written"
    sell(None, [items.wcb])                           # the counter goes on selling on its own connection


def test_a_cancelled_backup_leaves_no_file_in_the_backups_folder(make_window, shop, shop_path, owner, qtbot,
                                                                 items, sell, steps, monkeypatch):
    monkeypatch.setattr(backup_module, "MIN_PAGES_PER_STEP", 1)
    for _ in range(5):
        sell(None, [items.wcb])
    real_set, real_run = QProgressDialog.setValue, data_safety.run_with_progress
    shown = threading.Event()

    def cancel_midway(dialog, value):
        real_set(dialog, value)
        if value > 0:
            dialog.canceled.emit()                    # the person presses Cancel, pages into the copy
        shown.set()

    def run_in_step(work, *args, **kwargs):          # the copy waits for each step to be on screen
        def paced(report):
            def step(done, total, text=""):
                report(done, total, text)
                assert shown.wait(10)
                shown.clear()
            return work(step)
        return real_run(paced, *args, **kwargs)
    monkeypatch.setattr(QProgressDialog, "setValue", cancel_midway)
    monkeypatch.setattr(data_safety, "run_with_progress", run_in_step)
    box = box_of(make_window(owner))
    qtbot.mouseClick(box.backup, Qt.MouseButton.LeftButton)
    assert backups_written(shop_path) == []
    assert "备份已取消" in box.restore_result.text()
    assert "backup_written" not in [e.action for e in shop.audit.entries(owner)]


def test_the_restore_shows_its_copy_to_the_end_without_cancel(make_window, shop, shop_path, owner, qtbot, items,
                                                              sell, steps, monkeypatch):
    sell(None, [items.wcb])
    made = shop.backups.backup_now(owner)
    sell(None, [items.cut])
    monkeypatch.setattr(data_safety, "choose_backup", lambda parent, folder: made)
    monkeypatch.setattr(widgets.Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    window = make_window(owner)
    box = box_of(window)
    qtbot.mouseClick(box.restore, Qt.MouseButton.LeftButton)
    assert steps
    value, maximum, visible, label, dialog = steps[-1]
    assert value == maximum == made.stat().st_size and visible
    assert "开始替换文件后就不能取消" in label
    assert window.locked
    con = sqlite3.connect(shop_path)
    assert con.execute("SELECT COUNT(*) FROM sale").fetchone()[0] == 1
    con.close()
