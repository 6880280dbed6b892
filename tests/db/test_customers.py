"""The customer file: register, validate, consents, archive, anonymise, export."""

import json
from datetime import date

import pytest

from salon_desk.db.customers import CustomerDetails
from salon_desk.db.models import Consent, Customer, SaleLine
from salon_desk.errors import Conflict, InvalidInput, PermissionDenied


def test_register_a_customer(shop, cashier, owner):
    file = shop.customers.register(cashier, CustomerDetails(
        name=" 王小明 ", phone="138 1234 5678", gender="female", birth_month=5, birth_day=1,
        region="county", skin_type="sensitive", care_goals="补水", tags=["桂花茶", "要毯子", "桂花茶"]),
        consent_keep_file=True, consent_marketing=True)
    assert (file.name, file.phone, file.phone_is_mainland) == ("王小明", "13812345678", True)
    assert (file.birth_month, file.birth_day, file.region, file.skin_type) == (5, 1, "county", "sensitive")
    assert file.tags == ("桂花茶", "要毯子")          # duplicates dropped, order kept
    assert file.first_seen == date(2026, 11, 22)
    assert file.member is None and file.points == 0
    consents = {c.purpose: (c.granted, c.staff_name, c.notice_version) for c in file.consents}
    assert consents == {"keep_file": (True, "小美", "2026-1"), "marketing": (True, "小美", "2026-1"),
                        "health": (False, "小美", "2026-1")}


def test_a_non_mainland_number_is_allowed_with_a_warning_flag(shop, new_customer):
    file = new_customer("陈美玲", "+852 9123 4567")
    assert (file.phone, file.phone_is_mainland) == ("+85291234567", False)


def test_an_impossible_phone_is_refused(shop, new_customer):
    with pytest.raises(InvalidInput) as err:
        new_customer("张三", "1234")
    assert (err.value.code, err.value.params) == ("phone.invalid", {"phone": "1234"})
    assert Customer.select().count() == 0


def test_a_customer_without_a_phone_of_their_own(shop, owner, cashier, items, new_customer, sell):
    # 王丽 brings her daughter; the girl has no phone, and the mother's number is already on the
    # mother's own file, so the daughter's file is opened with no phone at all
    mother = new_customer("王丽", "13812345678")
    girl = new_customer("刘小雨", "")
    grandma = new_customer("刘奶奶", "  ")
    assert (girl.phone, girl.phone_is_mainland) == ("", True)
    assert Customer.get_by_id(girl.id).phone is None and Customer.get_by_id(grandma.id).phone is None
    assert [c.id for c in shop.customers.find(cashier, "lxy")] == [girl.id]
    receipt = sell(girl.id, [items.wcb])
    assert (receipt.customer_name, receipt.phone_masked, receipt.amount_due_fen) == ("刘小雨", "", 6800)
    # a phone can be added later, and taken off again
    assert shop.customers.update(owner, girl.id, CustomerDetails(name="刘小雨", phone="13912340000")).phone == \
        "13912340000"
    assert shop.customers.update(owner, girl.id, CustomerDetails(name="刘小雨", phone="")).phone == ""
    assert mother.phone == "13812345678"


def test_a_duplicate_phone_names_the_customer_who_has_it(shop, new_customer):
    first = new_customer("张三", "13812345678")
    with pytest.raises(Conflict) as err:
        new_customer("张叁", "+86 138-1234-5678")        # the same number typed differently
    assert err.value.code == "customer.phone_taken"
    assert err.value.params == {"phone": "13812345678", "name": "张三", "customer_id": first.id}
    assert Customer.select().count() == 1


def test_updating_to_another_customers_phone_is_refused(shop, owner, new_customer):
    new_customer("张三", "13812345678")
    li = new_customer("李四", "13900001111")
    with pytest.raises(Conflict) as err:
        shop.customers.update(owner, li.id, CustomerDetails(name="李四", phone="13812345678"))
    assert err.value.params["name"] == "张三"
    # keeping one's own number is not a clash
    assert shop.customers.update(owner, li.id, CustomerDetails(name="李思", phone="13900001111")).name == "李思"


def test_no_file_without_consent_to_keep_it(shop, cashier):
    with pytest.raises(InvalidInput) as err:
        shop.customers.register(cashier, CustomerDetails(name="张三", phone="13812345678"),
                               consent_keep_file=False)
    assert err.value.code == "customer.consent_required"
    assert Customer.select().count() == 0


