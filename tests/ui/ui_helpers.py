"""Helpers for window tests: typing Chinese, answering the next modal dialog."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_chinese(widget: QWidget, text: str) -> None:
    """Commit ``text`` as an input method would (QTest cannot type Chinese)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def answer_next_dialog(qtbot, dialog_type: type, answer: Callable[[QWidget], None], timeout_ms: int = 5000) -> list:
    """When a modal ``dialog_type`` opens, call ``answer(dialog)``; returns a list holding the dialog."""
    seen: list = []
    waited = [0]

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, dialog_type) and modal.isVisible():
            seen.append(modal)
            answer(modal)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen
