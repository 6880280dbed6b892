"""A realistic demo shop, made through the real front door so every rule holds.

Chinese names follow the real surname distribution; the catalogue has the
prices of a mid-range city salon; months of visits are replayed day by day
with the real check-in, checkout, enrolment, points and refund code.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Callable

from ..errors import SalonError
from ..care_records import TaskRecord
from ..records import CatalogueItem, ReceiptRecord, StaffInfo
from ..tenders import Tender
from .customers import CustomerDetails
from .rows import execute
from .shop import Shop

Person = dict[str, Any]   # one imagined customer: name, phone, visit rate, file id once registered

# The most common surnames with their approximate share of the population (%).
SURNAMES = [
    ("王", 7.1), ("李", 7.0), ("张", 6.7), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("赵", 2.3),
    ("黄", 2.2), ("周", 2.1), ("吴", 2.0), ("徐", 1.7), ("孙", 1.5), ("胡", 1.3), ("朱", 1.3),
    ("高", 1.2), ("林", 1.2), ("何", 1.2), ("郭", 1.1), ("马", 1.1), ("罗", 0.9), ("梁", 0.8),
    ("宋", 0.8), ("郑", 0.8), ("谢", 0.7), ("韩", 0.7), ("唐", 0.7), ("冯", 0.6), ("于", 0.6),
    ("董", 0.5), ("萧", 0.5), ("程", 0.5), ("曹", 0.5), ("袁", 0.5), ("邓", 0.5), ("许", 0.5),
    ("傅", 0.4), ("沈", 0.4), ("曾", 0.4), ("彭", 0.4), ("吕", 0.4), ("苏", 0.4), ("卢", 0.4),
    ("蒋", 0.4), ("蔡", 0.4), ("贾", 0.3), ("丁", 0.3), ("魏", 0.3), ("薛", 0.3), ("叶", 0.3),
    ("阎", 0.3), ("余", 0.3), ("潘", 0.3), ("杜", 0.3), ("戴", 0.3), ("夏", 0.3), ("钟", 0.3),
    ("汪", 0.3), ("田", 0.3), ("任", 0.3), ("姜", 0.3), ("范", 0.3), ("方", 0.3), ("石", 0.2),
    ("姚", 0.2), ("谭", 0.2), ("廖", 0.2), ("邹", 0.2), ("熊", 0.2), ("金", 0.2), ("陆", 0.2),
    ("单", 0.05), ("解", 0.05), ("仇", 0.03), ("覃", 0.05), ("查", 0.03),
]
GIVEN_FEMALE = "芳娜敏静丽艳娟霞秀玲燕红梅莉婷雪琳晶慧颖佳欣怡琪璐瑶倩萍菲玥珺喆蕾茜薇"
GIVEN_MALE = "伟强磊军洋勇杰涛明超斌鹏辉刚健浩宇轩博文昊然赟堃凯峰"
GIVEN_MIDDLE = "小晓子雨思诗梦嘉欣佳一文家俊志建海春秋"
TAGS = ["桂花茶", "柠檬水", "白开水", "咖啡", "力度轻", "力度重", "要毛毯", "安静服务",
        "不推销", "喜欢薰衣草香", "怕冷", "话多爱聊"]
ALLERGIES = ["对酒精过敏", "对香精敏感", "果酸类产品刺痛", "对染发剂PPD过敏"]
CARE_GOALS = ["补水保湿", "淡斑美白", "头皮养护", "控油祛痘", "抗初老", "改善发质"]
NOTES = ["精华导入时有点刺痛，下次先沟通力度", "喜欢短发层次，刘海不要太短", "头皮偏油，推荐控油洗护",
         "颜色偏暖一些更好看", "做完很满意，约下月补色", ""]

CATALOGUE = [
    # kind, code, name, category, price (yuan), minutes, member discount
    ("service", "H01", "洗剪吹", "hair", 68, 45, True),
    ("service", "H02", "精剪造型", "hair", 168, 60, True),
    ("service", "H03", "染发", "hair", 388, 120, True),
    ("service", "H04", "烫发", "hair", 588, 150, True),
    ("service", "H05", "头皮护理", "hair", 198, 60, True),
    ("service", "H06", "洗吹", "hair", 38, 30, True),
    ("service", "B01", "补水护理", "beauty", 268, 60, True),
    ("service", "B02", "深层清洁", "beauty", 198, 60, True),
    ("service", "B03", "眼部护理", "beauty", 158, 45, True),
    ("service", "S01", "肩颈按摩", "skin", 128, 45, True),
    ("service", "N01", "美甲", "nails", 128, 60, True),
    ("service", "N02", "美睫", "nails", 198, 90, True),
    ("service", "P01", "烫染套餐(特价)", "other", 699, 240, False),
    ("product", "R01", "洗发水 500ml", "product", 128, 0, True),
    ("product", "R02", "护发素 500ml", "product", 118, 0, True),
    ("product", "R03", "补水面膜(5片)", "product", 99, 0, True),
    ("product", "R04", "精华液 30ml", "product", 380, 0, True),
]

AFTERCARE = {
    "H03": "染后 48 小时内不要洗头，之后用护色洗发水，避免暴晒和游泳",
    "H04": "烫后 3 天内不要洗头、不要扎紧，睡前吹干发根",
    "B01": "护理当晚不要化浓妆，多喝水，三天内避免去角质",
    "N02": "美睫后 6 小时内不要沾水，不要用油性卸妆产品",
}
# 到店小贴士: what tomorrow's reminder asks of the customer before the visit
CARE_TIPS = {
    "H03": "染发前一天请勿洗头，头皮如有破损请提前告知",
    "H04": "烫发约需 2.5 小时，请预留时间，前一天请勿洗头",
    "N02": "请素颜到店，不要涂睫毛膏",
    "B01": "请素颜到店，护理约需 1 小时",
    "S01": "按摩前一小时请勿饱餐，穿宽松上衣更方便",
    "H05": "护理前两天请勿染烫，头皮如有伤口请提前告知",
}
# (category, channel, what the customer said) — every category of SPEC §7 appears
COMPLAINTS = [         # about a service and its technician every other one, so each month has some
    ("result", "wechat", "染发回家洗了一次颜色就掉了不少，和说好的不一样"),
    ("product", "wechat", "买的精华液用了两天脸上起红疹"),
    ("attitude", "phone", "前台接待不耐烦，等了二十分钟也没人解释"),
    ("price", "in_person", "结账时才说要另加护理费，事先没有告知"),
    ("technique", "in_person", "剪得比要求的短太多，两边也不对称"),
    ("environment", "online_review", "店里空调太冷，洗头的水忽冷忽热"),
    ("result", "phone", "烫的卷一周就没了，和发型师说的不一样"),
    ("other", "phone", "预约好的时间到店还要等，技师被安排给了别人"),
]
REMEDY_OF = {"result": ("redo", ""), "technique": ("refund", ""), "product": ("gift", "补水面膜 1 盒"),
             "price": ("points", ""), "attitude": ("apology", ""), "environment": ("free_upgrade", "下次护理升级为深层护理"),
             "other": ("gift", "护手霜 1 支")}

STAFF = [
    ("owner", "林店长", "owner", "owner123"),
    ("cashier", "周小雨", "cashier", "cashier123"),
    ("wang", "王师傅", "technician", "tech1234"),
    ("li", "李师傅", "technician", "tech1234"),
    ("chen", "陈老师", "technician", "tech1234"),
    ("zhao", "小赵", "technician", "tech1234"),
]
DEMO_LOGINS = [(u, p, role) for u, _n, role, p in STAFF]
SPECIALITY = {"hair": ["wang", "li"], "beauty": ["chen"], "skin": ["chen"], "nails": ["zhao"],
              "other": ["wang", "li"]}


class _Clock:
    def __init__(self, start: datetime) -> None:
        self.value = start

    def __call__(self) -> datetime:
        return self.value


def _name(rng: random.Random) -> tuple[str, str]:
    surname = rng.choices([s for s, _ in SURNAMES], weights=[w for _, w in SURNAMES])[0]
    female = rng.random() < 0.8   # a beauty salon's customers are mostly women
    pool = GIVEN_FEMALE if female else GIVEN_MALE
    given = rng.choice(pool) if rng.random() < 0.35 else rng.choice(GIVEN_MIDDLE) + rng.choice(pool)
    return surname + given, "female" if female else "male"


def build_demo(path: str | Path, customers: int = 300, months: int = 6, seed: int = 1,
               clock: Callable[[], datetime] | None = None,
               progress: Callable[[str], None] | None = None) -> dict[str, Any]:
    """Build a demo shop file at ``path`` (replaced if present). Returns a summary."""
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    rng = random.Random(seed)
    end = (clock or datetime.now)().replace(microsecond=0)
    start = datetime.combine(end.date() - timedelta(days=months * 30), time(9, 0))
    fake = _Clock(start - timedelta(days=1))
    shop = Shop.open(path, clock=fake, run_jobs=False)
    # A demo is rebuilt, never recovered: skip the per-sale fsync while replaying months.
    execute(shop.db, "PRAGMA synchronous = OFF")
    try:
        summary = _populate(shop, fake, rng, customers, start, end, progress)
    finally:
        shop.close()
    return summary


def _populate(shop: Shop, clock: _Clock, rng: random.Random, n_customers: int, start: datetime,
              end: datetime, progress: Callable[[str], None] | None) -> dict[str, Any]:
    owner = shop.staff.setup(shop_name="丽人坊美容美发", owner_username="owner", owner_password="owner123",
                       owner_display_name="林店长", address="杭州市西湖区文三路 188 号",
                       phone="0571-8888 6666", receipt_footer="谢谢惠顾，欢迎再次光临！会员生日当天享免费护理一次")
    staff: dict[str, StaffInfo] = {"owner": owner}
    for username, name, role, password in STAFF[1:]:
        staff[username] = shop.staff.create(owner, username=username, display_name=name, role=role,
                                            password=password)
    items: dict[str, CatalogueItem] = {}
    for kind, code, name, category, price, minutes, discount in CATALOGUE:
        items[code] = shop.catalogue.add_item(owner, kind=kind, code=code, name=name, category=category,
                                    price_fen=price * 100, duration_min=minutes, member_discount=discount,
                                    stock=60 if kind == "product" else 0, low_stock_at=5 if kind == "product" else None)
    for code, advice in AFTERCARE.items():
        shop.catalogue.update_item(owner, items[code].id, aftercare=advice)
    for code, tip in CARE_TIPS.items():
        shop.catalogue.update_item(owner, items[code].id, care_tip=tip)
    # session packages (次卡): ten 补水护理 plus one gifted; a pool of hair care sessions
    shop.packages.define(owner, code="K01", name="补水护理10次卡", price_fen=200_000, sessions=10, gifted=1,
                         services=[(items["B01"].id, None)], member_discount=False)
    shop.packages.define(owner, code="K02", name="头皮洗护5次卡", price_fen=80_000, sessions=5,
                         services=[(items["H05"].id, None), (items["H06"].id, None)])
    shop.catalogue.add_gift(owner, "定制化妆包", 1500)
    shop.catalogue.add_gift(owner, "旅行装洗护套装", 800)
    cashier = shop.staff.login("cashier", "cashier123")
    _commission_rules(shop, owner, staff, start.date())

    # Who will come, how often: a few regulars, many occasional visitors.
    people: list[Person] = []
    phones = rng.sample(range(10_000_000, 99_999_999), n_customers)
    prefixes = ["138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "186", "187", "188",
                "177", "199"]
    for i in range(n_customers):
        name, gender = _name(rng)
        people.append({
            "name": name, "gender": gender, "phone": rng.choice(prefixes) + f"{phones[i]:08d}",
            "rate": rng.choice([0.01, 0.02, 0.03, 0.05, 0.08, 0.12, 0.2]),
            "id": None, "joins": rng.random() < 0.8, "vip_card": None,
            "stored_value": rng.random() < 0.15, "package": rng.random() < 0.08,
        })
    # Paper-card members carried over when the shop started using the program.
    for k, person in enumerate(rng.sample(people, max(4, n_customers // 12))):
        person["vip_card"] = ("diamond", "gold", "silver", "regular", "silver", "gold")[k % 6]
        person["rate"] = max(person["rate"], 0.12)   # card holders are regulars
    # A few birthdays today so the banner and the birthday list have something to show.
    for person in people[:3]:
        person["birthday_today"] = (end.month, end.day)
    people[0]["vip_card"] = "gold"

    days = (end.date() - start.date()).days + 1
    sales = refunds = 0
    recent_sales: list[tuple[date, Any, ReceiptRecord]] = []
    care = _CareReplay(shop, clock, cashier, owner, staff, rng)
    book_rng = random.Random(n_customers * 7919 + days)   # the book's own dice: the rest of the replay is unchanged
    for offset in range(days):
        day = start.date() + timedelta(days=offset)
        clock.value = datetime.combine(day, time(9, 30))
        shop.run_daily_jobs()
        if day.day == 1 and offset:          # the owner settles last month's commission
            last = day - timedelta(days=1)
            shop.commission.adjust(owner, staff["zhao"].id, last.year, last.month, 20_000, "全勤奖")
            shop.commission.settle(owner, last.year, last.month)
        shop.shifts.open(cashier, shop.shifts.suggested_float(cashier) or 50_000)
        care.morning(clock.value)
        is_today = day == end.date()
        visitors = [p for p in people if rng.random() < p["rate"] / 7 * (1.4 if day.weekday() >= 5 else 1)]
        rng.shuffle(visitors)
        if is_today:   # the birthday customers come in on their birthday
            visitors = [p for p in people if p.get("birthday_today")] + [
                p for p in visitors if not p.get("birthday_today")]
        today_visitors = visitors[:14]
        # Each visitor arrives, sits for 40-120 minutes, and pays on leaving; the clock
        # moves through those events in order, so receipt numbers follow the time.
        # Today's visitors arrive up to now: the last ones are still in the chair.
        events = []
        for n, person in enumerate(today_visitors):
            if is_today:
                arrive = end - timedelta(minutes=10 + 35 * (len(today_visitors) - 1 - n))
                if arrive.date() != day:
                    continue
            else:
                arrive = datetime.combine(day, time(10, 0)) + timedelta(minutes=35 * n + rng.randint(0, 20))
            leave = arrive + timedelta(minutes=rng.randint(40, 120))
            events += [(arrive, 0, n, person), (leave, 1, n, person)]
        visits: dict[int, int] = {}
        missed = _book_misses(shop, cashier, staff, items, people, day, book_rng) if 0 < (end.date() - day).days < 28 else []
        for when, leaving, n, person in sorted(events, key=lambda e: e[:3]):
            if is_today and when > end:
                break   # still in the chair: "in the shop now"
            clock.value = when
            care.during_day(when)
            if not leaving:
                if person["id"] is None:
                    person["id"] = _register(shop, cashier, owner, person, people, rng, day)
                try:
                    visits[n] = _arrive(shop, cashier, staff, items, person["id"], when, book_rng,
                                        book=(end.date() - day).days < 28 and book_rng.random() < 0.35)
                except SalonError:
                    continue
                _add_lines(shop, cashier, staff, items, visits[n], rng)
                _prepaid_at_check_in(shop, cashier, staff, items, visits[n], person, rng)
                continue
            if n not in visits:
                continue
            receipt = _pay(shop, cashier, visits[n], person, rng)
            sales += 1
            if rng.random() < 0.35:             # the customer presses a digit at the counter
                shop.care.rate_sale(cashier, receipt.sale_id, rng.choices([5, 4, 3, 2], [60, 30, 8, 2])[0])
            recent_sales.append((day, person["id"], receipt))
            if receipt.enrolment_offered and person["joins"] and rng.random() < 0.85:
                shop.members.enrol(cashier, person["id"], consent=True, qualifying_sale_id=receipt.sale_id)
            if sales % 97 == 0:   # about one sale in a hundred is voided or refunded
                refunds += _refund(shop, cashier, receipt, rng)
        for booking_id, starts in missed:           # booked, never came: marked once late
            clock.value = max(clock.value, starts + timedelta(minutes=45))
            shop.appointments.no_show(cashier, booking_id)
        if not is_today:
            care.evening(day, recent_sales, offset, days)
            _close_shift(shop, clock, cashier, owner, day, rng)
        else:
            care.morning(end)
        recent_sales[:] = [r for r in recent_sales if (day - r[0]).days < 4]
        if progress and offset % 30 == 0:
            progress(f"{day}: {sales} sales")
    clock.value = end
    shop.run_daily_jobs()
    _book_ahead(shop, cashier, staff, items, people, end, book_rng)
    members = sum(1 for p in people if p["id"] and shop.members.info(owner, p["id"]))
    return {"customers": sum(1 for p in people if p["id"]), "sales": sales + care.sales, "refunds": refunds + care.refunds,
            "members": members, "logins": DEMO_LOGINS}


def _commission_rules(shop: Shop, owner: StaffInfo, staff: dict[str, StaffInfo], start: date) -> None:
    """Levels (总监, 发型师, 助理) and a small rule table: hair by level, beauty by category, a labour fee
    for nails, products, card sales, a lower rate on prepaid lines, monthly tiers."""
    from ..commission import CARD_SALE, PRODUCT, SERVICE, Band, Rule
    for username, level in (("wang", "总监"), ("chen", "发型师"), ("li", "发型师"), ("zhao", "助理")):
        shop.commission.set_level(owner, staff[username].id, level, start)
    for rule in (
            Rule(0, 0, SERVICE, start, designated_permille=100, rotation_permille=70, prepaid_permille=60,
                 bands=(Band(0, 0), Band(2_000_000, 20), Band(4_000_000, 30))),
            Rule(0, 0, SERVICE, start, level="总监", category="hair", designated_permille=150, rotation_permille=110),
            Rule(0, 0, SERVICE, start, level="发型师", category="hair", designated_permille=120, rotation_permille=90),
            Rule(0, 0, SERVICE, start, category="beauty", designated_permille=110, rotation_permille=80),
            Rule(0, 0, SERVICE, start, category="nails", fee_fen=2000),
            Rule(0, 0, PRODUCT, start, designated_permille=80, rotation_permille=80),
            Rule(0, 0, CARD_SALE, start, designated_permille=30, rotation_permille=30)):
        shop.commission.add_rule(owner, rule)


def _close_shift(shop: Shop, clock: _Clock, cashier: StaffInfo, owner: StaffInfo, day: date,
                 rng: random.Random) -> None:
    """The evening's blind count: now and then a few yuan out, once in a while more (the owner signs)."""
    clock.value = max(clock.value, datetime.combine(day, time(22, 0)))
    expected = shop.shifts.x_report(cashier).cash_expected_fen
    off = rng.choice([0, 0, 0, 0, 0, 0, -100, 200, -500]) if rng.random() > 0.03 else -2000
    counted = max(0, expected + off)
    if abs(counted - expected) > shop.settings.value("shift.variance_limit_fen"):
        grant = shop.staff.authorise_owner(cashier, "owner", "owner123")
        shop.shifts.close(cashier, counted, min(50_000, counted), grant=grant, reason="找零出错")
    else:
        shop.shifts.close(cashier, counted, min(50_000, counted))


