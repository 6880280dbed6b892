"""Names of the care codes (task types, outcomes, complaint categories...) in the reader's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def task_type_name(code: str) -> str:
    return {
        "visit_aftercare": QCoreApplication.translate("CareLabels", "Visit follow-up"), "product_check": QCoreApplication.translate("CareLabels", "Product check"),
        "inactive": QCoreApplication.translate("CareLabels", "Not seen for a while"), "birthday": QCoreApplication.translate("CareLabels", "Birthday greeting"),
        "complaint": QCoreApplication.translate("CareLabels", "Complaint call"), "complaint_resolved": QCoreApplication.translate("CareLabels", "Complaint satisfaction call"),
        "care_cycle": QCoreApplication.translate("CareLabels", "Due for their usual service"),
        "package_expiry": QCoreApplication.translate("CareLabels", "Package expiring"),
    }.get(code, code)


TASK_TYPES = ("visit_aftercare", "product_check", "complaint", "complaint_resolved", "inactive", "birthday",
              "care_cycle", "package_expiry")
OUTCOMES = ("reached", "no_answer", "wrong_number", "declined")
CATEGORIES = ("attitude", "technique", "result", "product", "price", "environment", "other")
CHANNELS = ("in_person", "phone", "wechat", "online_review", "other")
REMEDIES = ("apology", "refund", "redo", "free_upgrade", "gift", "points")
VALUE_CLASSES = ("key", "potential", "stable", "at_risk")


def outcome_name(code: str) -> str:
    return {"reached": QCoreApplication.translate("CareLabels", "Reached"), "no_answer": QCoreApplication.translate("CareLabels", "No answer"), "wrong_number": QCoreApplication.translate("CareLabels", "Wrong number"),
            "declined": QCoreApplication.translate("CareLabels", "Declined"),
            "settled": QCoreApplication.translate("CareLabels", "Settled (extended or refunded)")}.get(code, code)


def category_name(code: str) -> str:
    return {"attitude": QCoreApplication.translate("CareLabels", "Service attitude"), "technique": QCoreApplication.translate("CareLabels", "Technique"), "result": QCoreApplication.translate("CareLabels", "Result"),
            "product": QCoreApplication.translate("CareLabels", "Product"), "price": QCoreApplication.translate("CareLabels", "Price"), "environment": QCoreApplication.translate("CareLabels", "Environment"),
            "other": QCoreApplication.translate("CareLabels", "Other")}.get(code, code)


def channel_name(code: str) -> str:
    return {"in_person": QCoreApplication.translate("CareLabels", "In the shop"), "phone": QCoreApplication.translate("CareLabels", "Phone"), "wechat": QCoreApplication.translate("CareLabels", "WeChat"),
            "online_review": QCoreApplication.translate("CareLabels", "Online review"), "other": QCoreApplication.translate("CareLabels", "Other")}.get(code, code)


def remedy_name(code: str) -> str:
    return {"refund": QCoreApplication.translate("CareLabels", "Refund"), "redo": QCoreApplication.translate("CareLabels", "Free redo"), "free_upgrade": QCoreApplication.translate("CareLabels", "Free upgrade"),
            "gift": QCoreApplication.translate("CareLabels", "Gift"), "points": QCoreApplication.translate("CareLabels", "Points"), "apology": QCoreApplication.translate("CareLabels", "Apology")}.get(code, code)


def value_class_name(code: str) -> str:
    return {"key": QCoreApplication.translate("CareLabels", "Key customers"), "potential": QCoreApplication.translate("CareLabels", "Potential customers"), "stable": QCoreApplication.translate("CareLabels", "Stable customers"),
            "at_risk": QCoreApplication.translate("CareLabels", "At-risk customers")}.get(code, code)


def mark_name(code: str) -> str:
    return {"pending": QCoreApplication.translate("CareLabels", "not yet due"), "overdue": QCoreApplication.translate("CareLabels", "OVERDUE"), "on_time": QCoreApplication.translate("CareLabels", "on time"),
            "late": QCoreApplication.translate("CareLabels", "late")}.get(code, code)
