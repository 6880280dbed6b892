"""Search keys of a customer, computed once on save and stored indexed.

The counter finds a customer by phone tail, whole phone, part of the name,
pinyin initials (``zs`` for 张三) or full pinyin. A surname gets every reading
pypinyin knows for it (``heteronym=True``: 宓 mi and fu, 阚 kan and han), the
table's surname readings first, since people type either.

pypinyin loads its phrase dictionary on import (+85 MiB, tens of ms), and only
saving a name needs it: searching uses the stored keys. So it is imported on the
first name saved, not with this module.
"""

from __future__ import annotations

import re
from functools import lru_cache

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


def _heteronyms(char: str) -> list[str]:
    """Every reading pypinyin knows for one character (宓: mi, fu), or [] for a non-Han character."""
    from pypinyin import Style, pinyin
    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="ignore", v_to_u=False)
    readings = found[0] if found else []
    return [r.lower().replace("ü", "v") for r in readings if r and r.isascii() and r.isalpha()]


def _readings(name: str) -> list[list[str]]:
    """Every plausible syllable list of ``name``: the table's surname readings first (they order the
    results), then each reading pypinyin knows for a one-character surname, then the common reading."""
    for surname in sorted(SURNAME_READINGS, key=len, reverse=True):
        if name.startswith(surname):
            break
    else:
        surname = ""
    if not surname and len(name) > 1:
        surname = name[0]
    if not surname:
        return [_syllables(name)]
    rest = _syllables(name[len(surname):]) if len(name) > len(surname) else []
    heads = [[r] for r in SURNAME_READINGS.get(surname, ())]
    if len(surname) == 1:
        heads += [[r] for r in _heteronyms(surname)]
    variants: list[list[str]] = []
    for head in heads:
        if head + rest not in variants:
            variants.append(head + rest)
    common = _syllables(name)
    if common not in variants:
        variants.append(common)
    return variants


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
        initials = (INITIALS + query, INITIALS + query + "\uffff", False)
        if len(query) == 1:       # one letter begins a name's initials exactly when it begins its full pinyin
            return [initials]
        return [initials, (FULL + query, FULL + query + "\uffff", False)]
    return [(NAME + query, NAME + query + "\x00", False)]


@lru_cache(maxsize=4096)
def _item_spellings(name: str) -> tuple[str, str]:
    """An item name's pinyin initials and full pinyin (``补水护理``: ``bshl``, ``bushuihuli``)."""
    syllables = _syllables("".join(name.split()).lower())
    return "".join(s[0] for s in syllables if s), "".join(syllables)


def item_matches(query: str, code: str, name: str) -> bool:
    """Does what the cashier typed find this catalogue item: part of its code or name, or (letters
    only) part of the name's pinyin initials or full pinyin, as customers are found."""
    typed = "".join((query or "").split()).lower()
    if not typed:
        return True
    if typed in code.lower() or typed in "".join(name.split()).lower():
        return True
    if typed.isascii() and typed.isalpha():
        initials, full = _item_spellings(name)
        return typed in initials or typed in full
    return False
