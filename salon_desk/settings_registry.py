"""Every rule of the shop that the owner can change, declared once.

Each setting has a key, a kind, a default (the new shop's rulebook, SPEC
§2-4) and a validator. The database stores only values that differ from
the default; window state lives in QSettings, never here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from .errors import InvalidInput


@dataclass(frozen=True)
class TierRule:
    code: str              # regular / silver / gold / diamond
    rate_permille: int     # what the member pays: 900 = 9折
    spend_fen: int         # promotion when cumulative paid spend reaches this...
    visits: int            # ...or this many visits since joining (0 = entry tier)
    birthday_double_points: bool


# The appointment book's defaults, written out here so that reading the settings does not load the
# appointment rules (salon_desk.appointments); a test holds them equal to rota_to_json(Rota()) and
# appointments.DEFAULT_LATE_MINUTES.
DEFAULT_LATE_MINUTES = 30
DEFAULT_HOURS: dict[str, Any] = {
    "default": {"week": [["10:00", "21:00"] for _ in range(7)], "days_off": []},
    "technicians": {},
}


def _validate_rota(value: Any) -> None:
    from .appointments import validate_rota
    validate_rota(value)


DEFAULT_TIERS: tuple[TierRule, ...] = (
    TierRule("regular", 900, 0, 0, False),
    TierRule("silver", 850, 300_000, 15, False),
    TierRule("gold", 800, 800_000, 40, True),
    TierRule("diamond", 750, 2_000_000, 80, True),
)


def tiers_to_json(tiers: tuple[TierRule, ...]) -> list[dict[str, Any]]:
    return [t.__dict__.copy() for t in tiers]


def tiers_from_json(value: list[dict[str, Any]]) -> tuple[TierRule, ...]:
    return tuple(TierRule(**row) for row in value)


def _validate_tiers(value: Any) -> None:
    try:
        tiers = tiers_from_json(value)
    except (TypeError, KeyError) as exc:
        raise InvalidInput("settings.bad_tiers") from exc
    if [t.code for t in tiers] != [t.code for t in DEFAULT_TIERS]:
        raise InvalidInput("settings.bad_tiers")
    for t in tiers:
        if not 0 < t.rate_permille <= 1000 or t.spend_fen < 0 or t.visits < 0:
            raise InvalidInput("settings.bad_tier_value", tier=t.code)
    for t in tiers[1:]:
        # "reach ¥0 or 0 visits" would promote every member at their next sale, for good
        if t.spend_fen <= 0 or t.visits <= 0:
            raise InvalidInput("settings.bad_tier_value", tier=t.code)
    for lower, higher in zip(tiers, tiers[1:]):
        if higher.spend_fen < lower.spend_fen or higher.visits < lower.visits:
            raise InvalidInput("settings.tiers_not_ascending", tier=higher.code)
        if higher.rate_permille > lower.rate_permille:
            raise InvalidInput("settings.tiers_not_ascending", tier=higher.code)


def _int_range(low: int, high: int) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise InvalidInput("settings.out_of_range", low=low, high=high, value=value)
    return check


def _text(max_len: int, required: bool = False) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if not isinstance(value, str) or len(value) > max_len:
            raise InvalidInput("settings.text_too_long", max=max_len)
        if required and not value.strip():
            raise InvalidInput("setup.shop_name_required")
    return check


def _choice(*options: str) -> Callable[[Any], None]:
    def check(value: Any) -> None:
        if value not in options:
            raise InvalidInput("settings.bad_choice", options=list(options), value=value)
    return check


def _topup_rules(value: Any) -> None:
    from .stored_value import rules_from_json
    if not isinstance(value, list):
        raise InvalidInput("card.bad_rule", pay=None)
    rules_from_json(value)


def _flag(value: Any) -> None:
    if not isinstance(value, bool):
        raise InvalidInput("settings.bad_choice", options=[True, False], value=value)


DEFAULT_CARD_TERMS = (
    "储值卡章程：一、本卡为记名卡，不设有效期，余额不会过期作废。二、本金与赠送金分开记账，消费时按余额比例扣减，"
    "赠送金不可退、不可提现。三、充值之日起7日内，未使用的本金可无理由全额退还（已用部分按实际扣减的本金计）。"
    "四、本店原因（停业、搬迁、服务降级等）退卡的：已消费按实际扣减金额折算（有赠送的按 实付÷(实付+赠送) 折算）"
    "后退还剩余本金，并按约定利率支付利息。五、顾客自身原因退卡的：已消费按当时标价计算，扣减不超过预付款，退还剩余本金并支付利息。"
    "六、员工提成不减少退款。七、账目以本店系统对账单为准，顾客可随时索取。"
)


def _month_day(value: Any) -> None:
    if (not isinstance(value, str) or len(value) != 5 or value[2] != "-"
            or not value.replace("-", "").isdigit()):
        raise InvalidInput("settings.bad_month_day", value=value)
    month, day = int(value[:2]), int(value[3:])
    if not (1 <= month <= 12 and 1 <= day <= 28):
        raise InvalidInput("settings.bad_month_day", value=value)


def _bool(value: Any) -> None:
    if not isinstance(value, bool):
        raise InvalidInput("settings.bad_choice", options=[True, False], value=value)


def _lead_shares(value: Any) -> None:
    """{service category: the lead's share in per-mille when one assistant is added}, e.g. {"hair": 700};
    a category not named uses 70%. Each share leaves the assistant something: 1‰ to 999‰."""
    if not isinstance(value, dict):
        raise InvalidInput("settings.bad_choice", options=[], value=value)
    for share in value.values():
        if not isinstance(share, int) or isinstance(share, bool) or not 1 <= share <= 999:
            raise InvalidInput("settings.out_of_range", low=1, high=999, value=share)


def _columns(value: Any) -> None:
    """0 (the paper's standard: 48 on 80 mm, 32 on 58 mm) or 24-64 characters per line."""
    if not isinstance(value, int) or isinstance(value, bool) or not (value == 0 or 24 <= value <= 64):
        raise InvalidInput("settings.out_of_range", low=24, high=64, value=value)


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    validate: Callable[[Any], None] = field(repr=False)


def _segment_bands(value: Any) -> None:
    from .segments import Measure, fixed_cuts
    if not isinstance(value, dict):
        raise InvalidInput("segments.bad_bands", measure="")
    for key, pair in value.items():
        if key not in ("R", "F", "M") or not isinstance(pair, list) or len(pair) != 2 \
                or not all(isinstance(v, int) and not isinstance(v, bool) for v in pair):
            raise InvalidInput("segments.bad_bands", measure=str(key))
        fixed_cuts(Measure(key), pair[0], pair[1])


SETTINGS: dict[str, Setting] = {s.key: s for s in (
    Setting("shop.name", "", _text(60, required=True)),   # the receipt's header
    Setting("shop.address", "", _text(120)),
    Setting("shop.phone", "", _text(40)),
    Setting("receipt.footer", "谢谢惠顾，欢迎再次光临！", _text(200)),
    Setting("receipt.paper", "80mm", _choice("80mm", "58mm", "A5")),
    Setting("ui.language", "zh_CN", _choice("zh_CN", "en")),
    Setting("membership.join_threshold_fen", 50_000, _int_range(1, 10_000_000)),
    Setting("membership.lapse_days", 730, _int_range(30, 3650)),
    Setting("membership.tiers", tiers_to_json(DEFAULT_TIERS), _validate_tiers),
    Setting("points.earn_per_yuan", 1, _int_range(0, 100)),
    Setting("shift.required", True, _bool),     # refuse sales while no shift is open (shops from before: off)
    Setting("shift.variance_limit_fen", 1000, _int_range(0, 1_000_000)),  # above it the owner authorises
    Setting("commission.lead_share", {}, _lead_shares),               # 主理 share per category (70% if unset)
    Setting("points.per_yuan_redeemed", 100, _int_range(1, 10_000)),
    Setting("points.redeem_cap_permille", 500, _int_range(0, 1000)),
    Setting("points.referral_bonus", 200, _int_range(0, 100_000)),
    Setting("points.reset_month_day", "01-01", _month_day),
    Setting("birthday.window", "day", _choice("day", "week", "month")),
    Setting("birthday.free_service_cap_fen", 30_000, _int_range(0, 10_000_000)),
    Setting("staff.max_failed_logins", 5, _int_range(1, 100)),
    Setting("staff.lockout_minutes", 15, _int_range(1, 24 * 60)),
    Setting("products.low_stock_default", 3, _int_range(0, 10_000)),
    Setting("privacy.notice_version", "2026-1", _text(20)),
    Setting("backup.keep", 10, _int_range(1, 100)),
    # stored-value cards (SPEC §10, 商务部令2012年第9号, 国务院令第778号 Art. 22)
    Setting("cards.topup_rules", [{"pay_fen": 100_000, "bonus_fen": 10_000, "tier": None},
                                  {"pay_fen": 300_000, "bonus_fen": 50_000, "tier": "silver"}], _topup_rules),
    Setting("cards.named_limit_fen", 500_000, _int_range(1, 100_000_000)),
    Setting("cards.unnamed_enabled", False, _flag),
    Setting("cards.unnamed_limit_fen", 100_000, _int_range(1, 100_000)),
    Setting("cards.cash_refused_from_fen", 5_000_000, _int_range(1, 5_000_000)),
    Setting("cards.terms_version", "2026-1", _text(20)),
    Setting("cards.terms_text", DEFAULT_CARD_TERMS, _text(4000)),
    # relationship care (SPEC §7); salon_desk.care_settings reads them as one object
    Setting("care.visit_followup_hours", 2, _int_range(1, 72)),
    Setting("care.product_check_days", 3, _int_range(1, 60)),
    Setting("care.inactive_days", 90, _int_range(14, 729)),
    Setting("care.inactive_catch_up_days", 30, _int_range(1, 365)),
    Setting("care.birthday_days_ahead", 7, _int_range(0, 31)),
    Setting("care.cycle_lead_days", 3, _int_range(0, 30)),
    Setting("care.cycle_min_visits", 3, _int_range(3, 12)),
    Setting("care.complaint_followup_hours", 24, _int_range(1, 720)),
    Setting("complaints.first_response_hours", 24, _int_range(1, 720)),
    Setting("complaints.resolution_hours", 72, _int_range(1, 2160)),
    # the owner's own R / F / M bands instead of the shop's tertiles: {"R": [mid, top], ...}; {} = tertiles
    Setting("segments.bands", {}, _segment_bands),
    # the receipt printer: the print queue (a picture of the PDF) or ESC/POS straight to a thermal printer
    Setting("printer.kind", "system", _choice("system", "network", "usb", "serial", "windows")),
    Setting("printer.address", "", _text(120)),     # 192.168.1.50:9100 / 0416:5011 / COM3@9600 / a queue name
    Setting("printer.paper", "80mm", _choice("80mm", "58mm")),
    Setting("printer.columns", 0, _columns),
    Setting("printer.code_page", "gbk", _choice("gbk", "gb18030")),
    Setting("printer.raster", False, _bool),       # no Chinese font in the printer: send pictures
    Setting("printer.drawer", "pin2", _choice("pin2", "pin5", "none")),
    Setting("printer.drawer_on_ms", 100, _int_range(2, 510)),
    Setting("printer.drawer_off_ms", 100, _int_range(2, 510)),
    # appointments: every technician's week and days off (appointments.rota_to_json), lateness
    Setting("appointments.hours", DEFAULT_HOURS, _validate_rota),
    Setting("appointments.late_minutes", DEFAULT_LATE_MINUTES, _int_range(5, 240)),
)}


def validate(key: str, value: Any) -> None:
    """Raise :class:`InvalidInput` if ``key`` is unknown or ``value`` is unacceptable."""
    if key not in SETTINGS:
        raise InvalidInput("settings.unknown", key=key)
    SETTINGS[key].validate(value)
