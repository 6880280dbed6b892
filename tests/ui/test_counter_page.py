"""The counter page: finding customers as you type, checking in, the visit editor, the keyboard flow."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from salon_desk.ui.checkout_dialog import CheckoutDialog
from salon_desk.ui.customer_quick import QuickCustomerDialog
from salon_desk.ui.receipt_summary import ReceiptSummaryDialog

from ui_helpers import answer_next_dialog, type_chinese


class Keyboard:
    """Presses keys where the focus is, as a cashier would, and counts them."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.presses = 0

    def target(self, top: QWidget) -> QWidget:
        return top.focusWidget() or top

    def type(self, top: QWidget, text: str) -> None:
        for char in text:
            self.qtbot.keyClicks(self.target(top), char)
            self.presses += 1

    def press(self, top: QWidget, key: Qt.Key) -> None:
        self.qtbot.keyClick(self.target(top), key)
        self.presses += 1


def test_search_finds_by_phone_tail_pinyin_and_chinese_name(qtbot, window, new_customer):
    new_customer("张三", "13812345678")
    new_customer("王小明", "13900001111")
    counter = window.counter
    qtbot.keyClicks(counter.search, "5678")
    assert [c.name for c in counter.results_model.rows()] == ["张三"]
    counter.search.clear()
    qtbot.keyClicks(counter.search, "wxm")
    assert [c.name for c in counter.results_model.rows()] == ["王小明"]
    counter.search.clear()
    type_chinese(counter.search, "王小")
    assert counter.search.text() == "王小"
    assert [c.name for c in counter.results_model.rows()] == ["王小明"]
    row = counter.results_model.rows()[0]
    assert row.phone == "13900001111"


def test_enter_checks_in_and_the_banner_shows_the_file(qtbot, window, shop, owner, new_member):
    zhang = new_member("张三", "13812345678", tier="gold", points=1000, birth_month=11, birth_day=22,
                       tags=["桂花茶", "要毛毯"], allergies="对酒精过敏", consent_health=True)
    counter = window.counter
    qtbot.keyClicks(counter.search, "5678")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    visit = counter.editor.visit
    assert visit is not None and visit.customer.id == zhang.id
    banner = counter.editor.banner.text()
    for text in ("张三", "金卡会员", "1000 积分", "桂花茶、要毛毯", "首次到店"):
        assert text in banner, text
    editor = counter.editor                       # the warnings have full-width strips of their own
    assert editor.allergy_strip.isVisibleTo(editor) and "对酒精过敏" in editor.allergy_strip.text()
    assert editor.birthday_strip.isVisibleTo(editor)
    assert "生日快乐" in editor.birthday_strip.text() and "生日免费项目" in editor.birthday_strip.text()
    assert counter.editor.gift_button.isVisibleTo(counter.editor)
    assert window.focusWidget() is counter.editor.item_field
    # Enter again on the same customer goes to their visit instead of refusing
    qtbot.keyClicks(counter.search, "5678")
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    assert len(shop.visits.open_visits(owner)) == 1 and counter.editor.visit.id == visit.id


def test_visit_editor_adds_service_and_product_and_removes_a_line(qtbot, window, shop, cashier, items, tech2):
    counter = window.counter
    qtbot.keyClick(counter, Qt.Key.Key_F6)
    editor = counter.editor
    qtbot.keyClicks(editor.item_field, "G01")
    qtbot.keyClick(editor.item_field, Qt.Key.Key_Return)
    assert window.focusWidget() is editor.quantity
    editor.quantity.setValue(2)
    qtbot.keyClick(editor.quantity, Qt.Key.Key_Return)
    qtbot.keyClicks(editor.item_field, "C01")
    qtbot.keyClick(editor.item_field, Qt.Key.Key_Return)
    editor.technician.setCurrentIndex(editor.technician.findData(tech2.id))
    type_chinese(editor.note, "短发层次")
    qtbot.keyClick(editor.note, Qt.Key.Key_Return)
    lines = editor.visit.lines
    assert [(l.name, l.quantity, l.technician_name, l.note) for l in lines] == [
        ("修护精华", 2, "", ""), ("精剪", 1, "李师傅", "短发层次")]
    assert editor.list_total.text() == "标价合计：¥526.00"     # the receipt's word
    assert "李师傅" in counter.visits_model.rows()[0].technicians
    editor.lines_view.selectRow(0)
    editor.lines_view.setFocus()
    qtbot.keyClick(editor.lines_view, Qt.Key.Key_Delete)
    assert [l.name for l in editor.visit.lines] == ["精剪"]
    assert editor.due.text() == "应付 ¥268.00"


