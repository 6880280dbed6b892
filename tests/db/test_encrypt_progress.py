"""Encrypting a shop file shows how far it has gone and can be cancelled until the file is
replaced; the owner encrypts the open shop from the window through ``Shop.encrypt``."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from salon_desk.db import Shop, encryption
from salon_desk.db.encryption import encrypt_file, is_encrypted, is_plain, plain_copies
from salon_desk.errors import DatabaseProblem, PermissionDenied
from salon_desk.keystore import new_recovery_key

COPY, CHECK, ENCRYPT, CHECK_COPY = ("copying the shop file to a plain backup", "checking the backup",
                                    "writing the encrypted copy", "checking the encrypted copy")


class Stop(Exception):
    """What a Cancel button raises from the progress callback."""


def pad(path: Path, megabytes: int = 6) -> None:
    """Make the shop file big enough that each pass takes many steps."""
    con = sqlite3.connect(str(path))
    con.execute("CREATE TABLE padding (x BLOB)")
    con.executemany("INSERT INTO padding VALUES (randomblob(4000))", [()] * (megabytes * 256))
    con.commit()
    con.close()


def test_the_four_passes_are_reported_in_order_in_bytes_of_the_file(shop_path, monkeypatch):
    monkeypatch.setattr(encryption, "STEPS_PER_TICK", 200)       # a small file: ticks often enough to see
    pad(shop_path)
    size = shop_path.stat().st_size
    steps: list[tuple[int, int, str]] = []

    encrypt_file(shop_path, new_recovery_key(), shop_path.parent / "backups",
                 progress=lambda done, total, text: steps.append((done, total, text)))

    assert {total for _, total, _ in steps} == {4 * size}
    done = [d for d, _, _ in steps]
    assert done == sorted(done) and done[-1] == 4 * size          # the bar only moves forward, to the end
    texts = list(dict.fromkeys(text for _, _, text in steps))     # each pass, in the order they run
    assert texts == [COPY, CHECK, ENCRYPT, CHECK_COPY, "putting the encrypted file in place"]
    writing = [d for d, _, text in steps if text == ENCRYPT]
    assert len(set(writing)) > 1 and min(writing) >= 2 * size and max(writing) <= 3 * size  # moves while writing
    assert is_encrypted(shop_path)


@pytest.mark.parametrize("stop_at", [COPY, CHECK, ENCRYPT, CHECK_COPY])
def test_a_cancel_before_the_file_is_replaced_leaves_it_plain_and_whole(shop_path, stop_at):
    pad(shop_path)
    before = sqlite3.connect(str(shop_path)).execute("SELECT count(*) FROM padding").fetchone()[0]
    backups = shop_path.parent / "backups"

    def progress(done: int, total: int, text: str) -> None:
        if text == stop_at:
            raise Stop()
    with pytest.raises(Stop):
        encrypt_file(shop_path, new_recovery_key(), backups, progress=progress)

    assert is_plain(shop_path)
    assert sqlite3.connect(str(shop_path)).execute("SELECT count(*) FROM padding").fetchone()[0] == before
    assert not shop_path.with_name("shop.sqlite.encrypting").exists()          # no half-made copy
    # a copy cut short is no backup; once copied, the plain backup is whole and stays
    assert len(plain_copies(backups)) == (0 if stop_at == COPY else 1)


@pytest.fixture
def plain(shop, keys):
    """The test's shop, opened with this computer's key store (``keys``)."""
    return shop


def test_the_owner_encrypts_the_open_shop_and_goes_on_working(plain, shop_path, keys, clock, new_customer):
    boss = plain.staff.login("boss", "secret123")
    zhang = new_customer()
    steps: list[int] = []

    done = plain.encrypt(boss, progress=lambda d, t, text: steps.append(d))

    assert is_encrypted(shop_path) and plain.encrypted and steps == sorted(steps) and len(steps) > 2
    assert keys.get(shop_path) is not None and done.recovery_key and not done.reused_key
    assert plain.customers.file(boss, zhang.id).name == "张三"                # the same session goes on
    assert plain.audit.entries(boss)[0].action == "shop_encrypted"
    assert done.plain_copies == [done.backup]                                 # the owner is told to delete it
    plain.close()
    again = Shop.open(shop_path, clock=clock, keystore=keys, run_jobs=False)  # this computer keeps the key
    try:
        assert again.encrypted and again.customers.file(again.staff.login("boss", "secret123"), zhang.id)
    finally:
        again.close()


def test_a_cancelled_encryption_leaves_the_shop_plain_open_and_without_a_key(plain, shop_path, keys, new_customer):
    boss = plain.staff.login("boss", "secret123")
    zhang = new_customer()

    def progress(done: int, total: int, text: str) -> None:
        if text == ENCRYPT:
            raise Stop()
    with pytest.raises(Stop):
        plain.encrypt(boss, progress=progress)

    assert is_plain(shop_path) and not plain.encrypted and keys.get(shop_path) is None
    assert plain.customers.file(boss, zhang.id).name == "张三"                # open again, as it was
    assert all(e.action != "shop_encrypted" for e in plain.audit.entries(boss))


def test_only_the_owner_encrypts_and_never_twice(plain, shop_path, cashier):
    with pytest.raises(PermissionDenied):
        plain.encrypt(cashier)
    assert is_plain(shop_path)
    boss = plain.staff.login("boss", "secret123")
    plain.encrypt(boss)
    with pytest.raises(DatabaseProblem) as twice:
        plain.encrypt(boss)
    assert twice.value.code == "db.already_encrypted"
