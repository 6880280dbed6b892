"""Reading ESC/POS bytes back: what the paper would show, the cuts, the drawer pulses.

A small decoder of the commands this program sends (and a few more), for
the tests (assert the exact lines of a receipt) and for looking at a
receipt as a cashier would see the paper (``paper_image`` -> PNG):

    python -m salon_desk.reports.escpos_view receipt.bin receipt.png [--dots 576]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageDraw

from ..printer_setup import DrawerPulse
from .escpos_bytes import render_row
from .escpos_receipt import Row


class NotEscPos(ValueError):
    """The bytes hold a command this decoder does not know, or text the printer would garble."""


@dataclass
class Printed:
    """What a printer made of the bytes, in order."""

    items: list[tuple[str, object]] = field(default_factory=list)   # ("row", Row) ("image", Image) ("cut", None)
    pulses: list[DrawerPulse] = field(default_factory=list)
    status_queries: list[int] = field(default_factory=list)
    chinese_mode: bool = False

    @property
    def rows(self) -> list[Row]:
        return [item for kind, item in self.items if kind == "row" and isinstance(item, Row)]

    @property
    def lines(self) -> list[str]:
        """The printed text lines, trailing blank feed lines left out."""
        return [row.text for row in self.rows]

    @property
    def images(self) -> list[Image.Image]:
        return [item for kind, item in self.items if kind == "image" and isinstance(item, Image.Image)]

    @property
    def cuts(self) -> int:
        return sum(1 for kind, _ in self.items if kind == "cut")

    @property
    def cut_at_end(self) -> bool:
        """The job's last event is the cut (nothing printed after it)."""
        kinds = [kind for kind, _ in self.items if kind != "feed"]
        return bool(kinds) and kinds[-1] == "cut"


def decode(data: bytes) -> Printed:
    """Decode ``data`` as a printer would; :class:`NotEscPos` on anything unknown or garbled."""
    out = Printed()
    text = bytearray()
    big = bold = False
    i, n = 0, len(data)

    def need(count: int) -> bytes:
        if i + count > n:
            raise NotEscPos(f"command cut short at byte {i}")
        return data[i:i + count]

    def end_row() -> None:
        nonlocal text
        raw = bytes(text)
        if any(b >= 0x80 for b in raw) and not out.chinese_mode:
            raise NotEscPos("GB bytes sent outside the printer's Chinese mode would print garbled")
        try:
            line = raw.decode("gb18030")
        except UnicodeDecodeError as exc:
            raise NotEscPos(f"not GB18030 text: {raw!r}") from exc
        out.items.append(("row", Row(line, big, bold)))
        text = bytearray()

    while i < n:
        byte = data[i]
        if byte == 0x0A:
            end_row()
            i += 1
        elif byte == 0x1B:
            cmd = need(2)[1:2]
            i += 2
            if cmd == b"@":
                big = bold = False
                out.chinese_mode = False
            elif cmd == b"E":
                bold = need(1)[0] & 1 == 1
                i += 1
            elif cmd == b"!":
                mode = need(1)[0]
                big, bold = bool(mode & 0x10), bool(mode & 0x08)
                i += 1
            elif cmd == b"d":
                if text:
                    end_row()
                out.items.extend(("feed", None) for _ in range(need(1)[0]))
                i += 1
            elif cmd == b"p":
                m, t1, t2 = need(3)
                out.pulses.append(DrawerPulse(2 if m in (0, 48) else 5, t1 * 2, t2 * 2))
                i += 3
            elif cmd in (b"a", b"2", b"3", b"t", b"M", b"-"):
                i += 0 if cmd == b"2" else 1
            else:
                raise NotEscPos(f"unknown command ESC {cmd!r}")
        elif byte == 0x1C:
            cmd = need(2)[1:2]
            i += 2
            if cmd == b"&":
                out.chinese_mode = True
            elif cmd == b".":
                out.chinese_mode = False
            elif cmd == b"!":
                big = bool(need(1)[0] & 0x08)
                i += 1
            else:
                raise NotEscPos(f"unknown command FS {cmd!r}")
        elif byte == 0x1D:
            cmd = need(2)[1:2]
            i += 2
            if cmd == b"!":
                big = bool(need(1)[0] & 0x0F)
                i += 1
            elif cmd == b"V":
                m = need(1)[0]
                i += 1 if m in (0, 1, 48, 49) else 2
                if text:
                    end_row()
                out.items.append(("cut", None))
            elif cmd == b"v":
                head = need(6)
                if head[:2] != b"0\x00" and head[:1] != b"0":
                    raise NotEscPos("unknown raster mode")
                width_bytes = int.from_bytes(head[2:4], "little")
                height = int.from_bytes(head[4:6], "little")
                i += 6
                bits = need(width_bytes * height)
                i += width_bytes * height
                picture = Image.frombytes("1", (width_bytes * 8, height), bits)
                # in the bytes 1 is a black dot; in a "1" image 1 is white
                out.items.append(("image", picture.point(lambda v: 0 if v else 255).convert("L")))
            else:
                raise NotEscPos(f"unknown command GS {cmd!r}")
        elif byte == 0x10:
            cmd = need(3)
            if cmd[1] != 0x04:
                raise NotEscPos("unknown DLE command")
            out.status_queries.append(cmd[2])
            i += 3
        elif byte < 0x20:
            raise NotEscPos(f"control byte 0x{byte:02x} in the text")
        else:
            text.append(byte)
            i += 1
    if text:
        end_row()
    return out


def paper_image(data: bytes, dots: int, cols: int | None = None) -> Image.Image:
    """The paper the bytes print, as a picture ``dots`` wide: text in the printer's cells,
    raster pictures as sent, a dashed line where the blade cuts, and a note of each drawer pulse."""
    printed = decode(data)
    cols = cols or (48 if dots >= 576 else 32)
    half = dots // cols
    margin = 24
    parts: list[Image.Image] = []
    for kind, item in printed.items:
        if kind == "row" and isinstance(item, Row):
            parts.append(render_row(item, half, dots))
        elif kind == "image" and isinstance(item, Image.Image):
            parts.append(item)
        elif kind == "feed":
            parts.append(Image.new("L", (dots, 30), 255))
        elif kind == "cut":
            cut = Image.new("L", (dots, 12), 255)
            draw = ImageDraw.Draw(cut)
            for x in range(0, dots, 16):
                draw.line((x, 6, x + 8, 6), fill=120, width=2)
            parts.append(cut)
    height = sum(p.height for p in parts) + 2 * margin
    sheet = Image.new("L", (dots + 2 * margin, height), 200)
    paper = Image.new("L", (dots, height - 2 * margin), 255)
    y = 0
    for part in parts:
        paper.paste(part, (0, y))
        y += part.height
    sheet.paste(paper, (margin, margin))
    if printed.pulses:
        ImageDraw.Draw(sheet).text((4, 4), f"drawer pulse: pin {printed.pulses[0].pin}", fill=0)
    return sheet


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    dots = int(argv[argv.index("--dots") + 1]) if "--dots" in argv else 576
    paper_image(Path(argv[0]).read_bytes(), dots).save(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
