"""Where the shop file lives by default: the user's data directory."""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "salon-desk"


def data_dir() -> Path:
    return Path(user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    return data_dir() / "shop.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"
