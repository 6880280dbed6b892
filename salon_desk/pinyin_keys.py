"""Search keys of a customer, computed once on save and stored indexed.

The counter finds a customer by phone tail, whole phone, part of the name,
pinyin initials (``zs`` for 张三) or full pinyin. Surnames with a special
reading get both the surname reading and the common one, since people type
either.

pypinyin loads its phrase dictionary on import (+85 MiB, tens of ms), and only
saving a name needs it: searching uses the stored keys. So it is imported on the
first name saved, not with this module.
"""

from __future__ import annotations

import re

from .phone import clean_text, normalise_phone

# Surname readings that differ from the character's everyday reading.
SURNAME_READINGS: dict[str, tuple[str, ...]] = {
    "单": ("shan",),
    "曾": ("zeng",),
    "解": ("xie",),
    "仇": ("qiu",),
    "区": ("ou",),
    "朴": ("piao",),
    "覃": ("qin",),
    "乐": ("yue", "le"),
    "查": ("zha",),
    "盖": ("ge",),
    "尉迟": ("yuchi",),
    "万俟": ("moqi",),
    "长孙": ("zhangsun",),
    "吕": ("lv", "lu"),
    "缪": ("miao",),
    "秘": ("bi",),
    "种": ("chong",),
    "员": ("yun",),
    "繁": ("po",),
    "召": ("shao",),
    "祭": ("zhai",),
    "翟": ("zhai",),
    "重": ("chong",),
}

# Key prefixes: one key table holds every kind of key.
TAIL, PHONE, NAME, INITIALS, FULL = "t:", "p:", "n:", "i:", "f:"


def _syllables(text: str) -> list[str]:
    from pypinyin import lazy_pinyin
    return [s.lower().replace("ü", "v") for s in lazy_pinyin(text, errors="default", v_to_u=False)]


def _readings(name: str) -> list[list[str]]:
    """Every plausible syllable list of ``name`` (surname variants first)."""
    for surname in sorted(SURNAME_READINGS, key=len, reverse=True):
        if name.startswith(surname):
            rest = _syllables(name[len(surname):]) if len(name) > len(surname) else []
            variants = [[reading] + rest for reading in SURNAME_READINGS[surname]]
            common = _syllables(name)
            if common not in variants:
                variants.append(common)
            return variants
    return [_syllables(name)]


def name_keys(name: str) -> set[str]:
    name = "".join((name or "").split()).lower()
    if not name:
        return set()
    keys = {NAME + name[i:j] for i in range(len(name)) for j in range(i + 1, min(len(name), i + 8) + 1)}
    for syllables in _readings(name):
        keys.add(INITIALS + "".join(s[0] for s in syllables if s))
        keys.add(FULL + "".join(syllables))
    return keys


def phone_keys(phone: str | None) -> set[str]:
    if not phone:
        return set()
    digits = normalise_phone(phone).lstrip("+")
    return {PHONE + digits, TAIL + digits[-4:]}


def customer_keys(name: str, phone: str | None) -> set[str]:
    """All keys stored for one customer."""
    return name_keys(name) | phone_keys(phone)


def query_ranges(text: str) -> list[tuple[str, str, bool]]:
    """Turn what the cashier typed into key ranges ``(low, high, exact_phone)``.

    Each range is searched as ``low <= key < high`` so the key index is used.
    """
    typed = clean_text(text).lower()
    # only digits, letters and CJK count (NFKC first: full-width digits are digits)
    query = "".join(ch for ch in typed if ch.isalnum() or ch == "+")
    query = query[:1] + query[1:].replace("+", "")
    if not query.lstrip("+"):
        return []
    if re.fullmatch(r"\+?[0-9]+", query):
        digits = normalise_phone(query).lstrip("+")
        ranges = [(PHONE + digits, PHONE + digits + "\uffff", len(digits) >= 11)]
        if len(digits) == 4:
            ranges.append((TAIL + digits, TAIL + digits + "\x00", False))
        return ranges
    if query.isascii() and query.isalpha():
        return [
            (INITIALS + query, INITIALS + query + "\uffff", False),
            (FULL + query, FULL + query + "\uffff", False),
        ]
    return [(NAME + query, NAME + query + "\x00", False)]
