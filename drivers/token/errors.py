"""Typed key-token errors. Each carries the PKCS#11 return value (``CKR_*``) as its
``code`` when the token gave one, and a translatable Simplified Chinese message.

Never put a PIN or key material into an error: these messages are logged and shown.
"""

from __future__ import annotations

from drivers.common import QT_TRANSLATE_NOOP, DeviceError

# PKCS#11 return values (pkcs11t.h) that the driver reports by name.
CKR_GENERAL_ERROR = 0x05
CKR_FUNCTION_FAILED = 0x06
CKR_ARGUMENTS_BAD = 0x07
CKR_ATTRIBUTE_SENSITIVE = 0x11
CKR_DEVICE_ERROR = 0x30
CKR_DEVICE_REMOVED = 0x32
CKR_ENCRYPTED_DATA_INVALID = 0x40
CKR_ENCRYPTED_DATA_LEN_RANGE = 0x41
CKR_FUNCTION_NOT_SUPPORTED = 0x54
CKR_KEY_HANDLE_INVALID = 0x60
CKR_KEY_TYPE_INCONSISTENT = 0x63
CKR_KEY_FUNCTION_NOT_PERMITTED = 0x68
CKR_KEY_UNEXTRACTABLE = 0x6A
CKR_MECHANISM_INVALID = 0x70
CKR_MECHANISM_PARAM_INVALID = 0x71
CKR_OBJECT_HANDLE_INVALID = 0x82
CKR_PIN_INCORRECT = 0xA0
CKR_PIN_LEN_RANGE = 0xA2
CKR_PIN_EXPIRED = 0xA3
CKR_PIN_LOCKED = 0xA4
CKR_SESSION_CLOSED = 0xB0
CKR_SESSION_HANDLE_INVALID = 0xB3
CKR_TOKEN_NOT_PRESENT = 0xE0
CKR_TOKEN_NOT_RECOGNIZED = 0xE1
CKR_USER_NOT_LOGGED_IN = 0x101
CKR_CRYPTOKI_NOT_INITIALIZED = 0x190
CKR_FUNCTION_REJECTED = 0x200

# CK_TOKEN_INFO flags about the user PIN.
CKF_USER_PIN_COUNT_LOW = 0x00010000
CKF_USER_PIN_FINAL_TRY = 0x00020000
CKF_USER_PIN_LOCKED = 0x00040000

E_MODULE = QT_TRANSLATE_NOOP("drivers.token", "无法加载加密锁驱动：{module}")
E_NO_TOKEN = QT_TRANSLATE_NOOP("drivers.token", "未检测到加密锁，请插入加密锁后重试")
E_NO_CERTIFICATE = QT_TRANSLATE_NOOP("drivers.token", "未检测到证书")
E_NO_PRIVATE_KEY = QT_TRANSLATE_NOOP("drivers.token", "加密锁中没有与证书对应的私钥")
E_PIN_CANCELLED = QT_TRANSLATE_NOOP("drivers.token", "已取消输入 PIN")
E_PIN_WRONG_COUNTED = QT_TRANSLATE_NOOP("drivers.token", "PIN 错误，还可尝试 {attempts} 次")
E_PIN_WRONG_LOW = QT_TRANSLATE_NOOP("drivers.token", "PIN 错误，剩余尝试次数已不多")
E_PIN_WRONG = QT_TRANSLATE_NOOP("drivers.token", "PIN 错误")
E_PIN_LOCKED = QT_TRANSLATE_NOOP("drivers.token", "PIN 已锁定，请联系证书颁发机构解锁")
E_PIN_EXPIRED = QT_TRANSLATE_NOOP("drivers.token", "PIN 已过期，请先修改 PIN")
E_REMOVED = QT_TRANSLATE_NOOP("drivers.token", "加密锁已被拔出，请重新插入后重试")
E_MECHANISM = QT_TRANSLATE_NOOP("drivers.token", "此加密锁不支持所需的算法（{mechanism}）")
E_KEY_MISMATCH = QT_TRANSLATE_NOOP("drivers.token", "非本投标人的加密锁")
E_DECRYPT = QT_TRANSLATE_NOOP("drivers.token", "解密失败：密文与此加密锁的密钥不符")
E_KEY_FILE = QT_TRANSLATE_NOOP("drivers.token", "无法读取密钥文件：{path}")
E_KEY_FILE_PASSWORD = QT_TRANSLATE_NOOP("drivers.token", "密钥文件密码错误：{path}")
E_OPERATION = QT_TRANSLATE_NOOP("drivers.token", "加密锁操作失败（错误码 {code}）")


