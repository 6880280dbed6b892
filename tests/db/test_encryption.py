"""Encrypted shop files: unreadable without the key, a wrong key changes nothing, a plain shop
made by the front door is encrypted with every row kept, and its backups stay encrypted."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from salon_desk.db import encryption
from salon_desk.db.backup import backup_to, restore_backup, rotate_backup
from salon_desk.db.database import PRAGMAS
from salon_desk.db.encryption import (encrypt_file, is_encrypted, make_database, plain_copies,
                                      raw_key_of)
from salon_desk.errors import DatabaseProblem, InvalidInput
from salon_desk.keystore import database_key, new_recovery_key

KEY = new_recovery_key()


def fingerprint_of_bytes(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contents(con) -> list[tuple]:
    """The schema and every row of every table (sqlcipher3 has no iterdump)."""
    found: list[tuple] = sorted(con.execute("SELECT type, name, coalesce(sql, '') FROM sqlite_master"))
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        found += [(table, *row) for row in con.execute(f'SELECT * FROM "{table}" ORDER BY rowid')]
    return found


def plain_dump(path: Path) -> list[tuple]:
    con = sqlite3.connect(str(path))
    try:
        return contents(con)
    finally:
        con.close()


def encrypted_dump(path: Path, key: str = KEY) -> list[tuple]:
    """Every row and schema statement of an encrypted file, read with the key."""
    con = sqlcipher.connect(str(path))
    try:
        con.execute("PRAGMA key = \"%s\"" % database_key(key))
        return contents(con)
    finally:
        con.close()


def names(db) -> list[str]:
    return [r[0] for r in db.execute_sql("SELECT name FROM customer ORDER BY id").fetchall()]


@pytest.fixture
def secret_shop(tmp_path) -> Path:
    """A small encrypted file with a customer table (and the tables a restore looks for), closed."""
    path = tmp_path / "secret.sqlite"
    db = make_database(path, KEY, PRAGMAS)
    db.connect()
    db.execute_sql("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT, phone TEXT)")
    db.execute_sql("CREATE TABLE schema_history (id INTEGER PRIMARY KEY, name TEXT, applied TEXT)")
    db.execute_sql("CREATE TABLE staff (id INTEGER PRIMARY KEY)")
    db.execute_sql("CREATE TABLE sale (id INTEGER PRIMARY KEY, receipt_no TEXT, created_at TEXT)")
    with db.atomic():
        db.execute_sql("INSERT INTO customer (name, phone) VALUES ('张三', '13812345678'), ('李四', '13900001111')")
    db.close()
    return path


# -- a new encrypted file ---------------------------------------------------------------------

def test_an_encrypted_file_cannot_be_read_without_the_key(secret_shop):
    data = secret_shop.read_bytes()
    assert not data.startswith(b"SQLite format 3") and is_encrypted(secret_shop)
    assert "张三".encode() not in data and b"13812345678" not in data
    con = sqlite3.connect(str(secret_shop))
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        con.execute("SELECT * FROM customer").fetchall()
    con.close()
    db = make_database(secret_shop, KEY, PRAGMAS)
    db.connect()
    assert names(db) == ["张三", "李四"]
    db.close()


def test_a_wrong_key_is_a_typed_error_and_changes_no_byte(secret_shop):
    before = fingerprint_of_bytes(secret_shop)
    with pytest.raises(DatabaseProblem) as err:
        make_database(secret_shop, new_recovery_key(), PRAGMAS)
    assert (err.value.code, err.value.params) == ("db.wrong_key", {"path": str(secret_shop)})
    with pytest.raises(DatabaseProblem) as err:
        make_database(secret_shop, None, PRAGMAS)
    assert (err.value.code, err.value.params) == ("db.key_missing", {"path": str(secret_shop)})
    with pytest.raises(InvalidInput) as err:
        make_database(secret_shop, KEY[:-1] + ("A" if KEY[-1] != "A" else "B"), PRAGMAS)
    assert err.value.code == "key.mistyped"
    assert fingerprint_of_bytes(secret_shop) == before
    assert sorted(p.name for p in secret_shop.parent.iterdir()) == ["secret.sqlite"]


def test_a_key_for_a_plain_file_is_refused(tmp_path):
    path = tmp_path / "plain.sqlite"
    sqlite3.connect(str(path)).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(DatabaseProblem) as err:
        make_database(path, KEY, PRAGMAS)
    assert err.value.code == "db.not_encrypted"
    assert not is_encrypted(path)


def test_the_encrypted_database_has_the_shop_pragmas_and_immediate_transactions(secret_shop):
    db = make_database(secret_shop, KEY, PRAGMAS)
    db.connect()
    assert raw_key_of(db) == database_key(KEY)
    assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute_sql("PRAGMA synchronous").fetchone()[0] == 2          # full
    assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    other = sqlcipher.connect(str(secret_shop), timeout=0)
    other.execute("PRAGMA key = \"%s\"" % database_key(KEY))
    with db.atomic():              # BEGIN IMMEDIATE: the write lock is taken at once
        with pytest.raises(sqlcipher.OperationalError, match="locked"):
            other.execute("BEGIN IMMEDIATE")
    other.close()
    db.close()


def test_a_plain_database_without_a_key_is_as_before(tmp_path):
    db = make_database(tmp_path / "plain.sqlite", None, PRAGMAS)
    db.connect()
    db.execute_sql("CREATE TABLE t (x)")
    db.close()
    assert (tmp_path / "plain.sqlite").read_bytes().startswith(b"SQLite format 3\x00")
    assert raw_key_of(db) is None


def test_garbage_is_not_mistaken_for_an_encrypted_file(tmp_path):
    garbage = tmp_path / "broken.sqlite"
    garbage.write_bytes(b"\x00garbage" * 1000)           # 8000 bytes: not whole pages
    assert not is_encrypted(garbage)
    assert not is_encrypted(tmp_path / "missing.sqlite")
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert not is_encrypted(tmp_path / "empty.sqlite")


# -- encrypting a shop made by the front door -------------------------------------------------

def test_encrypting_a_real_shop_keeps_every_row(shop, shop_path, new_customer, sell, items):
    zhang = new_customer()
    sell(zhang.id, [items.cut, items.care], products=[(items.serum, 2)])
    new_customer("李四", "13900001111", allergies="染发剂过敏", consent_health=True)
    shop.close()
    before = plain_dump(shop_path)
    assert any("染发剂过敏" in row for row in before)

    backup = encrypt_file(shop_path, KEY, shop_path.parent / "backups")

    assert is_encrypted(shop_path) and "染发剂过敏".encode() not in shop_path.read_bytes()
    assert encrypted_dump(shop_path) == before                  # every row, every table, the schema
    assert plain_dump(backup) == before                         # the backup taken first, plain
    assert backup.parent == shop_path.parent / "backups" and "before-encrypt" in backup.name
    assert plain_copies(backup.parent) == [backup]
    leftovers = sorted(p.name for p in shop_path.parent.iterdir() if p.is_file() and p.suffix != ".lock")
    assert leftovers == ["shop.sqlite"]                        # no plain -wal/-shm, no half-made copy
    db = make_database(shop_path, KEY, PRAGMAS)
    db.connect()
    assert names(db) == ["张三", "李四"]
    assert db.execute_sql("SELECT name FROM schema_history ORDER BY name").fetchall()   # migrations kept
    db.close()


def test_the_last_sale_still_in_the_write_ahead_log_is_kept(shop_path, tmp_path):
    # A power cut leaves committed rows in shop.sqlite-wal, not yet in the file itself.
    con = sqlite3.connect(str(shop_path))
    con.execute("PRAGMA wal_autocheckpoint = 0")
    con.execute("INSERT INTO setting (key, value) VALUES ('shop.last_words', '\"最后一笔\"')")
    con.commit()
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for suffix in ("", "-wal"):
        shutil.copyfile(str(shop_path) + suffix, str(crashed / "shop.sqlite") + suffix)
    con.close()
    path = crashed / "shop.sqlite"
    expected = plain_dump(shop_path)

    encrypt_file(path, KEY, crashed / "backups")

    assert encrypted_dump(path) == expected
    assert any("\"最后一笔\"" in row for row in expected)
    assert not Path(str(path) + "-wal").exists()


def test_an_encrypted_file_is_not_encrypted_again(secret_shop, tmp_path):
    before = fingerprint_of_bytes(secret_shop)
    with pytest.raises(DatabaseProblem) as err:
        encrypt_file(secret_shop, new_recovery_key(), tmp_path / "backups")
    assert err.value.code == "db.already_encrypted"
    assert fingerprint_of_bytes(secret_shop) == before


@pytest.fixture
def other_program():
    """Another program (the window on another till) holding the shop file open."""
    started = []

    def start(path: Path, sql: str) -> None:
        program = subprocess.Popen(
            [sys.executable, "-c", "import sqlite3, sys\n"
             f"con = sqlite3.connect({str(path)!r}, isolation_level=None)\n"
             f"con.execute({sql!r}).fetchall()\n"
             "print('open', flush=True)\nsys.stdin.readline()\n"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        started.append(program)
        assert program.stdout.readline().strip() == "open"
    yield start
    for program in started:
        program.communicate("\n", timeout=30)


@pytest.mark.parametrize("sql", ["BEGIN IMMEDIATE", "SELECT count(*) FROM customer"],
                         ids=["writing", "reading"])
def test_a_shop_open_in_another_program_is_left_alone(shop_path, other_program, sql):
    # Encryption runs with the shop closed; another program that has it open (a second
    # window, a half-finished sale) must not lose what it writes after the copy.
    before = plain_dump(shop_path)
    other_program(shop_path, sql)
    with pytest.raises(DatabaseProblem) as err:
        encrypt_file(shop_path, KEY, shop_path.parent / "backups")
    assert err.value.code == "db.locked"
    assert not is_encrypted(shop_path) and plain_dump(shop_path) == before
    assert not (shop_path.parent / "shop.sqlite.encrypting").exists()


def test_a_copy_that_does_not_check_out_never_replaces_the_file(shop_path, monkeypatch):
    before = fingerprint_of_bytes(shop_path)
    real = encryption.verify_copy

    def damaged(path, raw_key, expected=None, tick=None):
        if raw_key is not None:
            raise DatabaseProblem("db.corrupt", path=str(path), detail="a table lost rows")
        return real(path, raw_key, expected, tick)
    monkeypatch.setattr(encryption, "verify_copy", damaged)
    with pytest.raises(DatabaseProblem) as err:
        encrypt_file(shop_path, KEY, shop_path.parent / "backups")
    assert err.value.code == "db.encrypt_failed" and "lost rows" in err.value.params["detail"]
    assert fingerprint_of_bytes(shop_path) == before
    assert not (shop_path.parent / "shop.sqlite.encrypting").exists()


def test_a_mistyped_key_encrypts_nothing(shop_path):
    before = fingerprint_of_bytes(shop_path)
    with pytest.raises(InvalidInput):
        encrypt_file(shop_path, "1234", shop_path.parent / "backups")
    assert fingerprint_of_bytes(shop_path) == before
    assert not (shop_path.parent / "backups").exists()


# -- backups of an encrypted shop -------------------------------------------------------------

@pytest.fixture
def open_secret(secret_shop):
    db = make_database(secret_shop, KEY, PRAGMAS)
    db.connect()
    yield db
    db.close()


def test_a_backup_of_an_encrypted_shop_is_encrypted_with_the_same_key(open_secret, secret_shop, tmp_path):
    copy = backup_to(open_secret, tmp_path / "backups" / "manual.sqlite")
    assert is_encrypted(copy) and "张三".encode() not in copy.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(str(copy)).execute("SELECT * FROM customer").fetchall()
    assert encrypted_dump(copy) == encrypted_dump(secret_shop)
    with pytest.raises(DatabaseProblem) as err:
        make_database(copy, new_recovery_key(), PRAGMAS)
    assert err.value.code == "db.wrong_key"


def test_rotating_backups_of_an_encrypted_shop(open_secret, tmp_path):
    folder = tmp_path / "rotating"
    made = [rotate_backup(open_secret, folder, "secret", keep=2) for _ in range(4)]
    kept = sorted(folder.iterdir())
    assert kept == sorted(made[-2:])
    assert all(is_encrypted(p) for p in kept) and plain_copies(folder) == []


def test_an_encrypted_backup_is_restored_with_the_key(open_secret, secret_shop, tmp_path):
    copy = backup_to(open_secret, tmp_path / "monday.sqlite")
    open_secret.execute_sql("INSERT INTO customer (name, phone) VALUES ('王五', '13700002222')")
    open_secret.close()
    kept = restore_backup(copy, secret_shop, key=KEY)
    db = make_database(secret_shop, KEY, PRAGMAS)
    db.connect()
    assert names(db) == ["张三", "李四"]
    db.close()
    assert is_encrypted(kept) and "before-restore" in kept.name                 # the replaced file, kept
    assert [r for r in encrypted_dump(kept) if "王五" in r]


def test_an_encrypted_backup_is_refused_without_the_right_key(open_secret, secret_shop, tmp_path):
    copy = backup_to(open_secret, tmp_path / "monday.sqlite")
    open_secret.close()
    before = fingerprint_of_bytes(secret_shop)
    for key, code in ((None, "db.key_missing"), (new_recovery_key(), "db.wrong_key")):
        with pytest.raises(DatabaseProblem) as err:
            restore_backup(copy, secret_shop, key=key)
        assert (err.value.code, err.value.params["path"]) == (code, str(copy))
    # cut short: the key opens its first page, the check finds the rest missing
    cut = tmp_path / "cut.sqlite"
    data = copy.read_bytes()
    cut.write_bytes(data[: len(data) // 2 // 4096 * 4096 or 4096])
    with pytest.raises(DatabaseProblem) as err:
        restore_backup(cut, secret_shop, key=KEY)
    assert err.value.code == "db.corrupt"
    assert fingerprint_of_bytes(secret_shop) == before
    assert not (secret_shop.parent / "backups").exists()


def test_a_plain_backup_restored_into_an_encrypted_shop_is_encrypted(shop, shop_path, new_customer):
    new_customer()
    plain = backup_to(shop.db, shop_path.parent / "before-encryption.sqlite")
    shop.close()
    expected = plain_dump(plain)
    encrypt_file(shop_path, KEY, shop_path.parent / "backups")
    restore_backup(plain, shop_path, key=KEY)
    assert is_encrypted(shop_path) and encrypted_dump(shop_path) == expected
    assert not (shop_path.parent / "shop.sqlite.restoring").exists()


def test_the_whole_way_a_shop_from_the_front_door_encrypted_backed_up_and_restored(
        shop, shop_path, new_customer, tmp_path):
    new_customer()
    shop.close()
    encrypt_file(shop_path, KEY, tmp_path / "plain-backups")
    db = make_database(shop_path, KEY, PRAGMAS)
    db.connect()
    daily = rotate_backup(db, tmp_path / "backups", "shop", keep=7)
    db.execute_sql("UPDATE customer SET name = '？'")            # a mistake after the backup
    db.close()
    restore_backup(daily, shop_path, key=KEY)
    db = make_database(shop_path, KEY, PRAGMAS)
    db.connect()
    assert names(db) == ["张三"]
    db.close()
