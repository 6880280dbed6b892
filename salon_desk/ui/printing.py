"""Printing through Qt.

Receipts, refund slips and top-up slips (anything laid out as a
``reports.slip.Slip``) are painted row by row with QPainter on the printer
(``slip_painter.paint_slip``): text and lines, the job named after the receipt,
the page the slip's own size (80 mm x content height), so a thermal roll is cut
right after the text. That works the same on CUPS (Linux, macOS: Qt sends a PDF
job with the font embedded) and on Windows (GDI text), where handing a PDF file
to the queue is not possible without a PDF reader installed.

Other documents (A4 reports, visit records) are reportlab PDFs: a PDF-format
printer ("print to file") gets the document itself; a real printer gets each
page rasterised by PDFium (pypdfium2) on white at the printer's dots (``paint_pdf``).
``print_pdf`` / ``print_document`` are plain functions taking a QPrinter, so tests
drive them with a PDF-format printer; the dialogs only wrap them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Union

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QLabel, QMessageBox, QScrollArea, QVBoxLayout, QWidget,
)

from .slip_painter import paint_slip

if TYPE_CHECKING:       # reportlab loads with the first printout, not with the window
    from ..reports.slip import Slip

Document = Union[bytes, "Slip"]     # a finished PDF, or a slip's rows (printed as text)

MAX_DPI = 300          # enough for any receipt or report; keeps an A4 page image under 40 MB
PREVIEW_DPI = 110


def load_pdf(pdf_bytes: bytes) -> pdfium.PdfDocument:
    """The document read from memory; ValueError when the bytes are not a PDF."""
    try:
        return pdfium.PdfDocument(pdf_bytes)
    except pdfium.PdfiumError as exc:
        raise ValueError(f"not a readable PDF: {exc}") from exc


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """Page ``index`` as an opaque image at ``dpi``: filled white first, never transparent
    (a thermal driver prints a transparent background black)."""
    bitmap = document[index].render(scale=dpi / 72, fill_color=(255, 255, 255, 255),
                                     rev_byteorder=True, prefer_bgrx=True)
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGBX8888)
    return image.copy()   # own the pixels: the PDFium buffer goes away with the bitmap


def _page_size(document: pdfium.PdfDocument, index: int) -> QPageSize:
    width, height = document[index].get_size()
    return QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)


def print_pdf(pdf_bytes: bytes, printer: QPrinter, job_name: str = "") -> int:
    """Print every page of ``pdf_bytes`` on ``printer``; returns the pages printed.

    Printing to a PDF file writes the document as it is (a raster copy would lose
    the text and the crispness); any other printer gets the pages painted.
    ``job_name`` names the job in the print queue (a receipt: its number).
    """
    if job_name:
        printer.setDocName(job_name)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        document = load_pdf(pdf_bytes)
        count = len(document)
        document.close()
        Path(printer.outputFileName()).write_bytes(pdf_bytes)
        return count
    return paint_pdf(pdf_bytes, printer)


def paint_pdf(pdf_bytes: bytes, printer: QPrinter) -> int:
    """Paint every page of ``pdf_bytes`` on ``printer`` at its resolution (at most MAX_DPI)."""
    document = load_pdf(pdf_bytes)
    count = len(document)
    if count == 0:
        return 0
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(_page_size(document, 0), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point))
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not start")
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for index in range(count):
            if index:
                printer.setPageSize(_page_size(document, index))
                printer.newPage()
            image = render_page(document, index, dpi)
            target = printer.paperRect(QPrinter.Unit.DevicePixel)
            scale = min(target.width() / image.width(), target.height() / image.height())
            rect = QRectF(QPointF(0, 0), QSizeF(image.width() * scale, image.height() * scale))
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(rect, image)
    finally:
        painter.end()
    document.close()
    return count


def default_printer() -> QPrinter | None:
    """The system's default printer, or None when none is installed."""
    info = QPrinterInfo.defaultPrinter()
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def print_document(document: Document, printer: QPrinter, job_name: str = "") -> int:
    """A slip painted as text (``paint_slip``), a PDF through ``print_pdf``; the pages printed."""
    if isinstance(document, bytes):
        return print_pdf(document, printer, job_name)
    return paint_slip(document, printer, job_name)


def print_to_default(document: Document, job_name: str = "") -> bool:
    """One key prints: send to the default printer without a dialog. False when there is none."""
    printer = default_printer()
    if printer is None:
        return False
    if not job_name and not isinstance(document, bytes):
        job_name = document.title
    print_document(document, printer, job_name)
    return True


