"""Users: Argon2id hashes, lockout after repeated failures, every attempt audited."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from venue_client.domain.errors import UserFacingError
from venue_client.services.audit import AuditService
from venue_client.services.context import AppContext
from venue_client.services.users import (
    E_LOCKED,
    E_LOGIN_FAILED,
    E_PASSWORD_WEAK,
    E_USERNAME,
    E_USERNAME_TAKEN,
    AuthError,
    UserService,
)
from venue_client.store.log_models import AuditEvent, OutboxEntry, Role, User

PASSWORD = "correct-horse-42"


def _events(ctx: AppContext) -> list[tuple[str, dict[str, object]]]:
    with ctx.reading() as s:
        rows = s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars()
        return [(r.type, json.loads(r.payload)) for r in rows]


def test_add_and_login(ctx: AppContext) -> None:
    users = UserService(ctx)
    assert not users.has_admin()
    users.add("Admin", "管理员", Role.ADMIN, PASSWORD, actor="cli:root")
    assert users.has_admin()
    info = users.authenticate("admin", PASSWORD)
    assert info.username == "admin" and info.role is Role.ADMIN
    with ctx.reading() as s:
        stored = s.execute(select(User)).scalar_one().password_hash
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    types = [t for t, _ in _events(ctx)]
    assert types == ["user.added", "auth.login"]
    assert all(PASSWORD not in json.dumps(p) for _, p in _events(ctx))


@pytest.mark.parametrize(
    ("username", "password", "text"),
    [
        ("ab", PASSWORD, E_USERNAME),
        ("ok_name", "short1", E_PASSWORD_WEAK),
        ("ok_name", "onlyletters", E_PASSWORD_WEAK),
    ],
)
def test_bad_new_users_are_refused(
    ctx: AppContext, username: str, password: str, text: str
) -> None:
    with pytest.raises(UserFacingError) as info:
        UserService(ctx).add(username, "某人", Role.DESK_STAFF, password, actor="t")
    assert info.value.text == text
    assert UserService(ctx).list() == []


def test_duplicate_username_is_refused(ctx: AppContext) -> None:
    users = UserService(ctx)
    users.add("desk1", "王", Role.DESK_STAFF, PASSWORD, actor="t")
    with pytest.raises(UserFacingError) as info:
        users.add("DESK1", "李", Role.DESK_STAFF, PASSWORD, actor="t")
    assert info.value.text == E_USERNAME_TAKEN


def test_wrong_password_counts_down_then_locks(ctx: AppContext) -> None:
    users = UserService(ctx)
    users.add("desk1", "王", Role.DESK_STAFF, PASSWORD, actor="t")
    for left in (4, 3, 2, 1):
        with pytest.raises(AuthError) as info:
            users.authenticate("desk1", "wrong-password-1")
        assert info.value.text == E_LOGIN_FAILED and info.value.args_map["left"] == left
    with pytest.raises(AuthError) as info:
        users.authenticate("desk1", "wrong-password-1")
    assert info.value.text == E_LOCKED
    with pytest.raises(AuthError) as info:  # even the right password is refused while locked
        users.authenticate("desk1", PASSWORD)
    assert info.value.text == E_LOCKED
    types = [t for t, _ in _events(ctx)]
    assert types.count("auth.login_failed") == 6 and "auth.locked" in types
    # the lock expires
    with ctx.db.session() as s:
        user = s.execute(select(User)).scalar_one()
        assert user.locked_until is not None
        user.locked_until -= timedelta(minutes=ctx.settings.auth.lockout_minutes + 1)
    assert users.authenticate("desk1", PASSWORD).username == "desk1"


def test_unknown_user_fails_like_a_wrong_password(ctx: AppContext) -> None:
    with pytest.raises(AuthError) as info:
        UserService(ctx).authenticate("ghost", PASSWORD)
    assert info.value.text == E_LOGIN_FAILED
    assert _events(ctx)[-1] == (
        "auth.login_failed",
        {"v": 1, "username": "ghost", "reason": "unknown_user"},
    )


def test_password_reset_unlocks_and_everything_verifies(ctx: AppContext) -> None:
    users = UserService(ctx)
    users.add("desk1", "王", Role.DESK_STAFF, PASSWORD, actor="t")
    for _ in range(5):
        with pytest.raises(AuthError):
            users.authenticate("desk1", "nope-nope-1")
    users.set_password("desk1", "another-pass-9", actor="cli:root")
    assert users.authenticate("desk1", "another-pass-9").username == "desk1"
    ctx.checkpoint()
    assert AuditService(ctx).verify().ok
    with ctx.reading() as s:  # logins stay local: nothing for the platform's outbox
        assert s.execute(select(OutboxEntry)).first() is None
