"""The one family of errors the shop raises.

Each error carries a stable ``code`` and its ``params``; no user prose lives
in the core. The window and the command line turn the code into a sentence
in the user's language in one place each.
"""

from __future__ import annotations

from typing import Any


class SalonError(Exception):
    """Base of every error the shop's rules raise on purpose."""

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params = params
        detail = ", ".join(f"{k}={v!r}" for k, v in sorted(params.items()))
        super().__init__(f"{code}({detail})" if detail else code)


class InvalidInput(SalonError):
    """A value typed by a person is not acceptable (bad phone, negative price...)."""


class NotFound(SalonError):
    """The customer, visit, sale, item or staff member does not exist."""


class Conflict(SalonError):
    """The request contradicts what is stored (duplicate phone, second refund...)."""


class PermissionDenied(SalonError):
    """The acting staff member's role does not allow this."""


class AuthenticationFailed(SalonError):
    """Wrong password, unknown user, or a locked account."""


class PaymentProblem(SalonError):
    """Tenders do not cover the amount due, or overpay where change is impossible."""


class DatabaseProblem(SalonError):
    """The shop file cannot be opened: corrupt, locked, or from a newer version."""


class PrinterProblem(SalonError):
    """The receipt printer cannot be reached or cannot print (off, paper out, unplugged)."""
