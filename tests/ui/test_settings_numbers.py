"""Settings: the wheel never changes the shop's rules; rates read as 折 and %, money as ¥ (stored as before)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox


@pytest.fixture
def page(make_window, owner):
    window = make_window(owner)
    window.tabs.setCurrentWidget(window.pages["settings"])
    return window.pages["settings"]


def wheel(widget, notches: int) -> None:
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(widget.rect().center())), QPoint(0, 0),
                        QPoint(0, 120 * notches), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_number_boxes_and_lists_changes_nothing(qtbot, page, shop):
    earn = page.findChild(QSpinBox, "points.earn_per_yuan")
    cap = page.findChild(QDoubleSpinBox, "points.redeem_cap_permille")
    window = page.findChild(QComboBox, "birthday.window")
    rate = page.tier_widgets[1][0]
    before = (earn.value(), cap.value(), window.currentIndex(), rate.value())
    for box in (earn, cap, window, rate):
        wheel(box, -7)
        wheel(box, 3)
    earn.setFocus()                                    # even the box being typed in keeps its value
    wheel(earn, -7)
    assert (earn.value(), cap.value(), window.currentIndex(), rate.value()) == before
    assert earn.focusPolicy() == Qt.FocusPolicy.StrongFocus
    page.save()
    assert page.saved_label.text() == "没有修改。"
    assert shop.settings.value("points.earn_per_yuan") == before[0]


def test_rates_are_shown_as_percent_and_zhe_and_stored_in_permille(qtbot, page, shop):
    cap = page.findChild(QDoubleSpinBox, "points.redeem_cap_permille")
    assert cap.text() == "50.0 %"                      # stored 500‰
    rate, rate_text, spend, _visits, _double = page.tier_widgets[1]     # silver pays 85 %: 8.5折
    assert (rate.text(), rate_text.text()) == ("85.0 %", "8.5折")
    rate.setValue(82.5)
    assert rate_text.text() == "8.25折"
    cap.setValue(30)
    page.save()
    assert page.error.text() == "" and page.saved_label.text() == "已保存。"
    assert shop.settings.value("points.redeem_cap_permille") == 300
    assert shop.ctx.tiers()[1].rate_permille == 825
    yuan = page.findChild(QLineEdit, "membership.join_threshold_fen")
    assert [l.text() for l in yuan.parentWidget().findChildren(QLabel)] == ["¥"]
    assert [l.text() for l in spend.parentWidget().findChildren(QLabel)] == ["¥"]
