"""The opening summary read from the documents (唱标录入). A CMS envelope carries no
structured opening summary, so its bid is decrypted with the price still empty; the
host reads the price, duration and quality from the decrypted documents and enters
them, and a supervisor checks them against the documents on the spot. A price the
envelope declared can never be replaced this way, and nothing changes once the
record has gone to the representatives for confirmation."""

from __future__ import annotations

from venue_client.domain.errors import QT_TRANSLATE_NOOP
from venue_client.domain.opening import BidState, OpeningError, OpeningState
from venue_client.domain.opening_summary import OpeningSummary, parse_amount
from venue_client.services.approval import check_approver
from venue_client.services.opening_common import OpeningBase, payload_bid
from venue_client.services.users import UserInfo

E_ENTRY_STAGE = QT_TRANSLATE_NOOP("opening", "只能在解密或唱标阶段录入开标一览表")
E_NOT_DECRYPTED = QT_TRANSLATE_NOOP("opening", "该投标文件尚未解密，不能录入")
E_DECLARED = QT_TRANSLATE_NOOP("opening", "该投标文件的开标一览表已随文件解密，不能改动")
ENTRY_STAGES = (OpeningState.DECRYPTING, OpeningState.RECORD)
MAX_FIELD = 100


class EntryMixin(OpeningBase):
    def enter_summary(
        self,
        ref: int | str,
        bid_id: int,
        summary: OpeningSummary,
        *,
        operator: UserInfo,
        approver: UserInfo | None,
    ) -> OpeningSummary:
        """Record the summary the host read from the documents of a decrypted bid that
        declared none, checked by ``approver`` (a supervisor, not the operator).
        Entering again before confirmation corrects the entry; both are recorded."""
        checker = check_approver(approver, operator)
        entered = OpeningSummary(
            price=parse_amount(summary.price),
            duration=summary.duration.strip()[:MAX_FIELD],
            quality=summary.quality.strip()[:MAX_FIELD],
        )
        with self._changing(ref, operator) as (tx, locked):
            if locked.state not in ENTRY_STAGES:
                raise OpeningError(E_ENTRY_STAGE)
            ob = self._opening_bid(tx.session, locked, bid_id)
            if ob.state != BidState.DECRYPTED:
                raise OpeningError(E_NOT_DECRYPTED)
            if ob.price and ob.summary_checked_by is None:
                raise OpeningError(E_DECLARED)
            previous = ob.price
            ob.price, ob.duration, ob.quality = entered.price, entered.duration, entered.quality
            ob.summary_entered_by, ob.summary_checked_by = operator.id, checker.id
            tx.record(
                "opening.summary_entered",
                payload_bid(
                    locked,
                    ob.bid,
                    ob.bidder,
                    price=entered.price,
                    PRICE_UNIT=locked.section.price_unit,
                    duration=entered.duration,
                    quality=entered.quality,
                    source="documents",
                    corrects=previous or None,  # the entry this one replaces
                    entered_by=operator.username,
                    approved_by=checker.username,
                ),
            )
        return entered
