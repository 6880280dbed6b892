"""Layout of a narrow slip (thermal roll or A5): rows measured first, then drawn.

A roll's page is exactly as tall as its content; an A5 sheet breaks onto new
pages. Receipts and refund slips are written as a list of rows on a Slip.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from .fonts import register_fonts, text_width, wrap


@dataclass(frozen=True)
class Paper:
    code: str
    width: float          # points
    margin: float         # left and right
    body: float           # font size of ordinary rows
    roll: bool            # True: the page is as tall as the content
    height: float = 0.0   # sheets only
    top: float = 4 * mm

    @property
    def inner(self) -> float:
        return self.width - 2 * self.margin


PAPERS = {
    "80mm": Paper("80mm", 80 * mm, 4 * mm, 8.5, True),        # 72 mm printable
    "58mm": Paper("58mm", 58 * mm, 5 * mm, 7.2, True),        # 48 mm printable
    "A5": Paper("A5", 148 * mm, 14 * mm, 10.5, False, 210 * mm, 14 * mm),
}


def paper(code: str) -> Paper:
    try:
        return PAPERS[code]
    except KeyError:
        raise ValueError(f"unknown paper {code!r}") from None


Draw = Callable[[Canvas, float], None]   # canvas, y of the row's top edge


def draw_text(c: Canvas, x: float, y: float, text: str, size: float, bold: bool = False,
              align: str = "left") -> None:
    """Text at baseline ``y``; ``bold`` strokes the outline (the font has no bold face)."""
    font = register_fonts()
    if align == "right":
        x -= text_width(text, size)
    elif align == "center":
        x -= text_width(text, size) / 2
    c.saveState()
    t = c.beginText(x, y)
    t.setFont(font, size)
    t.setTextRenderMode(2 if bold else 0)   # Tr is graphics state: always set it
    if bold:
        c.setLineWidth(size * 0.04)
    t.textOut(text)
    c.drawText(t)
    c.restoreState()


class Slip:
    """Rows of a slip. Call the row methods, then :meth:`pdf`."""

    def __init__(self, paper_code: str, title: str) -> None:
        self.paper = paper(paper_code)
        self.title = title
        self.rows: list[tuple[float, Draw]] = []

    # -- rows --------------------------------------------------------------
    def add(self, height: float, draw: Draw) -> None:
        self.rows.append((height, draw))

    def space(self, height: float = 3) -> None:
        self.add(height, lambda c, y: None)

    def size(self, scale: float = 1.0) -> float:
        return round(self.paper.body * scale, 2)

    def center(self, text: str, scale: float = 1.0, bold: bool = False) -> None:
        size = self.size(scale)
        mid = self.paper.width / 2
        for line in wrap(text, size, self.paper.inner):
            self.add(size * 1.4, lambda c, y, t=line: draw_text(c, mid, y - size * 1.08, t, size, bold, "center"))

    def text(self, text: str, scale: float = 1.0, indent: float = 0.0, bold: bool = False) -> None:
        size = self.size(scale)
        x = self.paper.margin + indent
        for line in wrap(text, size, self.paper.inner - indent):
            self.add(size * 1.4, lambda c, y, t=line: draw_text(c, x, y - size * 1.08, t, size, bold))

    def pair(self, left: str, right: str, scale: float = 1.0, bold: bool = False, indent: float = 0.0) -> None:
        """A label on the left and a value flush right; a long label wraps above the value."""
        size = self.size(scale)
        x0, x1 = self.paper.margin + indent, self.paper.width - self.paper.margin
        room = self.paper.inner - indent - text_width(right, size) - size
        lines = wrap(left, size, max(room, size * 2))
        for line in lines[:-1]:
            self.add(size * 1.4, lambda c, y, t=line: draw_text(c, x0, y - size * 1.08, t, size, bold))

        def draw(c: Canvas, y: float, t: str = lines[-1]) -> None:
            draw_text(c, x0, y - size * 1.08, t, size, bold)
            draw_text(c, x1, y - size * 1.08, right, size, bold, "right")
        self.add(size * 1.4, draw)

    def columns(self, cells: list[tuple[str, float, str]], scale: float = 1.0, bold: bool = False) -> None:
        """Cells as (text, x as a share of the inner width, align)."""
        size = self.size(scale)

        def draw(c: Canvas, y: float) -> None:
            for text, share, align in cells:
                draw_text(c, self.paper.margin + share * self.paper.inner, y - size * 1.08, text, size,
                          bold, align)
        self.add(size * 1.4, draw)

    def rule(self, kind: str = "dashed") -> None:
        """A separator: dashed, solid or double."""
        x0, x1 = self.paper.margin, self.paper.width - self.paper.margin

        def draw(c: Canvas, y: float) -> None:
            c.saveState()
            c.setLineWidth(0.6)
            if kind == "dashed":
                c.setDash(2, 1.6)
            mid = y - 3
            c.line(x0, mid, x1, mid)
            if kind == "double":
                c.line(x0, mid - 1.6, x1, mid - 1.6)
            c.restoreState()
        self.add(6 if kind != "double" else 7.5, draw)

    def banner(self, text: str, scale: float = 1.3) -> None:
        """A boxed, centred mark such as 重印 REPRINT or 已作废."""
        size = self.size(scale)
        width = text_width(text, size) + size * 1.6
        mid = self.paper.width / 2

        def draw(c: Canvas, y: float) -> None:
            c.saveState()
            c.setLineWidth(1.1)
            c.rect(mid - width / 2, y - size * 1.75, width, size * 1.55)
            c.restoreState()
            draw_text(c, mid, y - size * 1.3, text, size, True, "center")
        self.add(size * 2.0, draw)

    # -- output ------------------------------------------------------------
    def pdf(self) -> bytes:
        p = self.paper
        buf = io.BytesIO()
        content = sum(h for h, _ in self.rows)
        bottom = 6 * mm if p.roll else p.top   # a roll feeds past the cutter
        if p.roll:
            size = (p.width, p.top + content + bottom)
        else:
            size = (p.width, p.height)
        c = Canvas(buf, pagesize=size, pageCompression=1, invariant=1, initialFontName=register_fonts())
        c.setTitle(self.title)
        c.setAuthor("salon-desk")
        c.setCreator("salon-desk")
        y = size[1] - p.top
        for height, draw in self.rows:
            if not p.roll and y - height < bottom:
                c.showPage()
                y = size[1] - p.top
            draw(c, y)
            y -= height
        c.showPage()
        c.save()
        return buf.getvalue()
