"""The care tip (到店小贴士): typed on the catalogue page, read out in tomorrow's reminder."""

from __future__ import annotations

from datetime import datetime

from salon_desk.ui.appointments_page import RemindersDialog

from ui_helpers import type_chinese


def test_the_owner_types_a_care_tip_and_the_reminder_says_it(qtbot, make_window, shop, owner, cashier, tech,
                                                              items, new_customer):
    window = make_window(owner)
    tab = window.pages["catalogue"].items
    row = [i.code for i in tab.model.rows()].index(items.dye.code)
    tab.view.selectRow(row)
    assert tab.care_tip.isEnabled() and tab.care_tip.text() == ""
    type_chinese(tab.care_tip, "染发前一天请勿洗头")
    tab.save()
    assert tab.error.text() == ""
    assert shop.catalogue.item(owner, items.dye.id).care_tip == "染发前一天请勿洗头"
    serum = [i.code for i in tab.model.rows()].index(items.serum.code)
    tab.view.selectRow(serum)
    assert not tab.care_tip.isEnabled()                     # products have no tip

    customer = new_customer("张三", "13812345678", consent_marketing=True)
    shop.appointments.book(cashier, [(items.dye.id, tech.id, datetime(2026, 11, 23, 10), 90, False)],
                           customer_id=customer.id)
    dialog = RemindersDialog(window.ops, window)
    qtbot.addWidget(dialog)
    assert "到店小贴士：染发前一天请勿洗头" in dialog.text.text()
