"""Screenshots of the card and package panel of the customer's file and its dialogs, on demo data.

    Xvfb :45 -screen 0 1280x800x24 & DISPLAY=:45 openbox &
    DISPLAY=:45 python docs/make_card_action_screenshots.py

Writes docs/card-panel.png (the 储值卡和次卡 tab), docs/card-reissue.png, docs/card-transfer.png,
docs/package-extend.png and docs/package-refund.png (each dialog as the owner sees it before confirming).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from PySide6.QtCore import QDate

from salon_desk.app import application, build_main_window
from salon_desk.db import Shop
from salon_desk.tenders import Tender
from salon_desk.ui.card_actions import ExtendDialog, PackageRefundDialog, ReissueDialog, TransferDialog
from screenshot_setup import DOCS, demo_file, settle


def main() -> None:
    work = demo_file(customers=200, months=3, seed=2)
    con = sqlite3.connect(work)
    holder, other = [r[0] for r in con.execute(
        "SELECT e.customer_id FROM card_entry e GROUP BY e.customer_id HAVING SUM(e.principal_fen) > 20000"
        " ORDER BY SUM(e.principal_fen) DESC LIMIT 2")]
    phone = con.execute("SELECT phone FROM customer WHERE id = ?", (holder,)).fetchone()[0]
    con.close()
    app = application()
    shop = Shop.open(work)
    owner = shop.staff.login("owner", "owner123")
    services = [i for i in shop.catalogue.items(owner, "service")]
    product = shop.packages.define(owner, code="K90", name="面部护理3次（90天）", price_fen=60_000, sessions=3,
                                   services=[(services[0].id, None)], validity_days=90, member_discount=False)
    shop.packages.sell(owner, holder, product.item_id, [Tender("wechat", 60_000)])
    later = datetime.now().replace(microsecond=0) + timedelta(days=75)     # the package expiring soon
    shop.clock = lambda: later
    window = build_main_window(shop, owner)
    window.resize(1280, 800)
    window.show()
    page = window.pages["customers"]
    window.tabs.setCurrentWidget(page)
    page.search.setText(phone)
    page.tabs.setCurrentWidget(page.card_panel)
    settle(app)
    panel = page.card_panel
    for row, package in enumerate(panel.packages):
        if package.name == product.name:
            panel.table.selectRow(row)
    settle(app)
    window.grab().save(str(DOCS / "card-panel.png"))
    file = page.file
    info = panel.info
    assert file is not None and info is not None
    reissue = ReissueDialog(window.ops, file.id, file.name, info, window)
    reissue.show()
    settle(app)
    reissue.grab().save(str(DOCS / "card-reissue.png"))
    reissue.reject()
    transfer = TransferDialog(window.ops, file.id, file.name, info, window)
    transfer.receiver = shop.customers.find(owner, shop.customers.file(owner, other).phone)[0]
    transfer.receiver_label.setText(f"{transfer.receiver.name} {transfer.receiver.phone_masked}")
    transfer.show_preview()
    transfer.reason.setText("转给家人")
    transfer.show()
    settle(app)
    transfer.grab().save(str(DOCS / "card-transfer.png"))
    transfer.reject()
    package = panel.current_package()
    assert package is not None
    extend = ExtendDialog(window.ops, package, file.name, window)
    extend.expiry.setDate(QDate(package.expires_on.year, package.expires_on.month, package.expires_on.day).addMonths(6))
    extend.reason.setText("顾客出差半年")
    extend.show()
    settle(app)
    extend.grab().save(str(DOCS / "package-extend.png"))
    extend.reject()
    refund = PackageRefundDialog(window.ops, package, file.name, window)
    refund.mode.setCurrentIndex(2)
    refund.rate.setText("3.45")
    refund.reason.setText("顾客搬家")
    refund.show()
    settle(app)
    refund.grab().save(str(DOCS / "package-refund.png"))
    refund.reject()
    shop.close()
    print("wrote docs/card-panel.png, card-reissue.png, card-transfer.png, package-extend.png, package-refund.png")


if __name__ == "__main__":
    main()
