"""Layout of a narrow slip (thermal roll or A5): rows measured first, then drawn.

A roll's page is exactly as tall as its content; an A5 sheet breaks onto new
pages. Receipts and refund slips are written as a list of rows on a Slip.

The rows draw on a :class:`Surface` (text, lines, boxes), never on a file
format: :meth:`Slip.pdf` draws them on a reportlab canvas, and the window's
printing draws the very same rows with a QPainter on the printer
(``salon_desk.ui.slip_painter``), so a printer gets text and lines, never a picture.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Callable, Protocol

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


class Surface(Protocol):
    """Where a slip's rows draw. Points, y measured up from the page's bottom edge (PDF's way)."""

    def text(self, x: float, y: float, text: str, size: float, bold: bool) -> None:
        """``text`` in the bundled font, its left end at ``x``, baseline at ``y``."""

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float, dashed: bool) -> None:
        """A straight line; ``dashed``: 2 pt on, 1.6 pt off."""

    def box(self, x: float, y: float, w: float, h: float, width: float) -> None:
        """A rectangle's outline, ``(x, y)`` its bottom-left corner."""


Draw = Callable[[Surface, float], None]   # surface, y of the row's top edge


class CanvasSurface:
    """A slip's rows on a reportlab canvas (the PDF)."""

    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas

    def text(self, x: float, y: float, text: str, size: float, bold: bool) -> None:
        """``bold`` strokes the outline (the font has no bold face)."""
        c = self.c
        c.saveState()
        t = c.beginText(x, y)
        t.setFont(register_fonts(), size)
        t.setTextRenderMode(2 if bold else 0)   # Tr is graphics state: always set it
        if bold:
            c.setLineWidth(size * 0.04)
        t.textOut(text)
        c.drawText(t)
        c.restoreState()

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float, dashed: bool) -> None:
        c = self.c
        c.saveState()
        c.setLineWidth(width)
        if dashed:
            c.setDash(2, 1.6)
        c.line(x0, y0, x1, y1)
        c.restoreState()

    def box(self, x: float, y: float, w: float, h: float, width: float) -> None:
        c = self.c
        c.saveState()
        c.setLineWidth(width)
        c.rect(x, y, w, h)
        c.restoreState()


def draw_text(c: Surface, x: float, y: float, text: str, size: float, bold: bool = False,
              align: str = "left") -> None:
    """Text at baseline ``y``, placed by the bundled font's own widths (the same on paper and in the PDF)."""
    if align == "right":
        x -= text_width(text, size)
    elif align == "center":
        x -= text_width(text, size) / 2
    c.text(x, y, text, size, bold)


@dataclass(frozen=True)
class Page:
    """One page of a slip: its size in points and its rows as (y of the top edge, draw)."""
    width: float
    height: float
    rows: tuple[tuple[float, Draw], ...]

    def draw(self, surface: Surface) -> None:
        for y, draw in self.rows:
            draw(surface, y)


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

        def draw(c: Surface, y: float, t: str = lines[-1]) -> None:
            draw_text(c, x0, y - size * 1.08, t, size, bold)
            draw_text(c, x1, y - size * 1.08, right, size, bold, "right")
        self.add(size * 1.4, draw)

    def columns(self, cells: list[tuple[str, float, str]], scale: float = 1.0, bold: bool = False) -> None:
        """Cells as (text, x as a share of the inner width, align)."""
        size = self.size(scale)

        def draw(c: Surface, y: float) -> None:
            for text, share, align in cells:
                draw_text(c, self.paper.margin + share * self.paper.inner, y - size * 1.08, text, size,
                          bold, align)
        self.add(size * 1.4, draw)

    def rule(self, kind: str = "dashed") -> None:
        """A separator: dashed, solid or double."""
        x0, x1 = self.paper.margin, self.paper.width - self.paper.margin

        def draw(c: Surface, y: float) -> None:
            mid = y - 3
            c.line(x0, mid, x1, mid, 0.6, kind == "dashed")
            if kind == "double":
                c.line(x0, mid - 1.6, x1, mid - 1.6, 0.6, False)
        self.add(6 if kind != "double" else 7.5, draw)

    def banner(self, text: str, scale: float = 1.3) -> None:
        """A boxed, centred mark such as 重印 REPRINT or 已作废."""
        size = self.size(scale)
        width = text_width(text, size) + size * 1.6
        mid = self.paper.width / 2

        def draw(c: Surface, y: float) -> None:
            c.box(mid - width / 2, y - size * 1.75, width, size * 1.55, 1.1)
            draw_text(c, mid, y - size * 1.3, text, size, True, "center")
        self.add(size * 2.0, draw)

    # -- output ------------------------------------------------------------
    def pages(self) -> list[Page]:
        """The rows laid out on pages: a roll is one page as tall as its text, a sheet breaks."""
        p = self.paper
        content = sum(h for h, _ in self.rows)
        bottom = 6 * mm if p.roll else p.top   # a roll feeds past the cutter
        width, height = (p.width, p.top + content + bottom) if p.roll else (p.width, p.height)
        pages: list[Page] = []
        current: list[tuple[float, Draw]] = []
        y = height - p.top
        for row_height, draw in self.rows:
            if not p.roll and y - row_height < bottom and current:
                pages.append(Page(width, height, tuple(current)))
                current = []
                y = height - p.top
            current.append((y, draw))
            y -= row_height
        pages.append(Page(width, height, tuple(current)))
        return pages

    def pdf(self) -> bytes:
        buf = io.BytesIO()
        pages = self.pages()
        c = Canvas(buf, pagesize=(pages[0].width, pages[0].height), pageCompression=1, invariant=1,
                   initialFontName=register_fonts())
        c.setTitle(self.title)
        c.setAuthor("salon-desk")
        c.setCreator("salon-desk")
        surface = CanvasSurface(c)
        for page in pages:
            page.draw(surface)
            c.showPage()
        c.save()
        return buf.getvalue()
