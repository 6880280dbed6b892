"""Receipt records built by hand: the worked example of the PDF tests, and its variations."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from salon_desk.records import ReceiptLine, ReceiptPayment, ReceiptRecord, RefundInfo, ShopHeader

SHOP = ShopHeader("丽人坊", "杭州市西湖路1号", "0571-88886666", "谢谢惠顾，欢迎再次光临！")
AT = datetime(2026, 11, 22, 10, 0)


def gold_sale(**changes) -> ReceiptRecord:
    """Gold member 张三, ¥268 cut + ¥128 care, 300 points, cash ¥400 (the PDF tests' example)."""
    record = ReceiptRecord(
        sale_id=1, receipt_no="20261122-0001", created_at=AT, shop=SHOP, cashier_name="小美",
        customer_id=1, customer_name="张三", customer_erased=False, phone_masked="138****5678",
        member_no="M000001", tier="gold",
        lines=(
            ReceiptLine(1, "service", "C01", "精剪", "王师傅", 1, 26800, 26800, 800, 5360, 0, 21440, 203,
                        "短发，刘海不要太短"),
            ReceiptLine(2, "service", "W01", "洗护", "王师傅", 1, 12800, 12800, 800, 2560, 0, 10240, 97, ""),
        ),
        list_total_fen=39600, member_discount_fen=7920, birthday_discount_fen=0, points_redeemed=300,
        points_discount_fen=300, amount_due_fen=31380,
        payments=(ReceiptPayment("cash", 31380, 40000, 8620),),
        points_earned=313, points_balance=1013, promoted_to=None, enrolled=False, enrolment_offered=False,
        status="completed")
    return replace(record, **changes)


def wechat_walk_in(**changes) -> ReceiptRecord:
    record = gold_sale(customer_id=None, customer_name=None, phone_masked="", member_no=None, tier=None,
                       lines=(ReceiptLine(3, "service", "H01", "洗剪吹", "李师傅", 1, 6800, 6800, 1000, 0, 0, 6800, 0,
                                          ""),),
                       list_total_fen=6800, member_discount_fen=0, points_redeemed=0, points_discount_fen=0,
                       amount_due_fen=6800, payments=(ReceiptPayment("wechat", 6800, None, 0),),
                       points_earned=0, points_balance=None)
    return replace(record, **changes)


def refunded(kind: str = "refund", method: str = "cash") -> tuple[ReceiptRecord, RefundInfo]:
    refund = RefundInfo(7, kind, datetime(2026, 11, 22, 15, 30), "小美", "老板", "过敏", 10240, method, 0, 102, (2,))
    record = gold_sale(refunds=(refund,), status="voided" if kind == "void" else "completed")
    return record, refund
