"""Services and products with prices, discount flags and stock (a ledger), and gifts."""

from __future__ import annotations

from peewee import fn

from typing import Any

from ..errors import Conflict, InvalidInput, NotFound
from ..records import CatalogueItem
from ..roles import Perm
from .context import Actor, ShopContext
from .models import Gift, Item, StockMove
from .permissions import ANY_STAFF, requires
from .rows import tuples
from ..pinyin_keys import item_matches

SERVICE_CATEGORIES = ("hair", "beauty", "nails", "skin", "other")
KINDS = ("service", "product")


def stock_levels(item_ids: list[int] | None = None) -> dict[int, int]:
    query = StockMove.select(StockMove.item, fn.SUM(StockMove.quantity)).group_by(StockMove.item)
    if item_ids is not None:
        query = query.where(StockMove.item.in_(item_ids))
    return {item_id: total for item_id, total in tuples(query)}


def item_record(row: Item, stock: int | None) -> CatalogueItem:
    return CatalogueItem(row.id, row.kind, row.code, row.name, row.category, row.price_fen,
                         row.duration_min, row.member_discount, row.active,
                         stock if row.kind == "product" else None,
                         row.low_stock_at if row.kind == "product" else None, row.aftercare or "",
                         row.care_tip or "")


AFTERCARE_MAX = 300


def _aftercare(text: object) -> str:
    """护理建议: optional free text, at most 300 characters."""
    value = (text or "").strip() if isinstance(text, str) or text is None else None
    if value is None or len(value) > AFTERCARE_MAX:
        raise InvalidInput("item.aftercare_too_long", max=AFTERCARE_MAX)
    return value


CARE_TIP_MAX = 200


def _care_tip(text: object) -> str:
    """到店小贴士: optional free text for the reminder before the visit, at most 200 characters."""
    value = (text or "").strip() if isinstance(text, str) or text is None else None
    if value is None or len(value) > CARE_TIP_MAX:
        raise InvalidInput("item.care_tip_too_long", max=CARE_TIP_MAX)
    return value


