"""Cards and packages at the counter: the banner and checkout show the balance and sessions left, F6 pays
by card, F7 tops up, F8 sells a package, a covered service offers a session; all by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salon_desk.tenders import Tender
from salon_desk.ui import widgets
from salon_desk.ui import counter_page
from salon_desk.ui.card_dialogs import PackageSaleDialog, TopUpDialog
from salon_desk.ui.checkout_dialog import CheckoutDialog


@pytest.fixture
def facial(shop, owner):
    return shop.catalogue.add_item(owner, kind="service", code="F01", name="面部护理", category="beauty",
                                   price_fen=26_800)


@pytest.fixture
def ten_facials(shop, owner, facial):
    return shop.packages.define(owner, code="K01", name="面部护理10次卡", price_fen=200_000, sessions=10,
                                gifted=1, services=[(facial.id, None)], member_discount=False)


@pytest.fixture
def zhang(shop, cashier, new_member, ten_facials):
    z = new_member("张三", "13812345678")
    shop.cards.top_up(cashier, z.id, 100_000, "wechat", terms_signed=True)
    shop.packages.sell(cashier, z.id, ten_facials.item_id, [Tender("wechat", 200_000)])
    return z


@pytest.fixture
def no_printer(monkeypatch):
    printed: list = []
    monkeypatch.setattr("salon_desk.ui.printing.print_to_default", lambda pdf: printed.append(pdf) or False)
    return printed


def check_in(qtbot, window, tail="5678"):
    counter = window.counter
    qtbot.keyClicks(counter.search, tail)
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    return counter


def test_the_banner_shows_the_card_balance_and_sessions_left(qtbot, window, zhang):
    counter = check_in(qtbot, window)
    banner = counter.editor.banner.text()
    assert "储值卡 ¥1,100.00（本金 ¥1,000.00 + 赠送 ¥100.00）" in banner
    assert "面部护理10次卡：剩余 11 次" in banner


def test_adding_a_covered_service_offers_a_session_and_checkout_pays_by_card_with_f6(
        qtbot, window, shop, owner, zhang, facial, items, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(widgets.Confirm, "ask", classmethod(lambda cls, p, title, text: asked.append(text) or True))
    counter = check_in(qtbot, window)
    editor = counter.editor
    qtbot.keyClicks(editor.item_field, "F01")
    qtbot.keyClick(editor.item_field, Qt.Key.Key_Return)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)           # the technician box: add
    assert asked == ["用「面部护理10次卡」抵扣 面部护理 一次吗？（剩余 11 次）"]
    qtbot.keyClicks(editor.item_field, "W01")
    qtbot.keyClick(editor.item_field, Qt.Key.Key_Return)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert "次卡抵扣：-¥268.00" in editor.discount_total.text()
    assert editor.due.text() == "应付 ¥115.20"
    dialog = CheckoutDialog(window.ops, editor.visit.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "储值卡 ¥1,100.00（本金 ¥1,000.00 + 赠送 ¥100.00）" in dialog.card_label.text()
    assert "次卡抵扣" in dialog.totals.text()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F6)
    assert dialog.status.text() == "已收齐"
    assert "本金 ¥104.73 + 赠送 ¥10.47" in dialog.totals.text()
    assert "<td>本次积分&nbsp;&nbsp;</td><td align='right'>104</td>" in dialog.totals.text()
    dialog.confirm()
    receipt = dialog.receipt
    assert (receipt.card.principal_fen, receipt.card.bonus_fen) == (10_473, 1_047)
    assert [s.sessions_left for s in receipt.sessions] == [10]


def test_f6_takes_at_most_the_card_balance_and_the_rest_by_another_key(qtbot, window, shop, cashier, zhang, items,
                                                                       tech):
    visit = shop.visits.check_in(cashier, zhang.id)
    for _ in range(3):
        shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id)     # 3 x 388 at 9折 = 1047.60
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)         # + 241.20 = 1288.80
    dialog = CheckoutDialog(window.ops, visit.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F6)
    assert dialog.status.text() == "还需收 ¥188.80"
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F2)
    assert dialog.status.text() == "已收齐"


def test_f7_tops_up_with_the_rule_and_the_signed_terms(qtbot, window, shop, cashier, new_member, no_printer,
                                                       monkeypatch):
    li = new_member("李四", "13900001111")
    seen: list = []

    def run(cls, parent, ops, customer_id, name):
        dialog = cls(ops, customer_id, name, parent)
        qtbot.addWidget(dialog)
        seen.append(dialog.preview.text())
        assert dialog.terms.isVisibleTo(dialog) and not dialog.owner.isVisibleTo(dialog)
        dialog.confirm()                                   # not signed yet: refused, nothing written
        seen.append(dialog.error.text())
        dialog.terms.setChecked(True)
        dialog.confirm()
        return dialog.record
    monkeypatch.setattr(TopUpDialog, "ask", classmethod(run))
    counter = check_in(qtbot, window, "1111")
    qtbot.keyClick(counter, Qt.Key.Key_F7)
    assert seen[0] == "赠送 ¥100.00 · 充值后：本金 ¥1,000.00，赠送金 ¥100.00"
    assert "储值卡章程" in seen[1]
    assert shop.cards.info(cashier, li.id).total_fen == 110_000
    assert len(no_printer) == 1                             # the slip went to the printer
    assert "储值卡 ¥1,100.00" in counter.editor.banner.text()


def test_f8_sells_a_package_at_once(qtbot, window, shop, cashier, new_member, ten_facials, monkeypatch):
    li = new_member("李四", "13900001111")
    finished: list = []
    monkeypatch.setattr(counter_page, "finish_sale", lambda parent, ops, receipt: finished.append(receipt))

    def run(cls, parent, ops, customer_id, name):
        dialog = cls(ops, customer_id, name, parent)
        qtbot.addWidget(dialog)
        assert dialog.due.text() == "应付 ¥2,000.00"
        dialog.confirm()
        return dialog.receipt
    monkeypatch.setattr(PackageSaleDialog, "ask", classmethod(run))
    counter = window.counter
    qtbot.keyClicks(counter.search, "1111")
    qtbot.keyClick(counter, Qt.Key.Key_F8)
    assert [r.amount_due_fen for r in finished] == [200_000]
    assert shop.packages.of_customer(cashier, li.id)[0].sessions_left == 11


def customers_page(make_window, staff, phone="13812345678"):
    window = make_window(staff)
    window.tabs.setCurrentWidget(window.pages["customers"])
    page = window.pages["customers"]
    page.search.setText(phone)
    return page


def test_the_statement_prints_from_the_customer_file(make_window, cashier, zhang, previews):
    page = customers_page(make_window, cashier)
    assert not page.card_refund_action.isVisible()          # the owner's only
    page.print_statement_action.trigger()
    [(data, name)] = previews
    assert name == f"statement-{zhang.id}.pdf"


def test_the_owner_refunds_the_balance_seeing_the_working_first(make_window, qtbot, shop, owner, cashier, zhang,
                                                                previews, monkeypatch):
    from salon_desk.ui.card_dialogs import CardRefundDialog
    shown: list[str] = []

    def run(cls, parent, ops, customer_id, name):
        dialog = cls(ops, customer_id, name, parent)
        qtbot.addWidget(dialog)
        shown.append(dialog.working.text())                  # cooling off: untouched card, today
        dialog.mode.setCurrentIndex(2)
        dialog.rate.setText("3.45")
        shown.append(dialog.working.text())
        dialog.confirm()                                      # no reason: refused, nothing written
        shown.append(dialog.error.text())
        dialog.reason.setText("顾客搬家")
        dialog.confirm()
        return dialog.record
    monkeypatch.setattr(CardRefundDialog, "ask", classmethod(run))
    page = customers_page(make_window, owner)
    assert page.card_refund_action.isVisible()
    page.card_refund_action.trigger()
    assert shown[0] == "应退 ¥1,000.00 + 利息 ¥0.00 = ¥1,000.00；核销赠送金 ¥100.00"
    assert shown[1].startswith("应退 ¥1,000.00 + 利息 ¥0.00")      # no days have passed: no interest yet
    assert shown[2]
    assert shop.cards.info(cashier, zhang.id).total_fen == 0
    [(data, name)] = previews
    assert name == f"refund-{zhang.id}.pdf"


def test_the_lines_show_the_session_and_k_gives_it_back(qtbot, window, shop, cashier, zhang, facial, monkeypatch):
    monkeypatch.setattr(widgets.Confirm, "ask", classmethod(lambda cls, p, title, text: True))
    counter = check_in(qtbot, window)
    editor = counter.editor
    qtbot.keyClicks(editor.item_field, "F01")
    qtbot.keyClick(editor.item_field, Qt.Key.Key_Return)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    name = editor.lines_model.index(0, 0).data()
    assert name == "F01 面部护理（次卡抵扣）"
    assert editor.due.text() == "应付 ¥0.00"
    editor.lines_view.setFocus()
    qtbot.keyClick(editor.lines_view, Qt.Key.Key_K)            # the customer pays with money after all
    assert editor.lines_model.index(0, 0).data() == "F01 面部护理"
    assert editor.due.text() == "应付 ¥241.20"
    qtbot.keyClick(editor.lines_view, Qt.Key.Key_K)            # and back to the package
    assert editor.due.text() == "应付 ¥0.00"


def test_the_owner_saves_the_prepaid_balances_list(make_window, owner, zhang, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from salon_desk.ui import reports_page
    monkeypatch.setattr(reports_page.ReportFile, "ask",
                        classmethod(lambda cls, parent, title, name, file_filter: tmp_path / name))
    window = make_window(owner)
    page = window.pages["reports"]
    path = page.save_closing_list()
    assert path is not None and path.suffix == ".xlsx"
    sheet = load_workbook(path).active
    assert (sheet["B5"].value, sheet["G5"].value) == ("张三", 11)
    assert "已保存" in page.status.text() or str(path) in page.status.text()


def test_the_banner_warns_of_a_package_near_or_past_its_expiry(qtbot, window, shop, owner, cashier, facial, clock,
                                                                new_member):
    product = shop.packages.define(owner, code="K02", name="面部3次", price_fen=60_000, sessions=3,
                                   services=[(facial.id, None)], validity_days=90)
    li = new_member("李四", "13900001111")
    shop.packages.sell(cashier, li.id, product.item_id, [Tender("cash", 54_000)])
    clock.advance(days=70)
    counter = check_in(qtbot, window, "1111")
    assert "面部3次：剩余 3 次（有效期至 2027-02-20）" in counter.editor.banner.text()
    shop.visits.cancel(cashier, counter.editor.visit.id)
    clock.advance(days=30)
    counter.refresh_visits()
    counter = check_in(qtbot, window, "1111")
    assert "已过期" in counter.editor.banner.text()


def test_a_mistyped_interest_rate_is_refused_in_words_and_refunds_nothing(make_window, qtbot, shop, owner, cashier,
                                                                         zhang, previews, monkeypatch):
    from salon_desk.ui.card_dialogs import CardRefundDialog
    shown: list[str] = []

    def run(cls, parent, ops, customer_id, name):
        dialog = cls(ops, customer_id, name, parent)
        qtbot.addWidget(dialog)
        dialog.mode.setCurrentIndex(2)
        dialog.reason.setText("顾客搬家")
        dialog.rate.setText("3.455")                          # three decimals: not rounded to 3.46
        shown.append(dialog.error.text())
        dialog.confirm()
        shown.append(dialog.error.text())
        return dialog.record
    monkeypatch.setattr(CardRefundDialog, "ask", classmethod(run))
    page = customers_page(make_window, owner)
    page.card_refund_action.trigger()
    assert shown == ["“3.455”不是利率：请输入年利率（%），最多两位小数，例如 3.45。"] * 2
    assert shop.cards.info(cashier, zhang.id).total_fen == 100_000 + 10_000 and previews == []
