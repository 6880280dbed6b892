"""Rebuild the translations: extract the window's strings into the .ts, then compile the .qm.

    python resources/translations/build.py            # lupdate + lrelease
    python resources/translations/build.py --release  # lrelease only

Translate new entries in the .ts with Qt Linguist (pyside6-linguist) or a
text editor, remove their type="unfinished", and run this again. A test
fails while any entry is unfinished.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    found = shutil.which(name) or str(Path(sys.executable).with_name(name))
    return found


def sources() -> list[str]:
    files = sorted((ROOT / "salon_desk" / "ui").glob("*.py")) + [ROOT / "salon_desk" / "app.py"]
    return [str(f.relative_to(ROOT)) for f in files]


def main(argv: list[str]) -> int:
    for language in LANGUAGES:
        ts = HERE / f"salon_desk_{language}.ts"
        if "--release" not in argv:
            subprocess.run([tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none",
                            "-target-language", language, "-ts", str(ts.relative_to(ROOT))],
                           cwd=ROOT, check=True)
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
