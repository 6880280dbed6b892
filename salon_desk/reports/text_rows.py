"""A cheap table for thousands of rows: text runs at fixed column positions, split page by page.

reportlab's ``Table`` measures and styles every cell and is split again on every page, which made a busy
month's commission sheet take seconds per thousand rows. ``TextRows`` knows its row height up front, so
laying it out is arithmetic; it draws each page's rows as text on the canvas (one text object per page),
with the header row repeated at the top of every page, numbers flush right and a light zebra band.
A cell wider than its column is cut with "…" (its full text is kept in the data, never on two lines).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from .fonts import register_fonts
from .pages import ACCENT, BAND, HEAD, INK, RULE

PAD = 2.5


@lru_cache(maxsize=20_000)
def _width(text: str, size: float) -> float:
    return float(pdfmetrics.stringWidth(text, register_fonts(), size))


@lru_cache(maxsize=20_000)
def fit(text: str, size: float, width: float) -> str:
    """``text`` cut to ``width`` points with "…" when it does not fit."""
    if _width(text, size) <= width:
        return text
    while text and _width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


class TextRows(Flowable):
    """Rows of text under a header row; ``right`` are the flush-right (number) columns."""

    def __init__(self, header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float], *,
                 right: Sequence[int] = (), size: float = 8.0, leading: float = 13.0, first: int = 0) -> None:
        super().__init__()
        self.header, self.rows, self.widths = list(header), rows, list(widths)
        self.right, self.size, self.leading, self.first = set(right), size, leading, first
        self.width = sum(self.widths)
        self._frags: dict = {}    # shared by the pieces of one table (see draw)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.height = self.leading * (len(self.rows) + 1)
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fits = int(available_height // self.leading) - 1
        if fits < 1 or fits >= len(self.rows):
            return [] if fits < 1 else [self]
        pieces = [TextRows(self.header, self.rows[:fits], self.widths, right=sorted(self.right), size=self.size,
                           leading=self.leading, first=self.first),
                  TextRows(self.header, self.rows[fits:], self.widths, right=sorted(self.right), size=self.size,
                           leading=self.leading, first=self.first + fits)]
        for piece in pieces:
            piece._frags = self._frags
        return list(pieces)

    def draw(self) -> None:
        c, font, lead, size = self.canv, register_fonts(), self.leading, self.size
        top = self.leading * (len(self.rows) + 1)
        c.saveState()
        c.setFillColor(HEAD)
        c.rect(0, top - lead, self.width, lead, stroke=0, fill=1)
        # the zebra bands and the text operators written directly: reportlab's rect() and text object
        # format every number and measure every string on each call. Each distinct cell's position and
        # encoded runs are worked out once per document.
        band = f"{BAND.red:.3f} {BAND.green:.3f} {BAND.blue:.3f} rg"
        ops = [band] + [f"0 {top - lead * (i + 2):.2f} {self.width:.2f} {lead:.2f} re f"
                        for i in range(len(self.rows)) if (self.first + i) % 2 == 1]
        c._code.append("\n".join(ops))
        c.setStrokeColor(ACCENT)
        c.setLineWidth(0.6)
        c.line(0, top - lead, self.width, top - lead)
        c.setStrokeColor(RULE)
        c.line(0, 0, self.width, 0)
        lefts, x = [], 0.0
        for w in self.widths:
            lefts.append(x)
            x += w
        face, doc, frags = pdfmetrics.getFont(font), c._doc, self._frags
        if frags.get(None) is not doc:
            frags.clear()
            frags[None] = doc
        names: dict[int, str] = {}
        ops = [f"BT {INK.red:.3f} {INK.green:.3f} {INK.blue:.3f} rg"]
        add = ops.append
        current = -1
        for r, row in enumerate([self.header, *self.rows]):
            y = f" {top - lead * (r + 1) + lead * 0.3:.2f} Tm"
            for col, cell in enumerate(row):
                if not cell:
                    continue
                placed = frags.get((col, cell))
                if placed is None:
                    room = self.widths[col] - 2 * PAD
                    shown = fit(cell, size, room)
                    dx = lefts[col] + PAD + (room - _width(shown, size) if col in self.right else 0)
                    placed = frags[(col, cell)] = (
                        f"1 0 0 1 {dx:.2f}",
                        tuple((subset, f"({c._escape(chunk)}) Tj") for subset, chunk in face.splitString(shown, doc)))
                position, runs = placed
                add(position + y)
                for subset, tj in runs:
                    if subset != current:
                        name = names.get(subset)
                        if name is None:
                            name = names[subset] = f"{face.getSubsetInternalName(subset, doc)} {size:g} Tf"
                        add(name)
                        current = subset
                    add(tj)
        add("ET")
        c._code.append("\n".join(ops))
        c.restoreState()
