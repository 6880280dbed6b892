"""The lock that says a shop file is open, on both systems: POSIX ``flock``, and Windows'
``msvcrt.locking`` (exercised on Linux through a stand-in msvcrt that behaves as Windows does:
byte-range locks, no shared lock, a conflicting lock refused at once with an OSError)."""

import errno
import os
import types

import pytest

from salon_desk.db import Shop, file_lock
from salon_desk.db.backup import restore_backup
from salon_desk.db.file_lock import ByteRangeLocks, FlockLocks, alone_with, hold_open
from salon_desk.errors import DatabaseProblem


class FakeMsvcrt(types.ModuleType):
    """``msvcrt.locking`` as Windows does it: ``nbytes`` from the file's current position, locks held
    per open file (any two handles conflict, even in one process), unlocking only what one holds."""

    LK_UNLCK, LK_LCK, LK_NBLCK, LK_RLCK, LK_NBRLCK = 0, 1, 2, 3, 4

    def __init__(self) -> None:
        super().__init__("msvcrt")
        self.held: dict[tuple[int, int, int], int] = {}
        self.calls = 0

    def locking(self, fd: int, mode: int, nbytes: int) -> None:
        self.calls += 1
        st = os.fstat(fd)
        start = os.lseek(fd, 0, os.SEEK_CUR)
        keys = [(st.st_dev, st.st_ino, offset) for offset in range(start, start + nbytes)]
        if mode == self.LK_UNLCK:
            if any(self.held.get(k) != fd for k in keys):
                raise PermissionError(errno.EACCES, "unlocking a region not locked")
            for k in keys:
                del self.held[k]
            return
        if any(k in self.held for k in keys):
            raise PermissionError(errno.EACCES, "Permission denied")     # what LK_NBLCK raises
        for k in keys:
            self.held[k] = fd


@pytest.fixture(params=["posix", "windows"])
def system(request, monkeypatch):
    if request.param == "windows":
        fake = FakeMsvcrt()
        monkeypatch.setattr(file_lock, "LOCKS", ByteRangeLocks(fake, slots=8))
        return fake
    assert isinstance(file_lock.LOCKS, FlockLocks)
    return None


def code_of(action) -> str:
    with pytest.raises(DatabaseProblem) as err:
        action()
    return err.value.code


def test_any_number_of_programs_hold_the_file_open_together(tmp_path, system):
    path = tmp_path / "shop.sqlite"
    holders = [hold_open(path) for _ in range(3)]
    assert all(h.held for h in holders)
    assert code_of(lambda: alone_with(path).__enter__()) == "db.in_use"
    for h in holders:
        h.release()
    with alone_with(path):                                     # alone now
        assert code_of(lambda: hold_open(path)) == "db.locked"  # an open during the restore waits
    again = hold_open(path)
    assert again.held
    again.release()
    if system is not None:
        assert system.calls > 0 and system.held == {}            # the Windows branch ran, nothing left locked


def test_a_holder_turns_its_lock_exclusive_only_when_alone(tmp_path, system):
    path = tmp_path / "shop.sqlite"
    mine, other = hold_open(path), hold_open(path)

    def alone():
        with mine.alone():
            pass
    assert code_of(alone) == "db.in_use"
    assert mine.held and code_of(lambda: alone_with(path).__enter__()) == "db.in_use"   # still mine, shared
    other.release()
    with mine.alone():
        assert code_of(lambda: hold_open(path)) == "db.locked"
    late = hold_open(path)                                     # shared again after the block
    assert late.held
    late.release()
    mine.release()


def test_a_shop_open_in_one_program_refuses_a_restore_through_either_lock(tmp_path, system):
    path = tmp_path / "shop.sqlite"
    shop = Shop.open(path, run_jobs=False)
    shop.staff.setup(shop_name="店", owner_username="boss", owner_password="boss1234")
    backup = shop.backups.backup_now(shop.staff.login("boss", "boss1234"), tmp_path / "b.sqlite")
    try:
        assert code_of(lambda: restore_backup(backup, path)) == "db.in_use"
    finally:
        shop.close()
    restore_backup(backup, path)
    Shop.open(path, run_jobs=False).close()
