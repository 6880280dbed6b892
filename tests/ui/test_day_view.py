"""The day view driven as a receptionist would: mouse drags, double-clicks and keys; signals and what is painted."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from salon_desk.appointments import BookingInfo, BookingStatus, DayHours, TechnicianDay
from salon_desk.errors import Conflict
from salon_desk.ui import errors_text
from salon_desk.ui.day_view import ROW_H, DayView

DAY = date(2026, 12, 2)
WANG, LI, FANG = 1, 2, 3


def at(hh: int, mm: int = 0) -> datetime:
    return datetime.combine(DAY, time(hh, mm))


TECHS = [TechnicianDay(WANG, "王师傅", DayHours(time(10), time(21))),
         TechnicianDay(LI, "李师傅", DayHours(time(12), time(21))),
         TechnicianDay(FANG, "阿芳", None)]
ZHANG = BookingInfo(1, WANG, "王师傅", at(10), at(11), ("精剪",), customer_id=11, customer_name="张女士",
                    tier="gold", designated=True)
LIU = BookingInfo(2, WANG, "王师傅", at(11), at(11, 30), ("洗剪吹",), customer_id=12, customer_name="刘女士")
NEW = BookingInfo(3, LI, "李师傅", at(13), at(14, 30), ("染发", "洗护"), newcomer_name="陈小姐",
                  newcomer_phone="13900001111", first_visit=True, allergy=True, no_shows=2)
GONE = BookingInfo(4, LI, "李师傅", at(15), at(16), ("精剪",), customer_id=13, customer_name="周先生",
                   status=BookingStatus.CANCELLED)
BOOK = [ZHANG, LIU, NEW, GONE]


@pytest.fixture
def view(qtbot):
    v = DayView()
    qtbot.addWidget(v)
    v.resize(900, 700)
    v.show()
    qtbot.waitExposed(v)
    v.set_day(DAY, TECHS, BOOK)
    v.setFocus()
    return v


class Recorder:
    """Every request the view made, in order, as (signal, args)."""

    def __init__(self, view: DayView) -> None:
        self.calls: list[tuple] = []
        for name in ("move_requested", "resize_requested", "book_requested", "check_in_requested",
                     "open_requested", "cancel_requested", "no_show_requested"):
            getattr(view, name).connect(lambda *args, name=name: self.calls.append((name, *args)))


def vp(view: DayView, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def drag(qtbot, view: DayView, start: QPoint, end: QPoint) -> None:
    port = view.viewport()
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=start)
    middle = QPoint((start.x() + end.x()) // 2, (start.y() + end.y()) // 2)
    qtbot.mouseMove(port, middle)
    qtbot.mouseMove(port, end)
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=end)


# ------------------------------------------------------------------ what is painted

def test_blocks_sit_in_their_technicians_column_and_rows_and_say_who_what_and_badges(view):
    grid_top = view.block_rect(1)
    assert grid_top.x() < view.col_w and grid_top.y() == 0                # 王师傅's column, 10:00 is the first row
    assert grid_top.height() == 4 * ROW_H                                  # an hour is four rows
    new = view.block_rect(3)
    assert view.col_w <= new.x() < 2 * view.col_w                          # 李师傅's column
    assert new.y() == 12 * ROW_H and new.height() == 6 * ROW_H             # 13:00-14:30
    assert view.block_labels(1) == ["张女士", "10:00–11:00", "指定", "金卡", "精剪"]
    assert view.block_labels(3) == ["陈小姐", "13:00–14:30", "过敏", "首次", "爽约2次", "染发、洗护"]
    with pytest.raises(KeyError):
        view.block_rect(4)                                                  # cancelled: not on the grid


def test_the_block_is_painted_in_its_status_colour_on_a_white_grid(view):
    image = view.viewport().grab().toImage()
    rect = view.block_rect(2)                                               # booked: light blue
    inside = vp(view, rect.right() - 12, rect.bottom() - 4)
    assert image.pixelColor(inside) == QColor("#dbeafe")
    free = vp(view, view.col_w + 40, 2 * ROW_H + 5)                         # 李师傅 10:30: before his hours
    assert image.pixelColor(free) == QColor("#f1f5f9")
    free = vp(view, view.col_w + 40, 20 * ROW_H + 5)                        # 李师傅 15:00: free and working
    assert image.pixelColor(free) == QColor("white")
    view.set_day(DAY, TECHS, [replace(LIU, status=BookingStatus.CHECKED_IN)])
    image = view.viewport().grab().toImage()
    assert image.pixelColor(inside) == QColor("#dcfce7")                    # in the shop: green


def test_late_and_overlapping_blocks(view):
    noshow = replace(ZHANG, id=7, status=BookingStatus.NO_SHOW)
    late = replace(LIU, id=8, start=at(10), end=at(11), late=True)
    view.set_day(DAY, TECHS, [noshow, late])
    a, b = view.block_rect(7), view.block_rect(8)
    assert a.width() == b.width() < view.col_w / 2 and a.x() != b.x()        # side by side, both readable
    assert view.block_labels(8)[2] == "迟到"
    image = view.viewport().grab().toImage()
    assert image.pixelColor(vp(view, b.right() - 12, b.bottom() - 4)) == QColor("#ffedd5")


def test_a_booking_outside_the_hours_widens_the_grid(view):
    early = replace(LIU, start=at(9, 15), end=at(9, 45))
    view.set_day(DAY, TECHS, [early, ZHANG])
    assert view.block_rect(2).y() == 0 and view.block_rect(1).y() == 3 * ROW_H


# ------------------------------------------------------------------ the mouse

def test_dragging_a_block_asks_to_move_it_and_a_refusal_snaps_it_back_with_the_sentence(qtbot, view):
    calls = Recorder(view)

    def refuse(booking_id, technician_id, start):
        assert view.request_block == ZHANG                                  # the block the request is about
        view.refuse(errors_text.message(Conflict("appointment.clash", technician="李师傅", customer="陈小姐",
                                                 start=at(13), end=at(14, 30))))
    view.move_requested.connect(refuse)
    before = view.block_rect(1)
    drag(qtbot, view, view.slot_point(WANG, at(10)), view.slot_point(LI, at(13)))
    assert calls.calls == [("move_requested", 1, LI, at(13))]
    block = view.blocks[(1, WANG)]
    assert block.pos() == QPointF(0, 0) and view.block_rect(1) == before      # snapped back
    assert view.message.isVisible()
    assert view.message.text() == "李师傅 在 13:00–14:30 已有预约（陈小姐）。"


def test_an_accepted_move_shows_the_block_where_it_was_dropped(qtbot, view):
    def accept(booking_id, technician_id, start):
        moved = replace(ZHANG, technician_id=technician_id, start=start, end=start + (ZHANG.end - ZHANG.start))
        view.set_day(DAY, TECHS, [moved, LIU, NEW])
    view.move_requested.connect(accept)
    # held by its 10:15 row and dropped on 15:15: the block moves by five hours, to 15:00
    drag(qtbot, view, view.slot_point(WANG, at(10, 15)), view.slot_point(LI, at(15, 15)))
    rect = view.block_rect(1)
    assert view.col_w <= rect.x() < 2 * view.col_w and rect.y() == 20 * ROW_H   # 李师傅 at 15:00
    assert view.selected_booking().id == 1


def test_a_short_wiggle_is_a_click_not_a_move(qtbot, view):
    calls = Recorder(view)
    start = view.slot_point(WANG, at(10, 30))
    drag(qtbot, view, start, start + QPoint(1, 2))
    assert calls.calls == [] and view.selected_booking() == ZHANG


def test_dragging_the_bottom_edge_asks_for_a_new_end(qtbot, view):
    calls = Recorder(view)
    rect = view.block_rect(1)
    edge = vp(view, rect.center().x(), rect.bottom() - 2)
    drag(qtbot, view, edge, vp(view, rect.center().x(), 6 * ROW_H + 3))       # down to 11:30
    assert calls.calls == [("resize_requested", 1, at(11, 30))]
    assert view.blocks[(1, WANG)].preview_height is None                       # refused: back to an hour


def test_double_click_books_an_empty_slot_and_checks_in_a_booking(qtbot, view):
    calls = Recorder(view)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.slot_point(LI, at(15, 45)))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.slot_point(WANG, at(10, 15)))
    assert calls.calls == [("book_requested", LI, at(15, 45)), ("check_in_requested", 1)]


# ------------------------------------------------------------------ the keys

def key(qtbot, view, k, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(view, k, mods)


def test_arrows_walk_over_slots_and_jump_over_blocks(qtbot, view):
    assert view.cursor_slot() == (WANG, at(10)) and view.selected_booking() == ZHANG
    key(qtbot, view, Qt.Key.Key_Down)
    assert view.selected_booking() == LIU                                      # the next block, not 10:15
    key(qtbot, view, Qt.Key.Key_Down)
    assert view.cursor_slot() == (WANG, at(11, 30)) and view.selected_booking() is None
    key(qtbot, view, Qt.Key.Key_Right)
    assert view.cursor_slot() == (LI, at(11, 30))
    for _ in range(6):
        key(qtbot, view, Qt.Key.Key_Down)
    assert view.selected_booking() == NEW
    key(qtbot, view, Qt.Key.Key_Left)
    key(qtbot, view, Qt.Key.Key_Left)
    key(qtbot, view, Qt.Key.Key_Left)                                          # stops at the first column
    assert view.cursor_slot() == (WANG, at(13))
    for _ in range(6):
        key(qtbot, view, Qt.Key.Key_Up)
    assert view.cursor_slot() == (WANG, at(11, 30)) and view.selected_booking() is None
    key(qtbot, view, Qt.Key.Key_Up)
    assert view.selected_booking() == LIU
    key(qtbot, view, Qt.Key.Key_Up)
    assert view.selected_booking() == ZHANG


def test_keys_ask_to_book_check_in_cancel_and_mark_no_show(qtbot, view):
    calls = Recorder(view)
    key(qtbot, view, Qt.Key.Key_Return)                                         # on 张女士
    key(qtbot, view, Qt.Key.Key_X)
    key(qtbot, view, Qt.Key.Key_Delete)
    key(qtbot, view, Qt.Key.Key_Down)
    key(qtbot, view, Qt.Key.Key_Down)                                           # 11:30, empty
    key(qtbot, view, Qt.Key.Key_N)
    key(qtbot, view, Qt.Key.Key_Enter)
    key(qtbot, view, Qt.Key.Key_Delete)                                         # nothing to cancel here
    assert calls.calls == [("check_in_requested", 1), ("no_show_requested", 1), ("cancel_requested", 1),
                           ("book_requested", WANG, at(11, 30)), ("book_requested", WANG, at(11, 30))]


def test_enter_on_a_booking_already_in_the_shop_opens_it(qtbot, view):
    view.set_day(DAY, TECHS, [replace(ZHANG, status=BookingStatus.CHECKED_IN)])
    calls = Recorder(view)
    key(qtbot, view, Qt.Key.Key_Return)
    assert calls.calls == [("open_requested", 1)]


def test_ctrl_arrows_move_and_shift_arrows_stretch_the_selected_block(qtbot, view):
    calls = Recorder(view)
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    key(qtbot, view, Qt.Key.Key_Down, ctrl)
    key(qtbot, view, Qt.Key.Key_Right, ctrl)
    key(qtbot, view, Qt.Key.Key_Left, ctrl)                                    # already in the first column
    key(qtbot, view, Qt.Key.Key_Down, shift)
    key(qtbot, view, Qt.Key.Key_Up, shift)
    assert calls.calls == [("move_requested", 1, WANG, at(10, 15)), ("move_requested", 1, LI, at(10)),
                           ("resize_requested", 1, at(11, 15)), ("resize_requested", 1, at(10, 45))]


def test_an_accepted_key_move_keeps_the_block_selected_for_the_next_key(qtbot, view):
    def accept(booking_id, technician_id, start):
        view.set_day(DAY, TECHS, [replace(ZHANG, technician_id=technician_id, start=start,
                                          end=start + (ZHANG.end - ZHANG.start)), NEW])
    view.move_requested.connect(accept)
    key(qtbot, view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.selected_booking().start == at(10, 30)
    assert view.block_rect(1).y() == 2 * ROW_H


def test_reloading_the_day_keeps_the_cursor_where_it_was(qtbot, view):
    view.move_cursor_to(LI, at(16))
    view.set_day(DAY, TECHS, BOOK)
    assert view.cursor_slot() == (LI, at(16))
    view.set_day(date(2026, 12, 3), TECHS, [], now=None)
    assert view.cursor_slot() == (WANG, datetime(2026, 12, 3, 10))


def test_today_opens_at_the_present_hour(qtbot, view):
    view.resize(900, 400)
    view.set_day(date(2026, 12, 4), TECHS, [], now=datetime(2026, 12, 4, 17, 10))
    assert view.cursor_slot() == (WANG, datetime(2026, 12, 4, 17))
    top = view.mapToScene(QPoint(0, 0)).y()
    assert top == (view.grid.row_of(datetime(2026, 12, 4, 16)) * ROW_H)       # 16:00 at the top, now in sight


def test_escape_lets_go_of_a_drag_without_asking(qtbot, view):
    calls = Recorder(view)
    port = view.viewport()
    start = view.slot_point(WANG, at(10))
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(port, view.slot_point(LI, at(16)))
    assert view.blocks[(1, WANG)].pos() != QPointF(0, 0)                   # following the mouse
    key(qtbot, view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=view.slot_point(LI, at(16)))
    assert calls.calls == [] and view.blocks[(1, WANG)].pos() == QPointF(0, 0)


def test_the_tooltip_tells_everything_about_the_booking(qtbot, view):
    assert view.details(NEW) == ("陈小姐  13:00–14:30\n新客，手机 13900001111\n染发、洗护\n"
                                              "李师傅，轮牌\n过敏 · 首次 · 爽约2次")
    assert view.details(ZHANG).splitlines()[2] == "王师傅，顾客指定"
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip
    point = view.slot_point(LI, at(13, 30))
    QApplication.sendEvent(view.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point)))
    assert QToolTip.text() == view.details(NEW)


def test_a_day_without_technicians_or_bookings_shows_an_empty_grid_and_keys_do_nothing(qtbot, view):
    calls = Recorder(view)
    view.set_day(DAY, [], [])
    assert view.blocks == {} and view.cursor_slot() is None and view.selected_booking() is None
    for k in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_N, Qt.Key.Key_Delete):
        key(qtbot, view, k)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(50, 50))
    assert calls.calls == []


def test_dragging_to_the_bottom_edge_scrolls_the_day_along(qtbot, view):
    view.resize(900, 300)
    view.set_day(DAY, TECHS, BOOK)
    port = view.viewport()
    before = view.verticalScrollBar().value()
    start = view.slot_point(WANG, at(10, 15))
    qtbot.mousePress(port, Qt.MouseButton.LeftButton, pos=start)
    for _ in range(3):
        qtbot.mouseMove(port, QPoint(start.x(), port.height() - 5))
    assert view.verticalScrollBar().value() > before
    key(qtbot, view, Qt.Key.Key_Escape)
    qtbot.mouseRelease(port, Qt.MouseButton.LeftButton, pos=QPoint(start.x(), port.height() - 5))
