"""Words the sync widgets share (module level, so ``QT_TRANSLATE_NOOP``): short alarm
names for the status bar, pass results for the history, upload and change states."""

from __future__ import annotations

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text
from venue_client.sync import alarms

ALARM_SHORT: dict[str, Text] = {
    alarms.KEY_REUSED: QT_TRANSLATE_NOOP("sync_ui", "幂等键冲突"),
    alarms.INCONSISTENT: QT_TRANSLATE_NOOP("sync_ui", "审计日志被改写"),
    alarms.SERVER_AHEAD: QT_TRANSLATE_NOOP("sync_ui", "平台事件多于本地"),
    alarms.TAMPERED_BID: QT_TRANSLATE_NOOP("sync_ui", "投标文件哈希不符"),
    alarms.UPLOAD_FAILED: QT_TRANSLATE_NOOP("sync_ui", "上传校验失败"),
}
ALARM_OTHER = QT_TRANSLATE_NOOP("sync_ui", "同步告警")

BLOCKING = QT_TRANSLATE_NOOP("sync_ui", "是（同步已停止）")
NOT_BLOCKING = QT_TRANSLATE_NOOP("sync_ui", "否")

NOT_CONFIGURED = QT_TRANSLATE_NOOP("sync_ui", "未配置中心平台")
NEVER = QT_TRANSLATE_NOOP("sync_ui", "从未")

# One sync pass (a ``sync.status`` event) in the history.
PASS_OK = QT_TRANSLATE_NOOP("sync_ui", "同步成功")
PASS_OFFLINE = QT_TRANSLATE_NOOP("sync_ui", "离线")
PASS_BLOCKED = QT_TRANSLATE_NOOP("sync_ui", "已停止（待确认告警）")
PASS_FOLLOWER = QT_TRANSLATE_NOOP("sync_ui", "仅校准时钟（另一工作站负责同步）")
PASS_FAILED = QT_TRANSLATE_NOOP("sync_ui", "未完成")
EVENT_PASS = QT_TRANSLATE_NOOP("sync_ui", "同步一轮")
EVENT_ONLINE = QT_TRANSLATE_NOOP("sync_ui", "连接中心平台")
EVENT_OFFLINE = QT_TRANSLATE_NOOP("sync_ui", "与中心平台断开")
EVENT_ALARM = QT_TRANSLATE_NOOP("sync_ui", "发生告警")
EVENT_ALARM_ACK = QT_TRANSLATE_NOOP("sync_ui", "告警已确认")
EVENT_REJECTED = QT_TRANSLATE_NOOP("sync_ui", "事件被平台拒绝")
EVENT_CHANGE = QT_TRANSLATE_NOOP("sync_ui", "收到待处理的日程变更")
EVENT_BID = QT_TRANSLATE_NOOP("sync_ui", "投标文件下载完成")
EVENT_UPLOAD = QT_TRANSLATE_NOOP("sync_ui", "文件上传完成")

UPLOAD_STATES: dict[str, Text] = {
    "queued": QT_TRANSLATE_NOOP("sync_ui", "等待上传"),
    "done": QT_TRANSLATE_NOOP("sync_ui", "已上传"),
    "failed": QT_TRANSLATE_NOOP("sync_ui", "上传失败"),
}
