"""上班时间: the owner sets a technician's week and days off with the keyboard; bookings obey them."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QDate, Qt

from salon_desk.appointments import rota_from_json
from salon_desk.errors import InvalidInput
from salon_desk.ui import widgets
from salon_desk.ui.working_hours import WorkingHoursDialog


@pytest.fixture
def asked(monkeypatch) -> SimpleNamespace:
    """Questions asked (save the changes?) are recorded in ``questions``; ``answer`` is the reply."""
    seen = SimpleNamespace(questions=[], answer=False)
    monkeypatch.setattr(widgets.Confirm, "ask", classmethod(
        lambda cls, parent, title, text: seen.questions.append(text) or seen.answer))
    return seen


@pytest.fixture
def dialog(qtbot, make_window, owner, tech, asked):
    window = make_window(owner)
    staff_tab = window.pages["catalogue"].staff
    assert staff_tab.hours_button.text() == "上班时间…"
    made = WorkingHoursDialog(window.ops, tech.id, window)
    qtbot.addWidget(made)
    made.show()
    return made


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def test_the_owner_sets_a_week_and_a_day_off_by_keyboard_and_bookings_obey(qtbot, dialog, shop, cashier, tech,
                                                                          items):
    assert dialog.technician.currentText() == "王师傅"
    assert [w.isChecked() for w in dialog.works] == [True] * 7 and dialog.starts[0].text() == "10:00"
    retype(qtbot, dialog.starts[0], "12:00")                     # Monday from noon
    retype(qtbot, dialog.ends[0], "18:30")
    qtbot.keyClick(dialog.copy_monday, Qt.Key.Key_Space)          # the same on every day worked
    dialog.works[1].setFocus()
    qtbot.keyClick(dialog.works[1], Qt.Key.Key_Space)             # Tuesday off
    assert not dialog.starts[1].isEnabled()
    dialog.off_date.setDate(QDate(2026, 11, 28))                  # Saturday: on leave
    dialog.off_date.setFocus()
    qtbot.keyClick(dialog.off_date, Qt.Key.Key_Return)
    assert [dialog.days_off.item(i).text() for i in range(dialog.days_off.count())] == ["2026-11-28 星期六"]
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.error.text() == ""
    assert dialog.saved.text().startswith("已保存")
    hours = rota_from_json(shop.settings.value("appointments.hours")).of(tech.id)
    assert hours.on(date(2026, 11, 23)).opens.hour == 12 and hours.on(date(2026, 11, 24)) is None
    assert hours.on(date(2026, 11, 26)).closes.minute == 30 and hours.on(date(2026, 11, 28)) is None

    def book(start: datetime):
        return shop.appointments.book(cashier, [(items.cut.id, tech.id, start, 60, False)],
                                      newcomer_name="李女士", newcomer_phone="13900001111")
    for refused_at in (datetime(2026, 11, 23, 11, 0),           # Monday before noon
                       datetime(2026, 11, 23, 18, 0),           # runs past 18:30
                       datetime(2026, 11, 24, 14, 0),           # Tuesday: not working
                       datetime(2026, 11, 28, 14, 0)):          # the day off
        with pytest.raises(InvalidInput) as refused:
            book(refused_at)
        assert refused.value.code == "appointment.outside_hours"
    assert book(datetime(2026, 11, 23, 12, 0)).start == datetime(2026, 11, 23, 12, 0)

    # the day off is removed with Delete, and saved again
    dialog.days_off.setCurrentRow(0)
    dialog.days_off.setFocus()
    qtbot.keyClick(dialog.days_off, Qt.Key.Key_Delete)
    assert dialog.days_off.count() == 0
    assert dialog.save()
    assert rota_from_json(shop.settings.value("appointments.hours")).of(tech.id).days_off == frozenset()


@pytest.mark.parametrize("start, end, sentence", [
    ("18:00", "12:00", "星期一：下班时间（12:00）必须晚于上班时间（18:00）。"),
    ("9:10", "18:00", "星期一：“9:10”不在整刻钟上（分钟须为 00、15、30 或 45）。"),
    ("9点", "18:00", "星期一：“9点”不是 09:30 这样的时间。"),
    ("10:00", "25:00", "星期一：“25:00”不是 09:30 这样的时间。"),
])
def test_bad_hours_are_refused_in_words_and_nothing_is_stored(qtbot, dialog, shop, tech, start, end, sentence):
    before = shop.settings.value("appointments.hours")
    dialog.starts[0].setText(start)
    dialog.ends[0].setText(end)
    assert not dialog.save()
    assert dialog.error.text() == sentence
    assert shop.settings.value("appointments.hours") == before


def test_a_cashier_has_no_working_hours_button(make_window, cashier):
    window = make_window(cashier)
    assert "catalogue" not in window.pages or window.pages["catalogue"].indexOf(
        window.pages["catalogue"].staff) == -1


def test_leaving_a_technician_with_changes_offers_to_save_them(qtbot, dialog, shop, tech, tech2, asked):
    retype(qtbot, dialog.ends[4], "19:00")                      # Friday ends earlier
    asked.answer = True
    dialog.technician.setCurrentIndex(dialog.technician.findData(tech2.id))
    assert asked.questions == ["王师傅的上班时间已修改但未保存。现在保存吗？"]
    assert rota_from_json(shop.settings.value("appointments.hours")).of(tech.id).week[4].closes.hour == 19
    assert dialog.technician.currentText() == "李师傅" and dialog.ends[4].text() == "21:00"

    retype(qtbot, dialog.ends[4], "12:00")
    retype(qtbot, dialog.starts[4], "13:00")                     # wrong: end before start
    dialog.technician.setCurrentIndex(dialog.technician.findData(tech.id))
    assert dialog.technician.currentText() == "李师傅"            # refused to save: stays, says why
    assert dialog.error.text() == "星期五：下班时间（12:00）必须晚于上班时间（13:00）。"

    asked.answer = False                                         # drop the changes
    dialog.technician.setCurrentIndex(dialog.technician.findData(tech.id))
    assert dialog.technician.currentText() == "王师傅"
    assert rota_from_json(shop.settings.value("appointments.hours")).of(tech2.id).week[4].closes.hour == 21

