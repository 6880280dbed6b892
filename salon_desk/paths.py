"""Where the shop file lives by default: the user's data directory.

Windows: ``%LOCALAPPDATA%\\salon-desk`` (the per-machine, non-roaming profile folder: a shop
file must not follow a roaming profile between PCs); Linux: ``$XDG_DATA_HOME/salon-desk``
(``~/.local/share/salon-desk``); macOS: ``~/Library/Application Support/salon-desk``.
Every path is built with :mod:`pathlib`, never with a separator written out.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "salon-desk"


def data_dir(platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if platform == "win32" and environ.get("LOCALAPPDATA"):
        return Path(environ["LOCALAPPDATA"]) / APP_NAME
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "shop.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def resources_dir() -> Path:
    """The folder of the bundled font and translations (no Qt, no reportlab: both the window and the
    PDFs ask here). Looked for, in order: a PyInstaller bundle's ``sys._MEIPASS/resources`` (where
    packaging/salon-desk.spec puts them), the installed ``salon_desk.resources`` package, and
    ``resources/`` beside the package in a checkout. In a bundle its own folder is the only one;
    otherwise the first that holds the fonts wins."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    for folder in resource_candidates():
        if (folder / "fonts").is_dir():
            return folder
    return resource_candidates()[-1]


def resource_candidates() -> list[Path]:
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        found.append(Path(bundle) / "resources")
    try:
        import importlib.resources
        found.append(Path(str(importlib.resources.files("salon_desk.resources"))))
    except ModuleNotFoundError:
        pass
    found.append(Path(__file__).resolve().parent.parent / "resources")
    return found
