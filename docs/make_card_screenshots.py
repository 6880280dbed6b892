"""Screenshots of the counter with a stored-value card and a package in use, on demo data.

    xvfb-run -a -s "-screen 0 1280x800x24" python docs/make_card_screenshots.py

Writes docs/counter-card.png (the check-in banner with the card balance and sessions left)
and docs/checkout-card.png (the checkout with the card key and the package's saving).
"""

from __future__ import annotations

import sqlite3


from salon_desk.app import application, build_main_window
from salon_desk.db import Shop
from salon_desk.tenders import Tender
from salon_desk.ui import widgets
from salon_desk.ui.checkout_dialog import CheckoutDialog
from screenshot_setup import DOCS, demo_file, settle


def main() -> None:
    work = demo_file(customers=200, months=3, seed=2)
    con = sqlite3.connect(work)
    # a customer holding both a card balance and a package with sessions left, not in the shop now
    customer_id = con.execute(
        "SELECT e.customer_id FROM card_entry e"
        " WHERE e.customer_id NOT IN (SELECT customer_id FROM visit WHERE status = 'open' AND customer_id IS NOT NULL)"
        " GROUP BY e.customer_id HAVING SUM(e.principal_fen) > 20000"
        " ORDER BY EXISTS (SELECT 1 FROM customer_package p WHERE p.customer_id = e.customer_id) DESC,"
        " SUM(e.principal_fen) DESC LIMIT 1").fetchone()[0]
    phone = con.execute("SELECT phone FROM customer WHERE id = ?", (customer_id,)).fetchone()[0]
    con.close()
    app = application()
    shop = Shop.open(work)
    cashier = shop.staff.login("cashier", "cashier123")
    window = build_main_window(shop, cashier)
    window.resize(1280, 800)
    window.show()
    settle(app)
    if not shop.packages.of_customer(cashier, customer_id):     # give them one to show the sessions left
        product = shop.packages.products(cashier)[0]
        shop.packages.sell(cashier, customer_id, product.item_id,
                           [Tender("wechat", shop.packages.quote_sale(cashier, customer_id, product.item_id))])
    widgets.Confirm.ask = classmethod(lambda cls, parent, title, text: True)   # take the offered session
    counter = window.counter
    counter.search.setText(phone[-4:])
    settle(app)
    counter.check_in_chosen()
    settle(app)
    editor = counter.editor
    for code in ("B01", "H02"):
        editor.item_field.setText(code)
        editor.pick_item()
        editor.add_line()
        settle(app)
    counter.search.setText(phone[-4:])
    settle(app)
    window.grab().save(str(DOCS / "counter-card.png"))
    dialog = CheckoutDialog(window.ops, editor.visit.id, window)
    dialog.show()
    settle(app)
    dialog.take_card()
    settle(app)
    dialog.grab().save(str(DOCS / "checkout-card.png"))
    dialog.reject()
    shop.close()
    print("wrote docs/counter-card.png and docs/checkout-card.png")


if __name__ == "__main__":
    main()
