"""The receipt step after a checkout: the summary (change, points) with 打印 (F8) and 预览.

F8 sends the receipt straight to the default printer, without a dialog;
预览 shows it with the print dialog and 保存 PDF. The summary stays on screen
either way, and Enter closes it.

With a thermal (ESC/POS) printer set up, the receipt prints as the step
opens, off the window's thread, and a sale paid partly in cash opens the
drawer. When that fails (printer off, paper out) the sentence says so and
F8 tries again, opening the drawer only if it has not opened yet; once the
receipt printed, F8 prints a copy marked 重印 that never opens the drawer.

After a checkout the customer may rate the visit 1-5 (★). The rating box takes
digits only while it has the focus (Tab, or a click on a star): with the focus
on 完成, as the step opens, a digit is the next customer's phone and goes to the
search, so typing a phone tail right after checkout is never taken as a rating.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from ..records import ReceiptRecord
from ..reports import escpos_jobs
from . import printing, thermal
from .receipt_summary import ReceiptSummaryDialog
from .widgets import Notice

PRINT_KEY = Qt.Key.Key_F8


class RatingBox(QFrame):
    """Five stars: a click, or 1-5 typed while the box has the focus, gives the rating (once).
    Any other key, and any digit once rated, goes on to the dialog (the next customer's search)."""

    def __init__(self, rate: Callable[[int], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rating_box")
        self.rate = rate
        self.rating: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)     # five stars side by side
        self.setStyleSheet("#rating_box { border: 2px solid transparent; border-radius: 4px; }"
                           "#rating_box:focus { border-color: #3b6ea8; background: #eef4fb; }"
                           "QToolButton { font-size: 20px; border: none; color: #c98a2b; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 2, 6, 2)
        row.setSpacing(2)
        self.stars: list[QToolButton] = []
        for n in range(1, 6):
            star = QToolButton(self)
            star.setText("☆")
            star.setObjectName(f"star_{n}")
            star.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            star.clicked.connect(lambda _checked=False, n=n: self.give(n))
            row.addWidget(star)
            self.stars.append(star)

    def give(self, n: int) -> bool:
        if self.rating is not None or not self.rate(n):
            return False
        self.rating = n
        for index, star in enumerate(self.stars, start=1):
            star.setText("★" if index <= n else "☆")
            star.setEnabled(False)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        digit = event.key() - Qt.Key.Key_0
        if self.rating is None and 1 <= digit <= 5 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.give(digit)
            event.accept()
            return
        event.ignore()          # on to the dialog: F8, Enter, or the next customer's search


class ReceiptStepDialog(ReceiptSummaryDialog):
    def __init__(self, shop, receipt: ReceiptRecord, reprint: bool = False, parent: QWidget | None = None,
                 rate: Callable[[int], bool] | None = None) -> None:
        super().__init__(receipt, reprint, parent)
        self.shop = shop
        self.rate = rate
        self.rating: int | None = None
        self.reprint = reprint
        self.printed = False
        self.typed_ahead: tuple | None = None     # the next customer's first keystroke, passed on to the search
        self.print_button = self.buttons.addButton(self.tr("Print receipt (F8)"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setObjectName("print_receipt")
        self.preview_button = self.buttons.addButton(self.tr("Preview…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.preview_button.setObjectName("preview_receipt")
        for button in (self.print_button, self.preview_button):
            button.setAutoDefault(False)             # Enter always means 完成
        self.print_button.clicked.connect(self.print_now)
        self.preview_button.clicked.connect(self.preview)
        self.status = QLabel()
        self.status.setObjectName("print_status")
        self.status.setWordWrap(True)
        self.layout().insertWidget(self.layout().indexOf(self.buttons), self.status)
        self.rating_label = QLabel()
        self.rating_label.setObjectName("counter_rating")
        self.rating_label.setStyleSheet("font-size: 14px;")
        self.rating_box: RatingBox | None = None
        if rate is not None:
            self.rating_label.setText(self.tr("The customer's rating (optional): Tab, then 1–5, or click a star"))
            self.rating_box = RatingBox(self._rated(rate), self)
            line = QHBoxLayout()
            line.addWidget(self.rating_label)
            line.addWidget(self.rating_box)
            line.addStretch(1)
            self.layout().insertLayout(self.layout().indexOf(self.status), line)
            QWidget.setTabOrder(self.done_button, self.rating_box)
        self.config = thermal.printer_config(shop)
        self.thermal: thermal.ThermalPrinter | None = None
        self.drawer_opened = False
        self.last_run: thermal.PrintRun | None = None
        if self.config.escpos:
            self.thermal = thermal.ThermalPrinter(self)
            self.thermal.finished.connect(self._thermal_done)
            if not reprint:
                self.print_now()          # the thermal receipt prints (and the drawer opens) at once

    def print_now(self) -> bool:
        """The one key: straight to the default printer; a sentence, never a crash, when it cannot."""
        if self.thermal is not None:
            return self._print_thermal()
        try:
            sent = printing.print_receipt_now(self.shop, self.receipt, self.reprint)
        except (OSError, ValueError) as problem:
            return self._report(self.tr("Could not print: {problem}").format(problem=str(problem)), False)
        if not sent:
            return self._report(self.tr("No default printer is set up. Use Preview… to choose a printer, "
                                        "or set a default printer in the system settings."), False)
        self.printed = True
        return self._report(self.tr("Receipt {no} sent to the printer.").format(no=self.receipt.receipt_no), True)

    def _print_thermal(self) -> bool:
        copy = self.printed or self.reprint        # a second paper copy is a reprint: marked, no drawer
        job = thermal.build_or_report(lambda: escpos_jobs.receipt_job(
            self.config, self.receipt, reprint=copy, printed_at=self.shop.now() if copy else None),
            lambda text: self._report(text, False))
        if job is None or self.thermal is None:
            return False
        if self.drawer_opened:
            job = replace(job, opens_drawer=False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Printing receipt {no}…").format(no=self.receipt.receipt_no))
        self.thermal.send(self.config, job)
        return True

    def _thermal_done(self, run: thermal.PrintRun) -> None:
        self.last_run = run
        self.drawer_opened = self.drawer_opened or run.drawer_opened
        if run.ok:
            self.printed = True
            self._report(run.message, True)
        else:
            self._report(run.message + " " + self.tr("The sale is saved: press F8 to print again."), False)

    def finish_printing(self) -> None:
        """Wait for a receipt still on its way (a couple of seconds at most) and tell a failure in a box."""
        if self.thermal is None or not self.thermal.busy:
            return
        self.thermal.wait()
        QCoreApplication.processEvents()
        if self.last_run is not None and not self.last_run.ok:
            Notice.show(self.parentWidget(), self.windowTitle(), self.status.text())

    def preview(self) -> None:
        if printing.preview_receipt(self, self.shop, self.receipt, self.reprint):
            self.printed = True
            self._report(self.tr("Receipt {no} sent to the printer.").format(no=self.receipt.receipt_no), True)
        self.done_button.setFocus()

    def _report(self, text: str, ok: bool) -> bool:
        self.status.setText(text)
        self.status.setStyleSheet("color: #1b6e20;" if ok else "color: #b00020; font-weight: bold;")
        self.done_button.setFocus()
        return ok

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == PRINT_KEY:
            self.print_now()
            return
        if self.closes_on_typing(event):
            return
        super().keyPressEvent(event)

    def _rated(self, rate: Callable[[int], bool]) -> Callable[[int], bool]:
        def given(n: int) -> bool:
            if not rate(n):
                return False
            self.rating = n
            self.rating_label.setText(self.tr("The customer's rating: {stars} ({n} of 5) — thank you!").format(
                stars="★" * n + "☆" * (5 - n), n=n))
            self.rating_label.setStyleSheet("font-size: 14px; color: #1b6e20;")
            self.done_button.setFocus()          # Enter closes; the next digit is the next customer's
            return True
        return given

    def closes_on_typing(self, event: QKeyEvent) -> bool:
        """After a checkout, typing the next customer's phone or name closes the receipt and goes on in the
        counter's search box (the keystroke is not lost). Digits rate only in the focused rating box."""
        text = event.text()
        if self.reprint or len(text) != 1 or not text.isalnum() or event.modifiers() & ~(
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier):
            return False
        self.typed_ahead = (event.key(), event.modifiers(), text)
        self.accept()
        return True

    def forward_typed_ahead(self) -> None:
        """Once the receipt is closed and the counter has put the focus back, the keystroke lands there."""
        if self.typed_ahead is None:
            return
        key, modifiers, text = self.typed_ahead
        parent = self.parentWidget()

        def forward() -> None:
            # the counter's window first: the application's focus may still be on this closed dialog
            target = (parent.window().focusWidget() if parent is not None else None) or QApplication.focusWidget()
            if target is None or target.window() is self:
                return
            if target is not None:
                QApplication.sendEvent(target, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))
        QTimer.singleShot(0, forward)

    @classmethod
    def ask(cls, parent: QWidget | None, shop, receipt: ReceiptRecord, reprint: bool = False,
            rate: Callable[[int], bool] | None = None) -> None:
        dialog = cls(shop, receipt, reprint, parent, rate)
        dialog.exec()
        dialog.finish_printing()
        dialog.forward_typed_ahead()


def run_receipt_step(parent: QWidget | None, shop, receipt: ReceiptRecord, reprint: bool = False,
                     rate: Callable[[int], bool] | None = None) -> None:
    """Show ``receipt`` with its change and points, ready to print. ``reprint`` marks a copy (重印);
    ``rate`` records the customer's 1-5 typed as one digit (after a checkout only)."""
    ReceiptStepDialog.ask(parent, shop, receipt, reprint=reprint, rate=rate)
