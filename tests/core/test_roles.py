"""Who may do what: owner everything, cashier the counter, technician their notes."""

import pytest

from salon_desk.errors import PermissionDenied
from salon_desk.roles import Perm, Role, allows, require

OWNER_ONLY = [Perm.REFUND, Perm.ERASE, Perm.MERGE, Perm.EXPORT, Perm.MANUAL_POINTS, Perm.MANUAL_TIER,
              Perm.PRICE_OVERRIDE, Perm.CATALOGUE, Perm.STAFF, Perm.SETTINGS, Perm.REPORTS_ALL]


def test_owner_may_do_everything():
    assert all(allows(Role.OWNER, p) for p in Perm)


@pytest.mark.parametrize("perm", OWNER_ONLY)
def test_cashier_and_technician_may_not_do_owner_things(perm):
    assert not allows("cashier", perm)
    assert not allows("technician", perm)


def test_cashier_runs_the_counter():
    for perm in (Perm.COUNTER, Perm.CUSTOMERS, Perm.APPOINTMENTS, Perm.VISIT_NOTES, Perm.REPORTS_TODAY,
                 Perm.SEE_FULL_PHONE, Perm.SEE_HEALTH):
        assert allows("cashier", perm)


def test_technician_writes_visit_notes_only():
    assert {p for p in Perm if allows("technician", p)} == {Perm.VISIT_NOTES, Perm.SEE_HEALTH}


def test_require_raises_a_typed_error():
    require("owner", Perm.REFUND)
    with pytest.raises(PermissionDenied) as err:
        require("cashier", Perm.REFUND)
    assert err.value.code == "perm.denied"
    assert err.value.params == {"perm": "refund", "role": "cashier"}


def test_unknown_role():
    with pytest.raises(ValueError):
        allows("manager", Perm.COUNTER)
