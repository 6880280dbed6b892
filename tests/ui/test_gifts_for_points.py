"""Gifts for points (积分兑换礼品) in the window: the owner keeps the gift list, the cashier redeems."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget

from salon_desk.ui import widgets
from salon_desk.ui.gifts import GiftListBox, GiftRedemptionDialog
from salon_desk.ui.membership_panel import MembershipPanel

from ui_helpers import answer_next_dialog


def test_the_owner_adds_gifts_on_the_catalogue_page(qtbot, make_window, owner, shop):
    window = make_window(owner)
    box = window.pages["catalogue"].findChild(GiftListBox)
    box.name.setText("玫瑰护手霜")
    box.points.setValue(500)
    qtbot.mouseClick(box.add, Qt.MouseButton.LeftButton)
    assert [box.list.item(i).text() for i in range(box.list.count())] == ["玫瑰护手霜 — 500 积分"]
    assert shop.catalogue.gifts(owner) == [(1, "玫瑰护手霜", 500)]
    box.name.setText("丝巾")                       # no points price: refused in words, nothing added
    qtbot.mouseClick(box.add, Qt.MouseButton.LeftButton)
    assert box.error.text() and len(shop.catalogue.gifts(owner)) == 1


def test_the_cashier_redeems_a_gift_the_member_can_afford(qtbot, make_window, cashier, owner, shop, new_member,
                                                          monkeypatch):
    shop.catalogue.add_gift(owner, "玫瑰护手霜", 500)
    shop.catalogue.add_gift(owner, "美发套装", 5000)
    zhang = new_member("张三", "13812345678")
    shop.points.adjust(owner, zhang.id, 1110, "纸质会员卡积分转入")
    window = make_window(cashier)
    panel = window.pages["customers"].findChild(MembershipPanel)
    panel.load(shop.customers.file(cashier, zhang.id))
    assert panel.gift_button.isEnabled()
    asked = []
    monkeypatch.setattr(widgets.Confirm, "ask", classmethod(lambda cls, parent, title, text: asked.append(text) or True))
    seen = []

    def choose(dialog: GiftRedemptionDialog) -> None:
        gifts = dialog.findChild(QListWidget, "gifts")
        seen.extend(gifts.item(i).text() for i in range(gifts.count()))
        assert dialog.heading.text() == "张三 有 1110 积分，请选择礼品："
        qtbot.keyClick(gifts, Qt.Key.Key_Return)
    answer_next_dialog(qtbot, GiftRedemptionDialog, choose)
    qtbot.mouseClick(panel.gift_button, Qt.MouseButton.LeftButton)
    assert seen == ["玫瑰护手霜 — 500 积分", "美发套装 — 5000 积分（积分不足）"]
    assert asked == ["确认用 500 积分为 张三 兑换“玫瑰护手霜”？"]
    assert shop.points.balance(owner, zhang.id) == 610
    assert "610 积分" in panel.summary.text()
    [entry] = [e for e in shop.audit.entries(owner) if e.action == "gift_redeemed"]
    assert entry.details == {"gift": "玫瑰护手霜"} and entry.target == f"customer:{zhang.id}"


def test_a_customer_who_is_not_a_member_cannot_redeem(qtbot, make_window, cashier, shop, new_customer):
    li = new_customer("李四", "13900001111")
    window = make_window(cashier)
    panel = window.pages["customers"].findChild(MembershipPanel)
    panel.load(shop.customers.file(cashier, li.id))
    assert not panel.gift_button.isEnabled()


def test_the_birthday_gift_is_given_from_the_customers_file_without_a_visit(qtbot, make_window, cashier, owner,
                                                                           shop, new_member):
    from salon_desk.ui.warning_strips import GiftDialog
    shop.catalogue.add_gift(owner, "丝巾", 800)
    zhang = new_member("张三", "13812345678", tier="gold", birth_month=11, birth_day=22)   # today
    window = make_window(cashier)
    panel = window.pages["customers"].findChild(MembershipPanel)
    panel.load(shop.customers.file(cashier, zhang.id))
    assert panel.birthday_button.isVisibleTo(panel)
    answer_next_dialog(qtbot, GiftDialog, lambda dialog: dialog.accept())
    qtbot.mouseClick(panel.birthday_button, Qt.MouseButton.LeftButton)
    assert not shop.birthdays.status(cashier, zhang.id).gift_available
    assert not panel.birthday_button.isVisibleTo(panel)               # once a year
    [entry] = [e for e in shop.audit.entries(owner) if e.action == "birthday_gift"]
    assert entry.details == {"gift": "丝巾"}
