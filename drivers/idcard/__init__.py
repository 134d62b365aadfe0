"""Second-generation ID card reader (二代身份证阅读器, GA 467 family) over serial.

``IdCardReader`` is the driver; ``IdCardSimulator`` (in ``drivers.idcard.simulator``,
not imported here) speaks the same frames over a pty or TCP for tests and demo mode.
"""

from drivers.idcard.card import IdCard
from drivers.idcard.errors import (
    CardNotLiftedError,
    FramingError,
    IdCardError,
    NoCardError,
    PortError,
    ReaderTimeoutError,
    StatusError,
)
from drivers.idcard.reader import CardState, IdCardReader, PollResult
from drivers.idcard.transport import DiscoveredPort, discover_ports
from drivers.idcard.wlt import WltDecoder, load_wlt_decoder

__all__ = [
    "CardNotLiftedError",
    "CardState",
    "DiscoveredPort",
    "FramingError",
    "IdCard",
    "IdCardError",
    "IdCardReader",
    "NoCardError",
    "PollResult",
    "PortError",
    "ReaderTimeoutError",
    "StatusError",
    "WltDecoder",
    "discover_ports",
    "load_wlt_decoder",
]
