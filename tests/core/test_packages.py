"""Session packages (次卡): consumed values, using a session, validity, refunds in the three modes."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salon_desk.errors import Conflict, InvalidInput
from salon_desk.packages import (
    LINE_PAID, LINE_SESSIONS_LEFT, LINE_USED_AT_CONSUMED, LINE_USED_AT_LIST, Package, PackageReminder,
    PackageService, PackageTerms, SessionUse, check_terms, extend, next_consumed_fen, package_refund,
    reminder, return_session, sell, sessions_left, use_session, validity_status,
)
from salon_desk.prepaid_refunds import (
    LINE_COMMISSION_NOT_DEDUCTED, LINE_INTEREST, InterestTerms, RefundMode,
)

FACIAL, MASSAGE, CUT = 11, 12, 13
MAY_1 = date(2026, 5, 1)
ANNA, BEA = 1, 2

# 面部护理 listed ¥300 a session: 10 sessions for ¥2,400 plus 2 gifted -> 12 sessions at ¥200.00 consumed
TEN_FACIALS = PackageTerms((PackageService(FACIAL, 30_000),), sessions=10, price_fen=240_000, gifted=2)
# a pool: facial (¥300) or neck-and-shoulder massage (¥200), 10 sessions for ¥2,000
POOL = PackageTerms((PackageService(FACIAL, 30_000), PackageService(MASSAGE, 20_000)), sessions=10,
                    price_fen=200_000)


def used(package: Package, count: int, service: int = FACIAL, on: date = MAY_1) -> list[SessionUse]:
    uses: list[SessionUse] = []
    for _ in range(count):
        uses.append(use_session(package, uses, customer_key=package.customer_key, service_key=service, on=on))
    return uses


def test_each_session_of_ten_plus_two_gifted_carries_200_consumed_and_300_list():
    package = sell(TEN_FACIALS, ANNA, 240_000, MAY_1)
    assert package.total_sessions == 12
    first = use_session(package, [], customer_key=ANNA, service_key=FACIAL, on=MAY_1)
    assert first == SessionUse(FACIAL, 20_000, 30_000, MAY_1)
    uses = used(package, 3)
    assert sessions_left(package, uses) == 9


def test_the_fen_left_by_the_division_land_so_the_sessions_add_up_to_the_price_paid():
    # ¥2,000 for 10 + 1 gifted: 200000/11 = 18181.82 fen a session. After k sessions the
    # total is floor(k x 200000/11): 18181, 36363, 54545, 72727, 90909, 109090, 127272, ...
    package = sell(PackageTerms((PackageService(FACIAL, 30_000),), 10, 200_000, gifted=1), ANNA, 200_000, MAY_1)
    uses = used(package, 11)
    assert [u.consumed_fen for u in uses] == [18_181, 18_182, 18_182, 18_182, 18_182, 18_181,
                                              18_182, 18_182, 18_182, 18_182, 18_182]
    assert sum(u.consumed_fen for u in uses) == 200_000
    with pytest.raises(Conflict) as err:
        use_session(package, uses, customer_key=ANNA, service_key=FACIAL, on=MAY_1)
    assert err.value.code == "package.used_up"


def test_a_pool_session_carries_the_list_value_of_the_service_used():
    package = sell(POOL, ANNA, 200_000, MAY_1)
    uses = used(package, 1, MASSAGE) + used(package, 1, FACIAL)
    assert [(u.service_key, u.consumed_fen, u.list_fen) for u in uses] == [
        (MASSAGE, 20_000, 20_000), (FACIAL, 20_000, 30_000)]


def test_another_customers_package_or_a_service_not_in_it_is_refused():
    package = sell(TEN_FACIALS, ANNA, 240_000, MAY_1)
    with pytest.raises(Conflict) as err:
        use_session(package, [], customer_key=BEA, service_key=FACIAL, on=MAY_1)
    assert err.value.code == "package.not_owner"
    with pytest.raises(InvalidInput) as err:
        use_session(package, [], customer_key=ANNA, service_key=CUT, on=MAY_1)
    assert err.value.code == "package.service_not_covered"
    with pytest.raises(Conflict) as err:
        use_session(package, [], customer_key=ANNA, service_key=FACIAL, on=MAY_1, refunded=True)
    assert err.value.code == "package.refunded"


def test_a_returned_session_can_be_used_again_and_the_total_still_comes_to_the_price():
    package = sell(PackageTerms((PackageService(FACIAL, 30_000),), 10, 200_000, gifted=1), ANNA, 200_000, MAY_1)
    uses = used(package, 2)                                 # 18181 + 18182
    uses = list(return_session(uses, uses[0]))              # the first visit line refunded: 18181 back
    assert sessions_left(package, uses) == 10
    assert next_consumed_fen(package, uses) == 36_363 - 18_182
    while sessions_left(package, uses):
        uses.append(use_session(package, uses, customer_key=ANNA, service_key=FACIAL, on=MAY_1))
    assert sum(u.consumed_fen for u in uses) == 200_000
    with pytest.raises(Conflict):
        return_session([], SessionUse(FACIAL, 1, 1, MAY_1))


def test_no_validity_by_default_and_an_expired_package_is_kept_until_the_owner_extends_it():
    assert sell(TEN_FACIALS, ANNA, 240_000, MAY_1).expires_on is None
    terms = PackageTerms(TEN_FACIALS.services, 10, 240_000, gifted=2, validity_days=365)
    package = sell(terms, ANNA, 240_000, MAY_1)
    assert package.expires_on == date(2027, 5, 1)
    assert validity_status(package, date(2027, 3, 1)) == "valid"
    assert validity_status(package, date(2027, 4, 1)) == "expiring"      # 30 days before
    assert validity_status(package, date(2027, 5, 1)) == "expiring"      # the last day still counts
    assert validity_status(package, date(2027, 5, 2)) == "expired"
    uses = used(package, 4)
    with pytest.raises(Conflict) as err:
        use_session(package, uses, customer_key=ANNA, service_key=FACIAL, on=date(2027, 5, 2))
    assert err.value.code == "package.expired"
    assert sessions_left(package, uses) == 8                             # nothing forfeited
    longer = extend(package, date(2027, 11, 1))
    assert use_session(longer, uses, customer_key=ANNA, service_key=FACIAL, on=date(2027, 5, 2)).consumed_fen == 20_000
    with pytest.raises(InvalidInput) as err:
        extend(longer, date(2027, 10, 1))
    assert err.value.code == "package.bad_extension"


def test_reminders_come_before_and_at_expiry_while_sessions_are_left():
    terms = PackageTerms(TEN_FACIALS.services, 10, 240_000, gifted=2, validity_days=365)
    package = sell(terms, ANNA, 240_000, MAY_1)
    uses = used(package, 4)
    assert reminder(package, uses, date(2027, 3, 1)) is None
    assert reminder(package, uses, date(2027, 4, 10)) == PackageReminder("expiring", date(2027, 4, 1),
                                                                         date(2027, 5, 1), 8)
    assert reminder(package, uses, date(2027, 6, 1)) == PackageReminder("expired", date(2027, 5, 1),
                                                                        date(2027, 5, 1), 8)
    assert reminder(package, used(package, 12), date(2027, 6, 1)) is None
    assert reminder(sell(TEN_FACIALS, ANNA, 240_000, MAY_1), [], date(2030, 1, 1)) is None


@pytest.mark.parametrize("terms", [
    PackageTerms((), 10, 1000), PackageTerms((PackageService(FACIAL, 1),), 0, 1000),
    PackageTerms((PackageService(FACIAL, 1),), 5, 1000, gifted=-1),
    PackageTerms((PackageService(FACIAL, 1), PackageService(FACIAL, 2)), 5, 1000),
    PackageTerms((PackageService(FACIAL, 1),), 5, 1000, validity_days=0),
])
def test_impossible_packages_are_refused(terms):
    with pytest.raises(InvalidInput) as err:
        check_terms(terms)
    assert err.value.code == "package.bad_terms"


# --- refunds of the sessions left ------------------------------------------------------------

def test_refund_after_three_facials_in_each_mode():
    package = sell(TEN_FACIALS, ANNA, 240_000, MAY_1)
    uses = used(package, 3, on=date(2026, 5, 3))
    # shop at fault: ¥2,400 - 3 x ¥200.00 = ¥1,800.00
    s = package_refund(package, uses, RefundMode.SHOP_AT_FAULT, date(2026, 6, 1))
    assert [(l.code, l.amount_fen) for l in s.lines] == [
        (LINE_PAID, 240_000), (LINE_USED_AT_CONSUMED, -60_000), (LINE_INTEREST, 0),
        (LINE_SESSIONS_LEFT, 0), (LINE_COMMISSION_NOT_DEDUCTED, 0)]
    assert s.lines[3].value("sessions") == 9
    assert s.total_fen == 180_000
    # customer's choice: ¥2,400 - 3 x ¥300 list = ¥1,500.00
    s = package_refund(package, uses, RefundMode.CUSTOMER_CHOICE, date(2026, 6, 1))
    assert s.lines[1].amount_fen == -90_000 and s.total_fen == 150_000
    # within 7 days of the sale: the price of the sessions left, ¥1,800.00, no interest
    s = package_refund(package, uses, RefundMode.COOLING_OFF, date(2026, 5, 8),
                       InterestTerms(345, MAY_1, date(2026, 5, 8)))
    assert (s.total_fen, s.interest_fen) == (180_000, 0)


def test_an_untouched_package_within_7_days_gives_back_the_price_paid():
    package = sell(TEN_FACIALS, ANNA, 240_000, MAY_1)
    assert package_refund(package, [], RefundMode.COOLING_OFF, date(2026, 5, 8)).total_fen == 240_000
    with pytest.raises(Conflict) as err:
        package_refund(package, [], RefundMode.COOLING_OFF, date(2026, 5, 9))
    assert err.value.code == "package.cooling_off_over"


def test_a_package_refund_earns_interest_from_the_sale_and_cannot_be_refunded_twice():
    package = sell(TEN_FACIALS, ANNA, 240_000, MAY_1)
    uses = used(package, 3)
    # ¥1,800 at 3.65% for 100 days: 180000 x 365 x 100 / (10000 x 365) = 1800 fen
    s = package_refund(package, uses, RefundMode.SHOP_AT_FAULT, date(2026, 8, 9),
                       InterestTerms(365, MAY_1, date(2026, 8, 9)))
    assert (s.refund_fen, s.interest_fen, s.total_fen) == (180_000, 1_800, 181_800)
    with pytest.raises(Conflict) as err:
        package_refund(package, uses, RefundMode.SHOP_AT_FAULT, date(2026, 8, 9), refunded=True)
    assert err.value.code == "package.refunded"
    with pytest.raises(Conflict):
        package_refund(package, used(package, 12), RefundMode.SHOP_AT_FAULT, date(2026, 8, 9))


def test_list_value_never_takes_more_than_the_price_paid():
    # bought at a deep discount: ¥500 for 10 + 2 gifted ¥300 facials; 3 used = ¥900 list > ¥500
    package = sell(TEN_FACIALS, ANNA, 50_000, MAY_1)
    s = package_refund(package, used(package, 3), RefundMode.CUSTOMER_CHOICE, date(2026, 6, 1))
    assert s.lines[1].amount_fen == -50_000 and s.lines[1].value("capped") == 1
    assert s.total_fen == 0


# --- properties ---------------------------------------------------------------------------

@settings(max_examples=200)
@given(st.integers(0, 5_000_000), st.integers(1, 30), st.integers(0, 10), st.lists(st.booleans(), max_size=60))
def test_consumed_values_are_never_negative_and_add_up_to_the_price_paid(paid, sessions, gifted, returns):
    terms = PackageTerms((PackageService(FACIAL, 30_000),), sessions, paid, gifted=gifted)
    package = sell(terms, ANNA, paid, MAY_1)
    total = package.total_sessions
    uses: list[SessionUse] = []
    for give_one_back in returns:
        if give_one_back and uses:
            uses = list(return_session(uses, uses[len(uses) // 2]))
        elif sessions_left(package, uses):
            uses.append(use_session(package, uses, customer_key=ANNA, service_key=FACIAL, on=MAY_1))
        assert all(u.consumed_fen >= 0 for u in uses)
        assert sum(u.consumed_fen for u in uses) <= paid
    while sessions_left(package, uses):
        uses.append(use_session(package, uses, customer_key=ANNA, service_key=FACIAL, on=MAY_1))
    assert len(uses) == total
    assert sum(u.consumed_fen for u in uses) == paid
    assert all(u.consumed_fen >= 0 for u in uses)


@given(st.integers(0, 5_000_000), st.integers(1, 30), st.integers(0, 10))
def test_without_returns_each_session_is_within_a_fen_of_the_exact_share(paid, sessions, gifted):
    package = sell(PackageTerms((PackageService(FACIAL, 1),), sessions, paid, gifted=gifted), ANNA, paid, MAY_1)
    uses = used(package, package.total_sessions)
    for u in uses:
        assert abs(u.consumed_fen * package.total_sessions - paid) < package.total_sessions


# -- the expiry's follow-up call (a care task; never a silent forfeiture) --------------------------

from datetime import datetime  # noqa: E402

from salon_desk.followups import Customer as CareCustomer, TaskType  # noqa: E402
from salon_desk.packages import expiry_task  # noqa: E402

ANNA_FILE = CareCustomer(ANNA, "安娜", file_consent=True, marketing_consent=False)


def expiry_call(on: date, uses: int = 4, customer: CareCustomer = ANNA_FILE):
    """The call the daily job would make on ``on`` for 面部护理 10+2 sold 1 May 2026, valid 365 days."""
    package = sell(PackageTerms(TEN_FACIALS.services, 10, 240_000, gifted=2, validity_days=365), ANNA, 240_000, MAY_1)
    due = reminder(package, used(package, uses), on)
    if due is None:
        return None
    return expiry_task(due, package_id=7, package_name="面部护理10次卡", customer=customer, shop_name="丽人坊",
                       assignee_id=3)


def test_the_expiring_call_appears_30_days_before_the_expiry_and_not_a_day_earlier():
    assert expiry_call(date(2027, 3, 31)) is None
    task = expiry_call(date(2027, 4, 1))
    assert (task.key, task.type, task.due_at, task.all_day, task.assignee_id) == (
        "package:7:2027-05-01:expiring", TaskType.PACKAGE_EXPIRY, datetime(2027, 4, 1), True, 3)
    assert task.message == ("安娜您好，这里是丽人坊。您的面部护理10次卡还剩8次，有效期到2027年5月1日，"
                            "欢迎在到期前来店使用；如需延期，请与我们联系。")
    assert expiry_call(date(2027, 5, 1)).key == "package:7:2027-05-01:expiring"    # the last valid day


def test_the_expired_call_appears_the_day_after_the_expiry_and_says_nothing_is_forfeited():
    task = expiry_call(date(2027, 5, 2))
    assert (task.key, task.due_at) == ("package:7:2027-05-01:expired", datetime(2027, 5, 2))
    assert task.message == ("安娜您好，这里是丽人坊。您的面部护理10次卡已于2027年5月1日到期，还剩8次未使用。"
                            "这些次数不会作废，请与我们联系，为您办理延期或按规定退款。")
    # the job missing a day (shop closed) still makes the same call, due on its own day: overdue
    assert expiry_call(date(2027, 5, 9)).due_at == datetime(2027, 5, 2)


def test_no_call_without_sessions_left_or_without_the_file_kept_but_marketing_consent_is_not_needed():
    assert expiry_call(date(2027, 4, 10), uses=12) is None
    assert expiry_call(date(2027, 4, 10), customer=CareCustomer(ANNA, "安娜", False, True)) is None
    assert expiry_call(date(2027, 4, 10), customer=ANNA_FILE) is not None      # a service notice
