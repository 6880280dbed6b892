"""Birthday windows: is a day 'the member's birthday' under the shop's setting."""

from __future__ import annotations

from datetime import date, timedelta


def birthday_in_year(month: int, day: int, year: int) -> date:
    """This year's birthday; 29 February falls on the 28th in common years."""
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


def in_window(month: int | None, day: int | None, today: date, window: str) -> bool:
    """``window`` is ``day`` (the day itself), ``week`` (its Mon-Sun week) or ``month``."""
    if not month or not day:
        return False
    birthday = birthday_in_year(month, day, today.year)
    if window == "day":
        return today == birthday
    if window == "week":
        monday = birthday - timedelta(days=birthday.weekday())
        return monday <= today <= monday + timedelta(days=6)
    if window == "month":
        return today.month == month
    raise ValueError(window)


def days_until(month: int | None, day: int | None, today: date) -> int | None:
    """Days from ``today`` to the next birthday (0 = today)."""
    if not month or not day:
        return None
    this_year = birthday_in_year(month, day, today.year)
    if this_year < today:
        this_year = birthday_in_year(month, day, today.year + 1)
    return (this_year - today).days
