"""``venue-admin sync run [--once]``, ``sync status [--json]`` and ``sync ack ID``.

Exit status as for every ``venue-admin`` command: 0 success; 1 sync is stopped by an
alarm or events were rejected (the thing checked is not right); 2 the command could
not run (configuration, platform unreachable)."""

from __future__ import annotations

import argparse
import getpass
import json
import signal
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from venue_client.catalog import render
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Message, Text, UserFacingError
from venue_client.services.context import AppContext
from venue_client.sync import alarms

M_HELP = QT_TRANSLATE_NOOP("sync", "与交易平台同步")
M_RUN_HELP = QT_TRANSLATE_NOOP("sync", "运行同步（默认持续运行，Ctrl+C 停止）")
M_ONCE_HELP = QT_TRANSLATE_NOOP("sync", "只同步一轮后退出")
M_STATUS_HELP = QT_TRANSLATE_NOOP("sync", "显示同步状态、发件箱与告警")
M_JSON_HELP = QT_TRANSLATE_NOOP("sync", "以 JSON 输出")
M_ACK_HELP = QT_TRANSLATE_NOOP("sync", "分中心管理员确认同步告警（密码在提示时输入）")
M_ALARM_ID = QT_TRANSLATE_NOOP("sync", "告警编号（见 sync status）")
M_MANAGER = QT_TRANSLATE_NOOP("sync", "分中心管理员登录名")
M_NOTE = QT_TRANSLATE_NOOP("sync", "处理说明")
M_DONE = QT_TRANSLATE_NOOP("sync", "同步完成：已确认至第 {acked} 条事件，待发送 {pending} 条")
M_OFFLINE = QT_TRANSLATE_NOOP("sync", "交易平台不可达，稍后重试：{error}")
M_FAILED = QT_TRANSLATE_NOOP("sync", "同步未完成：{error}")
M_FOLLOWER = QT_TRANSLATE_NOOP("sync", "另一工作站正在同步，本机只校准了时钟")
M_STATUS = QT_TRANSLATE_NOOP(
    "sync",
    "平台：{online}；上次成功：{last}；待发送 {pending} 条，被拒绝 {rejected} 条，"
    "已确认至第 {acked} 条；待处理日程变更 {changes} 项；待上传 {uploads} 个文件",
)
M_CLOCK = QT_TRANSLATE_NOOP("sync", "时钟偏差：{skew} 秒（允许 {tolerance} 秒）")
M_ALARM = QT_TRANSLATE_NOOP("sync", "告警 #{id}（{blocking}）：{label} {subject}")
M_REJECTED = QT_TRANSLATE_NOOP("sync", "被拒绝的事件 #{seq}（{type}）：{error}")
M_ACKED = QT_TRANSLATE_NOOP("sync", "告警 #{id} 已由 {user} 确认")
W_ONLINE = QT_TRANSLATE_NOOP("sync", "在线")
W_OFFLINE = QT_TRANSLATE_NOOP("sync", "离线")
W_NEVER = QT_TRANSLATE_NOOP("sync", "从未")
W_BLOCKING = QT_TRANSLATE_NOOP("sync", "同步已停止")
W_NOTICE = QT_TRANSLATE_NOOP("sync", "需查看")


class CliLike(Protocol):
    """What the handlers need of ``venue_client.cli.Cli``."""

    args: argparse.Namespace
    lang: str

    def say(self, text: Message | UserFacingError, *, err: bool = False) -> None: ...

    def context(self) -> AppContext: ...


