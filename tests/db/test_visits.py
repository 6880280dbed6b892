"""Check-in and the open visit: walk-ins, several chairs, lines with technicians and notes."""

import pytest

from salon_desk.db.models import AuditLog, Sale, VisitLine
from salon_desk.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from salon_desk.tenders import Tender


def test_anonymous_walk_in(shop, cashier, tech, items):
    visit = shop.visits.check_in(cashier)
    assert (visit.customer, visit.status, visit.opened_at) == (None, "open", shop.now())
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("cash", 10000)])
    # no file, no discount: ¥68, change ¥32
    assert (receipt.customer_id, receipt.customer_name, receipt.amount_due_fen) == (None, None, 6800)
    assert (receipt.payments[0].tendered_fen, receipt.payments[0].change_fen) == (10000, 3200)


def test_several_visits_open_at_once(shop, cashier, clock, tech, tech2, items, new_customer):
    zhang = new_customer("张三", "13812345678")
    li = new_customer("李四", "13900001111")
    first = shop.visits.check_in(cashier, zhang.id)
    clock.advance(minutes=5)
    walk_in = shop.visits.check_in(cashier)
    clock.advance(minutes=5)
    second = shop.visits.check_in(cashier, li.id)
    shop.visits.add_service(cashier, first.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, second.id, items.dye.id, tech2.id)
    assert [v.id for v in shop.visits.open_visits(cashier)] == [first.id, walk_in.id, second.id]
    # pay the middle one; the others stay in the shop
    shop.visits.add_service(cashier, walk_in.id, items.wcb.id, tech.id)
    shop.sales.checkout(cashier, walk_in.id, [Tender("wechat", 6800)])
    assert [v.id for v in shop.visits.open_visits(cashier)] == [first.id, second.id]
    assert [v.technicians for v in shop.visits.open_visits(cashier)] == [("王师傅",), ("李师傅",)]


def test_one_open_visit_per_customer(shop, cashier, new_customer):
    zhang = new_customer()
    visit = shop.visits.check_in(cashier, zhang.id)
    with pytest.raises(Conflict) as err:
        shop.visits.check_in(cashier, zhang.id)
    assert (err.value.code, err.value.params) == ("visit.already_open", {"name": "张三", "visit_id": visit.id})


def test_check_in_shows_what_the_counter_needs(shop, cashier, clock, tech, tech2, items, new_member, sell):
    zhang = new_member(tier="gold", points=1000, birth_month=11, birth_day=25, tags=["桂花茶", "要毯子"],
                       allergies="对果酸过敏", consent_health=True)
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.care.id, tech2.id)
    shop.sales.checkout(cashier, visit.id, [Tender("wechat", 31680)])      # 214.40 + 102.40
    clock.set(2026, 11, 25, 14, 0)
    banner = shop.visits.check_in(cashier, zhang.id)
    assert (banner.customer.tier, banner.customer.points) == ("gold", 1316)          # 1000 + 316
    assert (banner.birthday.in_window, banner.birthday.free_service_available) == (True, True)
    assert (banner.tags, banner.allergies) == (("桂花茶", "要毯子"), "对果酸过敏")
    last = banner.last_visit
    assert (last.receipt_no, last.summary, last.paid_fen) == ("20261122-0001", "精剪(王师傅), 洗护(李师傅)", 31680)


def test_lines_with_technician_note_and_quantity(shop, cashier, tech, items, new_customer):
    visit = shop.visits.check_in(cashier, new_customer().id)
    cut = shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id, note="短发，别剪太薄")
    serum = shop.visits.add_product(cashier, visit.id, items.serum.id, 2, note="带回家用")
    info = shop.visits.get(cashier, visit.id)
    assert [(l.name, l.technician_name, l.quantity, l.unit_price_fen, l.note) for l in info.lines] == [
        ("精剪", "王师傅", 1, 26800, "短发，别剪太薄"), ("修护精华", "", 2, 12900, "带回家用")]
    assert info.running_total_fen == 26800 + 2 * 12900 == 52600
    shop.visits.set_line_quantity(cashier, serum.id, 3)
    shop.visits.set_line_note(cashier, cut.id, "精华导入时有点刺痛，下次先沟通力度")
    info = shop.visits.get(cashier, visit.id)
    assert info.running_total_fen == 26800 + 3 * 12900 == 65500
    assert info.lines[0].note == "精华导入时有点刺痛，下次先沟通力度"


def test_a_service_needs_a_technician(shop, cashier, items):
    visit = shop.visits.check_in(cashier)
    with pytest.raises(InvalidInput) as err:
        shop.visits.add_service(cashier, visit.id, items.cut.id, None)
    assert err.value.code == "line.technician_required"
    assert VisitLine.select().count() == 0