class CatalogueService:
    """What the shop sells: services, products with their stock, gifts for points."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(ANY_STAFF)
    def items(self, actor: Actor, kind: str | None = None, include_inactive: bool = False,
              text: str = "") -> list[CatalogueItem]:
        query = Item.select().order_by(Item.kind.desc(), Item.category, Item.code)
        if kind:
            query = query.where(Item.kind == kind)
        if not include_inactive:
            query = query.where(Item.active == True)  # noqa: E712
        text = (text or "").strip()
        if text and not (text.isascii() and text.replace(" ", "").isalpha()):
            query = query.where(Item.code.contains(text) | Item.name.contains(text))
        rows = list(query)
        if text:                     # letters also find a name by its pinyin initials: bshl -> 补水护理
            rows = [r for r in rows if item_matches(text, r.code, r.name)]
        stock = stock_levels([r.id for r in rows if r.kind == "product"])
        return [item_record(r, stock.get(r.id, 0)) for r in rows]

    @requires(ANY_STAFF)
    def item(self, actor: Actor, item_id: int) -> CatalogueItem:
        return self._record(item_id)

    def _record(self, item_id: int) -> CatalogueItem:
        row = Item.get_or_none(Item.id == item_id)
        if row is None:
            raise NotFound("item.not_found", id=item_id)
        return item_record(row, stock_levels([row.id]).get(row.id, 0))

    def _validate_item(self, kind: str, code: str, name: str, category: str, price_fen: int) -> None:
        if kind not in KINDS:
            raise InvalidInput("item.bad_kind", kind=kind)
        if not code.strip():
            raise InvalidInput("item.code_required")
        if not name.strip():
            raise InvalidInput("item.name_required")
        if kind == "service" and category not in SERVICE_CATEGORIES:
            raise InvalidInput("item.bad_category", category=category)
        if not isinstance(price_fen, int) or price_fen < 0:
            raise InvalidInput("item.bad_price", price=price_fen)

    @requires(Perm.CATALOGUE)
    def add_item(self, actor: Actor, *, kind: str, code: str, name: str, price_fen: int,
                 category: str = "other", duration_min: int = 0, member_discount: bool = True,
                 stock: int = 0, low_stock_at: int | None = None, aftercare: str = "",
                 care_tip: str = "") -> CatalogueItem:
        owner = actor.row
        category = "product" if kind == "product" else category
        self._validate_item(kind, code, name, category, price_fen)
        with self.ctx.db.atomic():
            if Item.select().where(Item.code == code.strip()).exists():
                raise Conflict("item.code_taken", code=code)
            if kind == "product" and low_stock_at is None:
                low_stock_at = self.ctx.setting("products.low_stock_default")
            row = Item.create(kind=kind, code=code.strip(), name=name.strip(), category=category,
                              price_fen=price_fen, duration_min=duration_min,
                              member_discount=member_discount, low_stock_at=low_stock_at,
                              aftercare=_aftercare(aftercare), care_tip=_care_tip(care_tip))
            if kind == "product" and stock:
                StockMove.create(item=row, quantity=stock, kind="receive", at=self.ctx.now(), staff=owner)
            self.ctx.audit(owner, "item_created", target=row.code, price_fen=price_fen)
        return self._record(row.id)

    @requires(Perm.CATALOGUE)
    def update_item(self, actor: Actor, /, item_id: int, **changes: Any) -> CatalogueItem:
        """Change name, price, category, duration, discount flag, active or low-stock level.

        A price change is audited with the old and new price (SPEC §9).
        """
        owner = actor.row
        allowed = {"name", "price_fen", "category", "duration_min", "member_discount", "active", "low_stock_at",
                   "aftercare", "care_tip"}
        unknown = set(changes) - allowed
        if unknown:
            raise InvalidInput("item.unknown_field", fields=sorted(unknown))
        with self.ctx.db.atomic():
            row = Item.get_or_none(Item.id == item_id)
            if row is None:
                raise NotFound("item.not_found", id=item_id)
            before = {k: getattr(row, k) for k in changes}
            if "aftercare" in changes:
                changes["aftercare"] = _aftercare(changes["aftercare"])
            if "care_tip" in changes:
                changes["care_tip"] = _care_tip(changes["care_tip"])
            for key, value in changes.items():
                setattr(row, key, value.strip() if isinstance(value, str) else value)
            self._validate_item(row.kind, row.code, row.name, row.category, row.price_fen)
            row.save()
            self.ctx.audit(owner, "item_updated", target=row.code, old=before, new=changes)
        return self._record(item_id)

    @requires(Perm.CATALOGUE)
    def receive_stock(self, actor: Actor, item_id: int, quantity: int, reason: str = "") -> CatalogueItem:
        """Goods received (+) or a counted correction (-), as a stock ledger entry."""
        owner = actor.row
        row = Item.get_or_none(Item.id == item_id)
        if row is None or row.kind != "product":
            raise NotFound("item.not_found", id=item_id)
        if quantity == 0:
            raise InvalidInput("stock.zero")
        with self.ctx.db.atomic():
            StockMove.create(item=row, quantity=quantity, kind="receive" if quantity > 0 else "adjust",
                             at=self.ctx.now(), staff=owner, reason=reason)
            self.ctx.audit(owner, "stock_changed", target=row.code, quantity=quantity, reason=reason)
        return self._record(item_id)

    # -- gifts for points -------------------------------------------------
    @requires(ANY_STAFF)
    def gifts(self, actor: Actor) -> list[tuple[int, str, int]]:
        return [(g.id, g.name, g.points_price) for g in Gift.select().where(Gift.active == True)]  # noqa: E712

    @requires(Perm.CATALOGUE)
    def add_gift(self, actor: Actor, name: str, points_price: int) -> int:
        owner = actor.row
        if not name.strip() or points_price <= 0:
            raise InvalidInput("gift.invalid")
        with self.ctx.db.atomic():
            gift = Gift.create(name=name.strip(), points_price=points_price)
            self.ctx.audit(owner, "gift_created", target=name, points_price=points_price)
        return gift.id