@pytest.mark.parametrize("details, code", [
    (dict(name="  "), "customer.name_required"),
    (dict(birth_month=5), "customer.birthday_incomplete"),
    (dict(birth_month=2, birth_day=30), "customer.bad_birthday"),
    (dict(gender="x"), "customer.bad_gender"),
    (dict(skin_type="shiny"), "customer.bad_skin_type"),
    (dict(region="moon"), "customer.bad_region"),
])
def test_bad_details(shop, cashier, details, code):
    data = dict(name="张三", phone="13812345678") | details
    with pytest.raises(InvalidInput) as err:
        shop.customers.register(cashier, CustomerDetails(**data), consent_keep_file=True)
    assert err.value.code == code


def test_29_february_without_a_year_is_a_birthday(shop, new_customer):
    assert new_customer(birth_month=2, birth_day=29).birth_day == 29


def test_allergies_need_health_consent(shop, owner, cashier, tech, items, new_customer):
    with pytest.raises(InvalidInput) as err:
        new_customer(allergies="对果酸过敏")
    assert err.value.code == "customer.health_consent_required"
    file = new_customer(allergies="对果酸过敏", consent_health=True)
    assert file.allergies == "对果酸过敏"
    # a technician reads the allergy (needed for the service) only while the customer is in the
    # shop with them, and never the phone or the spend
    with pytest.raises(PermissionDenied) as err:
        shop.customers.file(tech, file.id)
    assert err.value.code == "perm.not_your_customer"
    visit = shop.visits.check_in(owner, file.id)
    shop.visits.add_service(owner, visit.id, items.cut.id, tech.id)
    seen = shop.customers.file(tech, file.id)
    assert (seen.allergies, seen.phone, seen.member, seen.points) == ("对果酸过敏", "", None, 0)
    assert shop.customers.file(cashier, file.id).phone == "13812345678"


def test_consents_per_purpose_and_withdrawal(shop, cashier, new_customer):
    file = new_customer(allergies="对果酸过敏", consent_health=True, consent_marketing=True)
    file = shop.customers.set_consent(cashier, file.id, "marketing", False)
    assert {c.purpose: c.granted for c in file.consents} == {"keep_file": True, "marketing": False,
                                                             "health": True}
    # withdrawing health consent wipes the health notes
    file = shop.customers.set_consent(cashier, file.id, "health", False)
    assert file.allergies == ""
    # withdrawing consent to keep the file archives it
    file = shop.customers.set_consent(cashier, file.id, "keep_file", False)
    assert file.archived is True
    # history is kept: 3 at registration + 3 changes, never edited
    assert [(c.purpose, c.granted) for c in Consent.select().order_by(Consent.id)][3:] == [
        ("marketing", False), ("health", False), ("keep_file", False)]
    with pytest.raises(InvalidInput) as err:
        shop.customers.set_consent(cashier, file.id, "lottery", True)
    assert err.value.params == {"purpose": "lottery"}


def test_archive_hides_the_file_at_the_counter(shop, cashier, new_customer):
    file = new_customer()
    shop.customers.archive(cashier, file.id)
    assert shop.customers.find(cashier, "5678") == []
    with pytest.raises(Conflict) as err:
        shop.visits.check_in(cashier, file.id)
    assert (err.value.code, err.value.params) == ("customer.archived", {"name": "张三"})
    shop.customers.archive(cashier, file.id, archived=False)
    assert [c.id for c in shop.customers.find(cashier, "5678")] == [file.id]


def test_referral_is_shown_on_the_file(shop, new_customer):
    zhang = new_customer("张三", "13812345678")
    li = new_customer("李四", "13900001111", referred_by_id=zhang.id)
    assert (li.referred_by_id, li.referred_by_name) == (zhang.id, "张三")


def test_anonymise_keeps_the_sales(shop, owner, cashier, items, new_customer, sell):
    file = new_customer(allergies="花粉", consent_health=True, tags=["桂花茶"], birth_month=5, birth_day=1)
    receipt = sell(file.id, [items.cut])
    with pytest.raises(PermissionDenied):
        shop.customers.anonymise(cashier, file.id)
    shop.customers.anonymise(owner, file.id)
    erased = shop.customers.file(owner, file.id)
    assert (erased.name, erased.phone, erased.allergies, erased.tags) == ("", "", "", ())
    assert (erased.birth_month, erased.anonymised, erased.archived) == (None, True, True)
    again = shop.sales.receipt(owner, receipt.sale_id)
    assert again.customer_erased is True
    assert (again.customer_name, again.phone_masked) == ("", "")
    assert again.amount_due_fen == 26800
    assert shop.customers.find(owner, "5678") == []
    assert shop.customers.find(owner, "zs") == []
    # the number is free again for a new file
    assert new_customer("张三", "13812345678").id != file.id
    with pytest.raises(Conflict) as err:
        shop.customers.anonymise(owner, file.id)
    assert err.value.code == "customer.erased"


