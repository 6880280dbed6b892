"""The rating asked after a checkout never swallows the next customer's phone tail.

With the focus on 完成 (as the receipt step opens), 1-5 are the next customer's phone:
the receipt closes and the digits land in the counter's search. The stars take a digit
only once the cashier moved the focus to them (Tab) or clicked one.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from salon_desk.ui.checkout_dialog import CheckoutDialog
from salon_desk.ui.receipt_step import ReceiptStepDialog

from ui_helpers import answer_next_dialog


def counter_ratings(shop, owner) -> int:
    return shop.reports.month(owner, 2026, 11).care.satisfaction.counter.count


def check_out_a_cut(qtbot, window, shop, cashier, items, tech, new_member, answer):
    zhang = new_member("张三", "13812345678", tier="silver")
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    counter = window.counter
    counter.select_visit(visit.id)
    counter.focus_search()
    seen = []
    answer_next_dialog(qtbot, CheckoutDialog, lambda d: qtbot.keyClick(d, Qt.Key.Key_F2), timeout_ms=60000)
    def step(dialog: ReceiptStepDialog) -> None:
        seen.append(dialog)
        try:
            answer(dialog)
        finally:
            if dialog.isVisible() and dialog.result() == 0 and dialog.typed_ahead is None:
                failures.append("the receipt step was still open")
                dialog.reject()          # never leave a modal dialog hanging the test
    failures: list[str] = []
    answer_next_dialog(qtbot, ReceiptStepDialog, step, timeout_ms=60000)
    qtbot.keyClick(counter.search, Qt.Key.Key_F9)                  # check out
    qtbot.waitUntil(lambda: bool(seen) and not seen[0].isVisible())
    return seen[0], failures


def test_a_phone_tail_typed_after_checkout_goes_to_the_search_not_the_rating(
        qtbot, window, shop, owner, cashier, items, tech, new_member):
    def type_phone(dialog: ReceiptStepDialog) -> None:
        assert dialog.rating_box is not None and "1–5" in dialog.rating_label.text()
        assert dialog.focusWidget() is dialog.done_button
        qtbot.keyClick(dialog.focusWidget(), "1")   # the next customer's 1234
    dialog, failures = check_out_a_cut(qtbot, window, shop, cashier, items, tech, new_member, type_phone)
    search = window.counter.search
    qtbot.waitUntil(lambda: search.text() == "1")
    assert window.focusWidget() is search
    for digit in "234":
        qtbot.keyClick(window.focusWidget(), digit)
    assert search.text() == "1234", "every digit reached the search"
    assert dialog.rating is None and dialog.rating_box.rating is None
    assert counter_ratings(shop, owner) == 0, "no rating was stored"


def test_tab_to_the_stars_rates_and_the_next_digits_go_to_the_search(
        qtbot, window, shop, owner, cashier, items, tech, new_member):
    def rate_four(dialog: ReceiptStepDialog) -> None:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        assert dialog.focusWidget() is dialog.rating_box, "Tab puts the focus on the stars"
        qtbot.keyClick(dialog.rating_box, "4")
        assert "★★★★☆" in dialog.rating_label.text()
        assert [s.text() for s in dialog.rating_box.stars] == ["★", "★", "★", "★", "☆"]
        assert dialog.focusWidget() is dialog.done_button, "rated: the focus is back on 完成"
        qtbot.keyClick(dialog.focusWidget(), "5")    # the next customer
    dialog, failures = check_out_a_cut(qtbot, window, shop, cashier, items, tech, new_member, rate_four)
    assert not failures
    qtbot.waitUntil(lambda: window.counter.search.text() == "5")
    assert dialog.rating == 4
    assert counter_ratings(shop, owner) == 1


def test_a_click_on_a_star_rates(qtbot, window, shop, owner, cashier, items, tech, new_member):
    def click_three(dialog: ReceiptStepDialog) -> None:
        qtbot.mouseClick(dialog.rating_box.stars[2], Qt.MouseButton.LeftButton)
        assert dialog.rating == 3
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    dialog, failures = check_out_a_cut(qtbot, window, shop, cashier, items, tech, new_member, click_three)
    assert dialog.rating == 3 and counter_ratings(shop, owner) == 1
