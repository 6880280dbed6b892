"""Staff: login and lockout, passwords, roles checked in the core, and the audit log."""

from datetime import datetime

import peewee
import pytest

from salon_desk.db.models import AuditLog, Staff
from salon_desk.errors import (
    AuthenticationFailed,
    Conflict,
    InvalidInput,
    PermissionDenied,
)

LOCK_UNTIL = datetime(2026, 11, 22, 10, 15)       # 10:00 + 15 minutes


def test_login(shop, cashier):
    assert shop.staff.login("xiaomei", "secret123") == cashier
    entry = AuditLog.select().order_by(AuditLog.id.desc()).get()
    assert (entry.action, entry.staff_id) == ("login", cashier.id)


def test_failed_logins_are_refused_and_audited(shop, cashier):
    with pytest.raises(AuthenticationFailed) as err:
        shop.staff.login("xiaomei", "wrong-password")
    assert (err.value.code, err.value.params) == ("auth.bad_credentials", {})
    with pytest.raises(AuthenticationFailed) as err:
        shop.staff.login("nobody", "secret123")
    assert err.value.code == "auth.bad_credentials"          # no hint that the user is unknown
    failed = list(AuditLog.select().where(AuditLog.action == "login_failed").order_by(AuditLog.id))
    assert [f.staff_id for f in failed] == [cashier.id, None]
    assert failed[1].details == '{"reason": "unknown user"}'       # the name typed is never kept


def test_lockout_after_five_failures_and_unlock_by_the_clock(shop, cashier, clock):
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as err:
            shop.staff.login("xiaomei", "wrong")
        assert err.value.code == "auth.bad_credentials"
    with pytest.raises(AuthenticationFailed) as err:
        shop.staff.login("xiaomei", "wrong")
    assert (err.value.code, err.value.params) == ("auth.locked", {"until": LOCK_UNTIL})
    # even the right password is refused while locked
    clock.advance(minutes=14, seconds=59)
    with pytest.raises(AuthenticationFailed) as err:
        shop.staff.login("xiaomei", "secret123")
    assert err.value.code == "auth.locked"
    clock.set(2026, 11, 22, 10, 15)
    assert shop.staff.login("xiaomei", "secret123").id == cashier.id


def test_a_good_login_clears_the_failure_count(shop):
    for _ in range(4):
        with pytest.raises(AuthenticationFailed):
            shop.staff.login("xiaomei", "wrong")
    shop.staff.login("xiaomei", "secret123")
    for _ in range(4):
        with pytest.raises(AuthenticationFailed) as err:
            shop.staff.login("xiaomei", "wrong")
        assert err.value.code == "auth.bad_credentials"     # 4 again, not 8: not locked
    assert shop.staff.login("xiaomei", "secret123").username == "xiaomei"


def test_lockout_limits_are_settings(shop, owner):
    shop.settings.update(owner, {"staff.max_failed_logins": 2, "staff.lockout_minutes": 60})
    with pytest.raises(AuthenticationFailed):
        shop.staff.login("xiaomei", "wrong")
    with pytest.raises(AuthenticationFailed) as err:
        shop.staff.login("xiaomei", "wrong")
    assert err.value.params == {"until": datetime(2026, 11, 22, 11, 0)}


def test_owner_resets_a_locked_password(shop, owner, cashier):
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            shop.staff.login("xiaomei", "wrong")
    shop.staff.reset_password(owner, cashier.id, "newpass88")
    assert shop.staff.login("xiaomei", "newpass88").id == cashier.id


def test_change_password(shop, cashier):
    with pytest.raises(AuthenticationFailed):
        shop.staff.change_password(cashier, "not-my-password", "newpass88")
    with pytest.raises(InvalidInput) as err:
        shop.staff.change_password(cashier, "secret123", "12345")
    assert (err.value.code, err.value.params) == ("password.too_short", {"min": 6})
    shop.staff.change_password(cashier, "secret123", "新密码很安全的")
    with pytest.raises(AuthenticationFailed):
        shop.staff.login("xiaomei", "secret123")
    assert shop.staff.login("xiaomei", "新密码很安全的").id == cashier.id
    assert AuditLog.select().where(AuditLog.action == "password_changed").count() == 1


def test_passwords_are_stored_as_salted_slow_hashes(shop, ids):
    hashes = [s.password_hash for s in Staff.select()]
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any("secret123" in h for h in hashes)
    assert len(set(hashes)) == len(hashes)                   # same password, different salts


