"""导出全年… on the reports page: the owner picks a year the shop has sales in and a file, the months are
counted in a progress dialog, and Cancel writes nothing (the shop's year: tests/year_books.py)."""

from __future__ import annotations

import threading
import time

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QPushButton

from salon_desk.ui import year_export_dialog
from salon_desk.ui.year_export_dialog import YearChoice
from year_books import checkout, fill_year


@pytest.fixture
def year_shop(shop, clock, owner, cashier, tech, items, new_member, owner_ok):
    return fill_year(shop, clock, owner, cashier, tech, items, new_member, owner_ok)


def reports_page(make_window, staff):
    window = make_window(staff)
    page = window.pages["reports"]
    window.tabs.setCurrentWidget(page)
    return page


def answer(monkeypatch, year, target):
    """The year chosen and the file named; the years offered are kept."""
    offered = []

    def choose(cls, parent, years):
        offered.append(years)
        return year
    monkeypatch.setattr(YearChoice, "ask", classmethod(choose))
    monkeypatch.setattr(year_export_dialog.YearFile, "ask", classmethod(lambda cls, parent, y: target))
    return offered


def watch(seen, cancel=False):
    """Every 20 ms: the labels of the progress dialogs on screen, pressing Cancel with ``cancel``."""
    from PySide6.QtCore import QTimer
    timer = QTimer()

    def look():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                seen.append(widget.labelText())
                button = widget.findChild(QPushButton)
                if cancel and button is not None and "2026-03" in widget.labelText():
                    button.click()          # the owner presses Cancel, three months in
    timer.timeout.connect(look)
    timer.start(20)
    return timer


def slow_months(monkeypatch, shop, delay):
    real = shop.year_export._month

    def slow(year, month):
        time.sleep(delay)                   # a busy shop's month
        return real(year, month)
    monkeypatch.setattr(shop.year_export, "_month", slow)


def test_the_owner_exports_a_year_behind_a_progress_dialog(year_shop, make_window, owner, cashier, tech, items,
                                                           monkeypatch, tmp_path, qtbot):
    checkout(year_shop, cashier, None, [items.wcb], tech)          # 2027-01-03: the year under way
    page = reports_page(make_window, owner)
    assert page.year_button.isVisible() and page.year_button.text() == "导出全年…"
    assert page.year_button.focusPolicy() & Qt.FocusPolicy.TabFocus     # reachable from the keyboard
    target = tmp_path / "2026.xlsx"
    offered = answer(monkeypatch, 2026, target)
    labels = []
    real = QProgressDialog.setLabelText
    monkeypatch.setattr(QProgressDialog, "setLabelText", lambda d, text: labels.append(text) or real(d, text))
    qtbot.mouseClick(page.year_button, Qt.MouseButton.LeftButton)
    assert offered == [(2027, 2026)]                               # newest first
    assert labels[0] == f"正在导出 2026 年账目到 {target}…"
    assert labels[1:] == [f"{labels[0]}\n2026-{m:02d}：{n} 笔" for m, n in
                          zip(range(1, 13), [0] * 10 + [3, 1])]             # each month's sales, voided one included
    assert page.status.text() == f"已将 2026 年账目保存到 {target}：销售 4 笔，退款 1 笔，作废 1 笔。"
    wb = load_workbook(target)
    assert wb.sheetnames == ["月度汇总", "销售", "明细", "储值卡充值"] and wb["月度汇总"]["J17"].value == 658.4
    assert [e.action for e in year_shop.audit.entries(owner)][0] == "year_exported"


def test_cancel_says_nothing_was_written(year_shop, make_window, owner, monkeypatch, tmp_path, qtbot):
    page = reports_page(make_window, owner)
    target = tmp_path / "out" / "2026.xlsx"
    target.parent.mkdir()
    answer(monkeypatch, 2026, target)
    slow_months(monkeypatch, year_shop, 0.1)
    seen = []
    timer = watch(seen, cancel=True)
    page.year_button.click()
    timer.stop()
    assert page.status.text() == "导出已取消，未写入任何文件。"
    assert list(target.parent.iterdir()) == []
    assert "year_exported" not in [e.action for e in year_shop.audit.entries(owner)]


def test_choosing_no_year_or_no_file_does_nothing(year_shop, make_window, owner, monkeypatch, tmp_path):
    page = reports_page(make_window, owner)
    answer(monkeypatch, None, tmp_path / "x.xlsx")
    page.year_button.click()
    answer(monkeypatch, 2026, None)
    page.year_button.click()
    assert page.status.text() == "" and list(tmp_path.glob("*.xlsx")) == []


def test_the_year_dialog_offers_the_years_and_answers_from_the_keyboard(qtbot):
    dialog = YearChoice((2027, 2026, 2025))
    qtbot.addWidget(dialog)
    dialog.show()
    assert [dialog.year.itemText(i) for i in range(dialog.year.count())] == ["2027", "2026", "2025"]
    assert dialog.windowTitle() == "导出全年账目"
    qtbot.keyClick(dialog.year, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.year, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.year.currentData() == 2026


def test_a_shop_without_sales_is_told_so(make_window, owner):
    page = reports_page(make_window, owner)
    page.year_button.click()
    assert page.status.text() == "本店还没有销售记录，没有可导出的年份。"


def test_the_cashier_has_no_year_export(make_window, cashier):
    window = make_window(cashier)
    page = window.pages.get("reports")
    assert page is None or not page.year_button.isVisible()
