"""The shell: pages by role, the status bar, locking and switching user, switching language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton

from salon_desk.ui.i18n import install_language
from salon_desk.ui.ops import CUSTOMERS, SALES, VISITS
from salon_desk.ui.sales_history import TodaySalesDialog


def tab_titles(window) -> list[str]:
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_cashier_sees_counter_customers_follow_ups_and_segments(window):
    assert tab_titles(window) == ["收银台", "预约", "客户", "回访", "客户分类"]
    assert window.staff_label.text() == "当前员工：小美（收银员）"
    assert window.date_label.text() == "2026-11-22 星期日"


def test_owner_sees_every_page(make_window, owner):
    window = make_window(owner)
    assert tab_titles(window) == ["收银台", "预约", "客户", "回访", "客户分类", "项目与员工", "报表", "提成", "设置"]


def test_lock_hides_the_shop_and_another_staff_member_logs_in(qtbot, window, shop):
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    window.lock()
    assert window.locked and window.staff_label.text() == "已锁定"
    screen = window.lock_screen
    screen.username.setText("boss")
    qtbot.keyClicks(screen.password, "wrong")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert screen.error.text() == "员工账号或密码错误。" and window.locked
    qtbot.keyClicks(screen.password, "secret123")
    qtbot.keyClick(screen.password, Qt.Key.Key_Return)
    assert not window.locked
    assert window.staff.username == "boss"
    assert tab_titles(window) == ["收银台", "预约", "客户", "回访", "客户分类", "项目与员工", "报表", "提成", "设置"]
    assert window.staff_label.text() == "当前员工：老板（店长）"


def test_switching_to_english_in_settings_retranslates_the_window(qtbot, make_window, owner, shop):
    window = make_window(owner)
    try:
        settings = window.pages["settings"]
        combo = settings.findChild(QComboBox, "ui.language")
        combo.setCurrentIndex(combo.findData("en"))
        settings.save()
        assert shop.settings.value("ui.language") == "en"
        assert tab_titles(window) == ["Counter", "Appointments", "Customers", "Follow-ups", "Segments", "Catalogue and staff", "Reports", "Commission", "Settings"]
        assert window.staff_label.text() == "Staff: 老板 (Owner)"
    finally:
        install_language("zh_CN")


def test_technician_writes_notes_on_own_services_only(qtbot, make_window, shop, cashier, tech, tech2, items,
                                                      monkeypatch):
    from salon_desk.ui import widgets
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech2.id)
    window = make_window(tech)
    assert tab_titles(window) == ["我的服务", "预约", "我的提成", "回访"]
    page = window.pages["services"]
    monkeypatch.setattr(widgets.TextPrompt, "ask", classmethod(lambda cls, *a, **k: "力度轻一点"))
    page.lines_view.selectRow(0)
    page.edit_note()
    assert shop.visits.get(cashier, visit.id).lines[0].note == "力度轻一点"
    page.lines_view.selectRow(1)
    page.edit_note()
    assert page.error.text() == "技师只能给自己做的项目写备注。"
    assert shop.visits.get(cashier, visit.id).lines[1].note == ""


def switch_language(window, language: str) -> None:
    settings = window.pages["settings"]
    combo = settings.findChild(QComboBox, "ui.language")
    combo.setCurrentIndex(combo.findData(language))
    settings.save()


def test_lock_button_stays_in_view_after_switching_language(qtbot, make_window, owner):
    window = make_window(owner)
    try:
        switch_language(window, "en")
        button = window.tabs.cornerWidget(Qt.Corner.TopRightCorner)
        assert button.text() == "Lock / switch user (Ctrl+L)" and button.isVisible()
        switch_language(window, "zh_CN")
        button = window.tabs.cornerWidget(Qt.Corner.TopRightCorner)
        assert button.text() == "锁定 / 切换用户 (Ctrl+L)" and button.isVisible()
        qtbot.wait(10)                                     # the replaced buttons are deleted, not piled up
        assert len(window.tabs.findChildren(QPushButton, "lock_button")) == 1
    finally:
        install_language("zh_CN")


def test_a_sale_after_switching_language_reaches_no_page_of_the_old_language(
        qtbot, make_window, owner, shop, items, new_member, sell):
    """Pages rebuilt for another language are deleted; a sale must not call into their tables."""
    zhang = new_member("张三", "13812345678")
    window = make_window(owner)
    try:
        today = TodaySalesDialog(window.ops, window.counter)     # opened and closed before the switch
        today.history.reload()
        today.close()
        switch_language(window, "en")
        qtbot.wait(10)                                            # the old pages are deleted here
        receipt = sell(zhang.id, services=[items.cut])
        window.ops.changed.emit(frozenset({SALES, CUSTOMERS, VISITS}))    # what a checkout broadcasts
        history = window.pages["customers"].history
        window.pages["customers"].show_file(zhang.id)
        assert [s.receipt_no for s in history.sales_model.rows()] == [receipt.receipt_no]
    finally:
        install_language("zh_CN")


def test_todays_receipts_dialog_is_gone_once_closed(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QDialog
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    TodaySalesDialog.ask(window.counter, window.ops)
    qtbot.wait(10)
    assert window.counter.findChildren(TodaySalesDialog) == []
