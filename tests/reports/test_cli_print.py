"""The printing commands: files written, and bad input as typed errors / one line and exit code 2."""

from __future__ import annotations

from datetime import date

import pytest

from salon_desk.db import Shop
from openpyxl import load_workbook

from salon_desk.cli_print import cmd_receipt, cmd_record, cmd_report, parse_month
from salon_desk.errors import InvalidInput, NotFound, PermissionDenied

from pdf_helpers import pdf_text, pdf_words
from cli_run import run


@pytest.fixture
def one_sale(shop, new_member, sell, items):
    customer = new_member("张三", "13812345678", tier="gold")
    return sell(customer.id, services=[items.cut, items.care])


def test_cmd_receipt_writes_a_reprint(shop, owner, one_sale, tmp_path):
    out = cmd_receipt(shop, owner, one_sale.receipt_no, tmp_path / "r.pdf")
    data = out.read_bytes()
    assert "重印" in pdf_text(data) and "￥316.80" in pdf_words(data)
    original = cmd_receipt(shop, owner, one_sale.receipt_no, tmp_path / "o.pdf", reprint=False)
    assert "重印" not in pdf_text(original.read_bytes())


def test_cmd_receipt_follows_the_paper_setting(shop, owner, one_sale, tmp_path):
    shop.settings.update(owner, {"receipt.paper": "58mm"})
    from pdf_helpers import pdf_pages
    page = pdf_pages(cmd_receipt(shop, owner, one_sale.receipt_no, tmp_path / "r.pdf").read_bytes())[0]
    assert round(float(page.mediabox.width)) == 164


def test_unknown_receipt_is_not_found(shop, owner, tmp_path):
    with pytest.raises(NotFound):
        cmd_receipt(shop, owner, "20991231-0001", tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("path", ["missing-folder/r.pdf", "."])
def test_unwritable_path_is_invalid_input(shop, owner, one_sale, tmp_path, path):
    with pytest.raises(InvalidInput) as err:
        cmd_receipt(shop, owner, one_sale.receipt_no, tmp_path / path)
    assert err.value.code == "file.unwritable"


def test_cmd_record_by_phone_and_dates(shop, owner, one_sale, tmp_path):
    out = cmd_record(shop, owner, "138 1234 5678", date(2026, 11, 1), date(2026, 11, 30), tmp_path / "v.pdf")
    text = pdf_text(out.read_bytes())
    assert "张三" in text and one_sale.receipt_no in text and "统计期间：2026-11-01 至 2026-11-30" in text
    with pytest.raises(NotFound):
        cmd_record(shop, owner, "13900000000", None, None, tmp_path / "x.pdf")
    with pytest.raises(InvalidInput):
        cmd_record(shop, owner, "13812345678", "2026-12-01", "2026-11-01", tmp_path / "x.pdf")
    with pytest.raises(InvalidInput):
        cmd_record(shop, owner, "13812345678", "yesterday", None, tmp_path / "x.pdf")


def test_cmd_report_writes_pdf_xlsx_csv(shop, owner, one_sale, tmp_path):
    paths = cmd_report(shop, owner, "2026-11", tmp_path / "m.pdf", tmp_path / "m.xlsx", tmp_path / "m.csv")
    assert [p.suffix for p in paths] == [".pdf", ".xlsx", ".csv"]
    assert "￥316.80" in pdf_words(paths[0].read_bytes())
    assert load_workbook(paths[1])["营业收入"]["A5"].value == "标价合计"
    assert "营业收入,实收净额,316.80" in paths[2].read_text("utf-8-sig")
    exported = [(e.action, e.target, e.details["format"]) for e in shop.audit.entries(owner) if e.action == "report_exported"]
    assert sorted(exported) == [("report_exported", "2026-11-01..2026-12-01", kind) for kind in ("csv", "pdf", "xlsx")]


@pytest.mark.parametrize("text", ["2026-13", "2026-00", "26-11", "2026/11", "", "november"])
def test_bad_month_is_invalid_input(shop, owner, tmp_path, text):
    with pytest.raises(InvalidInput) as err:
        cmd_report(shop, owner, text, tmp_path / "m.pdf")
    assert err.value.code == "report.bad_month"
    assert parse_month(" 2026-7 ") == (2026, 7)


def test_report_needs_the_owner(shop, cashier, tmp_path):
    with pytest.raises(PermissionDenied):
        cmd_report(shop, cashier, "2026-11", tmp_path / "m.pdf")
    assert not (tmp_path / "m.pdf").exists()



def test_command_line_bad_input_is_one_line_and_exit_2(shop_path, shop, one_sale, tmp_path, capsys, monkeypatch):
    shop.close()
    monkeypatch.setenv("SALON_DESK_USER", "boss")
    monkeypatch.setenv("SALON_DESK_PASSWORD", "secret123")
    code, out, _ = run(capsys, "receipt", one_sale.receipt_no, "--db", shop_path, "--pdf", tmp_path / "r.pdf")
    assert code == 0 and (tmp_path / "r.pdf").exists()
    for argv in (("receipt", "20991231-0009", "--db", shop_path, "--pdf", tmp_path / "x.pdf"),
                 ("report", "2026-13", "--db", shop_path, "--pdf", tmp_path / "x.pdf"),
                 ("report", "2026-11", "--db", shop_path, "--pdf", tmp_path / "no" / "x.pdf"),
                 ("record", "13900000000", "--db", shop_path, "--pdf", tmp_path / "x.pdf")):
        code, _, err = run(capsys, *argv)
        assert code == 2, argv
        assert err.count("\n") == 1 and err.startswith("salon-desk: "), err
    code, out, _ = run(capsys, "report", "2026-11", "--db", shop_path, "--pdf", tmp_path / "m.pdf",
                       "--xlsx", tmp_path / "m.xlsx", "--csv", tmp_path / "m.csv")
    assert code == 0 and out.count("\n") == 3
    code, _, _ = run(capsys, "record", "13812345678", "--from", "2026-11-01", "--db", shop_path,
                     "--pdf", tmp_path / "v.pdf")
    assert code == 0 and "张三" in pdf_text((tmp_path / "v.pdf").read_bytes())
    # every printed visit record is in the audit log, with who printed it
    reopened = Shop.open(shop_path)
    entries = reopened.audit.entries(reopened.staff.login("boss", "secret123"))
    assert [(e.action, e.staff_name) for e in entries if e.action == "customer_printed"] == [("customer_printed", "老板")]
    reopened.close()


def test_the_command_line_acts_as_someone(shop_path, shop, one_sale, tmp_path, capsys, monkeypatch):
    shop.close()
    monkeypatch.delenv("SALON_DESK_USER", raising=False)
    monkeypatch.delenv("SALON_DESK_PASSWORD", raising=False)
    code, _, err = run(capsys, "report", "2026-11", "--db", shop_path, "--pdf", tmp_path / "m.pdf")
    assert code == 2 and "log in" in err and not (tmp_path / "m.pdf").exists()
    monkeypatch.setenv("SALON_DESK_PASSWORD", "wrong-pw")
    code, _, err = run(capsys, "report", "2026-11", "--user", "boss", "--db", shop_path, "--pdf", tmp_path / "m.pdf")
    assert code == 2 and "wrong user name or password" in err
    # a cashier may not print a month's report
    monkeypatch.setenv("SALON_DESK_PASSWORD", "secret123")
    code, _, err = run(capsys, "report", "2026-11", "--user", "xiaomei", "--db", shop_path, "--pdf", tmp_path / "m.pdf")
    assert code == 2 and "cashier may not" in err and not (tmp_path / "m.pdf").exists()
