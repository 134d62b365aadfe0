"""Why a bid envelope cannot be opened: one :class:`EnvelopeError` subclass per
cause, shared by every envelope format (VBE1, CMS, GM/T 0010).

The opening desk, ``venue-admin bid`` and the opening record show these messages
as they are; the classes are what the opening session uses to classify a failure
(``DOMAIN.md``: wrong key, key missing, corrupt ciphertext, deadline passed).
Each message is Simplified Chinese in context ``envelope``.
"""

from __future__ import annotations

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError

E_NOT_ENVELOPE = QT_TRANSLATE_NOOP("envelope", "不是可识别的投标文件加密格式")
E_MALFORMED = QT_TRANSLATE_NOOP("envelope", "投标文件加密结构损坏：{detail}")
E_UNSUPPORTED = QT_TRANSLATE_NOOP("envelope", "不支持的加密算法：{algorithm}")
E_NO_RECIPIENT = QT_TRANSLATE_NOOP(
    "envelope", "所用密钥不是此投标文件的接收者（密钥错误），请使用投标时的数字证书"
)
E_UNWRAP_FAILED = QT_TRANSLATE_NOOP("envelope", "无法用此密钥解开内容密钥（密钥错误或密钥块损坏）")
E_TAMPERED = QT_TRANSLATE_NOOP(
    "envelope", "投标文件密文校验失败（第 {chunk} 块），文件已被篡改或损坏"
)
E_TRUNCATED = QT_TRANSLATE_NOOP("envelope", "投标文件不完整（在第 {offset} 字节处截断）")
E_TRAILING = QT_TRANSLATE_NOOP("envelope", "投标文件末尾有多余数据（第 {offset} 字节起）")
E_RECEIPT = QT_TRANSLATE_NOOP(
    "envelope", "投标文件的 SHA-256 {actual} 与回执 {expected} 不符，文件与投标时不一致"
)
E_BAD_RECEIPT = QT_TRANSLATE_NOOP("envelope", "回执中的 SHA-256 无效：{value}")
E_OUTPUT_EXISTS = QT_TRANSLATE_NOOP("envelope", "输出文件已存在：{path}")
E_OUTPUT_FAILED = QT_TRANSLATE_NOOP("envelope", "无法写入解密后的文件：{path}（{reason}）")
E_NO_SUMMARY = QT_TRANSLATE_NOOP("envelope", "此投标文件没有开标一览表")
E_BAD_SUMMARY = QT_TRANSLATE_NOOP("envelope", "开标一览表内容无效：{detail}")


class EnvelopeError(UserFacingError):
    """The envelope cannot be opened; the subclass says why."""


class NotAnEnvelopeError(EnvelopeError):
    """The bytes are none of the formats the venue opens."""

    def __init__(self) -> None:
        super().__init__(E_NOT_ENVELOPE)


class MalformedEnvelopeError(EnvelopeError):
    """The structure is broken (bad length, bad tag, bad field); ``detail`` says where."""

    def __init__(self, detail: str) -> None:
        super().__init__(E_MALFORMED, detail=detail)
        self.detail = detail


class UnsupportedAlgorithmError(EnvelopeError):
    """A well-formed envelope asks for an algorithm this build does not implement."""

    def __init__(self, algorithm: str) -> None:
        super().__init__(E_UNSUPPORTED, algorithm=algorithm)
        self.algorithm = algorithm


class WrongKeyError(EnvelopeError):
    """None of the envelope's recipients is the key offered (cause: wrong key)."""

    def __init__(self) -> None:
        super().__init__(E_NO_RECIPIENT)


class KeyUnwrapError(EnvelopeError):
    """A recipient names the key, but unwrapping the content key fails."""

    def __init__(self) -> None:
        super().__init__(E_UNWRAP_FAILED)


class TamperedError(EnvelopeError):
    """Authentication failed: a byte of the ciphertext (or header) was changed.
    ``chunk`` is 1-based; 0 means the header or the whole-content tag."""

    def __init__(self, chunk: int) -> None:
        super().__init__(E_TAMPERED, chunk=chunk)
        self.chunk = chunk


class TruncatedError(EnvelopeError):
    """The input ended before the envelope did."""

    def __init__(self, offset: int) -> None:
        super().__init__(E_TRUNCATED, offset=offset)
        self.offset = offset


class TrailingDataError(EnvelopeError):
    """Bytes follow the end of the envelope (appended data is refused, not ignored)."""

    def __init__(self, offset: int) -> None:
        super().__init__(E_TRAILING, offset=offset)
        self.offset = offset


class ReceiptMismatchError(EnvelopeError):
    """The ciphertext's SHA-256 is not the one receipted at submission."""

    def __init__(self, expected: str, actual: str) -> None:
        super().__init__(E_RECEIPT, expected=expected, actual=actual)
        self.expected = expected
        self.actual = actual


class BadReceiptError(EnvelopeError):
    """The receipt given is not a SHA-256 in hex."""

    def __init__(self, value: str) -> None:
        super().__init__(E_BAD_RECEIPT, value=value)


class OutputExistsError(EnvelopeError):
    def __init__(self, path: str) -> None:
        super().__init__(E_OUTPUT_EXISTS, path=path)


class OutputFailedError(EnvelopeError):
    def __init__(self, path: str, reason: str) -> None:
        super().__init__(E_OUTPUT_FAILED, path=path, reason=reason)


class NoSummaryError(EnvelopeError):
    def __init__(self) -> None:
        super().__init__(E_NO_SUMMARY)


class BadSummaryError(EnvelopeError):
    def __init__(self, detail: str) -> None:
        super().__init__(E_BAD_SUMMARY, detail=detail)
