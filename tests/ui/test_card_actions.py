"""The card and package panel of the customer's file: reissue, transfer, the balance refund, package
extension and package refund, each driven by its keys, showing what it will do, refusing bad input with a
sentence and writing nothing, then showing what changed."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from salon_desk.db.models import AuditLog
from salon_desk.tenders import Tender
from salon_desk.ui.card_actions import ExtendDialog, PackageRefundDialog, ReissueDialog, TransferDialog
from salon_desk.ui.customer_picker import CustomerPickerDialog

# keyboard shortcuts reach only the active window; offscreen, a test makes it active by hand
pytestmark = pytest.mark.filterwarnings("ignore:Function.*setActiveWindow.*:DeprecationWarning")


@pytest.fixture
def facial(shop, owner):
    return shop.catalogue.add_item(owner, kind="service", code="F01", name="面部护理", category="beauty",
                                   price_fen=26_800)


@pytest.fixture
def zhang(shop, cashier, owner, new_member, facial):
    """张三: ¥1,000 + ¥100 bonus on the card, and 面部3次 (¥600, valid 90 days)."""
    z = new_member("张三", "13812345678")
    shop.cards.top_up(cashier, z.id, 100_000, "wechat", terms_signed=True)
    product = shop.packages.define(owner, code="K03", name="面部3次", price_fen=60_000, sessions=3,
                                   services=[(facial.id, None)], validity_days=90, member_discount=False)
    shop.packages.sell(cashier, z.id, product.item_id, [Tender("wechat", 60_000)])
    return z


def panel_of(make_window, staff, phone="13812345678"):
    window = make_window(staff)
    QApplication.setActiveWindow(window)      # keyboard shortcuts go to the active window only
    page = window.pages["customers"]
    window.tabs.setCurrentWidget(page)
    page.search.setText(phone)
    page.tabs.setCurrentWidget(page.card_panel)
    page.card_panel.table.setFocus()
    assert QApplication.activeWindow() is window
    return page.card_panel


def press(qtbot, panel, letter):
    """Ctrl+letter where the cashier is: the panel's package list has the focus."""
    qtbot.keyClick(QApplication.focusWidget() or panel.table, letter, Qt.KeyboardModifier.ControlModifier)


def drive(monkeypatch, qtbot, dialog_class, steps):
    """Replace the dialog's ``ask`` so the test drives the real dialog: ``steps(dialog)`` then its value."""
    def ask(cls, parent, *args):
        dialog = cls(*args, parent=parent)
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.setActiveWindow(dialog)
        steps(dialog)
        return dialog.result_value
    monkeypatch.setattr(dialog_class, "ask", classmethod(ask))


def test_the_panel_shows_card_balance_terms_and_packages_and_hides_the_owners_actions(make_window, cashier, zhang):
    panel = panel_of(make_window, cashier)
    assert panel.summary.text() == ("卡号 80000001 · 余额 ¥1,100.00（本金 ¥1,000.00 + 赠送 ¥100.00）"
                                    " · 已签章程：2026-1")
    assert [panel.table.item(0, c).text() for c in range(4)] == ["面部3次", "3 / 3", "2027-02-20", "有效"]
    assert panel.buttons["reissue"].isVisibleTo(panel) and not panel.buttons["transfer"].isVisibleTo(panel)
    assert not panel.buttons["extend"].isVisibleTo(panel) and not panel.buttons["refund_package"].isVisibleTo(panel)


def test_ctrl_r_reissues_a_lost_card_on_the_same_ledger(make_window, qtbot, shop, cashier, zhang, monkeypatch,
                                                         no_prompts, shown):
    said: list[str] = []

    def steps(dialog):
        said.append(dialog.preview.text())
        dialog.reason.clear()
        dialog.confirm()                          # no reason: refused, nothing written
        said.append(dialog.error.text())
        dialog.reason.setText("顾客遗失")
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    drive(monkeypatch, qtbot, ReissueDialog, steps)
    panel = panel_of(make_window, cashier)
    press(qtbot, panel, Qt.Key.Key_R)
    assert said[0] == ("卡号 80000001 将停用，在同一账户上发一个新卡号。"
                       "余额 ¥1,100.00（本金 ¥1,000.00 + 赠送 ¥100.00）不变。")
    assert said[1] != "" and "原因" in said[1]
    info = shop.cards.info(cashier, zhang.id)
    assert (info.card_no, info.total_fen) == ("80000002", 110_000)
    assert shown[-1] == "新卡 80000002 已发出；原卡 80000001 已停用。余额 ¥1,100.00（本金 ¥1,000.00 + 赠送 ¥100.00）"
    assert panel.summary.text().startswith("卡号 80000002 · 余额 ¥1,100.00")
    assert AuditLog.select().where(AuditLog.action == "card_reissued").count() == 1


