"""The bundle puts the font, translations and migrations where the program looks for them,
on any system (the shops' PCs are mostly Windows): paths are built from the package's
own location, never from a Linux path."""

from __future__ import annotations

import importlib.resources
import re
import sys
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from salon_desk import paths
from salon_desk.db import database
from salon_desk.reports import fonts as report_fonts
from salon_desk.ui import resources as ui_resources

ROOT = Path(__file__).resolve().parents[2]
SPEC = (ROOT / "packaging" / "salon-desk.spec").read_text(encoding="utf-8")


def _missing(*args, **kwargs):
    raise ModuleNotFoundError("salon_desk.resources")


def _spec_destinations() -> set[str]:
    return set(re.findall(r'\),\s*"([\w/]+)"\)', SPEC))


@pytest.fixture
def frozen(tmp_path, monkeypatch):
    """The modules as PyInstaller lays them out: _internal/salon_desk/..., data beside."""
    bundle = tmp_path / "salon-desk" / "_internal"
    monkeypatch.setattr(ui_resources, "__file__", str(bundle / "salon_desk" / "ui" / "resources.pyc"))
    monkeypatch.setattr(report_fonts, "__file__", str(bundle / "salon_desk" / "reports" / "fonts.pyc"))
    monkeypatch.setattr(importlib.resources, "files", _missing)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle.resolve()), raising=False)   # what the bootloader sets
    return bundle.resolve()


def test_the_spec_ships_fonts_translations_and_migrations():
    assert _spec_destinations() == {"resources/fonts", "resources/translations", "salon_desk/db/migrations"}


def test_in_the_bundle_the_window_and_the_pdfs_find_the_same_font_and_the_translation(frozen):
    font = ui_resources.font_path()
    assert font == frozen / "resources" / "fonts" / ui_resources.FONT_FILE
    assert report_fonts.font_path() == font
    assert ui_resources.translation_path("zh_CN") == frozen / "resources" / "translations" / "salon_desk_zh_CN.qm"
    shipped = {str(p.relative_to(frozen).parent.as_posix()) for p in (font, ui_resources.translation_path("zh_CN"))}
    assert shipped <= _spec_destinations()


def test_the_migrations_are_read_beside_the_database_package():
    relative = database.MIGRATIONS_DIR.relative_to(Path(database.__file__).resolve().parents[2])
    assert relative.as_posix() in _spec_destinations()
    assert sorted(p.name for p in database.MIGRATIONS_DIR.glob("0*.py"))


def test_the_checkout_has_every_file_the_spec_ships():
    for source, _dest in re.findall(r'\(str\(ROOT / (.*?)\),\s*"([\w/]+)"\)', SPEC):
        parts = re.findall(r'"([^"]+)"', source)
        matches = list(ROOT.joinpath(*parts[:-1]).glob(parts[-1]))
        assert matches, f"the spec ships {'/'.join(parts)}, which is not in the checkout"


def test_the_shop_file_lives_in_the_users_data_folder_on_every_system():
    import platformdirs
    # platformdirs gives %LOCALAPPDATA%\salon-desk on Windows, ~/Library/Application Support on macOS
    assert paths.default_db_path() == Path(platformdirs.user_data_dir("salon-desk", appauthor=False)) / "shop.sqlite"
    assert paths.demo_db_path().parent == paths.default_db_path().parent


def test_on_windows_the_shop_file_lives_in_the_local_app_data_folder(monkeypatch):
    local = r"C:\Users\li\AppData\Local"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", local)
    shop = paths.default_db_path()
    assert PureWindowsPath(str(shop)) == PureWindowsPath(local, "salon-desk", "shop.sqlite")
    assert PureWindowsPath(str(paths.demo_db_path())) == PureWindowsPath(local, "salon-desk", "demo.sqlite")
    assert paths.data_dir("win32", {"LOCALAPPDATA": r"D:\Profiles\shop"}) == Path(r"D:\Profiles\shop") / "salon-desk"


@pytest.mark.parametrize("shop_folder", [r"C:\Users\li\AppData\Local\salon-desk", "/home/li/.local/share/salon-desk"])
def test_the_backups_folder_lock_file_and_write_ahead_log_sit_beside_the_shop_file_on_any_system(shop_folder):
    from salon_desk.db.encryption import _side as side_file
    from salon_desk.db.file_lock import lock_path
    kind = PureWindowsPath if "\\" in shop_folder else PurePosixPath
    shop = kind(shop_folder) / "shop.sqlite"
    assert kind(str(lock_path(Path(str(shop))))) == kind(shop_folder) / "shop.sqlite.lock"
    assert kind(str(side_file(Path(str(shop)), "-wal"))) == kind(shop_folder) / "shop.sqlite-wal"


def test_outside_a_bundle_the_font_is_found_beside_the_package_not_in_a_system_folder(monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    font = ui_resources.font_path()
    assert font.is_file() and report_fonts.font_path() == font
    package = Path(paths.__file__).resolve().parent
    assert package.parent in font.parents or package in font.parents
    assert not str(font).startswith(("/usr/share", "/usr/local/share"))


def test_a_windows_bundle_finds_its_resources_under_meipass(monkeypatch, tmp_path):
    bundle = tmp_path / "dist" / "salon-desk" / "_internal"
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    assert ui_resources.font_path() == bundle / "resources" / "fonts" / ui_resources.FONT_FILE
    assert report_fonts.font_path() == ui_resources.font_path()
    assert ui_resources.translation_path("zh_CN") == bundle / "resources" / "translations" / "salon_desk_zh_CN.qm"
