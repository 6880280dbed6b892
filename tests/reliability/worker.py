"""A counter in its own process: sells (and refunds) in a loop, printing each receipt as it is stored.

python worker.py SHOP_FILE COUNT [refunds]
"""

import sys

from salon_desk.db import Shop
from salon_desk.tenders import Tender

PASSWORD = "secret123"


def main() -> None:
    path, count = sys.argv[1], int(sys.argv[2])
    refunds = len(sys.argv) > 3 and sys.argv[3] == "refunds"
    shop = Shop.open(path, run_jobs=False)
    cashier = shop.staff.login("xiaomei", PASSWORD)
    owner = shop.staff.login("boss", PASSWORD)
    tech = shop.staff.login("wang", PASSWORD)
    items = [i for i in shop.catalogue.items(owner) if i.kind == "service"][:3]
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


if __name__ == "__main__":
    main()
