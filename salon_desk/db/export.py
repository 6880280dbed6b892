"""A customer's copy of their own data (PIPL): one plain dictionary, ready for JSON."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from ..records import CustomerFile, SaleSummary, ShopHeader
from .context import ShopContext
from .models import AuditLog, Complaint, ComplaintProgress, FollowUpTask
from .points_ledger import points_history


def customer_export(ctx: ShopContext, file: CustomerFile, sales: list[SaleSummary]) -> dict[str, Any]:
    """Everything held on one customer: file, consents, membership, points, visits, complaints and
    follow-up calls, who looked."""
    s = ctx.setting
    data = {
        "format": "salon-desk customer export 1",
        "exported_at": ctx.now().isoformat(),
        "shop": asdict(ShopHeader(s("shop.name"), s("shop.address"), s("shop.phone"), s("receipt.footer"))),
        "customer": asdict(file),
        "points_history": [asdict(e) for e in points_history(ctx, file.id)],
        "visits": [asdict(sale) for sale in sales],
        "complaints": [
            {"received_at": c.received_at, "category": c.category, "channel": c.channel,
             "description": c.description, "responded_at": c.responded_at, "resolved_at": c.resolved_at,
             "resolution": c.resolution,
             "progress": [{"at": p.at, "text": p.text} for p in
                          ComplaintProgress.select().where(ComplaintProgress.complaint == c.id).order_by(ComplaintProgress.id)]}
            for c in Complaint.select().where(Complaint.customer == file.id).order_by(Complaint.id)
        ],
        "follow_ups": [
            {"type": t.type, "due_at": t.due_at, "message": t.message, "closed_at": t.closed_at,
             "outcome": t.outcome, "scores": [t.attitude, t.technique, t.environment], "comment": t.comment}
            for t in FollowUpTask.select().where(FollowUpTask.customer == file.id).order_by(FollowUpTask.id)
        ],
        "access_log": [
            {"at": r.at.isoformat() if hasattr(r.at, "isoformat") else str(r.at), "action": r.action}
            for r in AuditLog.select().where(AuditLog.target == f"customer:{file.id}").order_by(AuditLog.id)
        ],
    }
    jsonable: dict[str, Any] = _jsonable(data)
    return jsonable


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value
