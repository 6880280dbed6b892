"""The shop's front door: one object the window, the command line and the tests hold.

``Shop.open`` opens the file (migrating it first) with a database of its own
and composes the services, each given the shop's context and the services it
needs: ``shop.customers.find(...)``, ``shop.visits.check_in(...)``,
``shop.sales.checkout(...)``. Every public method of a service takes the
session of the staff member acting (from ``shop.staff.login``), declares its
permission, is one transaction and returns plain records.
"""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from functools import cached_property
from typing import TYPE_CHECKING, Any, Callable, Iterator

from ..errors import DatabaseProblem
from ..network_share import on_network_share
from ..records import AuditEntry
from ..roles import Perm
from .backup import BackupSummary, Progress, backup_to, inspect_backup, replace_with_backup, rotate_backup
from .birthday_perks import BirthdayService
from .catalogue import CatalogueService
from .context import Actor, ShopContext, system_clock
from .customers import CustomerService
from ..keystore import KeyStore, new_recovery_key
from .database import check_file, checkpoint, hold_checkpoints, is_read_only, open_database
from .encryption import is_encrypted
from .audit_log import heads_path, read_heads, write_head
from .file_lock import FileLock, hold_open
from .ledger_check import (BooksCheck, Broken, books_checker, check_books,
                           problems_as_details, problems_from_details)
from .storage_errors import storage_errors
from .drawer import DrawerService
from .membership import MembershipService
from .models import MODELS, UNBOUND, AuditLog, DailyJob, Setting
from .permissions import requires
from .points_ledger import PointsService
from .receipts import ReceiptBook
from .sales import SalesService
from .settings_store import SettingsService
from .staff import StaffService
from .visits import VisitService

if TYPE_CHECKING:
    from .appointments import AppointmentService
    from .care import CareService
    from .cards import CardService
    from .commission import CommissionService
    from .encrypt_shop import Encrypted
    from .shifts import ShiftService
    from .monthly_figures import ReportService
    from .package_service import PackageService
    from .year_export import YearExportService


def check_books_of(ctx: ShopContext) -> list[Broken]:
    """The books' invariants checked on this thread's connection, against the audit chain's
    heads kept beside the file (the nightly job and the owner's "verify" run the same check)."""
    return check_books(ctx.execute, read_heads(heads_path(ctx.path, ctx.backup_dir)))


class AuditService:
    """The audit log (SPEC §9), read by the owner."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.AUDIT)
    def entries(self, actor: Actor, limit: int = 200) -> list[AuditEntry]:
        """The newest ``limit`` entries, newest first."""
        names = self.ctx.staff_names()
        rows = AuditLog.select().order_by(AuditLog.id.desc()).limit(limit)
        return [AuditEntry(r.at, names.get(r.staff_id, "") if r.staff_id is not None else "", r.action, r.target, json.loads(r.details))
                for r in rows]


    @requires(Perm.AUDIT)
    def verify(self, actor: Actor, record: bool = False) -> list[Broken]:
        """Check the books' invariants (the file whole, receipt numbers gapless per day, payments =
        amounts due, stored-value and points balances, the audit chain); the first broken link of
        each. With ``record`` the check and its result are written to the audit log (the window's
        "verify now": what the owner is shown after the next login)."""
        found = check_books_of(self.ctx)
        if record:
            with self.ctx.db.atomic():
                self.ctx.audit(actor, "books_verified", problems=problems_as_details(found))
        return found

    @requires(Perm.AUDIT)
    def checker(self, actor: Actor) -> Callable[[], list[Broken]]:
        """The same check as :meth:`verify`, to run on another thread (its own connection); the
        window records its result with :meth:`record_check`."""
        heads = heads_path(self.ctx.path, self.ctx.backup_dir)
        return books_checker(self.ctx.path, self.ctx.key, lambda: read_heads(heads))
    @requires(Perm.AUDIT)
    def record_check(self, actor: Actor, found: list[Broken]) -> None:
        """Write the owner's check of the books and what it found to the audit log."""
        with self.ctx.db.atomic():
            self.ctx.audit(actor, "books_verified", problems=problems_as_details(found))

    @requires(Perm.AUDIT)
    def last_check(self, actor: Actor) -> BooksCheck | None:
        """The newest check of the books (nightly or the owner's), with what it found broken."""
        row = self.ctx.execute(self.ctx.sql.LAST_BOOKS_CHECK).fetchone()
        if row is None:
            return None
        details = json.loads(row[2])
        return BooksCheck(datetime.fromisoformat(str(row[0])), row[1] == "books_checked",
                          problems_from_details(details.get("problems", [])))


