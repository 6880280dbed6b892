"""What the screenshot scripts share: the demo shop file they shoot, and letting the window
settle before a picture is taken. Run the scripts as ``python docs/make_….py`` (this folder is
then on the import path)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any, Sequence

from PySide6.QtWidgets import QApplication

from salon_desk.db.demo import build_demo

DOCS = Path(__file__).resolve().parent


def settle(app: QApplication, rounds: int = 5) -> None:
    """Let the window lay itself out and paint (a few passes of the event loop)."""
    for _ in range(rounds):
        app.processEvents()


def demo_file(argv: Sequence[str] = (), **build: Any) -> Path:
    """A demo shop file in a fresh temporary folder: a copy of ``argv[0]`` when given, else one
    built with ``build_demo(**build)``."""
    work = Path(tempfile.mkdtemp()) / "demo.sqlite"
    if argv:
        shutil.copyfile(argv[0], work)
    else:
        build_demo(work, **build)
    return work
