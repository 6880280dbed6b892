"""Rebuild docs/receipt.png and docs/monthly-report.png from a fresh demo shop.

    python docs/make_print_samples.py          (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import tempfile
from pathlib import Path

from salon_desk.db import Shop
from salon_desk.db.demo import build_demo
from salon_desk.reports.monthly import render_monthly_report
from salon_desk.reports.receipt import render_receipt

DOCS = Path(__file__).resolve().parent


def png(pdf: bytes, target: Path, dpi: int, work: Path) -> None:
    source = work / (target.stem + ".pdf")
    source.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", str(source),
                    str(work / target.stem)], check=True)
    shutil.copyfile(work / (target.stem + ".png"), target)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        path = work / "demo.sqlite"
        build_demo(path, customers=300, months=6, seed=1)
        con = sqlite3.connect(str(path))
        # A member's sale with a discount, points taken off and cash change: the fullest receipt.
        sale_id, month = con.execute(
            "SELECT s.id, substr(s.created_at, 1, 7) FROM sale s JOIN payment p ON p.sale_id = s.id"
            " WHERE s.member_id IS NOT NULL AND s.points_redeemed > 0 AND p.method = 'cash'"
            " AND s.status = 'completed' ORDER BY s.birthday_discount_fen DESC, s.id LIMIT 1").fetchone()
        busiest = con.execute("SELECT substr(created_at, 1, 7) AS m FROM sale GROUP BY m"
                              " ORDER BY COUNT(*) DESC LIMIT 1").fetchone()[0]
        con.close()
        shop = Shop.open(path, run_jobs=False)
        try:
            owner = shop.staff.login("owner", "owner123")       # the demo's owner
            png(render_receipt(shop.sales.receipt(owner, sale_id)), DOCS / "receipt.png", 150, work)
            figures = shop.reports.month(owner, int(busiest[:4]), int(busiest[5:]))
            png(render_monthly_report(figures), DOCS / "monthly-report.png", 100, work)
        finally:
            shop.close()
    print("wrote docs/receipt.png and docs/monthly-report.png")


if __name__ == "__main__":
    main()