class _CareReplay:
    """Follow-ups called (most on time, some late, some missed), complaints of every category with
    their remedies, the way a shop's staff would have handled them."""

    def __init__(self, shop: Shop, clock: _Clock, cashier: StaffInfo, owner: StaffInfo, staff: dict[str, StaffInfo],
                 rng: random.Random) -> None:
        self.shop, self.clock, self.cashier, self.owner, self.staff, self.rng = shop, clock, cashier, owner, staff, rng
        self.pending: list[tuple[int, str, bool, bool]] = []   # complaint id, category, answer late, left open
        self.made = 0
        self.sessions: dict[str, StaffInfo] = {}
        self.sales = 0                # the free redos, checked out at ¥0
        self.refunds = 0              # refunds given as a complaint's remedy

    def _close(self, task: TaskRecord, late: bool) -> None:
        rng = self.rng
        if task.complaint_id is not None and any(p[0] == task.complaint_id and p[2] for p in self.pending):
            return          # a complaint left waiting: nobody calls (reaching them would answer it)
        outcome = rng.choices(["reached", "no_answer", "wrong_number", "declined"], [75, 16, 3, 6])[0]
        scores: tuple[int, int, int] | None = None
        if outcome == "reached" and task.scored:
            a, t, e = (rng.choices([5, 4, 3, 2], [55, 33, 9, 3])[0] for _ in range(3))
            scores = (a, t, e)
        who = self.cashier
        if task.assignee_id in {s.id for s in self.staff.values()} and task.assignee_id != self.owner.id:
            login = next(u for u, s in self.staff.items() if s.id == task.assignee_id)
            if login != "cashier" and login not in self.sessions:
                self.sessions[login] = self.shop.staff.login(login, "tech1234")
            who = self.sessions.get(login, self.cashier)
        comment = rng.choice(["", "", "很满意", "说下次还找同一位技师", "颜色有点浅，想下次加深", "提醒了护理方法"])
        if task.type.value == "complaint":
            comment = rng.choice(["已致电道歉，了解了详细情况", "顾客说明了经过，约定处理方案"])
        elif task.type.value == "complaint_resolved":
            comment = rng.choice(["", "对处理结果满意", "表示理解，下次再来"])
        try:
            self.shop.care.close_task(who, task.id, outcome, scores, comment if outcome == "reached" else "")
        except SalonError:
            pass

    def during_day(self, now: datetime) -> None:
        """Between customers the cashier calls the tasks coming due within three hours."""
        for task in self.shop.care.tasks(self.cashier):
            # the satisfaction call about a complaint's remedy is made some time the next day
            soon = task.due_at <= now + timedelta(hours=3) or task.type.value == "complaint_resolved"
            if now <= task.due_at and soon and not task.all_day and self.rng.random() < 0.7:
                self._close(task, late=False)

    def morning(self, now: datetime) -> None:
        """Yesterday's leftovers: about half are called late, the rest are missed for good."""
        for task in self.shop.care.tasks(self.cashier):
            if task.overdue and self.rng.random() < 0.45:
                self._close(task, late=True)

    def evening(self, day: date, recent_sales: list[tuple[date, int, ReceiptRecord]], offset: int,
                days: int) -> None:
        shop, rng = self.shop, self.rng
        clock = self.clock
        clock.value = max(clock.value, datetime.combine(day, time(21, 0)))
        for complaint_id, category, late, left_open in list(self.pending):
            if not left_open:
                self._settle(complaint_id, category, late)
        if recent_sales and (offset % 9 == 4 or offset == days - 3):
            _, customer_id, receipt = rng.choice(recent_sales)
            category, channel, text = COMPLAINTS[self.made % len(COMPLAINTS)]
            self.made += 1
            visit = shop.care.visits_of(self.cashier, customer_id)
            visit_id = next((v for v, at, _ in visit if at <= clock.value and receipt.created_at == at), None)
            visit_id = visit_id or (visit[0][0] if visit else None)
            line_id = None
            if visit_id is not None and category in ("technique", "result"):
                # about one service and the technician who did it
                lines = [l for l in shop.care.services_of_visit(self.cashier, visit_id) if l[2]]
                line_id = lines[0][0] if lines else None
            try:
                c = shop.care.open_complaint(self.cashier, customer_id, category, channel, text,
                                             visit_id=visit_id, sale_line_id=line_id)
            except SalonError:
                return
            left_open = offset == days - 3            # still unanswered today: red on the care page
            late = left_open or rng.random() < 0.25
            if not late:
                clock.value = clock.value + timedelta(minutes=20)
                shop.care.respond(self.cashier, c.id, "已电话联系顾客致歉，了解详细情况，约定处理方案")
            self.pending.append((c.id, category, late, left_open))
        clock.value = clock.value + timedelta(minutes=30)
        for task in shop.care.tasks(self.cashier):
            if rng.random() < 0.8:
                self._close(task, late=task.overdue)

    def _settle(self, complaint_id: int, category: str, late: bool) -> None:
        """The day after: a late first answer if need be, the remedy, the resolution."""
        shop, rng = self.shop, self.rng
        c = shop.care.complaint(self.owner, complaint_id)
        waited = (shop.today() - c.received_at.date()).days
        if waited < 1 or (late and waited < 2):
            return                      # a late answer comes two evenings later: past the 24 hours
        if c.responded_at is None:
            shop.care.respond(self.cashier, complaint_id, "店长亲自回电道歉，说明原因")
        kind, note = REMEDY_OF[category]
        try:
            if kind == "refund":
                grant = shop.staff.authorise_owner(self.cashier, "owner", "owner123")
                shop.care.give_remedy(self.cashier, complaint_id, "refund", grant=grant, note="退还该项目费用")
                self.refunds += 1
            elif kind == "points":
                shop.care.give_remedy(self.owner, complaint_id, "points", points=500, note="补偿积分")
            elif kind == "redo":
                shop.care.give_remedy(self.cashier, complaint_id, "redo", note="免费补色")
                visit = shop.visits.open_visits(self.cashier)
                for v in visit:
                    if v.customer is not None and v.customer.id == c.customer_id:
                        shop.sales.checkout(self.cashier, v.id, [])
                        self.sales += 1
            else:
                shop.care.give_remedy(self.cashier, complaint_id, kind, note=note)
        except SalonError:
            pass
        shop.care.add_progress(self.cashier, complaint_id, "处理方案已与顾客确认")
        if kind != "apology":
            shop.care.give_remedy(self.cashier, complaint_id, "apology")
        shop.care.resolve(self.cashier, complaint_id, "顾客接受处理方案，表示满意")
        self.pending = [p for p in self.pending if p[0] != complaint_id]
        del rng


