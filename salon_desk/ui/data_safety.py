"""The owner's view of the books' safety: the nightly check's findings, "verify now", restore a backup.

- :class:`BooksBanner`: a red strip under the title for the owner when the last check of the
  books (nightly, or the owner's own) found something broken, with what to do and a
  "Verify now" button.
- :class:`DataSafetyBox`: on the settings page; when the books were last checked, "Verify now"
  with its result, and "Restore a backup…" (the same checks as ``salon-desk restore``; shows
  what the backup holds and asks; keeps the replaced file; refused while another program has
  the file open). After a restore the counter locks: the staff of the restored file log in.
  "Back up now" writes a copy to the backups folder behind a progress dialog (pages copied,
  on a worker thread with its own connection; Cancel leaves no file); the restore shows the
  bytes copied in a dialog without Cancel (a file half-replaced is never left).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QApplication, QFileDialog, QFrame, QGroupBox, QHBoxLayout, QLabel, QProgressDialog, QPushButton, QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..audit_chain import ALTERED, CUT_SHORT, MISSING, OUT_OF_CHAIN, UNSEALED
from ..db.backup import BackupSummary
from ..db.ledger_check import BooksCheck, Broken
from ..errors import SalonError
from ..roles import Perm
from . import errors_text
from .ops import Ops
from .encrypt_shop import can_encrypt, encrypt_open_shop
from .progress_dialog import Cancelled, run_with_progress
from .widgets import Confirm


def chain_sentence(broken: Broken) -> str:
    chain = broken.chain
    if chain is None:
        return QCoreApplication.translate("DataSafety", "The audit log does not hold together: {detail}").format(detail=broken.detail)
    how = {
        ALTERED: QCoreApplication.translate("DataSafety", "was changed after it was written"),
        MISSING: QCoreApplication.translate("DataSafety", "follows an entry that was removed"),
        UNSEALED: QCoreApplication.translate("DataSafety", "was added outside salon-desk"),
        OUT_OF_CHAIN: QCoreApplication.translate("DataSafety", "does not follow the entry before it"),
        CUT_SHORT: QCoreApplication.translate("DataSafety", "is gone or was rewritten since it was written down "
                                                            "outside the file (the log was cut short)"),
    }.get(chain.kind, chain.kind)
    return QCoreApplication.translate("DataSafety", "The audit log was tampered with: entry {entry} (written {at}) {how}. "
              "The entries up to {last} are intact.").format(entry=chain.entry_id, at=chain.at[:16], how=how,
                                                            last=chain.after_id)


def problem_sentence(broken: Broken) -> str:
    """One broken check in the owner's language (the technical detail kept for the support person)."""
    if broken.check == "audit":
        return chain_sentence(broken)
    text = {
        "file": QCoreApplication.translate("DataSafety", "The shop file is damaged ({detail})."),
        "receipts": QCoreApplication.translate("DataSafety", "Receipt numbers are not continuous ({detail})."),
        "payments": QCoreApplication.translate("DataSafety", "A sale's payments do not add up to its amount due ({detail})."),
        "stored value": QCoreApplication.translate("DataSafety", "A stored-value card's balances do not follow its entries ({detail})."),
        "points": QCoreApplication.translate("DataSafety", "Points do not agree with the points ledger ({detail})."),
    }.get(broken.check, "{detail}")
    return text.format(detail=broken.detail)


def what_to_do(found: tuple[Broken, ...] | list[Broken]) -> str:
    if any(b.check == "file" for b in found):
        return QCoreApplication.translate("DataSafety", "What to do: stop taking sales, then restore the newest backup from before the problem "
                  "(Settings → Data safety → Restore a backup…; the damaged file is kept), and tell your "
                  "support person.")
    return QCoreApplication.translate("DataSafety", "What to do: nothing is lost from the counter's view, but someone changed the shop file "
              "outside salon-desk. Do not delete anything; keep today's backup, note who had access to "
              "this computer, and show this message to your support person. \"Verify now\" checks again.")


