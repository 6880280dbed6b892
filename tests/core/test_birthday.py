"""Birthday windows: the day itself, its week, its month; 29 February; days until."""

from datetime import date

import pytest

from salon_desk.birthday import birthday_in_year, days_until, in_window, window_birthday


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


def test_a_birthday_week_that_crosses_new_year():
    # 1 January 2027 is a Friday: its week runs Monday 28 December 2026 to Sunday 3 January 2027.
    # On 29 December the member is in the week of next year's birthday; that birthday's year (2027)
    # is the year its perks count against.
    assert window_birthday(1, 1, date(2026, 12, 29), "week") == date(2027, 1, 1)
    assert in_window(1, 1, date(2026, 12, 27), "week") is False      # the Sunday before
    # 31 December 2026 is a Thursday: its week runs 28 December to Sunday 3 January 2027,
    # so on 2 January the member is still in the week of last year's birthday (year 2026).
    assert window_birthday(12, 31, date(2027, 1, 2), "week") == date(2026, 12, 31)
    assert in_window(12, 31, date(2027, 1, 4), "week") is False      # the Monday after
    assert window_birthday(11, 25, date(2026, 11, 25), "day") == date(2026, 11, 25)
    assert window_birthday(2, 29, date(2027, 2, 10), "month") == date(2027, 2, 28)
