"""Finding at the counter: every reading of a surname, items by pinyin initials, discounted line amounts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salon_desk.ui.counter_models import VisitLinesModel


@pytest.mark.parametrize("name, typed", [
    ("宓小红", "fxh"), ("宓小红", "mxh"), ("阚泽", "kz"), ("阚泽", "hz"), ("隗嚣", "wx"), ("蕃生", "ps"),
    ("折可", "sk"), ("句芒", "gm"), ("便宜", "py"),
])
def test_a_surname_is_found_by_either_reading(qtbot, window, new_customer, name, typed):
    new_customer(name, "13900002222")
    counter = window.counter
    qtbot.keyClicks(counter.search, typed)
    assert [c.name for c in counter.results_model.rows()] == [name]


def test_items_are_found_by_pinyin_initials_and_lines_show_the_discounted_amount(qtbot, window, shop, owner,
                                                                                 cashier, tech, items,
                                                                                 new_member):
    shop.catalogue.add_item(owner, kind="service", code="F09", name="补水护理", category="skin", price_fen=19800)
    new_member("张三", "13812345678", tier="gold")
    counter = window.counter
    qtbot.keyClicks(counter.search, "5678")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    editor = counter.editor
    qtbot.keyClicks(editor.item_field, "bshl")
    assert [i.name for i in editor.items_model.rows()] == ["补水护理"]
    editor.item_field.clear()
    qtbot.keyClicks(editor.item_field, "G01")
    qtbot.keyClick(editor.item_field, Qt.Key.Key_Return)
    editor.quantity.setValue(2)
    qtbot.keyClick(editor.quantity, Qt.Key.Key_Return)            # two serums at ¥129, gold pays 80 %
    model = editor.lines_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[VisitLinesModel.PRICE] == "原价（单价）" and headers[VisitLinesModel.AMOUNT] == "金额"
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[VisitLinesModel.QUANTITY] == "2"
    assert row[VisitLinesModel.PRICE] == "¥129.00"                 # per unit, not the line total
    assert row[VisitLinesModel.AMOUNT] == "¥206.40"                # 2 × ¥129 × 80 %
