"""scripts/install-system-packages.sh: installs as root, through sudo, or prints the command."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from salon_desk.ui.qt_check import DEBIAN_PACKAGES

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "install-system-packages.sh"
pytestmark = pytest.mark.skipif(sys.platform == "win32" or not shutil.which("sh"), reason="a POSIX shell script")


def _fake_system(tmp_path: Path, uid: int, installed: set[str], sudo: bool) -> dict[str, str]:
    """A PATH whose dpkg-query, apt-get, id and sudo are stand-ins that log what they were asked."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "calls.log"
    tools = {
        "uname": "echo Linux",
        "id": f"echo {uid}",
        "dpkg-query": 'for p in "$@"; do :; done; case " ' + " ".join(sorted(installed))
                      + ' " in *" $p "*) echo "install ok installed";; *) exit 1;; esac',
        "apt-get": f'echo "apt-get $*" >> {log}',
        "grep": f'exec {shutil.which("grep")} "$@"',
    }
    if sudo:
        tools["sudo"] = f'echo "sudo $*" >> {log}; "$@"'
    shell = shutil.which("sh")
    for name, body in tools.items():
        path = bin_dir / name
        path.write_text(f"#!{shell}\n{body}\n")
        path.chmod(0o755)
    (bin_dir / "sh").symlink_to(shell)
    # Only the stand-ins: a real sudo or apt-get on this machine is never reached.
    return {"PATH": str(bin_dir), "LOG": str(log)}


def _run(tmp_path, **system) -> tuple[subprocess.CompletedProcess, str]:
    env = _fake_system(tmp_path, **system)
    result = subprocess.run([shutil.which("sh"), str(SCRIPT)], env={"PATH": env["PATH"]}, capture_output=True,
                            text=True, timeout=60)
    log = Path(env["LOG"])
    return result, log.read_text() if log.exists() else ""


def test_as_root_it_installs_only_what_is_missing(tmp_path):
    result, calls = _run(tmp_path, uid=0, installed=set(DEBIAN_PACKAGES) - {"libgl1", "libxcb-cursor0"}, sudo=False)
    assert result.returncode == 0, result.stderr
    assert "apt-get update" in calls
    assert "apt-get install -y --no-install-recommends libgl1 libxcb-cursor0" in calls


def test_with_everything_installed_it_does_nothing(tmp_path):
    result, calls = _run(tmp_path, uid=0, installed=set(DEBIAN_PACKAGES), sudo=False)
    assert result.returncode == 0 and calls == ""
    assert "installed" in result.stdout


def test_an_ordinary_user_goes_through_sudo(tmp_path):
    result, calls = _run(tmp_path, uid=1000, installed=set(), sudo=True)
    assert result.returncode == 0, result.stderr
    assert calls.startswith("sudo sh -c")


def test_without_root_or_sudo_it_prints_the_exact_command_and_fails(tmp_path):
    result, calls = _run(tmp_path, uid=1000, installed={"libgl1"}, sudo=False)
    assert result.returncode == 1 and calls == ""
    command = result.stderr.strip().splitlines()[-1]
    assert command.startswith("sudo sh -c 'apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y")
    assert "libxcb-cursor0" in command and " libgl1" not in command
