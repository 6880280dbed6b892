"""The receipt summary after checkout says when the points were doubled for the birthday."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from salon_desk.ui.receipt_summary import ReceiptSummaryDialog


def test_the_summary_explains_the_birthday_doubling(qtbot, shop, items, new_member, sell):
    zhang = new_member(tier="gold", birth_month=11, birth_day=22)        # today is 22 November
    receipt = sell(zhang.id, [items.cut])                               # 214 points, doubled to 428
    dialog = ReceiptSummaryDialog(receipt)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "body").text()
    assert "生日" in text and "428" in text and "214" in text


def test_an_ordinary_day_shows_the_points_alone(qtbot, shop, items, new_member, sell):
    li = new_member("李四", "13900000001", tier="gold", birth_month=3, birth_day=1)
    receipt = sell(li.id, [items.cut])
    dialog = ReceiptSummaryDialog(receipt)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QLabel, "body").text()
    assert "214" in text and "生日" not in text
