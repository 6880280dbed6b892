"""Settings and the catalogue/staff page: saved through the core, with its validation messages."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit, QSpinBox

from ui_helpers import type_chinese


@pytest.fixture
def owner_window(make_window, owner):
    return make_window(owner)


def test_settings_save_changed_values_only(owner_window, shop):
    page = owner_window.pages["settings"]
    page.findChild(QLineEdit, "membership.join_threshold_fen").setText("800")
    page.findChild(QSpinBox, "points.referral_bonus").setValue(300)
    page.save()
    assert page.error.text() == "" and page.saved_label.text() == "已保存。"
    assert shop.settings.value("membership.join_threshold_fen") == 80_000
    assert shop.settings.value("points.referral_bonus") == 300
    page.save()
    assert page.saved_label.text() == "没有修改。"


def test_bad_settings_name_the_field_and_store_nothing(owner_window, shop):
    page = owner_window.pages["settings"]
    page.findChild(QLineEdit, "points.reset_month_day").setText("13-40")
    page.findChild(QSpinBox, "points.referral_bonus").setValue(999)
    page.save()
    assert page.error.text() == "积分每年清零日（月-日）：“13-40”不是 01-01 这样的日期（月-日，日不超过 28）。"
    assert shop.settings.value("points.referral_bonus") == 200
    page.load()
    assert page.findChild(QLineEdit, "points.reset_month_day").text() == "01-01"


def test_tiers_must_ascend(owner_window, shop):
    page = owner_window.pages["settings"]
    rate, _text, spend, visits, _double = page.tier_widgets[3]     # diamond
    rate.setValue(95)                                              # pays 95 %: more than gold
    page.save()
    assert "钻石会员" in page.error.text()
    assert shop.ctx.tiers()[3].rate_permille == 750


def test_add_a_service_and_change_a_price(owner_window, shop, owner):
    tab = owner_window.pages["catalogue"].items
    tab.new_item()
    tab.code.setText("S09")
    type_chinese(tab.name, "头部按摩")
    tab.price.setText("88")
    tab.save()
    assert tab.error.text() == ""
    item = [i for i in shop.catalogue.items(owner) if i.code == "S09"][0]
    assert (item.name, item.price_fen, item.kind) == ("头部按摩", 8800, "service")
    tab.price.setText("abc")
    tab.save()
    assert tab.error.text() == "“abc”不是有效金额（例如 68 或 68.50）。"
    tab.price.setText("98.5")
    tab.save()
    assert shop.catalogue.item(owner, item.id).price_fen == 9850


def test_duplicate_item_code_is_refused(owner_window, shop):
    tab = owner_window.pages["catalogue"].items
    tab.new_item()
    tab.code.setText("C01")
    type_chinese(tab.name, "又一个精剪")
    tab.price.setText("100")
    tab.save()
    assert tab.error.text() == "编号 C01 已被使用。"


def test_create_staff_and_deactivate(owner_window, shop, owner):
    tab = owner_window.pages["catalogue"].staff
    tab.new_staff()
    tab.username.setText("zhao")
    type_chinese(tab.display_name, "小赵")
    tab.password.setText("123")
    tab.save()
    assert tab.error.text() == "密码至少需要 6 个字符。"
    tab.password.setText("zhao1234")
    tab.save()
    member = [s for s in shop.staff.roster(owner) if s.username == "zhao"][0]
    assert member.role == "technician"
    tab.active.setChecked(False)
    tab.save()
    assert "zhao" not in [s.username for s in shop.staff.roster(owner)]
    counter_techs = [owner_window.counter.editor.technician.itemText(i)
                     for i in range(owner_window.counter.editor.technician.count())]
    assert not any("小赵" in t for t in counter_techs)


def test_the_shop_name_cannot_be_emptied(owner_window, shop):
    """Receipts, reports and the title bar print it; an empty one would leave the receipt headless."""
    page = owner_window.pages["settings"]
    page.findChild(QLineEdit, "shop.name").setText("  ")
    page.save()
    assert page.error.text() == "店名：请输入店名。" and page.saved_label.text() == ""
    assert shop.settings.value("shop.name") == "丽人坊"


def test_tier_rates_read_as_zhe_in_chinese_and_as_percent_off_in_english(owner_window):
    from salon_desk.ui.i18n import install_language
    from salon_desk.ui.labels import rate_name
    page = owner_window.pages["settings"]
    assert [w[1].text() for w in page.tier_widgets] == ["9折", "8.5折", "8折", "7.5折"]
    try:
        install_language("en")
        assert [rate_name(r) for r in (900, 850, 875, 1000)] == ["10% off", "15% off", "12.5% off", ""]
    finally:
        install_language("zh_CN")
