"""The sync service pass, its status and clock API, and the ``venue-admin sync`` handlers."""

from __future__ import annotations

import argparse
import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from tests.central.server import CentralServer
from tests.integration.sync.conftest import WS, add_events, fast_client
from venue_client.domain.errors import Message, UserFacingError
from venue_client.services.context import AppContext
from venue_client.sync import commands
from venue_client.sync.client import read_token
from venue_client.sync.errors import ClockSkewError, ConfigurationError
from venue_client.sync.service import SyncService


def test_pass_status_and_events(sctx: AppContext, central: CentralServer) -> None:
    add_events(sctx, 42)
    heard: list[str] = []
    sctx.bus.subscribe("*", lambda name, _d: heard.append(name))
    service = SyncService(sctx, client=fast_client(sctx))
    try:
        report = service.run_once()
        assert report.ok and report.counts["events_applied"] == 42
        status = service.status()
        assert status.online and status.outbox_pending == 0 and status.acked_through == 42
        assert status.last_success is not None and not status.alarms
        assert "sync.status" in heard and "sync.online" in heard
        assert central.platform.events(WS)[-1].seq == 42
    finally:
        service.stop()


def test_clock_skew_refuses_opening_while_online(sctx: AppContext, central: CentralServer) -> None:
    central.platform.skew = timedelta(seconds=12)
    service = SyncService(sctx, client=fast_client(sctx))
    try:
        service.run_once()
        clock = service.clock_status()
        assert clock.online and clock.skew_seconds is not None
        assert 11 < clock.skew_seconds < 13 and not clock.may_open
        with pytest.raises(ClockSkewError):
            clock.check_may_open()
        # the trusted clock follows the platform; offline it keeps running on the anchor
        assert abs((sctx.clock.now() - clock.trusted_now).total_seconds()) < 1
        central.stop()
        assert not service.run_once().online
        offline = service.clock_status()
        assert not offline.online and offline.may_open
        assert abs((offline.trusted_now - clock.trusted_now).total_seconds()) < 30
    finally:
        service.stop()


def test_token_file_must_be_private(tmp_path: Path, sctx: AppContext) -> None:
    from dataclasses import replace

    token = tmp_path / "token"
    token.write_text("secret\n")
    token.chmod(0o644)
    settings = replace(sctx.settings.central, token="", token_file=str(token))
    with pytest.raises(ConfigurationError) as err:
        read_token(settings)
    assert "chmod 600" in str(err.value)
    token.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert read_token(settings) == "secret"


class FakeCli:
    def __init__(self, ctx: AppContext, **args: object) -> None:
        self.args = argparse.Namespace(**args)
        self.lang = "zh_CN"
        self.ctx = ctx
        self.said: list[str] = []

    def say(self, text: Message | UserFacingError, *, err: bool = False) -> None:
        self.said.append(str(text))

    def context(self) -> AppContext:
        return self.ctx


def test_cli_parser_and_handlers(
    sctx: AppContext, central: CentralServer, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    groups = parser.add_subparsers(dest="group")
    commands.add_parser(groups)
    args = parser.parse_args(["sync", "run", "--once"])
    assert args.handler is commands.cmd_sync_run and args.once
    add_events(sctx, 3)
    assert commands.cmd_sync_run(FakeCli(sctx, once=True)) == 0
    cli = FakeCli(sctx, json=True)
    assert commands.cmd_sync_status(cli) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["acked_through"] == 3 and out["outbox_pending"] == 0
    central.platform.reject_seq(WS, 4)
    add_events(sctx, 1, start=3)
    assert commands.cmd_sync_run(FakeCli(sctx, once=True)) == 1  # a rejected event to look at
    text = FakeCli(sctx, json=False)
    assert commands.cmd_sync_status(text) == 1
    assert any("#4" in line for line in text.said)
    central.stop()
    assert commands.cmd_sync_run(FakeCli(sctx, once=True)) == 2