def test_erasure_reaches_the_duplicate_files_merged_into_the_file(shop, owner, new_customer):
    keep = new_customer("张三", "13812345678")
    drop = new_customer("张三", "13812345679", allergies="花粉", consent_health=True, notes="女儿在读高三",
                        tags=["桂花茶"], birth_month=5, birth_day=1)
    shop.customers.merge(owner, keep.id, drop.id)
    shop.customers.anonymise(owner, keep.id)
    # the duplicate was the same person: her name, allergy and notes must not survive on it
    left = shop.customers.file(owner, drop.id)
    assert (left.name, left.allergies, left.notes, left.tags, left.birth_month, left.anonymised) == (
        "", "", "", (), None, True)
    assert shop.customers.find(owner, "zs", include_archived=True) == []
    assert shop.customers.find(owner, "张三", include_archived=True) == []


def test_export_one_customers_data_as_json(shop, owner, cashier, items, new_customer, sell):
    file = new_customer(tags=["安静服务"])
    receipt = sell(file.id, [items.cut, items.care])
    with pytest.raises(PermissionDenied):
        shop.customers.export(cashier, file.id)
    data = shop.customers.export(owner, file.id)
    text = json.dumps(data, ensure_ascii=False)          # must be plain JSON
    assert "张三" in text
    assert data["customer"]["phone"] == "13812345678"
    assert data["customer"]["tags"] == ["安静服务"]
    assert [v["receipt_no"] for v in data["visits"]] == [receipt.receipt_no] == ["20261122-0001"]
    assert data["visits"][0]["amount_due_fen"] == 39600          # 26800 + 12800, not a member
    assert [l["name"] for l in data["visits"][0]["lines"]] == ["精剪", "洗护"]
    assert data["exported_at"] == "2026-11-22T10:00:00"
    # the calls after the visit and any complaint are theirs too
    assert [t["type"] for t in data["follow_ups"]] == ["visit_aftercare"]
    shop.care.open_complaint(cashier, file.id, "result", "wechat", "颜色不均匀")
    data = shop.customers.export(owner, file.id)
    assert [(c["category"], c["description"]) for c in data["complaints"]] == [("result", "颜色不均匀")]


def test_erasing_a_member_ends_the_membership_and_its_points(shop, owner, new_member):
    zhang = new_member(tier="gold", points=1200)
    shop.customers.anonymise(owner, zhang.id)
    file = shop.customers.file(owner, zhang.id)
    assert file.member is not None and file.member.active is False
    assert file.points == 0
    assert [e.kind for e in shop.points.history(owner, zhang.id)][-1] == "expire"


def test_a_consent_never_given_is_not_reported_as_withdrawn(shop, owner, new_customer):
    zhang = new_customer()          # registered keeping the file only
    health = {c.purpose: c for c in shop.customers.file(owner, zhang.id).consents}["health"]
    assert (health.granted, health.withdrawn) == (False, False)
    shop.customers.set_consent(owner, zhang.id, "health", True)
    shop.customers.set_consent(owner, zhang.id, "health", False)
    health = {c.purpose: c for c in shop.customers.file(owner, zhang.id).consents}["health"]
    assert (health.granted, health.withdrawn) == (False, True)


def test_a_customer_in_the_shop_cannot_be_erased(shop, owner, new_customer):
    zhang = new_customer()
    visit = shop.visits.check_in(owner, zhang.id)
    with pytest.raises(Conflict) as info:
        shop.customers.anonymise(owner, zhang.id)
    assert (info.value.code, info.value.params) == ("customer.in_shop", {"name": "张三"})
    shop.visits.cancel(owner, visit.id)
    shop.customers.anonymise(owner, zhang.id)
    assert shop.customers.file(owner, zhang.id).anonymised


def test_erasure_wipes_the_service_log_but_keeps_the_books(shop, owner, items, new_customer, sell, clock):
    zhang = new_customer()
    receipt = sell(zhang.id, [items.cut])
    line_id = receipt.lines[0].sale_line_id
    note = "精华导入时有点刺痛，下次先沟通力度"
    # the note was written at the counter; a sale line is otherwise frozen
    SaleLine.update(note=note).where(SaleLine.id == line_id).execute()
    with pytest.raises(Exception, match="append-only"):
        SaleLine.update(amount_fen=1).where(SaleLine.id == line_id).execute()
    shop.customers.anonymise(owner, zhang.id)
    after = shop.sales.receipt(owner, receipt.sale_id)
    assert after.lines[0].note == ""
    assert (after.amount_due_fen, after.lines[0].name) == (receipt.amount_due_fen, receipt.lines[0].name)
    assert after.customer_erased
