"""Running the command line in a test: the exit code and what it printed."""

from __future__ import annotations

from salon_desk.cli import main


def run(capsys, *argv):
    """``salon-desk ARGV…`` in this process: (exit code, stdout, stderr); arguments may be paths."""
    try:
        code = main([str(a) for a in argv])
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err
