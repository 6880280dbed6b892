"""``salon-desk encrypt`` and ``salon-desk unlock``: the recovery key printed once, the key kept,
one-line errors that say what to do."""

from __future__ import annotations

import re

import pytest

from salon_desk import cli_encrypt
from salon_desk.db.database import PRAGMAS
from salon_desk.db.encryption import is_encrypted, make_database
from salon_desk.errors import DatabaseProblem
from salon_desk.keystore import KeyStore, new_recovery_key
from cli_run import run

KEY_LINE = re.compile(r"^    ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){8})$", re.M)



@pytest.fixture
def keys(tmp_path, monkeypatch) -> KeyStore:
    """This computer's key store, without a credential store: a key file in a folder of its own."""
    store = KeyStore(key_dir=tmp_path / "config" / "keys", use_keyring=False)
    monkeypatch.setattr(cli_encrypt, "make_keystore", lambda: store)
    return store


@pytest.fixture
def plain_shop(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SALON_DESK_USER", "boss")        # the owner runs the command
    monkeypatch.setenv("SALON_DESK_PASSWORD", "boss1234")
    db = tmp_path / "data" / "shop.sqlite"
    code, _, _ = run(capsys, "init", "--db", str(db), "--shop-name", "丽人坊", "--owner", "boss",
                     "--password", "boss1234")
    assert code == 0
    return db


def test_encrypt_prints_the_recovery_key_once_and_keeps_it(capsys, plain_shop, keys):
    code, out, err = run(capsys, "encrypt", "--db", str(plain_shop))
    assert code == 0, err
    assert is_encrypted(plain_shop)
    [printed] = KEY_LINE.findall(out)
    assert keys.get(plain_shop) == printed
    assert "a key file readable only by this user" in out and "anyone who can log in as this user" in out
    backups = plain_shop.parent / "backups"
    [plain_backup] = list(backups.glob("shop-before-encrypt-*.sqlite"))
    assert "NOT encrypted" in out and str(plain_backup) in out
    # the kept key opens the shop; the printed key is the same key
    db = make_database(plain_shop, keys.get(plain_shop), PRAGMAS)
    db.connect()
    assert db.execute_sql("SELECT username FROM staff").fetchall() == [("boss",)]
    db.close()
    # again: refused in one line, nothing changed
    before = plain_shop.read_bytes()
    code, _, err = run(capsys, "encrypt", "--db", str(plain_shop))
    assert code == 2 and err.strip() == f"salon-desk: the shop file {plain_shop} is already encrypted"
    assert plain_shop.read_bytes() == before


def test_on_a_new_computer_the_recovery_key_is_typed_once(capsys, plain_shop, keys, tmp_path):
    run(capsys, "encrypt", "--db", str(plain_shop))
    printed = keys.get(plain_shop)
    keys.forget(plain_shop)                     # a new computer: no key kept
    with pytest.raises(DatabaseProblem) as err:
        make_database(plain_shop, keys.get(plain_shop), PRAGMAS)
    assert err.value.code == "db.key_missing"

    wrong = new_recovery_key()
    code, _, err = run(capsys, "unlock", "--db", str(plain_shop), "--key", wrong)
    assert code == 2 and "the key does not open the shop file" in err and "nothing was changed" in err
    assert keys.get(plain_shop) is None
    typo = printed[:-1] + ("A" if printed[-1] != "A" else "B")
    code, _, err = run(capsys, "unlock", "--db", str(plain_shop), "--key", typo)
    assert code == 2 and "not a recovery key" in err and "36 letters and digits" in err

    code, out, _ = run(capsys, "unlock", "--db", str(plain_shop), "--key", printed.lower().replace("-", " "))
    assert code == 0 and "key file" in out
    assert keys.get(plain_shop) == printed


def test_a_failed_encryption_keeps_no_new_key(capsys, plain_shop, keys):
    plain_shop.write_bytes(b"\x00" * 10)              # not a shop file any more
    code, _, err = run(capsys, "encrypt", "--db", str(plain_shop))
    assert code == 2 and "damaged" in err
    assert keys.get(plain_shop) is None


def test_encrypt_again_after_a_plain_restore_uses_the_same_key(plain_shop, keys):
    first = cli_encrypt.cmd_encrypt(plain_shop)
    assert not first.reused_key and first.kept_in == "file"
    plain_shop.write_bytes(first.backup.read_bytes())          # the plain copy put back by hand
    second = cli_encrypt.cmd_encrypt(plain_shop)
    assert second.reused_key and second.recovery_key == first.recovery_key
    assert "The same recovery key as before is used." in cli_encrypt.encrypt_report(second)


def test_missing_file_and_missing_key_are_one_line(capsys, tmp_path, keys, monkeypatch):
    code, _, err = run(capsys, "encrypt", "--db", str(tmp_path / "nope.sqlite"))
    assert code == 2 and "no such file" in err
    (tmp_path / "x.sqlite").write_bytes(b"")
    monkeypatch.setattr("sys.stdin", None)
    code, _, err = run(capsys, "unlock", "--db", str(tmp_path / "x.sqlite"))
    assert code == 2 and "--key" in err


def test_only_the_owner_encrypts(capsys, plain_shop, keys, monkeypatch):
    monkeypatch.setenv("SALON_DESK_PASSWORD", "wrong-password")
    code, _, err = run(capsys, "encrypt", "--db", str(plain_shop))
    assert code == 2 and "wrong user name or password" in err
    assert not is_encrypted(plain_shop)
