"""The command line: the same front door the window uses.

``salon-desk`` opens the window; ``init``, ``demo``, ``backup`` and
``restore`` work on the shop file; printing commands come from cli_print,
``encrypt`` and ``unlock`` from cli_encrypt.
Bad input gives one line on stderr and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import gc
import getpass
import sys
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .cli_login import check_owner, cli_login, login_options
from .errors import SalonError
from .paths import default_db_path, demo_db_path
from .progress import working

EXIT_BAD_INPUT = 2
EXIT_NO_QT = 3

_MESSAGES = {
    "setup.already_done": "this shop file is already set up",
    "setup.shop_name_required": "the shop name is required (--shop-name)",
    "staff.username_required": "the owner's user name is required (--owner)",
    "password.too_short": "the password must have at least {min} characters",
    "db.corrupt": "the shop file {path} is damaged ({detail}); restore a backup with 'salon-desk restore'",
    "db.locked": "the shop file {path} is in use by another program; close it and try again",
    "db.newer_version": "the shop file {path} was written by a newer salon-desk; update the program",
    "db.in_use": "the shop file {path} is open in salon-desk (a window, a command or another computer); "
                 "close it everywhere and restore again. Nothing was changed",
    "db.backup_empty": "the backup {path} is empty (0 bytes); choose another one. Nothing was changed",
    "db.not_a_shop": "{path} is not a salon-desk shop file; nothing was changed",
    "restore.cancelled": "nothing was restored",
    "db.empty_file": "the shop file {path} is empty (0 bytes) and was left alone; restore a backup with "
                     "'salon-desk restore', or delete it to start a new shop",
    "db.disk_full": "disk full: nothing was saved ({path})",
    "db.read_only": "the shop file {path} is read-only: nothing can be saved",
    "backup.failed": "the backup {path} could not be written ({detail}); no incomplete copy was left",
    "db.cannot_open": "cannot open the shop file {path}: {detail}",
    "db.wrong_key": "the key does not open the shop file {path} (another shop's key, or a damaged file); "
                    "nothing was changed. Type the owner's recovery key with 'salon-desk unlock'",
    "db.key_missing": "the shop file {path} is encrypted and this computer keeps no key for it; "
                      "type the owner's recovery key with 'salon-desk unlock'",
    "db.not_encrypted": "the shop file {path} is not encrypted, although this computer keeps a key for it; "
                        "encrypt it with 'salon-desk encrypt'",
    "db.already_encrypted": "the shop file {path} is already encrypted",
    "db.encrypt_failed": "the shop file {path} was not encrypted ({detail}); it is unchanged",
    "key.mistyped": "that is not a recovery key: check it for a typo ({expected} letters and digits "
                    "in groups of four)",
    "sale.not_found": "no sale with receipt number {receipt_no}",
    "customer.not_found": "no such customer",
    "report.bad_month": "not a month: {text} (expected YYYY-MM)",
    "year_export.bad_year": "not a year: {text} (expected YYYY, e.g. 2025)",
    "year_export.future": "{year} has not come yet: export a year up to {this_year}",
    "year_export.before_first_sale": "the shop has no sales before {first_year}: nothing to export for {year}",
    "year_export.cancelled": "the export was cancelled; no file was written",
    "file.unwritable": "cannot write {path}",
    "auth.bad_credentials": "wrong user name or password",
    "cli.missing_value": "missing {option}: pass it as an option (there is no terminal to ask)",
    "demo.bad_size": "--customers and --months must be at least 1",
    "file.not_found": "no such file: {path}",
    "report.bad_date": "not a date: {text} (expected YYYY-MM-DD)",
    "report.bad_range": "the start date is after the end date",
    "report.no_output": "say where to write the report: --pdf, --xlsx or --csv",
    "perm.no_owner": "this shop has no active owner to print as; pass --user",
    "cli.no_answer": "no answer was typed; nothing was done",
    "cli.login_required": "log in: pass --user and set {variable} (there is no terminal to ask)",
    "auth.locked": "too many wrong passwords: this account is locked until {until}",
    "perm.not_logged_in": "log in first (--user)",
    "perm.denied": "a {role} may not do this ({perm})",
}


def describe(error: SalonError) -> str:
    """One English line for an error code (the window has the translated sentences)."""
    template = _MESSAGES.get(error.code)
    if template:
        try:
            return template.format(**error.params)
        except (KeyError, IndexError):
            pass
    params = ", ".join(f"{k}={v}" for k, v in sorted(error.params.items()))
    return f"{error.code} ({params})" if params else error.code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see --help)\n")


def _db_option(parser: argparse.ArgumentParser, default: Path | None = None) -> None:
    parser.add_argument("--db", type=Path, default=default,
                        help=f"shop file (default: {default_db_path()})")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="salon-desk", description="Counter and customer file of a beauty and hair salon.")
    parser.add_argument("--version", action="version", version=f"salon-desk {__version__}")
    _db_option(parser)
    parser.add_argument("--demo", action="store_true", help="open a fresh demo shop (its logins are shown)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="language of the window for this run")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    init = sub.add_parser("init", help="set up a new shop file")
    _db_option(init)
    init.add_argument("--shop-name")
    init.add_argument("--address", default="")
    init.add_argument("--phone", default="")
    init.add_argument("--footer")
    init.add_argument("--owner", help="the owner's user name")
    init.add_argument("--owner-name", default="", help="the owner's display name")
    init.add_argument("--password", help="the owner's password (prompted if omitted)")

    demo = sub.add_parser("demo", help="build a realistic demo shop file")
    _db_option(demo)
    demo.add_argument("--customers", type=int, default=300)
    demo.add_argument("--months", type=int, default=6)
    demo.add_argument("--seed", type=int, default=1)

    backup = sub.add_parser("backup", help="write a backup of the shop file now (owner)")
    _db_option(backup)
    backup.add_argument("--to", type=Path, help="backup file (default: the backups folder)")
    login_options(backup)

    restore = sub.add_parser("restore", help="replace the shop file with a backup (owner)")
    _db_option(restore)
    restore.add_argument("backup_file", type=Path)
    restore.add_argument("--yes", action="store_true", help="restore without asking (after the checks)")
    login_options(restore)

    verify = sub.add_parser("verify", help="check the books' invariants and report the first broken link (owner)")
    _db_option(verify)
    login_options(verify)

    try:
        from .cli_print import add_print_commands
    except ImportError:  # printing not installed in this build
        add_print_commands = None
    if add_print_commands is not None:
        add_print_commands(sub, _db_option)
    from .cli_encrypt import add_encrypt_command
    add_encrypt_command(sub, _db_option)
    from .cli_year import add_year_command
    add_year_command(sub, _db_option)
    return parser


def _prompt(label: str, secret: bool = False) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise SalonError("cli.missing_value", option=label)
    return getpass.getpass(f"{label}: ") if secret else input(f"{label}: ")


def cmd_init(args) -> int:
    from .db import Shop
    shop_name = args.shop_name or _prompt("shop name")
    owner = args.owner or _prompt("owner user name")
    password = args.password or _prompt("owner password", secret=True)
    with Shop.open(args.db) as shop:
        shop.staff.setup(shop_name=shop_name, owner_username=owner, owner_password=password,
                   owner_display_name=args.owner_name, address=args.address, phone=args.phone,
                   receipt_footer=args.footer)
    print(f"shop '{shop_name}' set up in {args.db}; owner: {owner}")
    return 0


def cmd_demo(args) -> int:
    from .progress import TerminalBar, build_demo_reporting
    if args.customers < 1 or args.months < 1:
        raise SalonError("demo.bad_size", customers=args.customers, months=args.months)
    bar = TerminalBar("demo shop", unit="day")
    try:
        summary = build_demo_reporting(args.db, bar.report, customers=args.customers, months=args.months,
                                       seed=args.seed)
    finally:
        bar.close()
    print(f"demo shop in {args.db}: {summary['customers']} customers, {summary['sales']} sales, "
          f"{summary['members']} members")
    for username, password, role in summary["logins"]:
        print(f"  login {username} / {password} ({role})")
    return 0


def cmd_backup(args) -> int:
    from .db import Shop
    with Shop.open(args.db, run_jobs=False) as shop:
        actor = cli_login(shop, args.user)
        from .progress import measured
        with measured("backup", unit="page") as bar:
            target = shop.backups.backup_now(actor, args.to, progress=bar.report)
    print(target)
    return 0


def describe_backup(summary) -> str:
    """What the owner reads before a restore: when the copy was written and what it holds."""
    last = (f"last receipt {summary.last_receipt_no} ({summary.last_sale_at:%Y-%m-%d %H:%M})"
            if summary.last_receipt_no and summary.last_sale_at else
            f"last receipt {summary.last_receipt_no}" if summary.last_receipt_no else "no sales")
    return (f"backup {summary.path}, written {summary.written_at:%Y-%m-%d %H:%M}: {last}, "
            f"{summary.sales} sales, {summary.customers} customers"
            + (", encrypted" if summary.encrypted else ""))


def cmd_restore(args) -> int:
    from .db.backup import inspect_backup, restore_backup
    if not args.backup_file.exists():
        raise SalonError("file.not_found", path=str(args.backup_file))
    if args.db.exists() and args.db.stat().st_size > 0:
        check_owner(args.db, args.user)
    else:
        check_owner(args.backup_file, args.user)
    from .keystore import KeyStore
    key = KeyStore().get(args.db)
    with working("checking the backup"):
        summary = inspect_backup(args.backup_file, key)
    print(describe_backup(summary))
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise SalonError("cli.missing_value", option="--yes")
        answer = input(f"replace {args.db} with this backup? (the file replaced is kept) [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            raise SalonError("restore.cancelled")
    from .progress import measured
    with measured("restoring", unit="B") as bar:
        kept = restore_backup(args.backup_file, args.db, key=key, progress=bar.report)
    print(f"restored {args.db} from {args.backup_file}"
          + (f"; the replaced file is kept as {kept}" if kept else ""))
    return 0


def cmd_verify(args) -> int:
    from .db import Shop
    with Shop.open(args.db, run_jobs=False) as shop:
        actor = cli_login(shop, args.user)
        with working("checking the books"):
            broken = shop.audit.verify(actor)
    if not broken:
        print(f"{args.db}: the books hold (the file, receipt numbers, payments, stored value, points, the audit chain)")
        return 0
    for link in broken:
        print(f"BROKEN {link.check}: {link.detail}")
    return 1


def fresh_demo(target: Path, build: Callable[[Path], object] | None = None) -> Path:
    """A fresh demo shop at ``target``: a copy of today's demo, built on the first start of the day.

    Building replays months of sales through the real checkout (several seconds);
    later starts that day copy it in a blink, still fresh for each run. ``build``
    builds it at a path (the window's shows a progress dialog).
    """
    import shutil
    from datetime import date

    template = target.with_name(f"demo-template-{date.today():%Y%m%d}-{__version__}.sqlite")
    if not template.exists():
        partial = template.with_suffix(".building")
        if build is None:
            from .db.demo import build_demo
            print("salon-desk: building the demo shop (once a day, a few seconds)…", file=sys.stderr)
            build = build_demo
        build(partial)
        partial.replace(template)
        for old in target.parent.glob("demo-template-*.sqlite"):
            if old != template:
                old.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    from .db.audit_log import heads_path
    heads_path(target, target.parent / "backups").unlink(missing_ok=True)     # a new demo's chain is its own
    shutil.copyfile(template, target)
    return target


def cmd_window(args) -> int:
    # The start builds tens of thousands of long-lived objects (Qt's enums, the records, the
    # models) and no garbage cycles: the cyclic collector would only walk them again and again.
    # It is held until the counter is painted (``run`` turns it back on), or until we return.
    gc.disable()
    try:
        from .ui.qt_check import problem
        trouble = problem()     # one line instead of a traceback or Qt's abort
        if trouble:
            print(f"salon-desk: {trouble}", file=sys.stderr)
            return EXIT_NO_QT
        from .app import demo_builder, run
        db = args.db
        if args.demo:
            gc.enable()         # the demo build is long work that makes garbage
            db = fresh_demo(args.db or demo_db_path(), build=demo_builder(args.lang))
        return run(db_path=db or default_db_path(), demo=args.demo, language=args.lang)
    finally:
        gc.enable()


COMMANDS = {"init": cmd_init, "demo": cmd_demo, "backup": cmd_backup, "restore": cmd_restore,
            "verify": cmd_verify}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "db", None) is None and args.command not in (None,):
        args.db = demo_db_path() if args.command == "demo" else default_db_path()
    try:
        if args.command is None:
            return cmd_window(args)
        if args.command in COMMANDS:
            return COMMANDS[args.command](args)
        return args.handler(args)
    except SalonError as error:
        print(f"salon-desk: {describe(error)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
