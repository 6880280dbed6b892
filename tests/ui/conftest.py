"""Window tests run offscreen, in Chinese, with no modal box ever left waiting.

The shop fixtures (``shop``, ``owner``, ``cashier``, ``items``...) come from
tests/conftest.py; here: the window for a staff member and the messages it
showed. Typing Chinese and answering modal dialogs: ui_helpers.py.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")   # before Qt is imported

import pytest  # noqa: E402

from salon_desk.app import build_main_window  # noqa: E402
from salon_desk.ui import widgets  # noqa: E402
from salon_desk.ui.printing import PrintPreviewDialog  # noqa: E402
from salon_desk.ui.i18n import install_language, register_font  # noqa: E402


@pytest.fixture(autouse=True)
def chinese(qapp):
    """Every window test runs in the shop's default language, Simplified Chinese."""
    register_font(qapp)
    assert install_language("zh_CN"), "the zh_CN .qm is missing: run python resources/translations/build.py"
    yield
    install_language("zh_CN")


@pytest.fixture
def shown() -> list[str]:
    """Messages the window showed in boxes (instead of a blocking QMessageBox)."""
    return []


@pytest.fixture
def make_window(qtbot, shop, shown):
    def make(staff):
        window = build_main_window(shop, staff, language="zh_CN")
        window.ops.error_presenter = lambda _parent, text: shown.append(text)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        return window
    return make


@pytest.fixture
def window(make_window, cashier):
    return make_window(cashier)


@pytest.fixture
def no_prompts(monkeypatch, shown):
    """Yes/no questions answer yes; notices are collected."""
    monkeypatch.setattr(widgets.Confirm, "ask", classmethod(lambda cls, parent, title, text: True))
    monkeypatch.setattr(widgets.Notice, "show", classmethod(lambda cls, parent, title, text: shown.append(text)))


@pytest.fixture
def previews(monkeypatch) -> list:
    """(pdf bytes, file name) of every preview opened; none is shown."""
    seen: list = []
    monkeypatch.setattr(PrintPreviewDialog, "ask",
                        classmethod(lambda cls, parent, data, title, name="", slip=None: seen.append((data, name)) or False))
    return seen
