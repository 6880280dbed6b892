"""Long work shows how far it is: a bar on the command line, a dialog in the window."""

from __future__ import annotations

import io
import threading
import time
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from salon_desk import progress
from salon_desk.ui.progress_dialog import Cancelled, run_with_progress


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_demo_progress_line_is_the_days_replayed_so_far():
    first = date(2026, 6, 4)
    assert progress.demo_step("2026-06-04: 0 sales", first, 180) == 0
    assert progress.demo_step("2026-07-04: 312 sales", first, 180) == 30
    assert progress.demo_step("2027-01-01: 9999 sales", first, 180) == 180     # never past the end
    assert progress.demo_step("building the catalogue", first, 180) is None


def test_the_demo_builder_reports_steps_of_the_whole_build():
    steps = []
    callback = progress.demo_builder(lambda done, total, text: steps.append((done, total)), months=2,
                                     today=date(2026, 12, 1))
    callback("2026-10-02: 10 sales")
    callback("2026-11-01: 40 sales")
    callback("some other line")
    assert steps == [(0, 60), (30, 60)]


def test_off_a_terminal_the_steps_are_plain_lines_and_no_bar():
    out = io.StringIO()
    bar = progress.TerminalBar("demo shop", unit="day", stream=out)
    bar.report(30, 60, "2026-11-01: 40 sales")
    bar.close()
    assert out.getvalue() == "2026-11-01: 40 sales\n"


def test_on_a_terminal_a_bar_counts_the_days():
    out = FakeTerminal()
    bar = progress.TerminalBar("demo shop", unit="day", stream=out)
    bar.report(30, 60, "2026-11-01: 40 sales")
    bar.report(60, 60, "")
    bar.close()
    assert "demo shop" in out.getvalue() and "60/60" in out.getvalue() and "100%" in out.getvalue()


def test_work_of_unknown_size_shows_the_time_on_a_terminal_and_nothing_in_a_pipe():
    out = FakeTerminal()
    with progress.working("backup", stream=out, interval=0.01):
        time.sleep(0.05)
    assert out.getvalue().count("backup") >= 1
    piped = io.StringIO()
    with progress.working("backup", stream=piped):
        pass
    assert piped.getvalue() == ""


def test_the_demo_build_on_the_command_line_reports_through_the_bar(tmp_path):
    seen = []
    summary = progress.build_demo_reporting(tmp_path / "d.sqlite", lambda d, t, s: seen.append((d, t)),
                                            customers=15, months=2)
    assert summary["logins"]
    assert seen[-1] == (60, 60) and all(t == 60 for _, t in seen) and len(seen) >= 2
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_progress_dialog_runs_the_work_aside_and_returns_its_result(qapp):
    seen = {}

    def work(report):
        seen["thread"] = threading.current_thread()
        for step in range(5):
            report(step + 1, 5, "")
            time.sleep(0.01)
        return "built"
    assert run_with_progress(work, "Demo shop", "Building…") == "built"
    assert seen["thread"] is not threading.main_thread()


def test_cancel_stops_the_work_at_its_next_step(qapp):
    steps = []

    def click_cancel():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QProgressDialog) and widget.isVisible():
                widget.findChild(QPushButton).click()      # as the person does
                return
        QTimer.singleShot(20, click_cancel)

    def work(report):
        for step in range(400):
            report(step, 400, "")
            steps.append(step)
            time.sleep(0.01)
        return "finished"
    QTimer.singleShot(50, click_cancel)
    with pytest.raises(Cancelled):
        run_with_progress(work, "Demo shop", "Building…")
    assert 0 < len(steps) < 400


def test_an_error_in_the_work_reaches_the_caller(qapp):
    def work(report):
        raise OSError("disk full")
    with pytest.raises(OSError, match="disk full"):
        run_with_progress(work, "Demo shop", "Building…")


def test_the_command_line_backup_and_restore_count_pages_and_bytes_on_a_terminal(tmp_path, monkeypatch, capsys):
    from salon_desk.cli import main
    monkeypatch.setenv("SALON_DESK_USER", "boss")
    monkeypatch.setenv("SALON_DESK_PASSWORD", "boss1234")
    db, copy = tmp_path / "shop.sqlite", tmp_path / "b.sqlite"
    assert main(["init", "--db", str(db), "--shop-name", "丽人坊", "--owner", "boss", "--password", "boss1234"]) == 0
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["backup", "--db", str(db), "--to", str(copy)]) == 0
    shown = terminal.getvalue()
    assert "backup" in shown and "100%" in shown and "page" in shown
    terminal.seek(0)
    terminal.truncate()
    assert main(["restore", "--db", str(db), str(copy), "--yes"]) == 0
    shown = terminal.getvalue()
    assert "restoring" in shown and "100%" in shown
    assert copy.exists()


def test_the_command_line_encryption_counts_the_bytes_of_its_passes_on_a_terminal(tmp_path, monkeypatch):
    from salon_desk import cli_encrypt
    from salon_desk.cli import main
    from salon_desk.keystore import KeyStore
    monkeypatch.setenv("SALON_DESK_USER", "boss")
    monkeypatch.setenv("SALON_DESK_PASSWORD", "boss1234")
    store = KeyStore(key_dir=tmp_path / "keys", use_keyring=False)
    monkeypatch.setattr(cli_encrypt, "make_keystore", lambda: store)
    db = tmp_path / "shop.sqlite"
    assert main(["init", "--db", str(db), "--shop-name", "丽人坊", "--owner", "boss", "--password", "boss1234"]) == 0
    wal = tmp_path / "shop.sqlite-wal"
    size = db.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
    terminal = FakeTerminal()
    monkeypatch.setattr("sys.stderr", terminal)
    assert main(["encrypt", "--db", str(db)]) == 0
    shown = terminal.getvalue()
    assert "encrypting" in shown and "100%" in shown
    megabytes = f"{4 * size / 1e6:.2f}M"
    assert f"{megabytes}/{megabytes}" in shown                # the four passes over the file, in bytes


def test_end_of_input_at_a_login_prompt_is_one_line_not_a_traceback(tmp_path, monkeypatch, capsys):
    from salon_desk.cli import main
    monkeypatch.delenv("SALON_DESK_USER", raising=False)
    monkeypatch.delenv("SALON_DESK_PASSWORD", raising=False)
    db = tmp_path / "shop.sqlite"
    assert main(["init", "--db", str(db), "--shop-name", "丽人坊", "--owner", "boss", "--password", "boss1234"]) == 0
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", FakeTerminal(""))            # Ctrl+D at the prompt
    assert main(["backup", "--db", str(db)]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err == "salon-desk: no answer was typed; nothing was done"
