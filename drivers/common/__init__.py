"""What every driver shares: translatable errors, the owner thread, the UI handler."""

from drivers.common.errors import QT_TRANSLATE_NOOP, DeviceError, DriverText
from drivers.common.handler import DeviceHandler, HeadlessHandler
from drivers.common.owner import OwnerThread, WrongThreadError

__all__ = [
    "QT_TRANSLATE_NOOP",
    "DeviceError",
    "DeviceHandler",
    "DriverText",
    "HeadlessHandler",
    "OwnerThread",
    "WrongThreadError",
]