def test_roles_and_staff_management(shop, owner, cashier):
    with pytest.raises(PermissionDenied):
        shop.staff.create(cashier, username="zhao", display_name="赵师傅", role="technician", password="secret123")
    with pytest.raises(Conflict) as err:
        shop.staff.create(owner, username="wang", display_name="另一个王", role="technician", password="secret123")
    assert (err.value.code, err.value.params) == ("staff.username_taken", {"username": "wang"})
    with pytest.raises(InvalidInput) as err:
        shop.staff.create(owner, username="zhao", display_name="赵", role="manager", password="secret123")
    assert (err.value.code, err.value.params) == ("staff.bad_role", {"role": "manager"})
    nail = shop.staff.create(owner, username="zhao", display_name="赵美甲", role="technician", password="secret123")
    assert nail.role == "technician"
    assert [s.display_name for s in shop.staff.technicians(owner)][:3] == ["王师傅", "李师傅", "赵美甲"]


def test_a_deactivated_account_can_do_nothing(shop, owner, cashier):
    shop.staff.update(owner, cashier.id, active=False)
    with pytest.raises(AuthenticationFailed):
        shop.staff.login("xiaomei", "secret123")
    with pytest.raises(PermissionDenied) as err:
        shop.visits.check_in(cashier)                              # an old session is refused too
    assert (err.value.code, err.value.params) == ("perm.inactive", {"staff": "xiaomei"})


def test_the_owner_cannot_demote_themself(shop, owner):
    with pytest.raises(Conflict) as err:
        shop.staff.update(owner, owner.id, role="cashier")
    assert err.value.code == "staff.cannot_demote_self"
    assert shop.staff.get(owner, owner.id).role == "owner"


def test_setup_runs_once(shop):
    assert shop.staff.needs_setup() is False
    with pytest.raises(Conflict) as err:
        shop.staff.setup(shop_name="另一家", owner_username="boss2", owner_password="secret123")
    assert err.value.code == "setup.already_done"


@pytest.mark.parametrize("call", [
    lambda s, a, i: s.settings.update(a, {"receipt.footer": "x"}),
    lambda s, a, i: s.catalogue.add_item(a, kind="service", code="X1", name="x", category="hair", price_fen=100),
    lambda s, a, i: s.points.adjust(a, 1, 100, "x"),
    lambda s, a, i: s.customers.export(a, 1),
    lambda s, a, i: s.customers.anonymise(a, 1),
    lambda s, a, i: s.audit.entries(a),
    lambda s, a, i: s.catalogue.receive_stock(a, i.serum.id, 5),
])
def test_a_cashier_is_refused_owner_operations(shop, cashier, items, new_customer, call):
    new_customer()
    with pytest.raises(PermissionDenied):
        call(shop, cashier, items)


def test_the_audit_log_records_every_sensitive_action(shop, owner, cashier, tech, clock, items, new_member,
                                                     new_customer, sell, owner_ok):
    shop.staff.login("xiaomei", "secret123")
    with pytest.raises(AuthenticationFailed):
        shop.staff.login("xiaomei", "wrong")
    zhang = new_member(tier="gold", points=100)                    # tier change, manual points
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.override_line_price(owner, line.id, 25000, "老客户")
    from salon_desk.tenders import Tender
    sale = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 20000)])       # 250 x 0.8 = 200.00
    void_me = sell(None, [items.wcb])
    shop.sales.void(cashier, void_me.sale_id, reason="录错", **owner_ok)
    clock.advance(days=1)
    shop.sales.refund(cashier, sale.sale_id, reason="不满意", **owner_ok)
    shop.customers.export(owner, zhang.id)
    li = new_customer("李四", "13900001111")
    shop.customers.merge(owner, zhang.id, li.id)
    wang = new_customer("王五", "13700002222")
    shop.customers.anonymise(owner, wang.id)
    shop.settings.update(owner, {"receipt.footer": "欢迎再来"})
    actions = {e.action for e in shop.audit.entries(owner, limit=1000)}
    assert actions >= {"login", "login_failed", "price_override", "points_adjusted", "tier_set", "sale", "void",
                       "refund", "customer_exported", "customers_merged", "customer_erased", "setting_changed"}
    newest = shop.audit.entries(owner, limit=1)[0]
    assert (newest.action, newest.staff_name, newest.target) == ("setting_changed", "老板", "receipt.footer")
    assert newest.details == {"old": "谢谢惠顾，欢迎再次光临！", "new": "欢迎再来"}


def test_the_audit_log_is_append_only(shop):
    shop.staff.login("boss", "secret123")
    with pytest.raises(peewee.IntegrityError):
        AuditLog.update(action="nothing").execute()
    with pytest.raises(peewee.IntegrityError):
        AuditLog.delete().execute()
    assert AuditLog.select().where(AuditLog.action == "login").count() == 1
