"""Session packages through the front door: defined, sold (a sale, revenue), used session by session at
checkout (¥0 from the package), refunded in the three modes."""

from datetime import date, datetime

import pytest

from salon_desk.db.models import CustomerPackage, PackageSession, PointsEntry
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied
from salon_desk.tenders import STORED_VALUE, Tender


@pytest.fixture
def facial(shop, owner):
    return shop.catalogue.add_item(owner, kind="service", code="F01", name="面部护理", category="beauty",
                                   price_fen=26_800)


@pytest.fixture
def ten_facials(shop, owner, facial):
    """面部护理 10 次 + 1 次赠送, ¥2,000, no member discount."""
    return shop.packages.define(owner, code="K01", name="面部护理10次卡", price_fen=200_000, sessions=10,
                                gifted=1, services=[(facial.id, None)], member_discount=False)


@pytest.fixture
def holder(shop, cashier, new_member, ten_facials):
    zhang = new_member("张三", "13812345678")
    receipt = shop.packages.sell(cashier, zhang.id, ten_facials.item_id, [Tender("wechat", 200_000)])
    return zhang, receipt


def test_selling_a_package_is_a_sale_that_earns_points(shop, cashier, owner, holder):
    zhang, receipt = holder
    assert (receipt.amount_due_fen, receipt.lines[0].name, receipt.points_earned) == (200_000, "面部护理10次卡", 2000)
    [package] = shop.packages.of_customer(cashier, zhang.id)
    assert (package.sessions_left, package.paid_fen, package.expires_on, package.status) == (11, 200_000, None, "none")
    assert shop.reports.day(owner).revenue.amount_due_fen == 200_000


def test_using_a_session_puts_the_line_at_zero_and_prints_the_sessions_left(shop, cashier, tech, owner, items,
                                                                          facial, holder):
    zhang, _ = holder
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    [offer] = shop.packages.covering(cashier, line.id)
    shop.packages.use_session(cashier, line.id, offer.id)
    quote = shop.sales.quote(cashier, visit.id)
    assert quote.priced.package_discount_fen == 26_800
    assert quote.priced.amount_due_fen == 6_120                 # 洗剪吹 at 9折 only
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 6_120)])
    assert [(s.package_name, s.sessions_left) for s in receipt.sessions] == [("面部护理10次卡", 10)]
    assert receipt.package_discount_fen == 26_800 and receipt.lines[0].amount_fen == 0
    use = PackageSession.get()
    assert (use.consumed_fen, use.list_fen, use.technician_id) == (18_181, 26_800, tech.id)   # 2000/11
    assert shop.packages.of_customer(cashier, zhang.id)[0].sessions_left == 10


def test_a_declined_offer_is_paid_with_money(shop, cashier, tech, facial, holder):
    zhang, _ = holder
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    [offer] = shop.packages.covering(cashier, line.id)
    shop.packages.use_session(cashier, line.id, offer.id)
    shop.packages.release_session(cashier, line.id)
    assert shop.sales.quote(cashier, visit.id).priced.amount_due_fen == 24_120


def test_another_customers_package_or_an_uncovered_service_is_refused(shop, cashier, tech, items, facial, holder,
                                                                     new_customer):
    zhang, _ = holder
    package = shop.packages.of_customer(cashier, zhang.id)[0]
    li = new_customer("李四", "13900001111")
    visit = shop.visits.check_in(cashier, li.id)
    line = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    with pytest.raises(Conflict) as err:
        shop.packages.use_session(cashier, line.id, package.id)
    assert err.value.code == "package.not_owner"
    own = shop.visits.check_in(cashier, zhang.id)
    cut = shop.visits.add_service(cashier, own.id, items.cut.id, tech.id)
    with pytest.raises(InvalidInput) as err:
        shop.packages.use_session(cashier, cut.id, package.id)
    assert err.value.code == "package.service_not_covered"
    assert shop.packages.claims(cashier, own.id) == {}


