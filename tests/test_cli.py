"""The command line: one-line messages and exit code 2 on bad input, never a traceback."""

import sqlite3


from salon_desk import __version__
from cli_run import run



def test_version(capsys):
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"salon-desk {__version__}"


def test_init_then_init_again_is_refused_in_one_line(capsys, tmp_path):
    db = tmp_path / "shop.sqlite"
    code, out, _ = run(capsys, "init", "--db", str(db), "--shop-name", "丽人坊", "--owner", "boss",
                       "--password", "boss1234", "--address", "文三路188号")
    assert code == 0 and "丽人坊" in out
    con = sqlite3.connect(db)
    assert con.execute("SELECT username, role FROM staff").fetchall() == [("boss", "owner")]
    con.close()
    code, _, err = run(capsys, "init", "--db", str(db), "--shop-name", "x", "--owner", "y", "--password", "zzzzzz1")
    assert code == 2
    assert err.strip() == "salon-desk: this shop file is already set up"


def test_short_password_is_a_one_line_error(capsys, tmp_path):
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "s.sqlite"), "--shop-name", "店",
                       "--owner", "boss", "--password", "123")
    assert code == 2 and err.count("\n") == 1 and "at least 6 characters" in err


def test_bad_arguments_exit_2_with_one_line(capsys):
    code, _, err = run(capsys, "demo", "--customers", "many")
    assert code == 2 and err.count("\n") == 1 and "--customers" in err
    code, _, err = run(capsys, "no-such-command")
    assert code == 2 and err.count("\n") == 1


def test_a_damaged_file_is_explained_not_traced(capsys, tmp_path):
    bad = tmp_path / "shop.sqlite"
    bad.write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "backup", "--db", str(bad))
    assert code == 2 and "damaged" in err and "Traceback" not in err


def test_demo_prints_the_logins(capsys, tmp_path):
    code, out, _ = run(capsys, "demo", "--db", str(tmp_path / "d.sqlite"), "--customers", "20", "--months", "1")
    assert code == 0
    assert "login owner / owner123 (owner)" in out and "login cashier / cashier123 (cashier)" in out


def test_backup_and_restore_round_trip(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SALON_DESK_USER", "boss")
    monkeypatch.setenv("SALON_DESK_PASSWORD", "boss1234")
    db = tmp_path / "shop.sqlite"
    run(capsys, "init", "--db", str(db), "--shop-name", "丽人坊", "--owner", "boss", "--password", "boss1234")
    code, out, _ = run(capsys, "backup", "--db", str(db), "--to", str(tmp_path / "b.sqlite"))
    assert code == 0 and out.strip().endswith("b.sqlite")
    con = sqlite3.connect(db)
    con.execute("INSERT INTO setting (key, value) VALUES ('receipt.paper', '\"58mm\"')")
    con.commit()
    con.close()
    code, out, _ = run(capsys, "restore", "--db", str(db), str(tmp_path / "b.sqlite"), "--yes")
    assert "0 sales, 0 customers" in out
    assert code == 0
    con = sqlite3.connect(db)
    assert con.execute("SELECT value FROM setting WHERE key = 'receipt.paper'").fetchall() == []
    con.close()
    code, _, err = run(capsys, "restore", "--db", str(db), str(tmp_path / "missing.sqlite"))
    assert code == 2 and "no such file" in err


def test_the_demo_is_built_once_a_day_and_copied_fresh_for_each_start(tmp_path, monkeypatch):
    from salon_desk import cli
    from salon_desk.db import demo

    builds = []
    real_build = demo.build_demo

    def counting_build(path, **kwargs):
        builds.append(path)
        return real_build(path, customers=15, months=1)

    monkeypatch.setattr(demo, "build_demo", counting_build)
    target = tmp_path / "demo.sqlite"
    cli.fresh_demo(target)
    con = sqlite3.connect(target)
    con.execute("DELETE FROM setting WHERE key = 'receipt.footer'")   # a change made in the demo
    con.commit()
    con.close()
    cli.fresh_demo(target)
    assert len(builds) == 1
    con = sqlite3.connect(target)
    assert con.execute("SELECT COUNT(*) FROM setting WHERE key = 'receipt.footer'").fetchone()[0] == 1
    con.close()


def test_the_window_command_leaves_the_garbage_collector_on_when_qt_cannot_start(capsys, monkeypatch, tmp_path):
    # the start holds the cyclic collector until the counter is painted; a start that stops
    # early (here: Qt cannot load) must not leave it off for the rest of the process
    import gc

    from salon_desk.ui import qt_check
    monkeypatch.setattr(qt_check, "problem", lambda: "Qt cannot start: libGL.so.1 is missing")
    assert gc.isenabled()
    code, _, err = run(capsys, "--db", str(tmp_path / "shop.sqlite"))
    assert code == 3 and "libGL.so.1" in err
    assert gc.isenabled()
