"""Screenshots of the care pages on demo data, in Chinese: the follow-ups page, a new complaint and a
complaint being handled, the segments page, the report's care figures in the window and the care
pages of the PDF report.

    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_care_screenshots.py [demo.sqlite]

Without a file a fresh demo shop is built. Writes docs/care-page.png, complaint-new.png,
complaint.png, segments.png, report-care.png and report-care-pdf.png (pdftoppm, the PDF's care page).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import date


from salon_desk.app import application, build_main_window
from salon_desk.db import Shop
from salon_desk.ui.complaint_dialog import ComplaintDialog
from screenshot_setup import DOCS, demo_file, settle


def main(argv: list[str]) -> int:
    work = demo_file(argv)
    app = application()
    shop = Shop.open(work)
    cashier = shop.staff.login("cashier", "cashier123")
    window = build_main_window(shop, cashier)
    window.resize(1280, 800)
    window.show()
    page = window.pages["care"]
    window.tabs.setCurrentWidget(page)
    page.later.setChecked(True)
    settle(app, 8)
    window.grab().save(str(DOCS / "care-page.png"))

    fresh = ComplaintDialog(window.ops, customer_id=page.task.customer_id if page.task else None, parent=window)
    fresh.show()
    settle(app, 8)
    fresh.grab().save(str(DOCS / "complaint-new.png"))
    fresh.close()

    complaints = shop.care.complaints(cashier)
    if complaints:
        dialog = ComplaintDialog(window.ops, complaint_id=complaints[0].id, parent=window)
        dialog.show()
        settle(app, 8)
        dialog.grab().save(str(DOCS / "complaint.png"))
        dialog.close()

    window.tabs.setCurrentWidget(window.pages["segments"])
    settle(app, 8)
    window.grab().save(str(DOCS / "segments.png"))

    owner = shop.staff.login("owner", "owner123")
    window.switch_user(owner)
    reports = window.pages["reports"]
    window.tabs.setCurrentWidget(reports)
    settle(app, 8)
    titles = [reports.sections.item(i).text() for i in range(reports.sections.count())]
    if "服务质量关键指标" in titles:
        reports.sections.setCurrentRow(titles.index("服务质量关键指标"))
    settle(app, 8)
    window.grab().save(str(DOCS / "report-care.png"))

    # the PDF of last month: its care page (the one with 服务质量), through pdftoppm
    from salon_desk.reports.monthly import render_monthly_report
    last = date.today().replace(day=1)
    year, month = (last.year - 1, 12) if last.month == 1 else (last.year, last.month - 1)
    pdf = work.with_suffix(".pdf")
    pdf.write_bytes(render_monthly_report(shop.reports.month(owner, year, month)))
    out = work.parent / "page"
    subprocess.run(["pdftoppm", "-png", "-r", "80", str(pdf), str(out)], check=True)
    pages = sorted(work.parent.glob("page*.png"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
    care = [i for i, t in enumerate(text.split("\f")) if "投诉" in t and "回访" in t]
    if care and pages:
        shutil.copyfile(pages[care[0]], DOCS / "report-care-pdf.png")
    shop.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
