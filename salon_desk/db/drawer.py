"""Opening the cash drawer without a sale ("no sale"): the owner only, and audited with who and when.

The drawer is opened by the receipt printer's kick port, which the database
layer never talks to: the caller passes ``kick``, a function that sends the
pulse and raises (``PrinterProblem``) when it cannot. Only an opening that
happened is audited; a failed one changes nothing.

A service of the front door (``shop.drawer``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Callable

from ..errors import InvalidInput
from ..roles import Perm
from .context import Actor, ShopContext
from .permissions import requires

NO_SALE = "drawer_no_sale"          # the audit action
MAX_REASON = 100


@dataclass(frozen=True)
class NoSale:
    at: datetime
    staff_name: str
    reason: str


class DrawerService:
    """The cash drawer opened by hand."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.OPEN_DRAWER)
    def open_no_sale(self, actor: Actor, kick: Callable[[], object], reason: str = "") -> NoSale:
        """Open the drawer with no sale (``Perm.OPEN_DRAWER``: the owner) and audit it.

        ``kick`` sends the pulse; when it raises, nothing is audited and the error goes to the caller.
        """
        reason = (reason or "").strip()
        if len(reason) > MAX_REASON:
            raise InvalidInput("drawer.reason_too_long", max=MAX_REASON)
        kick()
        at = self.ctx.now()
        with self.ctx.db.atomic():
            self.ctx.audit(actor, NO_SALE, target="drawer", reason=reason)     # the log keeps who and when
        return NoSale(at, actor.display_name, reason)