def _register(shop: Shop, cashier: StaffInfo, owner: StaffInfo, person: Person, people: list[Person],
              rng: random.Random, day: date) -> int:
    if person.get("birthday_today"):
        month, dom = person["birthday_today"]
    else:
        month, dom = rng.randint(1, 12), rng.randint(1, 28)
    referrer = None
    known = [p for p in people if p["id"] is not None]
    if known and rng.random() < 0.18:
        referrer = rng.choice(known)["id"]
    health = rng.random() < 0.5
    details = CustomerDetails(
        name=person["name"], phone=person["phone"], gender=person["gender"],
        birth_year=rng.choice([None, rng.randint(1965, 2004)]), birth_month=month, birth_day=dom,
        region=rng.choice(["city", "city", "city", "county", "township"]),
        skin_type=rng.choice(["oily", "dry", "combination", "normal", "sensitive"]),
        allergies=rng.choice(ALLERGIES) if health and rng.random() < 0.25 else "",
        care_goals=rng.choice(CARE_GOALS), tags=rng.sample(TAGS, rng.randint(0, 3)),
        referred_by_id=referrer)
    file = shop.customers.register(cashier, details, consent_keep_file=True,
                                  consent_marketing=rng.random() < 0.6, consent_health=health)
    if person["vip_card"]:
        shop.members.enrol(owner, file.id, consent=True)
        if person["vip_card"] != "regular":
            shop.members.set_tier(owner, file.id, person["vip_card"], "纸质会员卡转入")
        shop.points.adjust(owner, file.id, rng.randint(5, 40) * 100, "纸质会员卡积分转入")
    return file.id