def test_a_refunded_session_line_gives_the_session_back(shop, cashier, tech, owner, facial, holder, owner_ok):
    zhang, _ = holder
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    shop.packages.use_session(cashier, line.id, shop.packages.covering(cashier, line.id)[0].id)
    receipt = shop.sales.checkout(cashier, visit.id, [])
    shop.sales.refund(owner, receipt.sale_id, reason="没做", **owner_ok)
    assert shop.packages.of_customer(cashier, zhang.id)[0].sessions_left == 11


def test_package_refund_modes(shop, cashier, tech, owner, facial, holder, clock):
    zhang, _ = holder
    for _ in range(2):
        visit = shop.visits.check_in(cashier, zhang.id)
        line = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
        shop.packages.use_session(cashier, line.id, shop.packages.covering(cashier, line.id)[0].id)
        shop.sales.checkout(cashier, visit.id, [])
    package = shop.packages.of_customer(cashier, zhang.id)[0]
    cooling = shop.packages.preview_refund(owner, package.id, "cooling_off")
    assert cooling.statement.total_fen == 200_000 - 18_181 - 18_182
    choice = shop.packages.preview_refund(owner, package.id, "customer_choice")
    assert choice.statement.total_fen == 200_000 - 2 * 26_800
    with pytest.raises(PermissionDenied):
        shop.packages.refund(cashier, package.id, "customer_choice", method="cash", reason="搬家")
    clock.advance(days=30)
    with pytest.raises(Conflict):
        shop.packages.preview_refund(owner, package.id, "cooling_off")
    done = shop.packages.refund(owner, package.id, "shop_at_fault", method="wechat", reason="本店停业", rate_bp=345)
    assert done.statement.refund_fen == 200_000 - 18_181 - 18_182
    assert done.statement.interest_fen > 0
    assert shop.packages.of_customer(cashier, zhang.id) == []
    with pytest.raises(Conflict):
        shop.packages.refund(owner, package.id, "shop_at_fault", method="wechat", reason="again")


def test_validity_reminder_and_the_owners_extension(shop, cashier, owner, tech, facial, new_member, clock):
    product = shop.packages.define(owner, code="K02", name="面部3次", price_fen=60_000, sessions=3,
                                   services=[(facial.id, None)], validity_days=90)
    zhang = new_member()
    shop.packages.sell(cashier, zhang.id, product.item_id, [Tender("cash", 60_000)])
    assert shop.packages.reminders(cashier) == []
    clock.advance(days=95)
    [(info, kind, _)] = shop.packages.reminders(cashier)
    assert (kind, info.sessions_left) == ("expired", 3)
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    with pytest.raises(Conflict) as err:
        shop.packages.use_session(cashier, line.id, info.id)
    assert err.value.code == "package.expired"
    with pytest.raises(PermissionDenied):
        shop.packages.extend(cashier, info.id, clock.now.date().replace(year=2027))
    shop.packages.extend(owner, info.id, clock.now.date().replace(year=2027))
    shop.packages.use_session(cashier, line.id, info.id)


def test_a_sale_using_every_pricing_step(shop, cashier, tech, owner, items, facial, ten_facials, new_member):
    """package session -> member discount -> birthday free service -> points -> card + cash."""
    zhang = new_member("张三", "13812345678", tier="gold", points=1000, birth_month=11, birth_day=22)
    shop.packages.sell(cashier, zhang.id, ten_facials.item_id, [Tender("wechat", 200_000)])
    shop.cards.top_up(cashier, zhang.id, 100_000, "wechat", terms_signed=True)
    visit = shop.visits.check_in(cashier, zhang.id)
    face = shop.visits.add_service(cashier, visit.id, facial.id, tech.id)
    cut = shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)       # 268 -> free (gold 214.40)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech.id)            # 128 -> 102.40
    shop.packages.use_session(cashier, face.id, shop.packages.covering(cashier, face.id)[0].id)
    quote = shop.sales.quote(cashier, visit.id, points=200, birthday_line_id=cut.id)
    p = quote.priced
    assert (p.package_discount_fen, p.member_discount_fen, p.birthday_discount_fen, p.points_discount_fen,
            p.amount_due_fen) == (26_800, 5_360 + 2_560, 21_440, 200, 10_040)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender(STORED_VALUE, 5_500), Tender("cash", 5_000)],
                                  points=200, birthday_line_id=cut.id)
    # 55.00 from the card: bonus 55 x 100/1100 = 5.00; points on 100.40 - 5.00, doubled on the birthday
    assert (receipt.card.principal_fen, receipt.card.bonus_fen) == (5_000, 500)
    assert receipt.points_earned == 95 * 2
    assert receipt.change_fen == 5_000 - 4_540
    assert [s.sessions_left for s in receipt.sessions] == [10]


