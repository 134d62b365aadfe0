"""Conformance of the test central platform (tests/central) to central-api.md, driven with
plain httpx: auth, clock, schedule, ranges, events rules, uploads, witness, and every fault."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.central import sections
from tests.central.faults import FaultPlan
from tests.central.fixtures import TEST_TOKEN, TEST_VENUE, TEST_WS, central_server
from tests.central.server import CentralServer
from tests.central.testing import MiniLog, raw_exchange, raw_request, send_and_hang_up
from tests.central.witness import verify_cosignature

__all__ = ["central_server"]  # the fixture, imported for this module
EVENTS = f"/workstations/{TEST_WS}/events"
T0 = datetime(2026, 11, 27, 9, 30, tzinfo=sections.BEIJING)


@pytest.fixture
def client(central_server: CentralServer) -> Iterator[httpx.Client]:
    headers = central_server.auth_headers(TEST_WS)
    with httpx.Client(base_url=central_server.url, headers=headers, timeout=5) as c:
        yield c


def ev(
    seq: int, type_: str = "checkin.recorded", key: str | None = None, **payload: Any
) -> dict[str, Any]:
    return {
        "seq": seq,
        "idempotency_key": key or f"key-{seq}",
        "type": type_,
        "occurred_at": "2026-11-27T09:01:02+08:00",
        "payload": {"v": 1, **payload},
    }


def post(client: httpx.Client, *events: dict[str, Any]) -> httpx.Response:
    return client.post(EVENTS, json={"events": list(events)})


def code(response: httpx.Response) -> str:
    error = response.json()["error"]
    assert set(error) >= {"code", "message"}
    return str(error["code"])


def publish(
    server: CentralServer, code_: str = "A3301000001000001", n_bidders: int = 2
) -> dict[str, Any]:
    bidders = []
    for i in range(n_bidders):
        bid = server.platform.add_bid(f"ciphertext {code_} {i}".encode() * 100)
        reps = [sections.representative("张三", "330199199001011234")]
        bidders.append(
            sections.bidder(f"浙江某某{i}建设有限公司", f"9133019900000000{i}X", bid, reps)
        )
    experts = [sections.expert("李四", "330199197001011234", employer_code="91330199XXXXXXXXXX")]
    ev_info = sections.evaluation("PB-03", T0 + timedelta(hours=1), experts)
    sec = sections.section(code_, code_ + "001", T0, bidders, evaluation_info=ev_info)
    return server.platform.add_section(sec)


# --- authentication, routing, clock, health -------------------------------------------------

ENDPOINTS = [
    ("GET", "/time"),
    ("GET", "/health"),
    ("GET", f"/venues/{TEST_VENUE}/schedule"),
    ("GET", "/bids/b-000001/ciphertext"),
    ("POST", EVENTS),
    ("POST", "/uploads"),
    ("HEAD", "/uploads/x"),
    ("PATCH", "/uploads/x"),
    ("POST", f"/workstations/{TEST_WS}/checkpoints"),
]
BAD_AUTH = [
    {},
    {"Authorization": f"Bearer {TEST_TOKEN}"},
    {"Authorization": "Bearer wrong", "X-Workstation-Id": TEST_WS},
    {"Authorization": f"Basic {TEST_TOKEN}", "X-Workstation-Id": TEST_WS},
    {"Authorization": f"Bearer {TEST_TOKEN}", "X-Workstation-Id": "WS-OTHER"},
]


@pytest.mark.parametrize(("method", "path"), ENDPOINTS)
@pytest.mark.parametrize("headers", BAD_AUTH)
def test_every_endpoint_answers_401_without_valid_credentials(
    central_server: CentralServer, method: str, path: str, headers: dict[str, str]
) -> None:
    r = httpx.request(method, central_server.url + path, headers=headers)
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    if method != "HEAD":
        assert code(r) == "UNAUTHORIZED"


def test_revoked_token_401_wrong_workstation_path_403_unknown_404_405(
    central_server: CentralServer, client: httpx.Client
) -> None:
    assert code(client.post("/workstations/WS-OTHER/events", json={"events": []})) == "FORBIDDEN"
    assert client.get("/nope").status_code == 404 and code(client.get("/nope")) == "NOT_FOUND"
    r = client.delete("/time")
    assert r.status_code == 405 and r.headers["Allow"] == "GET"
    outside = httpx.get(f"http://127.0.0.1:{central_server.port}/time", headers=client.headers)
    assert outside.status_code == 404  # paths live under the base URL's path
    central_server.platform.revoke(TEST_WS)
    assert client.get("/health").status_code == 401


def test_time_and_health(central_server: CentralServer, client: httpx.Client) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    now = datetime.fromisoformat(client.get("/time").json()["now"])
    assert now.utcoffset() == timedelta(hours=8)
    assert abs((now - datetime.now(sections.BEIJING)).total_seconds()) < 2
    central_server.platform.skew = timedelta(seconds=-30)  # test hook: the platform's clock
    skewed = datetime.fromisoformat(client.get("/time").json()["now"])
    assert 28 < (datetime.now(sections.BEIJING) - skewed).total_seconds() < 32


def test_keep_alive_serves_many_requests_on_one_connection(
    central_server: CentralServer, client: httpx.Client
) -> None:
    for _ in range(5):
        assert client.get("/health").status_code == 200
    assert client.post(EVENTS, json={"events": [ev(1)]}).status_code == 200
    assert central_server.connections_accepted == 1


# --- schedule -------------------------------------------------------------------------------

SPEC_SECTION_KEYS = {
    "TENDER_PROJECT_CODE", "TENDER_PROJECT_NAME", "BID_SECTION_CODE", "BID_SECTION_NAME",
    "TENDERER_NAME", "TENDER_AGENCY_NAME", "TENDER_PROJECT_TYPE", "BID_OPENING_TIME",
    "BID_OPENING_ROOM", "DECRYPT_MINUTES", "EVALUATION_METHOD", "PRICE_UNIT", "revision",
    "status", "bidders", "evaluation",
}  # fmt: skip


def test_schedule_is_spec_shaped_and_incremental(
    central_server: CentralServer, client: httpx.Client
) -> None:
    first = publish(central_server, "A3301000001000001")
    publish(central_server, "A3301000001000002")
    url = f"/venues/{TEST_VENUE}/schedule"
    full = client.get(url).json()
    assert set(full) == {"cursor", "sections", "restrictions"}
    assert len(full["sections"]) == 2 and full["restrictions"] == []
    sec = full["sections"][0]
    assert set(sec) == SPEC_SECTION_KEYS and sec["revision"] == 1 and sec["status"] == "SCHEDULED"
    bidder = sec["bidders"][0]
    assert set(bidder) == {"BIDDER_NAME", "BIDDER_ORG_CODE", "representatives", "bid"}
    assert set(bidder["bid"]) == {
        "bid_id",
        "size",
        "sha256",
        "submitted_at",
        "format",
        "recipients",
    }
    assert set(sec["evaluation"]["experts"][0]) == {
        "EXPERT_NAME", "ID_CARD", "EXPERT_TYPE", "employer_code", "is_chairman", "backup"
    }  # fmt: skip
    assert client.get(url, params={"since": full["cursor"]}).json()["sections"] == []

    central_server.platform.update_section(first["BID_SECTION_CODE"], BID_OPENING_ROOM="KB-02")
    central_server.platform.add_restriction("91330199MA2YYYYYY1", "MARKET_BAN", until="2027-06-30")
    delta = client.get(url, params={"since": full["cursor"]}).json()
    assert [(s["BID_SECTION_CODE"], s["revision"]) for s in delta["sections"]] == [
        (first["BID_SECTION_CODE"], 2)
    ]
    assert delta["restrictions"] == [
        {
            "subject_code": "91330199MA2YYYYYY1",
            "kind": "MARKET_BAN",
            "reason": "严重违法失信",
            "until": "2027-06-30",
        }
    ]
    central_server.platform.cancel_section(first["BID_SECTION_CODE"])
    central_server.platform.lift_restriction("91330199MA2YYYYYY1", "MARKET_BAN")
    last = client.get(url, params={"since": delta["cursor"]}).json()
    assert [(s["status"], s["revision"]) for s in last["sections"]] == [("CANCELLED", 3)]
    lifted = last["restrictions"][0]["until"]
    assert lifted < central_server.platform.now().date().isoformat()


def test_schedule_cursor_venue_and_money_rules(
    central_server: CentralServer, client: httpx.Client
) -> None:
    for bad in ("garbage!", "djE6eHh4Og"):
        r = client.get(f"/venues/{TEST_VENUE}/schedule", params={"since": bad})
        assert r.status_code == 400 and code(r) == "INVALID_CURSOR"
    assert code(client.get("/venues/999999/schedule")) == "UNKNOWN_VENUE"
    central_server.platform.add_workstation("WS-B", "tb", "330200")
    assert code(client.get("/venues/330200/schedule")) == "FORBIDDEN"
    bid = central_server.platform.add_bid(b"x")
    sec = sections.section("A1", "A1001", T0, [sections.bidder("B", "C", bid, [])], BUDGET=123.45)
    with pytest.raises(TypeError, match="decimal strings"):
        central_server.platform.add_section(sec, TEST_VENUE)
    sec["BUDGET"] = "123.45"
    assert central_server.platform.add_section(sec, TEST_VENUE)["BUDGET"] == "123.45"


# --- bid ciphertext -------------------------------------------------------------------------

DATA = bytes(range(256)) * 40  # 10240 bytes


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [("bytes=0-99", 0, 99), ("bytes=10000-", 10000, 10239), ("bytes=-40", 10200, 10239),
     ("bytes=10200-99999", 10200, 10239), ("bytes=5-5", 5, 5)],
)  # fmt: skip
def test_bid_range_requests(
    central_server: CentralServer, client: httpx.Client, header: str, start: int, end: int
) -> None:
    receipt = central_server.platform.add_bid(DATA)
    url = f"/bids/{receipt['bid_id']}/ciphertext"
    full = client.get(url)
    assert full.status_code == 200 and full.headers["Accept-Ranges"] == "bytes"
    assert hashlib.sha256(full.content).hexdigest() == receipt["sha256"] and receipt["size"] == len(
        DATA
    )
    part = client.get(url, headers={"Range": header})
    assert part.status_code == 206 and part.content == DATA[start : end + 1]
    assert part.headers["Content-Range"] == f"bytes {start}-{end}/{len(DATA)}"
    stale = client.get(url, headers={"Range": header, "If-Range": '"other"'})
    assert stale.status_code == 200 and stale.content == DATA


@pytest.mark.parametrize(
    "header", ["bytes=10240-", "bytes=-0", "bytes=9-3", "bytes=abc", "bytes=0-1,5-9"]
)
def test_bid_bad_ranges_416(
    central_server: CentralServer, client: httpx.Client, header: str
) -> None:
    receipt = central_server.platform.add_bid(DATA)
    r = client.get(f"/bids/{receipt['bid_id']}/ciphertext", headers={"Range": header})
    assert r.status_code == 416 and r.headers["Content-Range"] == f"bytes */{len(DATA)}"
    assert code(r) == "RANGE_NOT_SATISFIABLE"
    assert code(client.get("/bids/b-nope/ciphertext")) == "UNKNOWN_BID"


# --- events ---------------------------------------------------------------------------------


def test_events_apply_in_order_exactly_once(
    central_server: CentralServer, client: httpx.Client
) -> None:
    r = post(client, ev(1), ev(2), ev(3))
    assert r.json() == {
        "acked_through": 3,
        "results": [{"seq": s, "status": "applied"} for s in (1, 2, 3)],
    }
    again = post(client, ev(2), ev(3), ev(4)).json()
    assert again["acked_through"] == 4
    assert [x["status"] for x in again["results"]] == ["duplicate", "duplicate", "applied"]
    stored = central_server.platform.events(TEST_WS)
    assert [e.seq for e in stored] == [1, 2, 3, 4] and stored[0].payload == {"v": 1}


def test_seq_gap_names_the_expected_seq_and_applies_nothing(
    central_server: CentralServer, client: httpx.Client
) -> None:
    post(client, ev(1))
    r = post(client, ev(5), ev(6))
    assert r.status_code == 409 and code(r) == "SEQ_GAP" and r.json()["error"]["expected"] == 2
    assert code(post(client, ev(7))) == "SEQ_GAP"
    assert central_server.platform.acked_through(TEST_WS) == 1


@pytest.mark.parametrize(
    "second",
    [ev(1, desk="other"),  # same key, other payload
     ev(1, key="another-key"),  # same seq, other key
     ev(2, key="key-1"),  # key of seq 1 reused for a new seq
     {**ev(1), "occurred_at": "2026-11-27T01:01:02Z"}],  # same instant, other text
)  # fmt: skip
def test_key_reused_is_422_and_applies_nothing(
    central_server: CentralServer, client: httpx.Client, second: dict[str, Any]
) -> None:
    post(client, ev(1))
    r = post(client, second)
    assert r.status_code == 422 and code(r) == "KEY_REUSED"
    assert central_server.platform.acked_through(TEST_WS) == 1


def test_rejected_events_consume_their_seq_and_replay_as_rejected(
    central_server: CentralServer, client: httpx.Client
) -> None:
    central_server.platform.reject_seq(TEST_WS, 4, "BIDDER_BANNED", "投标人被限制")
    batch = [ev(1, "no.such.type"), ev(2, "opening.started"), {**ev(3), "payload": {"desk": 1}},
             ev(4), ev(5, amount=1.5), ev(6, "recording.segment", sha256="0" * 64)]  # fmt: skip
    r = post(client, *batch).json()
    assert r["acked_through"] == 6
    assert [(x["status"], x.get("error", {}).get("code")) for x in r["results"]] == [
        ("rejected", "UNKNOWN_TYPE"), ("applied", None), ("rejected", "UNSUPPORTED_VERSION"),
        ("rejected", "BIDDER_BANNED"), ("rejected", "FLOAT_NOT_ALLOWED"), ("rejected", "UPLOAD_NOT_FOUND"),
    ]  # fmt: skip
    assert post(client, *batch).json()["results"][0]["status"] == "rejected"  # not "duplicate"
    assert [e.seq for e in central_server.platform.events(TEST_WS)] == [2]
    assert len(central_server.platform.events(TEST_WS, include_rejected=True)) == 6
    central_server.platform.ledger.rules.known_prefixes += (
        "custom.",
    )  # the allow-list is configurable
    assert post(client, ev(7, "custom.thing")).json()["results"][0]["status"] == "applied"


@pytest.mark.parametrize(
    "body",
    [{"events": []}, {"evts": []}, [], {"events": [ev(1), ev(3)]}, {"events": [ev(2), ev(1)]},
     {"events": [{**ev(1), "occurred_at": "2026-11-27 09:01"}]}, {"events": [{**ev(1), "seq": "1"}]},
     {"events": [{**ev(1), "idempotency_key": ""}]}, {"events": [{**ev(1), "payload": []}]}],
)  # fmt: skip
def test_malformed_batches_are_400(client: httpx.Client, body: Any) -> None:
    r = client.post(EVENTS, json=body)
    assert r.status_code == 400 and code(r) == "INVALID_BATCH"


def test_invalid_json_is_400(client: httpx.Client) -> None:
    for raw in (b"{", b'{"events": [], "events": []}', b'{"x": NaN}', b"\xff"):
        r = client.post(EVENTS, content=raw, headers={"Content-Type": "application/json"})
        assert r.status_code == 400 and code(r) == "BAD_JSON"


def test_batch_limits_500_events_and_4_mib(
    central_server: CentralServer, client: httpx.Client
) -> None:
    r = post(client, *(ev(s) for s in range(1, 502)))
    assert r.status_code == 413 and code(r) == "BATCH_TOO_LARGE"
    assert post(client, *(ev(s) for s in range(1, 501))).json()["acked_through"] == 500
    big = [ev(501 + i, blob="x" * 1024 * 1024) for i in range(4)]
    r = post(client, *big)
    assert r.status_code == 413 and code(r) == "BATCH_TOO_LARGE"
    chunked = client.post(EVENTS, content=iter([json.dumps({"events": big}).encode()]))
    assert chunked.status_code == 413
    assert post(client, *big[:3]).json()["acked_through"] == 503  # 3 MiB fits
    assert client.get("/health").status_code == 200  # the connection survived the 413s


def test_chunked_request_body(client: httpx.Client) -> None:
    body = json.dumps({"events": [ev(1), ev(2)]}).encode()
    r = client.post(EVENTS, content=iter([body[:7], body[7:50], body[50:]]))
    assert r.status_code == 200 and r.json()["acked_through"] == 2


def test_concurrent_batch_is_in_flight(central_server: CentralServer, client: httpx.Client) -> None:
    central_server.platform.ledger.processing_delay = 0.5
    first: list[httpx.Response] = []

    def send_first() -> None:
        with httpx.Client(base_url=central_server.url, headers=client.headers) as other:
            first.append(post(other, ev(1)))

    worker = threading.Thread(target=send_first)
    worker.start()
    time.sleep(0.2)
    r = post(client, ev(1))
    worker.join()
    assert r.status_code == 409 and code(r) == "IN_FLIGHT"
    assert first[0].json()["acked_through"] == 1


# --- uploads --------------------------------------------------------------------------------


def create_upload(client: httpx.Client, data: bytes, sha: str | None = None) -> str:
    digest = sha or hashlib.sha256(data).hexdigest()
    meta = {
        "kind": "recording",
        "session": "A3301000001000001001",
        "camera": "cam-1",
        "segment": "7",
        "sha256": digest,
    }
    header = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in meta.items())
    r = client.post(
        "/uploads", headers={"Upload-Length": str(len(data)), "Upload-Metadata": header}
    )
    assert r.status_code == 201 and r.headers["Upload-Offset"] == "0"
    location = r.headers["Location"]
    assert location.startswith("/uploads/")  # relative to the base URL, as in the spec
    return location


def patch(
    client: httpx.Client,
    location: str,
    offset: int,
    chunk: bytes,
    ctype: str = "application/offset+octet-stream",
) -> httpx.Response:
    return client.patch(
        location, content=chunk, headers={"Upload-Offset": str(offset), "Content-Type": ctype}
    )


def test_upload_resumes_and_finishes(central_server: CentralServer, client: httpx.Client) -> None:
    data = bytes(range(256)) * 1000
    loc = create_upload(client, data)
    assert client.head(loc).headers["Upload-Offset"] == "0"
    r = patch(client, loc, 0, data[:100_000])
    assert r.status_code == 204 and r.headers["Upload-Offset"] == "100000"
    wrong = patch(client, loc, 0, data[:10])
    assert wrong.status_code == 409 and code(wrong) == "OFFSET_MISMATCH"
    assert (
        code(patch(client, loc, 100_000, data[100_000:], "application/octet-stream"))
        == "BAD_CONTENT_TYPE"
    )
    assert code(patch(client, loc, 100_000, data[100_000:] + b"!")) == "EXCEEDS_LENGTH"
    # the connection drops after 50 000 more bytes: what arrived is kept
    partial = raw_request("PATCH", central_server.base_path + loc, {**client.headers, "Upload-Offset": "100000",
                          "Content-Type": "application/offset+octet-stream", "Content-Length": str(len(data) - 100_000)},
                          close=False) + data[100_000:150_000]  # fmt: skip
    assert send_and_hang_up(central_server.port, partial) == b""  # nothing answered
    time.sleep(0.1)
    offset = int(client.head(loc).headers["Upload-Offset"])
    assert offset == 150_000
    assert patch(client, loc, offset, data[offset:]).status_code == 204
    done = central_server.platform.finished_uploads()[hashlib.sha256(data).hexdigest()]
    assert done.data() == data
    ok = post(client, ev(1, "recording.segment", sha256=hashlib.sha256(data).hexdigest()))
    assert ok.json()["results"][0]["status"] == "applied"


def test_upload_checksum_mismatch_is_460_and_forgets_the_upload(
    central_server: CentralServer, client: httpx.Client
) -> None:
    data = b"segment bytes" * 100
    loc = create_upload(client, data, sha=hashlib.sha256(b"other").hexdigest())
    assert patch(client, loc, 0, data[:500]).status_code == 204
    r = patch(client, loc, 500, data[500:])
    assert r.status_code == 460 and code(r) == "CHECKSUM_MISMATCH"
    assert client.head(loc).status_code == 404
    assert central_server.platform.finished_uploads() == {}


@pytest.mark.parametrize(
    ("headers", "expected"),
    [({"Upload-Metadata": "kind cmVj"}, "BAD_LENGTH"), ({"Upload-Length": "5"}, "BAD_METADATA"),
     ({"Upload-Length": "5", "Upload-Metadata": "kind cmVj"}, "BAD_METADATA"),
     ({"Upload-Length": "5", "Upload-Metadata": "kind cmVj,sha256 " + base64.b64encode(b"\x00" * 32).decode()}, "BAD_METADATA"),
     ({"Upload-Length": "5", "Upload-Metadata": "kind !!,sha256 x"}, "BAD_METADATA")],
)  # fmt: skip
def test_upload_creation_checks_headers(
    client: httpx.Client, headers: dict[str, str], expected: str
) -> None:
    r = client.post("/uploads", headers=headers)
    assert r.status_code == 400 and code(r) == expected


# --- checkpoints (witness) ------------------------------------------------------------------

CHECKPOINTS = f"/workstations/{TEST_WS}/checkpoints"


def test_checkpoints_are_cosigned_when_consistent(
    central_server: CentralServer, client: httpx.Client
) -> None:
    log = MiniLog().grow(5)
    central_server.platform.register_note_key(TEST_WS, log.signer.verifier_key())
    first = client.post(CHECKPOINTS, json=log.body(0))
    assert first.status_code == 200
    cosigner = central_server.platform.witness.cosigner
    text = log.checkpoint().split("\n\n")[0] + "\n"
    stamp = verify_cosignature(
        cosigner.name, cosigner.public_key, text, first.json()["cosignature"]
    )
    assert abs(stamp - time.time()) < 5
    assert client.post(CHECKPOINTS, json=log.body(0)).json() == first.json()  # replay: same answer
    for grow in (1, 2, 9, 100):
        before = len(log.leaves)
        log.grow(grow)
        r = client.post(CHECKPOINTS, json=log.body(before))
        assert r.status_code == 200, r.text
    assert central_server.platform.witness.latest(TEST_WS).checkpoint.size == 117  # type: ignore[union-attr]


def test_rewritten_log_is_inconsistent(central_server: CentralServer, client: httpx.Client) -> None:
    log = MiniLog().grow(8)
    assert client.post(CHECKPOINTS, json=log.body(0)).status_code == 200
    forged = MiniLog(origin=log.origin)
    forged.signer, forged.leaves = (
        log.signer,
        [*log.leaves[:5], *MiniLog().grow(3, "forged").leaves],
    )
    forged.grow(4)
    r = client.post(CHECKPOINTS, json=forged.body(8))
    assert r.status_code == 409 and code(r) == "INCONSISTENT"
    assert (
        code(client.post(CHECKPOINTS, json=forged.body(0, 8))) == "INCONSISTENT"
    )  # same size, other root
    assert (
        code(client.post(CHECKPOINTS, json=log.body(0, 6))) == "INCONSISTENT"
    )  # smaller than witnessed
    other = MiniLog(origin="venue-client.local/audit/other").grow(9)
    assert code(client.post(CHECKPOINTS, json=other.body(8))) == "INCONSISTENT"  # another log
    log.grow(3)
    body = log.body(8)
    body["consistency_proof"] = body["consistency_proof"][:-1]
    assert code(client.post(CHECKPOINTS, json=body)) == "INCONSISTENT"
    assert len(central_server.platform.witness.alarms) == 5
    assert (
        client.post(CHECKPOINTS, json=log.body(8)).status_code == 200
    )  # the honest log still works


def test_checkpoint_from_size_and_signature_checks(
    central_server: CentralServer, client: httpx.Client
) -> None:
    log = MiniLog().grow(4)
    r = client.post(CHECKPOINTS, json=log.body(2))
    assert (
        r.status_code == 409 and code(r) == "SIZE_MISMATCH" and r.json()["error"]["expected"] == 0
    )
    assert client.post(CHECKPOINTS, json=log.body(0)).status_code == 200
    log.grow(4)
    r = client.post(CHECKPOINTS, json=log.body(2))
    assert code(r) == "SIZE_MISMATCH" and r.json()["error"]["expected"] == 4
    central_server.platform.register_note_key(TEST_WS, MiniLog().signer.verifier_key())
    assert code(client.post(CHECKPOINTS, json=log.body(4))) == "BAD_SIGNATURE"
    for bad in ({"checkpoint": "not a note"}, {"checkpoint": log.checkpoint(), "from_size": -1},
                {"checkpoint": log.checkpoint(), "from_size": 4, "consistency_proof": ["%%"]}):  # fmt: skip
        assert code(client.post(CHECKPOINTS, json={"from_size": 4, **bad})) in {
            "BAD_CHECKPOINT",
            "BAD_SIGNATURE",
        }


# --- faults ---------------------------------------------------------------------------------


@pytest.mark.parametrize("reset", [False, True])
def test_fault_drop_before_processing(
    central_server: CentralServer, client: httpx.Client, reset: bool
) -> None:
    central_server.faults.add("/events$", "drop_before", reset=reset)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        post(client, ev(1))
    assert central_server.platform.acked_through(TEST_WS) == 0
    assert post(client, ev(1)).json()["results"][0]["status"] == "applied"
    assert central_server.faults.injected == [("drop_before", "POST", EVENTS)]


def test_fault_drop_after_processing(central_server: CentralServer, client: httpx.Client) -> None:
    central_server.faults.add("/events$", "drop_after")
    with pytest.raises(httpx.RemoteProtocolError):
        post(client, ev(1))
    assert central_server.platform.acked_through(TEST_WS) == 1
    assert post(client, ev(1)).json()["results"] == [{"seq": 1, "status": "duplicate"}]


@pytest.mark.parametrize(
    ("kind", "status", "retry_after"),
    [("error_500", 500, None), ("unavailable", 503, "7"), ("rate_limited", 429, "7")],
)
def test_fault_error_statuses(
    central_server: CentralServer,
    client: httpx.Client,
    kind: str,
    status: int,
    retry_after: str | None,
) -> None:
    central_server.faults.add("/events$", kind, times=2, retry_after=7)
    for _ in range(2):
        r = post(client, ev(1))
        assert r.status_code == status and r.headers.get("Retry-After") == retry_after
        assert code(r) in {"INTERNAL", "UNAVAILABLE", "RATE_LIMITED"}
    assert central_server.platform.acked_through(TEST_WS) == 0
    assert post(client, ev(1)).status_code == 200  # times=2 spent


def test_fault_delay(central_server: CentralServer, client: httpx.Client) -> None:
    central_server.faults.add("/events$", "delay", seconds=1.0)
    with pytest.raises(httpx.ReadTimeout):
        client.post(EVENTS, json={"events": [ev(1)]}, timeout=0.3)
    assert central_server.platform.acked_through(TEST_WS) == 1  # applied, answer late
    central_server.faults.add("/health$", "delay", seconds=0.5, phase="before")
    started = time.monotonic()
    assert client.get("/health").status_code == 200 and time.monotonic() - started >= 0.5


def test_fault_duplicate_response(central_server: CentralServer, client: httpx.Client) -> None:
    central_server.faults.add("/events$", "duplicate_response", times=2)
    assert post(client, ev(1)).json()["acked_through"] == 1
    assert client.get("/health").json() == {
        "status": "ok"
    }  # a fresh connection, not the stray copy
    raw = raw_exchange(central_server.port, raw_request("POST", central_server.base_path + EVENTS,
                       {**client.headers, "Content-Type": "application/json"}, json.dumps({"events": [ev(2)]}).encode(), close=False))  # fmt: skip
    assert raw.count(b"HTTP/1.1 200 OK") == 2 and raw == raw[: len(raw) // 2] * 2  # byte for byte
    assert central_server.platform.acked_through(TEST_WS) == 2


def test_fault_replay_previous_answers_a_stale_response(
    central_server: CentralServer, client: httpx.Client
) -> None:
    first = post(client, ev(1))
    central_server.faults.add("/events$", "replay_previous")
    stale = post(client, ev(2), ev(3))
    assert stale.status_code == 200 and stale.content == first.content  # says acked_through 1
    assert central_server.platform.acked_through(TEST_WS) == 1
    assert post(client, ev(2), ev(3)).json()["acked_through"] == 3


def test_fault_process_twice(central_server: CentralServer, client: httpx.Client) -> None:
    central_server.faults.add("/events$", "process_twice")
    assert post(client, ev(1)).json()["results"] == [{"seq": 1, "status": "duplicate"}]
    assert len(central_server.platform.events(TEST_WS)) == 1


def test_fault_corrupt_download(central_server: CentralServer, client: httpx.Client) -> None:
    receipt = central_server.platform.add_bid(DATA)
    central_server.faults.add("/ciphertext$", "corrupt_body")
    bad = client.get(f"/bids/{receipt['bid_id']}/ciphertext")
    assert bad.status_code == 200 and len(bad.content) == len(DATA)
    assert hashlib.sha256(bad.content).hexdigest() != receipt["sha256"]
    assert sum(a != b for a, b in zip(bad.content, DATA, strict=True)) == 1


def test_fault_truncated_download_resumes_with_range(
    central_server: CentralServer, client: httpx.Client
) -> None:
    receipt = central_server.platform.add_bid(DATA)
    url = f"/bids/{receipt['bid_id']}/ciphertext"
    central_server.faults.add("/ciphertext$", "truncate", keep=3000)
    got = bytearray()
    with pytest.raises(httpx.RemoteProtocolError), client.stream("GET", url) as r:
        for chunk in r.iter_raw():
            got.extend(chunk)
    assert len(got) == 3000
    rest = client.get(url, headers={"Range": f"bytes={len(got)}-"})
    assert rest.status_code == 206
    assert hashlib.sha256(bytes(got) + rest.content).hexdigest() == receipt["sha256"]


def test_fault_plan_matching_and_seeded_random_mode(
    central_server: CentralServer, client: httpx.Client
) -> None:
    central_server.faults.add("/health$", "error_500", skip=1, times=1, method="GET")
    assert [client.get("/health").status_code for _ in range(3)] == [200, 500, 200]
    with pytest.raises(ValueError, match="unknown fault kind"):
        central_server.faults.add(".*", "explode")
    runs = []
    for _ in range(2):
        plan = FaultPlan()
        plan.random(7, {"error_500": 0.3, "drop_before": 0.2})
        runs.append([f.kind if (f := plan.pick("GET", "/time")) else None for _ in range(50)])
    assert runs[0] == runs[1] and {"error_500", "drop_before", None} == set(runs[0])
    central_server.faults.random(3, {"unavailable": 1.0}, path="/time$")
    assert client.get("/time").status_code == 503 and client.get("/health").status_code == 200


# --- standalone process ---------------------------------------------------------------------


def test_standalone_process_with_demo_day(tmp_path: Path) -> None:
    cmd = [sys.executable, "-m", "tests.central", "--port", "0", "--token", "T", "--workstation", "WS1",
           "--venue", "330100", "--demo", "--storage", str(tmp_path)]  # fmt: skip
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.Popen(
        cmd, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline() for _ in range(3)]
        url = lines[2].strip().removeprefix("VENUE_CENTRAL_URL=")
        assert url.startswith("http://127.0.0.1:") and url.endswith("/venue-api/v1"), lines
        headers = {"Authorization": "Bearer T", "X-Workstation-Id": "WS1"}
        schedule = httpx.get(url + "/venues/330100/schedule", headers=headers).json()
        assert len(schedule["sections"]) == 6
        assert sorted(s["status"] for s in schedule["sections"]).count("POSTPONED") == 1
        assert {r["kind"] for r in schedule["restrictions"]} == {"MARKET_BAN", "WARNING"}
        bid = schedule["sections"][0]["bidders"][0]["bid"]
        data = httpx.get(f"{url}/bids/{bid['bid_id']}/ciphertext", headers=headers).content
        assert hashlib.sha256(data).hexdigest() == bid["sha256"]
        assert all(
            b["BIDDER_ORG_CODE"][2:8] == "330199"
            for s in schedule["sections"]
            for b in s["bidders"]
        )
    finally:
        proc.terminate()
        proc.communicate(timeout=10)
