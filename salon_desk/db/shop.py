"""The shop's front door: one object the window, the command line and the tests hold.

It opens the file (migrating it first), runs the daily jobs, and offers
intent-level methods — ``find_customers``, ``check_in``, ``checkout``,
``refund_sale`` — each one transaction, each returning plain records.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Callable

from peewee import fn

from ..records import AuditEntry, StaffInfo
from ..roles import Perm
from .backup import rotate_backup
from .base import ShopBase, staff_names, system_clock
from .birthday_perks import BirthdayMixin
from .catalogue import CatalogueMixin
from .checkout import CheckoutMixin
from .customers import CustomersMixin
from .database import close_database, open_database
from .membership import MembershipMixin
from .merge import MergeMixin
from .models import AuditLog, DailyJob, Staff
from .monthly_figures import MonthlyReportMixin
from .points_ledger import PointsMixin
from .receipts import ReceiptsMixin
from .refunds import RefundsMixin
from .search import SearchMixin
from .settings_store import SettingsMixin
from .staff import StaffMixin
from .visits import VisitsMixin


class Shop(StaffMixin, SettingsMixin, CatalogueMixin, CustomersMixin, SearchMixin, MembershipMixin,
           PointsMixin, BirthdayMixin, VisitsMixin, CheckoutMixin, ReceiptsMixin, RefundsMixin,
           MergeMixin, MonthlyReportMixin, ShopBase):
    """One open shop file. Only one is open per process (the models share one database)."""

    def __init__(self, path: Path, clock: Callable[[], datetime] = system_clock) -> None:
        super().__init__(clock)
        self.path = path
        self.migrations_applied: list[str] = []

    @classmethod
    def open(cls, path: str | Path, clock: Callable[[], datetime] = system_clock,
             run_jobs: bool = True, backup_dir: str | Path | None = None) -> "Shop":
        """Open (creating and migrating as needed) the shop file at ``path``."""
        path = Path(path)
        shop = cls(path, clock)
        shop.backup_dir = Path(backup_dir) if backup_dir else path.parent / "backups"
        shop.migrations_applied = open_database(path, shop.backup_dir)
        if run_jobs:
            shop.run_daily_jobs()
        return shop

    def close(self) -> None:
        close_database()

    def __enter__(self) -> "Shop":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def shop_created_at(self) -> datetime | None:
        return Staff.select(fn.MIN(Staff.created_at)).scalar()

    def run_daily_jobs(self, backup: bool = False) -> dict[str, object]:
        """Lapses, the yearly points reset, report checkpoints (all idempotent), and once a
        day a rotating backup.

        The window calls this at start and on a daily timer.
        """
        result: dict[str, object] = {"lapsed": [], "resets": [], "backup": None}
        if self.needs_setup():
            return result
        result["resets"] = self.apply_yearly_resets()
        result["lapsed"] = self.apply_lapses()
        self.refresh_report_checkpoints()   # so no month-end report pays for the whole history
        today = self.today()
        job = DailyJob.get_or_none(DailyJob.name == "backup")
        if backup and (job is None or job.last_run < today):
            result["backup"] = rotate_backup(self.db, self.backup_dir, self.path.stem, self.setting("backup.keep"))
            with self.db.atomic():
                DailyJob.insert(name="backup", last_run=today).on_conflict_replace().execute()
        return result

    def audit_log(self, actor: StaffInfo, limit: int = 200) -> list[AuditEntry]:
        self._require(actor, Perm.SETTINGS)
        names = staff_names()
        rows = AuditLog.select().order_by(AuditLog.id.desc()).limit(limit)
        return [AuditEntry(r.at, names.get(r.staff_id, ""), r.action, r.target, json.loads(r.details))
                for r in rows]
