"""The customers page prints the visit record (all visits or a date range) and, for the owner, the data copy."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate

from salon_desk.ui.printing import PrintPreviewDialog
from salon_desk.ui.record_range import VisitRangeDialog

from ui_helpers import pdf_text


@pytest.fixture
def two_visits(shop, clock, items, new_member, sell):
    """张三 came on 2026-11-22 (a cut) and on 2026-12-05 (wash, cut and blow-dry)."""
    zhang = new_member("张三", "13812345678", tier="gold")
    first = sell(zhang.id, services=[items.cut])
    clock.set(2026, 12, 5, 15, 0)
    second = sell(zhang.id, services=[items.wcb])
    return zhang, first, second


def customers_of(make_window, staff):
    window = make_window(staff)
    window.tabs.setCurrentWidget(window.pages["customers"])
    page = window.pages["customers"]
    page.search.setText("13812345678")
    assert page.file is not None and page.file.name == "张三"
    return page


def answer_range(monkeypatch, answer) -> None:
    monkeypatch.setattr(VisitRangeDialog, "ask", classmethod(lambda cls, parent, today: answer))


def test_visit_record_of_every_visit_by_default(make_window, cashier, two_visits, previews, monkeypatch):
    zhang, first, second = two_visits
    page = customers_of(make_window, cashier)
    assert page.print_record_action.isVisible()
    answer_range(monkeypatch, (None, None))
    page.print_record_action.trigger()
    [(data, name)] = previews
    text = pdf_text(data)
    assert name == f"visit-record-{zhang.id}.pdf"
    assert "顾客到店记录" in text and "张三" in text
    assert first.receipt_no in text and second.receipt_no in text
    assert "统计期间：全部" in text


def test_visit_record_of_a_date_range(make_window, owner, two_visits, previews, monkeypatch):
    _zhang, first, second = two_visits
    page = customers_of(make_window, owner)
    answer_range(monkeypatch, (date(2026, 12, 1), date(2026, 12, 31)))
    page.print_visit_record()
    text = pdf_text(previews[-1][0])
    assert second.receipt_no in text and first.receipt_no not in text
    assert "2026-12-01 至 2026-12-31" in text


def test_cancelling_the_range_prints_nothing(make_window, owner, two_visits, previews, monkeypatch):
    page = customers_of(make_window, owner)
    answer_range(monkeypatch, None)
    page.print_visit_record()
    assert previews == []


def test_owner_prints_the_data_copy_and_it_is_audited(make_window, shop, owner, two_visits, previews):
    zhang = two_visits[0]
    page = customers_of(make_window, owner)
    assert page.print_copy_action.isVisible()
    page.print_copy_action.trigger()
    [(data, name)] = previews
    assert name == f"data-copy-{zhang.id}.pdf"
    text = pdf_text(data)
    assert "个人信息副本" in text and "13812345678" in text
    assert any(e.action == "customer_exported" and e.target == f"customer:{zhang.id}"
               for e in shop.audit.entries(owner))


def test_cashier_is_not_offered_the_data_copy_and_the_core_refuses_it(make_window, shop, owner, cashier,
                                                                      two_visits, previews, shown):
    page = customers_of(make_window, cashier)
    assert not page.print_copy_action.isVisible()
    page.print_data_copy()                      # even if the action were reached, the core says no
    assert previews == [] and len(shown) == 1
    assert not any(e.action == "customer_exported" for e in shop.audit.entries(owner))


def test_range_dialog_defaults_to_all_and_checks_the_order(qtbot):
    dialog = VisitRangeDialog(date(2026, 11, 22))
    qtbot.addWidget(dialog)
    assert dialog.chosen() == (None, None)
    dialog.between.setChecked(True)
    dialog.start.setDate(QDate(2026, 11, 30))
    dialog.end.setDate(QDate(2026, 11, 1))
    dialog.confirm()
    assert dialog.error.text() == "开始日期晚于结束日期。" and dialog.result() == 0
    dialog.end.setDate(QDate(2026, 12, 31))
    dialog.confirm()
    assert dialog.chosen() == (date(2026, 11, 30), date(2026, 12, 31)) and dialog.result() == 1


def test_print_button_waits_for_a_file(make_window, owner, previews):
    window = make_window(owner)
    page = window.pages["customers"]
    page.new_customer()
    assert not page.print_button.isEnabled()
    page.print_visit_record()
    page.print_data_copy()
    assert previews == []


def test_the_preview_shows_a_whole_a4_page_and_fits_the_screen(qtbot, shop, owner, two_visits):
    from PySide6.QtWidgets import QLabel
    from salon_desk.reports.visit_record import render_visit_record
    zhang = two_visits[0]
    data = render_visit_record(shop.customers.file(owner, zhang.id), shop.sales.of_customer(owner, zhang.id),
                               shop.settings.header(), None, None, shop.now(), owner.display_name)
    dialog = PrintPreviewDialog(data, "张三", "record.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()    # never off the screen
    page_width = max(label.pixmap().width() for label in dialog.view.widget().findChildren(QLabel))
    if page_width + 80 <= room.width() - 40:                 # room for the whole page: no sideways scrolling
        assert dialog.view.horizontalScrollBar().maximum() == 0
    else:
        assert dialog.width() == room.width() - 40


def test_a_printed_visit_record_is_in_the_audit_log(make_window, shop, owner, cashier, two_visits, monkeypatch):
    zhang, _first, _second = two_visits
    page = customers_of(make_window, cashier)
    answer_range(monkeypatch, (None, None))
    monkeypatch.setattr(PrintPreviewDialog, "ask", classmethod(lambda cls, parent, data, title, name="", slip=None: True))
    page.print_record_action.trigger()
    [entry] = [e for e in shop.audit.entries(owner) if e.action == "customer_printed"]
    assert (entry.staff_name, entry.target, entry.details) == ("小美", f"customer:{zhang.id}", {"kind": "visit_record"})
