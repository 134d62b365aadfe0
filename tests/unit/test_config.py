"""Settings: defaults, file, environment; a typo or wrong type is refused with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from venue_client.config import (
    E_CONFIG_MISSING,
    E_CONFIG_SYNTAX,
    E_CONFIG_TYPE,
    E_CONFIG_UNKNOWN_HINT,
    ConfigError,
    describe_settings,
    load_settings,
)


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_use_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    s = load_settings(data_dir=tmp_path, env={})
    assert s.data_dir == tmp_path.resolve()
    assert s.database_url == f"sqlite:///{tmp_path.resolve() / 'venue.db'}"
    assert s.ui.lang == "zh_CN" and s.auth.max_failures == 5 and s.audit.checkpoint_seconds == 60


def test_file_then_environment(tmp_path: Path) -> None:
    _write(tmp_path, '[venue]\ncode = "330100-01"\n[auth]\nmax_failures = 3\n')
    s = load_settings(
        data_dir=tmp_path, env={"VENUE_AUTH_MAX_FAILURES": "7", "VENUE_UI_LANG": "en"}
    )
    assert s.venue.code == "330100-01"
    assert s.auth.max_failures == 7
    assert s.ui.lang == "en"


def test_data_dir_from_environment(tmp_path: Path) -> None:
    s = load_settings(env={"VENUE_DATA_DIR": str(tmp_path / "x")})
    assert s.data_dir == (tmp_path / "x").resolve()


def test_unknown_key_is_refused_with_a_suggestion(tmp_path: Path) -> None:
    path = _write(tmp_path, "[auth]\nmax_failure = 3\n")
    with pytest.raises(ConfigError) as info:
        load_settings(data_dir=tmp_path, env={})
    assert info.value.text == E_CONFIG_UNKNOWN_HINT
    assert "auth.max_failure" in str(info.value) and "max_failures" in str(info.value)
    assert str(path) in str(info.value)


def test_unknown_section_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, '[databse]\nurl = "x"\n')
    with pytest.raises(ConfigError, match="database"):
        load_settings(data_dir=tmp_path, env={})


def test_wrong_type_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, '[auth]\nmax_failures = "five"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(data_dir=tmp_path, env={})
    assert info.value.text == E_CONFIG_TYPE and "five" in str(info.value)


def test_wrong_type_in_environment_names_the_source(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="environment"):
        load_settings(data_dir=tmp_path, env={"VENUE_AUTH_LOCKOUT_MINUTES": "soon"})


def test_bool_is_not_an_int(tmp_path: Path) -> None:
    _write(tmp_path, "[auth]\nmax_failures = true\n")
    with pytest.raises(ConfigError):
        load_settings(data_dir=tmp_path, env={})


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    _write(tmp_path, "[auth\nmax_failures = 3\n")
    with pytest.raises(ConfigError) as info:
        load_settings(data_dir=tmp_path, env={})
    assert info.value.text == E_CONFIG_SYNTAX and "line 1" in str(info.value)


def test_explicit_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(config_file=tmp_path / "nope.toml", data_dir=tmp_path, env={})
    assert info.value.text == E_CONFIG_MISSING


def test_every_setting_is_described() -> None:
    rows = describe_settings()
    assert {"database.url", "auth.max_failures", "ui.lang"} <= {key for key, _, _ in rows}
    assert all(desc for _, _, desc in rows)
