"""A realistic day at the counter for the day view's benchmark and screenshots (plain records, no shop)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from salon_desk.appointments import BookingInfo, BookingStatus, DayHours, TechnicianDay

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
GIVEN = ["女士", "小姐", "先生", "阿姨", "姐"]
TECHS = ["王师傅", "李师傅", "小周", "阿芳", "Tony", "陈老师", "小林", "美美", "阿杰", "小雨", "Kevin", "晓晓"]
SERVICES = [("精剪", 45), ("洗剪吹", 30), ("染发", 120), ("烫发", 150), ("洗护", 45), ("头皮护理", 60),
            ("面部护理", 75), ("美甲", 60), ("美睫", 90), ("肩颈按摩", 45)]


def technicians(count: int, day: date) -> list[TechnicianDay]:
    out = []
    for i in range(count):
        if i == 3:
            hours = None                                         # a day off
        elif i % 3 == 1:
            hours = DayHours(time(12), time(21))                 # the late shift
        else:
            hours = DayHours(time(10), time(19) if i % 3 == 2 else time(21))
        out.append(TechnicianDay(i + 1, TECHS[i % len(TECHS)], hours))
    return out


def bookings(techs: list[TechnicianDay], day: date, per_technician: int, now: datetime | None = None,
             seed: int = 7) -> list[BookingInfo]:
    rnd = random.Random(seed)
    out: list[BookingInfo] = []
    next_id = 1
    for tech in techs:
        hours = tech.hours or DayHours(time(10), time(21))
        t = datetime.combine(day, hours.opens)
        closes = datetime.combine(day, hours.closes)
        made = 0
        while made < per_technician and tech.hours is not None:
            t += timedelta(minutes=15 * rnd.choice([0, 0, 1, 2, 4]))
            lines = rnd.sample(SERVICES, rnd.choice([1, 1, 1, 2]))
            minutes = sum(m for _n, m in lines)
            if t + timedelta(minutes=minutes) > closes:
                break
            start, end = t, t + timedelta(minutes=minutes)
            status = BookingStatus.BOOKED
            late = False
            if now is not None and end <= now:
                status = rnd.choice([BookingStatus.COMPLETED] * 5 + [BookingStatus.NO_SHOW])
            elif now is not None and start <= now:
                late = rnd.random() < 0.3
                status = BookingStatus.BOOKED if late else BookingStatus.CHECKED_IN
            newcomer = rnd.random() < 0.12
            name = rnd.choice(SURNAMES) + rnd.choice(GIVEN)
            out.append(BookingInfo(
                id=next_id, technician_id=tech.technician_id, technician_name=tech.name, start=start, end=end,
                services=tuple(n for n, _m in lines), status=status,
                customer_id=None if newcomer else 1000 + next_id,
                customer_name="" if newcomer else name, newcomer_name=name if newcomer else "",
                newcomer_phone="139****0000" if newcomer else "",
                designated=rnd.random() < 0.4, tier=None if newcomer else rnd.choice([None, None, "regular", "silver", "gold", "diamond"]),
                birthday=rnd.random() < 0.05, allergy=rnd.random() < 0.1, complaint=rnd.random() < 0.03,
                first_visit=newcomer, no_shows=rnd.choice([0] * 12 + [1, 2]), late=late))
            next_id += 1
            made += 1
            t = end
    return out


def full_day(technician_count: int, per_technician: int, day: date, now: datetime | None = None,
             seed: int = 11) -> tuple[list[TechnicianDay], list[BookingInfo]]:
    """Every technician working 10:00-21:00 with exactly ``per_technician`` bookings (gaps and lengths vary)."""
    rnd = random.Random(seed)
    techs = [TechnicianDay(i + 1, TECHS[i % len(TECHS)] + ("" if i < len(TECHS) else str(i)),
                           DayHours(time(10), time(21))) for i in range(technician_count)]
    out: list[BookingInfo] = []
    slot = max(15, 11 * 60 // per_technician // 15 * 15)   # minutes each booking may use
    for tech in techs:
        for n in range(per_technician):
            start = datetime.combine(day, time(10)) + timedelta(minutes=n * slot + rnd.choice([0, 0, 15]) * (slot >= 45))
            minutes = max(15, min(slot - 15 * (slot >= 45), rnd.choice([30, 45, 60, 90])))
            name, _m = rnd.choice(SERVICES)
            status = BookingStatus.BOOKED
            if now is not None and start < now:
                status = rnd.choice([BookingStatus.COMPLETED, BookingStatus.CHECKED_IN, BookingStatus.NO_SHOW])
            out.append(BookingInfo(
                id=len(out) + 1, technician_id=tech.technician_id, technician_name=tech.name, start=start,
                end=start + timedelta(minutes=minutes), services=(name,), status=status,
                customer_id=len(out) + 1000, customer_name=rnd.choice(SURNAMES) + rnd.choice(GIVEN),
                designated=rnd.random() < 0.4, tier=rnd.choice([None, "regular", "silver", "gold", "diamond"]),
                birthday=rnd.random() < 0.05, allergy=rnd.random() < 0.1, first_visit=rnd.random() < 0.1,
                no_shows=rnd.choice([0] * 10 + [1])))
    return techs, out
