"""The owner sees what the nightly check of the books found, verifies now, and restores a backup
from the window (with the command line's checks)."""

import sqlite3

import pytest
from PySide6.QtCore import Qt

from salon_desk.db import Shop
from salon_desk.ui import data_safety, widgets


def tamper_audit_entry(shop_path, entry_id=2):
    con = sqlite3.connect(shop_path)
    con.execute('DROP TRIGGER "audit_log_no_update"')
    con.execute("UPDATE audit_log SET target = 'x' WHERE id = ?", (entry_id,))
    at = con.execute("SELECT at FROM audit_log WHERE id = ?", (entry_id,)).fetchone()[0]
    con.commit()
    con.close()
    return at


def test_the_owner_sees_the_nightly_checks_findings_and_what_to_do(make_window, shop, shop_path, owner, cashier,
                                                                   items, sell):
    sell(None, [items.wcb])
    at = tamper_audit_entry(shop_path)
    shop.run_daily_jobs(backup=True)
    window = make_window(owner)
    banner = window.books_banner
    assert banner.isVisible()
    text = banner.text.text()
    assert f"审计日志被篡改：第 2 条（记于 {at[:16]}）在写入后被修改过" in text
    assert "第 1 条及之前的记录完好" in text
    assert "怎么办" in text
    cashier_window = make_window(cashier)
    assert not cashier_window.books_banner.isVisible()          # the owner's matter


def test_a_clean_check_shows_no_banner_and_verify_now_reports_the_books_hold(make_window, shop, owner, qtbot,
                                                                          items, sell):
    sell(None, [items.wcb])
    shop.run_daily_jobs(backup=True)
    window = make_window(owner)
    assert not window.books_banner.isVisible()
    window.tabs.setCurrentWidget(window.pages["settings"])
    box = window.pages["settings"].findChild(data_safety.DataSafetyBox)
    assert "夜间检查" in box.result.text() and "账目完好" in box.result.text()
    qtbot.mouseClick(box.verify, Qt.MouseButton.LeftButton)
    assert "正在检查账目" in box.result.text() and not box.verify.isEnabled()     # on its own thread
    qtbot.waitUntil(lambda: box.verify.isEnabled(), timeout=60_000)
    assert "你的检查" in box.result.text() and "账目完好" in box.result.text()
    assert shop.audit.last_check(owner).nightly is False


def test_verify_now_finds_a_change_made_since_and_the_banner_follows(make_window, shop, shop_path, owner, qtbot,
                                                                      items, sell):
    sell(None, [items.wcb])
    window = make_window(owner)
    assert not window.books_banner.isVisible()
    con = sqlite3.connect(shop_path)
    con.execute('DROP TRIGGER "sale_amounts_no_update"')
    con.execute("UPDATE sale SET amount_due_fen = amount_due_fen + 1")
    con.commit()
    con.close()
    box = window.pages["settings"].findChild(data_safety.DataSafetyBox)
    qtbot.mouseClick(box.verify, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.verify.isEnabled(), timeout=60_000)
    assert "付款合计与应收金额不符" in box.result.text()
    assert window.books_banner.isVisible() and "付款合计与应收金额不符" in window.books_banner.text.text()


def test_the_nightly_check_runs_beside_the_counter_and_the_owner_sees_its_findings(make_window, shop, shop_path,
                                                                                  owner, qtbot, items, sell):
    from salon_desk.app import run_daily_jobs
    sell(None, [items.wcb])
    at = tamper_audit_entry(shop_path, 3)
    window = make_window(owner)
    assert not window.books_banner.isVisible()
    run_daily_jobs(window, shop)                  # what the window's worker thread does after the first paint
    qtbot.waitUntil(lambda: window.books_banner.isVisible(), timeout=60_000)
    assert f"第 3 条（记于 {at[:16]}）在写入后被修改过" in window.books_banner.text.text()
    assert "夜间检查" in window.books_banner.text.text()
    run_daily_jobs(window, shop)                  # the same day: not again
    assert [e.action for e in shop.audit.entries(owner)].count("books_checked") == 1


@pytest.fixture
def restore_answers(monkeypatch):
    asked = []
    state = {"backup": None, "answer": True}
    monkeypatch.setattr(data_safety, "choose_backup", lambda parent, folder: state["backup"])
    monkeypatch.setattr(widgets.Confirm, "ask",
                        classmethod(lambda cls, parent, title, text: asked.append(text) or state["answer"]))
    return state, asked


def test_the_owner_restores_a_backup_from_the_window(make_window, shop, shop_path, owner, qtbot, items, sell,
                                                     restore_answers):
    state, asked = restore_answers
    first = sell(None, [items.wcb])
    state["backup"] = shop.backups.backup_now(owner)
    sell(None, [items.cut])                                   # after the backup: gone once restored
    window = make_window(owner)
    box = window.pages["settings"].findChild(data_safety.DataSafetyBox)
    qtbot.mouseClick(box.restore, Qt.MouseButton.LeftButton)
    [question] = asked
    assert f"最后一张小票 {first.receipt_no}" in question and "1 笔销售" in question
    assert "被替换的文件会保留" in question
    assert window.locked                                       # every session ended: log in again
    assert "已从" in window.lock_screen.error.text() and "被替换的文件保存为" in window.lock_screen.error.text()
    kept = list((shop_path.parent / "backups").glob("shop-before-restore-*.sqlite"))
    assert len(kept) == 1
    con = sqlite3.connect(kept[0])
    assert con.execute("SELECT COUNT(*) FROM sale").fetchone()[0] == 2
    con.close()
    window.lock_screen.username.setText("boss")
    window.lock_screen.password.setText("secret123")
    window.lock_screen.unlock()
    assert not window.locked
    con = sqlite3.connect(shop_path)
    assert con.execute("SELECT COUNT(*) FROM sale").fetchone()[0] == 1
    con.close()
    assert any(e.action == "backup_restored" for e in shop.audit.entries(window.staff))
    assert shop.audit.verify(window.staff) == []


