"""The printing commands: ``receipt``, ``record`` and ``report``, writing PDF / XLSX / CSV files.

Each ``cmd_*`` function takes an open shop and plain arguments and raises the
shop's typed errors for bad input (an unknown receipt is NotFound, a month
such as 2026-13 or an unwritable path is InvalidInput), so the command line
prints one line and exits 2. ``add_print_commands`` wires them into argparse.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Callable

from .cli_login import cli_login, login_options
from .errors import InvalidInput, NotFound
from .phone import normalise_phone
from .records import StaffInfo

_MONTH = re.compile(r"^\s*(\d{4})-(\d{1,2})\s*$")


def parse_month(text: str) -> tuple[int, int]:
    """``"2026-11"`` -> ``(2026, 11)``; anything else is ``report.bad_month``."""
    match = _MONTH.match(text or "")
    if not match or not 1 <= int(match.group(2)) <= 12 or not 2000 <= int(match.group(1)) <= 2200:
        raise InvalidInput("report.bad_month", text=text)
    return int(match.group(1)), int(match.group(2))


def parse_day(text: str | None) -> date | None:
    if text is None or text == "":
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("report.bad_date", text=text) from None


def check_writable(path: str | Path | None) -> Path | None:
    """Refuse early a path that cannot be written (missing folder, a folder, read-only)."""
    if path is None:
        return None
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir() or not folder.is_dir() or not os.access(folder, os.W_OK) or (
            target.exists() and not os.access(target, os.W_OK)):
        raise InvalidInput("file.unwritable", path=str(target))
    return target


def write_file(path: str | Path, data: bytes) -> Path:
    target = check_writable(path)
    try:
        target.write_bytes(data)
    except OSError:
        raise InvalidInput("file.unwritable", path=str(target)) from None
    return target


def cmd_receipt(shop, actor: StaffInfo, number: str, pdf: str | Path, reprint: bool = True) -> Path:
    """Write the receipt ``number`` (e.g. ``20261122-0001``) as a PDF on the shop's paper."""
    from .reports.receipt import render_receipt
    target = check_writable(pdf)
    record = shop.sales.receipt(actor, shop.sales.find(actor, number))
    data = render_receipt(record, shop.settings.value("receipt.paper"), reprint=reprint,
                          printed_at=shop.now() if reprint else None)
    return write_file(target, data)


def find_by_phone(shop, actor: StaffInfo, phone: str):
    """The one customer whose phone is exactly ``phone``."""
    number = normalise_phone(phone)
    if len(number.lstrip("+")) < 5:
        raise InvalidInput("phone.invalid", phone=phone)
    for found in shop.customers.find(actor, number, include_archived=True):
        if found.phone == number:
            return found
    raise NotFound("customer.not_found", phone=phone)


def cmd_record(shop, actor: StaffInfo, phone: str, start: date | str | None, end: date | str | None,
               pdf: str | Path) -> Path:
    """Write one customer's visit record (their file and visits from ``start`` to ``end``) as A4 PDF."""
    from .reports.visit_record import render_visit_record
    start = parse_day(start) if isinstance(start, str) else start
    end = parse_day(end) if isinstance(end, str) else end
    if start and end and start > end:
        raise InvalidInput("report.bad_range", start=str(start), end=str(end))
    target = check_writable(pdf)
    customer = find_by_phone(shop, actor, phone)
    file = shop.customers.file(actor, customer.id)
    sales = shop.sales.of_customer(actor, customer.id, start, end)
    data = render_visit_record(file, sales, shop.settings.header(), start, end, shop.now(), actor.display_name)
    shop.customers.record_printed(actor, customer.id, "visit_record")
    return write_file(target, data)


def cmd_report(shop, actor: StaffInfo, month_text: str, pdf: str | Path | None,
               xlsx: str | Path | None = None, csv: str | Path | None = None) -> list[Path]:
    """Write the month's report as PDF and, if asked, the same figures as XLSX and CSV."""
    from .reports.exports import monthly_csv, monthly_xlsx
    from .reports.monthly import render_monthly_report
    year, month = parse_month(month_text)
    if pdf is None and xlsx is None and csv is None:
        raise InvalidInput("report.no_output")
    targets = [(check_writable(p), kind) for p, kind in ((pdf, "pdf"), (xlsx, "xlsx"), (csv, "csv")) if p]
    from .progress import working
    with working(f"report {year}-{month:02d}"):
        figures = shop.reports.month(actor, year, month)
        render = {"pdf": render_monthly_report, "xlsx": monthly_xlsx, "csv": monthly_csv}
        written = [write_file(target, render[kind](figures)) for target, kind in targets]
    for (_target, kind), path in zip(targets, written):
        shop.reports.record_export(actor, figures.start, figures.end, kind, str(path))
    return written


# -- argparse wiring -----------------------------------------------------------
def add_print_commands(sub, db_option: Callable) -> None:
    receipt = sub.add_parser("receipt", help="write a receipt as PDF (marked 重印 / REPRINT)")
    db_option(receipt)
    receipt.add_argument("number", help="receipt number, e.g. 20261122-0001")
    receipt.add_argument("--pdf", required=True, type=Path)
    receipt.add_argument("--original", action="store_true", help="do not mark it as a reprint")
    login_options(receipt)
    receipt.set_defaults(handler=_run_receipt)

    record = sub.add_parser("record", help="write a customer's visit record as PDF")
    db_option(record)
    record.add_argument("phone")
    record.add_argument("--from", dest="start")
    record.add_argument("--to", dest="end")
    record.add_argument("--pdf", required=True, type=Path)
    login_options(record)
    record.set_defaults(handler=_run_record)

    report = sub.add_parser("report", help="write the monthly report as PDF, XLSX and CSV")
    db_option(report)
    report.add_argument("month", help="YYYY-MM")
    report.add_argument("--pdf", required=True, type=Path)
    report.add_argument("--xlsx", type=Path)
    report.add_argument("--csv", type=Path)
    login_options(report)
    report.set_defaults(handler=_run_report)


def _open(args):
    from .db import Shop
    if not Path(args.db).exists():
        raise InvalidInput("file.not_found", path=str(args.db))
    return Shop.open(args.db)


def _run_receipt(args) -> int:
    with _open(args) as shop:
        actor = cli_login(shop, args.user)
        print(cmd_receipt(shop, actor, args.number, args.pdf, reprint=not args.original))
    return 0


def _run_record(args) -> int:
    start, end = parse_day(args.start), parse_day(args.end)
    with _open(args) as shop:
        actor = cli_login(shop, args.user)
        print(cmd_record(shop, actor, args.phone, start, end, args.pdf))
    return 0


def _run_report(args) -> int:
    parse_month(args.month)
    with _open(args) as shop:
        actor = cli_login(shop, args.user)
        for path in cmd_report(shop, actor, args.month, args.pdf, args.xlsx, args.csv):
            print(path)
    return 0
