"""Helpers for the printed documents: text read back from a PDF, its fonts, its page sizes."""

from __future__ import annotations

import io

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from salon_desk.reports.fonts import font_path


def pdf_pages(data: bytes) -> list:
    return PdfReader(io.BytesIO(data)).pages


def pdf_text(data: bytes) -> str:
    """All text of the PDF, pages joined, as pypdf reads it back (what a reader's search finds)."""
    return "\n".join(page.extract_text() for page in pdf_pages(data))


def pdf_words(data: bytes) -> set[str]:
    """Every whitespace-separated piece of the text, for exact matches of amounts."""
    return set(pdf_text(data).split())


def fonts_of(data: bytes) -> list[dict]:
    """The font dictionaries used on every page, with their descriptors."""
    out = []
    for page in pdf_pages(data):
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            out.append({"base": str(font.get("/BaseFont")), "subtype": str(font.get("/Subtype")),
                        "descriptor": descriptor.get_object() if descriptor is not None else None})
    return out


def assert_font_embedded(data: bytes) -> None:
    """Only the bundled WenQuanYi font, embedded (/FontFile2), on every page: no font is left to the PC."""
    fonts = fonts_of(data)
    assert fonts, "the PDF has no fonts"
    for font in fonts:
        assert "WenQuanYiMicroHei" in font["base"], f"unexpected font {font['base']}"
        assert font["descriptor"] is not None and "/FontFile2" in font["descriptor"], font["base"]


_CMAP: set[int] = set()


def assert_glyphs_exist(text: str) -> None:
    """Every printed character has a glyph in the bundled font (no empty boxes on paper)."""
    if not _CMAP:
        _CMAP.update(TTFont(str(font_path()), lazy=True).getBestCmap())
    missing = sorted({ch for ch in text if not ch.isspace() and ord(ch) not in _CMAP})
    assert not missing, f"characters without a glyph: {missing}"


