"""Typed errors of face verification, each with a Simplified Chinese message.

Every class is a ``DeviceError`` so the application shows it the same way as a
card-reader or camera error; ``code`` is a stable string a log or a test can match.
"""

from __future__ import annotations

from drivers.common import QT_TRANSLATE_NOOP, DeviceError, DriverText

CTX = "face"

T_NO_FACE_ID = QT_TRANSLATE_NOOP("face", "证件照中未检测到人脸，请人工核验")
T_NO_FACE_LIVE = QT_TRANSLATE_NOOP(
    "face", "摄像头画面中未检测到人脸（共 {frames} 帧），请正对摄像头"
)
T_SEVERAL_ID = QT_TRANSLATE_NOOP("face", "证件照中检测到 {count} 张人脸，请人工核验")
T_SEVERAL_LIVE = QT_TRANSLATE_NOOP(
    "face", "画面中有多人（{count} 张人脸），请其他人员离开摄像头范围"
)
T_MODEL_MISSING = QT_TRANSLATE_NOOP("face", "人脸识别模型文件不存在：{path}")
T_MODEL_HASH = QT_TRANSLATE_NOOP(
    "face", "人脸识别模型文件校验失败（SHA-256 不符），已拒绝加载：{path}"
)
T_MODEL_INVALID = QT_TRANSLATE_NOOP("face", "人脸识别模型文件不可用：{path}（{reason}）")
T_BACKEND = QT_TRANSLATE_NOOP("face", "人脸识别组件“{backend}”不可用：{reason}")
T_IMAGE = QT_TRANSLATE_NOOP("face", "图像格式不受支持：{reason}")
T_CONFIG = QT_TRANSLATE_NOOP("face", "人脸识别配置有误：{reason}")
T_FOREIGN = QT_TRANSLATE_NOOP("face", "预先计算的人脸特征来自其他模型（{backend}），请重新采集")


class FaceError(DeviceError):
    """Base of every face-verification error."""

    def __init__(self, text: DriverText, *, code: str, **args: object) -> None:
        super().__init__(text, code=code, **args)


class NoFaceInIdPhotoError(FaceError):
    def __init__(self) -> None:
        super().__init__(T_NO_FACE_ID, code="FACE_NO_FACE_ID")


class NoFaceInLiveFramesError(FaceError):
    def __init__(self, frames: int) -> None:
        super().__init__(T_NO_FACE_LIVE, code="FACE_NO_FACE_LIVE", frames=frames)
        self.frames = frames


class SeveralFacesError(FaceError):
    """More than one person: in the ID photo, or in every usable live frame."""

    def __init__(self, count: int, *, in_id_photo: bool) -> None:
        text = T_SEVERAL_ID if in_id_photo else T_SEVERAL_LIVE
        code = "FACE_SEVERAL_ID" if in_id_photo else "FACE_SEVERAL_LIVE"
        super().__init__(text, code=code, count=count)
        self.count = count
        self.in_id_photo = in_id_photo


class ModelMissingError(FaceError):
    def __init__(self, path: str) -> None:
        super().__init__(T_MODEL_MISSING, code="FACE_MODEL_MISSING", path=path)
        self.path = path


class ModelHashMismatchError(FaceError):
    def __init__(self, path: str, *, expected: str, actual: str) -> None:
        super().__init__(T_MODEL_HASH, code="FACE_MODEL_HASH", path=path)
        self.path = path
        self.expected = expected
        self.actual = actual


class ModelInvalidError(FaceError):
    """The file hashed as configured but is not the kind of model expected."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(T_MODEL_INVALID, code="FACE_MODEL_INVALID", path=path, reason=reason)
        self.path = path


class BackendUnavailableError(FaceError):
    def __init__(self, backend: str, reason: str) -> None:
        super().__init__(T_BACKEND, code="FACE_BACKEND", backend=backend, reason=reason)


class InvalidImageError(FaceError):
    def __init__(self, reason: str) -> None:
        super().__init__(T_IMAGE, code="FACE_IMAGE", reason=reason)


class FaceConfigError(FaceError):
    def __init__(self, reason: str) -> None:
        super().__init__(T_CONFIG, code="FACE_CONFIG", reason=reason)


class ForeignEmbeddingsError(FaceError):
    """Precomputed live embeddings made by another backend or model version."""

    def __init__(self, backend: str) -> None:
        super().__init__(T_FOREIGN, code="FACE_FOREIGN_EMBEDDINGS", backend=backend)
