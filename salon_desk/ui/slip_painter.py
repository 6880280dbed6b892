"""A slip (receipt, refund slip, top-up slip) painted with QPainter straight onto a QPrinter.

The rows are the ones the PDF is made of (``salon_desk.reports.slip``), drawn as
text and lines in the bundled font: the printer gets text, never a picture, on
every system Qt prints on (CUPS on Linux and macOS turns it into a PDF job with
the font embedded, Windows into GDI text). The page is the slip's own size
(80 mm x the height of its text on a roll), so a thermal roll is cut right after it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPageLayout, QPageSize, QPainter, QPainterPath, QPen
from PySide6.QtPrintSupport import QPrinter

from .resources import font_path

if TYPE_CHECKING:       # reportlab loads with the first printout, not with the window
    from ..reports.slip import Page, Slip


@lru_cache(maxsize=1)
def slip_font_family() -> str:
    """The bundled font's family, registered with Qt once (the PDF uses the same file)."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise OSError(f"the receipt font could not be loaded from {font_path()}")
    return families[0]


class PainterSurface:
    """The Surface of ``reports.slip`` on a QPainter: points in, the device's dots out, y flipped."""

    def __init__(self, painter: QPainter, page_height: float, dpi: float) -> None:
        self.p = painter
        self.height = page_height
        self.k = dpi / 72.0
        self.family = slip_font_family()

    def _pt(self, x: float, y: float) -> QPointF:
        return QPointF(x * self.k, (self.height - y) * self.k)

    def text(self, x: float, y: float, text: str, size: float, bold: bool) -> None:
        font = QFont(self.family)
        font.setPointSizeF(size)          # the printer's logical dpi is its resolution: true points
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        font.setKerning(False)            # the layout measured plain advances
        at = self._pt(x, y)
        self.p.setFont(font)
        self.p.setPen(QColor("black"))
        self.p.drawText(at, text)
        if bold:
            # The font has no bold face. As in the PDF, the glyphs' outline is stroked over the
            # text (Qt's own synthetic bold would print every bold line twice over).
            outline = QPainterPath()
            outline.addText(at, QFont(font, self.p.device()), text)   # sized at the printer's dpi
            self.p.strokePath(outline, self._pen(size * 0.04))

    def _pen(self, width: float, dashed: bool = False) -> QPen:
        pen = QPen(QColor("black"))
        pen.setWidthF(width * self.k)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if dashed:
            pen.setDashPattern([2 / width, 1.6 / width])   # in pen widths
        return pen

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float, dashed: bool) -> None:
        self.p.setPen(self._pen(width, dashed))
        self.p.drawLine(QLineF(self._pt(x0, y0), self._pt(x1, y1)))

    def box(self, x: float, y: float, w: float, h: float, width: float) -> None:
        self.p.setPen(self._pen(width))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath()
        path.addRect(QRectF(self._pt(x, y + h), QSizeF(w * self.k, h * self.k)))
        self.p.drawPath(path)


def _page_size(page: Page) -> QPageSize:
    return QPageSize(QSizeF(page.width, page.height), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)


def paint_slip(slip: Slip, printer: QPrinter, job_name: str = "") -> int:
    """Paint every page of ``slip`` on ``printer`` as text and lines; returns the pages printed.
    OSError when the printer cannot start."""
    pages = slip.pages()
    if job_name:
        printer.setDocName(job_name)
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(_page_size(pages[0]), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not start")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        dpi = printer.resolution()
        for index, page in enumerate(pages):
            if index:
                printer.setPageSize(_page_size(page))
                printer.newPage()
            page.draw(PainterSurface(painter, page.height, dpi))
    finally:
        painter.end()
    return len(pages)
