"""Encrypting a plain shop file under the owner's recovery key, the key kept on this computer:
one function for the command line (``salon-desk encrypt``) and the window (the owner's
"Encrypt the shop file…", through ``Shop.encrypt``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import InvalidInput
from ..keystore import KeyStore, Where, new_recovery_key, normalise_recovery_key
from .encryption import Progress, encrypt_file, plain_copies


@dataclass(frozen=True)
class Encrypted:
    path: Path
    recovery_key: str
    kept_in: Where
    store_name: str
    backup: Path
    plain_copies: list[Path]
    reused_key: bool


def encrypt_shop_file(path: str | Path, backup_dir: str | Path | None, keystore: KeyStore,
                      progress: Progress | None = None) -> Encrypted:
    """Encrypt the closed shop file ``path``, its key kept in ``keystore``.

    A key already kept for this file is used again (the owner's printed recovery
    key stays valid); otherwise a new recovery key is made. The key is kept before
    the file is touched, and forgotten again if the encryption fails or is cancelled
    (``progress`` raising).
    """
    path = Path(path)
    if not path.exists():
        raise InvalidInput("file.not_found", path=str(path))
    backups = Path(backup_dir) if backup_dir is not None else path.parent / "backups"
    kept = keystore.get(path)
    key = kept or new_recovery_key()
    where = keystore.put(path, key)
    try:
        backup = encrypt_file(path, key, backups, progress)
    except BaseException:
        if kept is None:
            keystore.forget(path)
        raise
    return Encrypted(path=path, recovery_key=normalise_recovery_key(key), kept_in=where,
                     store_name=keystore.store_name(), backup=backup,
                     plain_copies=plain_copies(backups), reused_key=kept is not None)
