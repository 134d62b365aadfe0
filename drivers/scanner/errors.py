"""Scanner errors: a stable string code and a translatable Chinese message."""

from __future__ import annotations

from drivers.common import QT_TRANSLATE_NOOP, DeviceError, DriverText


class ScanError(DeviceError):
    BAD_FRAME = "bad_frame"
    DECODE_FAILED = "decode_failed"
    PORT_NOT_FOUND = "port_not_found"
    PORT_ERROR = "port_error"
    UNSUPPORTED = "unsupported"


MESSAGES: dict[str, DriverText] = {
    ScanError.BAD_FRAME: QT_TRANSLATE_NOOP("ScanError", "无法识别的图像格式：{detail}"),
    ScanError.DECODE_FAILED: QT_TRANSLATE_NOOP("ScanError", "二维码识别出错：{detail}"),
    ScanError.PORT_NOT_FOUND: QT_TRANSLATE_NOOP(
        "ScanError", "未找到扫码枪串口：{port}，请检查连接"
    ),
    ScanError.PORT_ERROR: QT_TRANSLATE_NOOP("ScanError", "扫码枪串口出错：{port}（{detail}）"),
    ScanError.UNSUPPORTED: QT_TRANSLATE_NOOP("ScanError", "此系统不支持：{detail}"),
}


def scan_error(code: str, **args: object) -> ScanError:
    args.setdefault("detail", "")
    args.setdefault("port", "")
    return ScanError(MESSAGES[code], code=code, **args)
