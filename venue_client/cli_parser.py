"""The argument parser of ``venue-admin``: every subcommand takes ``--data-dir``,
``--config`` and ``--lang``, and every one has its own ``--help``."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from venue_client.catalog import default_lang, translate
from venue_client.cli_bid import RSA_PADDINGS
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
    _report_commands(group("report", QT_TRANSLATE_NOOP("cli", "报表（PDF）")), command, _)
    _idcard_commands(group("idcard", QT_TRANSLATE_NOOP("cli", "二代身份证读卡器")), command, _)
    add_bid_commands(group("bid", QT_TRANSLATE_NOOP("cli", "投标文件加密与解密")), command, _)
    from venue_client.sync.commands import add_parser as add_sync_parser

    add_sync_parser(groups, parents=[common], translate=_)
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


def _report_commands(
    report: Any, command: Callable[..., argparse.ArgumentParser], _: Callable[[Text], str]
) -> None:
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
    add_report_opening(report, command, _)


def add_report_opening(
    report: Any, command: Callable[..., argparse.ArgumentParser], _: Callable[[Text], str]
) -> None:
    opening = command(
        report,
        "opening-record",
        "report opening-record",
        QT_TRANSLATE_NOOP("cli", "生成开标记录表（任何状态均可生成，未结束的标为草稿）"),
    )
    opening.add_argument(
        "section",
        metavar="SECTION",
        help=_(QT_TRANSLATE_NOOP("cli", "开标场次编号（见 sessions list，如 O1）或标段编号")),
    )
    opening.add_argument(
        "--out",
        type=Path,
        required=True,
        metavar="FILE.pdf",
        help=_(QT_TRANSLATE_NOOP("cli", "输出文件")),
    )


def add_bid_commands(
    bid: Any, command: Callable[..., argparse.ArgumentParser], _: Callable[[Text], str]
) -> None:
    seal = command(
        bid,
        "seal",
        "bid seal",
        QT_TRANSLATE_NOOP("cli", "把文件加密为 VBE1 投标文件，并显示回执 SHA-256"),
    )
    seal.add_argument(
        "--recipient",
        type=Path,
        action="append",
        required=True,
        metavar="CERT",
        help=_(QT_TRANSLATE_NOOP("cli", "接收者证书（PEM/DER，RSA、EC P-256 或 SM2；可重复）")),
    )
    seal.add_argument(
        "--backup",
        type=Path,
        action="append",
        default=[],
        metavar="CERT",
        help=_(QT_TRANSLATE_NOOP("cli", "平台备用密钥的证书（可重复）")),
    )
    seal.add_argument(
        "--sm4",
        action="store_true",
        help=_(QT_TRANSLATE_NOOP("cli", "用 SM4-GCM 代替 AES-256-GCM")),
    )
    seal.add_argument(
        "--rsa-padding",
        choices=list(RSA_PADDINGS),
        default="oaep-sha256",
        help=_(
            QT_TRANSLATE_NOOP(
                "cli",
                "RSA 接收者的填充方式（默认 oaep-sha256；SoftHSM 用 oaep-sha1，"
                "旧加密锁用 pkcs1v15）",
            )
        ),
    )
    seal.add_argument(
        "--summary",
        type=Path,
        metavar="JSON_FILE",
        help=_(QT_TRANSLATE_NOOP("cli", '开标一览表（JSON 对象，报价写成字符串，如 "1234.50"）')),
    )
    _in_out(seal, _, out_required=True)

    inspect = command(
        bid,
        "inspect",
        "bid inspect",
        QT_TRANSLATE_NOOP("cli", "显示投标文件的格式、接收者、算法和大小（不需要密钥）"),
    )
    inspect.add_argument(
        "file", type=Path, metavar="FILE", help=_(QT_TRANSLATE_NOOP("cli", "投标文件"))
    )
    inspect.add_argument(
        "--json", action="store_true", help=_(QT_TRANSLATE_NOOP("cli", "以 JSON 输出"))
    )

    decrypt = command(
        bid,
        "decrypt",
        "bid decrypt",
        QT_TRANSLATE_NOOP("cli", "解密投标文件（VBE1、CMS 或 GM/T 0010），先核对回执"),
    )
    keys = decrypt.add_mutually_exclusive_group(required=True)
    keys.add_argument(
        "--key",
        type=Path,
        metavar="PEM",
        help=_(QT_TRANSLATE_NOOP("cli", "私钥文件（PEM/DER；RSA、EC 或 SM2）")),
    )
    keys.add_argument(
        "--pkcs12",
        type=Path,
        metavar="FILE",
        help=_(QT_TRANSLATE_NOOP("cli", "PKCS#12 文件（.p12/.pfx）")),
    )
    keys.add_argument(
        "--pkcs11",
        type=Path,
        metavar="MODULE",
        help=_(QT_TRANSLATE_NOOP("cli", "加密锁的 PKCS#11 驱动库（.so/.dll）")),
    )
    decrypt.add_argument(
        "--cert",
        type=Path,
        metavar="CERT",
        help=_(QT_TRANSLATE_NOOP("cli", "与 --key 对应的证书（默认在密钥文件中查找）")),
    )
    decrypt.add_argument(
        "--token",
        metavar="LABEL",
        help=_(QT_TRANSLATE_NOOP("cli", "加密锁标签（默认第一个加密锁）")),
    )
    decrypt.add_argument(
        "--password-file",
        type=Path,
        metavar="F",
        help=_(
            QT_TRANSLATE_NOOP(
                "cli", "从此文件第一行读取密钥文件密码或加密锁 PIN（默认在终端提示输入）"
            )
        ),
    )
    decrypt.add_argument(
        "--receipt",
        metavar="SHA256",
        help=_(QT_TRANSLATE_NOOP("cli", "投标回执中的 SHA-256（先核对，不符则不解密）")),
    )
    decrypt.add_argument(
        "--summary-only",
        action="store_true",
        help=_(QT_TRANSLATE_NOOP("cli", "只读取并以 JSON 显示开标一览表，不解密正文")),
    )
    _in_out(decrypt, _, out_required=False)


def _in_out(sub: argparse.ArgumentParser, _: Callable[[Text], str], *, out_required: bool) -> None:
    sub.add_argument(
        "--in",
        dest="in_path",
        type=Path,
        required=True,
        metavar="FILE",
        help=_(QT_TRANSLATE_NOOP("cli", "输入文件")),
    )
    sub.add_argument(
        "--out",
        type=Path,
        required=out_required,
        metavar="FILE",
        help=_(QT_TRANSLATE_NOOP("cli", "输出文件（不得已存在）")),
    )
