"""Can Qt start here? One line naming the missing system library and the command that installs it.

Without this a bare Linux machine shows a traceback (``ImportError:
libGL.so.1: cannot open shared object file``) or Qt's own abort, which names
only ``xcb-cursor0`` although ten libraries may be missing. ``problem()``
imports Qt's widgets and, when Qt would draw on X11, checks that the xcb
platform plugin's libraries load, before any window is made. Nothing here
imports Qt at module level, so the check runs where Qt cannot.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path
from typing import Callable, Mapping

# Debian/Ubuntu package of each library Qt loads; scripts/install-system-packages.sh installs them all.
IMPORT_LIBRARIES: dict[str, str] = {
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libfontconfig.so.1": "libfontconfig1",
}
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
}
DEBIAN_PACKAGES: tuple[str, ...] = tuple(dict.fromkeys([*IMPORT_LIBRARIES.values(), *XCB_LIBRARIES.values()]))

_MISSING_LIBRARY = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*)")


def install_command(is_root: bool | None = None) -> str:
    """The one command that installs every system library Qt needs on Debian or Ubuntu."""
    if is_root is None:
        is_root = hasattr(os, "geteuid") and os.geteuid() == 0
    command = "apt-get install -y " + " ".join(DEBIAN_PACKAGES)
    return command if is_root else "sudo " + command


def describe_import_error(error: ImportError) -> str:
    """One line for a failed ``import PySide6...``."""
    text = str(error)
    if isinstance(error, ModuleNotFoundError) and (error.name or "").startswith(("PySide6", "shiboken6")):
        return "Qt for Python (PySide6) is not installed: pip install -e . (or reinstall salon-desk)"
    match = _MISSING_LIBRARY.search(text)
    if match:
        library = match.group(1)
        package = IMPORT_LIBRARIES.get(library) or XCB_LIBRARIES.get(library)
        named = f"{library} (Debian/Ubuntu package {package})" if package else library
        return f"Qt cannot start: the system library {named} is missing; install what Qt needs with: {install_command()}"
    return f"Qt cannot start: {text.splitlines()[0] if text else type(error).__name__}"


def _loads(library: str) -> bool:
    candidates = [library]
    bundle = getattr(sys, "_MEIPASS", None)       # a PyInstaller bundle may carry its own copy
    if bundle:
        candidates.insert(0, str(Path(bundle) / library))
    for candidate in candidates:
        try:
            ctypes.CDLL(candidate)
            return True
        except OSError:
            continue
    return False


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt would draw through X11 (its xcb plugin) with this environment."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":")[0].split(";")[0].strip()
    if chosen:
        return chosen == "xcb"
    return not (environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland")


def xcb_problem(environ: Mapping[str, str] | None = None, loads: Callable[[str], bool] = _loads,
                platform: str = sys.platform) -> str | None:
    """One line if Qt's xcb platform plugin would abort for lack of a library or a display."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(environ, platform):
        return None
    missing = [library for library in XCB_LIBRARIES if not loads(library)]
    if missing:
        names = ", ".join(f"{library} ({XCB_LIBRARIES[library]})" for library in missing)
        return (f"Qt cannot open a window: the system "
                f"librar{'ies' if len(missing) > 1 else 'y'} {names} {'are' if len(missing) > 1 else 'is'} missing; "
                f"install what Qt needs with: {install_command()}")
    if not environ.get("DISPLAY"):
        return "Qt cannot open a window: no screen (DISPLAY is not set); start salon-desk from the desktop"
    return None


def problem() -> str | None:
    """None when the window can start; otherwise the one line to print."""
    try:
        import PySide6.QtWidgets  # noqa: F401
    except ImportError as error:
        return describe_import_error(error)
    return xcb_problem()
