"""The reliability suite: bounded counts in CI, a hundred times more with ``pytest --long tests/reliability``."""

from __future__ import annotations

import pytest


@pytest.fixture
def runs(request) -> int:
    """How many times to repeat each fault (``--long``: a hundred times more)."""
    return 100 if request.config.getoption("--long") else 1
