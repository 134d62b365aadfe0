from __future__ import annotations

import pytest

from drivers.camera import CameraError, camera_source, redact_text, redact_url
from drivers.camera.urls import file_path, parse_camera_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "rtsp://admin:12345@10.0.0.5:554/Streaming/Channels/101",
            "rtsp://***@10.0.0.5:554/Streaming/Channels/101",
        ),
        ("rtsp://admin@10.0.0.5/live", "rtsp://***@10.0.0.5/live"),
        ("rtsp://u:p%40ss%3Aw@cam.local/x?transport=udp", "rtsp://***@cam.local/x?transport=udp"),
        (
            "rtsp://cam.local/live?user=admin&password=hunter2&channel=1",
            "rtsp://cam.local/live?user=***&password=***&channel=1",
        ),
        ("rtsp://10.0.0.5/live", "rtsp://10.0.0.5/live"),
        ("sim://pattern?fps=5", "sim://pattern?fps=5"),
    ],
)
def test_redact_url(url: str, expected: str) -> None:
    assert redact_url(url) == expected


def test_redact_url_with_at_sign_in_password() -> None:
    redacted = redact_url("rtsp://admin:p@ss@10.0.0.5/live")
    assert redacted == "rtsp://***@10.0.0.5/live"


def test_redact_text_masks_urls_inside_messages() -> None:
    text = "Server returned 401 Unauthorized: 'rtsp://admin:hunter2@10.0.0.5:554/x' then rtsps://a:b@h/"
    out = redact_text(text)
    assert "hunter2" not in out and "admin" not in out and "a:b" not in out
    assert "rtsp://***@10.0.0.5:554/x" in out


def test_our_options_are_removed_and_camera_query_kept() -> None:
    url = parse_camera_url("rtsp://u:p@cam/cam/realmonitor?channel=1&subtype=0&transport=udp")
    assert url.options == {"transport": "udp"}
    assert url.target == "rtsp://u:p@cam/cam/realmonitor?channel=1&subtype=0"
    assert "u:p" not in url.redacted


@pytest.mark.parametrize(
    "url",
    [
        "http://cam/x",
        "rtsp:///nohost",
        "ftp://a",
        "sim://nonsense",
        "sim://pattern?fps=0",
        "sim://pattern?width=abc",
        "usb://camera",
        "usb://0?backend=foo",
        "rtsp://u:secretpw@cam/x?transport=sctp",
    ],
)
def test_bad_urls_are_typed_errors_without_secrets(url: str) -> None:
    with pytest.raises(CameraError) as info:
        camera_source(url)
    assert info.value.code == CameraError.BAD_URL
    assert "secretpw" not in str(info.value)
    assert "摄像头地址无效" in str(info.value)


def test_file_paths() -> None:
    assert file_path(parse_camera_url("file:///tmp/a%20b.mp4?loop=1")) == "/tmp/a b.mp4"
    assert file_path(parse_camera_url("file:///C:/videos/a.mp4")) == "C:/videos/a.mp4"


def test_repr_and_thread_name_hold_no_credentials() -> None:
    source = camera_source("rtsp://admin:hunter2@10.0.0.5/live")
    assert "hunter2" not in repr(source) and "admin" not in repr(source)
    assert source.url == "rtsp://***@10.0.0.5/live"
