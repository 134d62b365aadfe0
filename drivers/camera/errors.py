"""Camera errors: a stable string code and a translatable Chinese message.

Messages take the camera's *redacted* URL as ``{url}``; nothing here ever sees a
password, and FFmpeg's own exception text (which quotes the full URL) is never
chained or copied (see :func:`drivers.camera.rtsp.translate_av_error`).
"""

from __future__ import annotations

from drivers.common import QT_TRANSLATE_NOOP, DeviceError, DriverText


class CameraError(DeviceError):
    """A camera source failed. ``code`` is one of the ``CameraError.*`` constants."""

    BAD_URL = "bad_url"
    NOT_FOUND = "not_found"
    FILE_NOT_FOUND = "file_not_found"
    UNREACHABLE = "unreachable"
    AUTH_FAILED = "auth_failed"
    STREAM_NOT_FOUND = "stream_not_found"
    TIMEOUT = "timeout"
    NO_SIGNAL = "no_signal"
    END_OF_STREAM = "end_of_stream"
    NO_VIDEO = "no_video"
    NO_PACKETS = "no_packets"
    STREAM_ERROR = "stream_error"
    CLOSED = "closed"


MESSAGES: dict[str, DriverText] = {
    CameraError.BAD_URL: QT_TRANSLATE_NOOP("CameraError", "摄像头地址无效：{url}（{detail}）"),
    CameraError.NOT_FOUND: QT_TRANSLATE_NOOP(
        "CameraError", "未找到摄像头：{url}，请检查连接线和设备编号"
    ),
    CameraError.FILE_NOT_FOUND: QT_TRANSLATE_NOOP("CameraError", "视频文件不存在：{url}"),
    CameraError.UNREACHABLE: QT_TRANSLATE_NOOP("CameraError", "无法连接摄像头：{url}（{detail}）"),
    CameraError.AUTH_FAILED: QT_TRANSLATE_NOOP(
        "CameraError", "摄像头拒绝了用户名或密码：{url}，请检查配置中的账号"
    ),
    CameraError.STREAM_NOT_FOUND: QT_TRANSLATE_NOOP("CameraError", "摄像头上没有这个视频流：{url}"),
    CameraError.TIMEOUT: QT_TRANSLATE_NOOP("CameraError", "摄像头在 {seconds} 秒内没有响应：{url}"),
    CameraError.NO_SIGNAL: QT_TRANSLATE_NOOP(
        "CameraError", "摄像头信号中断（{seconds} 秒无画面）：{url}"
    ),
    CameraError.END_OF_STREAM: QT_TRANSLATE_NOOP("CameraError", "摄像头视频流已结束：{url}"),
    CameraError.NO_VIDEO: QT_TRANSLATE_NOOP("CameraError", "视频源中没有视频轨道：{url}"),
    CameraError.NO_PACKETS: QT_TRANSLATE_NOOP(
        "CameraError", "该视频源不提供编码数据包（无法直接录制）：{url}"
    ),
    CameraError.STREAM_ERROR: QT_TRANSLATE_NOOP(
        "CameraError", "摄像头视频流出错：{url}（{detail}）"
    ),
    CameraError.CLOSED: QT_TRANSLATE_NOOP("CameraError", "摄像头已关闭：{url}"),
}


def camera_error(code: str, url: str, **args: object) -> CameraError:
    """Build the error for ``code``; ``url`` must already be redacted."""
    args.setdefault("detail", "")
    args.setdefault("seconds", "")
    return CameraError(MESSAGES[code], code=code, url=url, **args)
