"""The recovery key and where the key of an encrypted shop file is kept on this computer."""

from __future__ import annotations

import json
import os
import re
import stat

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordDeleteError

from salon_desk import keystore
from salon_desk.errors import InvalidInput
from salon_desk.keystore import KeyStore, database_key, new_recovery_key, normalise_recovery_key

FIXED = "AAAQ-EAYE-AUDA-OCAJ-BIFQ-YDIO-B4IB-CEQT-IK4F"      # the key of the secret bytes 0, 1, ..., 19


class FakeKeyring(KeyringBackend):
    """An in-memory credential store, as Windows Credential Manager or the Keychain would be."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.saved: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.saved.get((service, username))

    def set_password(self, service, username, password):
        self.saved[(service, username)] = password

    def delete_password(self, service, username):
        if self.saved.pop((service, username), None) is None:
            raise PasswordDeleteError("not there")


class LockedKeyring(FakeKeyring):
    """A Secret Service with no unlocked session: present, but every call fails."""

    def get_password(self, service, username):
        raise KeyringLocked("no session")

    def set_password(self, service, username, password):
        raise KeyringLocked("no session")


@pytest.fixture
def fixed_secret(monkeypatch):
    monkeypatch.setattr(keystore.secrets, "token_bytes", lambda n: bytes(range(n)))


# -- the recovery key ------------------------------------------------------------------------

def test_a_recovery_key_is_nine_groups_of_four_base32_characters():
    key = new_recovery_key()
    assert re.fullmatch(r"[A-Z2-7]{4}(-[A-Z2-7]{4}){8}", key), key
    assert new_recovery_key() != key


def test_worked_example_the_key_and_the_derived_database_key_never_change(fixed_secret):
    # A file encrypted today must open with the same printed key after any upgrade.
    assert new_recovery_key() == FIXED
    assert database_key(FIXED) == \
        "x'135973863840c3c22c272394767dc4124d5337880f76677e02133ba114cc7e1f'"


@pytest.mark.parametrize("typed", [
    "aaaq-eaye-auda-ocaj-bifq-ydio-b4ib-ceqt-ik4f",              # lower case
    "AAAQ EAYE AUDA OCAJ BIFQ YDIO B4IB CEQT IK4F",              # spaces
    "AAAQEAYEAUDA0CAJ81FQYD10B4IBCEQT1K4F",                      # no dashes; 0, 1, 8 for O, I, B
    "ＡＡＡＱ－ＥＡＹＥ－ＡＵＤＡ－ＯＣＡＪ－ＢＩＦＱ－ＹＤＩＯ－Ｂ４ＩＢ－ＣＥＱＴ－ＩＫ４Ｆ",   # full-width, from a Chinese IME
])
def test_the_recovery_key_is_read_as_people_type_it(typed):
    assert normalise_recovery_key(typed) == FIXED
    assert database_key(typed) == database_key(FIXED)


def test_every_single_typo_is_caught_before_the_file_is_tried():
    chars = FIXED.replace("-", "")
    for i, ch in enumerate(chars):
        wrong = chars[:i] + ("B" if ch != "B" else "C") + chars[i + 1:]
        with pytest.raises(InvalidInput) as err:
            normalise_recovery_key(wrong)
        assert err.value.code == "key.mistyped"
    for wrong in (chars[:-1], chars + "A", "", "not a key at all", chars[1:] + chars[0]):
        with pytest.raises(InvalidInput):
            database_key(wrong)


def test_different_recovery_keys_give_different_database_keys():
    keys = {database_key(new_recovery_key()) for _ in range(20)}
    assert len(keys) == 20
    assert all(re.fullmatch(r"x'[0-9a-f]{64}'", k) for k in keys)


# -- the OS credential store -----------------------------------------------------------------

def test_the_credential_store_keeps_the_key_and_no_file_is_written(tmp_path):
    fake = FakeKeyring()
    store = KeyStore(key_dir=tmp_path / "keys", backend=fake)
    shop = tmp_path / "data" / "shop.sqlite"
    assert store.has_os_store() and store.get(shop) is None
    assert store.put(shop, FIXED.lower()) == "keyring"
    assert store.get(shop) == FIXED and store.where(shop) == "keyring"
    assert list(fake.saved.values()) == [FIXED]
    assert not (tmp_path / "keys").exists()
    # the same file named another way is the same shop; another file is not
    assert store.get(tmp_path / "data" / ".." / "data" / "shop.sqlite") == FIXED
    assert store.get(tmp_path / "data" / "other.sqlite") is None
    store.forget(shop)
    assert store.get(shop) is None and fake.saved == {} and store.where(shop) is None
    store.forget(shop)                                  # forgetting twice is no error


def test_keyring_chosen_by_the_system_is_used(tmp_path):
    previous = keyring.get_keyring()
    fake = FakeKeyring()
    keyring.set_keyring(fake)
    try:
        store = KeyStore(key_dir=tmp_path / "keys")
        assert store.put(tmp_path / "shop.sqlite", FIXED) == "keyring"
        assert list(fake.saved.values()) == [FIXED]
    finally:
        keyring.set_keyring(previous)


def test_a_key_moves_from_the_file_to_the_credential_store_when_one_appears(tmp_path):
    shop = tmp_path / "shop.sqlite"
    KeyStore(key_dir=tmp_path / "keys", use_keyring=False).put(shop, FIXED)
    store = KeyStore(key_dir=tmp_path / "keys", backend=FakeKeyring())
    assert store.get(shop) == FIXED and store.where(shop) == "file"     # still found
    assert store.put(shop, FIXED) == "keyring"
    assert list((tmp_path / "keys").iterdir()) == []                    # no copy left on disk


def test_a_key_is_not_a_recovery_key_is_refused(tmp_path):
    store = KeyStore(key_dir=tmp_path / "keys", backend=FakeKeyring())
    with pytest.raises(InvalidInput):
        store.put(tmp_path / "shop.sqlite", "hunter2")


# -- no credential store: the key file -------------------------------------------------------

@pytest.mark.parametrize("backend", [fail.Keyring(), LockedKeyring()], ids=["none", "locked"])
def test_without_a_credential_store_the_key_goes_to_a_private_key_file(tmp_path, backend):
    keys, shop = tmp_path / "config" / "keys", tmp_path / "data" / "shop.sqlite"
    store = KeyStore(key_dir=keys, backend=backend)
    assert not store.has_os_store() and store.store_name() == str(keys)
    assert store.put(shop, FIXED) == "file"
    assert store.get(shop) == FIXED and store.where(shop) == "file"
    [key_file] = list(keys.iterdir())
    assert json.loads(key_file.read_text(encoding="utf-8")) == {"shop": os.path.normcase(str(shop.resolve())),
                                                                "key": FIXED}
    assert shop.parent not in key_file.parents                 # never beside the shop file
    if os.name == "posix":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(keys.stat().st_mode) == 0o700
    assert list(keys.glob("*.tmp")) == []
    store.forget(shop)
    assert store.get(shop) is None and list(keys.iterdir()) == []


def test_a_key_file_for_another_shop_is_not_taken(tmp_path):
    store = KeyStore(key_dir=tmp_path / "keys", use_keyring=False)
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    store.put(a, FIXED)
    other = new_recovery_key()
    store.put(b, other)
    assert (store.get(a), store.get(b)) == (FIXED, other)
    # a key file copied over another shop's key file does not open that shop
    by_shop = {json.loads(p.read_text(encoding="utf-8"))["shop"]: p for p in (tmp_path / "keys").iterdir()}
    a_file, b_file = by_shop[os.path.normcase(str(a.resolve()))], by_shop[os.path.normcase(str(b.resolve()))]
    b_file.write_bytes(a_file.read_bytes())
    assert store.get(b) is None and store.get(a) == FIXED


def test_the_default_key_folder_is_not_the_data_folder():
    from salon_desk.paths import data_dir
    assert keystore.default_key_dir() != data_dir()
    assert data_dir() not in keystore.default_key_dir().parents


def test_where_config_and_data_are_one_folder_the_keys_go_beside_it(monkeypatch, tmp_path):
    import platformdirs

    import salon_desk.paths
    monkeypatch.setattr(platformdirs, "user_config_path", lambda *a, **k: tmp_path / "salon-desk")
    monkeypatch.setattr(salon_desk.paths, "data_dir", lambda: tmp_path / "salon-desk")     # as on macOS
    assert keystore.default_key_dir() == tmp_path / "salon-desk-keys"
