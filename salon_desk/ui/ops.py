"""One path for every change the window makes (after Anki's ``CollectionOp``).

Call the shop; on a :class:`SalonError` show its sentence in the user's
language and change nothing; on success broadcast which parts of the shop
changed so each page refreshes itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..errors import SalonError
from ..records import StaffInfo
from ..roles import Perm, allows
from . import errors_text

# What a change touched; pages refresh when one of theirs is in the set.
CUSTOMERS = "customers"
VISITS = "visits"
SALES = "sales"
CATALOGUE = "catalogue"
STAFF = "staff"
SETTINGS = "settings"


def show_error_box(parent: QWidget | None, text: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Ops", "Cannot do this"), text)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    value: Any = None
    error: SalonError | None = None
    message: str = ""


class Ops(QObject):
    """Runs actions on the shop for one logged-in staff member."""

    changed = Signal(object)      # frozenset of scopes above
    failed = Signal(str)          # the translated sentence

    def __init__(self, shop, staff: StaffInfo, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.shop = shop
        self.staff = staff
        # Tests replace this so no modal box ever blocks a run.
        self.error_presenter: Callable[[QWidget | None, str], None] = show_error_box
        self.last_message = ""

    def can(self, perm: Perm) -> bool:
        """Whether to offer a control; the core checks again on every call."""
        return allows(self.staff.role, perm)

    def run(self, parent: QWidget | None, action: Callable[[], Any], *, changes: Iterable[str] = (),
            show: Callable[[str], None] | None = None) -> Outcome:
        """Do ``action``; report its error (to ``show`` or a message box) or broadcast ``changes``."""
        try:
            value = action()
        except SalonError as error:
            return self._fail(parent, error, show)
        self.last_message = ""
        changed = frozenset(changes)
        if changed:
            self.changed.emit(changed)
        return Outcome(True, value)

    def query(self, parent: QWidget | None, action: Callable[[], Any],
              show: Callable[[str], None] | None = None, default: Any = None) -> Any:
        """A read: its value, or ``default`` after showing why it failed."""
        outcome = self.run(parent, action, show=show)
        return outcome.value if outcome.ok else default

    def _fail(self, parent, error: SalonError, show) -> Outcome:
        text = errors_text.message(error)
        self.last_message = text
        if show is not None:
            show(text)
        else:
            self.error_presenter(parent, text)
        self.failed.emit(text)
        return Outcome(False, None, error, text)
