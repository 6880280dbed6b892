"""A shift from its counted float to its blind close: the X report, cash expected, the variance,
the owner's authorisation above the limit, the numbered Z report that cannot change."""

import pytest

from salon_desk.db import Shop
from salon_desk.db.models import Shift
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied
from salon_desk.tenders import Tender

pytestmark = pytest.mark.usefixtures("shiftless")       # each test opens its own shift


def _sale(shop, cashier, tech, item, tenders):
    visit = shop.visits.check_in(cashier, None)
    shop.visits.add_service(cashier, visit.id, item.id, tech.id)
    return shop.sales.checkout(cashier, visit.id, tenders)


def test_a_day_with_a_void_closes_with_a_small_variance_and_carries_the_float(shop, cashier, tech, items, owner_ok):
    shop.shifts.open(cashier, 50000)
    _sale(shop, cashier, tech, items.cut, [Tender("cash", 30000)])            # ¥268 cash, ¥32 change
    split = _sale(shop, cashier, tech, items.wcb, [Tender("wechat", 5000), Tender("cash", 1800)])
    shop.sales.void(cashier, split.sale_id, reason="录错", **owner_ok)
    x = shop.shifts.x_report(cashier)
    assert dict(x.totals.sales) == {"cash": 26800 + 1800, "wechat": 5000}
    assert dict(x.totals.voids) == {"wechat": 5000, "cash": 1800}
    assert x.cash_expected_fen == 50000 + 26800 == 76800
    z = shop.shifts.close(cashier, 76300, 50000)                                 # ¥5 short: within the ¥10 limit
    assert (z.z_no, z.variance_fen, z.voids_and_refunds[0].kind) == (1, -500, "void")
    assert shop.shifts.z_report(cashier, 1) == z
    with pytest.raises(Conflict):
        shop.shifts.close(cashier, 76300, 50000)                                # closing twice
    assert shop.shifts.suggested_float(cashier) == 50000
    with pytest.raises(Exception):
        Shift.update(counted_fen=1).execute()                                   # the Z report cannot change


def test_a_large_variance_needs_the_owner_and_a_reason(shop, cashier, tech, items, owner_ok):
    shop.shifts.open(cashier, 50000)
    with pytest.raises(InvalidInput) as err:
        shop.shifts.close(cashier, 45000, 40000)
    assert err.value.code == "shift.reason_required"
    with pytest.raises(PermissionDenied):
        shop.shifts.close(cashier, 45000, 40000, reason="找错零钱")
    z = shop.shifts.close(cashier, 45000, 40000, reason="找错零钱", **owner_ok)
    assert (z.variance_fen, z.authorised_by, z.reason) == (-5000, "老板", "找错零钱")


def test_a_new_shop_refuses_sales_without_a_shift_and_the_owner_may_allow_them(shop, owner, cashier, tech, items):
    assert shop.settings.value("shift.required") is True                    # the default
    with pytest.raises(Conflict) as err:
        _sale(shop, cashier, tech, items.cut, [Tender("cash", 26800)])
    assert err.value.code == "shift.not_open"
    shop.shifts.open(cashier, 0)
    assert _sale(shop, cashier, tech, items.cut, [Tender("cash", 26800)]).amount_due_fen == 26800
    shop.shifts.close(cashier, 26800, 0)
    shop.settings.update(owner, {"shift.required": False})                  # the owner's choice
    assert _sale(shop, cashier, tech, items.wcb, [Tender("cash", 6800)]).amount_due_fen == 6800


def test_a_shop_set_up_before_this_version_keeps_selling_without_a_shift():
    import shutil
    import tempfile
    from datetime import datetime
    from pathlib import Path
    old = Path(tempfile.mkdtemp()) / "shop.sqlite"
    shutil.copyfile("tests/db/fixtures/shop-v1.sqlite", old)
    with Shop.open(old, clock=lambda: datetime(2026, 11, 22, 10, 0)) as shop:
        assert shop.settings.value("shift.required") is False


def test_bad_counts_are_refused(shop, cashier):
    with pytest.raises(InvalidInput):
        shop.shifts.open(cashier, -1)
    with pytest.raises(Conflict):
        shop.shifts.x_report(cashier)