def test_a_restore_is_refused_while_another_program_has_the_file_open(make_window, shop, shop_path, owner, qtbot,
                                                                     items, sell, restore_answers, clock):
    state, asked = restore_answers
    sell(None, [items.wcb])
    state["backup"] = shop.backups.backup_now(owner)
    sell(None, [items.cut])
    window = make_window(owner)
    other = Shop.open(shop_path, clock=clock, run_jobs=False)       # a second counter, or a command
    try:
        box = window.pages["settings"].findChild(data_safety.DataSafetyBox)
        qtbot.mouseClick(box.restore, Qt.MouseButton.LeftButton)
        assert asked                                               # it was shown and asked
        assert "另一个程序正在使用店铺文件" in box.restore_result.text()
        assert not window.locked                                   # nothing changed: keep working
        assert shop.audit.verify(window.staff) == []
    finally:
        other.close()
    con = sqlite3.connect(shop_path)
    assert con.execute("SELECT COUNT(*) FROM sale").fetchone()[0] == 2
    con.close()


def test_a_foreign_file_is_refused_before_anything_is_asked(make_window, shop, owner, qtbot, tmp_path,
                                                            restore_answers):
    state, asked = restore_answers
    foreign = tmp_path / "other.sqlite"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    state["backup"] = foreign
    window = make_window(owner)
    box = window.pages["settings"].findChild(data_safety.DataSafetyBox)
    qtbot.mouseClick(box.restore, Qt.MouseButton.LeftButton)
    assert asked == [] and box.restore_result.text() != "" and not window.locked


def test_every_kind_of_broken_link_has_its_own_sentence():
    from salon_desk.audit_chain import ALTERED, CUT_SHORT, MISSING, OUT_OF_CHAIN, UNSEALED, ChainBreak
    from salon_desk.db.ledger_check import Broken
    sentences = {kind: data_safety.problem_sentence(Broken("audit", "x", ChainBreak(9, "2026-12-01 10:00:00", kind, 8)))
                 for kind in (ALTERED, CUT_SHORT, MISSING, OUT_OF_CHAIN, UNSEALED)}
    assert len(set(sentences.values())) == 5
    assert sentences[CUT_SHORT] == ("审计日志被篡改：第 9 条（记于 2026-12-01 10:00）已不在或已被改写"
                                    "（这条记录曾在文件之外登记过：日志被截短了）。第 8 条及之前的记录完好。")
    assert "被删除" in sentences[MISSING] and "之外添加" in sentences[UNSEALED]


def test_the_window_s_timers_firing_during_a_restore_wait_for_it(make_window, shop, owner, qtbot, items, sell,
                                                                 restore_answers, monkeypatch):
    # The restore runs on the window's thread and lets painting through; the half-hourly daily
    # jobs and the ten-second checkpoint fire meanwhile. Their threads wait for the restore and
    # then work on the restored file, never on the file being replaced.
    from salon_desk.db import Shop as ShopClass
    from salon_desk.ui.daily_jobs import Checkpoints, DailyJobs
    state, _asked = restore_answers
    sell(None, [items.wcb])
    state["backup"] = shop.backups.backup_now(owner)
    window = make_window(owner)
    events: list[str] = []
    results: list[object] = []
    jobs, checkpoints = DailyJobs(shop, window), Checkpoints(shop, window)
    jobs.finished.connect(results.append)
    real_restore, real_jobs, real_checkpoint = ShopClass._restore, ShopClass.run_daily_jobs, ShopClass.checkpoint

    def restore(self, backup, progress):
        kept = real_restore(self, backup, progress)
        events.append("restored")
        return kept

    def run_jobs(self, *args, **kwargs):
        events.append("jobs")
        return real_jobs(self, *args, **kwargs)

    def checkpoint(self, *args, **kwargs):
        found = real_checkpoint(self, *args, **kwargs)
        events.append("checkpoint skipped" if found == (1, 0, 0) else "checkpoint")
        return found
    monkeypatch.setattr(ShopClass, "_restore", restore)
    monkeypatch.setattr(ShopClass, "run_daily_jobs", run_jobs)
    monkeypatch.setattr(ShopClass, "checkpoint", checkpoint)
    real_step = data_safety.show_step

    def step(dialog, done, total):
        if not jobs.running and "fired" not in events:     # both timers fire while the copy is under way
            events.append("fired")
            jobs.start()
            checkpoints.start()
            checkpoints.thread.join(10)
        real_step(dialog, done, total)
    monkeypatch.setattr(data_safety, "show_step", step)
    box = window.pages["settings"].findChild(data_safety.DataSafetyBox)

    qtbot.mouseClick(box.restore, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(results), timeout=30_000)

    assert events == ["fired", "checkpoint skipped", "restored", "jobs"]
    assert isinstance(results[0], dict)                      # the jobs ran, on the restored file
    jobs.stop()
    checkpoints.stop()
