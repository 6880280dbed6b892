"""Chinese words the printed documents use for the shop's codes (tiers, tenders, categories)."""

from __future__ import annotations

from ..ledger_reasons import parse_reason
from ..money import format_fen

TIERS = {"regular": "普通会员", "silver": "银卡会员", "gold": "金卡会员", "diamond": "钻石会员"}
TIER_SHORT = {"regular": "普通", "silver": "银卡", "gold": "金卡", "diamond": "钻石"}
METHODS = {"cash": "现金", "wechat": "微信支付", "alipay": "支付宝", "card": "银行卡", "stored_value": "储值卡",
           "other": "其他"}
# the names of SPEC §5, as the window's catalogue shows them: a report row must name what the owner set
CATEGORIES = {"hair": "美发", "beauty": "美容", "nails": "美甲", "skin": "护肤", "other": "其他", "product": "产品"}
KINDS = {"service": "服务", "product": "产品"}
GENDERS = {"female": "女", "male": "男", "": "未填"}
REGIONS = {"city": "城市", "county": "县城", "township": "乡镇", "": "未填"}
SKIN = {"oily": "油性", "dry": "干性", "combination": "混合性", "normal": "中性", "sensitive": "敏感性", "": "未填"}
CONSENTS = {"keep_file": "建档保存", "marketing": "营销联系", "health": "健康信息（过敏/皮肤）"}
POINTS_KINDS = {"earn": "消费积分", "redeem": "积分抵扣", "referral": "推荐奖励", "birthday": "生日加倍",
                "gift": "礼品兑换", "expire": "积分清零", "refund": "退款冲回", "manual": "手工调整",
                "merge": "档案合并"}
SYSTEM_REASONS = {"yearly_reset": "{param} 年度积分清零", "lapsed": "会员资格取消", "reinstated": "恢复会员资格",
                  "erased": "客户信息已注销", "refund_returned": "退款退回抵扣积分",
                  "refund_taken_back": "退款扣回所得积分", "merged_into": "并入档案 {param}",
                  "merged_from": "由档案 {param} 并入", "referral": "推荐客户档案 {param}"}


def yen(fen: int) -> str:
    """An amount as every printed document shows it, with the full-width ￥ of Chinese fonts."""
    return format_fen(fen, symbol="￥")


def points_reason_text(reason: str) -> str:
    """A ledger reason in Chinese: the program's own codes translated, typed reasons as typed."""
    parsed = parse_reason(reason)
    if parsed is None:
        return reason
    code, param = parsed
    return SYSTEM_REASONS.get(code, reason).format(param=param or "")


AUDIT_ACTIONS = {"customer_registered": "建立档案", "customer_updated": "修改档案", "consent_changed": "变更同意",
                 "customer_archived": "归档", "customer_unarchived": "取消归档", "customer_erased": "注销（匿名化）",
                 "customer_exported": "导出个人信息副本", "report_exported": "导出经营报表", "year_exported": "导出全年账目", "customers_merged": "合并档案",
                 "member_enrolled": "入会", "member_enrolled_by_hand": "手工入会", "member_reinstated": "恢复会员",
                 "points_adjusted": "积分调整", "tier_set": "调整等级", "gift_redeemed": "礼品兑换",
                 "birthday_gift": "领取生日礼品", "drawer_no_sale": "无销售开钱箱"}
SALE_STATUS = {"completed": "已完成", "voided": "已作废"}


def tier(code: str | None) -> str:
    return TIERS.get(code or "", code or "")


def method(code: str) -> str:
    return METHODS.get(code, code)


def category(code: str) -> str:
    return CATEGORIES.get(code, code)


def sentences(text: str) -> list[str]:
    """Split a footer after each 。！？; so a line breaks between sentences, not inside one."""
    out, current = [], ""
    for char in (text or "").strip():
        current += char
        if char in "。！？；!?;\n":
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return [s for s in out if s]
