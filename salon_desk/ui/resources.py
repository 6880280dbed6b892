"""Where the bundled font and translations are, installed or run from the source tree."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

FONT_FILE = "wqy-microhei-subset.ttf"


def resources_dir() -> Path:
    """The ``salon_desk.resources`` package folder (``resources/`` in a checkout)."""
    try:
        return Path(str(importlib.resources.files("salon_desk.resources")))
    except ModuleNotFoundError:
        # Editable installs and plain checkouts: resources/ sits beside the package.
        return Path(__file__).resolve().parents[2] / "resources"


def font_path() -> Path:
    return resources_dir() / "fonts" / FONT_FILE


def translation_path(language: str) -> Path:
    return resources_dir() / "translations" / f"salon_desk_{language}.qm"
