"""Sending ESC/POS bytes to the printer: network (IP:9100), USB, serial, or a Windows queue in raw mode.

python-escpos 3.1 opens the connection (its ``Network``, ``Usb``, ``Serial``
and ``Win32Raw`` printers); we only hand it our own bytes (``_raw``) and
read the status answer (``_read``), never its text methods. Every step has
a timeout (TIMEOUT seconds), so a printer that is off or unplugged costs
the counter at most a couple of seconds, and every failure is a
:class:`PrinterProblem` with a code the window turns into a sentence.

Before a job the printer is asked for its paper sensor (DLE EOT 4). A
printer that answers "paper out" gets only the drawer pulse (the cashier
still needs the change drawer); one that never answers is printed to
anyway, and not asked again for the rest of the session.
"""

from __future__ import annotations

import socket
import sys
from dataclasses import dataclass
from typing import Any, Protocol

from ..errors import PrinterProblem
from ..printer_setup import NetworkTarget, SerialTarget, Target, UsbTarget, WindowsTarget

TIMEOUT = 2.5          # seconds to connect and to send a job
STATUS_WAIT = 0.4      # seconds a printer has to answer a status query
PAPER_STATUS = b"\x10\x04\x04"      # DLE EOT 4: paper roll sensor
PAPER_END = 0x60                   # bits 5 and 6: paper end detected
PAPER_NEAR_END = 0x0C              # bits 2 and 3: paper near its end
_SILENT: set[str] = set()          # printers that did not answer a status query this session


class Connection(Protocol):
    def write(self, data: bytes) -> None: ...
    def read(self, wait: float) -> bytes: ...
    def close(self) -> None: ...


@dataclass(frozen=True)
class Sent:
    """What happened: the bytes went out; the paper was nearly out (if the printer said so)."""

    printer: str
    bytes_sent: int
    paper_low: bool = False


class _Library:
    """A python-escpos printer object used only to carry bytes."""

    def __init__(self, printer: Any, label: str) -> None:
        self.printer = printer
        self.label = label

    def write(self, data: bytes) -> None:
        self.printer._raw(data)

    def read(self, wait: float) -> bytes:
        device = self.printer.device
        if isinstance(device, socket.socket):
            device.settimeout(wait)
            try:
                return bytes(self.printer._read())
            finally:
                device.settimeout(TIMEOUT)
        if hasattr(self.printer, "_read"):
            return bytes(self.printer._read())
        return b""

    def close(self) -> None:
        try:
            self.printer.close()
        except Exception:          # noqa: BLE001 - closing a dead connection must not hide the real problem
            pass


def connect(target: Target, job_name: str = "salon-desk", timeout: float = TIMEOUT) -> Connection:
    """An open connection to ``target``; :class:`PrinterProblem` when it cannot be opened."""
    label = str(target)
    try:
        from escpos.exceptions import DeviceNotFoundError
    except ImportError as exc:      # pragma: no cover - a dependency of the package
        raise PrinterProblem("printer.unavailable", kind="escpos", printer=label) from exc
    try:
        if isinstance(target, NetworkTarget):
            from escpos.printer import Network
            printer: Any = Network(target.host, target.port, timeout=timeout)
            # the library's open() leaves a refused socket unclosed: connect here, send through it
            printer.device = socket.create_connection((target.host, target.port), timeout=timeout)
        elif isinstance(target, UsbTarget):
            from escpos.printer import Usb
            if not Usb.is_usable():
                raise PrinterProblem("printer.unavailable", kind="usb", printer=label)
            printer = Usb(target.vendor, target.product, timeout=int(timeout * 1000))
            printer.open()
        elif isinstance(target, SerialTarget):
            from escpos.printer import Serial
            if not Serial.is_usable():
                raise PrinterProblem("printer.unavailable", kind="serial", printer=label)
            printer = Serial(target.port, baudrate=target.baud, timeout=timeout)
            printer.open()
        elif isinstance(target, WindowsTarget):
            # Windows only (pywin32): the queue must use the printer's "Generic / Text Only" or raw driver
            from escpos.printer import Win32Raw
            if sys.platform != "win32" or not Win32Raw.is_usable():
                raise PrinterProblem("printer.unavailable", kind="windows", printer=label)
            printer = Win32Raw(target.name)
            printer.open(job_name=job_name)
        else:                       # pragma: no cover - the union is closed
            raise PrinterProblem("printer.unavailable", kind=type(target).__name__, printer=label)
    except PrinterProblem:
        raise
    except (socket.timeout, TimeoutError) as exc:
        raise PrinterProblem("printer.timeout", printer=label) from exc
    except DeviceNotFoundError as exc:
        if "timed out" in str(exc):
            raise PrinterProblem("printer.timeout", printer=label) from exc
        raise PrinterProblem("printer.unreachable", printer=label, reason=_reason(exc)) from exc
    except (OSError, ValueError) as exc:
        raise PrinterProblem("printer.unreachable", printer=label, reason=_reason(exc)) from exc
    return _Library(printer, label)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[-1] if text else type(exc).__name__


def paper_status(connection: Connection, label: str) -> int | None:
    """The paper sensor byte, or None when the printer does not answer (then it is not asked again)."""
    if label in _SILENT:
        return None
    try:
        connection.write(PAPER_STATUS)
        answer = connection.read(STATUS_WAIT)
    except (socket.timeout, TimeoutError, OSError, ValueError):
        answer = b""
    except Exception:   # noqa: BLE001 - pyusb raises its own USBTimeoutError
        answer = b""
    # a status byte always has bit 4 set and bits 0 and 7 clear
    if not answer or (answer[-1] & 0x93) != 0x12:
        _SILENT.add(label)
        return None
    return answer[-1]


def send(target: Target, data: bytes, pulse: bytes = b"", timeout: float = TIMEOUT,
         check_paper: bool = True, job_name: str = "salon-desk") -> Sent:
    """Send one job: ``pulse`` (the drawer's ESC p, or nothing) and then ``data``.

    Paper out: only the pulse is sent, then :class:`PrinterProblem` ``printer.paper_out``
    with ``drawer_opened`` telling whether the drawer was opened.
    """
    label = str(target)
    connection = connect(target, job_name, timeout)
    try:
        status = paper_status(connection, label) if check_paper else None
        if status is not None and status & PAPER_END == PAPER_END:
            if pulse:
                connection.write(b"\x1b@" + pulse)
            raise PrinterProblem("printer.paper_out", printer=label, drawer_opened=bool(pulse))
        connection.write((b"\x1b@" + pulse if pulse else b"") + data)
        return Sent(label, len(pulse) + len(data), status is not None and status & PAPER_NEAR_END != 0)
    except PrinterProblem:
        raise
    except (socket.timeout, TimeoutError) as exc:
        raise PrinterProblem("printer.timeout", printer=label) from exc
    except (OSError, ValueError) as exc:
        raise PrinterProblem("printer.failed", printer=label, reason=_reason(exc)) from exc
    finally:
        connection.close()


def forget_silent_printers() -> None:
    """Ask every printer for its status again (after the settings change, and in tests)."""
    _SILENT.clear()
