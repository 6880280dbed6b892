"""Birthday windows: is a day 'the member's birthday' under the shop's setting."""

from __future__ import annotations

from datetime import date, timedelta


def birthday_in_year(month: int, day: int, year: int) -> date:
    """This year's birthday; 29 February falls on the 28th in common years."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


def window_birthday(month: int | None, day: int | None, today: date, window: str) -> date | None:
    """The birthday whose window holds ``today``, or None; its year is the perk year.

    A week window can cross New Year (a 1 January birthday's week may start on
    29 December), so last year's and next year's birthdays are tried too.
    """
    if window not in ("day", "week", "month"):
        raise ValueError(window)
    if not month or not day:
        return None
    for year in (today.year - 1, today.year, today.year + 1):
        birthday = birthday_in_year(month, day, year)
        if window == "day":
            hit = today == birthday
        elif window == "week":
            monday = birthday - timedelta(days=birthday.weekday())
            hit = monday <= today <= monday + timedelta(days=6)
        else:
            hit = (today.year, today.month) == (birthday.year, birthday.month)
        if hit:
            return birthday
    return None


def in_window(month: int | None, day: int | None, today: date, window: str) -> bool:
    """``window`` is ``day`` (the day itself), ``week`` (its Mon-Sun week) or ``month``."""
    return window_birthday(month, day, today, window) is not None


def days_until(month: int | None, day: int | None, today: date) -> int | None:
    """Days from ``today`` to the next birthday (0 = today)."""
    if not month or not day:
        return None
    this_year = birthday_in_year(month, day, today.year)
    if this_year < today:
        this_year = birthday_in_year(month, day, today.year + 1)
    return (this_year - today).days
