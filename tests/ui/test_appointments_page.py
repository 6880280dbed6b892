"""The 预约 tab as a receptionist uses it: book, move, a refused move, check-in from the booking, keys."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salon_desk.appointments import BookingStatus
from salon_desk.ui.appointments_page import BookingDialog

TODAY = date(2026, 11, 22)          # the test clock: Sunday 10:00


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 22, hour, minute)


def page_of(window):
    window.tabs.setCurrentWidget(window.pages["appointments"])
    return window.pages["appointments"]


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifier)


def test_appointments_is_the_counters_second_tab_showing_each_technician(window):
    assert window.tabs.tabText(1) == "预约"
    page = page_of(window)
    assert [t.name for t in page.view.technicians] == ["王师傅", "李师傅"]
    assert "（今天）" in page.title.text()


def test_booking_from_the_dialog_with_the_counters_search(qtbot, window, shop, tech, items, new_customer):
    new_customer("张三", "13812345678")
    page = page_of(window)
    dialog = BookingDialog(page.ops, page.technician_names(), tech.id, at(14), page)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.search, "5678")                # the phone's tail, as at the counter
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.chosen.text() == "客户：张三"
    dialog.service.setCurrentIndex(dialog.service.findText("精剪"))
    dialog.minutes.setValue(45)
    dialog.book()                                          # Ctrl+Enter
    assert dialog.error.text() == "" and dialog.booked is not None
    blocks = page.view.bookings
    assert [(b.name, b.services, b.start, b.end) for b in blocks] == [("张三", ("精剪",), at(14), at(14, 45))]
    assert page.week_buttons[6].text().endswith("1 个")    # Sunday's count in the week overview


def test_a_clash_in_the_dialog_is_shown_and_nothing_booked(qtbot, window, shop, cashier, tech, items):
    shop.appointments.book(cashier, [(items.cut.id, tech.id, at(14), 60, False)],
                           newcomer_name="甲", newcomer_phone="13900000001")
    page = page_of(window)
    dialog = BookingDialog(page.ops, page.technician_names(), tech.id, at(14, 30), page)
    qtbot.addWidget(dialog)
    dialog.newcomer_name.setText("乙")
    dialog.newcomer_phone.setText("13900000002")
    dialog.book()
    assert dialog.booked is None
    assert dialog.error.text() == "王师傅 在 14:00–15:00 已有预约（甲）。"
    assert shop.db.execute_sql("SELECT COUNT(*) FROM booking").fetchone()[0] == 1


def test_move_with_the_keyboard_and_a_refused_move_shows_the_sentence_and_snaps_back(
        qtbot, window, shop, cashier, tech, tech2, items):
    a = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(14), 60, False)],
                               newcomer_name="甲", newcomer_phone="13900000001")
    shop.appointments.book(cashier, [(items.cut.id, tech2.id, at(15), 60, False)],
                           newcomer_name="乙", newcomer_phone="13900000002")
    page = page_of(window)
    page.view.setFocus()
    page.view.select_booking(a.id)
    press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)      # 15 minutes later
    assert shop.appointments.get(cashier, a.id).start == at(14, 15)
    press(qtbot, window, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)     # to 李师傅: clashes with 乙
    assert shop.appointments.get(cashier, a.id).services[0].technician_id == tech.id
    assert page.view.message.isVisible()
    assert page.view.message.text() == "李师傅 在 15:00–16:00 已有预约（乙）。"
    assert page.view.block_rect(a.id, tech.id).x() == page.view.block_rect(a.id).x()
    assert all(block.pos().isNull() for block in page.view.blocks.values())            # snapped back


def test_a_booked_customer_walks_in_and_is_checked_in_from_the_booking_in_few_keys(
        qtbot, window, shop, clock, cashier, tech, tech2, items, new_customer):
    customer = new_customer("张三", "13812345678")
    booking = shop.appointments.book(cashier, [(items.cut.id, tech2.id, at(10, 0), 60, True),
                                               (items.care.id, tech2.id, at(11, 0), 30, False)],
                                     customer_id=customer.id)
    clock.set(2026, 11, 22, 10, 5)                     # she walks in
    window.counter.focus_search()
    keys = [(Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier),     # the 预约 tab, cursor at the present
            (Qt.Key.Key_Right, Qt.KeyboardModifier.NoModifier),     # 李师傅's column: her booking
            (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)]    # check in
    for key, modifier in keys:
        press(qtbot, window, key, modifier)
    print(f"\nkeys from 'booked customer walks in' to 'visit open with the booked services': {len(keys)}")
    assert len(keys) <= 4
    assert window.tabs.currentWidget() is window.counter
    visit = window.counter.editor.visit
    assert visit is not None and visit.customer.name == "张三"
    assert [(l.name, l.technician_name, l.designated) for l in visit.lines] == [
        ("精剪", "李师傅", True), ("洗护", "李师傅", False)]
    assert shop.appointments.get(cashier, booking.id).status is BookingStatus.CHECKED_IN


def test_no_show_with_one_key_once_late(qtbot, window, shop, clock, cashier, tech, items):
    a = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(10, 0), 60, False)],
                               newcomer_name="甲", newcomer_phone="13900000001")
    clock.set(2026, 11, 22, 10, 40)
    page = page_of(window)
    page.reload()
    assert page.view.bookings[0].late
    page.view.setFocus()
    page.view.select_booking(a.id)
    press(qtbot, window, Qt.Key.Key_X)
    assert shop.appointments.get(cashier, a.id).status is BookingStatus.NO_SHOW


def test_a_walk_in_who_booked_is_offered_the_booking_at_the_counter(qtbot, window, shop, clock, cashier, tech,
                                                                    items, new_customer, no_prompts):
    customer = new_customer("张三", "13812345678")
    booking = shop.appointments.book(cashier, [(items.cut.id, tech.id, at(10, 30), 60, True)],
                                     customer_id=customer.id)
    counter = window.counter
    counter.search.setText("5678")
    counter.check_in_chosen()                             # Enter on the search result; the offer answered yes
    visit = counter.editor.visit
    assert [(l.name, l.technician_name, l.designated) for l in visit.lines] == [("精剪", "王师傅", True)]
    assert shop.appointments.get(cashier, booking.id).status is BookingStatus.CHECKED_IN
