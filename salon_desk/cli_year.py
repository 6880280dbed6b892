"""``salon-desk export-year 2025 --out 2025.xlsx``: the year's books for the accountant (owner).

A bar over the twelve months on a terminal; bad input (not a year, a year to
come or before the first sale, a folder that cannot be written, a cashier)
gives one line and exit 2. Ctrl+C stops between months and leaves no file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .cli_login import cli_login, login_options
from .cli_print import check_writable
from .errors import InvalidInput
from .money import format_fen


def add_year_command(sub, db_option: Callable) -> None:
    year = sub.add_parser("export-year", help="write a calendar year's sales, refunds, lines and card top-ups "
                                              "as one XLSX for the accountant (owner)")
    db_option(year)
    year.add_argument("year", help="YYYY, e.g. 2025")
    year.add_argument("--out", required=True, type=Path, help="the workbook to write, e.g. 2025.xlsx")
    login_options(year)
    year.set_defaults(handler=run_export_year)


def run_export_year(args) -> int:
    from .db import Shop
    from .progress import measured
    from .reports.year_workbook import YearWorkbook
    from .year_export import parse_year      # loaded when the command runs, not at every start
    year = parse_year(args.year)
    target = check_writable(args.out)
    if not Path(args.db).exists():
        raise InvalidInput("file.not_found", path=str(args.db))
    with Shop.open(args.db, run_jobs=False) as shop:
        actor = cli_login(shop, args.user)
        with measured(f"year {year}", unit="month") as bar:
            done = shop.year_export.export(actor, year, YearWorkbook(target), report=bar.report)
    print(done.path)
    print(f"{year}: {done.sales:,} sales ({done.voids:,} voided), {done.refunds:,} refunds, {done.topups:,} card top-ups; "
          f"net received {format_fen(done.totals.net_fen)}")
    return 0
