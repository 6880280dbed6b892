"""The command line acts as a logged-in staff member, as the window does (SPEC §9).

``--user`` names the staff member (or ``SALON_DESK_USER``); the password is
asked at the terminal, or read from ``SALON_DESK_PASSWORD`` for scripts. It
is never an option: an option is visible to everyone who lists the processes.
"""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Any

from .errors import SalonError
from .records import Session

USER_VARIABLE = "SALON_DESK_USER"
PASSWORD_VARIABLE = "SALON_DESK_PASSWORD"


def login_options(parser: Any) -> None:
    parser.add_argument("--user", help=f"act as this staff member (or set {USER_VARIABLE}); the password is "
                                       f"asked, or read from {PASSWORD_VARIABLE}")


def _ask(label: str, secret: bool) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise SalonError("cli.login_required", variable=PASSWORD_VARIABLE if secret else USER_VARIABLE)
    try:
        return getpass.getpass(f"{label}: ") if secret else input(f"{label}: ")
    except EOFError:                        # Ctrl+D at the prompt: the person stopped
        print(file=sys.stderr)
        raise SalonError("cli.no_answer") from None


def cli_login(shop: Any, user: str | None) -> Session:
    """Log in to ``shop`` as ``user`` (or the environment's), asking for the password if needed."""
    user = user or os.environ.get(USER_VARIABLE) or _ask("staff user name", secret=False)
    password = os.environ.get(PASSWORD_VARIABLE)
    if password is None:
        password = _ask(f"password for {user}", secret=True)
    session: Session = shop.staff.login(user, password)
    return session


def check_owner(path: Path, user: str | None) -> None:
    """Only the owner replaces or encrypts the shop file: checked by logging in to it.

    A file that cannot be opened (damaged, missing) has no staff to check against: the
    damaged-file dialog sends the owner here to restore, and the backup is theirs.
    """
    from .db import Shop
    from .errors import DatabaseProblem, PermissionDenied
    from .roles import Role
    if not path.exists() or path.stat().st_size == 0:
        return None          # nothing to open (and opening would create it): the command says so
    try:
        shop = Shop.open(path, run_jobs=False)
    except DatabaseProblem:
        return None
    with shop:
        if shop.staff.needs_setup():
            return None
        session = cli_login(shop, user)
        if session.role != Role.OWNER.value:
            raise PermissionDenied("perm.denied", perm="owner", role=session.role)
    return None
