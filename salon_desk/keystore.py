"""Where the key of an encrypted shop file is kept, and the owner's recovery key.

One secret per shop: the **recovery key**, 20 random bytes written for people
as nine groups of four letters and digits (``7KQM-3XTA-…-CHCK``), the last
group a check on the others so a mistyped key is caught before it is tried
on the file. It is printed once for the owner at set-up. The SQLCipher key of
the file is derived from it (:func:`database_key`), so the recovery key typed
on a new computer opens the file and every backup made from it.

So that the cashier's daily start needs no typing, the recovery key is kept
on this computer by :class:`KeyStore`:

* in the operating system's credential store through ``keyring`` (Windows
  Credential Manager, the macOS Keychain, the Secret Service of GNOME or KDE)
  when a real one answers;
* otherwise in a key file of the user's configuration folder, readable by
  that user only (0600 in a 0700 folder on Linux and macOS; the profile's own
  permissions on Windows), never beside the shop file or in its backups folder.

What that protects: the shop file or a backup copied on its own (a lost USB
stick, a cloud copy of the data folder, a stolen backup disk) cannot be read.
What it does not protect: anyone who can log in as the shop's user on this
computer, or who takes the whole disk of a computer whose user has no login
password, can start salon-desk and read the file; with the key file fallback
they can also copy the key file. Only the recovery key written on paper gets
the data back if this computer is lost.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import unicodedata
from pathlib import Path
from typing import Literal, Protocol

from .errors import InvalidInput

SERVICE = "salon-desk"
SECRET_BYTES = 20                       # 160 bits: 32 base32 characters
GROUP = 4
_CHECK_CHARS = 4
_KEY_CHARS = SECRET_BYTES * 8 // 5 + _CHECK_CHARS
_DERIVATION = b"salon-desk sqlcipher key v1\x00"
# Characters people confuse with the base32 letters (which use no 0, 1 or 8).
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})

Where = Literal["keyring", "file"]


class Backend(Protocol):
    """The part of a ``keyring`` backend the key store uses."""

    def get_password(self, service: str, username: str) -> str | None: ...

    def set_password(self, service: str, username: str, password: str) -> None: ...

    def delete_password(self, service: str, username: str) -> None: ...


# -- the recovery key --------------------------------------------------------------------------

def _check_group(secret: bytes) -> str:
    digest = hashlib.sha256(b"salon-desk recovery check\x00" + secret).digest()
    return base64.b32encode(digest)[:_CHECK_CHARS].decode("ascii")


def _grouped(chars: str) -> str:
    return "-".join(chars[i:i + GROUP] for i in range(0, len(chars), GROUP))


def new_recovery_key() -> str:
    """A fresh random recovery key, e.g. ``7KQM-3XTA-…`` (nine groups of four)."""
    secret = secrets.token_bytes(SECRET_BYTES)
    return _grouped(base64.b32encode(secret).decode("ascii") + _check_group(secret))


def _secret(text: str) -> bytes:
    # NFKC: a Chinese input method may type full-width letters and digits
    chars = "".join(ch for ch in unicodedata.normalize("NFKC", text).upper()
                    if ch.isalnum()).translate(_LOOKALIKES)
    if len(chars) != _KEY_CHARS:
        raise InvalidInput("key.mistyped", length=len(chars), expected=_KEY_CHARS)
    body, check = chars[:-_CHECK_CHARS], chars[-_CHECK_CHARS:]
    try:
        secret = base64.b32decode(body)
    except ValueError:
        raise InvalidInput("key.mistyped", length=len(chars), expected=_KEY_CHARS) from None
    if not secrets.compare_digest(_check_group(secret), check):
        raise InvalidInput("key.mistyped", length=len(chars), expected=_KEY_CHARS)
    return secret


def normalise_recovery_key(text: str) -> str:
    """The recovery key as printed, from what a person typed.

    Case, spaces, dashes and full-width characters do not matter, and 0/1/8 are read as O/I/B.
    Raises :class:`InvalidInput` ``key.mistyped`` when the length or the check group is wrong.
    """
    secret = _secret(text)
    return _grouped(base64.b32encode(secret).decode("ascii") + _check_group(secret))


def database_key(recovery_key: str) -> str:
    """The SQLCipher raw key (``x'<64 hex digits>'``) of the file kept by ``recovery_key``.

    The recovery key has 160 random bits, so no slow password stretching is
    needed: opening the file stays instant.
    """
    return "x'" + hashlib.sha256(_DERIVATION + _secret(recovery_key)).hexdigest() + "'"


# -- keeping it on this computer ---------------------------------------------------------------

def default_key_dir() -> Path:
    """``keys`` in the user's configuration folder (roaming on Windows), never inside the data
    folder that holds the shop file and its backups (on macOS the two are one folder: then a
    ``salon-desk-keys`` folder beside it)."""
    from platformdirs import user_config_path

    from .paths import data_dir
    keys = user_config_path(SERVICE, appauthor=False, roaming=True) / "keys"
    data = data_dir()
    if keys == data or data in keys.parents:
        keys = data.parent / f"{SERVICE}-keys"
    return keys


def _entry(path: str | Path) -> str:
    """The name a shop's key is kept under: its file's absolute path."""
    return os.path.normcase(str(Path(path).expanduser().resolve()))


def _usable(backend: object) -> bool:
    """A real credential store: not keyring's fail/null backends, not a plain-file one."""
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")):
        return False
    try:
        priority = float(getattr(backend, "priority", 0))
    except Exception:       # keyring computes some priorities by probing the system
        return False
    return priority > 0


