"""Long work behind a progress dialog: the work runs on a worker thread, the window stays alive.

``run_with_progress(work, ...)`` calls ``work(report)`` on a thread; ``report(done,
total, text)`` moves the bar. Cancel (where the caller allows it) makes the next
``report`` raise ``Cancelled`` on the worker, so the work stops at a step it
chose; ``run_with_progress`` then raises ``Cancelled`` too. An error in the work
is raised again on the caller's thread.
"""

from __future__ import annotations

import threading
from typing import Callable, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Report = Callable[[int, int, str], None]


class Cancelled(Exception):
    """The person cancelled the work."""


class _Relay(QObject):
    step = Signal(int, int, str)
    finished = Signal()


def run_with_progress(work: Callable[[Report], T], title: str, label: str, parent: QWidget | None = None,
                      cancellable: bool = True, minimum_ms: int = 0,
                      step_text: Callable[[str], str] | None = None) -> T:
    """``work(report)`` on a thread behind the dialog; with ``minimum_ms`` the dialog shows only
    when the work lasts longer than that (quick work does not flash a dialog). ``step_text`` turns
    the text of a step into the line shown under ``label`` (which pass of the work is under way)."""
    dialog = QProgressDialog(parent)          # its Cancel button comes translated by Qt
    dialog.setLabelText(label)
    dialog.setMinimumWidth(520)               # room for a file's path
    dialog.setRange(0, 0)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(minimum_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    relay = _Relay()
    cancelled = threading.Event()
    outcome: dict[str, object] = {}

    shown = {"text": ""}

    def on_step(done: int, total: int, text: str) -> None:
        # the line first: a modal dialog's setValue handles the next steps already queued
        if step_text is not None and text and text != shown["text"]:
            shown["text"] = text
            dialog.setLabelText(f"{label}\n{step_text(text)}")
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, total))
    relay.step.connect(on_step)
    dialog.canceled.connect(cancelled.set)

    def report(done: int, total: int, text: str = "") -> None:
        if cancelled.is_set():
            raise Cancelled()
        relay.step.emit(done, total, text)

    def worker() -> None:
        try:
            outcome["value"] = work(report)
        except BaseException as error:          # handed back to the caller's thread
            outcome["error"] = error
        finally:
            outcome["done"] = True
            relay.finished.emit()

    loop = QEventLoop()
    relay.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    thread = threading.Thread(target=worker, name="salon-desk-work", daemon=True)
    if minimum_ms <= 0:
        dialog.show()
    else:
        dialog.hide()
        QTimer.singleShot(minimum_ms, lambda: None if "done" in outcome else dialog.show())
    thread.start()
    loop.exec()
    thread.join()
    dialog.close()
    dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def build_demo_in_window(path, parent: QWidget | None = None):
    """Build the demo shop at ``path`` behind a progress dialog; KeyboardInterrupt if the person cancels."""
    from ..progress import build_demo_reporting
    try:
        return run_with_progress(
            lambda report: build_demo_reporting(path, report),
            QCoreApplication.translate("Progress", "Demo shop"),
            QCoreApplication.translate("Progress", "Building the demo shop (once a day)…"),
            parent)
    except Cancelled:
        raise KeyboardInterrupt from None     # the program stops as with Ctrl+C; no file was opened
