"""The owner encrypts a plain shop file from the window (Settings → Data safety), as
``salon-desk encrypt`` does: a plain backup first, then the encrypted copy checked and put in
place, behind a progress dialog whose Cancel leaves the file as it was. The recovery key is
shown once at the end; the plain copies the owner should delete are named."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..db.encrypt_shop import Encrypted
from ..errors import SalonError
from ..roles import Perm
from . import errors_text
from .ops import Ops
from .progress_dialog import Cancelled, run_with_progress
from .recovery_key import RecoveryKeyNotice
from .widgets import Confirm


def can_encrypt(ops: Ops) -> bool:
    """The owner, on a plain file this computer may write."""
    shop = ops.shop
    return ops.can(Perm.RESTORE) and not getattr(shop, "encrypted", False) and not getattr(shop, "read_only", False)


def question() -> str:
    return QCoreApplication.translate("EncryptShop", "Encrypt the shop file?\n\nA plain backup is taken first. Then an encrypted copy is written, "
               "checked and put in place of the file; on a file of many years this takes a few minutes, "
               "and the counter waits meanwhile. Cancel stops it before the file is replaced.\n\n"
               "At the end you are shown a recovery key: write it down and keep it away from this "
               "computer. Without it the shop file and its backups cannot be opened on another computer.")


def pass_text(step: str) -> str:
    """The encryption's pass under way, as the dialog says it."""
    texts = {
        "copying the shop file to a plain backup": QCoreApplication.translate("EncryptShop", "Step 1 of 4: copying the shop file to a plain backup"),
        "checking the backup": QCoreApplication.translate("EncryptShop", "Step 2 of 4: checking the backup (the bar waits while the whole file is read)"),
        "writing the encrypted copy": QCoreApplication.translate("EncryptShop", "Step 3 of 4: writing the encrypted copy"),
        "checking the encrypted copy": QCoreApplication.translate("EncryptShop", "Step 4 of 4: checking the encrypted copy (the bar waits while the whole file is read)"),
        "putting the encrypted file in place": QCoreApplication.translate("EncryptShop", "Putting the encrypted file in place…"),
    }
    return texts.get(step, step)


def encrypt_open_shop(parent: QWidget, ops: Ops, say: Callable[[str, bool], None]) -> bool:
    """Ask, encrypt, show the recovery key; ``say(text, ok)`` tells the outcome. True once encrypted."""
    shop, staff = ops.shop, ops.staff
    title = QCoreApplication.translate("EncryptShop", "Encrypt the shop file")
    if not Confirm.ask(parent, title, question()):
        return False

    def work(report: Callable[[int, int, str], None]) -> Encrypted:
        try:
            return shop.encrypt(staff, progress=report)
        finally:
            shop.close_connection()          # this worker's connection; the counter opens its own again
    shop.close_connection()                  # the counter's connection: the worker holds the file alone
    try:
        done = run_with_progress(work, title, QCoreApplication.translate("EncryptShop", "Encrypting the shop file {path}…").format(path=shop.path),
                                 parent, step_text=pass_text)
    except Cancelled:
        say(QCoreApplication.translate("EncryptShop", "The encryption was cancelled before the file was replaced: the shop file is as it was "
                "(not encrypted)."), False)
        return False
    except SalonError as error:
        say(errors_text.message(error), False)
        return False
    RecoveryKeyNotice.show_once(parent, done.recovery_key)
    copies = done.plain_copies
    if copies:
        text = QCoreApplication.translate("EncryptShop", "The shop file is encrypted. These backups are NOT encrypted; delete them "
                                          "once the shop has opened again: {files}").format(files="; ".join(str(c) for c in copies))
    else:
        text = QCoreApplication.translate("EncryptShop", "The shop file is encrypted.")
    say(text, True)
    return True
