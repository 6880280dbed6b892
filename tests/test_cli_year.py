"""``salon-desk export-year``: the workbook written, one line and exit 2 on bad input, never a traceback."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from year_books import fill_year
from cli_run import run



@pytest.fixture
def shop_file(shop, shop_path, clock, owner, cashier, tech, items, new_member, owner_ok, monkeypatch):
    fill_year(shop, clock, owner, cashier, tech, items, new_member, owner_ok)
    monkeypatch.setenv("SALON_DESK_USER", "boss")
    monkeypatch.setenv("SALON_DESK_PASSWORD", "secret123")
    return shop_path


def test_export_year_writes_the_workbook(capsys, shop_file, tmp_path):
    target = tmp_path / "2026.xlsx"
    code, out, err = run(capsys, "export-year", "2026", "--out", str(target), "--db", str(shop_file))
    assert code == 0, err
    assert out.splitlines() == [str(target), "2026: 4 sales (1 voided), 1 refunds, 1 card top-ups; "
                                             "net received ¥658.40"]
    wb = load_workbook(target)
    assert wb["月度汇总"]["A17"].value == "全年合计" and wb["月度汇总"]["J17"].value == 658.4


@pytest.mark.parametrize("argv, message", [
    (("export-year", "20x6"), "not a year: 20x6 (expected YYYY, e.g. 2025)"),
    (("export-year", "2031"), "2031 has not come yet: export a year up to "),
    (("export-year", "2019"), "the shop has no sales before 2026: nothing to export for 2019"),
])
def test_bad_years_are_one_line_and_exit_2(capsys, shop_file, tmp_path, argv, message):
    code, out, err = run(capsys, *argv, "--out", str(tmp_path / "y.xlsx"), "--db", str(shop_file))
    assert code == 2 and out == ""
    assert err.startswith(f"salon-desk: {message}") and len(err.splitlines()) == 1 and "Traceback" not in err
    assert not (tmp_path / "y.xlsx").exists()


def test_a_cashier_is_refused_in_one_line(capsys, shop_file, tmp_path, monkeypatch):
    monkeypatch.setenv("SALON_DESK_USER", "xiaomei")
    code, _, err = run(capsys, "export-year", "2026", "--out", str(tmp_path / "y.xlsx"), "--db", str(shop_file))
    assert (code, err) == (2, "salon-desk: a cashier may not do this (export)\n")
    assert not (tmp_path / "y.xlsx").exists()


def test_a_folder_that_does_not_exist_and_a_missing_out(capsys, shop_file, tmp_path):
    code, _, err = run(capsys, "export-year", "2026", "--out", str(tmp_path / "nope" / "y.xlsx"),
                       "--db", str(shop_file))
    assert (code, err) == (2, f"salon-desk: cannot write {tmp_path / 'nope' / 'y.xlsx'}\n")
    code, _, err = run(capsys, "export-year", "2026", "--db", str(shop_file))
    assert code == 2 and "--out" in err and len(err.splitlines()) == 1


def test_ctrl_c_between_months_leaves_no_file(capsys, shop_file, tmp_path, monkeypatch):
    from salon_desk.db.year_export import YearExportService
    real = YearExportService._month

    def interrupted(self, year, month):
        if month == 4:
            raise KeyboardInterrupt             # the owner presses Ctrl+C in April
        return real(self, year, month)
    monkeypatch.setattr(YearExportService, "_month", interrupted)
    code, out, _ = run(capsys, "export-year", "2026", "--out", str(tmp_path / "y.xlsx"), "--db", str(shop_file))
    assert code == 130 and out == ""
    assert [p.name for p in tmp_path.iterdir() if "y.xlsx" in p.name] == []