def add_parser(
    groups: Any,
    *,
    parents: Sequence[argparse.ArgumentParser] = (),
    translate: Callable[[Text], str] = str,
) -> argparse.ArgumentParser:
    """Add the ``sync`` group to ``venue-admin``'s subparsers."""
    _ = translate
    group: argparse.ArgumentParser = groups.add_parser(
        "sync", help=_(M_HELP), description=_(M_HELP)
    )
    sub = group.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")
    run = sub.add_parser("run", parents=list(parents), help=_(M_RUN_HELP))
    run.add_argument("--once", action="store_true", help=_(M_ONCE_HELP))
    run.set_defaults(handler=cmd_sync_run)
    status = sub.add_parser("status", parents=list(parents), help=_(M_STATUS_HELP))
    status.add_argument("--json", action="store_true", help=_(M_JSON_HELP))
    status.set_defaults(handler=cmd_sync_status)
    ack = sub.add_parser("ack", parents=list(parents), help=_(M_ACK_HELP))
    ack.add_argument("alarm", type=int, help=_(M_ALARM_ID))
    ack.add_argument("--user", required=True, help=_(M_MANAGER))
    ack.add_argument("--note", default="", help=_(M_NOTE))
    ack.add_argument("--password-stdin", action="store_true")
    ack.set_defaults(handler=cmd_sync_ack)
    return group


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def cmd_sync_run(cli: CliLike) -> int:
    from venue_client.sync.service import SyncService

    service = SyncService(cli.context())
    if not cli.args.once:
        service.start()
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            while True:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
        finally:
            service.stop()
            signal.signal(signal.SIGTERM, previous)
        return 0
    try:
        report = service.run_once()
        status = service.status()
    finally:
        service.stop()
    if report.blocked:
        cli.say(Message(M_FAILED, error=report.error), err=True)
        return 1
    if not report.online:
        cli.say(Message(M_OFFLINE, error=report.error), err=True)
        return 2
    if report.error:
        cli.say(Message(M_FAILED, error=report.error), err=True)
        return 2
    if not report.leader:
        cli.say(Message(M_FOLLOWER))
        return 0
    cli.say(Message(M_DONE, acked=status.acked_through, pending=status.outbox_pending))
    return 1 if status.outbox_rejected or status.alarms else 0


def cmd_sync_status(cli: CliLike) -> int:
    from venue_client.sync.relay import rejected_events
    from venue_client.sync.service import SyncService

    ctx = cli.context()
    service = SyncService(ctx)
    try:
        status = service.status()
    finally:
        service.stop()
    rejected = rejected_events(ctx)
    if cli.args.json:
        out = status.as_json()
        out["rejected"] = rejected
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        lang = cli.lang
        last = status.last_success.isoformat(timespec="seconds") if status.last_success else None
        cli.say(
            Message(
                M_STATUS,
                online=render(Message(W_ONLINE if status.online else W_OFFLINE), lang),
                last=last or render(Message(W_NEVER), lang),
                pending=status.outbox_pending,
                rejected=status.outbox_rejected,
                acked=status.acked_through,
                changes=status.pending_changes,
                uploads=status.uploads_queued,
            )
        )
        skew = status.clock.skew_seconds
        cli.say(
            Message(
                M_CLOCK,
                skew="-" if skew is None else f"{skew:+.2f}",
                tolerance=f"{status.clock.tolerance_seconds:g}",
            )
        )
        for a in status.alarms:
            cli.say(
                Message(
                    M_ALARM,
                    id=a.id,
                    blocking=render(Message(W_BLOCKING if a.blocking else W_NOTICE), lang),
                    label=render(Message(a.label), lang),
                    subject=a.subject,
                )
            )
        for r in rejected:
            cli.say(Message(M_REJECTED, seq=r["seq"], type=r["type"], error=r["error"]))
    return 1 if status.alarms or status.outbox_rejected else 0


def cmd_sync_ack(cli: CliLike) -> int:
    from venue_client.services.users import UserService

    ctx = cli.context()
    if cli.args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("密码 / Password: ")
    user = UserService(ctx).authenticate(cli.args.user, password)  # raises when wrong
    view = alarms.acknowledge(ctx, cli.args.alarm, user, cli.args.note)
    cli.say(Message(M_ACKED, id=view.id, user=user.username))
    return 0
