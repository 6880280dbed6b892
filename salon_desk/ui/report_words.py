"""The report page's words in the window's language.

The figures' sections (``reports.figure_rows``) are written once, in Chinese,
for the PDF, the XLSX and the CSV (the shop's records stay Chinese). The window
shows the same sections with every title, heading, row label and footnote put
through ``tr()`` here. A label with numbers in it (``退款（2 笔）``) is looked up
with its numbers taken out (``退款（{0} 笔）``) and they are put back into the
translation; a sentence that is not known whole is translated piece by piece
between its ``：`` and ``；``. What is not a label (a customer's or a service's
name) has no entry and is shown as it is.

In Chinese each entry's translation is the Chinese it stands for, so the page
reads exactly like the PDF; a test checks that for every section.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

from ..reports.figure_rows import Section, Value

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
INDENT = "　"        # a full-width space: the PDF's sub-row indent




def _table() -> dict[str, str]:
    """Chinese template -> the window's words. Numbers in a template are {0}, {1}… in order."""
    return {
        # section titles
        "营业收入": QCoreApplication.translate("ReportWords", "Revenue"),
        "收款方式": QCoreApplication.translate("ReportWords", "Payment methods"),
        "每日营业": QCoreApplication.translate("ReportWords", "Day by day"),
        "项目分类": QCoreApplication.translate("ReportWords", "Categories"),
        "热门服务（前 {0} 名）": QCoreApplication.translate("ReportWords", "Top services (top {0})"),
        "技师业绩": QCoreApplication.translate("ReportWords", "Technicians"),
        "客户": QCoreApplication.translate("ReportWords", "Customers"),
        "期末会员等级分布": QCoreApplication.translate("ReportWords", "Members by tier at the end"),
        "积分": QCoreApplication.translate("ReportWords", "Points"),
        "关键指标": QCoreApplication.translate("ReportWords", "Key figures"),
        "储值卡与次卡": QCoreApplication.translate("ReportWords", "Stored-value cards and packages"),
        "预约": QCoreApplication.translate("ReportWords", "Appointments"),
        "预约（按技师）": QCoreApplication.translate("ReportWords", "Appointments by technician"),
        "服务质量关键指标": QCoreApplication.translate("ReportWords", "Service quality: key figures"),
        "投诉": QCoreApplication.translate("ReportWords", "Complaints"),
        "投诉类别": QCoreApplication.translate("ReportWords", "Complaints by category"),
        "投诉（按技师）": QCoreApplication.translate("ReportWords", "Complaints by technician"),
        "满意度": QCoreApplication.translate("ReportWords", "Satisfaction"),
        "满意度（按技师）": QCoreApplication.translate("ReportWords", "Satisfaction by technician"),
        "回访": QCoreApplication.translate("ReportWords", "Follow-ups"),
        "客户分类（{0}-{1}-{2}）": QCoreApplication.translate("ReportWords", "Customer classes ({0}-{1}-{2})"),
        "客户分类（）": QCoreApplication.translate("ReportWords", "Customer classes"),
        "风险客户（近两年消费前 {0} 名）": QCoreApplication.translate("ReportWords", "At-risk customers (top {0} by two years' spend)"),
        # column headings
        "项目": QCoreApplication.translate("ReportWords", "Item"),
        "金额 / 数量": QCoreApplication.translate("ReportWords", "Amount / count"),
        "收款": QCoreApplication.translate("ReportWords", "Received"),
        "退款": QCoreApplication.translate("ReportWords", "Refunded"),
        "净额": QCoreApplication.translate("ReportWords", "Net"),
        "日期": QCoreApplication.translate("ReportWords", "Date"),
        "小票数": QCoreApplication.translate("ReportWords", "Receipts"),
        "应收": QCoreApplication.translate("ReportWords", "Due"),
        "实收": QCoreApplication.translate("ReportWords", "Received net"),
        "分类": QCoreApplication.translate("ReportWords", "Category"),
        "数量": QCoreApplication.translate("ReportWords", "Quantity"),
        "标价金额": QCoreApplication.translate("ReportWords", "At list price"),
        "折后金额": QCoreApplication.translate("ReportWords", "After discounts"),
        "排名": QCoreApplication.translate("ReportWords", "Rank"),
        "服务项目": QCoreApplication.translate("ReportWords", "Service"),
        "次数": QCoreApplication.translate("ReportWords", "Times"),
        "技师": QCoreApplication.translate("ReportWords", "Technician"),
        "服务次数": QCoreApplication.translate("ReportWords", "Services"),
        "服务顾客": QCoreApplication.translate("ReportWords", "Customers served"),
        "业绩（折后）": QCoreApplication.translate("ReportWords", "Sales (after discounts)"),
        "净业绩": QCoreApplication.translate("ReportWords", "Net sales"),
        "人数 / 人次": QCoreApplication.translate("ReportWords", "People / visits"),
        "等级": QCoreApplication.translate("ReportWords", "Tier"),
        "人数": QCoreApplication.translate("ReportWords", "People"),
        "积分 / 金额": QCoreApplication.translate("ReportWords", "Points / amount"),
        "指标": QCoreApplication.translate("ReportWords", "Figure"),
        "本期": QCoreApplication.translate("ReportWords", "This period"),
        "分子 / 分母": QCoreApplication.translate("ReportWords", "Numerator / denominator"),
        "目标": QCoreApplication.translate("ReportWords", "Target"),
        "数量 / 比例": QCoreApplication.translate("ReportWords", "Count / share"),
        "预约数": QCoreApplication.translate("ReportWords", "Booked"),
        "已完成": QCoreApplication.translate("ReportWords", "Completed"),
        "已取消": QCoreApplication.translate("ReportWords", "Cancelled"),
        "爽约": QCoreApplication.translate("ReportWords", "No-shows"),
        "爽约率": QCoreApplication.translate("ReportWords", "No-show rate"),
        "类别": QCoreApplication.translate("ReportWords", "Kind"),
        "投诉数": QCoreApplication.translate("ReportWords", "Number of complaints"),
        "平均分（满分 {0}）": QCoreApplication.translate("ReportWords", "Average (out of {0})"),
        "评分数": QCoreApplication.translate("ReportWords", "Ratings"),
        "回访评分": QCoreApplication.translate("ReportWords", "Follow-up rating"),
        "回访评分数": QCoreApplication.translate("ReportWords", "Follow-up ratings"),
        "结账评分": QCoreApplication.translate("ReportWords", "Checkout rating"),
        "结账评分数": QCoreApplication.translate("ReportWords", "Checkout ratings"),
        "类型": QCoreApplication.translate("ReportWords", "Type"),
        "本期到期": QCoreApplication.translate("ReportWords", "Due this period"),
        "按时完成": QCoreApplication.translate("ReportWords", "Done on time"),
        "按时完成率": QCoreApplication.translate("ReportWords", "On-time rate"),
        "期末人数": QCoreApplication.translate("ReportWords", "At the end"),
        "上月末人数": QCoreApplication.translate("ReportWords", "A month before"),
        "变化": QCoreApplication.translate("ReportWords", "Change"),
        "电话": QCoreApplication.translate("ReportWords", "Phone"),
        "近两年消费": QCoreApplication.translate("ReportWords", "Spent in two years"),
        "原因": QCoreApplication.translate("ReportWords", "Why"),
        # rows
        "合计": QCoreApplication.translate("ReportWords", "Total"),
        "标价合计": QCoreApplication.translate("ReportWords", "List total"),
        "会员折扣": QCoreApplication.translate("ReportWords", "Member discounts"),
        "生日优惠": QCoreApplication.translate("ReportWords", "Birthday discounts"),
        "积分抵扣": QCoreApplication.translate("ReportWords", "Paid with points"),
        "应收合计（折后）": QCoreApplication.translate("ReportWords", "Due (after discounts)"),
        "退款（{0} 笔）": QCoreApplication.translate("ReportWords", "Refunds ({0})"),
        "实收净额": QCoreApplication.translate("ReportWords", "Net received"),
        "平均客单价": QCoreApplication.translate("ReportWords", "Average ticket"),
        "作废单（{0} 笔，不计入收入）": QCoreApplication.translate("ReportWords", "Voided receipts ({0}, not revenue)"),
        "（未指定技师）": QCoreApplication.translate("ReportWords", "(no technician)"),
        "到店人次": QCoreApplication.translate("ReportWords", "Visits"),
        "其中会员": QCoreApplication.translate("ReportWords", "of which members"),
        "其中散客（未建档）": QCoreApplication.translate("ReportWords", "of which walk-ins (no file)"),
        "到店客户数（去重）": QCoreApplication.translate("ReportWords", "Customers (each once)"),
        "新客户": QCoreApplication.translate("ReportWords", "New customers"),
        "其中老客户介绍": QCoreApplication.translate("ReportWords", "of which referred by a customer"),
        "新入会会员": QCoreApplication.translate("ReportWords", "New members"),
        "会员升级": QCoreApplication.translate("ReportWords", "Members moved up a tier"),
        "流失会员（会员资格失效）": QCoreApplication.translate("ReportWords", "Members lapsed"),
        "期末会员总数": QCoreApplication.translate("ReportWords", "Members at the end"),
        "期初积分余额": QCoreApplication.translate("ReportWords", "Points balance at the start"),
        "本期发放（消费、生日加倍、推荐奖励）": QCoreApplication.translate("ReportWords", "Given (purchases, birthday double, referrals)"),
        "本期抵扣及礼品兑换": QCoreApplication.translate("ReportWords", "Redeemed (payments and gifts)"),
        "本期过期清零": QCoreApplication.translate("ReportWords", "Expired"),
        "其他调整（退款冲回、手工、合并）": QCoreApplication.translate("ReportWords", "Other changes (refunds, by hand, merges)"),
        "期末积分余额": QCoreApplication.translate("ReportWords", "Points balance at the end"),
        "期末积分折合金额（{0} 分 = ￥{1}，负债）": QCoreApplication.translate("ReportWords", "Points at the end in money ({0} points = ¥{1}; owed)"),
        "复购率": QCoreApplication.translate("ReportWords", "Repurchase rate"),
        "转介绍率": QCoreApplication.translate("ReportWords", "Referral rate"),
        "不低于 {0}%": QCoreApplication.translate("ReportWords", "at least {0}%"),
        "充值收款（{0} 笔，预收款，不计营业收入）": QCoreApplication.translate("ReportWords", "Card top-ups received ({0}; prepaid, not revenue)"),
        "充值赠送金额": QCoreApplication.translate("ReportWords", "Bonus given with top-ups"),
        "储值卡消费（卡耗）": QCoreApplication.translate("ReportWords", "Spent from cards"),
        "其中本金": QCoreApplication.translate("ReportWords", "of which principal"),
        "其中赠送金": QCoreApplication.translate("ReportWords", "of which bonus"),
        "次卡销售（{0} 张，计入当日营业收入）": QCoreApplication.translate("ReportWords", "Packages sold ({0}; revenue on the day sold)"),
        "次卡消耗（{0} 次，按实际价值，卡耗）": QCoreApplication.translate("ReportWords", "Package sessions used ({0}, at the value paid)"),
        "次卡消耗按标价": QCoreApplication.translate("ReportWords", "Package sessions used at list price"),
        "预付款退款（{0} 笔，含利息）": QCoreApplication.translate("ReportWords", "Prepaid money refunded ({0}, interest included)"),
        "赠送金核销": QCoreApplication.translate("ReportWords", "Bonus written off"),
        "期末储值余额：本金（负债）": QCoreApplication.translate("ReportWords", "Card balances at the end: principal (owed)"),
        "期末储值余额：赠送金": QCoreApplication.translate("ReportWords", "Card balances at the end: bonus"),
        "期末次卡剩余次数": QCoreApplication.translate("ReportWords", "Package sessions left at the end"),
        "期末次卡剩余价值（按实际价值，负债）": QCoreApplication.translate("ReportWords", "Package sessions left at the end, at the value paid (owed)"),
        "预约数（按预约时间）": QCoreApplication.translate("ReportWords", "Appointments (by their time)"),
        "爽约率（爽约 ÷ 未取消的预约）": QCoreApplication.translate("ReportWords", "No-show rate (no-shows ÷ appointments not cancelled)"),
        "预约到店占比（预约到店 ÷ 到店人次）": QCoreApplication.translate("ReportWords", "Booked share of visits (booked visits ÷ visits)"),
        "投诉率": QCoreApplication.translate("ReportWords", "Complaint rate"),
        "低于 {0}%": QCoreApplication.translate("ReportWords", "below {0}%"),
        "{0} 小时内首次回应率": QCoreApplication.translate("ReportWords", "Answered within {0} hours"),
        "回访按时完成率": QCoreApplication.translate("ReportWords", "Follow-ups done on time"),
        "平均满意度（回访评分）": QCoreApplication.translate("ReportWords", "Average satisfaction (follow-up ratings)"),
        "平均满意度（结账评分）": QCoreApplication.translate("ReportWords", "Average satisfaction (checkout ratings)"),
        "{0} 项评分": QCoreApplication.translate("ReportWords", "{0} ratings"),
        "{0} 次评分": QCoreApplication.translate("ReportWords", "{0} ratings at checkout"),
        "满分 {0}": QCoreApplication.translate("ReportWords", "out of {0}"),
        "收到投诉": QCoreApplication.translate("ReportWords", "Complaints received"),
        "投诉率（投诉 ÷ 到店人次）": QCoreApplication.translate("ReportWords", "Complaint rate (complaints ÷ visits)"),
        "回应超时（已回应）": QCoreApplication.translate("ReportWords", "Answered late"),
        "超时仍未回应": QCoreApplication.translate("ReportWords", "Overdue, not answered"),
        "平均首次回应时间": QCoreApplication.translate("ReportWords", "Average time to first answer"),
        "平均解决时间": QCoreApplication.translate("ReportWords", "Average time to resolve"),
        "{0} 小时": QCoreApplication.translate("ReportWords", "{0} hours"),
        "（未涉及技师）": QCoreApplication.translate("ReportWords", "(no technician involved)"),
        "回访评分：综合": QCoreApplication.translate("ReportWords", "Follow-up rating: overall"),
        "服务态度": QCoreApplication.translate("ReportWords", "Attitude"),
        "技术水平": QCoreApplication.translate("ReportWords", "Skill"),
        "服务环境": QCoreApplication.translate("ReportWords", "Surroundings"),
        "结账时顾客评分（单独统计）": QCoreApplication.translate("ReportWords", "Customers' ratings at checkout (counted apart)"),
        # the shop's codes as the PDF words them
        "普通会员": QCoreApplication.translate("ReportWords", "Regular member"), "银卡会员": QCoreApplication.translate("ReportWords", "Silver member"), "金卡会员": QCoreApplication.translate("ReportWords", "Gold member"),
        "钻石会员": QCoreApplication.translate("ReportWords", "Diamond member"),
        "现金": QCoreApplication.translate("ReportWords", "Cash"), "微信支付": QCoreApplication.translate("ReportWords", "WeChat Pay"), "支付宝": QCoreApplication.translate("ReportWords", "Alipay"), "银行卡": QCoreApplication.translate("ReportWords", "Bank card"),
        "储值卡": QCoreApplication.translate("ReportWords", "Stored-value card"), "其他": QCoreApplication.translate("ReportWords", "Other"),
        "美发": QCoreApplication.translate("ReportWords", "Hair"), "美容": QCoreApplication.translate("ReportWords", "Beauty"), "美甲": QCoreApplication.translate("ReportWords", "Nails"), "护肤": QCoreApplication.translate("ReportWords", "Skin care"), "产品": QCoreApplication.translate("ReportWords", "Products"),
        "技术": QCoreApplication.translate("ReportWords", "Technique"), "效果": QCoreApplication.translate("ReportWords", "Result"), "价格": QCoreApplication.translate("ReportWords", "Price"), "环境": QCoreApplication.translate("ReportWords", "Environment"),
        "服务回访": QCoreApplication.translate("ReportWords", "Aftercare call"), "产品回访": QCoreApplication.translate("ReportWords", "Product check"), "服务预警": QCoreApplication.translate("ReportWords", "Lapsing customer"),
        "生日祝福": QCoreApplication.translate("ReportWords", "Birthday wishes"), "投诉回访": QCoreApplication.translate("ReportWords", "Complaint call"),
        "投诉处理满意度回访": QCoreApplication.translate("ReportWords", "Complaint resolution call"), "护理周期提醒": QCoreApplication.translate("ReportWords", "Care cycle reminder"),
        "重点客户": QCoreApplication.translate("ReportWords", "Key customers"), "潜力客户": QCoreApplication.translate("ReportWords", "Promising customers"), "稳定客户": QCoreApplication.translate("ReportWords", "Steady customers"),
        "风险客户": QCoreApplication.translate("ReportWords", "At-risk customers"),
        # at-risk reasons
        "{0} 天未到店，平时约 {1} 天一次": QCoreApplication.translate("ReportWords", "{0} days since the last visit, usually every {1} days"),
        "{0} 天未到店，近两年只来过一天": QCoreApplication.translate("ReportWords", "{0} days since the last visit, came on one day in two years"),
        "近{0}个月到店 {1} 次，消费 ¥{2}，均偏低": QCoreApplication.translate("ReportWords", "{1} visits and ¥{2} in {0} months: both low"),
        # footnotes (reports.figure_rows.DEFINITIONS, care_figures.DEFINITIONS, segments)
        "复购率：本期到店的建档客户中，在本期开始前 {0} 天内也曾到店消费的客户所占比例"
        "（分子：两段时间都有消费的客户数；分母：本期到店客户数，散客不计）。":
            QCoreApplication.translate("ReportWords", "Repurchase rate: the share of this period's customers with a file who also bought in the {0} days "
               "before it (numerator: customers who bought in both; denominator: this period's customers, "
               "walk-ins left out)."),
        "转介绍率：本期新客户中，由老客户介绍而来（档案登记了介绍人）的客户所占比例，目标不低于 {0}%。":
            QCoreApplication.translate("ReportWords", "Referral rate: the share of this period's new customers referred by a customer (the file names "
               "who referred them); the target is at least {0}%."),
        "实收净额 = 应收合计 - 本期退款；应收合计 = 标价合计 - 会员折扣 - 生日优惠 - 积分抵扣。"
        "作废单不计入收入；退款按退款日期计入当期，可能属于以前月份的消费。":
            QCoreApplication.translate("ReportWords", "Net received = due - this period's refunds; due = list total - member discounts - birthday "
               "discounts - paid with points. Voided receipts are not revenue; a refund counts on the day it is "
               "made, and may be of an earlier month's sale."),
        "平均客单价 = 应收合计 ÷ 小票数。期末积分折合金额为顾客尚可抵扣的金额，属于店铺负债。":
            QCoreApplication.translate("ReportWords", "Average ticket = due ÷ receipts. Points at the end in money is what customers can still pay "
               "with points: the shop owes it."),
        "储值卡充值是预收款，不计入营业收入，也不计积分；储值卡消费（卡耗）计入消费当日的营业收入，收款方式中的“储值卡”不是新收到的钱。"
        "次卡在售出当日计入营业收入；次卡消耗（卡耗）按实付 ÷ 总次数计价，不再计入收入。":
            QCoreApplication.translate("ReportWords", "Card top-ups are prepaid money: not revenue and no points; what is spent from a card is revenue on "
               "the day it is spent, and \"Stored-value card\" among the payment methods is not new money. "
               "A package is revenue on the day it is sold; its sessions used are valued at the price paid ÷ "
               "sessions, and are not revenue again."),
        "投诉率 = 本月收到的投诉数 ÷ 本月到店人次（目标 < {0}%）。":
            QCoreApplication.translate("ReportWords", "Complaint rate = complaints received this month ÷ this month's visits (target below {0}%)."),
        "{0} 小时内首次回应率 = 本月收到的投诉中在首次回应时限内回应的 ÷ 已回应或已超时的投诉（尚未到时限且未回应的不计）。":
            QCoreApplication.translate("ReportWords", "Answered within {0} hours = this month's complaints answered in time ÷ complaints answered or "
               "overdue (those not yet due and not answered are left out)."),
        "平均回应 / 解决时间 = 从收到投诉到首次回应 / 解决的小时数，只计已回应 / 已解决的投诉。":
            QCoreApplication.translate("ReportWords", "Average time to answer / resolve = hours from receiving a complaint to its first answer / "
               "resolution, of answered / resolved complaints only."),
        "满意度 = 回访评分（服务态度、技术水平、服务环境，{0}–{1} 分）的平均；结账时的顾客评分单独统计。":
            QCoreApplication.translate("ReportWords", "Satisfaction = the average of follow-up ratings (attitude, technique, surroundings, {0}–{1}); "
               "customers' ratings at checkout are counted apart."),
        "回访按时完成率 = 本月到期的回访中在到期前完成的 ÷ 本月到期的回访；完成指本月底前已结束（含未接通等结果）。":
            QCoreApplication.translate("ReportWords", "Follow-ups done on time = this month's due follow-ups done by their date ÷ this month's due "
               "follow-ups; done means finished by the month's end (no answer counts)."),
        "得分按全店三分位：把客户按该项数值排序，分成三组，数值相同的客户一定在同一组（得分相同）；"
        "在所有分法中取三组人数最接近各占三分之一的一种（至少有三种不同数值时每组都有人；"
        "两种数值时分别为 {0} 分和 {1} 分，只有一种数值时都是 {2} 分）。店长也可以自行设定分段。":
            QCoreApplication.translate("ReportWords", "Scores are the shop's tertiles: customers sorted by the figure and cut into three groups, equal "
               "figures always in one group; of all such cuts the one with groups closest to a third each "
               "(with at least three different figures no group is empty; with two they score {0} and {1}, with "
               "one all score {2}). The owner may set the bands instead."),
        "重点客户：R、F、M 均为 {0} 分；风险客户：R 为 {1} 分，或 F 和 M 均为 {2} 分；"
        "稳定客户：其余客户中 F 和 M 均不低于 {3} 分；潜力客户：其余客户（近期来过，"
        "但到店次数或消费金额仍偏低，有提升空间）。":
            QCoreApplication.translate("ReportWords", "Key customers: R, F and M all {0}; at-risk customers: R is {1}, or F and M both {2}; steady "
               "customers: of the rest, F and M both at least {3}; promising customers: the rest (came "
               "lately, but few visits or little spent: room to grow)."),
        # the segment bands, piece by piece
        "R（距上次消费天数，全店三分位）": QCoreApplication.translate("ReportWords", "R (days since the last purchase, the shop's tertiles)"),
        "R（距上次消费天数，店长设定）": QCoreApplication.translate("ReportWords", "R (days since the last purchase, set by the owner)"),
        "F（近{0}个月到店次数，全店三分位）": QCoreApplication.translate("ReportWords", "F (visits in {0} months, the shop's tertiles)"),
        "F（近{0}个月到店次数，店长设定）": QCoreApplication.translate("ReportWords", "F (visits in {0} months, set by the owner)"),
        "M（近{0}个月消费金额，全店三分位）": QCoreApplication.translate("ReportWords", "M (spent in {0} months, the shop's tertiles)"),
        "M（近{0}个月消费金额，店长设定）": QCoreApplication.translate("ReportWords", "M (spent in {0} months, set by the owner)"),
        "{0} 天 {1} 分": QCoreApplication.translate("ReportWords", "{0} days: {1}"),
        "{0}–{1} 天 {2} 分": QCoreApplication.translate("ReportWords", "{0}–{1} days: {2}"),
        "{0} 天及以上 {1} 分": QCoreApplication.translate("ReportWords", "{0} days or more: {1}"),
        "{0} 次 {1} 分": QCoreApplication.translate("ReportWords", "{0} visits: {1}"),
        "{0}–{1} 次 {2} 分": QCoreApplication.translate("ReportWords", "{0}–{1} visits: {2}"),
        "{0} 次及以上 {1} 分": QCoreApplication.translate("ReportWords", "{0} visits or more: {1}"),
        "¥{0} {1} 分": QCoreApplication.translate("ReportWords", "¥{0}: {1}"),
        "¥{0}–¥{1} {2} 分": QCoreApplication.translate("ReportWords", "¥{0}–¥{1}: {2}"),
        "¥{0}及以上 {1} 分": QCoreApplication.translate("ReportWords", "¥{0} or more: {1}"),
        "（无） {0} 分": QCoreApplication.translate("ReportWords", "(none): {0}"),
    }


