"""Why a company CA certificate (企业数字证书) is refused at check-in: one
:class:`UserFacingError` subclass per cause, each with a Simplified Chinese message
(context ``certcheck``) that the desk shows as is.

Dates in messages are China Standard Time (UTC+8, no daylight saving), to the
minute; the exceptions also keep the exact UTC values as attributes.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError

CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")

E_UNTRUSTED = QT_TRANSLATE_NOOP("certcheck", "证书不是由受信任的 CA 签发")
E_CA_NOT_VALID = QT_TRANSLATE_NOOP(
    "certcheck", "签发此证书的 CA 证书“{ca}”不在有效期内（{not_before} 至 {not_after}）"
)
E_EXPIRED = QT_TRANSLATE_NOOP(
    "certcheck", "证书已于 {not_after} 过期（有效期 {not_before} 至 {not_after}）"
)
E_NOT_YET_VALID = QT_TRANSLATE_NOOP(
    "certcheck", "证书尚未生效：有效期自 {not_before} 起（至 {not_after}）"
)
E_REVOKED = QT_TRANSLATE_NOOP("certcheck", "证书已于 {revoked_at} 被吊销")
E_REVOCATION_UNKNOWN = QT_TRANSLATE_NOOP(
    "certcheck", "无法确认证书是否已被吊销：没有“{ca}”的有效证书吊销列表（CRL）"
)
E_USCC_MISMATCH = QT_TRANSLATE_NOOP(
    "certcheck", "证书中的统一社会信用代码 {actual} 与投标人 {expected} 不符"
)
E_NO_USCC = QT_TRANSLATE_NOOP("certcheck", "证书中没有统一社会信用代码")
E_BAD_USCC = QT_TRANSLATE_NOOP("certcheck", "证书中的统一社会信用代码 {value} 无效（校验不通过）")
E_KEY_MISMATCH = QT_TRANSLATE_NOOP("certcheck", "私钥与证书不匹配")
E_UNSUPPORTED = QT_TRANSLATE_NOOP("certcheck", "不支持的证书算法：{algorithm}")
E_NOT_FOR_SIGNING = QT_TRANSLATE_NOOP(
    "certcheck", "此证书不能用于数字签名（可能是加密证书），请选择签名证书"
)
E_CA_PRESENTED = QT_TRANSLATE_NOOP("certcheck", "这是 CA 证书，不是投标人的证书")
E_CHALLENGE_MALFORMED = QT_TRANSLATE_NOOP("certcheck", "签到挑战数据无效")
E_CHALLENGE_FOREIGN = QT_TRANSLATE_NOOP("certcheck", "签到挑战不属于本场签到，请重新签到")
E_CHALLENGE_EXPIRED = QT_TRANSLATE_NOOP("certcheck", "签到挑战已过期，请重新签到")
E_POLICY_FILE = QT_TRANSLATE_NOOP("certcheck", "无法读取 CA 证书或证书吊销列表文件：{path}")
E_POLICY_NO_ROOT = QT_TRANSLATE_NOOP("certcheck", "未配置受信任的根证书：{path}")


def shown_time(moment: datetime) -> str:
    """A certificate date as the desk shows it: ``2025-06-30 23:59`` (UTC+8)."""
    return moment.astimezone(CHINA_STANDARD_TIME).strftime("%Y-%m-%d %H:%M")


class CertificateCheckError(UserFacingError):
    """The certificate, or the proof of its key, is refused."""


class UntrustedCertificateError(CertificateCheckError):
    """No valid chain to a configured root CA; ``detail`` says why (English, for logs)."""

    def __init__(self, *, detail: str = "") -> None:
        super().__init__(E_UNTRUSTED)
        self.detail = detail


class CaCertificateNotValidError(UntrustedCertificateError):
    """A CA certificate in the chain is expired or not yet valid."""

    def __init__(self, *, ca: str, not_before: datetime, not_after: datetime) -> None:
        CertificateCheckError.__init__(
            self,
            E_CA_NOT_VALID,
            ca=ca,
            not_before=shown_time(not_before),
            not_after=shown_time(not_after),
        )
        self.detail = f"CA certificate {ca!r} outside its validity"
        self.not_before = not_before
        self.not_after = not_after


class CertificateExpiredError(CertificateCheckError):
    def __init__(self, *, not_before: datetime, not_after: datetime) -> None:
        super().__init__(
            E_EXPIRED, not_before=shown_time(not_before), not_after=shown_time(not_after)
        )
        self.not_before = not_before
        self.not_after = not_after


class CertificateNotYetValidError(CertificateCheckError):
    def __init__(self, *, not_before: datetime, not_after: datetime) -> None:
        super().__init__(
            E_NOT_YET_VALID, not_before=shown_time(not_before), not_after=shown_time(not_after)
        )
        self.not_before = not_before
        self.not_after = not_after


class CertificateRevokedError(CertificateCheckError):
    """Listed on a CRL signed by its issuer; ``reason`` is the CRL reason code name
    (e.g. ``keyCompromise``) or empty."""

    def __init__(self, *, revoked_at: datetime, reason: str = "", serial: str = "") -> None:
        super().__init__(E_REVOKED, revoked_at=shown_time(revoked_at))
        self.revoked_at = revoked_at
        self.reason = reason
        self.serial = serial


class RevocationUnknownError(CertificateCheckError):
    """The policy requires revocation data and there is no current CRL of ``ca``."""

    def __init__(self, *, ca: str) -> None:
        super().__init__(E_REVOCATION_UNKNOWN, ca=ca)


class UsccMismatchError(CertificateCheckError):
    def __init__(self, *, actual: str, expected: str) -> None:
        super().__init__(E_USCC_MISMATCH, actual=actual, expected=expected)
        self.actual = actual
        self.expected = expected


class NoUsccError(CertificateCheckError):
    def __init__(self) -> None:
        super().__init__(E_NO_USCC)


class InvalidCertificateUsccError(CertificateCheckError):
    """The subject holds a USCC-shaped value whose check character is wrong."""

    def __init__(self, *, value: str) -> None:
        super().__init__(E_BAD_USCC, value=value)
        self.value = value


class PrivateKeyMismatchError(CertificateCheckError):
    """The challenge signature does not verify with the certificate's public key:
    the key that signed is not this certificate's (or the challenge was altered)."""

    def __init__(self) -> None:
        super().__init__(E_KEY_MISMATCH)


