"""The composition root: Qt application, font, translators, the shop file, setup or login, the window.

The only module that imports every layer. ``run`` is what ``salon-desk``
and ``python main.py`` call; ``build_main_window`` builds the window for
tests without entering the event loop.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from typing import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from shiboken6 import isValid

from .db import Shop
from .errors import DatabaseProblem, SalonError
from .records import StaffInfo
from .keystore import KeyStore, normalise_recovery_key
from .ui import errors_text
from .ui.data_safety import BooksCheckRun
from .ui.db_problem import DatabaseProblemDialog
from .ui.recovery_key import RecoveryKeyDialog
from .ui.i18n import DEFAULT_LANGUAGE, install_language, register_font
from .ui.login_dialog import LoginDialog, SetupDialog
from .ui.main_window import MainWindow

log = logging.getLogger(__name__)

DAILY_JOBS_INTERVAL_MS = 30 * 60 * 1000   # the jobs are idempotent; the backup runs once a day


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


def start_books_check(window: MainWindow, shop: Shop) -> BooksCheckRun | None:
    """Today's check of the books, on another thread (a minute on a big file); recorded for the owner,
    whose window shows a strip when something is broken."""
    running = getattr(window, "books_run", None)
    if shop.read_only or (running is not None and running.isRunning()) or not shop.books_check_due():
        return None
    run = BooksCheckRun(shop.books_checker())

    def finished(found: object) -> None:
        if not isValid(window) or shop.db.is_closed():
            return                       # the window or the shop closed meanwhile
        if isinstance(found, list):
            try:
                shop.record_books_check(found)
            except (SalonError, OSError) as problem:
                log.warning("the books' check could not be recorded: %s", problem)
        else:
            log.warning("the books' check failed: %s", found)
        window.update_status()
    run.done.connect(finished)
    window.books_run = run
    run.start()
    return run


def run_daily_jobs(window: MainWindow, shop: Shop) -> None:
    try:
        result = shop.run_daily_jobs(backup=True, check_books=False)
    except (SalonError, OSError) as problem:      # a failed backup must not stop the counter
        log.warning("daily jobs failed: %s", problem)
        window.statusBar().showMessage(QCoreApplication.translate("App", "Daily backup failed: {problem}")
                                       .format(problem=str(problem)), 60_000)
        return
    failed = result.get("backup_failed")
    if isinstance(failed, SalonError):            # reported, the counter goes on; tried again next start
        log.warning("daily backup failed: %s", failed)
        window.statusBar().showMessage(QCoreApplication.translate("App", "Daily backup failed: {problem}")
                                       .format(problem=errors_text.message(failed)), 0)
    if (result.get("lapsed") or result.get("resets")) and "counter" in window.pages:
        window.pages["counter"].refresh_visits()
    window.update_status()
    start_books_check(window, shop)


def start_daily_jobs(window: MainWindow, shop: Shop) -> QTimer:
    run_daily_jobs(window, shop)
    timer = QTimer(window)
    timer.setInterval(DAILY_JOBS_INTERVAL_MS)
    timer.timeout.connect(lambda: run_daily_jobs(window, shop))
    timer.start()
    return timer


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
            return Shop.open(path, keystore=keys, encrypt_new=keys.has_os_store())
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
        start_daily_jobs(window, shop)
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        shop.close()
