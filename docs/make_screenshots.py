"""Screenshots of the window on demo data, for the README and for looking at it.

    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_screenshots.py [demo.sqlite]

Without a file a fresh demo shop is built (takes about half a minute).
Writes docs/counter.png, checkout.png, receipt-summary.png, login.png,
customer.png, customer-history.png and (logged in as the owner) reports-page.png;
then the changed screens in English: receipt-summary-en.png and reports-page-en.png.
"""

from __future__ import annotations

import sys


from salon_desk.app import application, build_main_window, demo_logins
from salon_desk.db import Shop
from salon_desk.ui.checkout_dialog import CheckoutDialog
from salon_desk.ui.login_dialog import LoginDialog
from salon_desk.ui.receipt_step import ReceiptStepDialog
from screenshot_setup import DOCS, demo_file, settle


def main(argv: list[str]) -> int:
    work = demo_file(argv)
    app = application()
    shop = Shop.open(work)
    cashier = shop.staff.login("cashier", "cashier123")
    window = build_main_window(shop, cashier)
    window.resize(1280, 800)
    window.show()
    settle(app)

    # a returning member with points and preferences, checked in, two services
    members = [c for c in shop.customers.recent(cashier, limit=300) if c.tier and c.points >= 500]
    chosen = next((c for c in members if shop.customers.file(cashier, c.id).tags), members[0])
    counter = window.counter
    counter.search.setText(chosen.phone[-4:])
    settle(app)
    counter.check_in_chosen()
    settle(app)
    editor = counter.editor
    techs = [s for s in shop.staff.technicians(cashier) if s.role == "technician"]
    for code, tech in (("H02", techs[0]), ("B01", techs[-1])):
        editor.item_field.setText(code)
        editor.pick_item()
        editor.technician.setCurrentIndex(editor.technician.findData(tech.id))
        editor.add_line()
    counter.search.setText(chosen.phone[-4:])
    settle(app)
    window.grab().save(str(DOCS / "counter.png"))

    dialog = CheckoutDialog(window.ops, editor.visit.id, window)
    dialog.show()
    settle(app)
    dialog.use_most_points()
    dialog.amount.setText("200")
    dialog.take_payment("wechat")
    dialog.amount.setText("300")
    dialog.take_payment("cash")
    settle(app)
    dialog.grab().save(str(DOCS / "checkout.png"))
    dialog.confirm()
    summary = ReceiptStepDialog(shop, dialog.receipt, parent=window, rate=lambda _stars: True)
    summary.show()
    settle(app)
    summary.grab().save(str(DOCS / "receipt-summary.png"))
    summary.accept()

    login = LoginDialog(shop, demo_logins())
    login.show()
    settle(app)
    login.grab().save(str(DOCS / "login.png"))
    login.reject()

    window.tabs.setCurrentIndex(1)
    page = window.pages["customers"]
    page.search.setText(chosen.phone[-4:])
    settle(app)
    window.grab().save(str(DOCS / "customer.png"))
    page.tabs.setCurrentIndex(2)
    settle(app)
    window.grab().save(str(DOCS / "customer-history.png"))

    # the owner's 报表 page on the last full month
    window.switch_user(shop.staff.login("owner", "owner123"))
    window.tabs.setCurrentWidget(window.pages["reports"])
    settle(app)
    window.grab().save(str(DOCS / "reports-page.png"))
    window.close()

    # the same screens in English
    owner = shop.staff.login("owner", "owner123")
    english = build_main_window(shop, owner, language="en")
    english.resize(1280, 800)
    english.show()
    english.tabs.setCurrentWidget(english.pages["reports"])
    settle(app)
    english.grab().save(str(DOCS / "reports-page-en.png"))
    summary = ReceiptStepDialog(shop, dialog.receipt, parent=english, rate=lambda _stars: True)
    summary.show()
    settle(app)
    summary.grab().save(str(DOCS / "receipt-summary-en.png"))
    summary.accept()
    english.close()
    shop.close()
    print("wrote", ", ".join(p.name for p in sorted(DOCS.glob("*.png"))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
