"""Birthday perks (SPEC §4): the free service and the gift, once per member per year."""

from __future__ import annotations

from ..birthday import days_until, window_birthday
from ..errors import Conflict, InvalidInput, NotFound
from ..records import BirthdayStatus
from ..roles import Perm
from .context import Actor, ShopContext
from .customer_rows import active_member
from .models import BirthdayPerkUse, Gift, Sale, Staff
from .permissions import requires

PERKS = ("free_service", "gift")


def perk_used(customer_id: int, year: int, perk: str) -> bool:
    return bool(BirthdayPerkUse.select()
                .where((BirthdayPerkUse.customer == customer_id) & (BirthdayPerkUse.year == year)
                       & (BirthdayPerkUse.perk == perk) & BirthdayPerkUse.reversed_by.is_null())
                .exists())


def birthday_status(ctx: ShopContext, customer_id: int) -> BirthdayStatus | None:
    """The banner's facts; None when the customer has no birthday on file."""
    today = ctx.today()
    found = ctx.execute(ctx.sql.BIRTHDAY_STATUS, (today.year - 1, today.year + 1, customer_id)).fetchone()
    if found is None:
        return None
    month, day, is_member, used_text = found
    return status_of(ctx, month, day, bool(is_member), used_text)


def status_of(ctx: ShopContext, month: int | None, day: int | None, is_member: bool,
              used_text: str | None) -> BirthdayStatus | None:
    """The banner's facts from the birthday and the perks used around this year ("2026:gift,...")
    as a statement already read them; None when there is no birthday on file."""
    if not month:
        return None
    today = ctx.today()
    used = set((used_text or "").split(","))
    birthday = window_birthday(month, day, today, ctx.setting("birthday.window"))
    eligible = birthday is not None and bool(is_member)
    year = birthday.year if birthday else today.year
    return BirthdayStatus(
        in_window=birthday is not None, days_until=days_until(month, day, today),
        free_service_available=eligible and f"{year}:free_service" not in used,
        gift_available=eligible and f"{year}:gift" not in used)


def perk_year(ctx: ShopContext, customer_id: int) -> int:
    """The year a perk used today counts against: that of the birthday whose window holds today."""
    month, day = ctx.execute(ctx.sql.BIRTHDAY, (customer_id,)).fetchone() or (None, None)
    birthday = window_birthday(month, day, ctx.today(), ctx.setting("birthday.window"))
    return birthday.year if birthday else ctx.today().year


def use_perk(ctx: ShopContext, staff: Staff, customer_id: int, perk: str, sale: Sale | None = None) -> None:
    """Inside a transaction: record a perk, refusing a second use this year."""
    status = birthday_status(ctx, customer_id)
    if status is None or not status.in_window:
        raise InvalidInput("birthday.not_in_window")
    if active_member(ctx, customer_id) is None:
        raise InvalidInput("member.required")
    year = perk_year(ctx, customer_id)
    if perk_used(customer_id, year, perk):
        raise Conflict("birthday.already_used", perk=perk, year=year)
    BirthdayPerkUse.create(customer=customer_id, year=year, perk=perk, at=ctx.now(), staff=staff, sale=sale)


class BirthdayService:
    """What a member's birthday brings today, and the gift handed over."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.COUNTER)
    def status(self, actor: Actor, customer_id: int) -> BirthdayStatus | None:
        return birthday_status(self.ctx, customer_id)

    @requires(Perm.COUNTER)
    def give_gift(self, actor: Actor, customer_id: int, gift_id: int | None = None) -> None:
        """Record the birthday gift as handed over; ``gift_id`` names which one from the gift list."""
        with self.ctx.db.atomic():
            details = {}
            if gift_id is not None:
                gift = Gift.get_or_none((Gift.id == gift_id) & (Gift.active == True))  # noqa: E712
                if gift is None:
                    raise NotFound("gift.not_found", id=gift_id)
                details["gift"] = gift.name
            use_perk(self.ctx, actor.row, customer_id, "gift")
            self.ctx.audit(actor, "birthday_gift", target=f"customer:{customer_id}", **details)
