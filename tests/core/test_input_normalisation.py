"""Input that cannot split or hide a customer: one form for phones and searches, a typed error for bad text."""

import pytest
from hypothesis import given, strategies as st

from salon_desk.errors import InvalidInput
from salon_desk.phone import clean_text, normalise_phone
from salon_desk.pinyin_keys import query_ranges

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def test_full_width_digits_and_any_separator_give_the_same_phone():
    assert normalise_phone("１３８１２３４５６７８") == "13812345678"
    assert normalise_phone("138-1234\u30005678") == "13812345678"         # an ideographic space
    assert normalise_phone("(138) 1234·5678") == "13812345678"
    assert normalise_phone("＋８６ １３８１２３４５６７８") == "13812345678"


def test_superscripts_and_other_scripts_digits_are_not_a_match_everything_search():
    assert query_ranges("²³")[0][0].endswith("23")          # NFKC: an ordinary "23", not every phone
    assert query_ranges("--") == [] and query_ranges("！？") == []
    assert query_ranges("１２３４") == query_ranges("1234")
    assert query_ranges("张 三") == query_ranges("张三")


def test_a_lone_surrogate_is_a_typed_error():
    for bad in ("\ud800", "张\udfff三"):
        with pytest.raises(InvalidInput) as err:
            clean_text(bad)
        assert err.value.code == "text.invalid"
        with pytest.raises(InvalidInput):
            query_ranges(bad)
        with pytest.raises(InvalidInput):
            normalise_phone(bad)


@given(st.text(alphabet="0123456789", min_size=5, max_size=15),
       st.lists(st.sampled_from([" ", "-", "\u3000", ".", "·", "/"]), max_size=4), st.booleans())
def test_any_width_and_separators_give_one_canonical_number(digits, separators, wide):
    typed = digits.translate(FULL_WIDTH) if wide else digits
    for sep in separators:
        typed = typed[:2] + sep + typed[2:]
    assert normalise_phone(typed) == digits
