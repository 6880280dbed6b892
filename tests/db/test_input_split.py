"""A phone typed in full-width digits is the same customer as in ASCII; bad text is refused, not a crash."""

import pytest

from salon_desk.db.customers import CustomerDetails
from salon_desk.errors import SalonError


def test_full_width_phone_is_stored_canonical_and_found_by_its_tail(shop, owner, new_customer):
    wide = new_customer("张三", "１３８１２３４５６７８")
    assert shop.customers.find(owner, "13812345678")[0].id == wide.id
    with pytest.raises(SalonError):                         # the same number in ASCII is the same customer
        new_customer("张三丰", "13812345678")
    assert [c.id for c in shop.customers.find(owner, "5678")] == [wide.id]
    assert [c.id for c in shop.customers.find(owner, "５６７８")] == [wide.id]


def test_superscript_search_does_not_return_everyone(shop, owner, new_customer):
    new_customer("张三", "13812345678")
    new_customer("李四", "13900001111")
    assert len(shop.customers.find(owner, "²³")) <= 1      # "23": only a phone with 23 in it


def test_a_lone_surrogate_in_search_or_registration_is_a_typed_error(shop, owner):
    with pytest.raises(SalonError) as err:
        shop.customers.find(owner, "\ud800")
    assert err.value.code == "text.invalid"
    with pytest.raises(SalonError) as err:
        shop.customers.register(owner, CustomerDetails(name="张\ud800", phone="13812345678"), consent_keep_file=True)
    assert err.value.code == "text.invalid"
