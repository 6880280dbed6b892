"""The owner encrypts the plain shop file from Settings → Data safety: asked first, a progress
dialog with Cancel, the recovery key shown once, the plain backups named; the counter goes on."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from salon_desk.db import Shop
from salon_desk.db.encryption import is_encrypted, is_plain
from salon_desk.ui import data_safety, recovery_key, widgets
from salon_desk.ui.progress_dialog import Cancelled


@pytest.fixture
def answers(monkeypatch):
    state = {"answer": True, "asked": [], "keys": []}
    monkeypatch.setattr(widgets.Confirm, "ask",
                        classmethod(lambda cls, parent, title, text: state["asked"].append(text) or state["answer"]))
    monkeypatch.setattr(recovery_key.RecoveryKeyNotice, "show_once",
                        classmethod(lambda cls, parent, key: state["keys"].append(key)))
    return state


def test_the_owner_encrypts_the_shop_file_and_is_shown_the_key(make_window, shop, shop_path, owner, keys, qtbot,
                                                               answers, new_customer, items, sell):
    zhang = new_customer()
    sell(zhang.id, [items.cut])
    window = make_window(owner)
    box = window.pages["settings"].findChild(data_safety.DataSafetyBox)
    assert box.encrypt.isVisibleTo(box) and box.encrypt.text() == "加密店铺文件…"

    qtbot.mouseClick(box.encrypt, Qt.MouseButton.LeftButton)

    [question] = answers["asked"]
    assert "先做一份未加密的备份" in question and "恢复密钥" in question
    assert is_encrypted(shop_path) and answers["keys"] == [keys.get(shop_path)]
    said = box.restore_result.text()
    assert said.startswith("店铺文件已加密。以下备份未加密") and "before-encrypt" in said    # the plain backup to delete
    assert not box.encrypt.isVisibleTo(box)                                            # once is enough
    assert shop.customers.file(window.staff, zhang.id).name == "张三"                 # the counter goes on
    assert shop.audit.entries(window.staff)[0].action == "shop_encrypted"


def test_saying_no_or_cancelling_leaves_the_file_plain(make_window, shop, shop_path, owner, keys, qtbot, answers,
                                                       monkeypatch, new_customer):
    zhang = new_customer()
    window = make_window(owner)
    box = window.pages["settings"].findChild(data_safety.DataSafetyBox)
    answers["answer"] = False
    qtbot.mouseClick(box.encrypt, Qt.MouseButton.LeftButton)
    assert is_plain(shop_path) and box.restore_result.text() == ""

    answers["answer"] = True
    real_encrypt = Shop.encrypt

    def press_cancel_on_the_way(self, session, progress=None):
        def step(done, total, text):
            if text == "writing the encrypted copy":
                # what the dialog's report does once Cancel was pressed (the button itself is
                # tested with the progress dialog): raised on the worker, no widget touched there
                raise Cancelled()
            progress(done, total, text)
        return real_encrypt(self, session, progress=step)
    monkeypatch.setattr(Shop, "encrypt", press_cancel_on_the_way)
    qtbot.mouseClick(box.encrypt, Qt.MouseButton.LeftButton)

    assert is_plain(shop_path) and keys.get(shop_path) is None and answers["keys"] == []
    assert "加密已取消" in box.restore_result.text() and "未加密" in box.restore_result.text()
    assert box.encrypt.isVisibleTo(box)
    assert shop.customers.file(window.staff, zhang.id).name == "张三"


def test_only_the_owner_may_encrypt(make_window, cashier, owner):
    from salon_desk.ui.encrypt_shop import can_encrypt
    assert not can_encrypt(make_window(cashier).ops)          # nor does a cashier reach Settings
    assert can_encrypt(make_window(owner).ops)


def test_the_dialog_names_each_pass_of_the_encryption_in_chinese(qapp):
    from salon_desk.db.encryption import _Passes
    from salon_desk.ui.encrypt_shop import pass_text
    shown = [pass_text(text) for text in _Passes.TEXTS]
    assert shown == ["第 1 步（共 4 步）：把店铺文件复制为一份未加密的备份", "第 2 步（共 4 步）：检查备份（读取整个文件期间进度条会停住）",
                     "第 3 步（共 4 步）：写出加密副本", "第 4 步（共 4 步）：检查加密副本（读取整个文件期间进度条会停住）"]
