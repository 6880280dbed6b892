"""Where the bundled font and translations are, installed or run from the source tree."""

from __future__ import annotations

from pathlib import Path

FONT_FILE = "wqy-microhei-subset.ttf"


def resources_dir() -> Path:
    """The bundle's, the installed package's or the checkout's ``resources`` folder (:mod:`salon_desk.paths`)."""
    from ..paths import resources_dir as found
    return found()


def font_path() -> Path:
    return resources_dir() / "fonts" / FONT_FILE


def translation_path(language: str) -> Path:
    return resources_dir() / "translations" / f"salon_desk_{language}.qm"
