"""central-api.md §1: an opening refuses to start while online with the local clock
off the platform's by more than the tolerance. The skew is measured by a real sync
pass against the loopback platform."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.central.server import CentralServer
from tests.integration.sync.conftest import fast_client
from venue_client.domain.opening import OpeningError
from venue_client.services.context import AppContext
from venue_client.services.demo import DEMO_PASSWORD, seed_demo
from venue_client.services.opening import OpeningService
from venue_client.services.users import UserService
from venue_client.sync.errors import ClockSkewError
from venue_client.sync.service import SyncService


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_no_opening_while_online_and_skewed(sctx: AppContext, central: CentralServer) -> None:
    seed_demo(sctx)
    desk = UserService(sctx).authenticate("desk", DEMO_PASSWORD)
    sync = SyncService(sctx, client=fast_client(sctx))
    service = OpeningService(sctx, start_guard=lambda: sync.clock_status().check_may_open())
    service.begin_checkin("O1", operator=desk)

    central.platform.skew = timedelta(minutes=11)  # the platform is past the opening time
    sync.run_once()
    assert not sync.clock_status().may_open
    with pytest.raises(ClockSkewError):
        service.start("O1", operator=desk)

    central.platform.skew = timedelta(0)
    sync.run_once()
    assert sync.clock_status().may_open
    with pytest.raises(OpeningError) as err:  # the guard passes; the time rule speaks
        service.start("O1", operator=desk)
    assert "未到开标时间" in str(err.value)
