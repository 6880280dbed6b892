"""The painted pieces of the day view: a booking's block, the technicians' header, the time ruler.

They draw what the view tells them; the view (day_view.py) places them and
turns mouse and keys into requests.
"""

from __future__ import annotations

import math
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPaintEvent, QPen, QPixmap, QStaticText
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from ..appointments import STEP_MINUTES, BookingInfo, BookingStatus

if TYPE_CHECKING:
    from .day_view import DayView

ROW_H = 22                    # pixels per 15 minutes: an hour is 88 px
MIN_COL_W = 150
RULER_W = 58
HEADER_H = 46
EDGE = 7                      # the bottom pixels of a block that grab its end
LINE_H = 17
DRAG_START = 4                # pixels before a press becomes a drag
PICTURES_KEPT = 600           # blocks' pictures kept across days (about 150 x 90 px each: ~30 MB at most)

HIDDEN = frozenset({BookingStatus.CANCELLED})   # they hold no time and would cover new bookings

# status -> (fill, border, text)
COLOURS = {
    BookingStatus.BOOKED: ("#dbeafe", "#3b82f6", "#1e293b"),
    BookingStatus.CHECKED_IN: ("#dcfce7", "#16a34a", "#14532d"),
    BookingStatus.COMPLETED: ("#eef0f3", "#9ca3af", "#4b5563"),
    BookingStatus.NO_SHOW: ("#f5f5f4", "#a8a29e", "#78716c"),
    BookingStatus.CANCELLED: ("#f5f5f4", "#a8a29e", "#78716c"),
}
LATE_COLOURS = ("#ffedd5", "#ea580c", "#7c2d12")
TIER_COLOURS = {"regular": "#64748b", "silver": "#6b7280", "gold": "#b45309", "diamond": "#7c3aed"}

@lru_cache(maxsize=None)
def qcolor(name: str) -> QColor:
    """One QColor per colour name: parsing "#dbeafe" on every paint costs more than the fill."""
    return QColor(name)


_STATIC: dict[tuple[str, int], QStaticText] = {}
_STATIC_MAX = 4000


def static_text(text: str, font: QFont) -> QStaticText:
    """The text laid out once per font and reused: the same names, times and services come back on
    every day the receptionist opens, and laying out Chinese text costs more than drawing it."""
    key = (text, id(font))
    st = _STATIC.get(key)
    if st is None:
        if len(_STATIC) >= _STATIC_MAX:
            _STATIC.clear()
        st = QStaticText(text)
        st.setTextFormat(Qt.TextFormat.PlainText)
        st.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        _STATIC[key] = st
    return st


