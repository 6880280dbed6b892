"""The shop's rules as settings: defaults, validation (all or nothing), audit, effect on the rules."""

import json
from datetime import timedelta

import pytest

from salon_desk.db import Shop
from salon_desk.db.models import AuditLog, Setting
from salon_desk.errors import InvalidInput, PermissionDenied
from salon_desk.settings_registry import DEFAULT_TIERS, tiers_to_json
from salon_desk.tenders import Tender


def test_a_new_shop_has_the_default_rulebook(owner, shop):
    s = shop.settings.all(owner)
    assert (s["membership.join_threshold_fen"], s["membership.lapse_days"]) == (50000, 730)
    assert (s["points.earn_per_yuan"], s["points.per_yuan_redeemed"], s["points.redeem_cap_permille"]) == (1, 100, 500)
    assert (s["points.referral_bonus"], s["points.reset_month_day"]) == (200, "01-01")
    assert (s["birthday.window"], s["birthday.free_service_cap_fen"]) == ("day", 30000)
    assert (s["staff.max_failed_logins"], s["staff.lockout_minutes"]) == (5, 15)
    assert s["membership.tiers"] == tiers_to_json(DEFAULT_TIERS)
    assert (s["shop.name"], s["shop.address"]) == ("丽人坊", "杭州市西湖路1号")


def test_changes_are_validated_all_or_nothing(shop, owner):
    with pytest.raises(InvalidInput) as err:
        shop.settings.update(owner, {"points.redeem_cap_permille": 300, "birthday.window": "year"})
    assert err.value.code == "settings.bad_choice"
    assert err.value.params == {"options": ["day", "week", "month"], "value": "year"}
    assert shop.settings.all(owner)["points.redeem_cap_permille"] == 500
    with pytest.raises(InvalidInput) as err:
        shop.settings.update(owner, {"membership.lapse_days": 10})
    assert (err.value.code, err.value.params) == ("settings.out_of_range", {"low": 30, "high": 3650, "value": 10})
    with pytest.raises(InvalidInput) as err:
        shop.settings.update(owner, {"no.such": 1})
    assert (err.value.code, err.value.params) == ("settings.unknown", {"key": "no.such"})
    with pytest.raises(InvalidInput) as err:
        shop.settings.update(owner, {"points.reset_month_day": "02-30"})
    assert err.value.code == "settings.bad_month_day"


def test_tiers_must_rise(shop, owner):
    tiers = tiers_to_json(DEFAULT_TIERS)
    tiers[2]["rate_permille"] = 900                 # gold paying more than silver's 850
    with pytest.raises(InvalidInput) as err:
        shop.settings.update(owner, {"membership.tiers": tiers})
    assert (err.value.code, err.value.params) == ("settings.tiers_not_ascending", {"tier": "gold"})


@pytest.mark.parametrize("field", ["visits", "spend_fen"])
def test_a_higher_tier_cannot_be_reached_with_nothing(shop, owner, new_member, field):
    # an owner who wants promotion "by spend only" and types 0 visits for silver would see every
    # member become silver at the next sale (0 visits are always reached), and tiers never drop
    new_member()
    tiers = tiers_to_json(DEFAULT_TIERS)
    tiers[1][field] = 0
    with pytest.raises(InvalidInput) as err:
        shop.settings.update(owner, {"membership.tiers": tiers})
    assert (err.value.code, err.value.params) == ("settings.bad_tier_value", {"tier": "silver"})
    assert shop.settings.all(owner)["membership.tiers"] == tiers_to_json(DEFAULT_TIERS)


def test_only_the_owner_changes_settings(shop, cashier):
    with pytest.raises(PermissionDenied) as err:
        shop.settings.update(cashier, {"receipt.footer": "x"})
    assert err.value.params == {"perm": "settings", "role": "cashier"}


def test_changes_are_audited_with_old_and_new_values(shop, owner):
    shop.settings.update(owner, {"points.redeem_cap_permille": 300, "birthday.window": "day"})   # one unchanged
    [entry] = AuditLog.select().where(AuditLog.action == "setting_changed")
    assert (entry.target, entry.staff_id) == ("points.redeem_cap_permille", owner.id)
    assert json.loads(entry.details) == {"old": 500, "new": 300}


def test_settings_survive_a_restart(shop, owner, shop_path, clock):
    shop.settings.update(owner, {"receipt.footer": "欢迎再来", "points.referral_bonus": 300})
    shop.close()
    reopened = Shop.open(shop_path, clock=clock)
    assert (reopened.settings.value("receipt.footer"), reopened.settings.value("points.referral_bonus")) == ("欢迎再来", 300)
    assert reopened.settings.header().footer == "欢迎再来"


def test_a_lower_join_threshold_changes_who_qualifies(shop, owner, cashier, tech, items, new_customer):
    shop.settings.update(owner, {"membership.join_threshold_fen": 30000})
    visit = shop.visits.check_in(cashier, new_customer().id)
    shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id)      # ¥388 >= ¥300
    assert shop.sales.quote(cashier, visit.id).qualifies_to_join is True


def test_the_redeem_cap_and_tier_rates_come_from_settings(shop, owner, cashier, tech, items, new_member):
    tiers = tiers_to_json(DEFAULT_TIERS)
    tiers[2]["rate_permille"] = 780                 # gold 7.8折
    shop.settings.update(owner, {"points.redeem_cap_permille": 200, "membership.tiers": tiers})
    zhang = new_member(tier="gold", points=100000)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    priced = shop.sales.quote(cashier, visit.id).priced
    # 268 x 0.78 = 209.04; at most 20% of it = 41.808 -> 41.80 = 4180 points
    assert (priced.amount_due_fen, priced.max_points_redeemable) == (20904, 4180)


def test_only_changed_values_are_stored(shop, owner):
    before = {r.key for r in Setting.select()}
    shop.settings.update(owner, {"points.earn_per_yuan": 1})          # the default: nothing to store
    assert {r.key for r in Setting.select()} == before


def test_the_shop_name_cannot_be_emptied(shop, owner):
    with pytest.raises(InvalidInput) as info:
        shop.settings.update(owner, {"shop.name": "  "})
    assert info.value.code == "setup.shop_name_required"
    assert shop.settings.value("shop.name") != ""


def test_a_changed_tier_rate_and_follow_up_delay_apply_to_the_next_sale(shop, owner, cashier, tech, items,
                                                                          new_member, clock):
    """Checkout builds the tiers and care rules once per settings change, never a stale copy after one."""
    zhang = new_member(tier="silver")
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)           # 268
    assert shop.sales.quote(cashier, visit.id).priced.amount_due_fen == 22_780   # silver 8.5折
    tiers = tiers_to_json(DEFAULT_TIERS)
    tiers[1]["rate_permille"] = 800
    shop.settings.update(owner, {"membership.tiers": tiers, "care.visit_followup_hours": 48})
    assert shop.sales.quote(cashier, visit.id).priced.amount_due_fen == 21_440   # now 8折
    shop.sales.checkout(cashier, visit.id, [Tender("wechat", 21_440)])
    [task] = shop.care.tasks(cashier, include_later=True)
    assert task.due_at == clock.now + timedelta(hours=48)
