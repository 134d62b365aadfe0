"""Typed settings: declared once with defaults and translatable descriptions, read
from a TOML file and overridden by ``VENUE_<SECTION>_<KEY>`` environment variables.

A typo in the file (an unknown section or key, a wrong type) is refused with a
message that names the file, the key and the closest known key; nothing starts on
a configuration the operator did not mean.
"""

from __future__ import annotations

import difflib
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError

APP_NAME = "venue-client"

E_CONFIG_SYNTAX = QT_TRANSLATE_NOOP("config", "配置文件 {path} 格式错误：{detail}")
E_CONFIG_UNKNOWN = QT_TRANSLATE_NOOP("config", "配置文件 {path} 中有未知的设置项 “{key}”")
E_CONFIG_UNKNOWN_HINT = QT_TRANSLATE_NOOP(
    "config", "配置文件 {path} 中有未知的设置项 “{key}”（是否应为 “{suggestion}”？）"
)
E_CONFIG_TYPE = QT_TRANSLATE_NOOP(
    "config", "设置项 “{key}” 应为{expected}，实为 “{value}”（来源：{source}）"
)
E_CONFIG_MISSING = QT_TRANSLATE_NOOP("config", "找不到配置文件 {path}")
E_CONFIG_FACE = QT_TRANSLATE_NOOP("config", "配置文件 {path} 的 [face] 设置有误：{detail}")
E_CONFIG_UNREADABLE = QT_TRANSLATE_NOOP("config", "无法读取配置文件 {path}：{detail}")


class ConfigError(UserFacingError):
    """The configuration cannot be used as written."""


@dataclass(frozen=True)
class VenueSettings:
    code: str = field(
        default="", metadata={"description": QT_TRANSLATE_NOOP("config", "场所编码（VENUE_CODE）")}
    )
    name: str = field(default="", metadata={"description": QT_TRANSLATE_NOOP("config", "场所名称")})


@dataclass(frozen=True)
class WorkstationSettings:
    id: str = field(
        default="",
        metadata={"description": QT_TRANSLATE_NOOP("config", "工作站编号，空则首次启动时生成")},
    )
    desk: str = field(
        default="",
        metadata={"description": QT_TRANSLATE_NOOP("config", "本机所在的开标台或评标室")},
    )


@dataclass(frozen=True)
class DatabaseSettings:
    url: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP("config", "数据库地址，空则使用数据目录中的 SQLite")
        },
    )


@dataclass(frozen=True)
class AuditSettings:
    checkpoint_seconds: int = field(
        default=60,
        metadata={"description": QT_TRANSLATE_NOOP("config", "有新事件时签名检查点的间隔（秒）")},
    )


@dataclass(frozen=True)
class AuthSettings:
    max_failures: int = field(
        default=5,
        metadata={"description": QT_TRANSLATE_NOOP("config", "连续登录失败多少次后锁定账号")},
    )
    lockout_minutes: int = field(
        default=15, metadata={"description": QT_TRANSLATE_NOOP("config", "账号锁定时长（分钟）")}
    )
    idle_lock_minutes: int = field(
        default=10, metadata={"description": QT_TRANSLATE_NOOP("config", "无操作多少分钟后锁屏")}
    )


@dataclass(frozen=True)
class UiSettings:
    lang: str = field(
        default="zh_CN",
        metadata={"description": QT_TRANSLATE_NOOP("config", "界面语言：zh_CN 或 en")},
    )
    hall_screen: int = field(
        default=1,
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "开标大屏所在的显示器序号（0 为主显示器；不足时用最后一个）"
            )
        },
    )


@dataclass(frozen=True)
class LogSettings:
    level: str = field(
        default="INFO", metadata={"description": QT_TRANSLATE_NOOP("config", "日志级别")}
    )


