"""A customer's no-shows: on their file beside the name, and on their next booking in the day view."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication


def test_a_no_show_marked_on_the_book_appears_on_the_file_and_on_the_next_booking(
        qtbot, window, shop, clock, cashier, tech, items, new_customer):
    customer = new_customer("张三", "13812345678")
    first = shop.appointments.book(cashier, [(items.cut.id, tech.id, datetime(2026, 11, 22, 10), 60, False)],
                                   customer_id=customer.id)
    customers = window.pages["customers"]
    customers.show_file(customer.id)
    assert customers.no_show_flag.isHidden()                 # came every time so far: nothing said

    clock.set(2026, 11, 22, 10, 40)
    book = window.pages["appointments"]
    window.tabs.setCurrentWidget(book)
    book.reload()
    book.view.setFocus()
    book.view.select_booking(first.id)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_X)       # one key: no-show

    window.tabs.setCurrentWidget(customers)
    assert not customers.no_show_flag.isHidden()
    assert customers.no_show_flag.text() == "爽约 1 次（最近 2026-11-22）"

    later = shop.appointments.book(cashier, [(items.cut.id, tech.id, datetime(2026, 11, 22, 16), 60, False)],
                                   customer_id=customer.id)
    window.tabs.setCurrentWidget(book)
    book.reload()
    assert "爽约1次" in book.view.block_labels(later.id)

    other = new_customer("李四", "13812345679")
    customers.show_file(other.id)
    assert customers.no_show_flag.isHidden()
