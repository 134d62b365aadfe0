"""Which pages each role sees: the one place the matrix lives."""

from __future__ import annotations

from venue_client.store.log_models import Role

CHECKIN = "checkin"
OPENING = "opening"
HALL = "hall"
ROOMS = "rooms"
RECORDINGS = "recordings"
SYNC = "sync"
ADMIN = "admin"

# Stable names: ``--screenshot --page NAME`` and the tests use them.
PAGE_NAMES: tuple[str, ...] = (CHECKIN, OPENING, HALL, ROOMS, RECORDINGS, SYNC, ADMIN)

ROLE_PAGES: dict[Role, tuple[str, ...]] = {
    Role.MANAGER: PAGE_NAMES,
    Role.DESK_STAFF: (CHECKIN, OPENING, HALL),
    Role.SUPERVISOR: (CHECKIN, OPENING, HALL, ROOMS),
    Role.ROOM_STEWARD: (CHECKIN, ROOMS),
    Role.EVALUATOR: (ROOMS,),
    Role.ADMIN: (SYNC, ADMIN),
}


def pages_for(role: Role) -> tuple[str, ...]:
    """The pages ``role`` may open, in navigation order (none for an unknown role)."""
    return ROLE_PAGES.get(role, ())