def _service_and_technician(staff: dict[str, StaffInfo], items: dict[str, CatalogueItem],
                            rng: random.Random) -> tuple[CatalogueItem, StaffInfo]:
    item = items[rng.choice([c for c in items if items[c].kind == "service"])]
    return item, staff[rng.choice(SPECIALITY[item.category])]


def _arrive(shop: Shop, cashier: StaffInfo, staff: dict[str, StaffInfo], items: dict[str, CatalogueItem],
            customer_id: int, when: datetime, rng: random.Random, book: bool) -> int:
    """Check in; some customers had booked (the booking checked in, its service on the visit)."""
    if book:
        item, tech = _service_and_technician(staff, items, rng)
        try:
            booking = shop.appointments.book(cashier, [(item.id, tech.id, when, None, rng.random() < 0.6)],
                                             customer_id=customer_id)
        except SalonError:
            pass
        else:
            return shop.appointments.check_in(cashier, booking.id).id
    return shop.visits.check_in(cashier, customer_id).id


def _random_booking(shop: Shop, cashier: StaffInfo, staff: dict[str, StaffInfo], items: dict[str, CatalogueItem],
                    people: list[Person], start: datetime, rng: random.Random) -> int | None:
    known = [p for p in people if p["id"] is not None]
    item, tech = _service_and_technician(staff, items, rng)
    who: dict[str, Any] = ({"customer_id": rng.choice(known)["id"]} if known and rng.random() < 0.85 else
                           {"newcomer_name": _name(rng)[0], "newcomer_phone": f"139{rng.randint(10_000_000, 99_999_999)}"})
    try:
        return shop.appointments.book(cashier, [(item.id, tech.id, start, None, rng.random() < 0.5)],
                                      notes=rng.choice(["", "", "", "想换个发型", "上次的技师", "带小孩"]), **who).id
    except SalonError:          # a clash or outside the hours: the receptionist picks another time
        return None