def minutes_between(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 60


def clock_text(t: datetime) -> str:
    """10:30 (not strftime: it imports the time module on every call)."""
    return f"{t.hour:02d}:{t.minute:02d}"


class Block(QGraphicsRectItem):
    """One booking with one technician; paints itself from its ``BookingInfo``.

    A rectangle item, so Qt asks its own C++ for the bounds (many times a paint) instead of Python.
    """

    def __init__(self, view: DayView, info: BookingInfo, rect: QRectF) -> None:
        super().__init__()
        self.view = view
        self.selected = False
        self.preview: str = ""                # "→ 11:15 李师傅" while dragged
        self.preview_height: float | None = None
        self.setZValue(1)
        self.setPen(QPen(Qt.PenStyle.NoPen))             # the bounds are the rectangle itself
        self.info = info
        self.rect = rect
        self.setRect(self._make_bounds())
        self._texts()

    def _texts(self) -> None:
        """Texts and their widths are made once per booking shown: a repaint only draws them."""
        info, view = self.info, self.view
        texts = view.block_texts.get(info)
        if texts is None:
            title = info.name or view.words["no_name"]
            services = view.words["comma"].join(info.services)
            texts = (title, f"{clock_text(info.start)}–{clock_text(info.end)}", services, view.badges(info),
                     view.bold_metrics.horizontalAdvance(title), view.text_metrics.horizontalAdvance(services))
            if len(view.block_texts) > 2000:
                view.block_texts.clear()
            view.block_texts[info] = texts
        self._title, self._times, self._services, self._badges, self._title_w, self._services_w = texts
        self._elided: tuple[int, str] = (-1, "")

    def reset(self, info: BookingInfo, rect: QRectF) -> None:
        """Show another booking (a block is reused rather than made anew when the day changes)."""
        self.info = info
        self.rect = rect
        self.selected = False
        self.preview = ""
        self.preview_height = None
        self.setRect(self._make_bounds())
        self._texts()
        self.update()

    def _make_bounds(self) -> QRectF:
        height = max(self.preview_height or 0.0, self.rect.height())
        return QRectF(self.rect.x(), self.rect.y(), self.rect.width(), height + 2)

    def set_preview_height(self, height: float | None) -> None:
        if height == self.preview_height:
            return
        self.preview_height = height
        self.setRect(self._make_bounds())

    def colours(self) -> tuple[str, str, str]:
        if self.info.late and self.info.status is BookingStatus.BOOKED:
            return LATE_COLOURS
        return COLOURS[self.info.status]

    def badges(self) -> list[tuple[str, str]]:
        """(text, colour) chips after the name, in the order a receptionist reads them."""
        return self._badges

    def title(self) -> str:
        return self._title

    def times(self) -> str:
        return self._times

    def services(self) -> str:
        return self._services

    def labels(self) -> list[str]:
        """Every text painted on the block: name, time, badges, services."""
        return [self.title(), self.times(), *(text for text, _c in self.badges()), self.services()]

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        """Blit the block's picture, kept by the view across days per look (booking, size,
        selection). A look is painted directly the first time it is shown (most blocks of a day
        opened once are never painted again) and made a picture when it comes back; a block
        being dragged or stretched is always painted directly."""
        if self.preview or self.preview_height is not None:
            self.paint_block(painter)
            return
        view = self.view
        ratio = view.devicePixelRatioF()
        left, top = math.floor(self.rect.x()), math.floor(self.rect.y())
        width = math.ceil(self.rect.right()) - left
        height = math.ceil(self.rect.bottom()) - top
        key = (self.info, self.rect.x() - left, self.rect.y() - top, self.rect.width(), self.rect.height(),
               self.selected, ratio)
        picture = view.block_pictures.get(key)
        if picture is None:
            if key not in view.block_seen:
                if len(view.block_seen) >= 4 * PICTURES_KEPT:
                    view.block_seen.clear()
                view.block_seen.add(key)
                self.paint_block(painter)
                return
            picture = QPixmap(max(1, int(width * ratio)), max(1, int(height * ratio)))
            picture.setDevicePixelRatio(ratio)
            picture.fill(Qt.GlobalColor.transparent)
            p = QPainter(picture)
            p.translate(-left, -top)
            self.paint_block(p)
            p.end()
            if len(view.block_pictures) >= PICTURES_KEPT:
                view.block_pictures.clear()
            view.block_pictures[key] = picture
        painter.drawPixmap(QPointF(left, top), picture)

    def paint_block(self, painter: QPainter) -> None:
        fill, border, ink = self.colours()
        r = QRectF(self.rect)
        if self.preview_height is not None:
            r.setHeight(self.preview_height)
        r = r.adjusted(2, 1, -2, -1)
        # square corners, no antialiasing: a rounded antialiased outline costs ten times as much to paint
        painter.fillRect(r, qcolor(fill))
        if self.info.status is BookingStatus.NO_SHOW:
            painter.fillRect(r, QBrush(qcolor("#d6d3d1"), Qt.BrushStyle.BDiagPattern))
        painter.fillRect(QRectF(r.x(), r.y(), 4, r.height()), qcolor(border))   # the status stripe
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.selected:
            painter.setPen(QPen(qcolor("#111827"), 2))
            painter.drawRect(r.adjusted(1, 1, -1, -1))
        else:
            painter.setPen(qcolor(border))
            painter.drawRect(r.adjusted(0, 0, -1, -1))
        painter.save()
        painter.setClipRect(r.adjusted(5, 1, -2, -1))
        self._paint_text(painter, r.adjusted(8, 2, -4, -2), ink)
        painter.restore()

    def _paint_text(self, painter: QPainter, r: QRectF, ink: str) -> None:
        """The name and time on the first line, then the badges followed by the services.

        The services go on after the badges when they fit, else on the next
        lines; a block of one line shows the name and the services only.
        """
        view = self.view
        lines = max(1, int((r.height() + 2) // LINE_H))
        fm, tfm = view.bold_metrics, view.text_metrics
        left, right, y = r.x(), r.right(), r.y()
        # texts are drawn from their cached layout with their top at ``y`` (the baseline at
        # y + ascent, as drawText would put it); the base line of the smaller fonts is lined up
        painter.setFont(view.bold_font)
        painter.setPen(qcolor(ink))
        painter.drawStaticText(QPointF(left, y), static_text(self.title(), view.bold_font))
        x = left + self._title_w + 6
        if self.preview:
            painter.setPen(qcolor("#4338ca"))
            painter.drawText(QPointF(x, y + fm.ascent()), self.preview)
        elif lines == 1:
            painter.setFont(view.text_font)
            painter.drawStaticText(QPointF(x, y + fm.ascent() - tfm.ascent()),
                                   static_text(self._elide(int(right - x)), view.text_font))
            return
        else:
            painter.setFont(view.small_font)
            painter.setPen(qcolor("#475569"))
            painter.drawStaticText(QPointF(x, y + fm.ascent() - view.small_metrics.ascent()),
                                   static_text(self.times(), view.small_font))
        if lines == 1:
            return
        x, row = left, 1
        for text, colour in self.badges():
            chip = view.chip(text, colour)
            w = chip.deviceIndependentSize().width()
            if x + w > right and x > left and row + 1 < lines:
                row, x = row + 1, left
            painter.drawPixmap(QPointF(x, y + row * LINE_H + 1), chip)
            x += w + 4
        painter.setFont(view.text_font)
        painter.setPen(qcolor(ink))
        services_w = self._services_w
        if services_w > right - x and x > left and row + 1 < lines:
            row, x = row + 1, left                  # not after the badges: on the next line
        top = y + row * LINE_H
        if row + 1 < lines and services_w > right - x:
            painter.drawText(QRectF(x, top, right - x, r.bottom() - top),
                             int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap), self.services())
        else:
            painter.drawStaticText(QPointF(x, top), static_text(self._elide(int(right - x)), view.text_font))

    def _elide(self, width: int) -> str:
        """The services cut to ``width`` with an ellipsis (worked out once per width)."""
        if self._elided[0] != width:
            text = self.services() if self._services_w <= width else self.view.text_metrics.elidedText(
                self.services(), Qt.TextElideMode.ElideRight, width)
            self._elided = (width, text)
        return self._elided[1]


class DayHeader(QWidget):
    """Technician names above the columns; scrolls sideways with the view."""

    def __init__(self, view: DayView) -> None:
        super().__init__(view)
        self.view = view

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        v = self.view
        p = QPainter(self)
        p.fillRect(self.rect(), qcolor("#f8fafc"))
        p.setPen(qcolor("#cbd5e1"))
        p.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        dx = v.horizontalScrollBar().value()
        for col, tech in enumerate(v.technicians):
            x = RULER_W + col * v.col_w - dx
            if x + v.col_w < RULER_W or x > self.width():
                continue
            p.setClipRect(max(RULER_W, x), 0, v.col_w, self.height())
            selected = col == v.cursor_col
            if selected:
                p.fillRect(x, 0, v.col_w, self.height(), qcolor("#e0e7ff"))
            p.setPen(qcolor("#111827"))
            p.setFont(v.header_font)
            p.drawText(QRectF(x, 3, v.col_w, 22), Qt.AlignmentFlag.AlignCenter, tech.name)
            p.setFont(v.small_font)
            if tech.hours is None:
                p.setPen(qcolor("#b91c1c"))
                hours = QCoreApplication.translate("DayView", "Day off")
            else:
                p.setPen(qcolor("#64748b"))
                hours = f"{tech.hours.opens:%H:%M}–{tech.hours.closes:%H:%M}"
            count = v.counts.get(tech.technician_id, 0)
            text = hours if tech.hours is None else QCoreApplication.translate("DayView", "{hours} · {count} booked").format(hours=hours, count=count)
            p.drawText(QRectF(x, 24, v.col_w, 18), Qt.AlignmentFlag.AlignCenter, text)
            p.setPen(qcolor("#cbd5e1"))
            p.drawLine(x + v.col_w - 1, 0, x + v.col_w - 1, self.height())
        p.setClipping(False)
        p.fillRect(0, 0, RULER_W, self.height(), qcolor("#f8fafc"))
        p.setPen(qcolor("#111827"))
        p.setFont(v.small_font)
        if v.day is not None:
            locale = QLocale()
            qd = QDate(v.day.year, v.day.month, v.day.day)
            p.drawText(QRectF(0, 4, RULER_W, 18), Qt.AlignmentFlag.AlignCenter, locale.toString(qd, QCoreApplication.translate("DayView", "M/d")))
            p.drawText(QRectF(0, 22, RULER_W, 18), Qt.AlignmentFlag.AlignCenter, locale.toString(qd, "ddd"))
        p.end()


class TimeRuler(QWidget):
    """Times beside the rows; scrolls up and down with the view."""

    def __init__(self, view: DayView) -> None:
        super().__init__(view)
        self.view = view

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        v = self.view
        p = QPainter(self)
        p.fillRect(self.rect(), qcolor("#f8fafc"))
        p.setPen(qcolor("#cbd5e1"))
        p.drawLine(self.width() - 1, 0, self.width() - 1, self.height())
        if v.grid is None:
            p.end()
            return
        dy = v.verticalScrollBar().value()
        for row in range(v.grid.rows + 1):
            y = row * ROW_H - dy
            if y < -ROW_H or y > self.height() + ROW_H:
                continue
            t = v.grid.time_of(row)
            if t.minute == 0:
                p.setFont(v.header_font)
                p.setPen(qcolor("#111827"))
            elif t.minute == 30:
                p.setFont(v.small_font)
                p.setPen(qcolor("#94a3b8"))
            else:
                continue
            p.drawText(QRectF(0, y + 1, RULER_W - 8, ROW_H - 2),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop), f"{t:%H:%M}")
        if 0 <= v.cursor_row < v.grid.rows:
            y = v.cursor_row * ROW_H - dy
            p.fillRect(QRectF(0, y, 4, ROW_H), qcolor("#4f46e5"))
        if v.now is not None and v.now.date() == v.grid.day:
            y = minutes_between(v.grid.first, v.now) / STEP_MINUTES * ROW_H - dy
            p.setPen(QPen(qcolor("#dc2626"), 2))
            p.drawLine(QPointF(RULER_W - 14, y), QPointF(RULER_W, y))
            p.setBrush(qcolor("#dc2626"))
            p.drawEllipse(QPointF(RULER_W - 14, y), 3, 3)
        p.end()


def place_in_lanes(infos: list[BookingInfo]) -> list[tuple[BookingInfo, int, int]]:
    """Side-by-side lanes for blocks of one column that overlap (a no-show and its replacement)."""
    out: list[tuple[BookingInfo, int, int]] = []
    cluster: list[tuple[BookingInfo, int]] = []
    lane_ends: list[datetime] = []
    cluster_end: datetime | None = None

    def flush() -> None:
        out.extend((info, lane, len(lane_ends)) for info, lane in cluster)

    for info in sorted(infos, key=lambda b: (b.start, b.end, b.id)):
        if cluster_end is not None and info.start >= cluster_end:
            flush()
            cluster, lane_ends, cluster_end = [], [], None
        for lane, end in enumerate(lane_ends):
            if end <= info.start:
                lane_ends[lane] = info.end
                break
        else:
            lane = len(lane_ends)
            lane_ends.append(info.end)
        cluster.append((info, lane))
        cluster_end = info.end if cluster_end is None else max(cluster_end, info.end)
    flush()
    return out
