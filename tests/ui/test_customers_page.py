"""The customers page: search, edit the file, consents, membership and points, history, archive, erase, merge."""

from __future__ import annotations

import json

import pytest

from salon_desk.ui import customers_page
from salon_desk.ui.customer_picker import CustomerPickerDialog

from ui_helpers import type_chinese


@pytest.fixture
def page(make_window, owner, no_prompts):
    window = make_window(owner)
    window.tabs.setCurrentWidget(window.pages["customers"])
    return window.pages["customers"]


def choose(page, name):
    page.search.clear()
    type_chinese(page.search, name)
    rows = page.model.rows()
    assert rows and rows[0].name == name
    return rows[0]


def test_edit_the_file_with_tags_and_health_notes(qtbot, page, shop, owner, new_customer):
    new_customer("张三", "13812345678", consent_health=True)
    choose(page, "张三")
    editor = page.editor
    assert editor.name.text() == "张三" and editor.consent_boxes["health"].isChecked()
    editor.month.setValue(5)
    editor.day.setValue(1)
    editor.skin.setCurrentIndex(editor.skin.findData("sensitive"))
    type_chinese(editor.tags, "桂花茶，要毛毯")
    editor.allergies.setPlainText("对酒精过敏")
    editor.save()
    assert editor.error.text() == ""
    f = shop.customers.file(owner, page.file.id)
    assert (f.birth_month, f.birth_day, f.skin_type, f.tags, f.allergies) == (5, 1, "sensitive", ("桂花茶", "要毛毯"), "对酒精过敏")


def test_duplicate_phone_on_the_page_shows_the_message_and_changes_nothing(qtbot, page, shop, owner, new_customer):
    new_customer("张三", "13812345678")
    new_customer("李四", "13900001111")
    choose(page, "李四")
    page.editor.phone.setText("13812345678")
    page.editor.save()
    assert page.editor.error.text() == "手机号 13812345678 已属于张三。"
    assert shop.customers.find(owner, "李四")[0].phone == "13900001111"


def test_new_file_without_consent_is_refused(qtbot, page, shop, owner):
    page.new_customer()
    type_chinese(page.editor.name, "赵敏")
    page.editor.phone.setText("13700001234")
    page.editor.consent_boxes["keep_file"].setChecked(False)
    page.editor.save()
    assert "不同意建档" in page.editor.error.text()
    assert shop.customers.find(owner, "1234") == []


def test_membership_panel_adjusts_points_with_a_reason(qtbot, page, shop, owner, new_member):
    zhang = new_member("张三", "13812345678", tier="gold", points=1000)
    choose(page, "张三")
    panel = page.membership
    assert "金卡会员" in panel.summary.text() and "1000 积分" in panel.summary.text()
    panel.points.setValue(200)
    panel.adjust_points()
    assert panel.error.text() == "请填写积分调整原因。"
    panel.points_reason.setText("活动赠送")
    panel.adjust_points()
    assert shop.points.balance(owner, zhang.id) == 1200
    assert panel.model.rows()[0].reason == "活动赠送"
    assert "1200 积分" in panel.summary.text()


def test_history_shows_the_visits_with_technicians(qtbot, page, items, new_member, sell):
    zhang = new_member("张三", "13812345678")
    sell(zhang.id, services=[items.cut])
    choose(page, "张三")
    history = page.history
    assert history.sales_model.rowCount() == 1
    assert "精剪(王师傅)" in history.sales_model.index(0, history.sales_model.ITEMS).data()
    assert history.lines_model.rowCount() == 1


def test_archive_erase_and_export(qtbot, page, shop, owner, new_customer, tmp_path, monkeypatch):
    new_customer("张三", "13812345678")
    choose(page, "张三")
    target = tmp_path / "zhang.json"
    monkeypatch.setattr(customers_page.SaveFile, "ask", classmethod(lambda cls, parent, title, name: target))
    page.export()
    assert json.loads(target.read_text(encoding="utf-8"))["customer"]["name"] == "张三"
    cid = page.file.id
    page.toggle_archive()
    assert shop.customers.file(owner, cid).archived
    assert shop.customers.find(owner, "张三") == []
    page.archived.setChecked(True)
    choose(page, "张三")
    page.erase()
    f = shop.customers.file(owner, cid)
    assert f.anonymised and f.name == "" and not page.editor.save_button.isEnabled()
    editor = page.editor                       # nothing of an erased file invites typing
    assert not any(w.isEnabled() for w in (editor.gender, editor.notes, editor.tags, editor.allergies,
                                           editor.first_seen, *editor.referrer_buttons))
    page.new_customer()
    assert editor.notes.isEnabled() and editor.save_button.isEnabled()


def test_merge_a_duplicate_into_the_file(qtbot, page, shop, owner, items, new_customer, sell, monkeypatch):
    keep = new_customer("张三", "13812345678")
    drop = new_customer("张三", "13812345679")
    sell(drop.id, services=[items.cut])
    monkeypatch.setattr(CustomerPickerDialog, "ask", classmethod(
        lambda cls, parent, ops, title, exclude_id=None: shop.customers.summary(owner, drop.id)))
    page.search.setText("13812345678")
    assert page.file.id == keep.id
    page.merge()
    assert len(shop.sales.of_customer(owner, keep.id)) == 1
    assert shop.customers.file(owner, drop.id).archived


def test_cashier_has_no_erase_merge_or_export(make_window, cashier):
    window = make_window(cashier)
    page = window.pages["customers"]
    assert not page.erase_button.isVisibleTo(page)
    assert not page.merge_button.isVisibleTo(page)
    assert not page.export_button.isVisibleTo(page)


def test_the_allergy_hint_shows_only_without_health_consent(qtbot, page, new_customer):
    new_customer("张三", "13812345678", consent_health=True)
    new_customer("李四", "13812345679")
    editor = page.editor
    choose(page, "张三")
    assert editor.allergies_hint.isHidden() and not editor.allergies.isReadOnly()
    choose(page, "李四")
    assert not editor.allergies_hint.isHidden() and editor.allergies.isReadOnly()
    assert editor.allergies_hint.text() == "需要顾客同意记录健康信息。"
