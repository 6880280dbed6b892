"""The one embedded CJK font of every PDF, registered once, and the paragraph styles.

reportlab's built-in CID fonts are not embedded (boxes on a PC without Chinese
fonts), so every document uses the bundled WenQuanYi Micro Hei TrueType subset.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "WenQuanYi Micro Hei"
FONT_FILE = "wqy-microhei-subset.ttf"


def font_path() -> Path:
    """Where the bundled font lives on disk (the window registers the same file): the PyInstaller
    bundle's, the installed package's or the checkout's (:func:`salon_desk.paths.resources_dir`)."""
    from ..paths import resources_dir
    return resources_dir() / "fonts" / FONT_FILE


@lru_cache(maxsize=1)
def register_fonts() -> str:
    """Register the font with reportlab (idempotent); returns its name."""
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT, str(font_path())))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT, italic=FONT, boldItalic=FONT)
    return FONT


def text_width(text: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, register_fonts(), size)


def style(name: str, size: float = 9, leading: float | None = None, align: str = "left",
          **extra) -> ParagraphStyle:
    """A paragraph style in the bundled font with CJK line breaking."""
    alignment = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}[align]
    return ParagraphStyle(name, fontName=register_fonts(), fontSize=size,
                          leading=leading or round(size * 1.35, 1), alignment=alignment,
                          wordWrap="CJK", **extra)


def wrap(text: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points, character by character.

    Chinese has no spaces to break at; a Latin word is kept whole where it fits.
    """
    lines: list[str] = []
    for paragraph in (text or "").split("\n"):
        current = ""
        for char in paragraph:
            if text_width(current + char, size) <= width or not current:
                current += char
                continue
            cut = current.rfind(" ")
            if char.isascii() and char != " " and cut > 0 and current[-1].isascii():
                lines.append(current[:cut])
                current = current[cut + 1:] + char
            else:
                lines.append(current.rstrip())
                current = char.lstrip()
        lines.append(current)
    return lines
