"""A customer's copy of their own data (PIPL): one plain dictionary, ready for JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..records import StaffInfo
from .models import AuditLog


def customer_export(shop, actor: StaffInfo, customer_id: int) -> dict[str, Any]:
    """Everything held on one customer: file, consents, membership, points, visits."""
    file = shop.customer_file(actor, customer_id)
    sales = shop.customer_sales(actor, customer_id)
    data = {
        "format": "salon-desk customer export 1",
        "exported_at": shop.now().isoformat(),
        "shop": asdict(shop.shop_header()),
        "customer": asdict(file),
        "points_history": [asdict(e) for e in shop.points_history(customer_id)],
        "visits": [asdict(s) for s in sales],
        "access_log": [
            {"at": r.at.isoformat() if hasattr(r.at, "isoformat") else str(r.at), "action": r.action}
            for r in AuditLog.select().where(AuditLog.target == f"customer:{customer_id}").order_by(AuditLog.id)
        ],
    }
    return _jsonable(data)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
