"""The program's daily work, kept off the start path: it begins once the counter is painted.

After the first paint of the window the daily jobs (lapses, yearly reset, report
checkpoints, the day's follow-up tasks, and once a day the books' check and the
rotating backup) run on a worker thread with its own connection to the shop file,
followed on the first run by the whole-file check (``PRAGMA quick_check``) when the
nightly check did not just read the file. What they find is reported in the window
on the UI thread: a failed backup in the status bar, a damaged file in a red banner
telling the owner what to do. A timer runs them again every half hour (the backup
and the follow-up tasks once a day); closing the window interrupts a check under way.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from ..errors import DatabaseProblem, SalonError

log = logging.getLogger(__name__)

INTERVAL_MS = 30 * 60 * 1000
FALLBACK_MS = 3000          # a window that is never painted (minimised at start) still runs its jobs


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self.fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint and self.callback is not None:
            QTimer.singleShot(0, self.fire)       # once this paint has reached the screen
        return False

    def fire(self) -> None:
        callback, self.callback = self.callback, None
        if callback is not None:
            self.widget.removeEventFilter(self)
            callback()


def after_first_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` once, on the UI thread, just after ``widget`` is first painted."""
    _FirstPaint(widget, callback)


class DailyJobs(QObject):
    """Runs ``shop.run_daily_jobs`` (and the file check) on a worker thread; reports on the UI thread."""

    finished = Signal(object)       # the jobs' result dict, or the SalonError / OSError that stopped them

    def __init__(self, shop: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.thread: threading.Thread | None = None
        self.checked_file = False
        self._connection: Any = None
        self._stopping = False
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.start)

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self) -> bool:
        """Start a run on the worker thread unless one is under way; False when one was."""
        if self.running or self._stopping:
            return False
        check_file = not self.checked_file
        self.checked_file = True
        self.thread = threading.Thread(target=self._work, args=(check_file,), name="salon-desk daily jobs",
                                       daemon=True)
        self.thread.start()
        if not self.timer.isActive():
            self.timer.start()
        return True

    def _work(self, check_file: bool) -> None:
        background = getattr(self.shop, "background", None)
        if background is not None:
            background.acquire()           # a restore under way finishes first (and reopens the file)
        try:
            result = self._run_jobs(check_file)
        finally:
            if background is not None:
                background.release()
        if result is None:
            return
        if not self._stopping:
            self.finished.emit(result)

    def _run_jobs(self, check_file: bool) -> object:
        db = self.shop.db
        result: object
        try:
            self._connection = db.connection()     # this thread's own connection to the file
            jobs: dict[str, object] = self.shop.run_daily_jobs(backup=True, care_once=True)
            if check_file and "books" not in jobs and not self._stopping:
                jobs["file_check"] = self.shop.check_file()      # the nightly check read the file already
            result = jobs
        except (SalonError, OSError) as problem:
            result = problem
        except Exception as problem:       # noqa: BLE001 (an interrupted check, a closed file: logged)
            if self._stopping:
                return None
            log.exception("daily jobs failed")
            result = DatabaseProblem("db.cannot_open", path=str(self.shop.path), detail=str(problem))
        finally:
            self._connection = None
            try:
                db.close()                 # closes this thread's connection only
            except Exception:              # noqa: BLE001 (inside a transaction that failed: nothing to keep)
                log.debug("closing the jobs' connection", exc_info=True)
        return result

    def stop(self, timeout: float = 30.0) -> None:
        """Interrupt a run under way (a long file check) and wait for it; before the shop closes."""
        self._stopping = True
        self.timer.stop()
        deadline = time.monotonic() + timeout
        while self.running and time.monotonic() < deadline:
            connection = self._connection
            if connection is not None:     # again until it ends: an interrupt between statements is lost
                try:
                    connection.interrupt()
                except Exception:          # noqa: BLE001
                    log.debug("interrupting the jobs' connection", exc_info=True)
            if self.thread is not None:
                self.thread.join(0.05)


def damage_of(result: object) -> str | None:
    """What the file checks found wrong with the file itself, or None."""
    if not isinstance(result, dict):
        return None
    check = result.get("file_check")
    if isinstance(check, str) and check != "ok":
        return check
    for broken in result.get("books") or ():
        if getattr(broken, "check", None) == "file":
            return str(getattr(broken, "detail", ""))
    return None


CHECKPOINT_MS = 10_000


class Checkpoints(QObject):
    """Copies the write-ahead log into the shop file on a worker thread every few seconds, so a
    sale's commit at the counter never does it (``shop.hold_checkpoints`` on the UI thread)."""

    def __init__(self, shop: Any, parent: QObject | None = None, interval_ms: int = CHECKPOINT_MS) -> None:
        super().__init__(parent)
        self.shop = shop
        self.thread: threading.Thread | None = None
        self.runs = 0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.start)

    def begin(self) -> None:
        """The selling connection stops checkpointing; the timer takes over."""
        self.shop.hold_checkpoints()
        self.timer.start()

    @property
    def running(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def start(self) -> bool:
        if self.running:
            return False
        self.thread = threading.Thread(target=self._work, name="salon-desk checkpoint", daemon=True)
        self.thread.start()
        return True

    def _work(self) -> None:
        try:
            self.shop.checkpoint(own_connection=True)      # skipped while a restore holds the file
            self.runs += 1
        except Exception:                  # noqa: BLE001 (a busy or closing file: the next tick tries again)
            log.debug("checkpoint", exc_info=True)

    def stop(self, timeout: float = 10.0) -> None:
        self.timer.stop()
        if self.thread is not None:
            self.thread.join(timeout)
