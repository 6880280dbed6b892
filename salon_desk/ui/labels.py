"""Names of the core's codes (tiers, categories, payment methods...) in the user's language.

Built on each call so a language switch takes effect without restarting.
"""

from __future__ import annotations

from datetime import date, datetime, time

from PySide6.QtCore import QCoreApplication, QLocale

from .. import ledger_reasons
from ..ledger_reasons import parse_reason
from ..money import Fen, format_fen, format_rate


def tier_name(code: str | None) -> str:
    names = {
        "regular": QCoreApplication.translate("Labels", "Regular member"),
        "silver": QCoreApplication.translate("Labels", "Silver member"),
        "gold": QCoreApplication.translate("Labels", "Gold member"),
        "diamond": QCoreApplication.translate("Labels", "Diamond member"),
    }
    if not code:
        return QCoreApplication.translate("Labels", "Not a member")
    return names.get(code, code)


def category_name(code: str) -> str:
    names = {
        "hair": QCoreApplication.translate("Labels", "Hair"),
        "beauty": QCoreApplication.translate("Labels", "Beauty"),
        "nails": QCoreApplication.translate("Labels", "Nails"),
        "skin": QCoreApplication.translate("Labels", "Skin care"),
        "other": QCoreApplication.translate("Labels", "Other"),
        "product": QCoreApplication.translate("Labels", "Product"),
        "package": QCoreApplication.translate("Labels", "Package"),
    }
    return names.get(code, code)


def kind_name(code: str) -> str:
    names = {
        "service": QCoreApplication.translate("Labels", "Service"),
        "product": QCoreApplication.translate("Labels", "Product"),
    }
    return names.get(code, code)


def method_name(code: str) -> str:
    names = {
        "cash": QCoreApplication.translate("Labels", "Cash"),
        "wechat": QCoreApplication.translate("Labels", "WeChat Pay"),
        "alipay": QCoreApplication.translate("Labels", "Alipay"),
        "card": QCoreApplication.translate("Labels", "Bank card"),
        "stored_value": QCoreApplication.translate("Labels", "Stored-value card"),
        "other": QCoreApplication.translate("Labels", "Other"),
    }
    return names.get(code, code)


def role_name(code: str) -> str:
    names = {
        "owner": QCoreApplication.translate("Labels", "Owner"),
        "cashier": QCoreApplication.translate("Labels", "Cashier"),
        "technician": QCoreApplication.translate("Labels", "Technician"),
    }
    return names.get(code, code)


def gender_name(code: str) -> str:
    names = {
        "": QCoreApplication.translate("Labels", "Not given"),
        "female": QCoreApplication.translate("Labels", "Female"),
        "male": QCoreApplication.translate("Labels", "Male"),
    }
    return names.get(code, code)


def region_name(code: str) -> str:
    names = {
        "": QCoreApplication.translate("Labels", "Not given"),
        "city": QCoreApplication.translate("Labels", "City"),
        "county": QCoreApplication.translate("Labels", "County town"),
        "township": QCoreApplication.translate("Labels", "Township"),
    }
    return names.get(code, code)


def skin_name(code: str) -> str:
    names = {
        "": QCoreApplication.translate("Labels", "Not given"),
        "oily": QCoreApplication.translate("Labels", "Oily"),
        "dry": QCoreApplication.translate("Labels", "Dry"),
        "combination": QCoreApplication.translate("Labels", "Combination"),
        "normal": QCoreApplication.translate("Labels", "Normal"),
        "sensitive": QCoreApplication.translate("Labels", "Sensitive"),
    }
    return names.get(code, code)


def consent_name(purpose: str) -> str:
    names = {
        "keep_file": QCoreApplication.translate("Labels", "Keep the customer file"),
        "marketing": QCoreApplication.translate("Labels", "Marketing contact"),
        "health": QCoreApplication.translate("Labels", "Health notes (allergies, skin)"),
    }
    return names.get(purpose, purpose)


