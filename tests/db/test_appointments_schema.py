"""The book's tables and settings: bookings are never deleted, the rota is a setting of its own."""

import pytest

from salon_desk.appointments import DayHours, Rota, WorkingHours, rota_from_json, rota_to_json
from salon_desk.errors import InvalidInput
from datetime import time


def test_new_shop_has_the_book_with_default_hours(shop, owner):
    assert "0012_appointments" in {r[0] for r in shop.db.execute_sql("SELECT name FROM schema_history")}
    rota = rota_from_json(shop.settings.all(owner)["appointments.hours"])
    assert rota == Rota()
    with shop.ctx.bound():
        assert shop.ctx.setting("appointments.late_minutes") == 30


def test_bad_working_hours_are_refused_by_the_setting(shop, owner):
    bad = rota_to_json(Rota())
    bad["default"]["week"][0] = ["18:00", "09:00"]
    with pytest.raises(InvalidInput):
        shop.settings.update(owner, {"appointments.hours": bad})
    good = rota_to_json(Rota(technicians={5: WorkingHours((DayHours(time(9), time(18)),) * 5 + (None, None))}))
    shop.settings.update(owner, {"appointments.hours": good})
    with shop.ctx.bound():
        assert rota_from_json(shop.ctx.setting("appointments.hours")).of(5).week[5] is None


def test_a_booking_row_cannot_be_deleted(shop_path, shop):
    shop.db.execute_sql("INSERT INTO booking (customer_id, newcomer_name, newcomer_phone, notes, status, start_at,"
                        " end_at, booked_by_id, booked_at, cancel_reason) VALUES (NULL, '新客', '13800000000', '',"
                        " 'cancelled', '2026-11-23 10:00:00', '2026-11-23 11:00:00', 1, '2026-11-22 10:00:00', 'x')")
    with pytest.raises(Exception, match="never deleted"):
        shop.db.execute_sql("DELETE FROM booking")
