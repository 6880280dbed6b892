"""What the A4 documents share: the page frame with "第 x 页 / 共 y 页", table styles, headings."""

from __future__ import annotations

import io
from typing import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from .fonts import register_fonts, style

INK = colors.HexColor("#222222")
MUTED = colors.HexColor("#666666")
ACCENT = colors.HexColor("#8c2f39")       # a deep rose, the shop's colour on paper
RULE = colors.HexColor("#b9b9b9")
BAND = colors.HexColor("#f4eeee")
HEAD = colors.HexColor("#ead9db")

TITLE = style("title", 17, 22, "center")
SUBTITLE = style("subtitle", 9.5, 13, "center", textColor=MUTED)
H2 = style("h2", 11.5, 15, spaceBefore=8, spaceAfter=4, textColor=ACCENT)
BODY = style("body", 9, 12.5)
SMALL = style("small", 7.8, 10.5, textColor=MUTED)
CELL = style("cell", 8.6, 11)
CELL_R = style("cell_r", 8.6, 11, "right")


def numbered_canvas(header: str, footer: str):
    """A canvas class that writes the running header and "第 x 页 / 共 y 页" once the count is known."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:   # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._frame(number, total)
                super().showPage()
            super().save()

        def _frame(self, number: int, total: int) -> None:
            font = register_fonts()
            width, height = self._pagesize
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(15 * mm, height - 12 * mm, width - 15 * mm, height - 12 * mm)
            self.line(15 * mm, 12 * mm, width - 15 * mm, 12 * mm)
            self.setFillColor(MUTED)
            self.setFont(font, 7.5)
            self.drawString(15 * mm, height - 10.5 * mm, header)
            self.drawString(15 * mm, 8 * mm, footer)
            self.drawRightString(width - 15 * mm, 8 * mm, f"第 {number} 页 / 共 {total} 页")
            self.restoreState()

    return NumberedCanvas


def build_a4(story: list, title: str, header: str, footer: str) -> bytes:
    """Lay out ``story`` on A4 pages with the shared frame; returns the PDF."""
    register_fonts()
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=17 * mm, bottomMargin=17 * mm, title=title, author="salon-desk",
                            creator="salon-desk", invariant=1, initialFontName=register_fonts())
    doc.build(story, canvasmaker=numbered_canvas(header, footer))
    return buf.getvalue()


def grid(rows: Sequence[Sequence], widths: Sequence[float], *, header: bool = True, right_from: int = 1,
         total_row: bool = False, font_size: float = 8.6, zebra: bool = True,
         right: Sequence[int] | None = None) -> Table:
    """A plain report table: a tinted header row, numbers flush right, an optional bold total row.

    Columns from ``right_from`` on are flush right, or exactly the columns in ``right``.
    """
    font = register_fonts()
    table = Table([list(r) for r in rows], colWidths=list(widths), repeatRows=1 if header else 0)
    commands = [
        ("FONT", (0, 0), (-1, -1), font, font_size),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.6),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
    ]
    for col in (right if right is not None else range(right_from, len(widths))):
        commands.append(("ALIGN", (col, 0), (col, -1), "RIGHT"))
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEAD), ("LINEBELOW", (0, 0), (-1, 0), 0.6, ACCENT)]
    first = 1 if header else 0
    if zebra:
        for i in range(first + 1, len(rows), 2):
            commands.append(("BACKGROUND", (0, i), (-1, i), BAND))
    if total_row:
        commands += [("LINEABOVE", (0, -1), (-1, -1), 0.8, INK), ("BACKGROUND", (0, -1), (-1, -1), colors.white),
                     ("FONT", (0, -1), (-1, -1), font, font_size + 0.4)]
    table.setStyle(TableStyle(commands))
    return table


def para(text: str, st=BODY) -> Paragraph:
    return Paragraph(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), st)
