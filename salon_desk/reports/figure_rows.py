"""The monthly figures as labelled tables, once, for the PDF, the XLSX and the CSV alike.

Each value keeps its kind (money in fen, a count, points, a rate) so the PDF
prints ``￥1,234.50`` while the spreadsheet gets the number 1234.50.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..care_figures import DEFINITIONS as CARE_DEFINITIONS, CareReport, Mean
from ..complaints import CATEGORY_ZH
from ..followups import TYPE_ZH
from ..report_figures import MonthlyFigures, Rate
from ..segments import VALUE_CLASS_ZH, ValueClass
from . import labels
from .labels import yen


@dataclass(frozen=True)
class Value:
    raw: object                    # int (fen / count / points), Rate, or str
    kind: str                      # fen / count / points / rate / text

    def text(self) -> str:
        """As printed on the PDF."""
        if self.kind == "fen":
            return yen(self.raw)
        if self.kind in ("count", "points"):
            return f"{self.raw:,}"
        if self.kind == "rate":
            return self.raw.percent()
        return str(self.raw)

    def number(self):
        """As written to a spreadsheet: yuan as Decimal, counts as int, a rate as a fraction."""
        if self.kind == "fen":
            return Decimal(self.raw) / 100
        if self.kind == "rate":
            value = self.raw.value
            return None if value is None else round(value, 4)
        return self.raw

    def plain(self) -> str:
        """As written to CSV: ``1234.50``, ``12``, ``23.5%``."""
        if self.kind == "fen":
            sign = "-" if self.raw < 0 else ""
            return f"{sign}{abs(self.raw) // 100}.{abs(self.raw) % 100:02d}"
        if self.kind == "rate":
            return self.raw.percent()
        return str(self.raw)


def fen(v: int) -> Value:
    return Value(v, "fen")


def count(v: int) -> Value:
    return Value(v, "count")


def points(v: int) -> Value:
    return Value(v, "points")


def text(v: str) -> Value:
    return Value(v, "text")


@dataclass(frozen=True)
class Section:
    key: str                       # sheet / CSV section id
    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    total: tuple[Value, ...] | None = None


def revenue_section(f: MonthlyFigures) -> Section:
    r = f.revenue
    rows = [
        ("标价合计", fen(r.list_total_fen)),
        ("会员折扣", fen(-r.member_discount_fen)),
        ("生日优惠", fen(-r.birthday_discount_fen)),
        ("积分抵扣", fen(-r.points_discount_fen)),
        ("应收合计（折后）", fen(r.amount_due_fen)),
        (f"退款（{r.refunds} 笔）", fen(-r.refunds_fen)),
        ("实收净额", fen(r.net_fen)),
        ("小票数", count(r.receipts)),
        ("平均客单价", fen(r.average_ticket_fen)),
        (f"作废单（{r.voids} 笔，不计入收入）", fen(r.voids_fen)),
    ]
    return Section("revenue", "营业收入", ("项目", "金额 / 数量"), tuple((text(a), b) for a, b in rows))


def methods_section(f: MonthlyFigures) -> Section:
    rows = tuple((text(labels.method(m.method)), fen(m.received_fen), fen(m.refunded_fen), fen(m.net_fen))
                 for m in f.methods)
    total = (text("合计"), fen(sum(m.received_fen for m in f.methods)),
             fen(sum(m.refunded_fen for m in f.methods)), fen(sum(m.net_fen for m in f.methods)))
    return Section("methods", "收款方式", ("收款方式", "收款", "退款", "净额"), rows, total)


def days_section(f: MonthlyFigures) -> Section:
    rows = tuple((text(f"{d.day:%m-%d}"), count(d.receipts), fen(d.amount_due_fen), fen(d.refunds_fen),
                  fen(d.net_fen)) for d in f.days)
    total = (text("合计"), count(sum(d.receipts for d in f.days)), fen(sum(d.amount_due_fen for d in f.days)),
             fen(sum(d.refunds_fen for d in f.days)), fen(sum(d.net_fen for d in f.days)))
    return Section("days", "每日营业", ("日期", "小票数", "应收", "退款", "实收"), rows, total)


def categories_section(f: MonthlyFigures) -> Section:
    rows = tuple((text(labels.category(c.category)), count(c.quantity), fen(c.list_fen), fen(c.sales_fen),
                  fen(c.refunded_fen), fen(c.net_fen)) for c in f.categories)
    cs = f.categories
    total = (text("合计"), count(sum(c.quantity for c in cs)), fen(sum(c.list_fen for c in cs)),
             fen(sum(c.sales_fen for c in cs)), fen(sum(c.refunded_fen for c in cs)), fen(sum(c.net_fen for c in cs)))
    return Section("categories", "项目分类", ("分类", "数量", "标价金额", "折后金额", "退款", "净额"), rows, total)


def services_section(f: MonthlyFigures) -> Section:
    rows = tuple((count(i), text(s.name), text(labels.category(s.category)), count(s.quantity), fen(s.sales_fen))
                 for i, s in enumerate(f.top_services, start=1))
    return Section("services", f"热门服务（前 {len(rows)} 名）", ("排名", "服务项目", "分类", "次数", "折后金额"), rows)


def technicians_section(f: MonthlyFigures) -> Section:
    ts = f.technicians
    rows = tuple((text(t.name or "（未指定技师）"), count(t.services), count(t.customers), fen(t.sales_fen),
                  fen(t.refunded_fen), fen(t.net_fen)) for t in ts)
    total = (text("合计"), count(sum(t.services for t in ts)), text(""), fen(sum(t.sales_fen for t in ts)),
             fen(sum(t.refunded_fen for t in ts)), fen(sum(t.net_fen for t in ts)))
    return Section("technicians", "技师业绩",
                   ("技师", "服务次数", "服务顾客", "业绩（折后）", "退款", "净业绩"), rows, total)


def customers_section(f: MonthlyFigures) -> Section:
    c = f.customers
    rows = [
        ("到店人次", count(c.visits)),
        ("　其中会员", count(c.member_visits)),
        ("　其中散客（未建档）", count(c.walk_in_visits)),
        ("到店客户数（去重）", count(c.distinct_customers)),
        ("新客户", count(c.new_customers)),
        ("　其中老客户介绍", count(c.referred_new_customers)),
        ("新入会会员", count(c.new_members)),
        ("会员升级", count(c.promotions)),
        ("流失会员（会员资格失效）", count(c.lapsed_members)),
        ("期末会员总数", count(c.members_total)),
    ]
    return Section("customers", "客户", ("项目", "人数 / 人次"), tuple((text(a), b) for a, b in rows))


def tiers_section(f: MonthlyFigures) -> Section:
    rows = tuple((text(labels.tier(t)), count(n)) for t, n in f.customers.members_by_tier)
    return Section("tiers", "期末会员等级分布", ("等级", "人数"), rows,
                   (text("合计"), count(f.customers.members_total)))


def points_section(f: MonthlyFigures) -> Section:
    p = f.points
    rows = [
        ("期初积分余额", points(p.opening_balance)),
        ("本期发放（消费、生日加倍、推荐奖励）", points(p.earned)),
        ("本期抵扣及礼品兑换", points(-p.redeemed)),
        ("本期过期清零", points(-p.expired)),
        ("其他调整（退款冲回、手工、合并）", points(p.adjusted)),
        ("期末积分余额", points(p.closing_balance)),
    ]
    out = [(text(a), b) for a, b in rows]
    out.append((text(f"期末积分折合金额（{p.per_yuan_redeemed} 分 = ￥1，负债）"), fen(p.closing_value_fen)))
    return Section("points", "积分", ("项目", "积分 / 金额"), tuple(out))


def key_section(f: MonthlyFigures) -> Section:
    k = f.key
    target = f"不低于 {k.referral_target_permille / 10:g}%"
    rows = (
        (text("复购率"), Value(k.repurchase, "rate"), text(f"{k.repurchase.numerator} / {k.repurchase.denominator}"),
         text("")),
        (text("转介绍率"), Value(k.referral, "rate"), text(f"{k.referral.numerator} / {k.referral.denominator}"),
         text(target)),
    )
    return Section("key", "关键指标", ("指标", "本期", "分子 / 分母", "目标"), rows)


def prepaid_section(f: MonthlyFigures) -> Section:
    p = f.prepaid
    if p is None:
        return Section("prepaid", "储值卡与次卡", ("项目", "金额 / 数量"), ())
    rows = [
        (f"充值收款（{p.topups} 笔，预收款，不计营业收入）", fen(p.topup_principal_fen)),
    ]
    rows += [(f"　{labels.method(m)}", fen(v)) for m, v in p.topup_methods]
    rows += [
        ("充值赠送金额", fen(p.topup_bonus_fen)),
        ("储值卡消费（卡耗）", fen(p.card_spent_fen)),
        ("　其中本金", fen(p.card_spent_principal_fen)),
        ("　其中赠送金", fen(p.card_spent_bonus_fen)),
        (f"次卡销售（{p.packages_sold} 张，计入当日营业收入）", fen(p.packages_sold_fen)),
        (f"次卡消耗（{p.sessions_used} 次，按实际价值，卡耗）", fen(p.sessions_consumed_fen)),
        ("　次卡消耗按标价", fen(p.sessions_list_fen)),
        (f"预付款退款（{p.balance_refunds} 笔，含利息）", fen(p.balance_refunds_fen)),
        ("赠送金核销", fen(p.bonus_written_off_fen)),
        ("期末储值余额：本金（负债）", fen(p.closing_principal_fen)),
        ("期末储值余额：赠送金", fen(p.closing_bonus_fen)),
        ("期末次卡剩余次数", count(p.closing_sessions)),
        ("期末次卡剩余价值（按实际价值，负债）", fen(p.closing_sessions_fen)),
    ]
    return Section("prepaid", "储值卡与次卡", ("项目", "金额 / 数量"), tuple((text(a), b) for a, b in rows))


def appointments_section(f: MonthlyFigures) -> Section:
    a = f.appointments
    if a is None:
        return Section("appointments", "预约", ("项目", "数量 / 比例"), ())
    rows = [
        ("预约数（按预约时间）", count(a.booked)),
        ("　已完成", count(a.completed)),
        ("　已取消", count(a.cancelled)),
        ("　爽约", count(a.no_shows)),
        ("爽约率（爽约 ÷ 未取消的预约）", Value(a.no_show_rate, "rate")),
        ("预约到店占比（预约到店 ÷ 到店人次）", Value(a.booked_share, "rate")),
    ]
    return Section("appointments", "预约", ("项目", "数量 / 比例"), tuple((text(x), y) for x, y in rows))


def appointment_technicians_section(f: MonthlyFigures) -> Section:
    ts = f.appointments.technicians if f.appointments is not None else ()
    rows = tuple((text(t.name), count(t.booked), count(t.completed), count(t.cancelled), count(t.no_shows),
                  Value(t.no_show_rate, "rate")) for t in ts)
    return Section("appointment_technicians", "预约（按技师）",
                   ("技师", "预约数", "已完成", "已取消", "爽约", "爽约率"), rows)


DEFINITIONS = (
    "复购率：本期到店的建档客户中，在本期开始前 90 天内也曾到店消费的客户所占比例"
    "（分子：两段时间都有消费的客户数；分母：本期到店客户数，散客不计）。",
    "转介绍率：本期新客户中，由老客户介绍而来（档案登记了介绍人）的客户所占比例，目标不低于 15%。",
    "实收净额 = 应收合计 - 本期退款；应收合计 = 标价合计 - 会员折扣 - 生日优惠 - 积分抵扣。"
    "作废单不计入收入；退款按退款日期计入当期，可能属于以前月份的消费。",
    "平均客单价 = 应收合计 ÷ 小票数。期末积分折合金额为顾客尚可抵扣的金额，属于店铺负债。",
    "储值卡充值是预收款，不计入营业收入，也不计积分；储值卡消费（卡耗）计入消费当日的营业收入，收款方式中的“储值卡”不是新收到的钱。"
    "次卡在售出当日计入营业收入；次卡消耗（卡耗）按实付 ÷ 总次数计价，不再计入收入。",
)


# -- care (SPEC §8) ---------------------------------------------------------------

def _mean(m: Mean) -> Value:
    return text(m.text())


def _hours(m: Mean) -> Value:
    return text("—" if not m.count else f"{Mean(m.total, m.count * 60).text()} 小时")


def care_key_section(c: CareReport) -> Section:
    k, s, u = c.complaints, c.satisfaction, c.followups
    rows = (
        (text("投诉率"), Value(k.rate, "rate"), text(f"{k.rate.numerator} / {k.rate.denominator}"), text("低于 5%")),
        (text("24 小时内首次回应率"), Value(k.responded_in_time, "rate"),
         text(f"{k.responded_in_time.numerator} / {k.responded_in_time.denominator}"), text("100%")),
        (text("回访按时完成率"), Value(u.on_time_rate, "rate"), text(f"{u.done_on_time} / {u.due}"), text("")),
        (text("平均满意度（回访评分）"), _mean(s.overall), text(f"{s.overall.count} 项评分"), text("满分 5")),
        (text("平均满意度（结账评分）"), _mean(s.counter), text(f"{s.counter.count} 次评分"), text("满分 5")),
    )
    return Section("care_key", "服务质量关键指标", ("指标", "本期", "分子 / 分母", "目标"), rows)


def complaints_section(c: CareReport) -> Section:
    k = c.complaints
    rows = [
        ("收到投诉", count(k.received)),
        ("投诉率（投诉 ÷ 到店人次）", Value(k.rate, "rate")),
        ("24 小时内首次回应率", Value(k.responded_in_time, "rate")),
        ("回应超时（已回应）", count(k.late_responses)),
        ("超时仍未回应", count(k.overdue_open)),
        ("平均首次回应时间", _hours(k.response_minutes)),
        ("平均解决时间", _hours(k.resolution_minutes)),
    ]
    return Section("complaints", "投诉", ("项目", "数量 / 比例"), tuple((text(a), b) for a, b in rows))


def complaint_categories_section(c: CareReport) -> Section:
    rows = tuple((text(CATEGORY_ZH[cat]), count(n)) for cat, n in c.complaints.by_category)
    return Section("complaint_categories", "投诉类别", ("类别", "投诉数"), rows,
                   (text("合计"), count(c.complaints.received)))


def complaint_technicians_section(c: CareReport) -> Section:
    rows = tuple((text(c.staff_name(t) or "（未涉及技师）"), count(n)) for t, n in c.complaints.by_technician)
    return Section("complaint_technicians", "投诉（按技师）", ("技师", "投诉数"), rows)


def satisfaction_section(c: CareReport) -> Section:
    s = c.satisfaction
    rows = (
        (text("回访评分：综合"), _mean(s.overall), count(s.overall.count)),
        (text("　服务态度"), _mean(s.attitude), count(s.attitude.count)),
        (text("　技术水平"), _mean(s.technique), count(s.technique.count)),
        (text("　服务环境"), _mean(s.environment), count(s.environment.count)),
        (text("结账时顾客评分（单独统计）"), _mean(s.counter), count(s.counter.count)),
    )
    return Section("satisfaction", "满意度", ("项目", "平均分（满分 5）", "评分数"), rows)


def satisfaction_technicians_section(c: CareReport) -> Section:
    s = c.satisfaction
    follow = dict(s.by_technician)
    counter = dict(s.counter_by_technician)
    rows = tuple((text(c.staff_name(t)), _mean(follow.get(t, Mean(0, 0))), count(follow.get(t, Mean(0, 0)).count),
                  _mean(counter.get(t, Mean(0, 0))), count(counter.get(t, Mean(0, 0)).count))
                 for t in sorted(set(follow) | set(counter), key=lambda t: c.staff_name(t)))
    return Section("satisfaction_technicians", "满意度（按技师）",
                   ("技师", "回访评分", "回访评分数", "结账评分", "结账评分数"), rows)


def followups_section(c: CareReport) -> Section:
    u = c.followups
    rows = tuple((text(TYPE_ZH[t]), count(due), count(done), count(on_time), Value(Rate(on_time, due), "rate"))
                 for t, due, done, on_time in u.by_type)
    total = (text("合计"), count(u.due), count(u.done), count(u.done_on_time), Value(u.on_time_rate, "rate"))
    return Section("followups", "回访", ("类型", "本期到期", "已完成", "按时完成", "按时完成率"), rows, total)


def segments_section(c: CareReport) -> Section:
    rows = []
    for code, now, before in c.segment_counts:
        change = "—" if before is None else f"{now - before:+d}"
        rows.append((text(VALUE_CLASS_ZH[ValueClass(code)]), count(now),
                     count(before) if before is not None else text("—"), text(change)))
    day = f"{c.segments_as_of:%Y-%m-%d}" if c.segments_as_of else ""
    return Section("segments", f"客户分类（{day}）", ("分类", "期末人数", "上月末人数", "变化"), tuple(rows),
                   (text("合计"), count(sum(n for _, n, _ in c.segment_counts)), text(""), text("")))


def at_risk_section(c: CareReport) -> Section:
    rows = tuple((count(i), text(a.name), text(a.phone_masked), fen(a.spend_24m_fen), text(a.reason))
                 for i, a in enumerate(c.at_risk, start=1))
    return Section("at_risk", f"风险客户（近两年消费前 {len(rows)} 名）",
                   ("排名", "客户", "电话", "近两年消费", "原因"), rows)


def care_sections(f: MonthlyFigures) -> list[Section]:
    c = f.care
    if c is None:
        return []
    out = [care_key_section(c), complaints_section(c), complaint_categories_section(c),
           complaint_technicians_section(c), satisfaction_section(c), satisfaction_technicians_section(c),
           followups_section(c)]
    if c.segment_counts:
        out += [segments_section(c), at_risk_section(c)]
    return out


def definitions(f: MonthlyFigures) -> tuple[str, ...]:
    """The sentences printed under the tables: the shop's, the care figures', and the segment rules."""
    extra = CARE_DEFINITIONS + (f.care.segment_rules if f.care is not None else ())
    return DEFINITIONS + extra


def all_sections(f: MonthlyFigures) -> list[Section]:
    return [revenue_section(f), methods_section(f), categories_section(f), services_section(f),
            technicians_section(f), customers_section(f), tiers_section(f), points_section(f),
            prepaid_section(f), appointments_section(f), appointment_technicians_section(f), key_section(f),
            *care_sections(f), days_section(f)]
