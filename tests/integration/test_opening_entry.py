"""唱标录入: a bid whose envelope declared no opening summary (CMS) gets its price,
duration and quality entered from the documents by the host and checked by a
supervisor; a declared summary can never be replaced; the record says who checked."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.integration.test_opening_service import (
    FakeOpener,
    Hall,
    _events,
    _hall,
    _open_decryption,
)
from venue_client.domain.opening import OpeningError
from venue_client.domain.opening_summary import OpeningSummary
from venue_client.services.approval import ApprovalError
from venue_client.services.context import AppContext
from venue_client.services.opening_causes import OpenedBid
from venue_client.services.opening_entry import E_DECLARED, E_ENTRY_STAGE, E_NOT_DECRYPTED
from venue_client.services.opening_record import REMARK_ENTERED
from venue_client.store.models import Bid


@pytest.fixture
def hall(ctx: AppContext) -> Hall:
    return _hall(ctx)


def _no_summary(bid: Bid) -> OpenedBid:
    return OpenedBid(summary={}, plaintext_path="/p", plaintext_size=1, plaintext_sha256="0" * 64)


def _row(hall: Hall, bid_id: int):  # type: ignore[no-untyped-def]
    return next(b for b in hall.service.status(hall.ref).bids if b.bid_id == bid_id)


def test_entered_from_the_documents_checked_by_a_supervisor(ctx: AppContext, hall: Hall) -> None:
    _open_decryption(hall)
    cms_bid, vbe1_bid, never = hall.bidders[0][1], hall.bidders[1][1], hall.bidders[2][1]
    service, desk, supervisor = hall.service, hall.desk, hall.supervisor
    service.decrypt_bid(hall.ref, cms_bid, _no_summary, operator=desk)
    service.decrypt_bid(hall.ref, vbe1_bid, FakeOpener(), operator=desk)
    entry = OpeningSummary("1,234,567.8", " 365日历天 ", "合格")

    with pytest.raises(ApprovalError):  # the host cannot check their own entry
        service.enter_summary(hall.ref, cms_bid, entry, operator=desk, approver=desk)
    with pytest.raises(ApprovalError):
        service.enter_summary(hall.ref, cms_bid, entry, operator=desk, approver=None)
    with pytest.raises(OpeningError) as err:  # the envelope's own summary stands
        service.enter_summary(hall.ref, vbe1_bid, entry, operator=desk, approver=supervisor)
    assert err.value.text == E_DECLARED
    with pytest.raises(OpeningError) as err:
        service.enter_summary(hall.ref, never, entry, operator=desk, approver=supervisor)
    assert err.value.text == E_NOT_DECRYPTED
    with pytest.raises(OpeningError):  # not an amount
        service.enter_summary(
            hall.ref, cms_bid, OpeningSummary("一百万"), operator=desk, approver=supervisor
        )
    assert not _row(hall, cms_bid).price  # nothing taken from the refusals

    done = service.enter_summary(hall.ref, cms_bid, entry, operator=desk, approver=supervisor)
    assert (done.price, done.duration, done.quality) == ("1234567.8", "365日历天", "合格")
    row = _row(hall, cms_bid)
    assert (row.price, row.duration, row.quality) == ("1234567.8", "365日历天", "合格")

    deadline = service.status(hall.ref).deadline
    assert deadline is not None
    hall.clock.at = deadline + timedelta(seconds=1)
    service.close_decryption(hall.ref, operator=desk)  # 唱标: a misread can be corrected
    fixed = OpeningSummary("1234576.80", "365日历天", "合格")
    service.enter_summary(hall.ref, cms_bid, fixed, operator=desk, approver=supervisor)
    assert _row(hall, cms_bid).price == "1234576.80"

    record = service.record_data(hall.ref)
    entered = next(b for b in record.bidders if b.bid == _platform_id(ctx, cms_bid))
    assert entered.price == "1234576.80"
    remarks = [(m.text, m.args_map) for m in entered.remarks]
    assert (REMARK_ENTERED, {"name": supervisor.display_name}) in remarks
    declared = next(b for b in record.bidders if b.bid == _platform_id(ctx, vbe1_bid))
    assert REMARK_ENTERED not in [m.text for m in declared.remarks]

    service.begin_confirmation(hall.ref, operator=desk)  # the record is frozen now
    with pytest.raises(OpeningError) as err:
        service.enter_summary(hall.ref, cms_bid, entry, operator=desk, approver=supervisor)
    assert err.value.text == E_ENTRY_STAGE

    events = [p for t, p in _events(ctx) if t == "opening.summary_entered"]
    assert [(p["price"], p["corrects"]) for p in events] == [
        ("1234567.8", None),
        ("1234576.80", "1234567.8"),
    ]
    assert events[0]["entered_by"] == "desk" and events[0]["approved_by"] == "supervisor"
    assert events[0]["source"] == "documents" and events[0]["v"] == 1


def _platform_id(ctx: AppContext, bid_id: int) -> str:
    with ctx.reading() as s:
        bid = s.get(Bid, bid_id)
        assert bid is not None
        return bid.platform_id
