"""The sync's user-facing errors and their messages (translation context ``sync``)."""

from __future__ import annotations

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError

E_NOT_CONFIGURED = QT_TRANSLATE_NOOP("sync", "未配置交易平台接口地址（central.url），无法同步")
E_NO_TOKEN = QT_TRANSLATE_NOOP(
    "sync", "未配置工作站令牌（central.token 或 central.token_file），无法同步"
)
E_TOKEN_FILE_MODE = QT_TRANSLATE_NOOP(
    "sync", "令牌文件 {path} 的权限为 {mode}，其他账户可读；请执行 chmod 600 {path} 后重试"
)
E_TOKEN_FILE = QT_TRANSLATE_NOOP("sync", "无法读取令牌文件 {path}：{detail}")
E_UNAUTHORIZED = QT_TRANSLATE_NOOP("sync", "交易平台拒绝了本工作站的令牌（令牌错误或已吊销）")
E_OFFLINE = QT_TRANSLATE_NOOP("sync", "无法连接交易平台：{detail}")
E_SERVER = QT_TRANSLATE_NOOP("sync", "交易平台暂时无法处理请求（{status}）：{detail}")
E_REQUEST = QT_TRANSLATE_NOOP("sync", "交易平台拒绝了请求（{status} {code}）：{detail}")
E_PROTOCOL = QT_TRANSLATE_NOOP("sync", "交易平台的应答无法识别：{detail}")
E_WS_MISMATCH = QT_TRANSLATE_NOOP(
    "sync",
    "本数据库的事件已以工作站 {bound} 的身份上报，不能改用 {configured}；"
    "请检查 central.workstation_id",
)
E_ALARM_BLOCKED = QT_TRANSLATE_NOOP("sync", "同步已停止：有 {count} 个严重告警等待分中心管理员确认")
E_NOT_MANAGER = QT_TRANSLATE_NOOP("sync", "只有分中心管理员可以确认同步告警")
E_NO_ALARM = QT_TRANSLATE_NOOP("sync", "没有编号为 {id} 的同步告警")
E_NO_CHANGE = QT_TRANSLATE_NOOP("sync", "没有编号为 {id} 的待处理日程变更")
E_CLOCK_SKEW = QT_TRANSLATE_NOOP(
    "sync", "本机时钟与交易平台相差 {skew} 秒，超过允许的 {tolerance} 秒，请先校准时钟"
)


class SyncError(UserFacingError):
    """A sync step failed in a way the user can act on."""


class ConfigurationError(SyncError):
    """The platform connection is not configured or its token cannot be used."""


class UnauthorizedError(SyncError):
    """401: the workstation token is wrong or revoked."""


class OfflineError(SyncError):
    """Timeouts, connection errors and exhausted retries: the platform is unreachable."""


class ServerError(SyncError):
    """A 5xx/429 answer after the retries ran out."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(E_SERVER, status=status, detail=detail)
        self.status = status


class RequestRejectedError(SyncError):
    """A 4xx answer that must not be retried; ``code`` is the platform's error code."""

    def __init__(
        self, status: int, code: str, detail: str, body: dict[str, object] | None = None
    ) -> None:
        super().__init__(E_REQUEST, status=status, code=code, detail=detail)
        self.status = status
        self.code = code
        self.body = body or {}


class ProtocolError(SyncError):
    """The platform answered something this client cannot read."""


class SyncBlockedError(SyncError):
    """A blocking alarm waits for a manager's acknowledgement."""


class ClockSkewError(SyncError):
    """Online and the local clock is off by more than the tolerance."""
