"""The encryption commands: ``encrypt`` turns a plain shop file into an encrypted one,
``unlock`` keeps the owner's recovery key on this computer (a new computer, a reset
credential store).

``cmd_encrypt`` and ``cmd_unlock`` take plain arguments and raise the shop's typed
errors, so the command line prints one line and exits 2; ``add_encrypt_command``
wires them into argparse as ``cli_print.add_print_commands`` does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from .cli_login import check_owner, login_options
from .errors import InvalidInput, SalonError
from .keystore import KeyStore, Where, normalise_recovery_key
from .progress import measured

if TYPE_CHECKING:
    from .db.encrypt_shop import Encrypted


def make_keystore() -> KeyStore:
    """The key store of this computer (tests replace this function)."""
    return KeyStore()


def cmd_encrypt(path: str | Path, backup_dir: str | Path | None = None,
                keystore: KeyStore | None = None) -> Encrypted:
    """Encrypt the closed shop file ``path`` (see ``encrypt_shop_file``), a bar on a terminal
    following the four passes over the file."""
    from .db.encrypt_shop import encrypt_shop_file
    with measured("encrypting", unit="B") as bar:
        return encrypt_shop_file(path, backup_dir, keystore or make_keystore(), progress=bar.report)


def cmd_unlock(path: str | Path, recovery_key: str, keystore: KeyStore | None = None) -> Where:
    """Check ``recovery_key`` opens the encrypted shop file ``path`` and keep it on this computer."""
    from .db.encryption import check_key
    path = Path(path)
    if not path.exists():
        raise InvalidInput("file.not_found", path=str(path))
    key = normalise_recovery_key(recovery_key)
    check_key(path, key)        # db.wrong_key, or db.not_encrypted for a plain file: nothing kept
    keystore = keystore or make_keystore()
    return keystore.put(path, key)


def encrypt_report(done: Encrypted) -> str:
    """What the owner reads after ``salon-desk encrypt``: the recovery key first."""
    where = ("the operating system's credential store" if done.kept_in == "keyring"
             else "a key file readable only by this user")
    lines = [
        f"The shop file {done.path} is now encrypted.",
        "",
        "RECOVERY KEY (write it down or print it, and keep it away from this computer):",
        "",
        f"    {done.recovery_key}",
        "",
        "Without it the shop file and its backups cannot be opened on another computer,"
        " or here once this computer's key store is lost.",
        ("The same recovery key as before is used." if done.reused_key else
         "salon-desk does not show it again."),
        f"On this computer the key is kept in {where} ({done.store_name}),"
        " so salon-desk starts without asking for it.",
    ]
    if done.kept_in == "file":
        lines.append("No credential store answered: anyone who can log in as this user, or who"
                     " copies that key file, can open the shop.")
    lines += ["", f"The plain backup taken first: {done.backup}"]
    if done.plain_copies:
        lines.append("These copies are NOT encrypted; delete them once salon-desk has opened"
                     " the encrypted shop:")
        lines += [f"  {copy}" for copy in done.plain_copies]
    return "\n".join(lines)


def _ask_recovery_key() -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise SalonError("cli.missing_value", option="--key")
    return input("recovery key: ")


def _run_encrypt(args: argparse.Namespace) -> int:
    check_owner(Path(args.db), args.user)      # only the owner encrypts the shop's file
    print(encrypt_report(cmd_encrypt(args.db, args.backup_dir)))
    return 0


def _run_unlock(args: argparse.Namespace) -> int:
    where = cmd_unlock(args.db, args.key or _ask_recovery_key())
    print(f"the key of {args.db} is kept on this computer ("
          + ("credential store" if where == "keyring" else "key file") + ")")
    return 0


def add_encrypt_command(sub: Any, db_option: Callable[[argparse.ArgumentParser], None]) -> None:
    """Add ``encrypt`` and ``unlock`` to the subparsers ``sub`` (each sets ``handler``)."""
    encrypt = sub.add_parser("encrypt", help="encrypt the shop file (a plain backup is taken first)")
    db_option(encrypt)
    encrypt.add_argument("--backup-dir", type=Path,
                         help="where the backup taken first goes (default: backups/ beside the file)")
    login_options(encrypt)
    encrypt.set_defaults(handler=_run_encrypt)

    unlock = sub.add_parser("unlock", help="type the owner's recovery key to open an encrypted "
                                           "shop file on this computer")
    db_option(unlock)
    unlock.add_argument("--key", help="the recovery key (asked for if omitted)")
    unlock.set_defaults(handler=_run_unlock)
