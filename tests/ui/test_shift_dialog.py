"""The shift from the counter: open with the float, the blind close (the expected cash shown only after
the count), a count with letters refused with its sentence, the Z report shown."""

from __future__ import annotations

from salon_desk.tenders import Tender
from salon_desk.ui.shift_dialog import ShiftDialog


def test_open_then_close_blind(shiftless, qtbot, window, shop, cashier, tech, items):
    dialog = ShiftDialog(window.ops, window)
    qtbot.addWidget(dialog)
    dialog.amount.setText("abc")
    dialog.do_it()
    assert "abc" in dialog.error.text() and shop.shifts.current(cashier) is None
    dialog.amount.setText("500")
    dialog.do_it()
    assert shop.shifts.current(cashier) is not None
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.sales.checkout(cashier, visit.id, [Tender("cash", 26800)])
    closing = ShiftDialog(window.ops, window)
    qtbot.addWidget(closing)
    assert "¥268.00" in closing.summary.text() and "768" not in closing.summary.text()   # blind: no expected
    closing.amount.setText("768")
    closing.next_float.setText("500")
    closing.do_it()
    assert closing.closed is not None and closing.closed.z_no == 1
    assert "¥768.00" in closing.summary.text() and "Z0001" in closing.heading.text()


def test_todays_receipts_show_the_day_by_method_net_of_a_void(qtbot, window, shop, cashier, tech, items, owner_ok):
    from salon_desk.ui.sales_history import TodaySalesDialog
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    sale = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 5000), Tender("alipay", 1800)])
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.sales.checkout(cashier, visit.id, [Tender("cash", 26800)])
    shop.sales.void(cashier, sale.sale_id, reason="录错", **owner_ok)
    dialog = TodaySalesDialog(window.ops, window)
    qtbot.addWidget(dialog)
    text = dialog.totals.text()
    assert "¥268.00" in text and "¥0.00" in text
