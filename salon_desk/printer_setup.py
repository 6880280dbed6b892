"""The receipt printer's settings read as one value, where it is, and when the cash drawer opens.

The printer is either the system print queue (a picture of the PDF, as
always) or an ESC/POS thermal printer reached over the network (IP:9100),
USB (vendor:product), a serial port, or a Windows printer queue in raw mode.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, Mapping

from .errors import InvalidInput
from .escpos_text import CodePage
from .records import ReceiptRecord, RefundInfo

Kind = Literal["system", "network", "usb", "serial", "windows"]
KINDS: tuple[Kind, ...] = ("system", "network", "usb", "serial", "windows")
STANDARD_COLUMNS = {"80mm": 48, "58mm": 32}       # the standard 12 x 24 font
DOTS = {"80mm": 576, "58mm": 384}                  # printable width at 203 dpi: 72 mm / 48 mm
DRAWER_PINS = {"pin2": 0, "pin5": 1}               # ESC p m: m = 0 for pin 2, 1 for pin 5
DEFAULT_PORT = 9100
DEFAULT_BAUD = 9600


@dataclass(frozen=True)
class NetworkTarget:
    host: str
    port: int = DEFAULT_PORT

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class UsbTarget:
    vendor: int
    product: int

    def __str__(self) -> str:
        return f"USB {self.vendor:04x}:{self.product:04x}"


@dataclass(frozen=True)
class SerialTarget:
    port: str
    baud: int = DEFAULT_BAUD

    def __str__(self) -> str:
        return f"{self.port} ({self.baud})"


@dataclass(frozen=True)
class WindowsTarget:
    name: str

    def __str__(self) -> str:
        return self.name


Target = NetworkTarget | UsbTarget | SerialTarget | WindowsTarget

_HOST = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$")
_USB = re.compile(r"^(?:0x)?([0-9A-Fa-f]{1,4})\s*[:/ ]\s*(?:0x)?([0-9A-Fa-f]{1,4})$")
_SERIAL = re.compile(r"^(COM\d{1,3}|/dev/[A-Za-z0-9_./-]+)(?:\s*[@,:]\s*(\d{3,7}))?$", re.IGNORECASE)


def parse_target(kind: str, address: str) -> Target:
    """Where the printer is, from the kind and the address the owner typed.

    network ``192.168.1.50`` or ``192.168.1.50:9100``; usb ``0416:5011`` (hex
    vendor:product); serial ``COM3``, ``/dev/ttyUSB0`` or ``COM3@19200``;
    windows the printer's name as Windows lists it. :class:`InvalidInput`
    ``printer.bad_address`` otherwise.
    """
    text = address.strip()
    bad = InvalidInput("printer.bad_address", kind=kind, address=address)
    if kind == "network":
        host, _, port = text.rpartition(":") if ":" in text else (text, "", "")
        if not _HOST.match(host) or (port and not (port.isdigit() and 0 < int(port) < 65536)):
            raise bad
        return NetworkTarget(host, int(port) if port else DEFAULT_PORT)
    if kind == "usb":
        match = _USB.match(text)
        if not match:
            raise bad
        return UsbTarget(int(match.group(1), 16), int(match.group(2), 16))
    if kind == "serial":
        match = _SERIAL.match(text)
        if not match:
            raise bad
        return SerialTarget(match.group(1), int(match.group(2)) if match.group(2) else DEFAULT_BAUD)
    if kind == "windows":
        if not text or len(text) > 120:
            raise bad
        return WindowsTarget(text)
    raise InvalidInput("printer.not_escpos", kind=kind)


@dataclass(frozen=True)
class PrinterConfig:
    """The printer settings of the shop (``printer.*`` in the settings registry)."""

    kind: Kind = "system"
    address: str = ""
    paper: str = "80mm"
    columns: int = 0                 # 0: the standard for the paper (48 / 32)
    code_page: CodePage = "gbk"
    raster: bool = False             # a printer without a Chinese font gets pictures
    drawer: str = "pin2"             # pin2 / pin5 / none
    drawer_on_ms: int = 100
    drawer_off_ms: int = 100

    @property
    def escpos(self) -> bool:
        """True when receipts go straight to a thermal printer rather than the print queue."""
        return self.kind != "system"

    @property
    def cols(self) -> int:
        return self.columns or STANDARD_COLUMNS[self.paper]

    @property
    def dots(self) -> int:
        return DOTS[self.paper]

    @property
    def text_code_page(self) -> CodePage:
        """What the layout may use: the printer's Chinese mode, or the bundled font when raster."""
        return "raster" if self.raster else self.code_page

    def target(self) -> Target:
        return parse_target(self.kind, self.address)


def config_from_settings(values: Mapping[str, Any]) -> PrinterConfig:
    """The config from the shop's settings (``shop.settings.all`` or ``ctx.setting``)."""
    defaults = PrinterConfig()
    return PrinterConfig(
        kind=values.get("printer.kind", defaults.kind),
        address=values.get("printer.address", defaults.address),
        paper=values.get("printer.paper", defaults.paper),
        columns=values.get("printer.columns", defaults.columns),
        code_page=values.get("printer.code_page", defaults.code_page),
        raster=values.get("printer.raster", defaults.raster),
        drawer=values.get("printer.drawer", defaults.drawer),
        drawer_on_ms=values.get("printer.drawer_on_ms", defaults.drawer_on_ms),
        drawer_off_ms=values.get("printer.drawer_off_ms", defaults.drawer_off_ms),
    )


@dataclass(frozen=True)
class DrawerPulse:
    """ESC p m t1 t2: pulse the drawer kick pin ``pin`` (2 or 5) on ``on_ms``, then rest ``off_ms``."""

    pin: int
    on_ms: int
    off_ms: int

    def command(self) -> bytes:
        m = 0 if self.pin == 2 else 1
        return bytes([0x1B, 0x70, m, _units(self.on_ms), _units(self.off_ms)])


def _units(ms: int) -> int:
    return max(1, min(255, round(ms / 2)))


def drawer_pulse(config: PrinterConfig) -> DrawerPulse | None:
    """The pulse this printer's drawer takes; None when no drawer is connected."""
    if config.drawer == "none":
        return None
    return DrawerPulse(2 if config.drawer == "pin2" else 5, config.drawer_on_ms, config.drawer_off_ms)


def sale_opens_drawer(record: ReceiptRecord, reprint: bool) -> bool:
    """A sale's receipt opens the drawer when cash was part of the payment; a reprint never does."""
    return not reprint and record.status == "completed" and \
        any(p.method == "cash" and p.amount_fen > 0 for p in record.payments)


def refund_opens_drawer(refund: RefundInfo, reprint: bool) -> bool:
    """A void or refund slip opens the drawer when the money goes back in cash; a reprint never does."""
    return not reprint and refund.method == "cash" and refund.amount_fen > 0

