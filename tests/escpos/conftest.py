"""The fake thermal printer, and a clean slate of printers that never answered a status query."""

from __future__ import annotations

import pytest

from salon_desk.reports import escpos_transport

from fake_printer import FakePrinter


@pytest.fixture(autouse=True)
def fresh_status():
    escpos_transport.forget_silent_printers()
    yield
    escpos_transport.forget_silent_printers()


@pytest.fixture
def printer():
    fake = FakePrinter()
    yield fake
    fake.close()
