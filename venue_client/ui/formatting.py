"""How times, counts and durations are shown (UI.md): tables "YYYY-MM-DD HH:mm:ss",
clocks "YYYY年MM月DD日 星期X HH:mm:ss", always in Beijing time."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from venue_client.domain.errors import QT_TRANSLATE_NOOP
from venue_client.services.clock import BEIJING
from venue_client.ui.i18n import tr_text

WEEKDAYS = (
    QT_TRANSLATE_NOOP("formatting", "星期一"),
    QT_TRANSLATE_NOOP("formatting", "星期二"),
    QT_TRANSLATE_NOOP("formatting", "星期三"),
    QT_TRANSLATE_NOOP("formatting", "星期四"),
    QT_TRANSLATE_NOOP("formatting", "星期五"),
    QT_TRANSLATE_NOOP("formatting", "星期六"),
    QT_TRANSLATE_NOOP("formatting", "星期日"),
)


def beijing(moment: datetime) -> datetime:
    return moment.astimezone(BEIJING)


def table_time(moment: datetime | None) -> str:
    """A table timestamp: "YYYY-MM-DD HH:mm:ss" in Beijing time, "-" when unknown."""
    return "-" if moment is None else beijing(moment).strftime("%Y-%m-%d %H:%M:%S")


def short_time(moment: datetime) -> str:
    return beijing(moment).strftime("%H:%M")


def long_date(moment: datetime) -> str:
    """A clock date: "2026年11月27日 星期五" (translated)."""
    local = beijing(moment)
    day = QCoreApplication.translate("formatting", "{y}年{m:02d}月{d:02d}日").format(
        y=local.year, m=local.month, d=local.day
    )
    return QCoreApplication.translate("formatting", "{date} {weekday}").format(
        date=day, weekday=tr_text(WEEKDAYS[local.weekday()])
    )


def clock_text(moment: datetime, source: str) -> str:
    """The trusted clock: "北京时间 2026年11月27日 星期五 17:30:05", and a note when
    the time comes from this computer rather than the platform."""
    text = QCoreApplication.translate("formatting", "北京时间 {date} {time}").format(
        date=long_date(moment), time=beijing(moment).strftime("%H:%M:%S")
    )
    if source != "platform":
        text += QCoreApplication.translate("formatting", "（本机时钟）")
    return text


def countdown_parts(remaining: timedelta) -> tuple[int, int, int]:
    """Hours, minutes, seconds left (never negative)."""
    seconds = max(int(remaining.total_seconds()), 0)
    return seconds // 3600, seconds % 3600 // 60, seconds % 60


def countdown_text(remaining: timedelta) -> str:
    """The time left as "01 时 23 分 45 秒" (translated)."""
    h, m, s = countdown_parts(remaining)
    return QCoreApplication.translate("formatting", "{h:02d} 时 {m:02d} 分 {s:02d} 秒").format(
        h=h, m=m, s=s
    )


def short_hex(hex_digest: str, length: int = 16) -> str:
    return f"{hex_digest[:length]}…" if len(hex_digest) > length else hex_digest or "-"
