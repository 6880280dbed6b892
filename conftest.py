"""Test configuration for the whole suite: Qt draws offscreen, no display needed."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
