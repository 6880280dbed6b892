"""Printing on the thermal (ESC/POS) printer without holding up the counter.

A job is built on the window's thread (a few milliseconds: layout and bytes)
and sent from Qt's thread pool; the result comes back as a signal on the
window's thread. The sale is already stored when a receipt prints, so a
printer that is off or out of paper costs nothing but a sentence and a
reprint: ``PrintRun.message`` says what happened in the cashier's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from ..errors import PrinterProblem, SalonError
from ..settings_registry import SETTINGS
from . import errors_text

if TYPE_CHECKING:
    from ..printer_setup import PrinterConfig
    from ..reports import escpos_jobs

PRINTER_KEYS = tuple(key for key in SETTINGS if key.startswith("printer."))


def printer_config(shop: Any) -> PrinterConfig:
    """The printer settings in force (read through the front door)."""
    from ..printer_setup import config_from_settings     # loaded with the first print, not at start
    return config_from_settings({key: shop.settings.value(key) for key in PRINTER_KEYS})


def uses_thermal(shop: Any) -> bool:
    return printer_config(shop).escpos


@dataclass(frozen=True)
class PrintRun:
    """How a job went: ``ok``; the drawer opened; a sentence for the cashier."""

    job: escpos_jobs.Job
    ok: bool
    drawer_opened: bool
    message: str
    error: SalonError | None = None


class _Signals(QObject):
    sent = Signal(object, object)     # job, Sent or SalonError: turned into sentences on the window's thread


class _Send(QRunnable):
    def __init__(self, config: PrinterConfig, job: escpos_jobs.Job, signals: _Signals) -> None:
        super().__init__()
        self.config = config
        self.job = job
        self.signals = signals

    def run(self) -> None:
        outcome: object
        try:
            from ..reports import escpos_jobs      # the printer's modules load with the first job
            outcome = escpos_jobs.run(self.config, self.job)
        except SalonError as error:
            outcome = error
        except Exception as error:   # noqa: BLE001 - a printer must never take the counter down
            outcome = PrinterProblem("printer.failed", printer=self.config.address, reason=str(error))
        self.signals.sent.emit(self.job, outcome)


def finished_run(job: escpos_jobs.Job, outcome: object) -> PrintRun:
    """A job's outcome in the cashier's words."""
    if isinstance(outcome, SalonError):
        return failed_run(job, outcome)
    text = QCoreApplication.translate("Thermal", "{title} printed.").format(title=job.title)
    if getattr(outcome, "paper_low", False):
        text += " " + QCoreApplication.translate("Thermal", "The paper roll is nearly finished.")
    return PrintRun(job, True, job.opens_drawer, text)


def failed_run(job: escpos_jobs.Job, error: SalonError) -> PrintRun:
    opened = bool(error.params.get("drawer_opened"))
    text = errors_text.message(error)
    if opened:
        text += " " + QCoreApplication.translate("Thermal", "The cash drawer was opened.")
    return PrintRun(job, False, opened, text, error)


class ThermalPrinter(QObject):
    """Sends jobs from the thread pool, one at a time per printer object; ``finished`` on the window's thread."""

    finished = Signal(object)     # PrintRun

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)          # one printer, one job at a time, in order
        self.signals = _Signals(self)
        self.signals.sent.connect(self._sent)
        self.busy = 0

    def send(self, config: PrinterConfig, job: escpos_jobs.Job) -> None:
        self.busy += 1
        self.pool.start(_Send(config, job, self.signals))

    def _sent(self, job: escpos_jobs.Job, outcome: object) -> None:
        self.busy -= 1
        self.finished.emit(finished_run(job, outcome))

    def wait(self, msecs: int = 10_000) -> bool:
        """Block until the queued jobs are sent (tests and closing the window)."""
        return self.pool.waitForDone(msecs)


def build_or_report(build: Callable[[], escpos_jobs.Job], report: Callable[[str], None]) -> escpos_jobs.Job | None:
    """The job, or None after reporting why it could not be laid out (a bad setting)."""
    try:
        return build()
    except SalonError as error:
        report(errors_text.message(error))
        return None
