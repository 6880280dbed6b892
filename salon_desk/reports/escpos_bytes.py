"""A laid-out roll as the bytes an ESC/POS printer takes: Chinese text, or a raster picture.

Text mode sends our own GB bytes (escpos_text.encode) with the printer in
Chinese mode (FS &): python-escpos's automatic code-page switching prints
``￥`` as ``?`` and garbles a printer in Chinese mode, so it only lends its
command constants here. Raster mode draws the same rows with the bundled
font into a picture exactly as wide as the paper's printable dots (384 on
58 mm, 576 on 80 mm) and sends it with GS v 0, for a printer without a
Chinese font. Either job may start with the cash drawer's pulse (ESC p) and
ends with a feed past the cutter and a partial cut.
"""

from __future__ import annotations

import math
from functools import lru_cache

from escpos.constants import PAPER_PART_CUT
from PIL import Image, ImageDraw, ImageFont

from ..escpos_text import char_width, encode
from ..printer_setup import DrawerPulse
from .escpos_receipt import Roll, Row

ESC, GS, FS, LF = b"\x1b", b"\x1d", b"\x1c", b"\n"
INIT = ESC + b"@"
CHINESE_ON = FS + b"&"
BIG_ON = GS + b"!\x01" + FS + b"!\x08"       # double height: half-width (GS !) and Chinese (FS !)
BIG_OFF = GS + b"!\x00" + FS + b"!\x00"
BOLD_ON, BOLD_OFF = ESC + b"E\x01", ESC + b"E\x00"
FEED_TO_CUTTER = ESC + b"d\x04"               # print and feed 4 lines: the last line clears the blade
CUT = PAPER_PART_CUT                          # GS V 1
LINE_DOTS = 30                                # the standard line: 24-dot font plus 6 dots of spacing
BAND = 256                                    # rows of a raster picture sent in one GS v 0


def text_job(roll: Roll, drawer: DrawerPulse | None = None) -> bytes:
    """The roll as ESC/POS text in the printer's Chinese mode, ending with the cut."""
    out = bytearray(INIT + CHINESE_ON)
    if drawer is not None:
        out += drawer.command()
    for row in roll.rows:
        if row.big:
            out += BIG_ON
        if row.bold:
            out += BOLD_ON
        out += encode(row.text, roll.code_page) + LF
        if row.bold:
            out += BOLD_OFF
        if row.big:
            out += BIG_OFF
    out += FEED_TO_CUTTER + CUT
    return bytes(out)


def raster_job(roll: Roll, dots: int, drawer: DrawerPulse | None = None) -> bytes:
    """The roll drawn as a picture ``dots`` wide and sent as GS v 0 raster bands, ending with the cut."""
    out = bytearray(INIT)
    if drawer is not None:
        out += drawer.command()
    out += raster_command(render_roll(roll, dots))
    out += FEED_TO_CUTTER + CUT
    return bytes(out)


def raster_command(image: Image.Image) -> bytes:
    """GS v 0 m xL xH yL yH d1...dk for a 1-bit picture, in bands of at most BAND rows."""
    bits = image.convert("L").point(lambda v: 255 if v < 128 else 0).convert("1")   # 1 = a black dot
    width_bytes = (bits.width + 7) // 8
    out = bytearray()
    for top in range(0, bits.height, BAND):
        band = bits.crop((0, top, bits.width, min(bits.height, top + BAND)))
        out += GS + b"v0\x00" + width_bytes.to_bytes(2, "little") + band.height.to_bytes(2, "little")
        out += band.tobytes()
    return bytes(out)


# -- drawing rows like the printer does -----------------------------------------
@lru_cache(maxsize=4)
def _font(size: int) -> ImageFont.FreeTypeFont:
    from .fonts import font_path   # the PDF's font module loads reportlab: only when rendering a picture
    return ImageFont.truetype(str(font_path()), size)


@lru_cache(maxsize=8192)
def _glyph(char: str, cell: int, height: int) -> Image.Image:
    """One character as a mask in its cell (``cell`` dots wide, centred), as the printer's font sets it."""
    font = _font(height)
    drawn = math.ceil(font.getlength(char))
    mask = Image.new("L", (max(cell, drawn), height), 0)
    draw = ImageDraw.Draw(mask)
    draw.text(((mask.width - font.getlength(char)) / 2, height * 0.88), char, fill=255, font=font, anchor="ls")
    if mask.width > cell:        # a wide Latin letter (M, W) is narrowed into its cell, as printer fonts do
        mask = mask.resize((cell, height), Image.Resampling.LANCZOS)
    return mask


def render_row(row: Row, half: int, dots: int) -> Image.Image:
    """One row: a half-width character is ``half`` dots wide, a Chinese one twice that; 24 dots tall
    (48 when double height), with the printer's line spacing below."""
    height = half * 2
    line = Image.new("L", (dots, height), 255)
    x = 0
    for char in row.text:
        cell = half * char_width(char)
        if char != " " and x + cell <= dots:
            glyph = _glyph(char, cell, height)
            line.paste(0, (x, 0), glyph)
            if row.bold:
                line.paste(0, (x + 1, 0), glyph)
        x += cell
    if row.big:
        line = line.resize((dots, height * 2), Image.Resampling.NEAREST)
    spacing = LINE_DOTS - 24 if half == 12 else max(2, height // 4)
    out = Image.new("L", (dots, line.height + spacing), 255)
    out.paste(line, (0, 0))
    return out


def render_roll(roll: Roll, dots: int) -> Image.Image:
    """The whole roll as a greyscale picture ``dots`` wide (white paper, black print)."""
    half = dots // roll.cols              # 12 dots at the standard 48 / 32 columns
    rows = [render_row(row, half, dots) for row in roll.rows]
    image = Image.new("L", (dots, sum(r.height for r in rows) or 1), 255)
    y = 0
    for row in rows:
        image.paste(row, (0, y))
        y += row.height
    return image
