"""Phone numbers: normalising, the mainland check, and masking for receipts."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .errors import InvalidInput

_MAINLAND = re.compile(r"^1[3-9]\d{9}$")
_TYPED = re.compile(r"^\+?[\d\s\-().]*$")   # digits with the usual separators; a letter is a typo, never dropped


@dataclass(frozen=True)
class CheckedPhone:
    number: str
    is_mainland: bool  # False means "allowed, with a warning" (SPEC §1)


def clean_text(text: str | None) -> str:
    """Typed text in one canonical form (NFKC: full-width letters and digits become ASCII).

    Text that is not valid Unicode (a lone surrogate, pasted from a broken source) is the
    typed error ``text.invalid``, never a crash further down.
    """
    raw = text or ""
    try:
        raw.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput("text.invalid") from None
    return unicodedata.normalize("NFKC", raw)


def normalise_phone(text: str) -> str:
    """One canonical form whatever was typed: NFKC (``１３８`` -> ``138``), ASCII digits only,
    separators of any kind dropped, a leading ``+`` kept and a +86 prefix dropped."""
    raw = clean_text(text).strip()
    plus = raw.startswith("+")
    digits = re.sub(r"[^0-9]", "", raw)
    if plus and digits.startswith("86") and len(digits) == 13:
        return digits[2:]
    return ("+" if plus else "") + digits


def check_phone(text: str) -> CheckedPhone:
    """Validate a typed phone number; mainland mobiles are 11 digits from 1."""
    if not _TYPED.match((text or "").strip()):
        raise InvalidInput("phone.invalid", phone=text)
    number = normalise_phone(text)
    digits = number.lstrip("+")
    if len(digits) < 5 or len(digits) > 15:
        raise InvalidInput("phone.invalid", phone=text)
    return CheckedPhone(number, bool(_MAINLAND.match(number)))


def mask_phone(number: str | None) -> str:
    """``13812345678`` -> ``138****5678``; short or foreign numbers keep the tail."""
    if not number:
        return ""
    digits = number.lstrip("+")
    if len(digits) >= 11:
        return number[: len(number) - 8] + "****" + number[-4:]
    if len(digits) > 4:
        return "*" * (len(number) - 4) + number[-4:]
    return number
