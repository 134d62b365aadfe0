"""The argument parser of ``venue-admin``: every subcommand takes ``--data-dir``,
``--config`` and ``--lang``, and every one has its own ``--help``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from venue_client.catalog import default_lang, translate
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text


def _lang_from_argv() -> str:
    import sys

    argv = sys.argv[1:]
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return default_lang()


def build(
    handlers: Mapping[str, Callable[..., int]], *, version: str, roles: list[str]
) -> argparse.ArgumentParser:
    lang = _lang_from_argv()

    def _(text: Text) -> str:
        return translate(text, lang)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        type=Path,
        metavar="DIR",
        help=_(QT_TRANSLATE_NOOP("cli", "数据目录（默认：本用户的应用数据目录）")),
    )
    common.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=_(QT_TRANSLATE_NOOP("cli", "配置文件（默认：数据目录中的 config.toml）")),
    )
    lang_help = _(QT_TRANSLATE_NOOP("cli", "输出语言（zh_CN 或 en）"))
    # Accepted before or after the subcommand; SUPPRESS keeps the subcommand's
    # default from overwriting a value given at the top level.
    common.add_argument(
        "--lang", choices=["zh_CN", "en"], default=argparse.SUPPRESS, help=lang_help
    )

    parser = argparse.ArgumentParser(
        prog="venue-admin",
        description=_(QT_TRANSLATE_NOOP("cli", "开标评标场所客户端的命令行管理工具")),
        epilog=_(QT_TRANSLATE_NOOP("cli", "退出码：0 成功，1 校验不通过，2 无法执行")),
    )
    parser.add_argument("--version", action="version", version=f"venue-admin {version}")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default=None, help=lang_help)
    groups = parser.add_subparsers(dest="group", required=True, metavar="COMMAND")

    def group(name: str, help_text: Text) -> Any:
        sub = groups.add_parser(name, help=_(help_text), description=_(help_text))
        return sub.add_subparsers(dest="command", required=True, metavar="SUBCOMMAND")

    def command(parent: Any, name: str, key: str, help_text: Text) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = parent.add_parser(
            name, parents=[common], help=_(help_text), description=_(help_text)
        )
        sub.set_defaults(handler=handlers[key])
        return sub

    validate = group("validate", QT_TRANSLATE_NOOP("cli", "校验身份证号码或统一社会信用代码"))
    command(
        validate, "id", "validate id", QT_TRANSLATE_NOOP("cli", "校验居民身份证号码（GB 11643）")
    ).add_argument("number", help=_(QT_TRANSLATE_NOOP("cli", "18 位身份证号码")))
    command(
        validate,
        "uscc",
        "validate uscc",
        QT_TRANSLATE_NOOP("cli", "校验统一社会信用代码（GB 32100）"),
    ).add_argument("code", help=_(QT_TRANSLATE_NOOP("cli", "18 位统一社会信用代码")))

    demo = group("demo", QT_TRANSLATE_NOOP("cli", "演示数据"))
    command(
        demo,
        "seed",
        "demo seed",
        QT_TRANSLATE_NOOP("cli", "写入今天的演示数据（重复执行不会重复写入）"),
    )

    db = group("db", QT_TRANSLATE_NOOP("cli", "数据库"))
    command(db, "upgrade", "db upgrade", QT_TRANSLATE_NOOP("cli", "备份数据库文件后升级到最新结构"))

    audit = group("audit", QT_TRANSLATE_NOOP("cli", "审计日志"))
    verify = command(
        audit,
        "verify",
        "audit verify",
        QT_TRANSLATE_NOOP("cli", "按已签名的检查点重新计算并校验审计日志"),
    )
    verify.add_argument(
        "--vkey",
        action="append",
        default=[],
        metavar="VKEY",
        help=_(QT_TRANSLATE_NOOP("cli", "另外信任的验证公钥（可重复，如其他工作站的公钥）")),
    )
    verify.add_argument(
        "--json", action="store_true", help=_(QT_TRANSLATE_NOOP("cli", "以 JSON 输出"))
    )
    command(
        audit, "checkpoint", "audit checkpoint", QT_TRANSLATE_NOOP("cli", "立即为日志签名检查点")
    )

    users = group("users", QT_TRANSLATE_NOOP("cli", "用户与角色"))
    add = command(
        users, "add", "users add", QT_TRANSLATE_NOOP("cli", "添加用户（密码在提示时输入）")
    )
    add.add_argument("username", help=_(QT_TRANSLATE_NOOP("cli", "登录名")))
    add.add_argument("--name", required=True, help=_(QT_TRANSLATE_NOOP("cli", "姓名")))
    add.add_argument(
        "--role", required=True, choices=roles, help=_(QT_TRANSLATE_NOOP("cli", "角色"))
    )
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help=_(QT_TRANSLATE_NOOP("cli", "从标准输入读取一行作为密码（用于脚本）")),
    )
    listing = command(users, "list", "users list", QT_TRANSLATE_NOOP("cli", "列出用户"))
    listing.add_argument(
        "--json", action="store_true", help=_(QT_TRANSLATE_NOOP("cli", "以 JSON 输出"))
    )
    passwd = command(
        users, "passwd", "users passwd", QT_TRANSLATE_NOOP("cli", "修改用户密码并解除锁定")
    )
    passwd.add_argument("username", help=_(QT_TRANSLATE_NOOP("cli", "登录名")))
    passwd.add_argument(
        "--password-stdin",
        action="store_true",
        help=_(QT_TRANSLATE_NOOP("cli", "从标准输入读取一行作为密码（用于脚本）")),
    )

    sessions = group("sessions", QT_TRANSLATE_NOOP("cli", "开标会与评标会"))
    slist = command(
        sessions,
        "list",
        "sessions list",
        QT_TRANSLATE_NOOP("cli", "列出某日的开标会与评标会及其编号（其他命令使用这些编号）"),
    )
    when = slist.add_mutually_exclusive_group()
    when.add_argument(
        "--date",
        type=date.fromisoformat,
        metavar="YYYY-MM-DD",
        help=_(QT_TRANSLATE_NOOP("cli", "日期（默认今天）")),
    )
    when.add_argument("--all", action="store_true", help=_(QT_TRANSLATE_NOOP("cli", "所有日期")))
    slist.add_argument(
        "--json", action="store_true", help=_(QT_TRANSLATE_NOOP("cli", "以 JSON 输出"))
    )
    report = group("report", QT_TRANSLATE_NOOP("cli", "报表（PDF）"))
    signin = command(
        report, "signin", "report signin", QT_TRANSLATE_NOOP("cli", "生成场次的签到表")
    )
    signin.add_argument(
        "session", help=_(QT_TRANSLATE_NOOP("cli", "场次编号（见 sessions list），如 O1、E3"))
    )
    signin.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help=_(QT_TRANSLATE_NOOP("cli", "输出文件")),
    )
    _idcard_commands(group("idcard", QT_TRANSLATE_NOOP("cli", "二代身份证读卡器")), command, _)
    return parser


def _idcard_commands(
    idcard: Any, command: Callable[..., argparse.ArgumentParser], _: Callable[[Text], str]
) -> None:
    read = command(idcard, "read", "idcard read", QT_TRANSLATE_NOOP("cli", "读取一张身份证并显示"))
    read.add_argument(
        "--port",
        required=True,
        metavar="URL",
        help=_(QT_TRANSLATE_NOOP("cli", "读卡器端口：/dev/ttyUSB0、COM3、socket://主机:端口 等")),
    )
    read.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="S",
        help=_(QT_TRANSLATE_NOOP("cli", "等待放卡的秒数（默认 10）")),
    )
    read.add_argument(
        "--baud",
        type=int,
        default=115200,
        help=_(QT_TRANSLATE_NOOP("cli", "波特率（默认 115200，无应答时再试 9600）")),
    )
    read.add_argument(
        "--json", action="store_true", help=_(QT_TRANSLATE_NOOP("cli", "以 JSON 输出"))
    )