class TokenError(DeviceError):
    """Anything a key token or key file reports; ``code`` is the CKR value if any."""


class TokenModuleError(TokenError):
    def __init__(self, module: str, *, detail: str = "") -> None:
        super().__init__(E_MODULE, code=None, module=module)
        self.detail = detail


class NoTokenError(TokenError):
    def __init__(self, *, code: int | None = None) -> None:
        super().__init__(E_NO_TOKEN, code=code)


class NoCertificateError(TokenError):
    def __init__(self) -> None:
        super().__init__(E_NO_CERTIFICATE)


class NoPrivateKeyError(TokenError):
    def __init__(self) -> None:
        super().__init__(E_NO_PRIVATE_KEY)


class PinCancelledError(TokenError):
    def __init__(self) -> None:
        super().__init__(E_PIN_CANCELLED)


class PinIncorrectError(TokenError):
    """Wrong PIN. ``attempts_left`` is known only when the token tells (final try: 1);
    otherwise ``flags`` holds what it did say (``CKF_USER_PIN_COUNT_LOW``)."""

    def __init__(
        self, *, flags: int, attempts_left: int | None = None, code: int = CKR_PIN_INCORRECT
    ) -> None:
        self.flags = flags
        self.attempts_left = attempts_left
        if attempts_left is None and flags & CKF_USER_PIN_FINAL_TRY:
            self.attempts_left = 1
        if self.attempts_left is not None:
            super().__init__(E_PIN_WRONG_COUNTED, code=code, attempts=self.attempts_left)
        elif flags & CKF_USER_PIN_COUNT_LOW:
            super().__init__(E_PIN_WRONG_LOW, code=code)
        else:
            super().__init__(E_PIN_WRONG, code=code)


class PinLockedError(TokenError):
    def __init__(self) -> None:
        super().__init__(E_PIN_LOCKED, code=CKR_PIN_LOCKED)


class PinExpiredError(TokenError):
    def __init__(self) -> None:
        super().__init__(E_PIN_EXPIRED, code=CKR_PIN_EXPIRED)


class TokenRemovedError(TokenError):
    """The token went away mid-operation (pulled out, or its store deleted)."""

    def __init__(self, *, code: int | None = CKR_DEVICE_REMOVED) -> None:
        super().__init__(E_REMOVED, code=code)


class MechanismUnsupportedError(TokenError):
    def __init__(self, mechanism: str, *, code: int | None = CKR_MECHANISM_INVALID) -> None:
        super().__init__(E_MECHANISM, code=code, mechanism=mechanism)
        self.mechanism = mechanism


class KeyMismatchError(TokenError):
    """The key offered is not the one the bid was encrypted to (非本投标人的加密锁)."""

    def __init__(self, *, offered: str = "", expected: tuple[str, ...] = ()) -> None:
        super().__init__(E_KEY_MISMATCH)
        self.offered = offered
        self.expected = expected


class DecryptionFailedError(TokenError):
    """The key refused the ciphertext (wrong key or damaged data)."""

    def __init__(self, *, code: int | None = None) -> None:
        super().__init__(E_DECRYPT, code=code)


class KeyFileError(TokenError):
    def __init__(self, path: str) -> None:
        super().__init__(E_KEY_FILE, path=path)


class KeyFilePasswordError(KeyFileError):
    def __init__(self, path: str) -> None:
        TokenError.__init__(self, E_KEY_FILE_PASSWORD, path=path)


class TokenOperationError(TokenError):
    """Any other failure, with the token's CKR code."""

    def __init__(self, *, code: int | None, operation: str = "") -> None:
        super().__init__(E_OPERATION, code=code)
        self.operation = operation