class PrinterChoice:
    """The Qt print dialog for ``printer``; True when the user pressed Print. Tests monkeypatch ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def print_or_warn(parent: QWidget | None, document: Document, printer: QPrinter, title: str) -> bool:
    """``print_document`` (the job named ``title``), telling the user (not crashing) when the printer or the
    file cannot be opened."""
    try:
        print_document(document, printer, title)
    except OSError as problem:
        QMessageBox.warning(parent, title, QCoreApplication.translate(
            "Printing", "Could not print: {problem}").format(problem=str(problem)))
        return False
    return True


def print_with_dialog(parent: QWidget | None, document: Document, title: str) -> bool:
    """Choose a printer in the Qt print dialog and print; True if printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if not PrinterChoice.ask(parent, printer):
        return False
    return print_or_warn(parent, document, printer, title)


class PrintPreviewDialog(QDialog):
    """The document on screen with 打印 / 保存 PDF / 关闭. Given the ``slip`` the PDF was made from,
    打印 paints that slip as text instead of printing the PDF's pages."""

    def __init__(self, pdf_bytes: bytes, title: str, file_name: str = "document.pdf",
                 parent: QWidget | None = None, slip: Slip | None = None) -> None:
        super().__init__(parent)
        self.pdf_bytes = pdf_bytes
        self.slip = slip
        self.file_name = file_name
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.view = QScrollArea(self)
        self.view.setWidgetResizable(True)
        self.view.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        pages = QWidget(self.view)
        pages_layout = QVBoxLayout(pages)
        pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        document = load_pdf(pdf_bytes)
        self.page_count = len(document)
        widest = 0
        for index in range(self.page_count):
            page = QLabel(pages)
            image = render_page(document, index, PREVIEW_DPI)
            widest = max(widest, image.width())
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("border: 1px solid #bbb; background: white;")
            pages_layout.addWidget(page)
        document.close()
        self._fit(widest)
        self.view.setWidget(pages)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(self)
        self.print_button = buttons.addButton(self.tr("Print…"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button = buttons.addButton(self.tr("Save as PDF…"), QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_as)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)

    def _fit(self, page_width: int) -> None:
        """Wide enough for a whole A4 page (no sideways scrolling), never larger than the screen."""
        screen = (self.parentWidget().screen() if self.parentWidget() is not None
                  else QGuiApplication.primaryScreen())
        room = screen.availableGeometry() if screen is not None else None
        width = max(720, page_width + 80)           # the page, its border, the scroll bar, the margins
        height = 860
        if room is not None:
            width = min(width, room.width() - 40)
            height = min(height, room.height() - 40)
        self.resize(width, height)

    def print_with_dialog(self) -> bool:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self.choose_printer(printer):
            return False
        document: Document = self.slip if self.slip is not None else self.pdf_bytes
        if not print_or_warn(self, document, printer, self.windowTitle()):
            return False
        self.accept()
        return True

    def choose_printer(self, printer: QPrinter) -> bool:
        """The Qt print dialog; tests replace this method."""
        return PrinterChoice.ask(self, printer)

    def save_as(self) -> Path | None:
        name = self.ask_file_name()
        if not name:
            return None
        path = Path(name)
        try:
            path.write_bytes(self.pdf_bytes)
        except OSError:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Could not write {path}").format(path=str(path)))
            return None
        return path

    def ask_file_name(self) -> str:
        """The save dialog; tests replace this method."""
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF…"), self.file_name,
                                              self.tr("PDF files (*.pdf)"))
        return name

    @classmethod
    def ask(cls, parent: QWidget | None, pdf_bytes: bytes, title: str, file_name: str = "document.pdf",
            slip: Slip | None = None) -> bool:
        """Show the preview; True if it was printed."""
        return cls(pdf_bytes, title, file_name, parent, slip).exec() == QDialog.DialogCode.Accepted


# -- what the window calls -------------------------------------------------------
def receipt_layout(shop, receipt, reprint: bool = False) -> Slip:
    """The receipt's rows on the shop's paper setting (80 mm, 58 mm or A5)."""
    from ..reports.receipt import receipt_slip
    return receipt_slip(receipt, shop.settings.value("receipt.paper"), reprint=reprint,
                        printed_at=shop.now() if reprint else None)