def test_expiry_makes_a_follow_up_call_the_day_it_comes_in_and_the_owners_extension_closes_it(
        shop, cashier, owner, facial, new_member, clock):
    """面部3次 sold on 22 Nov 2026, valid 90 days: expires 20 Feb 2027; the call comes on 21 Jan."""
    product = shop.packages.define(owner, code="K03", name="面部3次", price_fen=60_000, sessions=3,
                                   services=[(facial.id, None)], validity_days=90)
    zhang = new_member()
    shop.packages.sell(cashier, zhang.id, product.item_id, [Tender("cash", 60_000)])
    [package] = shop.packages.of_customer(cashier, zhang.id)
    assert package.expires_on == date(2027, 2, 20)
    clock.set(2027, 1, 20, 9, 0)
    assert shop.packages.expiry_tasks() == {"planned": 0, "created": 0}
    assert shop.care.tasks(cashier, task_type="package_expiry") == []
    clock.set(2027, 1, 21, 9, 0)
    assert shop.run_daily_jobs()["package_expiry"] == {"planned": 1, "created": 1}
    assert shop.packages.expiry_tasks() == {"planned": 0, "created": 0}           # idempotent
    [task] = shop.care.tasks(cashier, task_type="package_expiry")
    assert (task.customer_name, task.due_at, task.assignee_id, task.overdue) == (
        "张三", datetime(2027, 1, 21), cashier.id, False)
    assert task.message == ("张三您好，这里是丽人坊。您的面部3次还剩3次，有效期到2027年2月20日，"
                            "欢迎在到期前来店使用；如需延期，请与我们联系。")
    # past the expiry: the second call, due the day after; nothing is forfeited
    clock.set(2027, 2, 21, 9, 0)
    shop.packages.expiry_tasks()
    expired = [t for t in shop.care.tasks(cashier, task_type="package_expiry") if t.key.endswith(":expired")]
    assert [t.due_at for t in expired] == [datetime(2027, 2, 21)]
    assert "不会作废" in expired[0].message
    shop.packages.extend(owner, package.id, date(2027, 8, 31), reason="客户出差")
    assert shop.care.tasks(cashier, task_type="package_expiry", include_later=True) == []
    closed = [t for t in shop.care.closed_tasks(owner) if t.type.value == "package_expiry"]
    assert sorted((t.outcome.value, t.comment) for t in closed) == [("settled", "已延期至2027年8月31日")] * 2
    assert shop.packages.expiry_tasks()["created"] == 0                  # the new expiry is months away
    clock.set(2027, 8, 1, 9, 0)
    assert shop.packages.expiry_tasks()["created"] == 1                  # ...and comes in its turn


def test_a_refund_of_the_sessions_left_closes_the_expiry_call(shop, cashier, owner, facial, new_member, clock):
    product = shop.packages.define(owner, code="K04", name="面部3次", price_fen=60_000, sessions=3,
                                   services=[(facial.id, None)], validity_days=30)
    zhang = new_member()
    shop.packages.sell(cashier, zhang.id, product.item_id, [Tender("cash", 60_000)])
    assert shop.packages.expiry_tasks()["created"] == 1                  # 30 days: expiring from the start
    [package] = shop.packages.of_customer(cashier, zhang.id)
    shop.packages.refund(owner, package.id, "cooling_off", method="cash", reason="不想做了")
    assert shop.care.tasks(cashier, task_type="package_expiry", include_later=True) == []
    assert shop.packages.expiry_tasks()["planned"] == 0
