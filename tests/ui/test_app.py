"""Starting the program: a bad shop file gives a clear dialog, first run sets up, login shows demo logins."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from salon_desk import app as app_module
from salon_desk.db.demo import DEMO_LOGINS
from salon_desk.ui.db_problem import DatabaseProblemDialog, problem_text
from salon_desk.ui.login_dialog import LoginDialog, SetupDialog
from salon_desk.ui.main_window import MainWindow


@pytest.fixture
def problems(monkeypatch) -> list:
    seen: list = []
    monkeypatch.setattr(DatabaseProblemDialog, "ask", classmethod(lambda cls, parent, problem: seen.append(problem)))
    return seen


def test_a_corrupt_file_gives_a_dialog_with_the_path_and_what_to_do(qapp, tmp_path, problems):
    bad = tmp_path / "shop.sqlite"
    bad.write_bytes(b"this is not a database, it is a shopping list" * 200)
    assert app_module.run(bad) == 2
    [problem] = problems
    assert problem.code == "db.corrupt"
    text = problem_text(problem)
    assert "店铺数据文件已损坏" in text and str(bad) in text and "备份" in text
    assert "Traceback" not in text


def test_first_run_opens_the_setup_wizard(qapp, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(SetupDialog, "ask", classmethod(lambda cls, parent, shop: asked.append(shop) or None))
    assert app_module.run(tmp_path / "new.sqlite") == 0
    assert len(asked) == 1


def test_setup_dialog_creates_the_owner(qtbot, tmp_path):
    from salon_desk.db import Shop
    shop = Shop.open(tmp_path / "s.sqlite")
    try:
        dialog = SetupDialog(shop)
        qtbot.addWidget(dialog)
        dialog.shop_name.setText("丽人坊")
        dialog.username.setText("boss")
        dialog.password.setText("secret123")
        dialog.password2.setText("secret12")
        dialog.try_setup()
        assert dialog.error.text() == "两次输入的密码不一致。"
        dialog.password2.setText("secret123")
        dialog.try_setup()
        assert dialog.staff is not None and dialog.staff.role == "owner"
        assert not shop.staff.needs_setup()
    finally:
        shop.close()


def test_demo_login_screen_shows_the_logins_and_opens_the_window(qapp, shop_path, monkeypatch):
    logins_seen = []

    def ask(cls, parent, shop, demo_logins=(), username=""):
        logins_seen.append(list(demo_logins))
        return shop.staff.login("xiaomei", "secret123")
    monkeypatch.setattr(LoginDialog, "ask", classmethod(ask))
    monkeypatch.setattr(app_module, "DEMO_LOGINS", DEMO_LOGINS, raising=False)
    windows = []
    earlier = set(QApplication.topLevelWidgets())          # another test's window may still be open
    monkeypatch.setattr(QApplication, "exec", lambda self: windows.extend(
        w for w in QApplication.topLevelWidgets()
        if isinstance(w, MainWindow) and w.isVisible() and w not in earlier) or 0)
    assert app_module.run(shop_path, demo=True) == 0
    assert logins_seen == [list(DEMO_LOGINS)]
    assert windows and windows[-1].staff.username == "xiaomei"
    for w in windows:
        w.close()


def test_login_dialog_says_why_and_fills_demo_logins(qtbot, shop):
    dialog = LoginDialog(shop, [("boss", "secret123", "owner")])
    qtbot.addWidget(dialog)
    dialog.username.setText("boss")
    dialog.password.setText("nope")
    dialog.try_login()
    assert dialog.error.text() == "员工账号或密码错误。" and dialog.staff is None
    dialog.fill("boss", "secret123")
    dialog.try_login()
    assert dialog.staff is not None and dialog.staff.username == "boss"
