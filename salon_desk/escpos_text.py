"""Text for a thermal printer in Chinese mode: what it can print, how wide it is, and its bytes.

A receipt printer in Chinese mode prints a byte below 0x80 as a half-width
character (12 dots at the standard font) and a GB double-byte (or GB18030
four-byte) character as a full-width one (24 dots). So a line's width is
counted from its encoding, not from Unicode's East Asian width: ``×``, ``·``
and ``…`` are "ambiguous" in Unicode but take two columns on the paper.

Every text goes through :func:`clean` before it is laid out: the replacement
rules turn what the shop types into what the printer can print, and whatever
is left that the printer's font cannot draw is dropped (emoji, invisible
marks, control bytes) or masked. :func:`encode` then refuses anything that
slipped through, so nothing ever prints as ``?`` or as garbage.

Code pages:

- ``gbk``: the double-byte GBK set (GB2312 plus 喆 堃 赟 玥 珺 ...).
- ``gb18030``: GBK plus CJK Extension A (U+3400-4DBF), the part of the
  four-byte area that a GB18030-certified printer font must draw. Extension B
  and beyond (𠮷) are encodable but no printer font has them: masked.
- ``raster``: what the bundled WenQuanYi subset draws when the receipt is
  sent as a picture: GBK characters in the font's ranges.

A customer's name with a character outside the code page prints in the
masked form (``王*``), as the receipt already masks the phone: the bundled
font has no glyph for such characters either, so a picture would print a box.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

CodePage = Literal["gbk", "gb18030", "raster"]
CODE_PAGES: tuple[CodePage, ...] = ("gb18030", "gbk", "raster")
TEXT_MASK = "□"        # in GBK (A1F5): "a character that could not be printed", as in print
NAME_MASK = "*"        # a name prints masked, like the phone on the same line

# Unicode that the shop types but the paper should show otherwise (applied before the check).
REPLACEMENTS: dict[str, str] = {
    "\u00a5": "\uffe5",    # ¥ -> ￥: GB18030 makes ¥ a four-byte code GBK fonts print as garbage
    "\u2014": "-",         # — em dash: two columns in GBK fonts, a Western code page elsewhere
    "\u2013": "-",         # – en dash
    "\u2015": "-",         # ― horizontal bar
    "\u2012": "-",         # ‒ figure dash
    "\u2212": "-",         # − minus sign
    "\u2010": "-",         # ‐ hyphen
    "\u2011": "-",         # non-breaking hyphen
    "\u00a0": " ",         # no-break space
    "\u2002": " ", "\u2003": " ", "\u2009": " ", "\u202f": " ",
    "\t": " ",
    "\u20ac": "EUR",       # € is 0x80 in Windows' GBK and A2E3 in GB18030: printers disagree
}

# Ranges of the bundled font (resources/fonts/README.md): what a raster receipt can draw.
RASTER_RANGES: tuple[tuple[int, int], ...] = (
    (0x0020, 0x007E), (0x00A0, 0x00FF), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2500, 0x25FF),
    (0x3000, 0x303F), (0x4E00, 0x9FFF), (0xFF00, 0xFFEF),
)
EXT_A = (0x3400, 0x4DBF)
# Closing punctuation that must not begin a line (禁则), and opening that must not end one.
NO_LINE_START = frozenset("，。、；：！？）」』】》〉”’%,.;:!?)]}")


class UnprintableText(ValueError):
    """Text given to :func:`encode` holds characters the code page cannot print (a bug: clean first)."""

    def __init__(self, chars: str, code_page: str) -> None:
        self.chars = chars
        self.code_page = code_page
        names = ", ".join(f"U+{ord(c):04X}" for c in chars)
        super().__init__(f"not printable in {code_page}: {names}")


def _codec(code_page: CodePage) -> str:
    return "gb18030" if code_page == "gb18030" else "gbk"


def printable(char: str, code_page: CodePage) -> bool:
    """Whether the printer's font in ``code_page`` draws ``char`` (one character)."""
    point = ord(char)
    if point < 0x80:
        return 0x20 <= point < 0x7F
    if code_page == "raster" and not any(low <= point <= high for low, high in RASTER_RANGES):
        return False
    try:
        data = char.encode(_codec(code_page))
    except UnicodeEncodeError:
        return False
    if len(data) == 2:
        return data[0] >= 0x81
    return len(data) == 4 and code_page == "gb18030" and EXT_A[0] <= point <= EXT_A[1]


def _dropped(char: str) -> bool:
    """Emoji, pictographs and invisible marks: left out rather than masked."""
    point = ord(char)
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Mn", "Me", "Cs", "Co", "Cn"):
        return True        # controls (never send ESC from a note), zero-width joiners, selectors
    return (0x1F000 <= point <= 0x1FAFF or 0x2600 <= point <= 0x27BF or 0x2B00 <= point <= 0x2BFF
            or 0xFE00 <= point <= 0xFE0F or category == "So")


