"""Bad input is refused with a sentence, never quietly "fixed" into something else."""

from __future__ import annotations

from PySide6.QtCore import Qt

from salon_desk.ui.customer_quick import QuickCustomerDialog

from ui_helpers import type_chinese


def test_a_letter_in_the_phone_of_the_quick_form_is_refused(qtbot, window, shop, cashier, dump, shop_path):
    before = dump(shop_path)
    dialog = QuickCustomerDialog(window.ops, "", window)
    qtbot.addWidget(dialog)
    type_chinese(dialog.name, "王五")
    qtbot.keyClicks(dialog.phone, "13900001234a")
    dialog.keep.setChecked(True)
    dialog.save()
    assert dialog.created is None
    assert dialog.error.text() == "“13900001234a”不是有效的电话号码。"
    assert dump(shop_path) == before
    assert shop.customers.find(cashier, "13900001234") == []


def test_a_letter_in_the_phone_of_the_full_editor_is_refused(qtbot, make_window, owner, shop, no_prompts,
                                                               new_customer):
    new_customer("李四", "13900001111")
    window = make_window(owner)
    window.tabs.setCurrentIndex(1)
    page = window.pages["customers"]
    type_chinese(page.search, "李四")
    editor = page.editor
    assert editor.name.text() == "李四"
    editor.phone.clear()
    qtbot.keyClicks(editor.phone, "13900001234a")
    editor.save()
    assert "13900001234a" in editor.error.text()
    assert shop.customers.find(owner, "李四")[0].phone == "13900001111"


def test_the_full_editor_warns_for_a_number_outside_the_mainland_as_the_quick_form_does(
        qtbot, make_window, owner, shop, no_prompts, new_customer):
    new_customer("李四", "13900001111")
    window = make_window(owner)
    window.tabs.setCurrentIndex(1)
    page = window.pages["customers"]
    type_chinese(page.search, "李四")
    editor = page.editor
    assert not editor.phone_warning.isVisibleTo(editor)           # a mainland mobile: nothing to say
    editor.phone.clear()
    qtbot.keyClicks(editor.phone, "+852 9123 4567")
    assert editor.phone_warning.isVisibleTo(editor)
    assert editor.phone_warning.text() == "不是大陆手机号（1 开头的 11 位数字）；仍可保存。"
    quick = QuickCustomerDialog(window.ops, "+852 9123 4567", window)
    qtbot.addWidget(quick)
    quick.check_phone(quick.phone.text())
    assert quick.warning.text() == editor.phone_warning.text()
    editor.save()
    assert editor.error.text() == ""
    assert shop.customers.find(owner, "李四")[0].phone == "+85291234567"


def test_a_negative_quantity_is_refused_not_read_as_positive(qtbot, window, shop, cashier, items, shown):
    counter = window.counter
    qtbot.keyClick(counter, Qt.Key.Key_F6)                        # walk-in
    editor = counter.editor
    qtbot.keyClicks(editor.item_field, "G01")
    qtbot.keyClick(editor.item_field, Qt.Key.Key_Return)
    assert window.focusWidget() is editor.quantity
    editor.quantity.lineEdit().selectAll()
    qtbot.keyClicks(editor.quantity, "-2")
    qtbot.keyClick(editor.quantity, Qt.Key.Key_Return)
    assert list(editor.visit.lines) == []
    assert shown[-1] == "数量必须是大于零的整数。"
    editor.quantity.lineEdit().selectAll()
    qtbot.keyClicks(editor.quantity, "2")
    qtbot.keyClick(editor.quantity, Qt.Key.Key_Return)
    assert [(l.name, l.quantity) for l in editor.visit.lines] == [("修护精华", 2)]