def check_text(check: BooksCheck | None) -> str:
    if check is None:
        return QCoreApplication.translate("DataSafety", "The books have not been checked yet (the first check runs tonight, or press \"Verify now\").")
    who = QCoreApplication.translate("DataSafety", "the nightly check") if check.nightly else QCoreApplication.translate("DataSafety", "your check")
    when = check.at.strftime("%Y-%m-%d %H:%M")
    if not check.problems:
        return QCoreApplication.translate("DataSafety", "The books held at {who} on {when}: the file, receipt numbers, payments, stored value, "
                  "points and the audit log.").format(who=who, when=when)
    return QCoreApplication.translate("DataSafety", "{who} on {when} found:").format(who=who[:1].upper() + who[1:], when=when)


def result_text(check: BooksCheck | None) -> str:
    lines = [check_text(check)]
    if check is not None and check.problems:
        lines += ["• " + problem_sentence(b) for b in check.problems]
        lines.append(what_to_do(check.problems))
    return "\n".join(lines)


class BooksCheckRun(QThread):
    """The check of the books on its own thread (and its own connection to the file): on a big shop
    file it takes a minute, and the counter keeps working meanwhile. ``done`` carries the broken
    checks found (a list), or the exception that stopped the check."""

    done = Signal(object)
    running: set["BooksCheckRun"] = set()     # kept alive until finished, whatever closes meanwhile

    def __init__(self, check: Callable[[], list[Broken]]) -> None:
        super().__init__(None)
        self.check = check
        BooksCheckRun.running.add(self)
        self.finished.connect(lambda: BooksCheckRun.running.discard(self))
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)       # never cut off at exit

    def run(self) -> None:
        try:
            found: object = self.check()
        except Exception as exc:          # reported where the result is shown
            found = exc
        self.done.emit(found)


def verify_now(ops: Ops, parent: QWidget, show: Callable[[BooksCheck | None, str], None]) -> BooksCheckRun | None:
    """Check the books now on another thread; ``show(check, "")`` with the check as recorded (so the
    banner follows it), or ``show(None, why)`` when it could not run."""
    checker = ops.query(parent, lambda: ops.shop.audit.checker(ops.staff))
    if checker is None:
        return None
    run = BooksCheckRun(checker)

    def finished(found: object) -> None:
        if not isValid(parent) or ops.shop.ctx.db.is_closed():
            return                       # the window closed meanwhile
        if not isinstance(found, list):
            show(None, str(found))
            return
        if getattr(ops.shop, "read_only", False):
            show(BooksCheck(ops.shop.now(), False, tuple(found)), "")
            return
        ops.run(parent, lambda: ops.shop.audit.record_check(ops.staff, found))
        show(ops.query(parent, lambda: ops.shop.audit.last_check(ops.staff)), "")
    run.done.connect(finished)
    run.start()
    return run


def checking_text() -> str:
    return QCoreApplication.translate("DataSafety", "Checking the books… (about a minute on a big shop file; "
                                                    "the counter keeps working)")


