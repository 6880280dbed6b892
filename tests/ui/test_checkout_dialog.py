"""Checkout at the counter: cash and change, points and split payments, the enrolment offer, bad input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salon_desk.errors import SalonError
from salon_desk.ui import after_checkout, errors_text, receipt_step
from salon_desk.ui.checkout_dialog import CheckoutDialog


@pytest.fixture
def receipts(monkeypatch) -> list:
    """Receipts that reached the receipt step (instead of a modal summary)."""
    seen: list = []
    monkeypatch.setattr(receipt_step, "run_receipt_step",
                        lambda parent, shop, receipt, reprint=False, rate=None: seen.append(receipt))
    return seen


@pytest.fixture
def offers(monkeypatch) -> list:
    """Enrolment offers shown; the customer agrees."""
    seen: list = []

    def ask(cls, parent, name, paid_fen, threshold_fen):
        seen.append((name, paid_fen, threshold_fen))
        return True
    monkeypatch.setattr(after_checkout.EnrolOfferDialog, "ask", classmethod(ask))
    return seen


def open_checkout(qtbot, window, visit_id) -> CheckoutDialog:
    dialog = CheckoutDialog(window.ops, visit_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def type_amount(qtbot, dialog: CheckoutDialog, text: str) -> None:
    dialog.amount.selectAll()
    qtbot.keyClicks(dialog.amount, text)


def test_walk_in_service_paid_in_cash_shows_the_change(qtbot, window, shop, cashier, tech, items, receipts):
    counter = window.counter
    qtbot.keyClick(counter, Qt.Key.Key_F6)                       # walk-in
    visit = counter.editor.visit
    assert visit is not None and visit.customer is None
    qtbot.keyClicks(counter.editor.item_field, "C01")
    qtbot.keyClick(counter.editor.item_field, Qt.Key.Key_Return)
    qtbot.keyClick(counter.editor.technician, Qt.Key.Key_Return)
    assert [l.name for l in counter.editor.visit.lines] == ["精剪"]
    assert counter.editor.due.text() == "应付 ¥268.00"

    dialog = open_checkout(qtbot, window, visit.id)
    assert dialog.amount.text() == "268.00"
    type_amount(qtbot, dialog, "300")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)             # cash tendered ¥300
    assert dialog.status.text() == "找零 ¥32.00"
    assert dialog.focusWidget() is dialog.confirm_button
    qtbot.keyClick(dialog.confirm_button, Qt.Key.Key_Return)
    receipt = dialog.receipt
    assert receipt is not None and receipt.amount_due_fen == 26800
    [cash] = receipt.payments
    assert (cash.method, cash.amount_fen, cash.tendered_fen, cash.change_fen) == ("cash", 26800, 30000, 3200)
    assert shop.visits.open_visits(cashier) == [] or all(v.id != visit.id for v in shop.visits.open_visits(cashier))


def test_member_pays_with_points_and_splits_wechat_and_cash(qtbot, window, shop, cashier, tech, items,
                                                             new_member):
    zhang = new_member("张三", "13812345678", tier="gold", points=1000)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)
    dialog = open_checkout(qtbot, window, visit.id)
    assert "应付 ¥316.80" == dialog.due.text()                    # gold pays 80% of ¥396
    assert "本单最多可用 1000 分" in dialog.points_max.text()
    dialog.points.setText("300")
    assert dialog.due.text() == "应付 ¥313.80"
    assert dialog.amount.text() == "313.80"
    type_amount(qtbot, dialog, "200")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F2)                # ¥200 by WeChat
    assert dialog.status.text() == "还需收 ¥113.80"
    type_amount(qtbot, dialog, "120")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)            # ¥120 cash handed over
    assert dialog.status.text() == "找零 ¥6.20"
    dialog.confirm()
    r = dialog.receipt
    assert r is not None
    assert (r.list_total_fen, r.member_discount_fen, r.points_redeemed, r.points_discount_fen,
            r.amount_due_fen) == (39600, 7920, 300, 300, 31380)
    assert [(p.method, p.amount_fen, p.tendered_fen, p.change_fen) for p in r.payments] == [
        ("wechat", 20000, None, 0), ("cash", 11380, 12000, 620)]
    assert (r.points_earned, r.points_balance) == (313, 1013)


@pytest.mark.parametrize("price_fen, offered", [(50000, True), (49999, False)])
def test_enrolment_offer_appears_at_500_yuan_and_not_at_499_99(qtbot, window, shop, owner, cashier, tech,
                                                                new_customer, receipts, offers, price_fen,
                                                                offered):
    item = shop.catalogue.add_item(owner, kind="service", code="X01", name="烫发", category="hair", price_fen=price_fen)
    li = new_customer("李四", "13900001111")
    visit = shop.visits.check_in(cashier, li.id)
    shop.visits.add_service(cashier, visit.id, item.id, tech.id)
    dialog = open_checkout(qtbot, window, visit.id)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F2)                # the whole bill by WeChat
    dialog.confirm()
    final = after_checkout.finish_sale(window, window.ops, dialog.receipt)
    assert bool(offers) is offered
    member = shop.customers.file(cashier, li.id).member
    if offered:
        assert offers == [("李四", 50000, 50000)]            # asked before the sale was stored
        assert final.enrolled and member is not None and member.tier == "regular"
        assert final.points_earned == 500 and receipts[-1].member_no == member.member_no
        # the sale and the enrolment were written by one transaction: one audit entry, no separate enrolment
        actions = [e.action for e in shop.audit.entries(owner)]
        assert "sale" in actions and "member_enrolled" not in actions
    else:
        assert member is None and not final.enrolled
    assert receipts[-1].receipt_no == final.receipt_no


def test_underpayment_shows_the_translated_message_and_changes_nothing(qtbot, window, shop, cashier, tech,
                                                                       items, dump, shop_path):
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    dialog = open_checkout(qtbot, window, visit.id)
    type_amount(qtbot, dialog, "200")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F2)                # only ¥200 of ¥268
    before = dump(shop_path)
    dialog.confirm()
    assert dialog.receipt is None and dialog.isVisible()
    assert dialog.error.text() == "还差 ¥68.00：应付 ¥268.00，已付 ¥200.00。"
    assert dump(shop_path) == before
    assert shop.visits.get(cashier, visit.id).status == "open"


def test_over_redeeming_points_shows_the_cap_and_changes_nothing(owner, qtbot, window, shop, cashier, tech, items,
                                                                new_member, dump, shop_path):
    zhang = new_member("张三", "13812345678", tier="gold", points=50_000)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)     # ¥68 -> ¥54.40, at most half by points
    dialog = open_checkout(qtbot, window, visit.id)
    dialog.points.setText("5000")
    assert dialog.error.text() == "本单最多可用 2720 积分（您输入了 5000）。"
    before = dump(shop_path)
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F2)
    dialog.confirm()
    assert dialog.receipt is None
    assert "最多可用 2720 积分" in dialog.error.text()
    assert dump(shop_path) == before
    assert shop.points.balance(owner, zhang.id) == 50_000


def test_every_error_message_is_chinese_in_the_window(qapp):
    text = errors_text.message(SalonError("payment.short", due=26800, paid=20000, missing=6800))
    assert text == "还差 ¥68.00：应付 ¥268.00，已付 ¥200.00。"


def test_card_over_the_bill_is_not_shown_as_paid_in_full(qtbot, window, shop, cashier, tech, items):
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    dialog = open_checkout(qtbot, window, visit.id)
    type_amount(qtbot, dialog, "500")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F4)                # ¥500 by card on a ¥268 bill
    assert dialog.error.text() == "刷卡和手机支付合计 ¥500.00，超过应付 ¥268.00。只有现金可以多收找零。"
    assert dialog.status.text() == "付款有误，请核对" and "已收齐" not in dialog.status.text()
    assert dialog.focusWidget() is not dialog.confirm_button
    dialog.remove_payment()
    assert dialog.status.text() == "还需收 ¥268.00" and dialog.error.text() == ""


def test_the_window_names_the_totals_as_the_receipt_prints_them(qtbot, window, shop, cashier, tech, items,
                                                                new_member):
    """标价合计 / 会员折扣 / 积分抵扣 / 本次积分 on screen, as on the paper the customer takes home."""
    from salon_desk.ui import printing
    from salon_desk.ui.receipt_summary import ReceiptSummaryDialog
    from ui_helpers import pdf_text
    zhang = new_member("张三", "13812345678", tier="gold", points=1000)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    window.counter.select_visit(visit.id)
    editor = window.counter.editor
    assert (editor.list_total.text(), editor.discount_total.text()) == ("标价合计：¥268.00", "会员折扣：-¥53.60")
    dialog = open_checkout(qtbot, window, visit.id)
    dialog.points.setText("300")
    for word in ("标价合计", "会员折扣", "积分抵扣（300分）", "本次积分"):
        assert word in dialog.totals.text()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F2)
    dialog.confirm()
    summary = ReceiptSummaryDialog(dialog.receipt)
    qtbot.addWidget(summary)
    on_screen = summary.body_html(False)
    printed = pdf_text(printing.receipt_pdf(shop, dialog.receipt))
    for word in ("标价合计", "会员折扣", "积分抵扣（300分）", "本次积分", "积分余额", "应付金额"):
        assert word in on_screen and word in printed, word


def test_the_birthday_choice_names_the_service_and_its_price(qtbot, window, shop, cashier, tech, items, clock,
                                                             new_member):
    from salon_desk.ui.i18n import install_language
    zhang = new_member("张三", "13812345678", tier="gold", birth_month=11, birth_day=22)   # today
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    dialog = open_checkout(qtbot, window, visit.id)
    assert dialog.birthday.itemText(1) == "精剪（¥268.00）"
    try:
        install_language("en")
        dialog = open_checkout(qtbot, window, visit.id)
        assert dialog.birthday.itemText(1) == "精剪 (¥268.00)"
    finally:
        install_language("zh_CN")


@pytest.mark.parametrize("too_many, balance", [("5000", 1110), ("3000", 50_000)])
def test_refused_points_leave_no_stale_totals_and_enter_works_once_corrected(qtbot, window, shop, cashier, tech,
                                                                             items, new_member, receipts,
                                                                             too_many, balance):
    """Over the balance (1110 points) or over the limit on this sale (half of ¥54.40: 2720 points)."""
    zhang = new_member("张三", "13812345678", tier="gold", points=balance)
    visit = shop.visits.check_in(cashier, zhang.id)
    item = items.cut if balance == 1110 else items.wcb
    shop.visits.add_service(cashier, visit.id, item.id, tech.id)
    dialog = open_checkout(qtbot, window, visit.id)
    full_due = dialog.due.text()
    dialog.points.selectAll()
    qtbot.keyClicks(dialog.points, too_many)                      # "5", "50", "500" are fine on the way
    assert dialog.error.text()                                    # the refusal is shown ...
    assert "积分抵扣" not in dialog.totals.text()                  # ... and no rejected redemption in the totals
    assert dialog.due.text() == full_due
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F2)                  # no payment taken against a refused bill
    assert dialog.tenders == []
    assert "已收齐" not in dialog.status.text() and dialog.status.text() == "请先改正下面的错误再收款"
    qtbot.keyClick(dialog.points, Qt.Key.Key_Return)              # Enter does not confirm a refused bill
    assert dialog.receipt is None and dialog.isVisible()

    dialog.points.selectAll()
    qtbot.keyClicks(dialog.points, "1000")
    assert dialog.error.text() == "" and "积分抵扣（1000分）" in dialog.totals.text()
    assert dialog.due.text() != full_due
    qtbot.keyClick(dialog.points, Qt.Key.Key_Return)              # on to the amount
    assert dialog.focusWidget() is dialog.amount
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F2)
    assert dialog.status.text() == "已收齐"
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.receipt is not None and dialog.receipt.points_redeemed == 1000
