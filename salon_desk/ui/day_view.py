"""预约 day view: one column per technician, rows of 15 minutes, a block per booking.

The widget holds no rules. It shows what ``set_day`` gives it and asks for
every change through a signal; the page asks the appointment service and,
when the service agrees, calls ``set_day`` again. A move or resize that is
not answered by a new ``set_day`` (refused) snaps back.

Why a QGraphicsView and not a table model with a painting delegate: a booking
is a free-floating rectangle of any height (a 20-minute service is 20 minutes
tall, not a row), and it is dragged across rows and columns and stretched at
its edge. A scene gives hit-testing (``itemAt``), repaints only the old and
new rectangle of a moved block, and scrolls for free. In a table every block
would be faked with cell spans rebuilt on each move, partial quarters could
not be drawn, and dragging fights QAbstractItemView's own drag and drop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor, QFont, QFontMetrics, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPen, QPixmap, QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QLabel, QToolTip, QWidget

from ..appointments import STEP_MINUTES, BookingInfo, BookingStatus, DayGrid, TechnicianDay, day_grid
from .day_view_parts import (
    DRAG_START, EDGE, HEADER_H, HIDDEN, LINE_H, MIN_COL_W, ROW_H, RULER_W, TIER_COLOURS, Block, DayHeader, TimeRuler,
    minutes_between, place_in_lanes, qcolor,
)

__all__ = ["ROW_H", "DayView"]

@dataclass
class _Drag:
    block: Block
    press: QPointF
    resize: bool
    offset_y: float               # press point below the block's top
    started: bool = False
    technician_id: int = 0
    start: datetime | None = None
    end: datetime | None = None

class DayView(QGraphicsView):
    """The technicians' day. Signals carry ids and datetimes; nothing is changed here."""

    move_requested = Signal(int, int, object)        # booking id, technician id, new start
    resize_requested = Signal(int, object)           # booking id, new end
    book_requested = Signal(int, object)             # technician id, start
    check_in_requested = Signal(int)                 # booking id (Enter on a booked block)
    open_requested = Signal(int)                     # booking id (Enter on any other block)
    cancel_requested = Signal(int)                   # booking id (Delete)
    no_show_requested = Signal(int)                  # booking id (X)
    selection_changed = Signal(object)               # BookingInfo or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        # a day has a few hundred blocks at most: a plain list is faster to change than a BSP tree
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setViewportMargins(RULER_W, HEADER_H, 0, 0)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.viewport().setMouseTracking(True)
        self.header = DayHeader(self)
        self.ruler = TimeRuler(self)
        self.message = QLabel(self.viewport())
        self.message.setWordWrap(True)
        self.message.setStyleSheet("background: #fef2f2; color: #991b1b; border: 1px solid #fca5a5;"
                                   " border-radius: 4px; padding: 6px 10px; font-size: 13px;")
        self.message.hide()
        self._message_timer = QTimer(self)
        self._message_timer.setSingleShot(True)
        self._message_timer.timeout.connect(self.message.hide)
        self.horizontalScrollBar().valueChanged.connect(lambda _v: self.header.update())
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.ruler.update())
        base = QFont(self.font())
        self.text_font = QFont(base)
        self.text_font.setPixelSize(12)
        self.bold_font = QFont(base)
        self.bold_font.setPixelSize(13)
        self.bold_font.setBold(True)
        self.small_font = QFont(base)
        self.small_font.setPixelSize(11)
        self.header_font = QFont(base)
        self.header_font.setPixelSize(14)
        self.header_font.setBold(True)
        self.bold_metrics = QFontMetrics(self.bold_font)
        self.small_metrics = QFontMetrics(self.small_font)
        self.text_metrics = QFontMetrics(self.text_font)
        self._chip_texts: dict[str, str] = {}
        self.words: dict[str, str] = {}
        # each booking's texts and their widths, kept across days (cleared when the language changes)
        self.block_texts: dict[BookingInfo, tuple] = {}
        self.block_pictures: dict[tuple, QPixmap] = {}  # each block's look, painted once (Block.paint)
        self.block_seen: set[tuple] = set()             # looks painted once already
        self._chips: dict[tuple[str, str, float], QPixmap] = {}
        self.day: date | None = None
        self.now: datetime | None = None
        self.technicians: list[TechnicianDay] = []
        self.bookings: list[BookingInfo] = []
        self.grid: DayGrid | None = None
        self.blocks: dict[tuple[int, int], Block] = {}
        self.counts: dict[int, int] = {}
        self.col_w = MIN_COL_W
        self.cursor_col = 0
        self.cursor_row = 0
        self.generation = 0
        self._drag: _Drag | None = None
        self._background: tuple[object, ...] = ()
        # While move_requested or resize_requested is being handled: the block it is about. A booking
        # with services by two technicians has a block in each column, and only the block knows which.
        self.request_block: BookingInfo | None = None

    # ------------------------------------------------------------ what the page calls

    def set_day(self, day: date, technicians: Sequence[TechnicianDay], bookings: Sequence[BookingInfo],
                now: datetime | None = None) -> None:
        """Show ``day``; keeps the cursor on the same technician and time when it can."""
        keep = self.cursor_slot() if self.day == day else None
        self.generation += 1
        self._drag = None
        self._chip_texts = self._chip_words()          # in the language of the moment
        words = {"no_name": QCoreApplication.translate("DayView", "(no name)"),
                 "comma": QCoreApplication.translate("DayView", ", "), **self._chip_texts}
        if words != self.words:
            self.words = words
            self.block_texts = {}
            self.block_pictures = {}
            self.block_seen = set()
        self.day, self.now = day, now
        self.technicians = list(technicians)
        ids = {t.technician_id for t in self.technicians}
        self.bookings = [b for b in bookings if b.status not in HIDDEN and b.technician_id in ids]
        self.counts = {}
        for b in self.bookings:
            if b.status is not BookingStatus.NO_SHOW:
                self.counts[b.technician_id] = self.counts.get(b.technician_id, 0) + 1
        self.grid = day_grid(day, [t.hours for t in self.technicians],
                             [(b.start, b.end) for b in self.bookings])
        self._layout()
        if keep is not None:
            self.move_cursor_to(*keep)
        else:
            self.cursor_col = 0
            self.cursor_row = self._initial_row()
            self._cursor_changed(scroll=False)
            # a new day opens at the present (today) or the opening hour, with the hour before in sight
            top = self.cursor_row - 4
            block = self._block_at_cursor()
            if block is not None:                        # the booking's name, not its middle
                top = min(top, self.grid.row_of(block.info.start) - 1)
            self.verticalScrollBar().setValue(max(0, top * ROW_H))
            self.horizontalScrollBar().setValue(0)
        self.message.hide()

    def refuse(self, text: str) -> None:
        """Show why a request was refused (the page passes the error's sentence)."""
        self.message.setText(text)
        self._place_message()
        self.message.show()
        self.message.raise_()
        self._message_timer.start(8000)
        self._snap_back()

    def selected_booking(self) -> BookingInfo | None:
        block = self._block_at_cursor()
        return block.info if block else None

    def cursor_slot(self) -> tuple[int, datetime] | None:
        """(technician id, start of the row) under the keyboard cursor."""
        if not self.technicians or self.grid is None:
            return None
        return self.technicians[self.cursor_col].technician_id, self.grid.time_of(self.cursor_row)

    def move_cursor_to(self, technician_id: int, when: datetime) -> None:
        cols = [t.technician_id for t in self.technicians]
        if technician_id in cols and self.grid is not None:
            self.cursor_col = cols.index(technician_id)
            self.cursor_row = min(max(0, self.grid.row_of(when)), self.grid.rows - 1)
        self._cursor_changed()

    def select_booking(self, booking_id: int) -> None:
        for (bid, tech), block in self.blocks.items():
            if bid == booking_id:
                self.move_cursor_to(tech, block.info.start)
                return

    def block_rect(self, booking_id: int, technician_id: int | None = None) -> QRectF:
        """The block's rectangle in scene coordinates (for the page's tests and scrolling)."""
        return self._block(booking_id, technician_id).rect

    def block_labels(self, booking_id: int, technician_id: int | None = None) -> list[str]:
        return self._block(booking_id, technician_id).labels()

    def slot_point(self, technician_id: int, when: datetime, below: float = 0.5) -> QPoint:
        """The viewport point inside the slot of ``technician_id`` at ``when``."""
        assert self.grid is not None
        col = [t.technician_id for t in self.technicians].index(technician_id)
        x = col * self.col_w + self.col_w / 2
        y = minutes_between(self.grid.first, when) / STEP_MINUTES * ROW_H + below * ROW_H
        return self.mapFromScene(QPointF(x, y))

    def chip(self, text: str, colour: str) -> QPixmap:
        """A badge painted once per day view and word, then copied onto every block that has it."""
        ratio = self.devicePixelRatioF()
        key = (text, colour, ratio)
        pixmap = self._chips.get(key)
        if pixmap is None:
            w, h = self.small_metrics.horizontalAdvance(text) + 8, LINE_H - 3
            pixmap = QPixmap(int(w * ratio), int(h * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(qcolor(colour))
            p = QPainter(pixmap)
            p.setFont(self.small_font)
            p.setPen(qcolor("white"))
            p.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, text)
            p.end()
            self._chips[key] = pixmap
        return pixmap

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        """The tooltip of a block is written when asked for, not for every block of every day."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            block = self._block_under(event.pos())
            if block is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.details(block.info), self.viewport())
            return True
        return super().viewportEvent(event)

    def details(self, info: BookingInfo) -> str:
        """Everything about a booking in a few lines: the block's tooltip."""
        lines = [f"{info.name}  {info.start:%H:%M}–{info.end:%H:%M}"]
        if info.is_newcomer and info.newcomer_phone:
            lines.append(self.tr("Newcomer, phone {phone}").format(phone=info.newcomer_phone))
        lines.append(QCoreApplication.translate("DayView", ", ").join(info.services))
        who = self.tr("{technician}, requested by the customer") if info.designated else \
            self.tr("{technician}, by rotation")
        lines.append(who.format(technician=info.technician_name))
        badges = [text for text, _c in self.badges(info)]
        if badges:
            lines.append(" · ".join(badges))
        if info.notes:
            lines.append(self.tr("Notes: {notes}").format(notes=info.notes))
        return "\n".join(lines)

    def _chip_words(self) -> dict[str, str]:
        return {"late": self.tr("Late"), "checked_in": self.tr("In the shop"), "completed": self.tr("Done"),
                "no_show": self.tr("No-show"), "designated": self.tr("Requested"), "regular": self.tr("Member"),
                "silver": self.tr("Silver"), "gold": self.tr("Gold"), "diamond": self.tr("Diamond"),
                "birthday": self.tr("Birthday"), "allergy": self.tr("Allergy"), "complaint": self.tr("Complaint"),
                "first_visit": self.tr("First visit"), "no_shows": self.tr("No-shows: {count}")}

    def badges(self, info: BookingInfo) -> list[tuple[str, str]]:
        """(text, colour) chips of a booking, in the order a receptionist reads them."""
        w = self._chip_texts or self._chip_words()
        chips: list[tuple[str, str]] = []
        if info.late and info.status is BookingStatus.BOOKED:
            chips.append((w["late"], "#ea580c"))
        if info.status is BookingStatus.CHECKED_IN:
            chips.append((w["checked_in"], "#16a34a"))
        elif info.status is BookingStatus.COMPLETED:
            chips.append((w["completed"], "#6b7280"))
        elif info.status is BookingStatus.NO_SHOW:
            chips.append((w["no_show"], "#78716c"))
        if info.designated:
            chips.append((w["designated"], "#be123c"))
        if info.tier:
            chips.append((w.get(info.tier, info.tier), TIER_COLOURS.get(info.tier, "#64748b")))
        if info.birthday:
            chips.append((w["birthday"], "#db2777"))
        if info.allergy:
            chips.append((w["allergy"], "#dc2626"))
        if info.complaint:
            chips.append((w["complaint"], "#9f1239"))
        if info.first_visit:
            chips.append((w["first_visit"], "#0891b2"))
        if info.no_shows:
            chips.append((w["no_shows"].format(count=info.no_shows), "#57534e"))
        return chips

    # ------------------------------------------------------------ layout

    def _initial_row(self) -> int:
        assert self.grid is not None
        if self.now is not None and self.now.date() == self.day:
            return min(max(0, self.grid.row_of(self.now)), self.grid.rows - 1)
        return 0

    def _layout(self) -> None:
        """Place the blocks; a block whose booking and place are unchanged is kept (and its painting)."""
        scene = self.scene()
        assert self.grid is not None
        n = max(1, len(self.technicians))
        self.col_w = max(MIN_COL_W, int(self.viewport().width() // n)) if self.viewport().width() > 0 else MIN_COL_W
        background = (self.grid, tuple(self.technicians), self.col_w, self.now)
        if background != self._background:
            self._background = background
            scene.setSceneRect(0, 0, n * self.col_w, self.grid.rows * ROW_H)
            self.resetCachedContent()
        old, self.blocks = self.blocks, {}
        cols = {t.technician_id: i for i, t in enumerate(self.technicians)}
        by_col: dict[int, list[BookingInfo]] = {}
        for b in self.bookings:
            by_col.setdefault(cols[b.technician_id], []).append(b)
        placed: list[tuple[BookingInfo, QRectF]] = []
        for col, infos in by_col.items():
            for info, lane, lanes in place_in_lanes(infos):
                lane_w = (self.col_w - 6) / lanes
                x = col * self.col_w + 3 + lane * lane_w
                y = minutes_between(self.grid.first, info.start) / STEP_MINUTES * ROW_H
                h = max(ROW_H * 0.8, minutes_between(info.start, info.end) / STEP_MINUTES * ROW_H)
                placed.append((info, QRectF(x, y, lane_w, h)))
        changed: list[tuple[BookingInfo, QRectF]] = []
        for info, rect in placed:                   # unchanged blocks are kept with their painting
            block = old.get((info.id, info.technician_id))
            if block is not None and block.info == info and block.rect == rect:
                self.blocks[(info.id, info.technician_id)] = old.pop((info.id, info.technician_id))
            else:
                changed.append((info, rect))
        spare = list(old.values())                  # the others are reused for the new bookings
        for info, rect in changed:
            if spare:
                block = spare.pop()
                block.reset(info, rect)
            else:
                block = Block(self, info, rect)
                scene.addItem(block)
            self.blocks[(info.id, info.technician_id)] = block
        for block in spare:
            scene.removeItem(block)
        self.viewport().update()
        self.header.update()
        self.ruler.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        r = self.contentsRect()
        self.header.setGeometry(r.x(), r.y(), r.width(), HEADER_H)
        self.ruler.setGeometry(r.x(), r.y() + HEADER_H, RULER_W, r.height() - HEADER_H)
        self._place_message()
        if self.grid is not None:
            n = max(1, len(self.technicians))
            if max(MIN_COL_W, int(self.viewport().width() // n)) != self.col_w:
                self._layout()
                self._cursor_changed(scroll=False)

    def _place_message(self) -> None:
        w = min(self.viewport().width() - 20, 640)
        self.message.setFixedWidth(max(200, w))
        self.message.adjustSize()
        self.message.move((self.viewport().width() - self.message.width()) // 2,
                          self.viewport().height() - self.message.height() - 12)

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        painter.fillRect(rect, qcolor("white"))
        if self.grid is None:
            return
        grid = self.grid
        height = grid.rows * ROW_H
        for col, tech in enumerate(self.technicians):
            x = col * self.col_w
            if tech.hours is None:                       # a day off: the whole column is shaded
                painter.fillRect(QRectF(x, 0, self.col_w, height), qcolor("#f1f5f9"))
                continue
            opens = datetime.combine(grid.day, tech.hours.opens)
            closes = datetime.combine(grid.day, tech.hours.closes)
            top = minutes_between(grid.first, opens) / STEP_MINUTES * ROW_H
            bottom = minutes_between(grid.first, closes) / STEP_MINUTES * ROW_H
            if top > 0:
                painter.fillRect(QRectF(x, 0, self.col_w, top), qcolor("#f1f5f9"))
            if bottom < height:
                painter.fillRect(QRectF(x, bottom, self.col_w, height - bottom), qcolor("#f1f5f9"))
        if self.now is not None and self.now.date() == grid.day and self.now > grid.first:
            past = min(height, minutes_between(grid.first, self.now) / STEP_MINUTES * ROW_H)
            painter.fillRect(QRectF(0, 0, len(self.technicians) * self.col_w, past), QColor(100, 116, 139, 22))
        for row in range(grid.rows + 1):
            t = grid.time_of(row)
            colour = "#cbd5e1" if t.minute == 0 else ("#e2e8f0" if t.minute == 30 else "#f1f5f9")
            painter.setPen(qcolor(colour))
            painter.drawLine(QPointF(0, row * ROW_H), QPointF(len(self.technicians) * self.col_w, row * ROW_H))
        painter.setPen(qcolor("#cbd5e1"))
        for col in range(len(self.technicians) + 1):
            painter.drawLine(QPointF(col * self.col_w, 0), QPointF(col * self.col_w, height))
        if self.now is not None and self.now.date() == grid.day:
            # the present, under the blocks so it never crosses a customer's name (the ruler marks it too)
            y = minutes_between(grid.first, self.now) / STEP_MINUTES * ROW_H
            painter.setPen(QPen(qcolor("#dc2626"), 2))
            painter.drawLine(QPointF(0, y), QPointF(len(self.technicians) * self.col_w, y))

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        if self.grid is None or not self.technicians:
            return
        if self._block_at_cursor() is None and self.hasFocus():
            painter.setPen(QPen(qcolor("#4f46e5"), 2, Qt.PenStyle.DashLine))
            painter.setBrush(QColor(79, 70, 229, 30))
            painter.drawRect(self._cursor_rect().adjusted(2, 1, -2, -1))

    # ------------------------------------------------------------ the cursor

    def _cursor_rect(self) -> QRectF:
        return QRectF(self.cursor_col * self.col_w, self.cursor_row * ROW_H, self.col_w, ROW_H)

    def _block_at_cursor(self) -> Block | None:
        if not self.technicians or self.grid is None:
            return None
        tech = self.technicians[self.cursor_col].technician_id
        t = self.grid.time_of(self.cursor_row)
        hits = [b for (bid, tid), b in self.blocks.items()
                if tid == tech and b.info.start < t + timedelta(minutes=STEP_MINUTES) and t < b.info.end]
        hits.sort(key=lambda b: (b.info.status is BookingStatus.NO_SHOW, b.info.start))
        return hits[0] if hits else None

    def _cursor_changed(self, scroll: bool = True) -> None:
        selected = self._block_at_cursor()
        for block in self.blocks.values():
            if block.selected != (block is selected):
                block.selected = block is selected
                block.update()
        if scroll:
            self.ensureVisible(selected.rect if selected else self._cursor_rect(), 20, 20)
        self.scene().update(self.sceneRect())     # the dashed slot cursor lives in the foreground
        self.header.update()
        self.ruler.update()
        self.selection_changed.emit(selected.info if selected else None)

    def _step(self, dcol: int, drow: int) -> None:
        assert self.grid is not None
        block = self._block_at_cursor()
        if drow and block is not None:          # jump over the block, not through its rows
            first, rows = self.grid.span(block.info.start, block.info.end)
            self.cursor_row = first - 1 if drow < 0 else first + rows
        else:
            self.cursor_row += drow
        self.cursor_row = min(max(0, self.cursor_row), self.grid.rows - 1)
        self.cursor_col = min(max(0, self.cursor_col + dcol), len(self.technicians) - 1)
        self._cursor_changed()

    # ------------------------------------------------------------ keys

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.grid is None or not self.technicians:
            super().keyPressEvent(event)
            return
        key, mods = Qt.Key(event.key()), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._snap_back()                          # let go of a drag without asking anything
            event.accept()
            return
        block = self._block_at_cursor()
        arrows = {Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1), Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0)}
        step = timedelta(minutes=STEP_MINUTES)
        if key in arrows and ctrl and block is not None:
            dcol, drow = arrows[key]
            info = block.info
            col = min(max(0, self.cursor_col + dcol), len(self.technicians) - 1)
            tech = self.technicians[col].technician_id
            start = info.start + drow * step
            if (tech, start) != (info.technician_id, info.start):
                self._request_move(block, tech, start)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and shift and block is not None:
            end = block.info.end + (step if key == Qt.Key.Key_Down else -step)
            self._request_resize(block, end)
        elif key in arrows and not ctrl:
            self._step(*arrows[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._activate(block)
        elif key == Qt.Key.Key_N and not ctrl:
            slot = self.cursor_slot()
            if slot is not None:
                self.book_requested.emit(*slot)
        elif key == Qt.Key.Key_Delete and block is not None:
            self.cancel_requested.emit(block.info.id)
        elif key == Qt.Key.Key_X and block is not None:
            self.no_show_requested.emit(block.info.id)
        elif key == Qt.Key.Key_Home:
            self.cursor_row = self._initial_row()
            self._cursor_changed()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _activate(self, block: Block | None) -> None:
        if block is None:
            slot = self.cursor_slot()
            if slot is not None:
                self.book_requested.emit(*slot)
        elif block.info.status is BookingStatus.BOOKED:
            self.check_in_requested.emit(block.info.id)
        else:
            self.open_requested.emit(block.info.id)

    # ------------------------------------------------------------ asking for changes

    def _request_move(self, block: Block, technician_id: int, start: datetime) -> None:
        generation = self.generation
        self.request_block = block.info
        try:
            self.move_requested.emit(block.info.id, technician_id, start)
        finally:
            self.request_block = None
        if self.generation == generation:        # nobody redrew the day: refused or ignored
            self._snap_back()
        else:
            self.move_cursor_to(technician_id, start)

    def _request_resize(self, block: Block, end: datetime) -> None:
        generation = self.generation
        self.request_block = block.info
        try:
            self.resize_requested.emit(block.info.id, end)
        finally:
            self.request_block = None
        if self.generation == generation:
            self._snap_back()

    def _snap_back(self) -> None:
        for block in self.blocks.values():
            block.setPos(0, 0)
            block.preview = ""
            block.set_preview_height(None)
            block.setZValue(1)
            block.update()
        self._drag = None

    # ------------------------------------------------------------ the mouse

    def _slot_at(self, scene_pos: QPointF) -> tuple[int, int]:
        col = min(max(0, int(scene_pos.x() // self.col_w)), len(self.technicians) - 1)
        assert self.grid is not None
        row = min(max(0, int(scene_pos.y() // ROW_H)), self.grid.rows - 1)
        return col, row

    def _block_under(self, pos: QPoint) -> Block | None:
        for item in self.items(pos):
            if isinstance(item, Block):
                return item
        return None

    def _on_edge(self, block: Block, scene_pos: QPointF) -> bool:
        return block.rect.bottom() - EDGE <= scene_pos.y() <= block.rect.bottom() + 2

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.grid is None or not self.technicians or event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus()
        pos = event.position()
        scene_pos = self.mapToScene(pos.toPoint())
        block = self._block_under(pos.toPoint())
        col, row = self._slot_at(scene_pos)
        if block is not None:
            self.cursor_col = col
            self.cursor_row = self.grid.row_of(block.info.start) if not self._on_edge(block, scene_pos) else row
            self.cursor_row = min(max(0, self.cursor_row), self.grid.rows - 1)
            self._drag = _Drag(block, scene_pos, self._on_edge(block, scene_pos),
                               scene_pos.y() - block.rect.y())
        else:
            self.cursor_col, self.cursor_row = col, row
            self._drag = None
        self._cursor_changed(scroll=False)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position().toPoint()
        scene_pos = self.mapToScene(pos)
        drag = self._drag
        if drag is None or self.grid is None:
            block = self._block_under(pos)
            edge = block is not None and block.info.status in (BookingStatus.BOOKED, BookingStatus.CHECKED_IN) \
                and self._on_edge(block, scene_pos)
            self.viewport().setCursor(Qt.CursorShape.SizeVerCursor if edge else Qt.CursorShape.ArrowCursor)
            super().mouseMoveEvent(event)
            return
        if not drag.started and (scene_pos - drag.press).manhattanLength() < DRAG_START:
            return
        drag.started = True
        self._scroll_near_edge(pos)
        scene_pos = self.mapToScene(pos)
        block, info, grid = drag.block, drag.block.info, self.grid
        step = timedelta(minutes=STEP_MINUTES)
        if drag.resize:
            minutes = (scene_pos.y() / ROW_H) * STEP_MINUTES
            quarters = round(minutes / STEP_MINUTES)
            end = grid.first + quarters * step
            end = max(end, info.start + step)
            drag.end = end
            block.set_preview_height(minutes_between(info.start, end) / STEP_MINUTES * ROW_H)
            block.preview = self.tr("Until {time}").format(time=f"{end:%H:%M}")
        else:
            col, _row = self._slot_at(scene_pos)
            top = scene_pos.y() - drag.offset_y
            quarters = round(top / ROW_H)
            start = grid.first + quarters * step
            tech = self.technicians[col]
            drag.technician_id, drag.start = tech.technician_id, start
            dx = (col - int(block.rect.x() // self.col_w)) * self.col_w
            block.setPos(dx, minutes_between(info.start, start) / STEP_MINUTES * ROW_H)
            block.setZValue(5)
            block.preview = self.tr("→ {time} {technician}").format(time=f"{start:%H:%M}", technician=tech.name)
        block.update()
        self.viewport().update()
        event.accept()

    def _scroll_near_edge(self, pos: QPoint) -> None:
        """A block dragged to the edge of the view scrolls the day along (a quarter per mouse move)."""
        port = self.viewport().rect()
        bar = self.verticalScrollBar()
        if pos.y() < 16:
            bar.setValue(bar.value() - ROW_H)
        elif pos.y() > port.height() - 16:
            bar.setValue(bar.value() + ROW_H)
        side = self.horizontalScrollBar()
        if pos.x() < 16:
            side.setValue(side.value() - self.col_w // 2)
        elif pos.x() > port.width() - 16:
            side.setValue(side.value() + self.col_w // 2)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        drag, self._drag = self._drag, None
        if drag is None or not drag.started:
            super().mouseReleaseEvent(event)
            return
        info = drag.block.info
        if drag.resize and drag.end is not None and drag.end != info.end:
            self._request_resize(drag.block, drag.end)
        elif not drag.resize and drag.start is not None and \
                (drag.technician_id, drag.start) != (info.technician_id, info.start):
            self._request_move(drag.block, drag.technician_id, drag.start)
        else:
            self._snap_back()
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self.grid is None or not self.technicians:
            return
        pos = event.position().toPoint()
        block = self._block_under(pos)
        if block is None:
            col, row = self._slot_at(self.mapToScene(pos))
            self.cursor_col, self.cursor_row = col, row
            self._cursor_changed(scroll=False)
            self.book_requested.emit(self.technicians[col].technician_id, self.grid.time_of(row))
        else:
            self._activate(block)
        event.accept()

    def _block(self, booking_id: int, technician_id: int | None) -> Block:
        for (bid, tid), block in self.blocks.items():
            if bid == booking_id and technician_id in (None, tid):
                return block
        raise KeyError(booking_id)
