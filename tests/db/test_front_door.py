"""The front door's shape: composed services, one database per shop, a declared permission on
every public method, sessions that cannot be forged and owner grants used once."""

import inspect

import pytest

from salon_desk.db import Shop
from salon_desk.db.permissions import ANY_STAFF, PUBLIC, SYSTEM_JOB, permission_of
from salon_desk.errors import AuthenticationFailed, PermissionDenied
from salon_desk.records import OwnerGrant, Session, StaffInfo
from salon_desk.roles import Perm
from salon_desk.tenders import Tender

DECLARATIONS = {p.value for p in Perm} | {ANY_STAFF, PUBLIC, SYSTEM_JOB}


def public_methods(service):
    return [(name, member) for name, member in inspect.getmembers(type(service), inspect.isfunction)
            if not name.startswith("_")]


def test_every_public_method_of_every_service_declares_its_permission(shop):
    services = shop.services()
    assert {"customers", "visits", "sales", "members", "points", "birthdays", "catalogue", "staff",
            "settings", "reports", "audit", "backups"} <= set(services)
    undeclared = [f"{name}.{method}" for name, service in services.items()
                  for method, fn in public_methods(service) if permission_of(fn) not in DECLARATIONS]
    assert undeclared == []
    # and a method taking a session checks it: the declaration is not a label only
    checked = [(name, method) for name, service in services.items() for method, fn in public_methods(service)
               if permission_of(fn) not in (PUBLIC, SYSTEM_JOB)]
    assert len(checked) > 60


def test_no_service_inherits_behaviour_from_a_sibling(shop):
    for service in shop.services().values():
        assert type(service).__mro__[1:] == (object,), type(service)


def test_two_shops_in_one_process_each_see_their_own_file(tmp_path):
    a = Shop.open(tmp_path / "a.sqlite")
    b = Shop.open(tmp_path / "b.sqlite")
    try:
        boss_a = a.staff.setup(shop_name="东店", owner_username="boss", owner_password="secret123")
        boss_b = b.staff.setup(shop_name="西店", owner_username="boss", owner_password="secret123")
        a.catalogue.add_item(boss_a, kind="service", code="C01", name="精剪", category="hair", price_fen=26800)
        assert (a.settings.value("shop.name"), b.settings.value("shop.name")) == ("东店", "西店")
        assert [i.name for i in a.catalogue.items(boss_a)] == ["精剪"]
        assert b.catalogue.items(boss_b) == []
        # a session of one shop is nothing to the other
        with pytest.raises(PermissionDenied) as err:
            b.catalogue.items(boss_a)
        assert err.value.code == "perm.not_logged_in"
    finally:
        a.close()
        b.close()


def test_a_hand_made_record_with_the_owners_id_is_refused(shop, owner, ids):
    forged = StaffInfo(ids["owner"], "boss", "老板", "owner")
    with pytest.raises(PermissionDenied) as err:
        shop.audit.entries(forged)
    assert err.value.code == "perm.not_logged_in"
    also_forged = Session(ids["owner"], "boss", "老板", "owner", token="guessed")
    with pytest.raises(PermissionDenied):
        shop.customers.find(also_forged, "zs")
    assert shop.audit.entries(owner)         # the real session works


def test_a_session_ends_at_logout(shop, cashier):
    shop.staff.logout(cashier)
    with pytest.raises(PermissionDenied):
        shop.customers.find(cashier, "zs")


@pytest.mark.parametrize("role, allowed", [
    ("owner", {"find", "report", "settings", "erase", "audit", "day"}),
    ("cashier", {"find", "day"}),
    ("tech", set()),
])
def test_the_role_matrix(shop, owner, cashier, tech, new_customer, role, allowed):
    actor = {"owner": owner, "cashier": cashier, "tech": tech}[role]
    zhang = new_customer()
    attempts = {
        "find": lambda: shop.customers.find(actor, "zs"),
        "report": lambda: shop.reports.month(actor, 2026, 11),
        "settings": lambda: shop.settings.update(actor, {"receipt.footer": "谢谢"}),
        "erase": lambda: shop.customers.anonymise(actor, zhang.id),
        "audit": lambda: shop.audit.entries(actor),
        "day": lambda: shop.reports.day(actor),
    }
    done = set()
    for name, attempt in attempts.items():
        try:
            attempt()
            done.add(name)
        except PermissionDenied:
            pass
    assert done == allowed


def test_a_cashier_sees_only_todays_report(shop, cashier, clock):
    assert shop.reports.day(cashier).start == clock.now.date()
    with pytest.raises(PermissionDenied):
        shop.reports.day(cashier, clock.now.date().replace(day=1))


def test_a_technician_sees_only_the_visits_they_serve(shop, cashier, tech, tech2, items, new_customer):
    zhang = new_customer()
    li = new_customer("李四", "13900001111")
    mine = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, mine.id, items.cut.id, tech.id)
    theirs = shop.visits.check_in(cashier, li.id)
    shop.visits.add_service(cashier, theirs.id, items.cut.id, tech2.id)
    [seen] = shop.visits.open_visits(tech)
    assert seen.customer.name == "张三" and seen.customer.phone == "" and seen.last_visit is None
    with pytest.raises(PermissionDenied):
        shop.visits.get(tech, theirs.id)
    with pytest.raises(PermissionDenied):
        shop.customers.file(tech, li.id)


def test_an_owner_grant_is_used_once(shop, cashier, tech, items, new_customer):
    zhang = new_customer()
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)
    sale = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 26800 + 12800)])
    grant = shop.staff.authorise_owner(cashier, "boss", "secret123")
    assert isinstance(grant, OwnerGrant)
    shop.sales.refund(cashier, sale.sale_id, [sale.lines[0].sale_line_id], grant=grant, reason="不满意")
    with pytest.raises(PermissionDenied) as err:
        shop.sales.refund(cashier, sale.sale_id, [sale.lines[1].sale_line_id], grant=grant, reason="再退")
    assert err.value.code == "perm.owner_password_required"
    with pytest.raises(AuthenticationFailed):
        shop.staff.authorise_owner(cashier, "xiaomei", "secret123")    # a cashier is not an owner


def test_a_birthday_moved_into_the_perk_window_needs_the_owner(shop, owner, cashier, new_member, clock):
    from salon_desk.db.customers import CustomerDetails
    zhang = new_member(birth_month=3, birth_day=5)
    today = clock.now.date()
    moved = CustomerDetails(name="张三", phone="13812345678", birth_month=today.month, birth_day=today.day)
    with pytest.raises(PermissionDenied) as err:
        shop.customers.update(cashier, zhang.id, moved)
    assert err.value.code == "customer.birthday_needs_owner"
    assert shop.customers.file(cashier, zhang.id).birth_month == 3
    grant = shop.staff.authorise_owner(cashier, "boss", "secret123")
    assert shop.customers.update(cashier, zhang.id, moved, grant=grant).birth_month == today.month
    [entry] = [e for e in shop.audit.entries(owner) if e.action == "customer_updated"]
    assert entry.details["old"] == {"birth_day": 5, "birth_month": 3}
    assert entry.details["new"] == {"birth_day": today.day, "birth_month": today.month}
    assert entry.details["authorised_by"] == "boss"
