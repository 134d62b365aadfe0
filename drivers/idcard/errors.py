"""Errors of the ID card reader (二代身份证阅读器).

Two families, both ``DeviceError`` (so both carry a code and a translatable
message):

- ``StatusError``: the reader answered with an SW3 status that is not a success;
  one subclass per status of the GA 467 family, ``code`` is the SW3 byte.
- ``FramingError`` and the other host-side errors: what this side found wrong
  (a bad checksum or length in the reader's answer, no answer, a closed port);
  ``code`` is a short word such as ``"checksum"`` because the reader sent none.
"""

from __future__ import annotations

from typing import ClassVar

from drivers.common import QT_TRANSLATE_NOOP, DeviceError, DriverText


class IdCardError(DeviceError):
    """Anything that went wrong talking to the ID card reader."""


# --- statuses sent by the reader (SW3) --------------------------------------------


class StatusError(IdCardError):
    """The reader answered with a failure status; ``code``/``sw3`` is the SW3 byte."""

    sw3: int
    message: ClassVar[DriverText]

    def __init__(self, sw3: int | None = None, **args: object) -> None:
        if sw3 is not None:
            self.sw3 = sw3
        super().__init__(self.message, code=self.sw3, **args)


class NoCardError(StatusError):
    sw3 = 0x80
    message = QT_TRANSLATE_NOOP("idcard", "未放卡或卡片未放好")


class SelectFailedError(StatusError):
    sw3 = 0x81
    message = QT_TRANSLATE_NOOP("idcard", "选卡失败，请重新放置身份证")


class ReadFailedError(StatusError):
    sw3 = 0x41
    message = QT_TRANSLATE_NOOP("idcard", "读卡失败，请重新放置身份证")


class CommandChecksumError(StatusError):
    sw3 = 0x10
    message = QT_TRANSLATE_NOOP("idcard", "读卡器收到的命令校验和错误")


class CommandLengthError(StatusError):
    sw3 = 0x11
    message = QT_TRANSLATE_NOOP("idcard", "读卡器收到的命令长度错误")


class BadCommandError(StatusError):
    sw3 = 0x21
    message = QT_TRANSLATE_NOOP("idcard", "读卡器不支持该命令或命令格式错误")


class UnauthorisedOperationError(StatusError):
    sw3 = 0x23
    message = QT_TRANSLATE_NOOP("idcard", "读卡器拒绝越权操作")


class AuthenticationError(StatusError):
    """Mutual authentication between card and reader failed (SW3 0x31-0x33)."""


class CardAuthenticationError(AuthenticationError):
    sw3 = 0x31
    message = QT_TRANSLATE_NOOP("idcard", "身份证认证读卡器失败")


class ReaderAuthenticationError(AuthenticationError):
    sw3 = 0x32
    message = QT_TRANSLATE_NOOP("idcard", "读卡器认证身份证失败")


class InformationVerificationError(AuthenticationError):
    sw3 = 0x33
    message = QT_TRANSLATE_NOOP("idcard", "身份证信息验证错误")


class UnknownCardTypeError(StatusError):
    sw3 = 0x40
    message = QT_TRANSLATE_NOOP("idcard", "无法识别的卡片，请放置居民身份证")


class SamSelfTestError(StatusError):
    sw3 = 0x60
    message = QT_TRANSLATE_NOOP("idcard", "读卡器安全模块自检失败")


class SamNotAuthorisedError(StatusError):
    sw3 = 0x66
    message = QT_TRANSLATE_NOOP("idcard", "读卡器安全模块未经授权")


class UnknownStatusError(StatusError):
    """An SW3 this driver does not know (the code is kept)."""

    message = QT_TRANSLATE_NOOP("idcard", "读卡器返回未知状态 {code}")

    def __init__(self, sw3: int) -> None:
        super().__init__(sw3)


STATUS_ERRORS: dict[int, type[StatusError]] = {
    cls.sw3: cls
    for cls in (
        NoCardError,
        SelectFailedError,
        ReadFailedError,
        CommandChecksumError,
        CommandLengthError,
        BadCommandError,
        UnauthorisedOperationError,
        CardAuthenticationError,
        ReaderAuthenticationError,
        InformationVerificationError,
        UnknownCardTypeError,
        SamSelfTestError,
        SamNotAuthorisedError,
    )
}


def status_error(sw3: int) -> StatusError:
    """The typed error for a failure status ``sw3``."""
    cls = STATUS_ERRORS.get(sw3)
    return cls() if cls is not None else UnknownStatusError(sw3)


# --- found on this side -------------------------------------------------------------


class HostError(IdCardError):
    """An error found by this side; subclasses set ``code`` and ``message``."""

    code_word: ClassVar[str]
    message: ClassVar[DriverText]

    def __init__(self, **args: object) -> None:
        super().__init__(self.message, code=self.code_word, **args)


class FramingError(HostError):
    """A frame from the reader was malformed and dropped (the decoder resynchronises)."""


class FrameChecksumError(FramingError):
    code_word = "checksum"
    message = QT_TRANSLATE_NOOP("idcard", "读卡器应答校验和错误")


class FrameLengthError(FramingError):
    code_word = "length"
    message = QT_TRANSLATE_NOOP("idcard", "读卡器应答长度错误")


class FrameTruncatedError(FramingError):
    code_word = "truncated"
    message = QT_TRANSLATE_NOOP("idcard", "读卡器应答不完整")


class CardDataError(HostError):
    """A well-framed read reply whose card data cannot be decoded."""

    code_word = "data"
    message = QT_TRANSLATE_NOOP("idcard", "身份证信息无法解析：{detail}")


class ReaderTimeoutError(HostError):
    code_word = "timeout"
    message = QT_TRANSLATE_NOOP("idcard", "读卡器无应答（{port}）")


class PortError(HostError):
    code_word = "port"
    message = QT_TRANSLATE_NOOP("idcard", "读卡器端口 {port} 不可用：{reason}")


class ReaderNotOpenError(HostError):
    code_word = "closed"
    message = QT_TRANSLATE_NOOP("idcard", "读卡器尚未打开")


class CardNotLiftedError(HostError):
    code_word = "lift"
    message = QT_TRANSLATE_NOOP("idcard", "该身份证已读取，请取下后重新放置")


class ReadCancelledError(HostError):
    code_word = "cancelled"
    message = QT_TRANSLATE_NOOP("idcard", "读卡已取消")
