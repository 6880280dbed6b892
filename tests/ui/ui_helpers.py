"""Helpers for window tests: typing Chinese, answering the next modal dialog, PDFs printed to a file."""

from __future__ import annotations

import io
from typing import Callable

from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtPrintSupport import QPrinter
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


def pdf_text(data: bytes) -> str:
    """The text of a PDF as pypdf reads it back (what a reader's search finds)."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def pdf_layout_text(data: bytes) -> str:
    """The text of a PDF laid out by position, one printed line a line (pieces drawn one by one on a
    printer, as Qt's painter does, come back on their own line with plain extraction)."""
    return "\n".join(page.extract_text(extraction_mode="layout") for page in PdfReader(io.BytesIO(data)).pages)


def pdf_printer(path) -> QPrinter:
    """A printer that writes a PDF file: what a test gives the window instead of a real printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer
