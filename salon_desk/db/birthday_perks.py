"""Birthday perks (SPEC §4): the free service and the gift, once per member per year."""

from __future__ import annotations

from ..birthday import days_until, window_birthday
from ..errors import Conflict, InvalidInput
from ..records import BirthdayStatus, StaffInfo
from ..roles import Perm
from .base import ShopBase
from .customer_rows import active_member
from .models import BirthdayPerkUse, Staff

PERKS = ("free_service", "gift")


def perk_used(customer_id: int, year: int, perk: str) -> bool:
    return (BirthdayPerkUse.select()
            .where((BirthdayPerkUse.customer == customer_id) & (BirthdayPerkUse.year == year)
                   & (BirthdayPerkUse.perk == perk) & BirthdayPerkUse.reversed_by.is_null())
            .exists())


# One statement: it runs on every quote and check-in banner. The perks of the
# years around today are read, since a week window can cross New Year.
_STATUS_SQL = """
SELECT c.birth_month, c.birth_day,
       EXISTS (SELECT 1 FROM member m WHERE m.customer_id = c.id AND m.active = 1),
       (SELECT GROUP_CONCAT(u.year || ':' || u.perk) FROM birthday_perk_use u
         WHERE u.customer_id = c.id AND u.year BETWEEN ? AND ? AND u.reversed_by_id IS NULL)
FROM customer c WHERE c.id = ?
"""
_BIRTHDAY_SQL = "SELECT birth_month, birth_day FROM customer WHERE id = ?"


class BirthdayMixin(ShopBase):
    def birthday_status(self, customer_id: int) -> BirthdayStatus | None:
        """The banner's facts; None when the customer has no birthday on file."""
        today = self.today()
        found = self.db.execute_sql(_STATUS_SQL, (today.year - 1, today.year + 1, customer_id)).fetchone()
        if found is None or not found[0]:
            return None
        month, day, is_member, used = found
        used = set((used or "").split(","))
        birthday = window_birthday(month, day, today, self.setting("birthday.window"))
        eligible = birthday is not None and bool(is_member)
        year = birthday.year if birthday else today.year
        return BirthdayStatus(
            in_window=birthday is not None, days_until=days_until(month, day, today),
            free_service_available=eligible and f"{year}:free_service" not in used,
            gift_available=eligible and f"{year}:gift" not in used)

    def perk_year(self, customer_id: int) -> int:
        """The year a perk used today counts against: that of the birthday whose window holds today."""
        month, day = self.db.execute_sql(_BIRTHDAY_SQL, (customer_id,)).fetchone() or (None, None)
        birthday = window_birthday(month, day, self.today(), self.setting("birthday.window"))
        return birthday.year if birthday else self.today().year

    def _use_perk(self, staff: Staff, customer_id: int, perk: str, sale=None) -> None:
        """Inside a transaction: record a perk, refusing a second use this year."""
        status = self.birthday_status(customer_id)
        if status is None or not status.in_window:
            raise InvalidInput("birthday.not_in_window")
        if active_member(customer_id) is None:
            raise InvalidInput("member.required")
        year = self.perk_year(customer_id)
        if perk_used(customer_id, year, perk):
            raise Conflict("birthday.already_used", perk=perk, year=year)
        BirthdayPerkUse.create(customer=customer_id, year=year, perk=perk, at=self.now(), staff=staff, sale=sale)

    def give_birthday_gift(self, actor: StaffInfo, customer_id: int) -> None:
        """Record the birthday gift as handed over."""
        staff = self._require(actor, Perm.COUNTER)
        with self.db.atomic():
            self._use_perk(staff, customer_id, "gift")
            self._audit(staff, "birthday_gift", target=f"customer:{customer_id}")
