"""Screenshots of the 预约 tab on the demo shop's book, for the README and for looking at them.

    Xvfb :46 -screen 0 1280x800x24 &  DISPLAY=:46 openbox &
    DISPLAY=:46 QT_QPA_PLATFORM=xcb python docs/make_day_view_screenshot.py [demo.sqlite]

A demo shop is built with its clock at Wednesday 2026-12-02 14:20 (or the file given is used
with that clock). Writes docs/day-view.png (the cashier's 预约 tab), docs/reminders.png
(tomorrow's reminders with a care tip) and docs/working-hours.png (the owner's 上班时间 page).
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from salon_desk.app import application, build_main_window  # noqa: E402
from salon_desk.db import Shop  # noqa: E402
from salon_desk.ui.appointments_page import RemindersDialog  # noqa: E402
from salon_desk.ui.working_hours import WorkingHoursDialog  # noqa: E402
from screenshot_setup import DOCS, demo_file, settle  # noqa: E402


NOW = datetime(2026, 12, 2, 14, 20)


def main(argv: list[str]) -> int:
    work = demo_file(argv, clock=lambda: NOW)
    app = application()
    shop = Shop.open(work, clock=lambda: NOW, run_jobs=False)
    cashier = shop.staff.login("cashier", "cashier123")
    window = build_main_window(shop, cashier)
    window.resize(1280, 800)
    window.show()
    page = window.pages["appointments"]
    window.tabs.setCurrentWidget(page)
    settle(app)
    page.view.setFocus()
    settle(app)
    window.grab().save(str(DOCS / "day-view.png"))

    sendable = [r for r in shop.appointments.reminders(cashier) if r.consent]
    if sendable and not any("到店小贴士" in r.text for r in sendable):
        # tomorrow's first service gets a tip, so the picture shows one
        owner = shop.staff.login("owner", "owner123")
        first = shop.appointments.get(cashier, sendable[0].booking_id).services[0]
        shop.catalogue.update_item(owner, first.service_id, care_tip="请提前 10 分钟到店，先和师傅沟通想要的效果")
    reminders = RemindersDialog(window.ops, window)
    reminders.show()
    tips = [i for i, r in enumerate(reminders.reminders) if "到店小贴士" in r.text]
    if tips:
        reminders.list.setCurrentRow(tips[0])
    settle(app)
    reminders.grab().save(str(DOCS / "reminders.png"))
    reminders.close()
    window.close()

    owner = shop.staff.login("owner", "owner123")
    boss = build_main_window(shop, owner)
    boss.resize(1280, 800)
    boss.show()
    settle(app)
    hours = WorkingHoursDialog(boss.ops, parent=boss)
    hours.show()
    settle(app)
    hours.grab().save(str(DOCS / "working-hours.png"))
    hours.close()
    boss.close()
    shop.close()
    for name in ("day-view.png", "reminders.png", "working-hours.png"):
        print(DOCS / name)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