class BackupService:
    """Copies of the whole file: a daily rotation, and one now when the owner asks."""

    def __init__(self, ctx: ShopContext) -> None:
        self.ctx = ctx

    @requires(Perm.BACKUP)
    def backup_now(self, actor: Actor, target: Path | None = None, progress: Progress | None = None) -> Path:
        """Write a copy of the shop file now (to ``target`` or the backups folder); audited.
        ``progress(pages_copied, pages_total, "")`` follows the copy; an exception it raises
        (cancelled) stops the copy with no file left (:func:`backup_to`)."""
        target = target or self.ctx.backup_dir / f"{self.ctx.path.stem}-manual-{datetime.now():%Y%m%d-%H%M%S}.sqlite"
        made = backup_to(self.ctx.db, target, progress)
        with self.ctx.db.atomic():
            self.ctx.audit(actor, "backup_written", target=str(made))
        return made


RESTORE_WAIT_S = 10.0         # how long a restore waits for a daily job under way to finish


class Shop:
    """One open shop file and the services that speak for it."""

    def __init__(self, ctx: ShopContext, migrations_applied: list[str]) -> None:
        self.ctx = ctx
        self.path = ctx.path
        self.backup_dir = ctx.backup_dir
        self.migrations_applied = migrations_applied
        self.recovery_key: str | None = None   # set once, when this open created an encrypted file
        self.encrypted = False
        self._lock = FileLock(None)
        self._keystore: KeyStore | None = None
        self._holding_checkpoints = False
        # the window's work on other threads (checkpoints, the daily jobs) and a restore of the
        # file never overlap: a restore closes and replaces the file under them
        self.background = threading.Lock()
        self.read_only = False
        self.on_network_share = False
        book = self._book = ReceiptBook(ctx)
        self.staff = StaffService(ctx)
        self.settings = SettingsService(ctx)
        self.catalogue = CatalogueService(ctx)
        self.members = MembershipService(ctx)
        self.points = PointsService(ctx)
        self.birthdays = BirthdayService(ctx)
        self.customers = CustomerService(ctx, book)
        self.visits = VisitService(ctx)
        self.sales = SalesService(ctx, book)
        self.audit = AuditService(ctx)
        self.backups = BackupService(ctx)
        self.drawer = DrawerService(ctx)

    # The services only some screens and the day's jobs need are built (and their modules
    # imported) when first used, so a start does not pay for them before the counter shows.
    LAZY_SERVICES = ("cards", "packages", "reports", "care", "appointments", "commission", "shifts",
                     "year_export")

    @cached_property
    def commission(self) -> "CommissionService":
        from .commission import CommissionService
        return CommissionService(self.ctx)

    @cached_property
    def shifts(self) -> "ShiftService":
        from .shifts import ShiftService
        return ShiftService(self.ctx)

    @cached_property
    def cards(self) -> "CardService":
        from .cards import CardService
        return CardService(self.ctx)

    @cached_property
    def packages(self) -> "PackageService":
        from .package_service import PackageService
        return PackageService(self.ctx, self._book)

    @cached_property
    def reports(self) -> "ReportService":
        from .monthly_figures import ReportService
        return ReportService(self.ctx)

    @cached_property
    def year_export(self) -> "YearExportService":
        from .year_export import YearExportService
        return YearExportService(self.ctx)

    @cached_property
    def care(self) -> "CareService":
        from .care import CareService
        return CareService(self.ctx, self.sales)

    @cached_property
    def appointments(self) -> "AppointmentService":
        from .appointments import AppointmentService
        return AppointmentService(self.ctx, self.visits)

    @classmethod
    def open(cls, path: str | Path, clock: Callable[[], datetime] = system_clock,
             run_jobs: bool = True, backup_dir: str | Path | None = None,
             keystore: KeyStore | None = None, encrypt_new: bool = False) -> "Shop":
        """Open (creating and migrating as needed) the shop file at ``path``.

        An encrypted file opens with the key kept for it in ``keystore`` (the operating system's
        credential store, by default). With ``encrypt_new`` a file that does not exist yet is
        created encrypted under a new recovery key, kept in the key store and offered once as
        ``shop.recovery_key`` for the owner to print.
        """
        path = Path(path)
        backups = Path(backup_dir) if backup_dir else path.parent / "backups"
        key, recovery_key = None, None
        if is_encrypted(path):
            key = (keystore or KeyStore()).get(path)
        elif encrypt_new and not (path.exists() and path.stat().st_size > 0):
            keys = keystore or KeyStore()
            key = keys.get(path)            # a key this computer already keeps for the path stays valid
            if key is None:
                key = recovery_key = new_recovery_key()
                keys.put(path, key)
        lock = hold_open(path)          # released by close(); a restore waits for every holder
        try:
            db, applied = open_database(path, backups, key)
        except BaseException:
            lock.release()
            raise
        shop = cls(ShopContext(db, path, clock, backups), applied)
        shop._lock = lock
        shop._keystore = keystore        # where the owner's "encrypt the shop file" keeps the key
        shop.ctx.key = key               # the recovery key an encrypted file was opened with
        shop.read_only = is_read_only(db)       # the window shows a banner: sales cannot be taken
        shop.on_network_share = on_network_share(path)   # the owner is warned (SQLite's log is unsafe there)
        shop.recovery_key = recovery_key
        shop.encrypted = key is not None
        # Outside an operation the models default to the newest open shop, for scripts and tests
        # that read a table directly; every service operation binds its own shop (ctx.bound).
        for model in MODELS:
            model._meta.set_database(db)
        if run_jobs and not shop.read_only:
            try:
                with storage_errors(path):
                    shop.run_daily_jobs()
            except BaseException:
                shop.close()
                raise
        return shop

    def inspect_backup(self, session: object, backup: str | Path) -> BackupSummary:
        """What ``backup`` holds, after the checks a restore makes (the owner; nothing changes):
        a whole salon-desk file of a version this program opens, not empty, opened with this
        shop's key when encrypted."""
        self.ctx.authorise(session, Perm.RESTORE)
        return inspect_backup(backup, self.ctx.key)

    def restore(self, session: object, backup: str | Path, progress: Progress | None = None) -> Path | None:
        """Replace this open shop's file with ``backup`` (the owner, from the window); the copy of the
        replaced file kept in the backups folder, or None.

        The same checks as ``salon-desk restore``, and refused (``db.in_use``, nothing changed)
        while any other program has the file open. This shop holds it open itself: it turns its
        lock exclusive (no one can open the file meanwhile), closes the file, restores, and opens
        the restored file in its place. Every session ends: the staff of the restored file log in
        again. When the copy fails, the file is as it was and is opened again.
        """
        actor = self.ctx.authorise(session, Perm.RESTORE)
        backup = Path(backup)
        inspect_backup(backup, self.ctx.key)        # refused before anything is closed
        who = actor.row.username
        kept = self._restore(backup, progress)
        self.ctx.end_all_sessions()
        with self.ctx.bound(), self.ctx.db.atomic():
            self.ctx.audit(None, "backup_restored", target=backup.name, by=who,
                           kept=str(kept) if kept else "")
        return kept

    def encrypt(self, session: object, progress: Progress | None = None) -> "Encrypted":
        """Encrypt this open, plain shop file under a recovery key kept in this computer's key
        store (the owner, from the window): the same steps and checks as ``salon-desk encrypt``.

        Like a restore it waits for a daily job under way, holds the file alone and closes it
        (run it on the thread that uses the shop), then opens the encrypted file in its place.
        The books are the same, so the sessions stay. ``progress`` follows the passes over the
        file; an exception it raises (a Cancel) stops the work before the file is replaced: the
        file opens again as it was, plain. Refused: ``db.already_encrypted``, ``db.read_only``,
        ``db.in_use`` (another program has the file open).
        """
        from .encrypt_shop import encrypt_shop_file
        actor = self.ctx.authorise(session, Perm.RESTORE)       # the owner's power over the file itself
        if self.ctx.key is not None:
            raise DatabaseProblem("db.already_encrypted", path=str(self.path))
        if self.read_only:
            raise DatabaseProblem("db.read_only", path=str(self.path))
        keystore = self._keystore or KeyStore()
        with self._file_alone():
            done = encrypt_shop_file(self.path, self.backup_dir, keystore, progress)
            self.ctx.key = keystore.get(self.path)
        self.encrypted = True
        with self.ctx.bound(), self.ctx.db.atomic():
            self.ctx.audit(actor.row, "shop_encrypted", target=self.path.name, backup=done.backup.name,
                           same_key=done.reused_key)
        return done

    def _restore(self, backup: Path, progress: Progress | None) -> Path | None:
        with self._file_alone():
            return replace_with_backup(backup, self.path, self.ctx.key, self.backup_dir, progress)

    @contextmanager
    def _file_alone(self) -> Iterator[None]:
        """The file held by this shop alone and closed for the body (a restore, an encryption),
        then opened again whatever happened. It waits a while for a daily job under way, then
        refuses (``db.in_use``); the lock turned exclusive keeps other programs out meanwhile."""
        if not self.background.acquire(timeout=RESTORE_WAIT_S):      # a daily job on a big file: later
            raise DatabaseProblem("db.in_use", path=str(self.path))
        try:
            with self._lock.alone():
                self.ctx.db.close()
                try:
                    yield
                finally:
                    self._reopen()
        finally:
            self.background.release()

    def _reopen(self) -> None:
        db, applied = open_database(self.path, self.backup_dir, self.ctx.key)
        self.ctx.db = db
        if self._holding_checkpoints:              # the window's checkpoints go on in their thread
            hold_checkpoints(db)
        self.ctx.forget_settings()
        self.migrations_applied = applied
        self.read_only = is_read_only(db)
        for model in MODELS:
            model._meta.set_database(db)

    @property
    def db(self) -> Any:
        return self.ctx.db

    def services(self) -> dict[str, object]:
        """Every service of the front door by name (what the permission test walks)."""
        for name in self.LAZY_SERVICES:
            getattr(self, name)
        return {name: value for name, value in vars(self).items() if hasattr(value, "ctx") and name != "ctx" and not name.startswith("_")}

    @property
    def clock(self) -> Callable[[], datetime]:
        return self.ctx.clock

    @clock.setter
    def clock(self, clock: Callable[[], datetime]) -> None:
        self.ctx.clock = clock

    def now(self) -> datetime:
        return self.ctx.now()

    def today(self) -> date:
        return self.ctx.today()

    def close(self) -> None:
        if not self.ctx.db.is_closed():
            self.ctx.db.close()
        self._lock.release()
        if Setting._meta.database is self.ctx.db:
            for model in MODELS:
                model._meta.set_database(UNBOUND)

    def __enter__(self) -> "Shop":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def books_check_due(self) -> bool:
        """Whether today's check of the books is still to run (the nightly job)."""
        with self.ctx.bound():
            job = DailyJob.get_or_none(DailyJob.name == "books_check")
            return job is None or job.last_run < self.ctx.today()

    def record_books_check(self, found: list[Broken]) -> None:
        """Today's check of the books is done: what it found, kept for the owner (the audit log)."""
        ctx = self.ctx
        with ctx.bound(), ctx.db.atomic():
            ctx.audit(None, "books_checked", problems=problems_as_details(found))
            DailyJob.insert(name="books_check", last_run=ctx.today()).on_conflict_replace().execute()
        if not any(b.check == "audit" for b in found):
            # the chain's head written down outside the file: cutting the log short shows from now on
            write_head(ctx.execute, heads_path(ctx.path, ctx.backup_dir))

    def run_daily_jobs(self, backup: bool = False, care_once: bool = False,
                       check_books: bool = True) -> dict[str, object]:
        """Lapses, the yearly points reset, report checkpoints (all idempotent, each reading only
        what changed since it last ran), the day's follow-up tasks (with ``care_once`` only on the
        day's first run), and with ``backup`` the nightly part once a day: the check of the books
        (``integrity_check`` over the whole file and the audit chain included; ``result["books"]``,
        recorded for the owner, who sees a strip after login when something is broken) and a
        rotating backup.

        The window runs this off its UI thread after the counter is painted, and on a timer."""
        result: dict[str, object] = {"lapsed": [], "resets": [], "backup": None}
        if self.staff.needs_setup():
            return result
        result["resets"] = self.points.apply_yearly_resets()
        result["lapsed"] = self.members.apply_lapses()
        self.reports.refresh_checkpoints()   # so no month-end report pays for the whole history
        result["package_expiry"] = self.packages.expiry_tasks()   # calls about packages near or past expiry
        ctx = self.ctx
        with ctx.bound():
            today = ctx.today()
            if not care_once or self._due("care", today):
                result["care"] = self.care.run_daily()   # follow-up tasks of the day, last month's segments
                self._done("care", today)
            if backup and check_books and self.books_check_due():
                # once a day: the books' invariants, recorded for the owner (shown after login when broken)
                found = check_books_of(ctx)
                result["books"] = found
                self.record_books_check(found)
            if backup and self._due("backup", today):
                try:
                    result["backup"] = rotate_backup(ctx.db, ctx.backup_dir, ctx.path.stem,
                                                     ctx.setting("backup.keep"))
                except DatabaseProblem as problem:    # reported to the owner, tried again next start
                    result["backup_failed"] = problem
                    return result
                self._done("backup", today)
        return result

    def _due(self, job: str, today: date) -> bool:
        done = DailyJob.get_or_none(DailyJob.name == job)
        return done is None or done.last_run < today

    def _done(self, job: str, today: date) -> None:
        with self.ctx.db.atomic():
            DailyJob.insert(name=job, last_run=today).on_conflict_replace().execute()

    def close_connection(self) -> None:
        """Close this thread's connection to the file (opened again when next used): before
        another thread holds the file alone, as the window's encryption does on a worker."""
        self.ctx.db.close()

    def hold_checkpoints(self) -> None:
        """From now on this thread's sales leave the write-ahead log to ``checkpoint`` (the window
        runs it on a worker thread every few seconds), so no sale waits while the log is copied."""
        hold_checkpoints(self.ctx.db)
        self._holding_checkpoints = True

    def checkpoint(self, own_connection: bool = False) -> tuple[int, int, int]:
        """The write-ahead log copied into the file without waiting for anyone: (busy, log, copied).
        With ``own_connection`` (a worker thread) it opens and closes this thread's connection; it
        skips, busy, while a restore or a daily job holds ``background``."""
        if not self.background.acquire(blocking=False):
            return 1, 0, 0
        try:
            if not own_connection:
                return checkpoint(self.ctx.db)
            db = self.ctx.db
            db.connection()  # type: ignore[no-untyped-call]  # peewee is untyped
            try:
                return checkpoint(db)
            finally:
                db.close()                  # this thread's connection only
        finally:
            self.background.release()

    def check_file(self) -> str:
        """The whole file read and checked (``PRAGMA quick_check``): "ok" or the first problem.

        Seconds on a shop of many years: the window runs it in the background after the
        counter is painted (interrupted when the window closes first)."""
        return check_file(self.ctx.db)