class BooksBanner(QFrame):
    """The owner's red strip: what the last check of the books found and what to do."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("books_banner")
        self.setStyleSheet("QFrame#books_banner { background: #b3261e; } QLabel { color: white; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        self.text = QLabel()
        self.text.setObjectName("books_text")
        self.text.setWordWrap(True)
        self.text.setStyleSheet("font-weight: bold;")
        row.addWidget(self.text, 1)
        self.verify = QPushButton(QCoreApplication.translate("DataSafety", "Verify now"))
        self.verify.setObjectName("books_verify")
        self.verify.clicked.connect(self.verify_now)
        row.addWidget(self.verify, 0, Qt.AlignmentFlag.AlignTop)
        self.ops: Ops | None = None
        self.run: BooksCheckRun | None = None
        self.hide()

    def refresh(self, ops: Ops) -> None:
        self.ops = ops
        check = None
        if ops.can(Perm.AUDIT):
            check = ops.query(self, lambda: ops.shop.audit.last_check(ops.staff), show=lambda _: None)
        self.show_check(check)

    def show_check(self, check: BooksCheck | None) -> None:
        if check is None or not check.problems:
            self.hide()
            return
        self.text.setText(result_text(check))
        self.show()

    def verify_now(self) -> None:
        if self.ops is None:
            return
        self.verify.setEnabled(False)
        self.text.setText(checking_text())
        self.run = verify_now(self.ops, self, self._checked)
        if self.run is None:
            self.verify.setEnabled(True)

    def _checked(self, check: BooksCheck | None, why: str) -> None:
        self.verify.setEnabled(True)
        if why:
            self.text.setText(why)
            return
        self.show_check(check)


def choose_backup(parent: QWidget, folder: Path) -> Path | None:
    """The backup file the owner picks (replaced in tests)."""
    name, _ = QFileDialog.getOpenFileName(parent, QCoreApplication.translate("DataSafety", "Restore a backup"), str(folder),
                                          QCoreApplication.translate("DataSafety", "Shop backups (*.sqlite);;All files (*)"))
    return Path(name) if name else None


def summary_text(summary: BackupSummary, shop_path: Path) -> str:
    if summary.last_receipt_no:
        last = QCoreApplication.translate("DataSafety", "last receipt {receipt} ({when})").format(
            receipt=summary.last_receipt_no,
            when=summary.last_sale_at.strftime("%Y-%m-%d %H:%M") if summary.last_sale_at else "")
    else:
        last = QCoreApplication.translate("DataSafety", "no sales")
    return QCoreApplication.translate("DataSafety", "Replace the shop file with this backup?\n\n{name}\nwritten {written}: {last}, {sales} sales, "
              "{customers} customers.\n\nEverything recorded since then is no longer in the books; the file "
              "replaced now is kept in the backups folder beside {shop}. The counter locks afterwards: "
              "log in with the restored file's accounts.").format(
        name=summary.path.name, written=summary.written_at.strftime("%Y-%m-%d %H:%M"), last=last,
        sales=summary.sales, customers=summary.customers, shop=shop_path.name)


def restore_progress(parent: QWidget) -> QProgressDialog:
    """The restore's dialog: the bytes of the backup copied; no Cancel (said in the dialog)."""
    dialog = QProgressDialog(parent)
    dialog.setObjectName("restore_progress")
    dialog.setWindowTitle(QCoreApplication.translate("DataSafety", "Restore a backup"))
    dialog.setLabelText(QCoreApplication.translate("DataSafety", "Checking the backup, then copying it over the shop file…\n"
                                                                 "This cannot be cancelled once it has started replacing the file."))
    dialog.setCancelButton(None)
    dialog.setRange(0, 0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return dialog


def show_step(dialog: QProgressDialog, done: int, total: int) -> None:
    """One step of the restore's copy: the bar moves and paints. The restore runs on the window's own
    thread (it closes and reopens the window's connection): only painting is let through meanwhile."""
    dialog.setMaximum(max(total, 1))
    dialog.setValue(min(done, total))
    dialog.repaint()
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


class DataSafetyBox(QGroupBox):
    """Settings → Data safety (the owner): the last check, "Verify now", "Restore a backup…"."""

    def __init__(self, ops: Ops, parent: QWidget | None = None,
                 after_restore: Callable[[], None] | None = None) -> None:
        super().__init__(QCoreApplication.translate("DataSafety", "Data safety"), parent)
        self.setObjectName("data_safety")
        self.ops = ops
        self.after_restore = after_restore
        self.run: BooksCheckRun | None = None
        column = QVBoxLayout(self)
        self.result = QLabel()
        self.result.setObjectName("books_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column.addWidget(self.result)
        row = QHBoxLayout()
        self.verify = QPushButton(QCoreApplication.translate("DataSafety", "Verify now"))
        self.verify.setObjectName("verify_now")
        self.verify.clicked.connect(self.verify_now)
        self.restore = QPushButton(QCoreApplication.translate("DataSafety", "Restore a backup…"))
        self.restore.setObjectName("restore_backup")
        self.restore.clicked.connect(self.restore_backup)
        self.restore.setVisible(ops.can(Perm.RESTORE))
        self.backup = QPushButton(QCoreApplication.translate("DataSafety", "Back up now"))
        self.backup.setObjectName("backup_now")
        self.backup.clicked.connect(self.backup_now)
        self.backup.setVisible(ops.can(Perm.BACKUP))
        self.encrypt = QPushButton(QCoreApplication.translate("DataSafety", "Encrypt the shop file…"))
        self.encrypt.setObjectName("encrypt_shop")
        self.encrypt.clicked.connect(self.encrypt_shop)
        self.encrypt.setVisible(can_encrypt(ops))
        row.addWidget(self.verify)
        row.addWidget(self.backup)
        row.addWidget(self.restore)
        row.addWidget(self.encrypt)
        row.addStretch(1)
        column.addLayout(row)
        self.restore_result = QLabel()
        self.restore_result.setObjectName("restore_result")
        self.restore_result.setWordWrap(True)
        column.addWidget(self.restore_result)
        self.load()

    def load(self) -> None:
        check = self.ops.query(self, lambda: self.ops.shop.audit.last_check(self.ops.staff), show=lambda _: None)
        self.result.setText(result_text(check))

    def verify_now(self) -> None:
        self.verify.setEnabled(False)
        self.result.setText(checking_text())
        self.run = verify_now(self.ops, self, self._checked)
        if self.run is None:
            self.verify.setEnabled(True)
            self.load()

    def _checked(self, check: BooksCheck | None, why: str) -> None:
        self.verify.setEnabled(True)
        if why:
            self.result.setText(why)
            return
        self.result.setText(result_text(check))
        window = self.window()
        if hasattr(window, "books_banner"):
            window.books_banner.show_check(check)

    def _say(self, text: str) -> None:
        self.restore_result.setStyleSheet("color: #b3261e;")
        self.restore_result.setText(text)

    def backup_now(self) -> None:
        """A copy of the shop file in the backups folder now, behind a progress dialog that counts the
        pages copied. The copy runs on a worker thread (its own connection to the file, closed after);
        Cancel stops it and no file is left."""
        shop, staff = self.ops.shop, self.ops.staff

        def work(report: Callable[[int, int, str], None]) -> Path:
            try:
                return shop.backups.backup_now(staff, progress=report)
            finally:
                shop.ctx.db.close()          # this thread's connection only (peewee keeps one per thread)
        try:
            made = run_with_progress(work, QCoreApplication.translate("DataSafety", "Back up now"),
                                     QCoreApplication.translate("DataSafety", "Copying the shop file to the backups folder…"),
                                     self)
        except Cancelled:
            self.restore_result.setStyleSheet("")
            self.restore_result.setText(QCoreApplication.translate("DataSafety", "The backup was cancelled; no file was written."))
            return
        except SalonError as error:
            self._say(errors_text.message(error))
            return
        self.restore_result.setStyleSheet("color: #1b6e20;")
        self.restore_result.setText(QCoreApplication.translate("DataSafety", "Backup written: {path}").format(path=made))

    def encrypt_shop(self) -> None:
        def say(text: str, ok: bool) -> None:
            self.restore_result.setStyleSheet("color: #1b6e20;" if ok else "")
            self.restore_result.setText(text)
        if encrypt_open_shop(self, self.ops, say):
            self.encrypt.setVisible(False)

    def restore_backup(self) -> None:
        shop = self.ops.shop
        backup = choose_backup(self, Path(shop.backup_dir))
        if backup is None:
            return
        summary = self.ops.query(self, lambda: shop.inspect_backup(self.ops.staff, backup), show=self._say)
        if summary is None:
            return
        if not Confirm.ask(self, QCoreApplication.translate("DataSafety", "Restore a backup"), summary_text(summary, Path(shop.path))):
            self.restore_result.setStyleSheet("")
            self.restore_result.setText(QCoreApplication.translate("DataSafety", "Nothing was restored."))
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        dialog = restore_progress(self)
        try:
            kept = shop.restore(self.ops.staff, backup, progress=lambda done, total, text: show_step(dialog, done, total))
        except SalonError as error:
            self._say(QCoreApplication.translate("DataSafety", "Another program has the shop file open (a second counter, or a command): close it "
                         "there, then restore again. Nothing was changed.") if error.code == "db.in_use"
                      else errors_text.message(error))
            return
        finally:
            dialog.close()
            dialog.deleteLater()
            QApplication.restoreOverrideCursor()
        self.restore_result.setStyleSheet("color: #1b6e20;")
        self.restore_result.setText(
            QCoreApplication.translate("DataSafety", "Restored from {name}.").format(name=backup.name)
            + (" " + QCoreApplication.translate("DataSafety", "The replaced file is kept as {kept}.").format(kept=kept) if kept else ""))
        message = self.restore_result.text()
        if self.after_restore is not None:
            self.after_restore()
        window = self.window()
        if hasattr(window, "after_restore"):
            window.after_restore(message)


__all__ = ["BooksBanner", "DataSafetyBox", "problem_sentence", "result_text"]
