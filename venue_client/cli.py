"""``venue-admin``: headless administration of a venue client's data directory.

Exit status: 0 success, 1 the thing checked is invalid (an ID, a USCC, the audit
log), 2 the command could not run (configuration, database, usage).
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import datetime

from venue_client import __version__
from venue_client.catalog import default_lang, render
from venue_client.config import Settings, load_settings
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message, UserFacingError
from venue_client.domain.identity import parse_citizen_id, parse_uscc
from venue_client.logs import setup_logging
from venue_client.services.clock import BEIJING
from venue_client.services.context import AppContext, open_context
from venue_client.store.log_models import Role

log = logging.getLogger("venue_client.cli")

M_ID_VALID = QT_TRANSLATE_NOOP("cli", "有效的身份证号码：{number}（出生日期 {birth}，性别 {sex}）")
M_USCC_VALID = QT_TRANSLATE_NOOP("cli", "有效的统一社会信用代码：{code}")
M_AUDIT_OK = QT_TRANSLATE_NOOP(
    "cli", "审计日志完好：{size} 条记录，根哈希 {root}，{checkpoints} 个检查点已验证"
)
M_AUDIT_BAD = QT_TRANSLATE_NOOP("cli", "审计日志校验失败：")
M_SEEDED = QT_TRANSLATE_NOOP("cli", "演示数据已写入 {path}")
M_ALREADY = QT_TRANSLATE_NOOP("cli", "演示数据已存在，未作改动：{path}")
M_UPGRADED = QT_TRANSLATE_NOOP("cli", "数据库已是最新版本（{revision}）：{url}")
M_USER_ADDED = QT_TRANSLATE_NOOP("cli", "已添加用户 {username}（{role}）")
M_PASSWORD_SET = QT_TRANSLATE_NOOP("cli", "已修改用户 {username} 的密码")
M_PASSWORDS_DIFFER = QT_TRANSLATE_NOOP("cli", "两次输入的密码不一致")
M_CHECKPOINT = QT_TRANSLATE_NOOP("cli", "已签名检查点：{size} 条记录")
M_REPORT_WRITTEN = QT_TRANSLATE_NOOP("cli", "已生成 {path}")
M_NO_CHECKPOINT = QT_TRANSLATE_NOOP("cli", "日志自上个检查点以来没有新记录")


class Cli:
    """State for one invocation: language, output streams, lazily opened context."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lang: str = args.lang or default_lang()
        self._ctx: AppContext | None = None

    def say(self, text: Message | UserFacingError, *, err: bool = False) -> None:
        print(render(text, self.lang), file=sys.stderr if err else sys.stdout)

    def settings(self) -> Settings:
        return load_settings(config_file=self.args.config, data_dir=self.args.data_dir)

    def context(self) -> AppContext:
        if self._ctx is None:
            settings = self.settings()
            self._ctx = open_context(settings)
            setup_logging(settings.log_dir, settings.log.level, "venue-admin.log")
            log.info("venue-admin %s %s", self.args.group, self.args.command)
        return self._ctx

    def close(self) -> None:
        if self._ctx is not None:
            self._ctx.checkpoint()
            self._ctx.close()

    @property
    def actor(self) -> str:
        return f"cli:{getpass.getuser()}"


def cmd_validate_id(cli: Cli) -> int:
    cid = parse_citizen_id(cli.args.number, today=datetime.now(BEIJING).date())
    sex = "男" if cid.sex == "M" else "女"
    cli.say(Message(M_ID_VALID, number=cid.number, birth=cid.birth_date.isoformat(), sex=sex))
    return 0


def cmd_validate_uscc(cli: Cli) -> int:
    cli.say(Message(M_USCC_VALID, code=parse_uscc(cli.args.code)))
    return 0


def cmd_demo_seed(cli: Cli) -> int:
    from venue_client.services.demo import demo_data_dir, seed_demo

    if cli.args.data_dir is None:
        cli.args.data_dir = demo_data_dir()
    ctx = cli.context()
    seeded = seed_demo(ctx)
    cli.say(Message(M_SEEDED if seeded else M_ALREADY, path=ctx.settings.data_dir))
    return 0


def cmd_db_upgrade(cli: Cli) -> int:
    from venue_client.store.database import current_revision

    ctx = cli.context()  # opening upgrades (after a backup of the file)
    cli.say(
        Message(
            M_UPGRADED, revision=current_revision(ctx.db), url=ctx.db.sqlite_path or "PostgreSQL"
        )
    )
    return 0


def cmd_audit_verify(cli: Cli) -> int:
    from venue_client.services.audit import AuditService

    report = AuditService(cli.context()).verify(cli.args.vkey)
    if cli.args.json:
        out = {
            "ok": report.ok,
            "tree_size": report.tree_size,
            "root": report.root_hex,
            "checkpoints": report.checkpoints,
            "first_bad_entry": report.first_bad_seq,
            "problems": [render(p, cli.lang) for p in report.problems],
        }
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif report.ok:
        cli.say(
            Message(
                M_AUDIT_OK,
                size=report.tree_size,
                root=report.root_hex,
                checkpoints=report.checkpoints,
            )
        )
    else:
        cli.say(Message(M_AUDIT_BAD), err=True)
        for problem in report.problems:
            print(f"  - {render(problem, cli.lang)}", file=sys.stderr)
    return 0 if report.ok else 1


