"""The outbox relay against the test central platform: order, batches, duplicates,
rejected events, SEQ_GAP, KEY_REUSED and retries."""

from __future__ import annotations

import pytest
from sqlalchemy import select, update

from tests.central.server import CentralServer
from tests.integration.sync.conftest import WS, add_events
from venue_client.services.context import AppContext
from venue_client.store.log_models import OutboxEntry, OutboxState
from venue_client.sync import alarms, state
from venue_client.sync.client import CentralClient, RetryPolicy
from venue_client.sync.errors import SyncBlockedError
from venue_client.sync.relay import OutboxRelay, outbox_counts, rejected_events


def test_happy_path_in_order_in_batches(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    add_events(sctx, 1203)
    result = OutboxRelay(sctx, client).run()
    assert result.batches == 3  # 500 + 500 + 203
    assert result.applied == 1203 and result.acked_through == 1203
    events = central.platform.events(WS)
    assert [e.seq for e in events] == list(range(1, 1204))
    assert events[0].payload == {"v": 1, "n": 0, "fee": "12345678.90"}  # money stays a string
    assert outbox_counts(sctx) == {"acked": 1203}
    with sctx.reading() as s:
        keys = dict(s.execute(select(OutboxEntry.seq, OutboxEntry.idempotency_key)).all())
    assert all(e.idempotency_key == keys[e.seq] for e in events)


def test_batch_respects_byte_limit(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    with sctx.transaction("test") as tx:
        for i in range(12):
            tx.record("checkin.recorded", {"v": 1, "n": i, "blob": "x" * 500_000})
    result = OutboxRelay(sctx, client).run()
    assert result.batches >= 2 and result.acked_through == 12
    assert len(central.platform.events(WS)) == 12


def test_lost_answer_resend_is_duplicate(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    add_events(sctx, 10)
    central.faults.add(r"/events$", "drop_after", times=1)  # applied, answer lost
    result = OutboxRelay(sctx, client).run()
    assert result.duplicate == 10 and result.acked_through == 10
    assert len(central.platform.events(WS)) == 10
    # the local commit was lost after the platform applied: resend gives duplicates
    with sctx.reading() as s:
        s.execute(update(OutboxEntry).values(state=OutboxState.PENDING, acked_at=None))
        state.put(s, state.ACKED_THROUGH, 0)
    again = OutboxRelay(sctx, client).run()
    assert again.duplicate == 10 and outbox_counts(sctx) == {"acked": 10}


def test_rejected_kept_flagged_and_passed(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    add_events(sctx, 5)
    add_events(sctx, 1, type_="made.up")  # unknown types are rejected, not ignored
    add_events(sctx, 4, start=5)
    central.platform.reject_seq(WS, 3, "RULE_VIOLATION", "after the deadline")
    seen: list[int] = []
    sctx.bus.subscribe("sync.rejected", lambda _n, d: seen.append(d["seq"]))
    result = OutboxRelay(sctx, client).run()
    assert result.acked_through == 10 and sorted(result.rejected) == [3, 6] == sorted(seen)
    assert outbox_counts(sctx) == {"acked": 8, "rejected": 2}
    rejected = rejected_events(sctx)
    assert [r["seq"] for r in rejected] == [3, 6]
    assert rejected[0]["error"]["code"] == "RULE_VIOLATION"
    assert rejected[1]["error"]["code"] == "UNKNOWN_TYPE"
    # not retried: a second run sends nothing
    before = central.connections_accepted
    assert OutboxRelay(sctx, client).run().batches == 0
    assert central.connections_accepted == before


def test_seq_gap_resends_from_expected(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    add_events(sctx, 20)
    assert OutboxRelay(sctx, client).run().acked_through == 20
    add_events(sctx, 5, start=20)
    # the local record claims more than the platform holds (e.g. restored platform backup
    # not involved here: we make the client believe it sent 21-22 already)
    with sctx.reading() as s:
        s.execute(update(OutboxEntry).where(OutboxEntry.seq <= 22).values(state=OutboxState.ACKED))
        state.put(s, state.ACKED_THROUGH, 22)
    result = OutboxRelay(sctx, client).run()  # sends 23.. -> SEQ_GAP expected 21
    assert result.acked_through == 25
    assert [e.seq for e in central.platform.events(WS)] == list(range(1, 26))


def test_key_reused_stops_and_alarms_until_manager_acknowledges(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    from venue_client.services.users import UserService
    from venue_client.store.log_models import Role

    add_events(sctx, 3)
    OutboxRelay(sctx, client).run()
    with sctx.reading() as s:  # a rewritten payload under a used key and seq
        s.execute(update(OutboxEntry).where(OutboxEntry.seq == 2).values(payload='{"v":1,"n":99}'))
        state.put(s, state.ACKED_THROUGH, 1)
    raised: list[str] = []
    sctx.bus.subscribe("sync.alarm", lambda _n, d: raised.append(d["kind"]))
    with pytest.raises(SyncBlockedError):
        OutboxRelay(sctx, client).run()
    assert raised == [alarms.KEY_REUSED]
    with sctx.reading() as s:
        (alarm,) = alarms.open_alarms(s)
        assert alarm.blocking and alarms.blocking_count(s) == 1
    add_events(sctx, 1, start=3)
    with pytest.raises(SyncBlockedError):  # stays stopped
        OutboxRelay(sctx, client).run()
    users = UserService(sctx)
    desk = users.add("desk1", "王开标", Role.DESK_STAFF, "Desk-pass-2026", actor="test")
    manager = users.add("boss", "周分中心", Role.MANAGER, "Boss-pass-2026", actor="test")
    from venue_client.sync.errors import SyncError

    with pytest.raises(SyncError):
        alarms.acknowledge(sctx, alarm.id, desk)
    alarms.acknowledge(sctx, alarm.id, manager, "payload restored")
    with sctx.reading() as s:
        assert alarms.blocking_count(s) == 0


def test_retries_transient_faults_and_honours_retry_after(
    sctx: AppContext, central: CentralServer
) -> None:
    slept: list[float] = []
    client = CentralClient.from_settings(
        sctx.settings.central,
        sctx.workstation_id,
        retry=RetryPolicy(attempts=8, base=0.01, cap=0.02),
        sleep=slept.append,
    )
    add_events(sctx, 3)
    central.faults.add(r"/events$", "unavailable", times=1, retry_after=7)
    central.faults.add(r"/events$", "rate_limited", times=1, retry_after=3)
    central.faults.add(r"/events$", "error_500", times=1)
    central.faults.add(r"/events$", "drop_before", times=1)
    assert OutboxRelay(sctx, client).run().acked_through == 3
    assert 7 in slept and 3 in slept
    assert len(central.platform.events(WS)) == 3
    client.close()


def test_never_retries_other_4xx(sctx: AppContext, central: CentralServer) -> None:
    from dataclasses import replace

    from venue_client.sync.errors import UnauthorizedError

    bad = replace(sctx.settings.central, token="wrong")
    client = CentralClient.from_settings(bad, sctx.workstation_id, sleep=lambda _s: None)
    add_events(sctx, 1)
    before = central.connections_accepted
    with pytest.raises(UnauthorizedError):
        OutboxRelay(sctx, client).run()
    assert central.connections_accepted == before + 1
    client.close()
