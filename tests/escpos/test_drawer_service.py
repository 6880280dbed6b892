"""Opening the drawer with no sale: the owner only, audited with who and when; a failed kick is not audited."""

from __future__ import annotations

import pytest

from salon_desk.db.drawer import NO_SALE
from salon_desk.errors import InvalidInput, PermissionDenied, PrinterProblem


def no_sale_entries(shop, owner):
    return [(e.staff_name, e.action, e.target, e.details) for e in shop.audit.entries(owner) if e.action == NO_SALE]


def test_the_owner_opens_the_drawer_and_it_is_audited_with_who_and_when(shop, owner, clock):
    kicks: list[str] = []
    opened = shop.drawer.open_no_sale(owner, lambda: kicks.append("pulse"), reason=" 换零钱 ")
    assert kicks == ["pulse"]
    assert (opened.at, opened.staff_name, opened.reason) == (clock.now, "老板", "换零钱")
    assert no_sale_entries(shop, owner) == [("老板", NO_SALE, "drawer", {"reason": "换零钱"})]


def test_a_cashier_may_not_and_the_drawer_stays_shut(shop, owner, cashier):
    kicks: list[str] = []
    with pytest.raises(PermissionDenied):
        shop.drawer.open_no_sale(cashier, lambda: kicks.append("pulse"))
    assert kicks == [] and no_sale_entries(shop, owner) == []


def test_a_drawer_that_did_not_open_is_not_audited(shop, owner):
    def kick():
        raise PrinterProblem("printer.unreachable", printer="192.168.1.50:9100", reason="refused")
    with pytest.raises(PrinterProblem):
        shop.drawer.open_no_sale(owner, kick)
    assert no_sale_entries(shop, owner) == []


def test_a_reason_is_short(shop, owner):
    with pytest.raises(InvalidInput) as caught:
        shop.drawer.open_no_sale(owner, lambda: None, reason="很" * 101)
    assert caught.value.code == "drawer.reason_too_long"