def points_kind_name(kind: str) -> str:
    names = {
        "earn": QCoreApplication.translate("Labels", "Earned"),
        "redeem": QCoreApplication.translate("Labels", "Redeemed"),
        "referral": QCoreApplication.translate("Labels", "Referral bonus"),
        "birthday": QCoreApplication.translate("Labels", "Birthday bonus"),
        "gift": QCoreApplication.translate("Labels", "Gift"),
        "expire": QCoreApplication.translate("Labels", "Expired"),
        "refund": QCoreApplication.translate("Labels", "Refund reversal"),
        "manual": QCoreApplication.translate("Labels", "Manual adjustment"),
        "merge": QCoreApplication.translate("Labels", "Merged files"),
    }
    return names.get(kind, kind)


def points_reason_text(reason: str) -> str:
    """A ledger reason: the program's own codes in the reader's language, typed ones as typed."""
    parsed = parse_reason(reason)
    if parsed is None:
        return reason
    code, param = parsed
    texts = {
        ledger_reasons.YEARLY_RESET: QCoreApplication.translate("Labels", "Yearly reset {param}"),
        ledger_reasons.LAPSED: QCoreApplication.translate("Labels", "Membership lapsed"),
        ledger_reasons.REINSTATED: QCoreApplication.translate("Labels", "Membership reinstated"),
        ledger_reasons.ERASED: QCoreApplication.translate("Labels", "Customer data erased"),
        ledger_reasons.REFUND_RETURNED: QCoreApplication.translate("Labels", "Redeemed points returned"),
        ledger_reasons.REFUND_TAKEN_BACK: QCoreApplication.translate("Labels", "Earned points taken back"),
        ledger_reasons.MERGED_INTO: QCoreApplication.translate("Labels", "Moved to customer file {param}"),
        ledger_reasons.MERGED_FROM: QCoreApplication.translate("Labels", "Moved from customer file {param}"),
        ledger_reasons.REFERRAL: QCoreApplication.translate("Labels", "Referred customer file {param}"),
    }
    return texts.get(code, reason).format(param=param or "")


def sale_status_name(status: str) -> str:
    names = {
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "voided": QCoreApplication.translate("Labels", "Voided"),
    }
    return names.get(status, status)


def perk_name(perk: str) -> str:
    names = {
        "free_service": QCoreApplication.translate("Labels", "birthday free service"),
        "gift": QCoreApplication.translate("Labels", "birthday gift"),
    }
    return names.get(perk, perk)


def yes_no(value: bool) -> str:
    return (QCoreApplication.translate("Labels", "Yes") if value
            else QCoreApplication.translate("Labels", "No"))


def rate_name(rate_permille: int) -> str:
    """What a tier pays, as the reader says it: ``8.5折`` in Chinese, ``15% off`` in English."""
    if rate_permille >= 1000:
        return ""
    if QLocale().language() == QLocale.Language.Chinese:
        return format_rate(rate_permille)          # 折 counts what is paid, in tenths: no word-for-word match
    return QCoreApplication.translate("Labels", "{off}% off").format(off=f"{(1000 - rate_permille) / 10:g}")


def money(fen: Fen | None) -> str:
    return "" if fen is None else format_fen(fen)


def when(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


def booking_status_name(code: str) -> str:
    names = {
        "booked": QCoreApplication.translate("Labels", "Booked"),
        "checked_in": QCoreApplication.translate("Labels", "Checked in"),
        "completed": QCoreApplication.translate("Labels", "Completed"),
        "cancelled": QCoreApplication.translate("Labels", "Cancelled"),
        "no_show": QCoreApplication.translate("Labels", "No-show"),
    }
    return names.get(code, code)


def clock(value: datetime | time | None) -> str:
    """A time of day as the book shows it: 10:30."""
    return "" if value is None else value.strftime("%H:%M")


def weekday_name(weekday: int) -> str:
    """Monday = 0, as ``date.weekday()`` counts: 星期一 … 星期日."""
    names = (QCoreApplication.translate("Labels", "Monday"), QCoreApplication.translate("Labels", "Tuesday"),
             QCoreApplication.translate("Labels", "Wednesday"), QCoreApplication.translate("Labels", "Thursday"),
             QCoreApplication.translate("Labels", "Friday"), QCoreApplication.translate("Labels", "Saturday"),
             QCoreApplication.translate("Labels", "Sunday"))
    return names[weekday] if isinstance(weekday, int) and 0 <= weekday < 7 else ""
