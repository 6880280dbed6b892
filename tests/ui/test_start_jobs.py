"""The daily work waits for the counter: the jobs run after the window is painted, off the UI
thread; what they find is told in the window; closing the window stops a check under way."""

from __future__ import annotations

import gc
import threading
import time

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

from salon_desk import app as app_module
from salon_desk.db import Shop
from salon_desk.ui.daily_jobs import DailyJobs, after_first_paint
from salon_desk.ui.main_window import MainWindow

DAMAGE = "*** in database main ***\nPage 57: btreeInitPage() returns error code 11"


def test_the_window_opens_the_file_without_the_jobs_and_runs_them_after_its_first_paint(
        qapp, shop_path, clock, monkeypatch):
    events: list[str] = []
    real_open, real_jobs = Shop.open, Shop.run_daily_jobs

    def open_(path, **kwargs):
        shop = real_open(path, clock=clock, **kwargs)
        events.append(f"opened, jobs at open: {kwargs.get('run_jobs', True)}")
        return shop

    def jobs(self, *args, **kwargs):
        events.append("jobs on the UI thread" if threading.current_thread() is threading.main_thread()
                      else "jobs on a worker thread")
        return real_jobs(self, *args, **kwargs)

    real_report = app_module.report_daily_jobs
    real_collect = app_module.collect_again

    def collect_again():
        real_collect()
        events.append(f"collector on: {gc.isenabled()}")

    def report(window, result):
        real_report(window, result)
        events.append("reported")
        loop.quit()

    class Painted(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint and isinstance(watched, MainWindow) and "painted" not in events:
                events.append("painted")
            return False
    watcher = Painted()
    qapp.installEventFilter(watcher)
    monkeypatch.setattr(app_module.Shop, "open", staticmethod(open_))
    monkeypatch.setattr(Shop, "run_daily_jobs", jobs)
    monkeypatch.setattr(app_module.LoginDialog, "ask",
                        staticmethod(lambda parent, shop, logins=(): shop.staff.login("boss", "secret123")))
    monkeypatch.setattr(MainWindow, "showMaximized", MainWindow.show)
    monkeypatch.setattr(app_module, "report_daily_jobs", report)
    monkeypatch.setattr(app_module, "collect_again", collect_again)
    # the window's event loop, one that ends without QApplication.quit (which would end every later wait)
    loop = QEventLoop()
    monkeypatch.setattr(qapp, "exec", loop.exec)
    never_hang = QTimer()
    never_hang.setSingleShot(True)
    never_hang.timeout.connect(loop.quit)
    never_hang.start(20_000)
    gc.disable()                                        # as ``salon-desk`` starts the window
    try:
        assert app_module.run(shop_path, language="zh_CN") == 0
    finally:
        gc.enable()
        never_hang.stop()
        qapp.removeEventFilter(watcher)
    # the collector comes back on the window's thread while the jobs start on theirs: either first
    on_the_window = [e for e in events if e != "jobs on a worker thread"]
    assert on_the_window == ["opened, jobs at open: False", "painted", "collector on: True", "reported"]
    assert events.index("painted") < events.index("jobs on a worker thread") < events.index("reported")


def test_a_damage_found_by_the_file_check_is_shown_with_what_to_do(qtbot, shop, window, monkeypatch):
    shop.run_daily_jobs(backup=True)                   # today's nightly check and backup are done
    monkeypatch.setattr(shop, "check_file", lambda: DAMAGE)
    jobs = app_module.start_daily_jobs(window, shop)
    qtbot.waitUntil(lambda: window.damage_banner.isVisible(), timeout=15_000)
    text = window.damage_banner.text()
    assert "店铺数据文件已损坏" in text and str(shop.path) in text and "备份" in text and "Page 57" in text
    assert window.counter.isVisible()                  # the counter goes on
    jobs.stop()


def test_a_sound_file_shows_no_banner_and_the_check_runs_once(qtbot, shop, window, monkeypatch):
    checks: list[str] = []
    real = shop.check_file
    monkeypatch.setattr(shop, "check_file", lambda: checks.append("check") or real())
    jobs = DailyJobs(shop, window)
    done: list[object] = []
    jobs.finished.connect(done.append)
    after_first_paint(window, jobs.start)
    qtbot.waitUntil(lambda: len(done) == 1, timeout=15_000)
    assert isinstance(done[0], dict) and done[0].get("file_check", "ok") == "ok"
    assert jobs.start()                                 # the half-hourly run: no second file check
    qtbot.waitUntil(lambda: len(done) == 2, timeout=15_000)
    assert len(checks) <= 1 and not window.damage_banner.isVisible()
    jobs.stop()


def test_closing_the_window_interrupts_a_long_file_check(qtbot, shop, window, monkeypatch):
    started = threading.Event()

    def endless_check() -> str:
        started.set()
        return shop.ctx.execute("WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) "
                                "SELECT count(*) FROM r").fetchone()[0]
    monkeypatch.setattr(shop, "check_file", endless_check)
    monkeypatch.setattr(shop, "run_daily_jobs", lambda **kwargs: {"lapsed": [], "resets": [], "backup": None})
    jobs = DailyJobs(shop, window)
    reported: list[object] = []
    jobs.finished.connect(reported.append)
    jobs.start()
    assert started.wait(10)
    began = time.monotonic()
    jobs.stop(timeout=10)
    assert not jobs.running and time.monotonic() - began < 10
    qtbot.wait(50)
    assert reported == []                                # nothing half-reported
    assert shop.staff.needs_setup() is False             # the UI thread's connection still works


def test_a_read_only_shop_runs_no_daily_jobs(qtbot, shop, make_window, cashier, monkeypatch):
    shop.read_only = True
    window = make_window(cashier)
    ran: list[str] = []
    monkeypatch.setattr(shop, "run_daily_jobs", lambda **kwargs: ran.append("jobs") or {})
    jobs = app_module.start_daily_jobs(window, shop)
    qtbot.wait(3500)                                   # past the first paint and the fallback
    assert ran == [] and not jobs.running
    assert window.read_only_banner.isVisible()
