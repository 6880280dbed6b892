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
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .cli_login import check_owner, login_options
from .errors import InvalidInput, SalonError
from .keystore import KeyStore, Where, new_recovery_key, normalise_recovery_key


def make_keystore() -> KeyStore:
    """The key store of this computer (tests replace this function)."""
    return KeyStore()


@dataclass(frozen=True)
class Encrypted:
    path: Path
    recovery_key: str
    kept_in: Where
    store_name: str
    backup: Path
    plain_copies: list[Path]
    reused_key: bool


def cmd_encrypt(path: str | Path, backup_dir: str | Path | None = None,
                keystore: KeyStore | None = None) -> Encrypted:
    """Encrypt the closed shop file ``path``, its key kept in ``keystore``.

    A key already kept for this file is used again (the owner's printed recovery
    key stays valid); otherwise a new recovery key is made. The key is kept before
    the file is touched, and forgotten again if the encryption fails.
    """
    from .db.encryption import encrypt_file, plain_copies
    path = Path(path)
    if not path.exists():
        raise InvalidInput("file.not_found", path=str(path))
    backup_dir = Path(backup_dir) if backup_dir is not None else path.parent / "backups"
    keystore = keystore or make_keystore()
    kept = keystore.get(path)
    key = kept or new_recovery_key()
    where = keystore.put(path, key)
    try:
        backup = encrypt_file(path, key, backup_dir)
    except BaseException:
        if kept is None:
            keystore.forget(path)
        raise
    return Encrypted(path=path, recovery_key=normalise_recovery_key(key), kept_in=where,
                     store_name=keystore.store_name(), backup=backup,
                     plain_copies=plain_copies(backup_dir), reused_key=kept is not None)


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
