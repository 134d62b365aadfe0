"""Schedule pull (revisions, held changes, cancellations, sealed experts, restrictions)
and bid prefetch (resume after a dropped connection, tamper alarm)."""

from __future__ import annotations

import hashlib
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.central import sections as S  # noqa: N812 - short helper alias
from tests.central.server import CentralServer
from venue_client.services.context import AppContext
from venue_client.store.models import (
    Bid,
    CreditRestriction,
    EvaluationSession,
    Expert,
    OpeningSession,
    PersonalBlob,
    Section,
    SessionState,
)
from venue_client.sync import alarms, experts, pending, schedule
from venue_client.sync.client import CentralClient
from venue_client.sync.prefetch import BidPrefetcher

ID1 = "330106199001011234"
ID2 = "330102197001011234"


def _section(central: CentralServer, code: str, bids: list[bytes], **kw: Any) -> dict[str, Any]:
    opening = datetime.now(S.BEIJING).replace(microsecond=0) + timedelta(hours=1)
    bidders = []
    for i, data in enumerate(bids):
        receipt = central.platform.add_bid(data, **kw.pop(f"bid{i}", {}))
        bidders.append(
            S.bidder(
                f"浙江某某建设有限公司{i}",
                f"91330100MA2XXXXX{i:02d}",
                receipt,
                [S.representative(f"张{i}", ID1)],
            )
        )
    ev = S.evaluation(
        "PB-03",
        opening + timedelta(hours=1),
        [S.expert("李四", ID2, employer_code="91330000XXXXXXXXXX")],
    )
    return central.platform.add_section(
        S.section("A3301000001000001", code, opening, bidders, evaluation_info=ev, **kw)
    )


def test_pull_applies_everything_with_cursor(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    _section(central, "A3301000001000001001", [b"a" * 1000, b"b" * 2000])
    central.platform.add_restriction("91330100MA2YYYYYYY", "MARKET_BAN")
    result = schedule.pull(sctx, client, "330100")
    assert result.created == ["A3301000001000001001"] and result.restrictions == 1
    with sctx.reading() as s:
        sec = s.execute(select(Section)).scalar_one()
        assert sec.revision == 1 and len(sec.bidders) == 2
        assert {b.bid.receipt_sha256 for b in sec.bidders if b.bid} == {
            hashlib.sha256(b"a" * 1000).hexdigest(),
            hashlib.sha256(b"b" * 2000).hexdigest(),
        }
        ev = s.execute(select(EvaluationSession)).scalar_one()
        assert s.execute(select(Expert)).first() is None  # sealed, not in clear
        blob = s.execute(select(PersonalBlob)).scalar_one()
        assert ID2.encode() not in blob.ciphertext
        assert s.execute(select(CreditRestriction)).scalar_one().kind == "MARKET_BAN"
    assert experts.reveal(sctx, ev.id)[0]["EXPERT_NAME"] == "李四"
    # nothing new: the cursor makes the next pull empty
    assert schedule.pull(sctx, client, "330100").created == []
    # the evaluation starts: the list is unsealed into rows
    assert experts.unseal_due(sctx, datetime.now(S.BEIJING) + timedelta(days=1)) == 1
    with sctx.reading() as s:
        assert s.execute(select(Expert.id_number)).scalar_one() == ID2


def test_revision_change_applied_before_start_held_after(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    code = "A3301000001000001002"
    _section(central, code, [b"x" * 10])
    schedule.pull(sctx, client, "330100")
    central.platform.update_section(code, BID_OPENING_ROOM="KB-02")
    assert schedule.pull(sctx, client, "330100").updated == [code]
    with sctx.reading() as s:
        sec = s.execute(select(Section)).scalar_one()
        assert (sec.revision, sec.opening_room) == (2, "KB-02")
        opening = s.execute(select(OpeningSession)).scalar_one()
        opening.state, opening.started_at = SessionState.OPENING, datetime.now(S.BEIJING)
    heard: list[dict[str, Any]] = []
    sctx.bus.subscribe("sync.pending_change", lambda _n, d: heard.append(d))
    central.platform.update_section(code, DECRYPT_MINUTES=60)
    assert schedule.pull(sctx, client, "330100").held == [code]
    with sctx.reading() as s:
        sec = s.execute(select(Section)).scalar_one()
        assert (sec.revision, sec.decrypt_minutes) == (2, 30)  # not applied silently
    (change,) = pending.pending_changes(sctx)
    assert change["revision"] == 3 and "DECRYPT_MINUTES" in change["changes"]
    assert heard == [{"section": code}]
    pending.resolve_change(sctx, change["id"], "user:desk", apply_it=True, venue_code="330100")
    with sctx.reading() as s:
        sec = s.execute(select(Section)).scalar_one()
        assert (sec.revision, sec.decrypt_minutes) == (3, 60)
    assert pending.pending_changes(sctx) == []


def test_cancelled_and_postponed_set_status(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    _section(central, "A3301000001000001003", [b"1"])
    _section(central, "A3301000001000001004", [b"2"])
    schedule.pull(sctx, client, "330100")
    central.platform.cancel_section("A3301000001000001003")
    central.platform.postpone_section("A3301000001000001004")
    schedule.pull(sctx, client, "330100")
    with sctx.reading() as s:
        statuses = dict(s.execute(select(Section.code, Section.status)).all())
    assert statuses == {"A3301000001000001003": "CANCELLED", "A3301000001000001004": "POSTPONED"}
    # bids of sections that will not open are not fetched
    assert BidPrefetcher(sctx, client).due() == []


def test_prefetch_resumes_after_dropped_connection(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    _section(central, "A3301000001000001005", [data])
    schedule.pull(sctx, client, "330100")
    central.faults.add(r"/ciphertext$", "truncate", times=2, keep=1024 * 1024)
    ranges: list[str] = []
    progress: list[int] = []
    sctx.bus.subscribe("sync.prefetch", lambda _n, d: progress.append(d["received"]))
    orig = client.stream

    def spy(path: str, headers: Any) -> Any:
        ranges.append(headers.get("Range", ""))
        return orig(path, headers)

    client.stream = spy  # type: ignore[method-assign]
    result = BidPrefetcher(sctx, client).run()
    assert result.downloaded == ["b-000001"]
    assert ranges[0] == "" and ranges[1] == "bytes=1048576-" and ranges[2] == "bytes=2097152-"
    with sctx.reading() as s:
        bid = s.execute(select(Bid)).scalar_one()
        assert bid.state == "downloaded"
        path = bid.local_path
    assert path and Path(path).read_bytes() == data
    assert Path(path).stat().st_mode & 0o077 == 0
    assert progress[-1] == len(data)


def test_prefetch_checksum_mismatch_is_tamper_alarm_not_retry(
    sctx: AppContext, central: CentralServer, client: CentralClient
) -> None:
    _section(
        central, "A3301000001000001006", [b"q" * 5000, b"r" * 10], bid0={"receipt_sha256": "0" * 64}
    )
    schedule.pull(sctx, client, "330100")
    central.faults.add(r"b-000002/ciphertext$", "corrupt_body", times=1)
    result = BidPrefetcher(sctx, client).run()
    assert sorted(result.tampered) == ["b-000001", "b-000002"]
    with sctx.reading() as s:
        assert {b.state for b in s.execute(select(Bid)).scalars()} == {"tampered"}
        kinds = [a.kind for a in alarms.open_alarms(s)]
        assert kinds == [alarms.TAMPERED_BID, alarms.TAMPERED_BID]
        assert alarms.blocking_count(s) == 0  # shown, does not stop the relay
    assert BidPrefetcher(sctx, client).due() == []  # never retried