def _book_misses(shop: Shop, cashier: StaffInfo, staff: dict[str, StaffInfo], items: dict[str, CatalogueItem],
                 people: list[Person], day: date, rng: random.Random) -> list[tuple[int, datetime]]:
    """The morning's bookings that will not come: some cancel by phone, some simply do not show."""
    missed = []
    for _ in range(rng.choice([0, 1, 1, 2])):
        start = datetime.combine(day, time(rng.randint(11, 18), rng.choice([0, 15, 30, 45])))
        booking_id = _random_booking(shop, cashier, staff, items, people, start, rng)
        if booking_id is None:
            continue
        if rng.random() < 0.5:
            shop.appointments.cancel(cashier, booking_id, rng.choice(["客人临时有事", "改约下周", "身体不适"]))
        else:
            missed.append((booking_id, start))
    return missed


def _book_ahead(shop: Shop, cashier: StaffInfo, staff: dict[str, StaffInfo], items: dict[str, CatalogueItem],
                people: list[Person], now: datetime, rng: random.Random) -> int:
    """The book from now on: the rest of today and the next two weeks, busier at the weekend."""
    made = 0
    for offset in range(15):
        day = now.date() + timedelta(days=offset)
        wanted = (12 if day.weekday() >= 5 else 7) - offset // 4 + (4 if offset == 0 else 0)
        first_hour = 10 if offset else min(19, now.hour + 1)     # today: the afternoon still to come
        for _ in range(wanted):
            start = datetime.combine(day, time(rng.randint(first_hour, 19), rng.choice([0, 15, 30, 45])))
            if start > now and _random_booking(shop, cashier, staff, items, people, start, rng) is not None:
                made += 1
    return made