@dataclass(frozen=True)
class DeviceSettings:
    idcard: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "身份证读卡器端口：sim://、/dev/ttyUSB0、COM3 等，空则不使用"
            )
        },
    )
    idcard_baud: int = field(
        default=115200, metadata={"description": QT_TRANSLATE_NOOP("config", "读卡器波特率")}
    )
    wlt_decoder: str = field(
        default="",
        metadata={"description": QT_TRANSLATE_NOOP("config", "读卡器厂商的照片解码库路径")},
    )
    token_module: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP("config", "CA 锁的 PKCS#11 模块路径，sim:// 为模拟")
        },
    )
    face: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "人证比对：on 启用（模型与阈值见 [face]），空则不启用"
            )
        },
    )
    poll_seconds: int = field(
        default=5, metadata={"description": QT_TRANSLATE_NOOP("config", "设备状态检查间隔（秒）")}
    )

    @classmethod
    def simulated(cls) -> DeviceSettings:
        """Every device simulated (demo mode)."""
        return cls(idcard="sim://", token_module="sim://", face="on")  # noqa: S106 - a URL, not a secret


@dataclass(frozen=True)
class CheckinSettings:
    ca_dir: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "受信任的 CA 证书与吊销列表目录，空则为数据目录下的 ca"
            )
        },
    )
    require_crl: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "on：没有有效吊销列表（CRL）时拒绝 CA 证书签到"
            )
        },
    )
    qr_keys: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "签发签到二维码的平台公钥（签名说明格式，多个以空格分隔）"
            )
        },
    )
    camera: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "签到台使用的摄像机名称，空则选名称含“签到”的摄像机"
            )
        },
    )


@dataclass(frozen=True)
class CentralSettings:
    url: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "交易平台接口地址（如 https://…/venue-api/v1），空则离线工作"
            )
        },
    )
    venue_code: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP("config", "平台分配的场所编码，空则用 venue.code")
        },
    )
    workstation_id: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "平台登记的工作站编号，空则用 workstation.id"
            )
        },
    )
    token_file: str = field(
        default="",
        metadata={"description": QT_TRANSLATE_NOOP("config", "工作站令牌文件（仅本机账户可读）")},
    )
    token: str = field(
        default="",
        metadata={
            "description": QT_TRANSLATE_NOOP(
                "config", "工作站令牌本身（宜用环境变量 VENUE_CENTRAL_TOKEN，勿写入配置文件）"
            )
        },
    )
    timeout_seconds: int = field(
        default=30, metadata={"description": QT_TRANSLATE_NOOP("config", "平台请求超时（秒）")}
    )
    clock_tolerance_seconds: int = field(
        default=5,
        metadata={
            "description": QT_TRANSLATE_NOOP("config", "与平台时钟允许的偏差（秒），超出则不能开标")
        },
    )


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    venue: VenueSettings = VenueSettings()
    workstation: WorkstationSettings = WorkstationSettings()
    database: DatabaseSettings = DatabaseSettings()
    audit: AuditSettings = AuditSettings()
    auth: AuthSettings = AuthSettings()
    ui: UiSettings = UiSettings()
    log: LogSettings = LogSettings()
    devices: DeviceSettings = DeviceSettings()
    checkin: CheckinSettings = CheckinSettings()
    central: CentralSettings = CentralSettings()
    # The [face] table as written; drivers.face.FaceSettings checks it at load time.
    face: dict[str, Any] = field(default_factory=dict)
    source: Path | None = None

    @property
    def database_url(self) -> str:
        return self.database.url or f"sqlite:///{self.data_dir / 'venue.db'}"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def key_dir(self) -> Path:
        return self.data_dir / "keys"

    @property
    def ca_dir(self) -> Path:
        return (
            Path(self.checkin.ca_dir).expanduser() if self.checkin.ca_dir else self.data_dir / "ca"
        )


# The platform connection's variables as deployment scripts name them (central-api.md).
ENV_ALIASES = {
    "VENUE_CODE": "venue_code",
    "VENUE_WORKSTATION_ID": "workstation_id",
    "VENUE_CENTRAL_TOKEN": "token",
}
SECTIONS = (
    "venue",
    "workstation",
    "database",
    "audit",
    "auth",
    "ui",
    "log",
    "devices",
    "checkin",
    "central",
)
_TYPE_NAMES = {int: QT_TRANSLATE_NOOP("config", "整数"), str: QT_TRANSLATE_NOOP("config", "文本")}


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_config_file(data_dir: Path) -> Path:
    return data_dir / "config.toml"


