"""A screenshot of the day view on a made-up busy Wednesday at 14:20, for looking at it.

    xvfb-run -a -s "-screen 0 1280x800x24" env QT_QPA_PLATFORM=xcb python docs/make_day_view_screenshot.py

Writes docs/day-view.png. The day view is not on a page of the window yet, so
the day comes from bench/day_view_data.py instead of a demo shop.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.day_view_data import bookings, technicians  # noqa: E402
from salon_desk.ui.day_view import DayView  # noqa: E402
from salon_desk.ui.i18n import install_language, register_font  # noqa: E402


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    register_font(app)
    install_language("zh_CN")
    day, now = date(2026, 12, 2), datetime(2026, 12, 2, 14, 20)
    techs = technicians(6, day)
    view = DayView()
    view.resize(1280, 800)
    view.show()
    view.set_day(day, techs, bookings(techs, day, 9, now), now)
    view.setFocus()
    app.processEvents()
    out = ROOT / "docs" / "day-view.png"
    view.grab().save(str(out))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