def _add_lines(shop: Shop, cashier: StaffInfo, staff: dict[str, StaffInfo], items: dict[str, CatalogueItem],
               visit_id: int, rng: random.Random) -> None:
    services = [code for code in items if items[code].kind == "service"]
    weights = [9 if c in ("H01", "H06") else 4 if c in ("B01", "H02", "N01", "S01") else 2 for c in services]
    for code in set(rng.choices(services, weights=weights, k=rng.choice([1, 1, 1, 2, 2, 3]))):
        item = items[code]
        tech = staff[rng.choice(SPECIALITY[item.category])]
        shop.visits.add_service(cashier, visit_id, item.id, tech.id, note=rng.choice(NOTES) if rng.random() < 0.2 else "")
    if rng.random() < 0.15:
        product = items[rng.choice(["R01", "R02", "R03", "R04"])]
        shop.visits.add_product(cashier, visit_id, product.id, rng.choice([1, 1, 2]))


def _prepaid_at_check_in(shop: Shop, cashier: StaffInfo, staff: dict[str, StaffInfo], items: dict[str, Any],
                         visit_id: int, person: dict[str, Any], rng: random.Random) -> None:
    """Card holders top up when the card runs low (充1000送100 or 充3000送500); package holders buy one on
    their first such visit and use a session for each covered service."""
    customer = person["id"]
    if person.get("stored_value"):
        card = shop.cards.info(cashier, customer)
        if card.total_fen < 30_000 and card.principal_fen <= 200_000:
            pay = rng.choice([100_000, 100_000, 300_000])
            shop.cards.top_up(cashier, customer, pay, rng.choice(["wechat", "alipay", "card"]), terms_signed=True,
                              sold_by=staff["chen"].id if pay >= 300_000 else None)   # 陈老师 sold the big card
    if person.get("package"):
        held = shop.packages.of_customer(cashier, customer)
        if not held and not person.get("package_bought"):
            shop.packages.add_to_visit(cashier, visit_id, shop.packages.products(cashier)[0].item_id)
            shop.visits.add_service(cashier, visit_id, items["B01"].id, staff["chen"].id)
            person["package_bought"] = True
            return
        visit = shop.visits.get(cashier, visit_id)
        if not any(l.code == "B01" for l in visit.lines):
            shop.visits.add_service(cashier, visit_id, items["B01"].id, staff["chen"].id)
        for line in shop.visits.get(cashier, visit_id).lines:
            if line.kind == "service":
                offers = shop.packages.covering(cashier, line.id)
                if offers:
                    shop.packages.use_session(cashier, line.id, offers[0].id)


