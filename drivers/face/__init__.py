"""Face detection and 1:1 verification (ID-card photo against live camera frames).

Importing this package loads neither dlib nor OpenCV; ``open_verifier`` (or the
backend classes in ``dlib_backend`` / ``opencv_backend``) does.
"""

from drivers.face.base import FaceVerifier
from drivers.face.config import BackendSettings, FaceSettings, open_verifier
from drivers.face.errors import (
    BackendUnavailableError,
    FaceConfigError,
    FaceError,
    ForeignEmbeddingsError,
    InvalidImageError,
    ModelHashMismatchError,
    ModelInvalidError,
    ModelMissingError,
    NoFaceInIdPhotoError,
    NoFaceInLiveFramesError,
    SeveralFacesError,
)
from drivers.face.models import ModelFile
from drivers.face.types import (
    Decision,
    Embedding,
    FaceBox,
    Image,
    KeyPoints,
    LiveSet,
    Metric,
    Quality,
    Thresholds,
    Verdict,
)

__all__ = [
    "BackendSettings",
    "BackendUnavailableError",
    "Decision",
    "Embedding",
    "FaceBox",
    "FaceConfigError",
    "FaceError",
    "FaceSettings",
    "FaceVerifier",
    "ForeignEmbeddingsError",
    "Image",
    "InvalidImageError",
    "KeyPoints",
    "LiveSet",
    "Metric",
    "ModelFile",
    "ModelHashMismatchError",
    "ModelInvalidError",
    "ModelMissingError",
    "NoFaceInIdPhotoError",
    "NoFaceInLiveFramesError",
    "Quality",
    "SeveralFacesError",
    "Thresholds",
    "Verdict",
    "open_verifier",
]
