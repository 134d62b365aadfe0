"""Words the desk shows for the check-in codes (method, role, face decision) and the
notes on why a face could not be compared, so every part says the same thing."""

from __future__ import annotations

from venue_client.domain.checkin import METHOD_LABELS, ROLE_LABELS
from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text

# The domain's words, so the desk, the sign-in sheet and the reports say the same.
METHODS: dict[str, Text] = {str(method): text for method, text in METHOD_LABELS.items()}
ROLES: dict[str, Text] = dict(ROLE_LABELS)

FACE_DECISIONS: dict[str, Text] = {
    "pass": QT_TRANSLATE_NOOP("CheckInDesk", "通过"),
    "review": QT_TRANSLATE_NOOP("CheckInDesk", "存疑"),
    "fail": QT_TRANSLATE_NOOP("CheckInDesk", "不一致"),
}

# Why the face could not be compared (shown under the result, in plain words).
N_NO_VERIFIER = QT_TRANSLATE_NOOP("CheckInDesk", "本机未启用")
N_NO_PHOTO = QT_TRANSLATE_NOOP("CheckInDesk", "身份证照片无法解码（未配置读卡器厂商的照片解码库）")
N_BAD_PHOTO = QT_TRANSLATE_NOOP("CheckInDesk", "身份证照片格式无法识别")
N_NO_CAMERA = QT_TRANSLATE_NOOP("CheckInDesk", "摄像头没有画面")
N_MANUAL = QT_TRANSLATE_NOOP("CheckInDesk", "手工录入无证件照片，请监标人核对证件")
N_FACE_ERROR = QT_TRANSLATE_NOOP("CheckInDesk", "人脸比对出错：{error}")
N_SCORE = QT_TRANSLATE_NOOP("CheckInDesk", "{decision}，相似度 {score}（{backend}）")

# The reader's state, under the camera preview.
R_NONE = QT_TRANSLATE_NOOP("CheckInDesk", "未连接身份证读卡器，可按 F2 手工录入")
R_READY = QT_TRANSLATE_NOOP("CheckInDesk", "读卡器就绪")
R_SIMULATED = QT_TRANSLATE_NOOP("CheckInDesk", "读卡器就绪（模拟设备）")
R_FAULT = QT_TRANSLATE_NOOP("CheckInDesk", "读卡器故障：{error}")

# The alternative proofs.
R_NO_TOKEN_DEVICE = QT_TRANSLATE_NOOP(
    "CheckInDesk", "本机未配置 CA 锁（[devices] token_module），不能进行 CA 证书签到"
)
R_CERTIFICATE_BUSY = QT_TRANSLATE_NOOP("CheckInDesk", "正在核验 CA 证书")
R_QR_BUSY = QT_TRANSLATE_NOOP("CheckInDesk", "正在核验签到二维码")