def cmd_audit_checkpoint(cli: Cli) -> int:
    row = cli.context().checkpoint()
    cli.say(Message(M_CHECKPOINT, size=row.tree_size) if row else Message(M_NO_CHECKPOINT))
    return 0


def _read_password(cli: Cli) -> str:
    if cli.args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("密码 / Password: ")
    if getpass.getpass("再次输入 / Repeat: ") != first:
        raise UserFacingError(M_PASSWORDS_DIFFER)
    return first


def cmd_users_add(cli: Cli) -> int:
    from venue_client.services.users import ROLE_NAMES, UserService

    password = _read_password(cli)
    info = UserService(cli.context()).add(
        cli.args.username, cli.args.name, Role(cli.args.role), password, actor=cli.actor
    )
    cli.say(Message(M_USER_ADDED, username=info.username, role=ROLE_NAMES[info.role]))
    return 0


def cmd_users_list(cli: Cli) -> int:
    from venue_client.services.users import UserService

    users = UserService(cli.context()).list()
    if cli.args.json:
        rows = [
            {
                "username": u.username,
                "name": u.display_name,
                "role": str(u.role),
                "active": u.active,
                "locked_until": u.locked_until.isoformat() if u.locked_until else None,
            }
            for u in users
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for u in users:
            inactive = "" if u.active else " (inactive)"
            print(f"{u.username:<16} {u.role!s:<13} {u.display_name}{inactive}")
    return 0


def cmd_users_passwd(cli: Cli) -> int:
    from venue_client.services.users import UserService

    UserService(cli.context()).set_password(cli.args.username, _read_password(cli), actor=cli.actor)
    cli.say(Message(M_PASSWORD_SET, username=cli.args.username))
    return 0


def cmd_sessions_list(cli: Cli) -> int:
    from venue_client.services.schedule import ScheduleService

    day = None if cli.args.all else (cli.args.date or cli.context().clock.today())
    sessions = ScheduleService(cli.context()).sessions(day)
    if cli.args.json:
        print(json.dumps([s.as_json() for s in sessions], ensure_ascii=False, indent=2))
        return 0
    for s in sessions:
        when = s.scheduled_at.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M")
        print(
            f"{s.id:<5} {s.kind:<10} {when}  {s.room_code:<6} {s.section_code}  {s.state:<12} "
            f"{s.checked_in}/{s.participants}  {s.project_name} {s.section_name}"
        )
    return 0


def cmd_idcard_read(cli: Cli) -> int:
    from drivers.idcard.cli import read_command
    from venue_client.catalog import translate

    return read_command(
        cli.args.port,
        timeout=cli.args.timeout,
        json_out=cli.args.json,
        baudrate=cli.args.baud,
        translate=lambda text: translate(text, cli.lang),
    )


def cmd_report_signin(cli: Cli) -> int:
    from venue_client.catalog import translate
    from venue_client.services.checkin import CheckInService
    from venue_client.services.signin_report import export_signin_sheet

    out = export_signin_sheet(
        CheckInService(cli.context()),
        cli.args.session,
        cli.args.out,
        translate=lambda text: translate(text, cli.lang),
    )
    cli.say(Message(M_REPORT_WRITTEN, path=out))
    return 0


def build_parser() -> argparse.ArgumentParser:
    from venue_client.cli_bid import HANDLERS as BID_HANDLERS
    from venue_client.cli_parser import build

    return build(
        {
            **BID_HANDLERS,
            "validate id": cmd_validate_id,
            "validate uscc": cmd_validate_uscc,
            "demo seed": cmd_demo_seed,
            "db upgrade": cmd_db_upgrade,
            "audit verify": cmd_audit_verify,
            "audit checkpoint": cmd_audit_checkpoint,
            "users add": cmd_users_add,
            "users list": cmd_users_list,
            "users passwd": cmd_users_passwd,
            "sessions list": cmd_sessions_list,
            "idcard read": cmd_idcard_read,
            "report signin": cmd_report_signin,
        },
        version=__version__,
        roles=[str(r) for r in Role],
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[Cli], int] = args.handler
    cli = Cli(args)
    try:
        return handler(cli)
    except UserFacingError as exc:
        from venue_client.domain.identity import InvalidCitizenId, InvalidUscc

        cli.say(exc, err=True)
        return 1 if isinstance(exc, InvalidCitizenId | InvalidUscc) else 2
    except KeyboardInterrupt:
        return 130
    finally:
        try:
            cli.close()
        except UserFacingError as exc:
            cli.say(exc, err=True)


if __name__ == "__main__":
    raise SystemExit(main())