@lru_cache(maxsize=4)
def _cached_table(language: str) -> dict[str, str]:
    return _table()


def _language() -> str:
    """Which translation is in force: the table is rebuilt when the window's language changes."""
    return QCoreApplication.translate("ReportWords", "Revenue")


def words(text: str) -> str:
    """``text`` (a label of the figures, in Chinese) in the window's language; data passes as it is."""
    if not text:
        return text
    indent = len(text) - len(text.lstrip(INDENT))
    head, body = text[:indent], text[indent:]
    table = _cached_table(_language())
    found = _lookup(table, body)
    if found is None and ("：" in body or "；" in body):
        parts = re.split(r"([：；])", body)
        pieces = [_lookup(table, p) for p in parts[::2]]
        if any(p is not None for p in pieces):
            out = []
            for index, part in enumerate(parts):
                if index % 2:
                    out.append(QCoreApplication.translate("ReportWords", ": ") if part == "：" else QCoreApplication.translate("ReportWords", "; "))
                else:
                    piece = pieces[index // 2]
                    out.append(part if piece is None else piece)
            found = "".join(out)
    return text if found is None else head + found


def _lookup(table: dict[str, str], text: str) -> str | None:
    numbers = NUMBER.findall(text)
    counter = iter(range(len(numbers)))
    key = NUMBER.sub(lambda _m: "{" + str(next(counter)) + "}", text)
    template = table.get(key)
    if template is None:
        return None
    try:
        return template.format(*numbers)
    except (IndexError, KeyError, ValueError):
        return None


def _value(value: Value) -> Value:
    return replace(value, raw=words(value.raw)) if value.kind == "text" and isinstance(value.raw, str) else value


def section(s: Section) -> Section:
    """The section with its title, headings and text cells in the window's language; the figures untouched."""
    return replace(s, title=words(s.title), headers=tuple(words(h) for h in s.headers),
                   rows=tuple(tuple(_value(v) for v in row) for row in s.rows),
                   total=None if s.total is None else tuple(_value(v) for v in s.total))


def footnotes(lines: tuple[str, ...] | list[str]) -> list[str]:
    return [words(line) for line in lines]