class UnsupportedCertificateAlgorithmError(CertificateCheckError):
    """E.g. SM2/SM3 (national algorithms), SHA-1, RSA below 2048 bits."""

    def __init__(self, *, algorithm: str) -> None:
        super().__init__(E_UNSUPPORTED, algorithm=algorithm)
        self.algorithm = algorithm


class CertificateUsageError(CertificateCheckError):
    """Not a bidder's signing certificate: an encryption-only certificate of a dual
    pair (keyUsage without digitalSignature), or a CA certificate."""

    def __init__(self, *, is_ca: bool = False) -> None:
        super().__init__(E_CA_PRESENTED if is_ca else E_NOT_FOR_SIGNING)
        self.is_ca = is_ca


class ChallengeError(CertificateCheckError):
    """The challenge is not one this desk issued for this check-in, or too old."""

    MALFORMED = "malformed"
    FOREIGN = "foreign"
    EXPIRED = "expired"

    def __init__(self, kind: str) -> None:
        text = {
            self.FOREIGN: E_CHALLENGE_FOREIGN,
            self.EXPIRED: E_CHALLENGE_EXPIRED,
        }.get(kind, E_CHALLENGE_MALFORMED)
        super().__init__(text)
        self.kind = kind


class CertificatePolicyError(UserFacingError):
    """The configured trust directory cannot be used (an administrator's fix)."""

    def __init__(self, *, path: str, no_root: bool = False) -> None:
        super().__init__(E_POLICY_NO_ROOT if no_root else E_POLICY_FILE, path=path)
        self.path = path