def _pay(shop: Shop, cashier: StaffInfo, visit_id: int, person: Person, rng: random.Random) -> ReceiptRecord:
    quote = shop.sales.quote(cashier, visit_id)
    birthday_line = points = None
    if quote.birthday_free_available:
        claimed = shop.packages.claims(cashier, visit_id)
        services = [l for l in quote.lines if l.kind == "service" and l.id not in claimed]
        birthday_line = max(services, key=lambda l: l.unit_price_fen).id if services else None
    elif quote.priced.max_points_redeemable >= 500 and rng.random() < 0.3:
        points = quote.priced.max_points_redeemable // 100 * 100
    if birthday_line or points:
        quote = shop.sales.quote(cashier, visit_id, points=points or 0, birthday_line_id=birthday_line)
    due = quote.priced.amount_due_fen
    card = shop.cards.info(cashier, person["id"]).total_fen if person.get("stored_value") and person["id"] else 0
    if due == 0:
        tenders = []
    elif card:
        tenders = [Tender("stored_value", min(due, card))] + ([Tender("wechat", due - card)] if due > card else [])
    else:
        method = rng.choices(["wechat", "alipay", "cash", "card"], weights=[55, 25, 12, 8])[0]
        if method == "cash":
            tendered = -(-due // 10000) * 10000 if rng.random() < 0.6 else due
            tenders = [Tender("cash", tendered)]
        elif rng.random() < 0.05 and due > 10000:
            tenders = [Tender(method, due - 5000), Tender("cash", 5000)]
        else:
            tenders = [Tender(method, due)]
    return shop.sales.checkout(cashier, visit_id, tenders, points=points or 0, birthday_line_id=birthday_line)


def _refund(shop: Shop, cashier: StaffInfo, receipt: ReceiptRecord, rng: random.Random) -> int:
    try:
        if rng.random() < 0.5:
            shop.sales.void(cashier, receipt.sale_id, grant=shop.staff.authorise_owner(cashier, "owner", "owner123"),
                           reason="收银录入错误")
        else:
            shop.sales.refund(cashier, receipt.sale_id, [receipt.lines[0].sale_line_id],
                             grant=shop.staff.authorise_owner(cashier, "owner", "owner123"), reason="顾客对效果不满意")
        return 1
    except SalonError:
        return 0
