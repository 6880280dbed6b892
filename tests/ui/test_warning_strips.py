"""Warnings that cannot be missed: allergy, birthday and complaint strips; one key each for the birthday perks."""

from __future__ import annotations

from PySide6.QtCore import Qt

from salon_desk.ui.checkout_dialog import CheckoutDialog
from salon_desk.ui.warning_strips import GiftDialog

from ui_helpers import answer_next_dialog


def check_in(qtbot, window, tail: str):
    counter = window.counter
    qtbot.keyClicks(counter.search, tail)
    qtbot.keyClick(counter.search, Qt.Key.Key_Return)
    return counter.editor


def test_allergy_and_birthday_have_full_width_strips_at_check_in_and_in_checkout(qtbot, window, shop, cashier,
                                                                                 tech, items, new_member):
    new_member("张三", "13812345678", tier="gold", birth_month=11, birth_day=22,       # today
               allergies="对酒精过敏", consent_health=True)
    editor = check_in(qtbot, window, "5678")
    assert editor.allergy_strip.isVisibleTo(editor) and editor.allergy_strip.text() == "⚠ 过敏：对酒精过敏"
    assert editor.allergy_strip.width() >= editor.width() - 40          # the whole width, not a line in a box
    assert "b00020" in editor.allergy_strip.styleSheet()
    strip = editor.birthday_strip
    assert strip.isVisibleTo(editor) and "生日快乐" in strip.text() and "F11" in strip.text()
    assert strip.styleSheet() != editor.allergy_strip.styleSheet()       # distinct from the allergy warning
    assert not editor.complaint_strip.isVisibleTo(editor)
    shop.visits.add_service(cashier, editor.visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, editor.visit.id, items.wcb.id, tech.id)
    dialog = CheckoutDialog(window.ops, editor.visit.id, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.allergy_strip.isVisibleTo(dialog) and "对酒精过敏" in dialog.allergy_strip.text()
    assert dialog.birthday_strip.isVisibleTo(dialog) and "F10" in dialog.birthday_strip.text()
    due = dialog.due.text()
    qtbot.keyClick(dialog.amount, Qt.Key.Key_F10)                      # the free service, by one key
    assert dialog.birthday.currentText() == "精剪（¥268.00）"
    assert dialog.due.text() == "应付 ¥54.40" != due and "-¥214.40" in dialog.totals.text()
    assert dialog.quote.priced.points_birthday_bonus > 0                # gold: double points on the birthday
    assert "本次积分（生日双倍）" in dialog.totals.text()


def test_a_non_member_on_their_birthday_is_not_told_their_perks_were_used(qtbot, window, shop, new_customer):
    new_customer("李四", "13900001111", birth_month=11, birth_day=22)        # today, not a member
    editor = check_in(qtbot, window, "1111")
    strip = editor.birthday_strip
    assert strip.isVisibleTo(editor)
    assert strip.text() == "★ 生日快乐！生日权益仅限会员。"
    assert "无" not in strip.text()


def test_f11_gives_the_birthday_gift_chosen_from_the_list_confirmed_and_audited(qtbot, window, shop, owner,
                                                                                 new_member):
    shop.catalogue.add_gift(owner, "玫瑰护手霜", 500)
    shop.catalogue.add_gift(owner, "丝巾", 800)
    zhang = new_member("张三", "13812345678", tier="gold", birth_month=11, birth_day=22)
    editor = check_in(qtbot, window, "5678")
    assert editor.visit.birthday.gift_available

    def cancel(dialog):
        dialog.reject()
    answer_next_dialog(qtbot, GiftDialog, cancel)
    qtbot.keyClick(editor.item_field, Qt.Key.Key_F11)                  # Esc in the confirmation: nothing recorded
    assert shop.birthdays.status(window.ops.staff, zhang.id).gift_available

    def choose_scarf(dialog):
        assert [dialog.gift.itemText(i) for i in range(dialog.gift.count())] == ["玫瑰护手霜", "丝巾"]
        dialog.gift.setCurrentIndex(1)
        dialog.accept()
    answer_next_dialog(qtbot, GiftDialog, choose_scarf)
    qtbot.keyClick(editor.item_field, Qt.Key.Key_F11)
    assert not shop.birthdays.status(window.ops.staff, zhang.id).gift_available
    [entry] = [e for e in shop.audit.entries(owner) if e.action == "birthday_gift"]
    assert entry.details == {"gift": "丝巾"} and entry.target == f"customer:{zhang.id}"
    assert not editor.gift_button.isVisibleTo(editor)
    assert "F11" not in editor.birthday_strip.text()
