"""Words for the codes the services return (session and room states, kinds), so
every page says the same thing for the same state."""

from __future__ import annotations

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text
from venue_client.ui.i18n import tr_text

SESSION_KINDS: dict[str, Text] = {
    "opening": QT_TRANSLATE_NOOP("labels", "开标"),
    "evaluation": QT_TRANSLATE_NOOP("labels", "评标"),
}

SESSION_STATES: dict[str, Text] = {
    "scheduled": QT_TRANSLATE_NOOP("labels", "未开始"),
    "checking_in": QT_TRANSLATE_NOOP("labels", "签到中"),
    "opening": QT_TRANSLATE_NOOP("labels", "开标中"),
    "decrypting": QT_TRANSLATE_NOOP("labels", "解密中"),
    "record": QT_TRANSLATE_NOOP("labels", "唱标中"),
    "confirmation": QT_TRANSLATE_NOOP("labels", "签名确认"),
    "in_session": QT_TRANSLATE_NOOP("labels", "评标中"),
    "paused": QT_TRANSLATE_NOOP("labels", "暂停"),
    "closed": QT_TRANSLATE_NOOP("labels", "已结束"),
    "failed": QT_TRANSLATE_NOOP("labels", "招标失败"),
}

SECTION_STATUSES: dict[str, Text] = {
    "SCHEDULED": QT_TRANSLATE_NOOP("labels", "按期"),
    "CANCELLED": QT_TRANSLATE_NOOP("labels", "已取消"),
    "POSTPONED": QT_TRANSLATE_NOOP("labels", "已延期"),
}

ROOM_KINDS: dict[str, Text] = {
    "opening": QT_TRANSLATE_NOOP("labels", "开标室"),
    "evaluation": QT_TRANSLATE_NOOP("labels", "评标室"),
}

ROOM_STATES: dict[str, Text] = {
    "free": QT_TRANSLATE_NOOP("labels", "空闲"),
    "reserved": QT_TRANSLATE_NOOP("labels", "已预约"),
    "in_session": QT_TRANSLATE_NOOP("labels", "使用中"),
    "sealed": QT_TRANSLATE_NOOP("labels", "已封闭"),
    "released": QT_TRANSLATE_NOOP("labels", "已释放"),
}


def label(table: dict[str, Text], code: str) -> str:
    """The translated word for ``code``, or the code itself when it is new to the UI."""
    text = table.get(code)
    return tr_text(text) if text is not None else code


SYNC_STATES: dict[str, Text] = {
    "offline": QT_TRANSLATE_NOOP("labels", "离线 · 未连接中心平台"),
    "online": QT_TRANSLATE_NOOP("labels", "在线 · 已连接中心平台"),
    "syncing": QT_TRANSLATE_NOOP("labels", "在线 · 正在同步"),
    "error": QT_TRANSLATE_NOOP("labels", "离线 · 连接中心平台失败"),
}
SYNC_TONES = {"offline": "grey", "online": "green", "syncing": "teal", "error": "orange"}


def sync_state(data: dict[str, object] | None) -> str:
    """The connection state code from a ``sync.state`` event: its ``state`` field
    ("online" | "offline" | "syncing" | "error"), or its ``online`` flag."""
    if not data:
        return "offline"
    state = data.get("state")
    if isinstance(state, str) and state in SYNC_STATES:
        return state
    return "online" if data.get("online") else "offline"