def test_duplicate_phone_in_the_quick_form_shows_the_message_and_changes_nothing(qtbot, window, shop, cashier,
                                                                               new_customer, dump, shop_path):
    new_customer("张三", "13812345678")
    before = dump(shop_path)
    dialog = QuickCustomerDialog(window.ops, "13812345678", window)
    qtbot.addWidget(dialog)
    type_chinese(dialog.name, "张珊")
    dialog.keep.setChecked(True)
    dialog.save()
    assert dialog.created is None
    assert dialog.error.text() == "手机号 13812345678 已属于张三。"
    assert dump(shop_path) == before


def test_new_customer_from_the_counter_is_saved_and_checked_in(qtbot, window, shop, cashier):
    counter = window.counter
    qtbot.keyClicks(counter.search, "13912345678")
    assert counter.results_model.rowCount() == 0

    def fill(dialog: QuickCustomerDialog) -> None:
        assert dialog.phone.text() == "13912345678"
        type_chinese(dialog.name, "赵敏")
        assert not dialog.keep.isChecked()           # consent is asked, never assumed
        dialog.save()
        assert dialog.created is None and dialog.error.text()   # no file without the customer's consent
        dialog.keep.setChecked(True)                 # the customer agrees
        dialog.save()

    answer_next_dialog(qtbot, QuickCustomerDialog, fill)
    qtbot.keyClick(counter.search, Qt.Key.Key_F4)
    visit = counter.editor.visit
    assert visit is not None and visit.customer.name == "赵敏"
    assert shop.customers.file(cashier, visit.customer.id).consents[0].granted


def test_returning_member_flow_by_keyboard_only(qtbot, window, shop, owner, cashier, items, tech2, new_member,
                                               capsys):
    """Type the phone tail, check in, add a service (its technician: the one who did it last time), check out,
    F2 pays the whole bill by WeChat and confirms; the next customer's first keystroke closes the receipt."""
    from salon_desk.tenders import Tender
    zhang = new_member("张三", "13812345678", tier="silver", points=0)
    before = shop.visits.check_in(cashier, zhang.id)                  # last month 李师傅 cut her hair
    shop.visits.add_service(cashier, before.id, items.cut.id, tech2.id)
    due = shop.sales.quote(cashier, before.id).priced.amount_due_fen
    shop.sales.checkout(cashier, before.id, [Tender("wechat", due)])
    keys = Keyboard(qtbot)
    receipts = []

    def pay(dialog: CheckoutDialog) -> None:
        keys.press(dialog, Qt.Key.Key_F2)            # the whole bill by WeChat Pay, confirmed

    def done(dialog: ReceiptSummaryDialog) -> None:
        receipts.append(dialog.receipt)
        qtbot.keyClicks(dialog, "9")                 # the next customer's phone: closes the receipt

    window.counter.focus_search()
    keys.type(window, "5678")                        # phone tail
    keys.press(window, Qt.Key.Key_Return)            # check in
    keys.type(window, "C01")                         # the service's code
    keys.press(window, Qt.Key.Key_Return)            # pick it: focus on the technician, 李师傅 already chosen
    keys.press(window, Qt.Key.Key_Return)            # add the line
    answer_next_dialog(qtbot, CheckoutDialog, pay)
    answer_next_dialog(qtbot, ReceiptSummaryDialog, done)
    keys.press(window, Qt.Key.Key_F9)                # check out
    qtbot.waitUntil(lambda: bool(receipts) and window.counter.search.text() == "9")

    [receipt] = receipts
    assert receipt.customer_id == zhang.id
    assert [(l.name, l.technician_name) for l in receipt.lines] == [("精剪", "李师傅")]
    assert receipt.amount_due_fen == 22780                 # silver pays 85% of ¥268
    assert [(p.method, p.amount_fen) for p in receipt.payments] == [("wechat", 22780)]
    assert shop.visits.open_visits(cashier) == []
    assert window.focusWidget() is window.counter.search and window.counter.search.text() == "9"
    with capsys.disabled():
        print(f"\nkeyboard flow of the returning member: {keys.presses} key presses, no mouse")
    assert keys.presses == 12


def test_technicians_are_named_with_their_role_in_the_readers_punctuation(owner, make_window, cashier):
    from salon_desk.ui.i18n import install_language
    window = make_window(cashier)
    combo = window.counter.editor.technician
    assert combo.itemText(combo.findData(window.ops.shop.staff.technicians(owner)[0].id)).endswith("（技师）")
    try:
        install_language("en")
        from salon_desk.ui.visit_editor import VisitEditor
        english = VisitEditor(window.ops, window).technician
        assert "王师傅 (Technician)" in [english.itemText(i) for i in range(english.count())]
    finally:
        install_language("zh_CN")