def _coerce(key: str, value: object, kind: type, source: str) -> object:
    if kind is int:
        if isinstance(value, bool):
            raise ConfigError(
                E_CONFIG_TYPE, key=key, expected=_TYPE_NAMES[int], value=value, source=source
            )
        if isinstance(value, int):
            return value
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                pass
        raise ConfigError(
            E_CONFIG_TYPE, key=key, expected=_TYPE_NAMES[int], value=value, source=source
        )
    if not isinstance(value, str):
        raise ConfigError(
            E_CONFIG_TYPE, key=key, expected=_TYPE_NAMES[str], value=value, source=source
        )
    return value


def _unknown(path: Path, key: str, word: str, known: list[str]) -> ConfigError:
    close = difflib.get_close_matches(word, known, n=1)
    if close:
        return ConfigError(E_CONFIG_UNKNOWN_HINT, path=path, key=key, suggestion=close[0])
    return ConfigError(E_CONFIG_UNKNOWN, path=path, key=key)


def _section_type(name: str) -> type:
    for f in fields(Settings):
        if f.name == name:
            return f.type if isinstance(f.type, type) else globals()[str(f.type)]
    raise KeyError(name)


def load_settings(
    config_file: Path | None = None,
    data_dir: Path | None = None,
    env: dict[str, str] | None = None,
) -> Settings:
    """Read settings: defaults, then the TOML file, then ``VENUE_*`` variables.

    ``config_file`` given explicitly must exist; otherwise ``config.toml`` in the
    data directory is read when present.
    """
    env = dict(os.environ if env is None else env)
    base_dir = data_dir or (Path(env["VENUE_DATA_DIR"]) if env.get("VENUE_DATA_DIR") else None)
    base_dir = (base_dir or default_data_dir()).expanduser().resolve()
    path = config_file
    if path is None and env.get("VENUE_CONFIG"):
        path = Path(env["VENUE_CONFIG"])
    explicit = path is not None
    path = path or default_config_file(base_dir)
    raw: dict[str, Any] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(E_CONFIG_SYNTAX, path=path, detail=exc) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(E_CONFIG_UNREADABLE, path=path, detail=exc) from exc
    elif explicit:
        raise ConfigError(E_CONFIG_MISSING, path=path)

    if "data_dir" in raw and data_dir is None and not env.get("VENUE_DATA_DIR"):
        base_dir = Path(str(raw["data_dir"])).expanduser().resolve()
    settings = Settings(data_dir=base_dir, source=path if path.exists() else None)
    for name, value in raw.items():
        if name == "data_dir":
            continue
        if name == "face" and isinstance(value, dict):
            settings = replace(settings, face=_checked_face(value, path))
            continue
        if name not in SECTIONS or not isinstance(value, dict):
            raise _unknown(path, name, name, list(SECTIONS))
        settings = _apply(settings, name, value, str(path), path)
    for name in SECTIONS:
        section_cls = _section_type(name)
        overrides = {}
        for f in fields(section_cls):
            var = f"VENUE_{name.upper()}_{f.name.upper()}"
            if var in env:
                overrides[f.name] = env[var]
        if name == "central":
            for var, key in ENV_ALIASES.items():
                if var in env:
                    overrides[key] = env[var]
        if overrides:
            settings = _apply(settings, name, overrides, "environment", path)
    return settings


def _checked_face(table: dict[str, Any], path: Path) -> dict[str, Any]:
    from drivers.face.config import FaceSettings
    from drivers.face.errors import FaceConfigError

    try:
        FaceSettings.from_mapping(table, path.parent)
    except FaceConfigError as exc:
        raise ConfigError(E_CONFIG_FACE, path=path, detail=exc) from exc
    return table


def _apply(
    settings: Settings, name: str, values: dict[str, Any], source: str, path: Path
) -> Settings:
    section = getattr(settings, name)
    known = {f.name: f for f in fields(section)}
    changes: dict[str, object] = {}
    for key, value in values.items():
        if key not in known:
            raise _unknown(path, f"{name}.{key}", key, list(known))
        kind = int if known[key].type in (int, "int") else str
        changes[key] = _coerce(f"{name}.{key}", value, kind, source)
    return replace(settings, **{name: replace(section, **changes)})


def describe_settings() -> list[tuple[str, object, str]]:
    """Every setting as (dotted key, default, description source text) for ``--help`` and docs."""
    out: list[tuple[str, object, str]] = []
    for name in SECTIONS:
        section_cls = _section_type(name)
        for f in fields(section_cls):
            out.append((f"{name}.{f.name}", f.default, str(f.metadata.get("description", ""))))
    return out
