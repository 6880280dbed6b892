"""Staff passwords as salted slow hashes (argon2id). Nothing else is stored."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from .errors import InvalidInput

MIN_LENGTH = 6
_HASHER = PasswordHasher()  # argon2id with the library's vetted defaults


def check_strength(password: str) -> None:
    if len(password or "") < MIN_LENGTH:
        raise InvalidInput("password.too_short", min=MIN_LENGTH)


def hash_password(password: str) -> str:
    check_strength(password)
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password or "")
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
