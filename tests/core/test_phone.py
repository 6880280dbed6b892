"""Phone numbers: normalising, the mainland check (others allowed, flagged), masking."""

import pytest

from salon_desk.errors import InvalidInput
from salon_desk.phone import CheckedPhone, check_phone, mask_phone, normalise_phone


@pytest.mark.parametrize("typed, number", [
    ("13812345678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"),
    ("+852 9123 4567", "+85291234567"),
    ("0571-88886666", "057188886666"),
])
def test_normalise(typed, number):
    assert normalise_phone(typed) == number


@pytest.mark.parametrize("typed, checked", [
    ("13812345678", CheckedPhone("13812345678", True)),
    ("19912345678", CheckedPhone("19912345678", True)),
    ("12812345678", CheckedPhone("12812345678", False)),     # no mainland mobile starts 12
    ("1381234567", CheckedPhone("1381234567", False)),       # 10 digits
    ("+852 9123 4567", CheckedPhone("+85291234567", False)),  # Hong Kong: allowed, with a warning
    ("0571-88886666", CheckedPhone("057188886666", False)),  # a landline
])
def test_check_phone(typed, checked):
    assert check_phone(typed) == checked


@pytest.mark.parametrize("typed", ["", "1234", "abc", "1" * 16, "13900001234a", "139O0001234", "138-1234-567x"])
def test_impossible_numbers_are_refused(typed):
    with pytest.raises(InvalidInput) as err:
        check_phone(typed)
    assert (err.value.code, err.value.params) == ("phone.invalid", {"phone": typed})


@pytest.mark.parametrize("number, masked", [
    ("13812345678", "138****5678"),
    ("+85291234567", "+852****4567"),
    ("91234567", "****4567"),
    ("1234", "1234"),
    (None, ""),
    ("", ""),
])
def test_mask_phone(number, masked):
    assert mask_phone(number) == masked
