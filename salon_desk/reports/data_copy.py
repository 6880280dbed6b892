"""A customer's copy of their personal data (PIPL art. 45) as a PDF, from the export dictionary.

Prints every part of ``Shop.export_customer``: the file, consents, membership,
the whole points ledger, every visit, and who looked at or changed the file.
Unknown keys are printed too, so the copy stays complete as the export grows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from ..records import ReceiptLine, SaleSummary
from . import labels
from .labels import yen
from .pages import BODY, H2, SMALL, SUBTITLE, TITLE, build_a4, grid, para
from .visit_record import WIDTH, birthday_text, facts, visits_table

KNOWN_CUSTOMER_KEYS = {
    "id", "name", "phone", "phone_is_mainland", "gender", "birth_year", "birth_month", "birth_day", "region",
    "skin_type", "allergies", "care_goals", "notes", "tags", "referred_by_id", "referred_by_name", "first_seen",
    "archived", "anonymised", "consents", "member", "points"}
KNOWN_KEYS = {"format", "exported_at", "shop", "customer", "points_history", "visits", "access_log"}
HEADING_ROOM = 30 * mm     # a section heading and the first rows of its table


def _when(text: str | None, fmt: str = "%Y-%m-%d %H:%M") -> str:
    if not text:
        return ""
    try:
        return datetime.fromisoformat(text).strftime(fmt)
    except ValueError:
        return str(text)


def _yes(value: Any) -> str:
    return "是" if value else "否"


def _plain(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "、".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return "；".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def _customer_pairs(c: dict) -> list[tuple[str, str]]:
    pairs = [
        ("姓名", c.get("name") or "（已注销）"), ("手机", c.get("phone") or ""),
        ("大陆手机号", _yes(c.get("phone_is_mainland"))), ("性别", labels.GENDERS.get(c.get("gender") or "", "")),
        ("生日", birthday_text(c.get("birth_year"), c.get("birth_month"), c.get("birth_day"))),
        ("地区", labels.REGIONS.get(c.get("region") or "", c.get("region") or "")),
        ("肤质", labels.SKIN.get(c.get("skin_type") or "", c.get("skin_type") or "")),
        ("过敏史", c.get("allergies") or "无") if c.get("allergies") is not None else ("过敏史", "（无权查看）"),
        ("护理目标", c.get("care_goals") or "无"), ("备注", c.get("notes") or "无"),
        ("偏好标签", "、".join(c.get("tags") or []) or "无"), ("介绍人", c.get("referred_by_name") or "无"),
        ("建档日期", c.get("first_seen") or ""), ("档案编号", str(c.get("id", ""))),
        ("已归档", _yes(c.get("archived"))), ("已注销", _yes(c.get("anonymised"))),
    ]
    pairs += [(k, _plain(v)) for k, v in c.items() if k not in KNOWN_CUSTOMER_KEYS]
    return pairs


def _member_pairs(c: dict) -> list[tuple[str, str]]:
    m = c.get("member")
    if not m:
        return [("会员", "非会员"), ("积分余额", f"{c.get('points', 0):,}")]
    return [("会员卡号", m.get("member_no", "")), ("会员等级", labels.tier(m.get("tier"))),
            ("入会时间", _when(m.get("joined_at"))), ("状态", "有效" if m.get("active") else "已失效"),
            ("累计消费", yen(m.get("spend_fen", 0))), ("累计到店", f"{m.get('visits', 0)} 次"),
            ("失效时间", _when(m.get("lapsed_at")) or "—"), ("积分余额", f"{c.get('points', 0):,}")]


def _sale(v: dict) -> SaleSummary:
    lines = tuple(ReceiptLine(**line) for line in v.get("lines", ()))
    return SaleSummary(v["sale_id"], v["receipt_no"], datetime.fromisoformat(v["created_at"]),
                       v.get("customer_name"), v["amount_due_fen"], v["status"], v.get("refunded_fen", 0), lines)


def render_data_copy(export: dict[str, Any], printed_at: datetime | None = None) -> bytes:
    """The PDF of ``Shop.export_customer(...)``: everything the shop holds on one person."""
    shop = export.get("shop") or {}
    c = export.get("customer") or {}
    printed_at = printed_at or datetime.now().replace(microsecond=0)
    name = c.get("name") or "顾客"
    story: list = [
        para(f"{shop.get('name') or '本店'}　个人信息副本", TITLE),
        para(f"顾客：{name}　·　导出时间：{_when(export.get('exported_at'))}　·　打印时间：{printed_at:%Y-%m-%d %H:%M}",
             SUBTITLE),
        Spacer(1, 4 * mm),
        para("根据《中华人民共和国个人信息保护法》，应您的要求，现将本店保存的您的全部个人信息提供给您。"
             "如发现信息有误，可要求更正；如不再需要本店保存，可要求删除（消费流水按财务要求以匿名方式保留）。"
             f"联系方式：{shop.get('phone') or '到店咨询'}　{shop.get('address') or ''}", BODY),
        KeepTogether([para("一、基本信息", H2), facts(_customer_pairs(c))]),
    ]
    consents = c.get("consents") or []
    rows = [["用途", "状态", "时间", "经办人", "告知版本"]]
    rows += [[labels.CONSENTS.get(x.get("purpose"), x.get("purpose")), "同意" if x.get("granted") else "已撤回",
              _when(x.get("at")), x.get("staff_name", ""), x.get("notice_version", "")] for x in consents]
    story.append(KeepTogether([para("二、授权同意记录", H2),
                               grid(rows, [48 * mm, 22 * mm, 40 * mm, 34 * mm, WIDTH - 144 * mm], right=[])
                               if consents else para("无。", BODY)]))
    story.append(KeepTogether([para("三、会员与积分", H2), facts(_member_pairs(c))]))
    history = export.get("points_history") or []
    story.append(CondPageBreak(HEADING_ROOM))          # a heading never alone at a page foot
    story.append(para(f"四、积分明细（共 {len(history)} 条）", H2))
    if history:
        rows = [["时间", "类型", "积分", "小票号", "说明", "经办人"]]
        rows += [[_when(e.get("at")), labels.POINTS_KINDS.get(e.get("kind"), e.get("kind")), f"{e.get('points', 0):+,}",
                  e.get("receipt_no") or "", labels.points_reason_text(e.get("reason") or ""), e.get("staff_name") or ""] for e in history]
        story.append(grid(rows, [30 * mm, 22 * mm, 18 * mm, 30 * mm, 50 * mm, WIDTH - 150 * mm], right=[2]))
    else:
        story.append(para("无。", BODY))
    visits = export.get("visits") or []
    story.append(CondPageBreak(HEADING_ROOM))          # a heading never alone at a page foot
    story.append(para(f"五、消费记录（共 {len(visits)} 次）", H2))
    story.append(visits_table([_sale(v) for v in visits]) if visits else para("无。", BODY))
    log = export.get("access_log") or []
    story.append(CondPageBreak(HEADING_ROOM))          # a heading never alone at a page foot
    story.append(para(f"六、档案操作记录（共 {len(log)} 条）", H2))
    if log:
        rows = [["时间", "操作"]] + [[_when(e.get("at")), labels.AUDIT_ACTIONS.get(e.get("action"), e.get("action"))]
                                   for e in log]
        story.append(grid(rows, [45 * mm, WIDTH - 45 * mm], right=[]))
    else:
        story.append(para("无。", BODY))
    extra = {k: v for k, v in export.items() if k not in KNOWN_KEYS}
    if extra:
        story.append(para("七、其他", H2))
        story.append(facts([(k, _plain(v)) for k, v in extra.items()], columns=1))
    story += [Spacer(1, 5 * mm), para(f"数据格式：{export.get('format', '')}。本副本含个人信息，请妥善保管。", SMALL)]
    return build_a4(story, f"{name} 个人信息副本", f"{shop.get('name') or ''} · 个人信息副本 · {name}",
                    "个人信息副本，请妥善保管")


