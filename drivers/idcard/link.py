"""``ReaderLink``: the reader's commands over one open transport, one call each.

Every method is ``@owned``: it runs only on the reader's owner thread and raises
``WrongThreadError`` anywhere else.
"""

from __future__ import annotations

from drivers.common.owner import OwnerThread, owned
from drivers.idcard.card import IdCard, decode_read_reply
from drivers.idcard.errors import NoCardError
from drivers.idcard.protocol import SW3_CARD_FOUND, SW3_OK, Command, Response, encode_command
from drivers.idcard.transport import SerialTransport

SAM_ID_LENGTH = 16


class ReaderLink:
    """The reader's commands over one open transport. Owner thread only."""

    def __init__(self, transport: SerialTransport, owner: OwnerThread, *, timeout: float) -> None:
        self.transport = transport
        self.owner = owner
        self.timeout = timeout
        # a read reply is ~1.3 KB: allow for its transfer at slow baud rates
        self.read_timeout = timeout + 1.0 + 2400 * 10 / transport.baudrate

    @owned
    def transact(
        self, command: Command, data: bytes = b"", *, timeout: float | None = None
    ) -> Response:
        """Send one command and return the answer, whatever its status."""
        return self.transport.exchange(
            encode_command(command, data), self.timeout if timeout is None else timeout
        )

    @owned
    def sam_reset(self) -> None:
        self.transact(Command.SAM_RESET).expect()

    @owned
    def sam_status(self) -> None:
        self.transact(Command.SAM_STATUS).expect()

    @owned
    def sam_id(self) -> str:
        """The SAM's id as vendor tools print it, e.g. ``05.01-20200101-0000012345-0123456789``."""
        data = self.transact(Command.SAM_ID).expect().data
        if len(data) < SAM_ID_LENGTH:
            return data.hex()
        a, b = (int.from_bytes(data[i : i + 2], "little") for i in (0, 2))
        c, d, e = (int.from_bytes(data[i : i + 4], "little") for i in (4, 8, 12))
        return f"{a:02d}.{b:02d}-{c:08d}-{d:010d}-{e:010d}"

    @owned
    def find(self) -> bool:
        """True when a card is on the reader (``9F``), False for ``80``; raises otherwise."""
        response = self.transact(Command.FIND_CARD)
        if response.sw3 == NoCardError.sw3:
            return False
        response.expect(SW3_CARD_FOUND)
        return True

    @owned
    def select(self) -> None:
        self.transact(Command.SELECT_CARD).expect()

    @owned
    def read(self, *, fingerprint: bool = False) -> IdCard:
        command = Command.READ_TEXT_PHOTO_FINGERPRINT if fingerprint else Command.READ_TEXT_PHOTO
        response = self.transact(command, timeout=self.read_timeout).expect(SW3_OK)
        return decode_read_reply(response.data, fingerprint=fingerprint)