def clean(text: str, code_page: CodePage, mask: str = TEXT_MASK) -> str:
    """``text`` as the printer can print it, on one line.

    Line breaks become spaces, replacements apply (¥ -> ￥, — -> -), emoji and
    control or invisible characters are dropped, and any other character the
    code page lacks becomes ``mask``; the ends are trimmed.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", " ").replace("\n", " ").replace("\r", " "))
    out: list[str] = []
    dropped = False
    for char in text:
        char = REPLACEMENTS.get(char, char)
        if char == " " and dropped and out[-1:] == [" "]:
            continue                     # "好 😀 的" -> "好 的", not two spaces
        dropped = False
        if len(char) > 1 or printable(char, code_page):
            out.append(char)
        elif _dropped(char):
            dropped = True
        else:
            out.append(mask)
    return "".join(out).strip()


def clean_name(name: str, code_page: CodePage) -> str:
    """A person's name: every character the printer lacks masked with ``*`` (王𠮷 -> 王*)."""
    return clean(name, code_page, NAME_MASK)


def char_width(char: str) -> int:
    """Columns ``char`` takes on the paper: 1 for ASCII, 2 for a GB character."""
    return 1 if ord(char) < 0x80 else 2


def width(text: str) -> int:
    """Columns ``text`` takes on the paper (a Hanzi, ￥ and full-width punctuation are two)."""
    return sum(char_width(c) for c in text)


def encode(text: str, code_page: CodePage) -> bytes:
    """The bytes of ``text`` in the printer's code page; :class:`UnprintableText` if any cannot print."""
    bad = "".join(sorted({c for c in text if not printable(c, code_page)}))
    if bad:
        raise UnprintableText(bad, code_page)
    return text.encode(_codec(code_page))


# -- layout in columns -------------------------------------------------------------
def cut(text: str, cols: int) -> tuple[str, str]:
    """The longest head of ``text`` that fits in ``cols`` columns, and the rest."""
    used = 0
    for index, char in enumerate(text):
        used += char_width(char)
        if used > cols:
            return text[:index], text[index:]
    return text, ""


def _word_char(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char in ".,-+%")


def wrap(text: str, cols: int) -> list[str]:
    """``text`` broken into lines of at most ``cols`` columns.

    A Latin word or a number is not split when a space lets it move whole, and
    no line begins with closing punctuation such as ，。）.
    """
    if cols < 2:
        raise ValueError("a line needs at least two columns")
    lines: list[str] = []
    rest = text.strip()
    while rest:
        head, tail = cut(rest, cols)
        if tail:
            if _word_char(head[-1:]) and _word_char(tail[:1]):
                start = len(head)
                while start > 0 and _word_char(head[start - 1]):
                    start -= 1
                if start > 0:
                    head, tail = head[:start], head[start:] + tail
            while tail[:1] in NO_LINE_START and len(head) > 1:
                head, tail = head[:-1], head[-1] + tail
        lines.append(head.rstrip())
        rest = tail.lstrip(" ")
    return lines or [""]


def center(text: str, cols: int) -> list[str]:
    """Centred lines (left padding only: trailing spaces print nothing)."""
    return [" " * ((cols - width(line)) // 2) + line for line in wrap(text, cols)]


def right(text: str, cols: int) -> str:
    return " " * max(0, cols - width(text)) + text


def pair(left: str, value: str, cols: int, indent: int = 0) -> list[str]:
    """A label and a value flush right; a long label wraps above the value, a long value below it."""
    pad = " " * indent
    if width(value) > cols - indent:
        return [pad + line for line in wrap(left, cols - indent)] + [right(v, cols) for v in wrap(value, cols)]
    room = cols - indent - width(value) - 1
    lines = wrap(left, max(room, 2)) if room >= 2 else wrap(left, cols - indent) + [""]
    last = pad + lines[-1]
    out = [pad + line for line in lines[:-1]]
    out.append(last + " " * (cols - width(last) - width(value)) + value)
    return out


@dataclass(frozen=True)
class Cell:
    text: str
    at: int            # a left cell starts at this column; a right cell ends at it
    align: Literal["left", "right"] = "left"


def columns(cells: list[Cell], cols: int) -> list[str]:
    """Cells on one line at their columns; when they would overlap, the first cell gets its own line."""
    line = ""
    for cell in cells:
        start = cell.at if cell.align == "left" else cell.at - width(cell.text)
        gap = start - width(line)
        if gap < (1 if line else 0) or start + width(cell.text) > cols:
            return _stacked(cells, cols)
        line += " " * gap + cell.text
    return [line]


def _stacked(cells: list[Cell], cols: int) -> list[str]:
    """Cells too wide for one line: the first on its own, the others together flush right."""
    first, *others = cells
    if first.align == "left" and first.at + width(first.text) <= cols:
        out = [" " * first.at + first.text]
    else:
        out = [right(line, cols) for line in wrap(first.text, cols)]
    rest = "  ".join(c.text for c in others)
    if rest and width(rest) <= cols:
        out.append(right(rest, cols))
    else:
        out += [right(line, cols) for c in others for line in wrap(c.text, cols)]
    return out
