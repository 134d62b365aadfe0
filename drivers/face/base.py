"""The ``FaceVerifier`` interface and the 1:1 verification every backend shares.

Each verifier owns one ``OwnerThread``: its models are loaded there and every call
into dlib or OpenCV runs there, one at a time (neither library's objects are safe to
share between threads). The public methods may be called from any thread; they
queue the work on the owner thread. The hooks a backend implements
(``_load``/``_detect``/``_embed``) are ``@owned`` and fail loudly elsewhere.

Check-in embeds the live frames while the ID card is being read::

    live = verifier.precompute_live(frames)          # Future, returns at once
    ...                                              # card read (0.4-0.8 s)
    decision = verifier.verify(card.photo, live)     # only the ID photo is left
"""

from __future__ import annotations

import statistics
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from types import MappingProxyType
from typing import ClassVar, ParamSpec, TypeVar

import numpy as np

from drivers.common.owner import OwnerThread, WrongThreadError, owned
from drivers.face.errors import (
    ForeignEmbeddingsError,
    InvalidImageError,
    NoFaceInIdPhotoError,
    NoFaceInLiveFramesError,
    SeveralFacesError,
)
from drivers.face.models import model_id
from drivers.face.quality import dominant
from drivers.face.types import (
    Decision,
    Embedding,
    FaceBox,
    Image,
    LiveSet,
    Metric,
    Thresholds,
    Vector,
)

P = ParamSpec("P")
R = TypeVar("R")

LiveInput = Sequence[Image] | LiveSet | Future[LiveSet]
MIN_SIDE = 16


