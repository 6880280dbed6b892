"""The README's promises: its example runs, and it opens with the two commands."""

import contextlib
import io
import re
from datetime import date
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_scripting_example_runs_and_prints_what_the_readme_says():
    code = _blocks("python")[0]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "README.md", "exec"), {})
    assert out.getvalue().strip() == f"{date.today():%Y%m%d}-0001 ¥313.80 earned 313 balance 1013"


def test_readme_opens_with_the_two_commands_ci_runs():
    commands = [b.strip() for b in _blocks("sh")[:2]]
    assert commands[0].endswith("salon-desk --demo")
    assert "pip install -e \".[test]\"" in commands[1] and commands[1].endswith("python -m pytest")
    ci = (README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert commands[1] in ci
