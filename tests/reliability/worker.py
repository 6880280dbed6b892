"""A counter in its own process: sells (and refunds) in a loop, printing each receipt as it is stored.

python worker.py SHOP_FILE COUNT [refunds | topups]

``topups``: one customer of its own tops up a stored-value card and spends it at the
counter by turns (top-ups and sales share the day's receipt numbers), printing each
top-up receipt ("topped") and sale ("sold") as it is stored.
"""

import sys

import os

from salon_desk.db import Shop
from salon_desk.db.customers import CustomerDetails
from salon_desk.tenders import STORED_VALUE, Tender

PASSWORD = "secret123"


def main() -> None:
    path, count = sys.argv[1], int(sys.argv[2])
    mode = sys.argv[3] if len(sys.argv) > 3 else ""
    refunds = mode == "refunds"
    shop = Shop.open(path, run_jobs=False)
    cashier = shop.staff.login("xiaomei", PASSWORD)
    owner = shop.staff.login("boss", PASSWORD)
    tech = shop.staff.login("wang", PASSWORD)
    items = [i for i in shop.catalogue.items(owner) if i.kind == "service"][:3]
    if mode == "topups":
        top_ups(shop, cashier, owner, tech, items[0], count)
        shop.close()
        return
    for n in range(count):
        visit = shop.visits.check_in(cashier, None)
        for item in items[: 1 + n % 3]:
            shop.visits.add_service(cashier, visit.id, item.id, tech.id)
        due = shop.sales.quote(cashier, visit.id).priced.amount_due_fen
        receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", due)])
        print("sold", receipt.receipt_no, flush=True)
        if refunds and n % 2:
            grant = shop.staff.authorise_owner(cashier, "boss", PASSWORD)
            shop.sales.refund(cashier, receipt.sale_id, grant=grant, reason="test")
            print("refunded", receipt.receipt_no, flush=True)
    shop.close()


def top_ups(shop, cashier, owner, tech, item, count: int) -> None:
    phone = f"139{os.getpid() % 100_000_000:08d}"
    customer = shop.customers.register(owner, CustomerDetails(name="储值测试", phone=phone), consent_keep_file=True)
    for n in range(count):
        slip = shop.cards.top_up(cashier, customer.id, item.price_fen, "wechat", terms_signed=True)
        print("topped", slip.receipt_no, flush=True)
        visit = shop.visits.check_in(cashier, customer.id)
        shop.visits.add_service(cashier, visit.id, item.id, tech.id)
        due = shop.sales.quote(cashier, visit.id).priced.amount_due_fen
        receipt = shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, due)])
        print("sold", receipt.receipt_no, flush=True)


if __name__ == "__main__":
    main()