class FaceVerifier(ABC):
    """Detect, embed, and compare an ID photo with live frames (PASS / REVIEW / FAIL)."""

    name: ClassVar[str]
    metric: ClassVar[Metric]
    default_thresholds: ClassVar[Thresholds]

    def __init__(
        self,
        *,
        thresholds: Thresholds | None = None,
        forbid_blocking_in: threading.Thread | None = None,
        other_face_area: float = 0.25,
    ) -> None:
        """``forbid_blocking_in``: a thread (the GUI thread) that may only use the
        Future-returning methods; a blocking call from it raises ``WrongThreadError``.
        ``other_face_area``: a second face counts as another person when its area is at
        least this fraction of the main face's (smaller ones are passers-by far away)."""
        self.thresholds = thresholds or self.default_thresholds
        self._forbidden = forbid_blocking_in
        self._other_area = other_face_area
        self._closed = False
        self.owner = OwnerThread(f"face-{self.name}")
        try:
            hashes = self.owner.call(self._load)
        except BaseException:
            self.owner.stop()
            raise
        self.model_sha256: Mapping[str, str] = MappingProxyType(dict(hashes))
        self.model_id = model_id(hashes)

    # -- configuration -------------------------------------------------------------

    @property
    def thresholds(self) -> Thresholds:
        return self._thresholds

    @thresholds.setter
    def thresholds(self, value: Thresholds) -> None:
        value.check(self.metric)
        self._thresholds = value

    # -- what a backend implements (owner thread only) -----------------------------

    @abstractmethod
    def _load(self) -> Mapping[str, str]:
        """Check and load the models; return model file name -> SHA-256."""

    @abstractmethod
    def _detect(self, image: Image) -> list[FaceBox]:
        """Every face found, with landmarks and quality (upsampling as needed)."""

    @abstractmethod
    def _embed(self, image: Image, face: FaceBox) -> Vector:
        """The embedding of one detected face."""

    @abstractmethod
    def _score(self, a: Vector, b: Vector) -> float:
        """Distance or similarity (``metric``) between two embeddings."""

    # -- public API (any thread) ---------------------------------------------------

    def detect(self, image: Image) -> list[FaceBox]:
        return self._blocking(self._detect_checked, image)

    def embed(
        self, image: Image, face: FaceBox | None = None, *, id_photo: bool = False
    ) -> Embedding:
        """Embed ``face``, or the only person in the image when ``face`` is None."""
        return self._blocking(self._embed_checked, image, face, id_photo)

    def precompute_live(self, frames: Sequence[Image], *, max_live: int = 3) -> Future[LiveSet]:
        """Start embedding the best ``max_live`` frames (by quality); never blocks.
        The frames are copied first: a camera may reuse its buffers meanwhile."""
        return self._submit(self._live, [_copy(f) for f in frames], max_live)

    def verify(self, id_photo: Image, live: LiveInput, *, max_live: int = 3) -> Decision:
        """Compare the ID photo with live frames (or their precomputed embeddings)."""
        return self._blocking(self._verify, id_photo, live, max_live)

    def submit_verify(
        self, id_photo: Image, live: LiveInput, *, max_live: int = 3
    ) -> Future[Decision]:
        if not isinstance(live, LiveSet | Future):
            live = [_copy(f) for f in live]
        return self._submit(self._verify, _copy(id_photo), live, max_live)

    def close(self) -> None:
        """Stop the owner thread; later calls raise ``RuntimeError``."""
        self._closed = True
        self.owner.stop()

    def __enter__(self) -> FaceVerifier:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the work, on the owner thread ---------------------------------------------

    @owned
    def _detect_checked(self, image: Image) -> list[FaceBox]:
        return self._detect(as_bgr(image))

    @owned
    def _embed_checked(self, image: Image, face: FaceBox | None, id_photo: bool) -> Embedding:
        image = as_bgr(image)
        if face is None:
            face = self._single(image, in_id_photo=id_photo)
        return Embedding(self._embed(image, face), face, self.name, self.model_id)

    @owned
    def _single(self, image: Image, *, in_id_photo: bool) -> FaceBox:
        people = self._people(image)
        if not people:
            raise NoFaceInIdPhotoError() if in_id_photo else NoFaceInLiveFramesError(1)
        if len(people) > 1:
            raise SeveralFacesError(len(people), in_id_photo=in_id_photo)
        return people[0]

    def _people(self, image: Image) -> list[FaceBox]:
        return dominant(self._detect(image), other_area=self._other_area)

    @owned
    def _live(self, frames: list[Image], max_live: int) -> LiveSet:
        if max_live < 1:
            raise ValueError("max_live must be at least 1")
        candidates: list[tuple[Image, FaceBox]] = []
        without = ambiguous = most = 0
        for frame in frames:
            image = as_bgr(frame)
            people = self._people(image)
            if not people:
                without += 1
            elif len(people) > 1:
                ambiguous += 1
                most = max(most, len(people))
            else:
                candidates.append((image, people[0]))
        if not candidates:
            if ambiguous:
                raise SeveralFacesError(most, in_id_photo=False)
            raise NoFaceInLiveFramesError(len(frames))
        candidates.sort(key=lambda c: c[1].quality.overall, reverse=True)
        embeddings = tuple(
            Embedding(self._embed(image, face), face, self.name, self.model_id)
            for image, face in candidates[:max_live]
        )
        return LiveSet(embeddings, self.name, self.model_id, len(frames), without, ambiguous)

    @owned
    def _verify(self, id_photo: Image, live: LiveInput, max_live: int) -> Decision:
        started = time.perf_counter()
        image = as_bgr(id_photo)
        id_face = self._single(image, in_id_photo=True)
        if isinstance(live, Future):
            live = live.result()
        elif not isinstance(live, LiveSet):
            live = self._live(list(live), max_live)
        if live.model_id != self.model_id:
            raise ForeignEmbeddingsError(live.backend)
        id_vec = self._embed(image, id_face)
        scores = tuple(self._score(id_vec, e.vector) for e in live.embeddings)
        score = statistics.median(scores)
        thresholds = self.thresholds
        return Decision(
            verdict=thresholds.decide(score, self.metric),
            score=score,
            metric=self.metric,
            thresholds=thresholds,
            frame_scores=scores,
            backend=self.name,
            model_sha256=self.model_sha256,
            model_id=self.model_id,
            id_face=id_face,
            live_faces=tuple(e.face for e in live.embeddings),
            frames_total=live.frames_total,
            frames_without_face=live.frames_without_face,
            frames_ambiguous=live.frames_ambiguous,
            elapsed_ms=(time.perf_counter() - started) * 1000,
        )

    def _submit(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        if self._closed:
            raise RuntimeError(f"{type(self).__name__} is closed")
        return self.owner.submit(fn, *args, **kwargs)

    def _blocking(self, fn: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
        if self._closed:
            raise RuntimeError(f"{type(self).__name__} is closed")
        if self._forbidden is not None and threading.current_thread() is self._forbidden:
            raise WrongThreadError(
                f"{type(self).__name__}: blocking face call from {self._forbidden.name}; "
                "use precompute_live()/submit_verify() and wait in a worker"
            )
        return self.owner.call(fn, *args, **kwargs)


def _copy(image: Image) -> Image:
    return image.copy() if isinstance(image, np.ndarray) else image


def as_bgr(image: object) -> Image:
    """A C-contiguous ``H×W×3`` uint8 image, from BGR, BGRA or grey ``uint8`` input."""
    if not isinstance(image, np.ndarray):
        raise InvalidImageError(f"expected a numpy array, got {type(image).__name__}")
    if image.dtype != np.uint8:
        raise InvalidImageError(f"expected uint8 pixels, got {image.dtype}")
    if image.ndim == 2:
        image = np.repeat(image[:, :, None], 3, axis=2)
    elif image.ndim == 3 and image.shape[2] == 4:
        image = image[:, :, :3]
    elif image.ndim != 3 or image.shape[2] != 3:
        raise InvalidImageError(f"expected H×W×3 BGR, got shape {image.shape}")
    if min(image.shape[:2]) < MIN_SIDE:
        raise InvalidImageError(f"image too small: {image.shape[1]}×{image.shape[0]}")
    return np.ascontiguousarray(image)
