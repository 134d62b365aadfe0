"""Row-level apply of the schedule: bidders with representatives and bid receipts,
and credit restrictions (in the caller's transaction)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from venue_client.store.models import (
    Bid,
    Bidder,
    CheckIn,
    CreditRestriction,
    Representative,
    Section,
)
from venue_client.sync.clockwatch import parse_time


def apply_bidders(s: Session, section: Section, incoming: list[dict[str, Any]]) -> None:
    current = {
        b.org_code: b
        for b in s.execute(select(Bidder).where(Bidder.section_id == section.id)).scalars()
    }
    seen: set[str] = set()
    for b in incoming:
        org = b["BIDDER_ORG_CODE"]
        seen.add(org)
        bidder = current.get(org)
        if bidder is None:
            bidder = Bidder(section_id=section.id, org_code=org, name=b["BIDDER_NAME"])
            s.add(bidder)
            s.flush()
        bidder.name = b["BIDDER_NAME"]
        reps = {(r["name"], str(r["ID_CARD"]).upper()) for r in b.get("representatives", [])}
        for rep in s.execute(
            select(Representative).where(Representative.bidder_id == bidder.id)
        ).scalars():
            if (rep.name, rep.id_number) in reps:
                reps.discard((rep.name, rep.id_number))
            else:
                s.delete(rep)
        s.flush()
        for name, number in sorted(reps):
            s.add(Representative(bidder_id=bidder.id, name=name, id_number=number))
        if b.get("bid"):
            _bid(s, bidder, b["bid"])
    for org, bidder in current.items():
        if org in seen:
            continue
        used = s.execute(select(CheckIn.id).where(CheckIn.bidder_id == bidder.id).limit(1)).first()
        if used is None:
            s.execute(delete(Representative).where(Representative.bidder_id == bidder.id))
            s.execute(delete(Bid).where(Bid.bidder_id == bidder.id))
            s.delete(bidder)
    s.flush()


def _bid(s: Session, bidder: Bidder, b: dict[str, Any]) -> None:
    bid = s.execute(select(Bid).where(Bid.bidder_id == bidder.id)).scalar_one_or_none()
    receipt = str(b["sha256"]).lower()
    if bid is None:
        bid = Bid(bidder_id=bidder.id, platform_id=b["bid_id"], state="pending", local_path=None)
        s.add(bid)
    elif bid.platform_id != b["bid_id"] or bid.receipt_sha256 != receipt:
        bid.state, bid.local_path = "pending", None  # a new receipt: download again
    bid.platform_id = b["bid_id"]
    bid.size = int(b["size"])
    bid.receipt_sha256 = receipt
    bid.submitted_at = parse_time(b["submitted_at"])
    bid.format = b.get("format", "VBE1")
    bid.recipients = list(b.get("recipients", []))
    s.flush()


def apply_restriction(s: Session, r: dict[str, Any]) -> None:
    code, kind = str(r["subject_code"]).upper(), str(r["kind"])
    row = s.execute(
        select(CreditRestriction).where(
            CreditRestriction.subject_code == code, CreditRestriction.kind == kind
        )
    ).scalar_one_or_none()
    if row is None:
        row = CreditRestriction(subject_code=code, kind=kind)
        s.add(row)
    row.reason = str(r.get("reason", ""))
    row.until = r.get("until")
