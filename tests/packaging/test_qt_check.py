"""When Qt cannot load, the program says so in one line with the command that fixes it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from salon_desk.ui import qt_check

ROOT = Path(__file__).resolve().parents[2]


def _run(prelude: str, call: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    code = textwrap.dedent(prelude) + "\n" + call
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


BROKEN_QT = """
import sys
class _NoLibGL:
    def find_spec(self, name, path=None, target=None):
        if name.startswith("PySide6.Qt"):
            raise ImportError("libGL.so.1: cannot open shared object file: No such file or directory")
sys.meta_path.insert(0, _NoLibGL())
"""


def _env(**changes: str | None) -> dict[str, str]:
    env = dict(os.environ)
    for key, value in changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return env


def test_install_script_and_message_name_the_same_packages():
    script = (ROOT / "scripts" / "install-system-packages.sh").read_text(encoding="utf-8")
    listed = re.search(r'PACKAGES="([^"]*)"', script).group(1).split()
    assert listed == list(qt_check.DEBIAN_PACKAGES)
    assert "libxcb-cursor0" in listed and "libgl1" in listed


def test_a_missing_library_at_import_is_named_with_its_package_and_the_command():
    line = qt_check.describe_import_error(
        ImportError("libEGL.so.1: cannot open shared object file: No such file or directory"))
    assert "libEGL.so.1" in line and "libegl1" in line
    assert "apt-get install -y libglib2.0-0 libgl1 libegl1" in line
    assert "\n" not in line


def test_the_command_uses_sudo_only_for_an_ordinary_user():
    assert qt_check.install_command(is_root=True).startswith("apt-get install -y ")
    assert qt_check.install_command(is_root=False).startswith("sudo apt-get install -y ")


def test_missing_xcb_libraries_are_all_named_not_only_xcb_cursor():
    present = {"libxcb-cursor.so.0", "libxcb-util.so.1"}
    line = qt_check.xcb_problem({"DISPLAY": ":0"}, loads=lambda lib: lib in present, platform="linux")
    assert "libxcb-icccm.so.4 (libxcb-icccm4)" in line and "libxcb-render.so.0 (libxcb-render0)" in line
    assert "libxcb-cursor.so.0" not in line.split("install")[0]


def test_xcb_is_checked_only_where_qt_would_use_it():
    missing = lambda lib: False  # noqa: E731
    assert qt_check.xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, loads=missing, platform="linux") is None
    assert qt_check.xcb_problem({"DISPLAY": ":0"}, loads=missing, platform="win32") is None
    assert qt_check.xcb_problem({"DISPLAY": ":0"}, loads=missing, platform="darwin") is None
    assert qt_check.xcb_problem({"WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"},
                                loads=missing, platform="linux") is None
    assert qt_check.xcb_problem({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}, loads=missing, platform="linux")


def test_no_display_is_one_line_not_an_abort():
    line = qt_check.xcb_problem({}, loads=lambda lib: True, platform="linux")
    assert "DISPLAY" in line


@pytest.mark.parametrize("call", [
    "from salon_desk.cli import main; sys.exit(main(['--db', 'x.sqlite']))",
    "import runpy; sys.argv = ['main.py', '--demo']; runpy.run_path('main.py', run_name='__main__')",
])
def test_salon_desk_without_libgl_prints_one_line_and_no_traceback(call, tmp_path):
    result = _run(BROKEN_QT, call, _env(HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path)))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 3
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("salon-desk: Qt cannot start: the system library libGL.so.1 (Debian/Ubuntu package libgl1)")
    assert "apt-get install -y" in lines[0]
    assert "Traceback" not in result.stderr and not list(tmp_path.rglob("*.sqlite"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's xcb platform is Linux's")
def test_salon_desk_without_xcb_cursor_prints_one_line_instead_of_qts_abort(tmp_path):
    no_cursor = """
    import ctypes, sys
    _real = ctypes.CDLL
    def _cdll(name, *args, **kwargs):
        if "libxcb-cursor" in str(name):
            raise OSError(name + ": cannot open shared object file")
        return _real(name, *args, **kwargs)
    ctypes.CDLL = _cdll
    """
    result = _run(no_cursor, "from salon_desk.cli import main; sys.exit(main(['--db', 'x.sqlite']))",
                  _env(QT_QPA_PLATFORM=None, DISPLAY=":99", WAYLAND_DISPLAY=None, HOME=str(tmp_path)))
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 3
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("salon-desk: Qt cannot open a window: the system librar")
    assert "libxcb-cursor.so.0 (libxcb-cursor0)" in lines[0]
    assert lines[0].endswith("install what Qt needs with: " + qt_check.install_command())
