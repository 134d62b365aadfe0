"""One line of the 同步 page's history per sync event heard: what happened, and the
result of a pass (成功 / 离线 / 已停止 / 未完成 …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from venue_client.domain.errors import Text
from venue_client.ui.i18n import tr_text
from venue_client.ui.sync import texts
from venue_client.ui.sync.snapshot import HistoryEntry


def _pass_result(d: dict[str, Any]) -> str:
    """The result of one sync pass (a ``sync.status`` event)."""
    if not d.get("online"):
        return tr_text(texts.PASS_OFFLINE)
    if d.get("blocked"):
        return tr_text(texts.PASS_BLOCKED)
    if d.get("last_error"):
        return f"{tr_text(texts.PASS_FAILED)}：{d['last_error']}"
    return tr_text(texts.PASS_OK if d.get("leader") else texts.PASS_FOLLOWER)


def _alarm_detail(d: dict[str, Any]) -> str:
    kind = tr_text(texts.ALARM_SHORT.get(str(d.get("kind")), texts.ALARM_OTHER))
    return f"#{d.get('id')} {kind} {d.get('subject', '')}"


HISTORY_ROWS: dict[str, tuple[Text, Callable[[dict[str, Any]], str]]] = {
    "sync.status": (texts.EVENT_PASS, _pass_result),
    "sync.alarm": (texts.EVENT_ALARM, _alarm_detail),
    "sync.alarm_acknowledged": (texts.EVENT_ALARM_ACK, lambda d: f"#{d.get('id')}"),
    "sync.rejected": (texts.EVENT_REJECTED, lambda d: f"#{d.get('seq')} {d.get('type', '')}"),
    "sync.pending_change": (texts.EVENT_CHANGE, lambda d: str(d.get("section", ""))),
    "sync.prefetch_done": (
        texts.EVENT_BID,
        lambda d: f"{d.get('bid', '')} {d.get('outcome', '')}",
    ),
    "sync.upload_done": (texts.EVENT_UPLOAD, lambda d: str(d.get("sha256", ""))[:16]),
}


def history_text(entry: HistoryEntry) -> tuple[str, str]:
    """The event's name and its result, for the history table."""
    if entry.name == "sync.online":
        online = entry.data.get("online")
        return tr_text(texts.EVENT_ONLINE if online else texts.EVENT_OFFLINE), ""
    what, detail = HISTORY_ROWS.get(entry.name, (texts.EVENT_PASS, lambda _d: ""))
    return tr_text(what), detail(entry.data)
