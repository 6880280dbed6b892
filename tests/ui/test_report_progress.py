"""Long work on the 报表 page shows progress: the first report on a large file, saving an export;
a cancelled export leaves no file behind, whole or half-written."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from salon_desk.ui import printing, reports_page


def open_reports(make_window, owner):
    window = make_window(owner)
    page = window.pages["reports"]
    window.tabs.setCurrentWidget(page)
    return page


def watch_dialogs(seen: list[str], stop: threading.Event, cancel: bool = False) -> QTimer:
    """Every 20 ms: the progress dialogs on screen (their label), cancelling them with ``cancel``."""
    timer = QTimer()

    def look() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.labelText())
                button = widget.findChild(QPushButton)
                if cancel and button is not None:
                    button.click()          # the cashier presses Cancel
    timer.timeout.connect(look)
    timer.start(20)
    return timer


def test_a_slow_report_shows_a_progress_dialog_and_then_the_figures(qtbot, make_window, owner, shop, monkeypatch):
    page = open_reports(make_window, owner)
    real = shop.reports.month

    def slow_month(actor, year, month):
        time.sleep(1.0)                         # a first report reading ten years of a large file
        return real(actor, year, month)
    monkeypatch.setattr(shop.reports, "month", slow_month)
    seen: list[str] = []
    timer = watch_dialogs(seen, threading.Event())
    page.period.setCurrentIndex(1)              # this month: worked out again
    timer.stop()
    assert "正在计算报表数据…" in seen
    assert page.figures is not None and page.title.text()
    assert not any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_a_quick_report_flashes_no_dialog(qtbot, make_window, owner):
    page = open_reports(make_window, owner)
    seen: list[str] = []
    timer = watch_dialogs(seen, threading.Event())
    page.period.setCurrentIndex(0)
    timer.stop()
    assert seen == [] and page.figures is not None


def slow_exports(monkeypatch, delay: float) -> None:
    real = printing.save_monthly_exports

    def slow(figures, **paths):
        written = real(figures, **paths)
        time.sleep(delay)                       # a year of figures on a slow disk
        return written
    monkeypatch.setattr(printing, "save_monthly_exports", slow)


def test_saving_shows_progress_and_the_file_appears_whole(qtbot, make_window, owner, monkeypatch, tmp_path):
    page = open_reports(make_window, owner)
    target = tmp_path / "report.csv"
    monkeypatch.setattr(reports_page.ReportFile, "ask", classmethod(lambda cls, *a: target))
    slow_exports(monkeypatch, 1.0)
    seen: list[str] = []
    timer = watch_dialogs(seen, threading.Event())
    assert page.save("csv") == target
    timer.stop()
    assert any(str(target) in label for label in seen)
    assert target.read_bytes() and not list(tmp_path.glob("*.partial"))


def test_a_cancelled_save_leaves_nothing_behind(qtbot, make_window, owner, monkeypatch, tmp_path):
    page = open_reports(make_window, owner)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "report.xlsx"
    monkeypatch.setattr(reports_page.ReportFile, "ask", classmethod(lambda cls, *a: target))
    slow_exports(monkeypatch, 1.0)
    seen: list[str] = []
    timer = watch_dialogs(seen, threading.Event(), cancel=True)
    assert page.save("xlsx") is None
    timer.stop()
    assert seen                                  # the dialog was there to be cancelled
    assert list(folder.iterdir()) == []          # neither the file nor a part of it
    assert page.status.text() == "未保存：已取消。"