def test_bad_lines(shop, owner, cashier, tech, items):
    visit = shop.visits.check_in(cashier)
    with pytest.raises(NotFound) as err:
        shop.visits.add_service(cashier, visit.id, items.serum.id, tech.id)       # a product is not a service
    assert (err.value.code, err.value.params) == ("item.not_found", {"id": items.serum.id})
    with pytest.raises(InvalidInput) as err:
        shop.visits.add_product(cashier, visit.id, items.serum.id, 0)
    assert (err.value.code, err.value.params) == ("line.bad_quantity", {"quantity": 0})
    shop.catalogue.update_item(owner, items.dye.id, active=False)
    with pytest.raises(Conflict) as err:
        shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id)
    assert (err.value.code, err.value.params) == ("item.inactive", {"name": "染发"})
    with pytest.raises(NotFound):
        shop.visits.add_service(cashier, 999, items.cut.id, tech.id)


def test_remove_a_line(shop, cashier, tech, items):
    visit = shop.visits.check_in(cashier)
    cut = shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    shop.visits.remove_line(cashier, cut.id)
    info = shop.visits.get(cashier, visit.id)
    assert [l.name for l in info.lines] == ["洗剪吹"]
    assert info.running_total_fen == 6800
    with pytest.raises(NotFound):
        shop.visits.remove_line(cashier, cut.id)


def test_lines_of_a_paid_visit_cannot_change(shop, cashier, tech, items):
    visit = shop.visits.check_in(cashier)
    line = shop.visits.add_service(cashier, visit.id, items.wcb.id, tech.id)
    shop.sales.checkout(cashier, visit.id, [Tender("wechat", 6800)])
    with pytest.raises(Conflict) as err:
        shop.visits.remove_line(cashier, line.id)
    assert (err.value.code, err.value.params) == ("visit.not_open", {"id": visit.id, "status": "completed"})
    with pytest.raises(Conflict):
        shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)


def test_cancel_an_open_visit(shop, cashier, tech, items, new_customer):
    zhang = new_customer()
    visit = shop.visits.check_in(cashier, zhang.id)
    shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    shop.visits.cancel(cashier, visit.id)
    assert shop.visits.get(cashier, visit.id).status == "cancelled"
    assert shop.visits.open_visits(cashier) == []
    assert Sale.select().count() == 0
    assert AuditLog.get(AuditLog.action == "visit_cancelled").target == f"visit:{visit.id}"
    with pytest.raises(Conflict):
        shop.sales.checkout(cashier, visit.id, [Tender("wechat", 26800)])
    # the customer may check in again
    assert shop.visits.check_in(cashier, zhang.id).status == "open"


def test_an_empty_visit_cannot_be_paid(shop, cashier):
    visit = shop.visits.check_in(cashier)
    with pytest.raises(InvalidInput) as err:
        shop.sales.checkout(cashier, visit.id, [])
    assert err.value.code == "visit.empty"


def test_technicians_write_notes_on_their_own_lines_only(shop, cashier, tech, tech2, items):
    visit = shop.visits.check_in(cashier)
    own = shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id)
    other = shop.visits.add_service(cashier, visit.id, items.care.id, tech2.id)
    shop.visits.set_line_note(tech, own.id, "发尾分叉")
    with pytest.raises(PermissionDenied) as err:
        shop.visits.set_line_note(tech, other.id, "x")
    assert err.value.code == "perm.not_own_line"
    with pytest.raises(PermissionDenied) as err:
        shop.visits.check_in(tech)
    assert err.value.params == {"perm": "counter", "role": "technician"}
    assert [l.note for l in shop.visits.get(cashier, visit.id).lines] == ["发尾分叉", ""]


def test_price_override_is_the_owners_and_audited(shop, owner, cashier, tech, items, new_member):
    zhang = new_member(tier="gold")
    visit = shop.visits.check_in(cashier, zhang.id)
    line = shop.visits.add_service(cashier, visit.id, items.dye.id, tech.id)
    with pytest.raises(PermissionDenied):
        shop.visits.override_line_price(cashier, line.id, 30000, "老客户")
    with pytest.raises(InvalidInput) as err:
        shop.visits.override_line_price(owner, line.id, 30000, "")
    assert err.value.code == "line.reason_required"
    shop.visits.override_line_price(owner, line.id, 30000, "老客户特价")
    # the member discount applies to the overridden price: 300 x 0.8 = 240.00
    assert shop.sales.quote(cashier, visit.id).priced.amount_due_fen == 24000
    entry = AuditLog.get(AuditLog.action == "price_override")
    assert entry.target == f"visit_line:{line.id}"
    assert '"old": 38800' in entry.details and '"new": 30000' in entry.details


def test_a_designated_technician_is_kept_on_the_sale_line(shop, cashier, tech, tech2, items, new_customer):
    """指定 (the customer asked for this technician) or 轮牌 (the shop's turn): the sale line keeps it."""
    zhang = new_customer()
    visit = shop.visits.check_in(cashier, zhang.id)
    asked = shop.visits.add_service(cashier, visit.id, items.cut.id, tech.id, designated=True)
    turn = shop.visits.add_service(cashier, visit.id, items.care.id, tech2.id)
    assert (asked.designated, turn.designated) == (True, False)
    shop.visits.set_line_designated(cashier, turn.id, True)
    shop.visits.set_line_designated(cashier, asked.id, False)
    receipt = shop.sales.checkout(cashier, visit.id, [Tender("wechat", 26800 + 12800)])
    assert [(l.name, l.designated) for l in receipt.lines] == [("精剪", False), ("洗护", True)]
