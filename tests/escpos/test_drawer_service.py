"""Opening the drawer with no sale: the owner only, audited with who and when; a failed kick is not audited."""

from __future__ import annotations

from contextlib import contextmanager
from datetime import datetime

import pytest

from salon_desk.db.drawer import NO_SALE, DrawerService
from salon_desk.errors import InvalidInput, PermissionDenied, PrinterProblem
from salon_desk.records import StaffInfo

OWNER = StaffInfo(1, "boss", "老板", "owner")
CASHIER = StaffInfo(2, "xiaomei", "小美", "cashier")
NOW = datetime(2026, 11, 22, 18, 30)


class FakeDb:
    def __init__(self) -> None:
        self.transactions = 0

    @contextmanager
    def atomic(self):
        self.transactions += 1
        yield


class Context:
    def __init__(self) -> None:
        self.db = FakeDb()
        self.audited: list[tuple] = []

    def now(self) -> datetime:
        return NOW

    def audit(self, staff, action, target="", **details):
        self.audited.append((staff.username, action, target, details))


def test_the_owner_opens_the_drawer_and_it_is_audited_with_who_and_when():
    ctx, kicks = Context(), []
    opened = DrawerService(ctx).open_no_sale(OWNER, lambda: kicks.append("pulse"), reason=" 换零钱 ")
    assert kicks == ["pulse"]
    assert (opened.at, opened.staff_name, opened.reason) == (NOW, "老板", "换零钱")
    assert ctx.audited == [("boss", NO_SALE, "drawer", {"reason": "换零钱"})]


def test_a_cashier_may_not_and_the_drawer_stays_shut():
    ctx, kicks = Context(), []
    with pytest.raises(PermissionDenied):
        DrawerService(ctx).open_no_sale(CASHIER, lambda: kicks.append("pulse"))
    assert kicks == [] and ctx.audited == []


def test_a_drawer_that_did_not_open_is_not_audited():
    ctx = Context()

    def kick():
        raise PrinterProblem("printer.unreachable", printer="192.168.1.50:9100", reason="refused")
    with pytest.raises(PrinterProblem):
        DrawerService(ctx).open_no_sale(OWNER, kick)
    assert ctx.audited == []


def test_a_reason_is_short():
    with pytest.raises(InvalidInput) as caught:
        DrawerService(Context()).open_no_sale(OWNER, lambda: None, reason="很" * 101)
    assert caught.value.code == "drawer.reason_too_long"
