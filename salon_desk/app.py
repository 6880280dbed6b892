"""The composition root: Qt application, font, translators, the shop file, setup or login, the window.

The only module that imports every layer. ``run`` is what ``salon-desk``
and ``python main.py`` call; ``build_main_window`` builds the window for
tests without entering the event loop.
"""

from __future__ import annotations

import gc
import logging
import sys
import traceback
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from .db import Shop
from .errors import DatabaseProblem, SalonError
from .records import StaffInfo
from .keystore import KeyStore, normalise_recovery_key
from .ui import errors_text
from .ui.daily_jobs import Checkpoints, DailyJobs, after_first_paint, damage_of
from .ui.db_problem import DatabaseProblemDialog
from .ui.recovery_key import RecoveryKeyDialog
from .ui.i18n import DEFAULT_LANGUAGE, install_language, register_font
from .ui.login_dialog import LoginDialog, SetupDialog
from .ui.main_window import MainWindow

log = logging.getLogger(__name__)



def demo_logins() -> list[tuple[str, str, str]]:
    try:
        from .db.demo import DEMO_LOGINS
    except ImportError:
        return []
    return list(DEMO_LOGINS)


def application(argv: Sequence[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv else sys.argv[:1])
    app.setApplicationName("salon-desk")
    app.setOrganizationName("salon-desk")
    register_font(app)
    return app


def demo_builder(language: str | None = None) -> Callable[[Path], object]:
    """Builds the demo shop behind a progress dialog, the application and its language set up first."""
    def build(path: Path) -> object:
        application()
        install_language(language or DEFAULT_LANGUAGE)
        from .ui.progress_dialog import build_demo_in_window
        return build_demo_in_window(path)
    return build


def build_main_window(shop: Shop, staff: StaffInfo, language: str | None = None) -> MainWindow:
    """The main window for ``staff``, translated, not shown; tests drive it directly."""
    language = language or shop.settings.value("ui.language") or DEFAULT_LANGUAGE
    install_language(language)
    return MainWindow(shop, staff, language_changer=install_language, language=language)


def report_daily_jobs(window: MainWindow, result: object) -> None:
    """What the daily jobs did, told in the window: a failed backup in the status bar, a damaged
    file in the red banner; the counter refreshed when members lapsed or points were reset."""
    if isinstance(result, (SalonError, OSError)):      # a failed backup must not stop the counter
        log.warning("daily jobs failed: %s", result)
        text = errors_text.message(result) if isinstance(result, SalonError) else str(result)
        window.statusBar().showMessage(QCoreApplication.translate("App", "Daily backup failed: {problem}")
                                       .format(problem=text), 60_000)
        return
    if not isinstance(result, dict):
        return
    damage = damage_of(result)
    if damage is not None:
        log.error("the shop file is damaged: %s", damage)
        window.show_damage(DatabaseProblem("db.corrupt", path=str(window.shop.path), detail=damage))
    failed = result.get("backup_failed")
    if isinstance(failed, SalonError):            # reported, the counter goes on; tried again next start
        log.warning("daily backup failed: %s", failed)
        window.statusBar().showMessage(QCoreApplication.translate("App", "Daily backup failed: {problem}")
                                       .format(problem=errors_text.message(failed)), 0)
    if (result.get("lapsed") or result.get("resets")) and "counter" in window.pages:
        window.pages["counter"].refresh_visits()
    window.update_status()


def run_daily_jobs(window: MainWindow, shop: Shop) -> None:
    """The daily jobs run here and now (on this thread), then reported in the window."""
    result: object
    try:
        result = shop.run_daily_jobs(backup=True)
    except (SalonError, OSError) as problem:
        result = problem
    report_daily_jobs(window, result)


def collect_again() -> None:
    """The counter is painted: what the start built stays for the program's life, so it is set
    aside from the cyclic collector (``gc.freeze``), which is turned back on for what comes next."""
    gc.freeze()
    gc.enable()


def start_daily_jobs(window: MainWindow, shop: Shop) -> DailyJobs:
    """The daily jobs, started on a worker thread once the counter is painted and every half hour."""
    jobs = DailyJobs(shop, window)
    jobs.finished.connect(lambda result: report_daily_jobs(window, result))
    if not getattr(shop, "read_only", False):     # a file this computer may not write: nothing to run
        after_first_paint(window, jobs.start)
    return jobs


def _excepthook(kind, value, tb) -> None:
    """An unexpected error: a short message for the cashier, the details in the log, keep running."""
    log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, value, tb)))
    if QApplication.instance() is not None:
        QMessageBox.critical(None, QCoreApplication.translate("App", "Unexpected error"),
                             QCoreApplication.translate("App", "Something unexpected went wrong: {error}\n\n"
                                                               "Nothing was saved by this step. If it happens "
                                                               "again, tell your support person.")
                             .format(error=str(value) or kind.__name__))


def open_shop(path: Path) -> Shop | None:
    """The shop file opened (a new one encrypted where the computer has a credential store); an
    encrypted file this computer keeps no key for asks for the owner's recovery key; other problems
    are explained in a dialog and give None."""
    keys = KeyStore()
    while True:
        try:
            # no daily jobs here: they run after the counter is painted (start_daily_jobs); the
            # credential store is asked only for a new file (an existing plain one needs no key)
            new = not (path.exists() and path.stat().st_size > 0)
            return Shop.open(path, keystore=keys, encrypt_new=new and keys.has_os_store(), run_jobs=False)
        except DatabaseProblem as problem:
            if problem.code in ("db.key_missing", "db.wrong_key"):
                key = RecoveryKeyDialog.ask(None, str(path))
                if key is not None:
                    keys.put(path, normalise_recovery_key(key))
                    continue
            if DatabaseProblemDialog.ask(None, problem):
                continue              # the other program let go of the file: try again
            return None


def run(db_path: str | Path, demo: bool = False, language: str | None = None,
        argv: Sequence[str] | None = None) -> int:
    """Open the shop file at ``db_path`` and run the window until it closes; the exit code."""
    app = application(argv)
    install_language(language or DEFAULT_LANGUAGE)
    shop = open_shop(Path(db_path))
    if shop is None:
        return 2
    previous_hook, sys.excepthook = sys.excepthook, _excepthook
    jobs: DailyJobs | None = None
    checkpoints: Checkpoints | None = None
    try:
        language = language or shop.settings.value("ui.language") or DEFAULT_LANGUAGE
        install_language(language)
        if shop.staff.needs_setup():
            staff = SetupDialog.ask(None, shop)
        else:
            staff = LoginDialog.ask(None, shop, demo_logins() if demo else ())
        if staff is None:
            return 0
        window = build_main_window(shop, staff, language)
        window.showMaximized()
        after_first_paint(window, collect_again)
        jobs = start_daily_jobs(window, shop)
        if not getattr(shop, "read_only", False):
            checkpoints = Checkpoints(shop, window)      # the log copied off the counter's thread
            checkpoints.begin()
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        if jobs is not None:
            jobs.stop()           # a file check under way is interrupted before the file closes
        if checkpoints is not None:
            checkpoints.stop()
        shop.close()
