"""Who has the shop file open: a lock on the side file ``<shop file>.lock``.

Every program that opens a shop (the window, a command, a second counter) holds a
*shared* lock on the side file for as long as the shop is open; any number of them
can share it. A restore replaces the file and must be alone: it takes the lock
*exclusively*, without waiting, and is refused while anyone holds it. The operating
system drops the lock when a program ends, even when it is killed, so a crash never
leaves the file "in use". A program that has the shop open can restore it from its own
window: it turns its shared lock into the exclusive one (refused while anyone else
holds theirs), so no other program can open the file between closing and reopening.

Two ways of locking, by system:

- POSIX (Linux, macOS): ``fcntl.flock``, shared and exclusive locks.
- Windows: ``msvcrt.locking`` locks byte ranges and knows no shared lock, so the side
  file's bytes are used as a readers-writer lock: byte 0 is the gate, bytes 1..SLOTS
  are seats. A holder passes the gate (locks and unlocks byte 0) and keeps the first free
  seat locked; a restore locks the gate and then every seat, refused if any is taken;
  while a restore holds the gate, opening is refused (``db.locked``).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Iterator

from ..errors import DatabaseProblem

try:
    import fcntl as _fcntl
except ImportError:  # pragma: no cover - Windows
    _fcntl = None  # type: ignore[assignment]

_msvcrt: ModuleType | None
try:
    import msvcrt as _msvcrt_module
    _msvcrt = _msvcrt_module
except ImportError:  # not Windows
    _msvcrt = None

SLOTS = 64      # programs that can hold a Windows shop file open at once


class Busy(Exception):
    """The lock is held by someone else (a non-blocking attempt failed)."""


class FlockLocks:
    """POSIX: one ``flock`` per open side file."""

    def __init__(self, fcntl: ModuleType) -> None:
        self.fcntl = fcntl

    def _flock(self, fd: int, how: int) -> None:
        try:
            self.fcntl.flock(fd, how | self.fcntl.LOCK_NB)
        except BlockingIOError:
            raise Busy() from None

    def shared(self, fd: int) -> object:
        self._flock(fd, self.fcntl.LOCK_SH)
        return None

    def exclusive(self, fd: int) -> object:
        self._flock(fd, self.fcntl.LOCK_EX)
        return None

    def upgrade(self, fd: int, state: object) -> None:
        try:
            self._flock(fd, self.fcntl.LOCK_EX)
        except Busy:
            # converting may drop the shared lock first (flock(2)): take it back
            self.fcntl.flock(fd, self.fcntl.LOCK_SH | self.fcntl.LOCK_NB)
            raise

    def downgrade(self, fd: int, state: object) -> None:
        self.fcntl.flock(fd, self.fcntl.LOCK_SH)

    def release(self, fd: int, state: object) -> None:
        self.fcntl.flock(fd, self.fcntl.LOCK_UN)


class ByteRangeLocks:
    """Windows: ``msvcrt.locking`` on single bytes: a gate (byte 0) and SLOTS seats."""

    def __init__(self, msvcrt: ModuleType, slots: int = SLOTS) -> None:
        self.msvcrt = msvcrt
        self.slots = slots

    def _lock(self, fd: int, offset: int) -> bool:
        os.lseek(fd, offset, os.SEEK_SET)
        try:
            self.msvcrt.locking(fd, self.msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(self, fd: int, offset: int) -> None:
        os.lseek(fd, offset, os.SEEK_SET)
        self.msvcrt.locking(fd, self.msvcrt.LK_UNLCK, 1)

    def _seats(self, fd: int, skip: int) -> list[int]:
        """Lock every seat but ``skip``; all of them, or none (Busy)."""
        taken: list[int] = []
        for seat in range(1, self.slots + 1):
            if seat == skip:
                continue
            if not self._lock(fd, seat):
                for held in taken:
                    self._unlock(fd, held)
                raise Busy()
            taken.append(seat)
        return taken

    def shared(self, fd: int) -> object:
        if not self._lock(fd, 0):
            raise Busy()             # a restore holds the gate
        try:
            for seat in range(1, self.slots + 1):
                if self._lock(fd, seat):
                    return [seat]
            return []                # every seat taken: open without one (the restore's other checks stand)
        finally:
            self._unlock(fd, 0)

    def exclusive(self, fd: int) -> object:
        if not self._lock(fd, 0):
            raise Busy()
        try:
            return [0, *self._seats(fd, skip=0)]
        except Busy:
            self._unlock(fd, 0)
            raise

    def upgrade(self, fd: int, state: object) -> None:
        assert isinstance(state, list)
        own = state[0] if state else 0
        if not self._lock(fd, 0):
            raise Busy()
        try:
            others = self._seats(fd, skip=own)
        except Busy:
            self._unlock(fd, 0)
            raise
        state.extend([0, *others])

    def downgrade(self, fd: int, state: object) -> None:
        assert isinstance(state, list)
        own = state[:1] if state and state[0] != 0 else []
        for offset in state[len(own):]:
            self._unlock(fd, offset)
        state[:] = own

    def release(self, fd: int, state: object) -> None:
        assert isinstance(state, list)
        for offset in state:
            self._unlock(fd, offset)
        state.clear()


Locks = FlockLocks | ByteRangeLocks


def system_locks() -> Locks | None:
    """The locking this system offers (None: none, the lock is not taken)."""
    if _fcntl is not None:
        return FlockLocks(_fcntl)
    if _msvcrt is not None:  # pragma: no cover - Windows (tested through a stand-in msvcrt)
        return ByteRangeLocks(_msvcrt)
    return None  # pragma: no cover


LOCKS: Locks | None = system_locks()


def lock_path(path: str | Path) -> Path:
    """The side file whose lock says the shop file ``path`` is open."""
    path = Path(path)
    return path.with_name(path.name + ".lock")


class FileLock:
    """A lock held on the side file of one shop file, released by :meth:`release`."""

    def __init__(self, fd: int | None, path: str | Path | None = None, locks: Locks | None = None,
                 state: object = None) -> None:
        self._fd = fd
        self._path = path
        self._locks = locks
        self._state = state

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                if self._locks is not None:
                    self._locks.release(fd, self._state)
            finally:
                os.close(fd)

    @contextmanager
    def alone(self) -> Iterator[None]:
        """The shared lock turned exclusive for the block (the holder restores its own file);
        ``db.in_use`` while any other program has the file open. Without a lock (a filesystem or
        system without locking) the block runs unguarded."""
        if self._fd is None or self._locks is None:
            yield
            return
        try:
            self._locks.upgrade(self._fd, self._state)
        except Busy:
            raise DatabaseProblem("db.in_use", path=str(self._path)) from None
        try:
            yield
        finally:
            if self._fd is not None:
                self._locks.downgrade(self._fd, self._state)


def _lock(path: str | Path, exclusive: bool) -> FileLock:
    locks = LOCKS
    if locks is None:
        return FileLock(None)
    side = lock_path(path)
    try:
        fd = os.open(str(side), os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        try:       # a read-only folder: an existing side file can still be locked
            fd = os.open(str(side), os.O_RDONLY)
        except OSError:
            return FileLock(None)
    try:
        state = locks.exclusive(fd) if exclusive else locks.shared(fd)
    except Busy:
        os.close(fd)
        raise DatabaseProblem("db.in_use" if exclusive else "db.locked", path=str(path)) from None
    except OSError:
        os.close(fd)          # a filesystem without locks: nothing to hold
        return FileLock(None)
    return FileLock(fd, path, locks, state)


def hold_open(path: str | Path) -> FileLock:
    """The shared lock an open shop holds; ``db.locked`` while a restore replaces the file."""
    return _lock(path, exclusive=False)


@contextmanager
def alone_with(path: str | Path) -> Iterator[None]:
    """Hold the exclusive lock for the block; ``db.in_use`` while any program has the file open."""
    held = _lock(path, exclusive=True)
    try:
        yield
    finally:
        held.release()
