"""What every page needs, built once by the composition root: the services, the
background-task queue, the event bridge, the signed-in user, (when the app
watches devices) the device registry and (when a central platform is configured)
the sync service."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from venue_client.services.audit import AuditService
from venue_client.services.context import AppContext
from venue_client.services.devices import DeviceRegistry
from venue_client.services.schedule import ScheduleService
from venue_client.services.users import UserInfo, UserService
from venue_client.sync.service import SyncService
from venue_client.ui.bridge import EventBridge
from venue_client.ui.worker import Tasks


@dataclass
class UiEnv:
    ctx: AppContext
    tasks: Tasks
    bridge: EventBridge
    demo: bool = False
    users: UserService = field(init=False)
    schedule: ScheduleService = field(init=False)
    audit: AuditService = field(init=False)
    user: UserInfo | None = None
    devices: DeviceRegistry | None = None  # None: no devices watched (screenshots, tests)
    sync: SyncService | None = None  # None: no central platform, or not started (screenshots)

    def __post_init__(self) -> None:
        self.users = UserService(self.ctx)
        self.schedule = ScheduleService(self.ctx)
        self.audit = AuditService(self.ctx)

    def today(self) -> date:
        """Today in Beijing time by the trusted clock (the venue's day)."""
        return self.ctx.clock.today()

    def load_venue_name(self) -> str:
        """The venue's name: from the settings, else from the database (worker thread)."""
        if self.ctx.settings.venue.name:
            return self.ctx.settings.venue.name
        getter = getattr(self.schedule, "venue_name", None)  # not in every service version
        return str(getter() or "") if callable(getter) else ""
