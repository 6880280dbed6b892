"""The window tells the cashier what the disk does: read-only banner, a failed backup, a retry for a locked file."""

from PySide6.QtWidgets import QMessageBox

from salon_desk.errors import DatabaseProblem


def test_no_banner_on_a_writable_shop(window):
    assert not window.read_only_banner.isVisible()


def test_a_read_only_shop_shows_the_banner_saying_sales_cannot_be_taken(shop, make_window, cashier):
    shop.read_only = True
    window = make_window(cashier)
    assert window.read_only_banner.isVisible()
    assert "收银" in window.read_only_banner.text() or "sales cannot be taken" in window.read_only_banner.text()


def test_a_failed_daily_backup_is_reported_and_the_window_goes_on(shop, window, monkeypatch):
    from salon_desk import app
    failure = DatabaseProblem("backup.failed", path="/backups/x.sqlite", detail="database or disk is full")
    monkeypatch.setattr(shop, "run_daily_jobs", lambda backup=False, check_books=True: {"backup": None,
                                                                                        "backup_failed": failure})
    monkeypatch.setattr(shop, "books_check_due", lambda: False)
    app.run_daily_jobs(window, shop)
    assert "备份" in window.statusBar().currentMessage()
    assert window.isVisible()


def test_a_locked_file_offers_a_retry(qtbot):
    from salon_desk.ui.db_problem import DatabaseProblemDialog
    box = DatabaseProblemDialog.box(None, DatabaseProblem("db.locked", path="/x/shop.sqlite"))
    assert box.button(QMessageBox.StandardButton.Retry) is not None
    damaged = DatabaseProblemDialog.box(None, DatabaseProblem("db.corrupt", path="/x/shop.sqlite", detail="x"))
    assert damaged.button(QMessageBox.StandardButton.Retry) is None


def test_the_window_retries_a_locked_file_until_it_opens(tmp_path, monkeypatch):
    from salon_desk import app
    opened = []
    answers = iter([True])

    def fake_open(path, **kwargs):
        if not opened:
            opened.append("locked")
            raise DatabaseProblem("db.locked", path=str(path))
        opened.append("open")
        return "the shop"
    monkeypatch.setattr(app.Shop, "open", staticmethod(fake_open))
    monkeypatch.setattr(app.DatabaseProblemDialog, "ask", classmethod(lambda cls, parent, problem: next(answers)))
    assert app.open_shop(tmp_path / "shop.sqlite") == "the shop"
    assert opened == ["locked", "open"]
