"""Camera URLs: parsing, our own query options, and redaction.

``redact_url`` is the only way a camera URL reaches a log line, an exception, a
thread name or a ``repr``: user name and password become ``***`` and query
parameters that look like secrets are masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from drivers.camera.errors import CameraError, camera_error

SCHEMES = ("rtsp", "rtsps", "usb", "file", "sim")
_SECRET_KEYS = re.compile(r"pass|pwd|secret|token|auth|key|user|sig", re.IGNORECASE)
# Credentials inside any URL embedded in free text (FFmpeg messages, tracebacks):
# everything up to the last "@" of the URL, since a password may hold "/" or "#".
_USERINFO = re.compile(r"(?P<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^\s'\"]*@")
_UNSAFE_IN_USERINFO = set("/?#@ ")
MASK = "***"


def _split_userinfo(url: str) -> tuple[str, str | None, str]:
    """(scheme://, userinfo or None, rest): the userinfo ends at the last "@", so
    a password typed without percent-encoding ("p@ss/w#rd") is still found."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url, None, ""
    userinfo, _, host_and_path = rest.rpartition("@")
    return scheme + sep, userinfo, host_and_path


def redact_url(url: str) -> str:
    """The URL without credentials, safe for logs and messages."""
    head, userinfo, rest = _split_userinfo(url)
    if userinfo is not None:
        url = f"{head}{MASK}@{rest}"
    try:
        parts = urlsplit(url)
    except ValueError:
        return redact_text(url)
    netloc = parts.netloc
    query = parts.query
    if query:
        pairs = parse_qsl(query, keep_blank_values=True)
        query = urlencode(
            [(k, MASK if _SECRET_KEYS.search(k) else v) for k, v in pairs], safe="*/:"
        )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def redact_text(text: str) -> str:
    """Mask ``scheme://user:pass@`` anywhere in a piece of text."""
    return _USERINFO.sub(lambda m: f"{m.group('scheme')}{MASK}@", text)


@dataclass(frozen=True)
class CameraUrl:
    """A parsed camera URL: ``target`` is what is handed to the backend (with the
    credentials, never logged); ``options`` are our own query parameters, removed
    from ``target`` so a camera's own query (``?channel=1&subtype=0``) survives."""

    scheme: str
    target: str
    redacted: str
    options: dict[str, str] = field(default_factory=dict)

    def option(self, name: str, default: str) -> str:
        return self.options.get(name, default)

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.options.get(name)
        if value is None:
            return default
        return value.strip().lower() in {"1", "true", "yes", "on"}

    def number(self, name: str, default: float) -> float:
        value = self.options.get(name)
        if value is None:
            return default
        try:
            result = float(value)
        except ValueError:
            raise self.error(f"{name}={value}") from None
        if result <= 0:
            raise self.error(f"{name}={value}")
        return result

    def error(self, detail: str) -> CameraError:
        return camera_error(CameraError.BAD_URL, self.redacted, detail=detail)


# Query parameters we consume per scheme; everything else goes to the camera.
OUR_OPTIONS: dict[str, frozenset[str]] = {
    "rtsp": frozenset({"transport"}),
    "rtsps": frozenset({"transport"}),
    "usb": frozenset({"width", "height", "fps", "backend", "encode"}),
    "file": frozenset({"loop", "realtime"}),
    "sim": frozenset({"width", "height", "fps", "encode", "qr", "gop"}),
}


def _encode_userinfo(url: str) -> str:
    """Percent-encode credentials that were written raw (as typed by a person)."""
    head, userinfo, rest = _split_userinfo(url)
    if userinfo is None or not _UNSAFE_IN_USERINFO & set(userinfo):
        return url
    user, sep, password = userinfo.partition(":")
    return f"{head}{quote(user, safe='')}{sep}{quote(password, safe='')}@{rest}"


def parse_camera_url(url: str) -> CameraUrl:
    redacted = redact_url(url)
    url = _encode_userinfo(url.strip())
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise camera_error(CameraError.BAD_URL, redacted, detail="syntax") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise camera_error(
            CameraError.BAD_URL, redacted, detail="scheme: " + " ".join(f"{s}://" for s in SCHEMES)
        )
    ours = OUR_OPTIONS[scheme]
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    options = {k: v for k, v in pairs if k in ours}
    rest = [(k, v) for k, v in pairs if k not in ours]
    query = urlencode(rest, quote_via=quote, safe="/:")
    target = urlunsplit((scheme, parts.netloc, parts.path, query, parts.fragment))
    if scheme in ("rtsp", "rtsps") and not parts.hostname:
        raise camera_error(CameraError.BAD_URL, redacted, detail="host")
    return CameraUrl(scheme=scheme, target=target, redacted=redacted, options=options)


def file_path(url: CameraUrl) -> str:
    """The local path of a ``file://`` URL (``file:///C:/v.mp4`` on Windows too)."""
    path = unquote(urlsplit(url.target).path)
    netloc = urlsplit(url.target).netloc
    if netloc and netloc != "localhost":
        path = f"//{netloc}{path}"  # UNC share
    if re.match(r"^/[A-Za-z]:/", path):
        path = path[1:]
    return path
