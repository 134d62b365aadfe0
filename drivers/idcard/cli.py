"""``venue-admin idcard read``: read one card and print it (the lead wires it in)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import TextIO

from drivers.common import QT_TRANSLATE_NOOP
from drivers.idcard.card import IdCard
from drivers.idcard.errors import IdCardError, StatusError
from drivers.idcard.reader import IdCardReader

M_FAILED_STATUS = QT_TRANSLATE_NOOP("idcard", "读卡失败：{message}（读卡器状态码 {code}）")
M_FAILED_HOST = QT_TRANSLATE_NOOP("idcard", "读卡失败：{message}（错误代码 {code}）")
M_ROW = QT_TRANSLATE_NOOP("idcard", "{label}：{value}")
M_NAME = QT_TRANSLATE_NOOP("idcard", "姓名")
M_SEX = QT_TRANSLATE_NOOP("idcard", "性别")
M_NATION = QT_TRANSLATE_NOOP("idcard", "民族")
M_BIRTH = QT_TRANSLATE_NOOP("idcard", "出生")
M_ADDRESS = QT_TRANSLATE_NOOP("idcard", "住址")
M_ID_NUMBER = QT_TRANSLATE_NOOP("idcard", "公民身份号码")
M_ISSUER = QT_TRANSLATE_NOOP("idcard", "签发机关")
M_VALIDITY = QT_TRANSLATE_NOOP("idcard", "有效期限")
M_PHOTO = QT_TRANSLATE_NOOP("idcard", "照片")
M_MALE = QT_TRANSLATE_NOOP("idcard", "男")
M_FEMALE = QT_TRANSLATE_NOOP("idcard", "女")
M_LONG_TERM = QT_TRANSLATE_NOOP("idcard", "长期")
M_PHOTO_YES = QT_TRANSLATE_NOOP("idcard", "已解码")
M_PHOTO_NO = QT_TRANSLATE_NOOP("idcard", "不可用（未配置或无法加载照片解码库）")


Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


def read_command(
    port: str, *, timeout: float, json_out: bool, baudrate: int, translate: Translate = _same
) -> int:
    """Read one card from the reader at ``port`` within ``timeout`` seconds and print
    it (JSON or text) on stdout; on failure print the error with its code on
    stderr and return 1. ``translate`` turns a source text into the user's language."""
    reader = IdCardReader(port, baudrate=baudrate)
    try:
        reader.open()
        card = reader.read_card(timeout)
    except IdCardError as exc:
        print(format_error(exc, translate), file=sys.stderr)
        return 1
    finally:
        reader.close()
    if json_out:
        print(json.dumps(card.to_json(), ensure_ascii=False, indent=2))
    else:
        print_card(card, sys.stdout, translate)
    return 0


def format_error(exc: IdCardError, translate: Translate = _same) -> str:
    template = M_FAILED_STATUS if isinstance(exc, StatusError) else M_FAILED_HOST
    message = exc.render(translate(exc.text))
    return translate(template).format(message=message, code=exc.args_map["code"])


def print_card(card: IdCard, out: TextIO, translate: Translate = _same) -> None:
    valid_to = translate(M_LONG_TERM) if card.valid_to is None else f"{card.valid_to:%Y.%m.%d}"
    rows = (
        (M_NAME, card.name),
        (M_SEX, translate(M_MALE if card.sex == "M" else M_FEMALE)),
        (M_NATION, card.nation),
        (M_BIRTH, card.birth.isoformat()),
        (M_ADDRESS, card.address),
        (M_ID_NUMBER, card.id_number),
        (M_ISSUER, card.issuer),
        (M_VALIDITY, f"{card.valid_from:%Y.%m.%d}-{valid_to}"),
        (M_PHOTO, translate(M_PHOTO_YES if card.photo_available else M_PHOTO_NO)),
    )
    for label, value in rows:
        print(translate(M_ROW).format(label=translate(label), value=value), file=out)
