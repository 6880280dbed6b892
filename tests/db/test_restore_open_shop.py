"""The owner restores the open shop's own file (what the window does): the same checks as the
command line, refused while another program has the file open, every session ended after."""

import sqlite3

import pytest

from salon_desk.db import Shop
from salon_desk.errors import DatabaseProblem, PermissionDenied


def sales_in(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT COUNT(*) FROM sale").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def backup(shop, owner, items, sell):
    sell(None, [items.wcb])
    made = shop.backups.backup_now(owner)
    sell(None, [items.cut])
    return made


def test_the_owner_restores_the_open_file_and_every_session_ends(shop, shop_path, owner, cashier, backup):
    summary = shop.inspect_backup(owner, backup)
    assert summary.sales == 1
    kept = shop.restore(owner, backup)
    assert sales_in(shop_path) == 1 and sales_in(kept) == 2
    for session in (owner, cashier):
        with pytest.raises(PermissionDenied) as err:
            shop.audit.entries(session)
        assert err.value.code == "perm.not_logged_in"
    boss = shop.staff.login("boss", "secret123")            # the restored file's accounts
    assert [e.action for e in shop.audit.entries(boss)[:2]] == ["login", "backup_restored"]
    assert shop.audit.verify(boss) == []


def test_only_the_owner_restores(shop, cashier, backup):
    for action in (lambda: shop.inspect_backup(cashier, backup), lambda: shop.restore(cashier, backup)):
        with pytest.raises(PermissionDenied):
            action()


def test_refused_while_another_program_holds_the_file_and_nothing_changes(shop, shop_path, owner, backup, clock):
    other = Shop.open(shop_path, clock=clock, run_jobs=False)
    try:
        with pytest.raises(DatabaseProblem) as err:
            shop.restore(owner, backup)
        assert err.value.code == "db.in_use"
    finally:
        other.close()
    assert sales_in(shop_path) == 2
    assert shop.audit.verify(owner) == []                    # still open, the session still good


def test_a_damaged_backup_is_refused_before_the_file_is_closed(shop, shop_path, owner, backup):
    data = bytearray(backup.read_bytes())
    data[5000:9000] = b"\xff" * 4000
    backup.write_bytes(bytes(data))
    with pytest.raises(DatabaseProblem) as err:
        shop.restore(owner, backup)
    assert err.value.code in ("db.corrupt", "db.not_a_shop")
    assert sales_in(shop_path) == 2 and shop.audit.verify(owner) == []


def test_an_encrypted_shop_is_checked_on_its_own_thread_and_restored_with_its_key(tmp_path):
    import threading

    from salon_desk.db.encryption import is_encrypted
    from salon_desk.keystore import KeyStore
    keys = KeyStore(key_dir=tmp_path / "keys", use_keyring=False)
    path = tmp_path / "secret.sqlite"
    shop = Shop.open(path, keystore=keys, encrypt_new=True)
    try:
        boss = shop.staff.setup(shop_name="店", owner_username="boss", owner_password="boss1234")
        boss = shop.staff.login("boss", "boss1234")
        made = shop.backups.backup_now(boss)
        found: list = []
        worker = threading.Thread(target=lambda: found.append(shop.audit.checker(boss)()))
        worker.start()
        worker.join(120)
        assert found == [[]]
        assert shop.audit.checker(boss)() == []
        shop.restore(boss, made)
        assert is_encrypted(path)
        boss = shop.staff.login("boss", "boss1234")
        assert shop.audit.verify(boss) == []
    finally:
        shop.close()
