"""Voids and refunds need the owner's password and a reason, and preview what they reverse."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salon_desk.ui.refund_dialog import RefundDialog
from salon_desk.ui.sales_history import TodaySalesDialog


@pytest.fixture
def sale(shop, items, new_member, sell):
    zhang = new_member("张三", "13812345678", tier="gold", points=1000)
    return sell(zhang.id, services=[items.cut, items.care], points=300)


def open_refund(qtbot, window, sale_id, tick_all: bool = True) -> RefundDialog:
    dialog = RefundDialog(window.ops, sale_id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    if tick_all:
        for row in range(dialog.lines.count()):
            dialog.lines.item(row).setCheckState(Qt.CheckState.Checked)
    return dialog


def test_the_refund_dialog_starts_with_no_line_ticked(qtbot, window, shop, owner, sale, dump, shop_path):
    dialog = open_refund(qtbot, window, sale.sale_id, tick_all=False)
    assert [dialog.lines.item(r).checkState() for r in range(dialog.lines.count())] == [
        Qt.CheckState.Unchecked, Qt.CheckState.Unchecked]
    assert dialog.preview.text() == "请勾选要退款的项目。"
    before = dump(shop_path)
    dialog.reason.setText("顾客不满意")
    dialog.owner.setText("boss")
    dialog.password.setText("secret123")
    dialog.confirm()                                                  # nothing ticked: nothing refunded
    assert dialog.error.text() == "请勾选要退款的项目。" and dialog.result_receipt is None
    assert dump(shop_path) == before
    dialog.lines.item(0).setCheckState(Qt.CheckState.Checked)
    assert "退还金额：¥212.37" in dialog.preview.text()


def test_cashier_cannot_refund_without_the_owners_password(owner, qtbot, window, shop, cashier, sale, dump, shop_path):
    dialog = open_refund(qtbot, window, sale.sale_id)
    assert dialog.owner.text() == ""                       # a cashier is not the owner
    assert "退还金额：¥313.80" in dialog.preview.text()
    assert "退回抵扣积分：300" in dialog.preview.text() and "扣回所得积分：313" in dialog.preview.text()
    dialog.reason.setText("顾客不满意")
    before = dump(shop_path)
    dialog.confirm()
    assert dialog.error.text() == "退款或作废需要店长的账号和密码。"
    dialog.owner.setText("boss")
    dialog.password.setText("wrong-password")
    dialog.confirm()
    assert dialog.error.text() == "店长账号或密码错误，未做任何更改。"
    assert dialog.result_receipt is None
    # nothing changed but the records of the failed authorisation (audit log, failed-login count)
    audit, staff = 'INSERT INTO "audit_log"', 'INSERT INTO "staff"'
    after = dump(shop_path)
    unchanged = [r for r in after if not r.startswith((audit, staff))]
    assert unchanged == [r for r in before if not r.startswith((audit, staff))]
    assert any("owner_authorisation_failed" in r for r in after if r.startswith(audit))
    assert shop.sales.receipt(owner, sale.sale_id).refunds == ()


def test_with_the_owners_password_one_line_is_refunded(qtbot, window, shop, cashier, sale):
    dialog = open_refund(qtbot, window, sale.sale_id, tick_all=False)
    dialog.lines.item(0).setCheckState(Qt.CheckState.Checked)                         # keep 洗护
    assert "退还金额：¥212.37" in dialog.preview.text()
    dialog.reason.setText("顾客不满意")
    dialog.owner.setText("boss")
    dialog.password.setText("secret123")
    dialog.confirm()
    receipt = dialog.result_receipt
    assert receipt is not None
    [refund] = receipt.refunds
    assert (refund.kind, refund.amount_fen, refund.authorised_by, refund.staff_name) == ("refund", 21237, "老板", "小美")
    assert [l.refunded for l in receipt.lines] == [True, False]


def test_void_from_todays_receipts(qtbot, make_window, owner, shop, sale):
    window = make_window(owner)
    today = TodaySalesDialog(window.ops, window)
    qtbot.addWidget(today)
    assert today.history.sales_model.rowCount() == 1
    dialog = open_refund(qtbot, window, sale.sale_id)
    assert dialog.owner.text() == "boss"
    dialog.void_radio.setChecked(True)
    assert "退还金额：¥313.80" in dialog.preview.text()
    dialog.reason.setText("收错了")
    dialog.password.setText("secret123")
    dialog.confirm()
    assert dialog.result_receipt.status == "voided"
    assert today.history.sales_model.rows()[0].status == "voided"       # refreshed by the change signal


def test_the_preview_is_punctuated_in_the_readers_language(qtbot, window, sale):
    from salon_desk.ui.i18n import install_language
    assert open_refund(qtbot, window, sale.sale_id).preview.text().startswith("退还金额：¥313.80；退回抵扣积分：300；")
    try:
        install_language("en")
        text = open_refund(qtbot, window, sale.sale_id).preview.text()
        assert text.startswith("Money back: ¥313.80; redeemed points given back: 300; ") and "；" not in text
    finally:
        install_language("zh_CN")


def test_points_beyond_the_balance_are_shown_and_the_owner_deducts_their_value(qtbot, window, shop, owner, items,
                                                                              new_member, sell):
    zhang = new_member("王五", "13700002222", tier="gold", points=0)
    spent = sell(zhang.id, services=[items.cut, items.care])
    shop.points.adjust(owner, zhang.id, -spent.points_balance, "礼品兑换")
    dialog = open_refund(qtbot, window, spent.sale_id)
    assert dialog.shortfall.isVisible()
    assert "超出" in dialog.preview.text() or "beyond" in dialog.preview.text()
    dialog.shortfall.setCurrentIndex(dialog.shortfall.findData("deduct"))
    dialog.reason.setText("顾客不满意")
    dialog.owner.setText("boss")
    dialog.password.setText("secret123")
    dialog.confirm()
    assert dialog.result_receipt is not None
    assert shop.points.balance(owner, zhang.id) == 0
    assert dialog.result_receipt.refunds[-1].amount_fen == spent.amount_due_fen - spent.points_earned