def test_ctrl_t_transfers_the_balance_to_the_customer_chosen_with_f4(make_window, qtbot, shop, owner, cashier, zhang,
                                                                     new_customer, monkeypatch, no_prompts, shown):
    li = new_customer("李四", "13900001111")
    said: list[str] = []
    [li_summary] = shop.customers.find(owner, "1111")
    monkeypatch.setattr(CustomerPickerDialog, "ask",
                        classmethod(lambda cls, parent, ops, title, exclude_id=None: li_summary))

    def steps(dialog):
        dialog.confirm()                          # nobody chosen yet
        said.append(dialog.error.text())
        qtbot.keyClick(dialog, Qt.Key.Key_F4)
        said.append(dialog.preview.text())
        dialog.confirm()                          # no reason
        said.append(dialog.error.text())
        dialog.reason.setText("转给女儿")
        dialog.confirm()
    drive(monkeypatch, qtbot, TransferDialog, steps)
    panel = panel_of(make_window, owner)
    press(qtbot, panel, Qt.Key.Key_T)
    assert said[0] == "请选择接收余额的顾客（F4）。"
    assert said[1] == "本金 ¥1,000.00 和赠送金 ¥100.00 转给李四；本卡随后余额为零。"
    assert said[2] != ""
    assert shop.cards.info(cashier, zhang.id).total_fen == 0
    to = shop.cards.info(cashier, li.id)
    assert (to.principal_fen, to.bonus_fen) == (100_000, 10_000)
    assert shown[-1] == "已转出。接收方卡内现有：余额 ¥1,100.00（本金 ¥1,000.00 + 赠送 ¥100.00）"
    assert panel.summary.text().startswith("卡号 80000001 · 余额 ¥0.00")
    assert not panel.buttons["transfer"].isEnabled()
    [audit] = AuditLog.select().where(AuditLog.action == "card_transfer")
    assert (audit.target, f'"to": {li.id}' in audit.details) == (f"customer:{zhang.id}", True)


def test_ctrl_b_refunds_the_balance_from_the_panel(make_window, qtbot, shop, owner, cashier, zhang, monkeypatch,
                                                   previews):
    from salon_desk.ui.card_dialogs import CardRefundDialog

    def run(cls, parent, ops, customer_id, name):
        dialog = cls(ops, customer_id, name, parent)
        qtbot.addWidget(dialog)
        dialog.reason.setText("七日内退卡")
        dialog.confirm()
        return dialog.record
    monkeypatch.setattr(CardRefundDialog, "ask", classmethod(run))
    panel = panel_of(make_window, owner)
    press(qtbot, panel, Qt.Key.Key_B)
    assert shop.cards.info(cashier, zhang.id).total_fen == 0
    [(data, name)] = previews
    assert name == f"refund-{zhang.id}.pdf" and data.startswith(b"%PDF")


def test_ctrl_e_extends_the_package_and_closes_its_expiry_call(make_window, qtbot, shop, owner, cashier, zhang,
                                                                clock, monkeypatch, no_prompts, shown):
    clock.set(2027, 2, 21, 9, 0)                  # a day past the expiry: sessions kept, a call made
    shop.packages.expiry_tasks()
    assert [t.type.value for t in shop.care.tasks(cashier, task_type="package_expiry")] == ["package_expiry"]
    said: list[str] = []

    def steps(dialog):
        said.append(dialog.preview.text())
        dialog.expiry.setDate(QDate(2027, 2, 1))  # before the current expiry: refused
        dialog.confirm()
        said.append(dialog.error.text())
        dialog.expiry.setDate(QDate(2027, 8, 31))
        dialog.reason.setText("顾客出差")
        dialog.confirm()
    drive(monkeypatch, qtbot, ExtendDialog, steps)
    panel = panel_of(make_window, owner)
    assert panel.table.item(0, 3).text() == "已过期（次数保留）"
    press(qtbot, panel, Qt.Key.Key_E)
    assert said[0] == "面部3次：剩余 3 / 3 次，有效期至 2027-02-20（已过期（次数保留））。"
    assert said[1] != ""
    [package] = shop.packages.of_customer(cashier, zhang.id)
    assert (package.expires_on, package.status) == (date(2027, 8, 31), "valid")
    assert shop.care.tasks(cashier, task_type="package_expiry", include_later=True) == []
    assert shown[-1] == "面部3次的有效期已延至 2027-08-31。"
    assert [panel.table.item(0, c).text() for c in (2, 3)] == ["2027-08-31", "有效"]


def test_ctrl_d_refunds_the_package_in_the_mode_chosen_and_prints_the_statement(
        make_window, qtbot, shop, owner, cashier, zhang, facial, tech, clock, monkeypatch, previews):
    visit = shop.visits.check_in(cashier, zhang.id)       # one session used: consumed ¥200, list ¥268
    line = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    shop.packages.use_session(cashier, line.id, shop.packages.covering(cashier, line.id)[0].id)
    shop.sales.checkout(cashier, visit.id, [])
    clock.advance(days=10)                                # past the 7 days
    said: list[str] = []

    def steps(dialog):
        said.append(dialog.error.text())                  # cooling off is over: said, not offered
        said.append(str(dialog.confirm_button.isEnabled()))
        dialog.mode.setCurrentIndex(2)                    # the customer's choice: used at list price
        said.append(dialog.preview.text())
        dialog.mode.setCurrentIndex(1)                    # the shop at fault: used at the price paid
        said.append(dialog.preview.text())
        dialog.reason.setText("本店停业")
        dialog.confirm()
    drive(monkeypatch, qtbot, PackageRefundDialog, steps)
    panel = panel_of(make_window, owner)
    press(qtbot, panel, Qt.Key.Key_D)
    assert said[0] != "" and said[1] == "False"
    assert said[2] == "应退 ¥332.00 + 利息 ¥0.00 = ¥332.00"         # 600 - 268
    assert said[3] == "应退 ¥400.00 + 利息 ¥0.00 = ¥400.00"         # 600 - 200
    assert shop.packages.of_customer(cashier, zhang.id) == []
    assert panel.table.rowCount() == 0
    [(data, name)] = previews
    assert name.startswith("package-refund-") and data.startswith(b"%PDF")
