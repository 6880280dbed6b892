"""A shop file that cannot be opened: what happened, where the file is, what to do. Never a traceback."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import DatabaseProblem
from . import errors_text


def advice(problem: DatabaseProblem) -> str:
    advice_by_code = {
        "db.corrupt": QCoreApplication.translate("DatabaseProblem", "Do not delete it. Restore the newest backup from the backups "
                                           "folder beside it, or send the file to your support person."),
        "db.locked": QCoreApplication.translate("DatabaseProblem", "Close the other salon-desk window (or the program using the file), "
                                          "wait a moment and start again."),
        "db.newer_version": QCoreApplication.translate("DatabaseProblem", "Install the newest salon-desk on this computer, then start "
                                                 "again. The file was not changed."),
        "db.cannot_open": QCoreApplication.translate("DatabaseProblem", "Check that the folder exists and that you may write to it, "
                                               "or start salon-desk with another data folder."),
        "db.wrong_key": QCoreApplication.translate("DatabaseProblem", "Nothing was changed. Type the owner's recovery key (printed "
                                             "when the shop was encrypted); if the file is damaged, restore a backup."),
        "db.key_missing": QCoreApplication.translate("DatabaseProblem", "This happens on a new computer or after the computer's "
                                               "credential store was reset. Type the owner's recovery key; the file was not changed."),
        "db.not_encrypted": QCoreApplication.translate("DatabaseProblem", "Encrypt it again (the same recovery key is used), or ask "
                                                 "your support person."),
    }
    return advice_by_code.get(problem.code, advice_by_code["db.cannot_open"])


def problem_text(problem: DatabaseProblem) -> str:
    lines = [errors_text.message(problem),
             QCoreApplication.translate("DatabaseProblem", "File: {path}").format(path=problem.params.get("path", "")),
             advice(problem)]
    detail = problem.params.get("detail")
    if detail:
        lines.append(QCoreApplication.translate("DatabaseProblem", "Details: {detail}").format(detail=detail))
    return "\n\n".join(lines)


class DatabaseProblemDialog:
    @classmethod
    def ask(cls, parent: QWidget | None, problem: DatabaseProblem) -> bool:
        """Explain ``problem``; True when the owner asks to try again (a file locked for now)."""
        box = cls.box(parent, problem)
        box.exec()
        return box.clickedButton() is box.button(QMessageBox.StandardButton.Retry)

    @staticmethod
    def box(parent: QWidget | None, problem: DatabaseProblem) -> QMessageBox:
        buttons = QMessageBox.StandardButton.Close
        if problem.code in RETRYABLE:
            buttons |= QMessageBox.StandardButton.Retry
        return QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate(
            "DatabaseProblem", "salon-desk cannot open the shop file"), problem_text(problem),
            buttons, parent)


RETRYABLE = ("db.locked", "db.in_use")
