"""Birthday windows: the day itself, its week, its month; 29 February; days until."""

from datetime import date

import pytest

from salon_desk.birthday import birthday_in_year, days_until, in_window


def test_day_window():
    assert in_window(11, 25, date(2026, 11, 25), "day") is True
    assert in_window(11, 25, date(2026, 11, 24), "day") is False
    assert in_window(11, 25, date(2026, 11, 26), "day") is False


def test_week_window_is_the_monday_to_sunday_week_of_the_birthday():
    # 2026-11-25 is a Wednesday: its week runs Monday 23 to Sunday 29 November
    assert in_window(11, 25, date(2026, 11, 23), "week") is True
    assert in_window(11, 25, date(2026, 11, 29), "week") is True
    assert in_window(11, 25, date(2026, 11, 22), "week") is False   # the Sunday before
    assert in_window(11, 25, date(2026, 11, 30), "week") is False   # the Monday after


def test_month_window():
    assert in_window(11, 25, date(2026, 11, 1), "month") is True
    assert in_window(11, 25, date(2026, 11, 30), "month") is True
    assert in_window(11, 25, date(2026, 12, 1), "month") is False


def test_29_february_falls_on_the_28th_in_common_years():
    assert birthday_in_year(2, 29, 2027) == date(2027, 2, 28)
    assert birthday_in_year(2, 29, 2028) == date(2028, 2, 29)
    assert in_window(2, 29, date(2027, 2, 28), "day") is True
    assert in_window(2, 29, date(2028, 2, 28), "day") is False


def test_no_birthday_on_file():
    assert in_window(None, None, date(2026, 11, 22), "month") is False
    assert days_until(None, None, date(2026, 11, 22)) is None


def test_unknown_window():
    with pytest.raises(ValueError):
        in_window(11, 25, date(2026, 11, 25), "year")


def test_days_until():
    today = date(2026, 11, 22)
    assert days_until(11, 22, today) == 0
    assert days_until(11, 29, today) == 7
    # 21 November has passed: next year's, 2027-11-21, is 364 days away
    assert days_until(11, 21, today) == 364
    # 1 January 2027: 8 days left in November + 31 in December + 1
    assert days_until(1, 1, today) == 40