class KeyStore:
    """The recovery keys of the shop files used on this computer, by file path.

    ``backend`` is a ``keyring`` backend (default: the one keyring selects);
    ``use_keyring=False`` keeps keys in files only. ``key_dir`` is the folder of
    the key files (default :func:`default_key_dir`).
    """

    def __init__(self, key_dir: str | Path | None = None, backend: Backend | None = None,
                 use_keyring: bool = True) -> None:
        self._key_dir = Path(key_dir) if key_dir is not None else None
        self._backend = backend
        self._use_keyring = use_keyring
        self._checked: bool | None = None

    @property
    def key_dir(self) -> Path:
        """The folder of the key files, found when first needed (opening a plain file never asks)."""
        if self._key_dir is None:
            self._key_dir = default_key_dir()
        return self._key_dir

    # the credential store

    def _keyring(self) -> Backend | None:
        """The credential store if a real one answers, else None (checked once)."""
        if not self._use_keyring:
            return None
        if self._checked is None:
            backend = self._backend
            if backend is None:
                try:
                    import keyring
                    backend = keyring.get_keyring()
                except Exception:       # keyring missing or its discovery failing
                    backend = None
            ok = False
            if backend is not None and _usable(backend):
                try:                                    # a locked or absent D-Bus session fails here
                    backend.get_password(SERVICE, "salon-desk probe")
                    ok = True
                except Exception:
                    ok = False
            self._backend, self._checked = backend, ok
        return self._backend if self._checked else None

    def has_os_store(self) -> bool:
        """True when the operating system's credential store is used (else the key file)."""
        return self._keyring() is not None

    def store_name(self) -> str:
        """What keeps the keys, for messages: the keyring backend's name or the key folder."""
        backend = self._keyring()
        if backend is None:
            return str(self.key_dir)
        return str(getattr(backend, "name", type(backend).__name__))

    # the key files

    def _file(self, path: str | Path) -> Path:
        digest = hashlib.sha256(_entry(path).encode("utf-8")).hexdigest()[:32]
        return self.key_dir / f"{digest}.key"

    def _read_file(self, path: str | Path) -> str | None:
        try:
            data = json.loads(self._file(path).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict) or data.get("shop") != _entry(path):
            return None
        key = data.get("key")
        return key if isinstance(key, str) else None

    def _write_file(self, path: str | Path, key: str) -> None:
        self.key_dir.mkdir(parents=True, exist_ok=True)
        os.chmod(self.key_dir, 0o700)
        target = self._file(path)
        partial = target.with_suffix(f".{secrets.token_hex(4)}.tmp")
        text = json.dumps({"shop": _entry(path), "key": key}, ensure_ascii=False)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(partial, 0o600)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)

    # the three operations

    def get(self, path: str | Path) -> str | None:
        """The recovery key kept for the shop file ``path``, or None."""
        backend = self._keyring()
        if backend is not None:
            try:
                found = backend.get_password(SERVICE, _entry(path))
            except Exception:
                found = None
            if isinstance(found, str) and found:
                return found
        return self._read_file(path)

    def put(self, path: str | Path, key: str) -> Where:
        """Keep ``key`` (a recovery key) for ``path``; returns where it went.

        Raises :class:`InvalidInput` ``key.mistyped`` for a key that is not a recovery key.
        """
        key = normalise_recovery_key(key)
        backend = self._keyring()
        if backend is not None:
            try:
                backend.set_password(SERVICE, _entry(path), key)
            except Exception:
                pass
            else:
                self._file(path).unlink(missing_ok=True)    # no stale copy left on disk
                return "keyring"
        self._write_file(path, key)
        return "file"

    def where(self, path: str | Path) -> Where | None:
        """Where the key of ``path`` is kept now, or None."""
        backend = self._keyring()
        if backend is not None:
            try:
                if backend.get_password(SERVICE, _entry(path)):
                    return "keyring"
            except Exception:
                pass
        return "file" if self._read_file(path) is not None else None

    def forget(self, path: str | Path) -> None:
        """Remove the key of ``path`` from this computer (nothing happens when there is none)."""
        backend = self._keyring()
        if backend is not None:
            try:
                backend.delete_password(SERVICE, _entry(path))
            except Exception:           # keyring raises PasswordDeleteError when absent
                pass
        self._file(path).unlink(missing_ok=True)
