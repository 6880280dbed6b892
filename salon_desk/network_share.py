"""Is the shop file on a network share? SQLite's write-ahead log is unsafe there (two PCs
opening one file over NFS or SMB can corrupt it), so the owner is warned.

On Linux the filesystem type comes from ``/proc/mounts`` (the longest mount point that
holds the file); on Windows a UNC path (``\\\\server\\share``) or a drive the system
reports as remote. Pure functions over the mount table, so they are tested with any.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afs", "ceph", "glusterfs", "9p",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "ncpfs", "lustre", "gpfs", "fuse.gvfsd-fuse",
})


def _unescape(field: str) -> str:
    """/proc/mounts writes a space as ``\\040`` (and tab, newline, backslash likewise)."""
    return (field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n")
            .replace("\\134", "\\"))


def filesystem_type(path: str | Path, mounts: str) -> str | None:
    """The type of the filesystem holding ``path`` according to the mount table text ``mounts``."""
    target = os.path.abspath(str(path))
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape(fields[1]).rstrip("/") or "/"
        inside = target == point or target.startswith(point if point == "/" else point + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def is_network_type(kind: str | None) -> bool:
    return kind is not None and (kind in NETWORK_TYPES or kind.split(".")[0] in NETWORK_TYPES)


def _windows_remote(path: str) -> bool:
    windows = PureWindowsPath(path)
    if str(windows).startswith("\\\\"):
        return True
    drive = windows.drive
    if sys.platform != "win32" or not drive:
        return False
    import ctypes
    DRIVE_REMOTE = 4
    kernel32 = getattr(ctypes, "windll").kernel32
    return bool(kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE)


def on_network_share(path: str | Path, mounts: str | None = None, platform: str = sys.platform) -> bool:
    """True when ``path`` sits on a network filesystem (False when it cannot be told)."""
    if platform == "win32":
        return _windows_remote(str(path))
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return False
    return is_network_type(filesystem_type(Path(path).resolve() if Path(path).exists() else path, mounts))