def receipt_pdf(shop, receipt, reprint: bool = False) -> bytes:
    """The receipt as a PDF (preview, saving)."""
    return receipt_layout(shop, receipt, reprint).pdf()


def preview_receipt(parent: QWidget | None, shop, receipt, reprint: bool = False) -> bool:
    slip = receipt_layout(shop, receipt, reprint)
    return PrintPreviewDialog.ask(parent, slip.pdf(), receipt.receipt_no, f"{receipt.receipt_no}.pdf", slip)


def print_receipt_now(shop, receipt, reprint: bool = False) -> bool:
    """The one-key print after checkout: straight to the default printer, as text, the job its number."""
    return print_to_default(receipt_layout(shop, receipt, reprint), receipt.receipt_no)


def refund_slip_layout(shop, receipt, reprint: bool = False) -> Slip | None:
    """The rows of the newest void or refund slip of ``receipt``; None when it has none."""
    from ..reports.receipt import refund_slip
    if not receipt.refunds:
        return None
    return refund_slip(receipt, receipt.refunds[-1], shop.settings.value("receipt.paper"), reprint=reprint,
                       printed_at=shop.now() if reprint else None)


def refund_slip_pdf(shop, receipt, reprint: bool = False) -> bytes | None:
    """The slip of the newest void or refund of ``receipt`` as a PDF; None when it has none."""
    slip = refund_slip_layout(shop, receipt, reprint)
    return None if slip is None else slip.pdf()


def preview_refund_slips(parent: QWidget | None, shop, receipt, reprint: bool = False) -> bool:
    """The slip of the newest void or refund of ``receipt``; ``reprint`` marks a later copy 重印."""
    slip = refund_slip_layout(shop, receipt, reprint)
    if slip is None:
        return False
    return PrintPreviewDialog.ask(parent, slip.pdf(), receipt.receipt_no, f"{receipt.receipt_no}-refund.pdf", slip)


def preview_visit_record(parent: QWidget | None, shop, actor, customer_id: int, start=None, end=None) -> bool:
    from ..reports.visit_record import render_visit_record
    file = shop.customers.file(actor, customer_id)
    sales = shop.sales.of_customer(actor, customer_id, start, end)
    data = render_visit_record(file, sales, shop.settings.header(), start, end, shop.now(), actor.display_name)
    done = PrintPreviewDialog.ask(parent, data, file.name, f"visit-record-{customer_id}.pdf")
    if done:       # printed or saved: a customer's record left the program (SPEC §9)
        shop.customers.record_printed(actor, customer_id, "visit_record")
    return done


def preview_data_copy(parent: QWidget | None, shop, actor, customer_id: int) -> bool:
    from ..reports.data_copy import render_data_copy
    export = shop.customers.export(actor, customer_id)
    data = render_data_copy(export, shop.now())
    name = (export.get("customer") or {}).get("name") or str(customer_id)
    done = PrintPreviewDialog.ask(parent, data, name, f"data-copy-{customer_id}.pdf")
    if done:
        shop.customers.record_printed(actor, customer_id, "data_copy")
    return done


def monthly_report_pdf(figures) -> bytes:
    from ..reports.monthly import render_monthly_report
    return render_monthly_report(figures)


def report_file_name(figures, suffix: str) -> str:
    """``月度经营报表-2026-11.pdf``; a single day's figures are named by the day."""
    if (figures.end - figures.start).days == 1:
        return f"营业日报-{figures.start:%Y-%m-%d}.{suffix}"
    return f"月度经营报表-{figures.year}-{figures.month:02d}.{suffix}"


def preview_monthly_report(parent: QWidget | None, figures) -> bool:
    """The owner's report page: preview / print / save the month (figures from shop.monthly_figures)."""
    return PrintPreviewDialog.ask(parent, monthly_report_pdf(figures), figures.title,
                                  report_file_name(figures, "pdf"))


def save_monthly_exports(figures, xlsx: str | Path | None = None, csv: str | Path | None = None,
                         pdf: str | Path | None = None) -> list[Path]:
    """Write the figures to the files given (OSError when one cannot be written); the paths written."""
    from ..reports.exports import monthly_csv, monthly_xlsx
    out = []
    for path, render in ((pdf, monthly_report_pdf), (xlsx, monthly_xlsx), (csv, monthly_csv)):
        if path:
            Path(path).write_bytes(render(figures))
            out.append(Path(path))
    return out

