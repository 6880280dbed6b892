"""Who has the shop file open: a lock on the side file ``<shop file>.lock``.

Every program that opens a shop (the window, a command, a second counter) holds a
*shared* lock on the side file for as long as the shop is open; any number of them
can share it. A restore replaces the file and must be alone: it takes the lock
*exclusively*, without waiting, and is refused while anyone holds it. The operating
system drops the lock when a program ends, even when it is killed, so a crash never
leaves the file "in use".

On a system without ``fcntl`` (Windows) the lock is not taken (the restore then
relies on its other checks).
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import DatabaseProblem

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(path: str | Path) -> Path:
    """The side file whose lock says the shop file ``path`` is open."""
    path = Path(path)
    return path.with_name(path.name + ".lock")


class FileLock:
    """A lock held on the side file of one shop file, released by :meth:`release`."""

    def __init__(self, fd: int | None) -> None:
        self._fd = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)


def _lock(path: str | Path, exclusive: bool) -> FileLock:
    if fcntl is None:
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
        fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise DatabaseProblem("db.in_use" if exclusive else "db.locked", path=str(path)) from None
    except OSError:
        os.close(fd)          # a filesystem without locks: nothing to hold
        return FileLock(None)
    return FileLock(fd)


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
