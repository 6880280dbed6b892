"""An encrypted shop in the window: the recovery key shown once at set-up, and typed in on a
computer that keeps no key for the file."""

from __future__ import annotations

from salon_desk import app
from salon_desk.db import Shop
from salon_desk.db.encryption import is_encrypted
from salon_desk.keystore import KeyStore, new_recovery_key
from salon_desk.ui.login_dialog import SetupDialog
from salon_desk.ui.recovery_key import RecoveryKeyDialog, RecoveryKeyNotice


def test_a_new_shop_is_encrypted_and_the_owner_sees_the_key_once(qtbot, tmp_path, monkeypatch):
    keys = KeyStore(key_dir=tmp_path / "keys", use_keyring=False)
    shop = Shop.open(tmp_path / "shop.sqlite", keystore=keys, encrypt_new=True)
    shown: list[str] = []
    monkeypatch.setattr(RecoveryKeyNotice, "show_once", classmethod(lambda cls, parent, key: shown.append(key)))
    dialog = SetupDialog(shop)
    qtbot.addWidget(dialog)
    dialog.shop_name.setText("Lirenfang")
    for field in (dialog.password, dialog.password2):
        field.setText("secret123")
    dialog.try_setup()
    assert dialog.staff is not None and shown == [shop.recovery_key] and keys.get(shop.path) == shop.recovery_key
    shop.close()
    assert is_encrypted(tmp_path / "shop.sqlite")


def test_the_recovery_key_is_asked_when_this_computer_has_none(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "shop.sqlite"
    key = new_recovery_key()
    elsewhere = KeyStore(key_dir=tmp_path / "other-pc", use_keyring=False)
    elsewhere.put(path, key)
    Shop.open(path, keystore=elsewhere, encrypt_new=True).close()
    here = KeyStore(key_dir=tmp_path / "this-pc", use_keyring=False)
    monkeypatch.setattr(app, "KeyStore", lambda: here)
    asked: list[str] = []
    monkeypatch.setattr(RecoveryKeyDialog, "ask", classmethod(lambda cls, parent, p: asked.append(p) or key.lower()))
    shop = app.open_shop(path)
    assert shop is not None and shop.encrypted and asked == [str(path)]
    assert here.get(path) == key                     # kept: tomorrow's start asks nothing
    shop.close()


def test_a_mistyped_recovery_key_is_told_before_it_is_tried(qtbot):
    dialog = RecoveryKeyDialog("/data/shop.sqlite")
    qtbot.addWidget(dialog)
    dialog.entry.setText("ABCD-EFGH")
    dialog.try_key()
    assert dialog.key is None and dialog.error.text()
