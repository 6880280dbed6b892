"""The installed Qt binding keeps None's reference count: a day at the counter makes
hundreds of thousands of calls that return nothing (shiboken6 6.12 on Python 3.11
dropped a reference on each and aborted the program after a few thousand)."""

import sys

from PySide6.QtWidgets import QLabel


def test_a_days_worth_of_void_calls_leaves_none_alone(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(20_000):
        label.setText("洗剪吹")
    assert sys.getrefcount(None) >= before - 100
