"""Users and roles: Argon2id password hashes, lockout after repeated failures, and
every login, failure and account change in the audit log."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import func, select

from venue_client.domain.errors import QT_TRANSLATE_NOOP, Text, UserFacingError
from venue_client.services.clock import BEIJING
from venue_client.services.context import AppContext
from venue_client.store.log_models import Role, User

ROLE_NAMES: dict[Role, Text] = {
    Role.DESK_STAFF: QT_TRANSLATE_NOOP("roles", "开标台工作人员"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("roles", "监标人"),
    Role.ROOM_STEWARD: QT_TRANSLATE_NOOP("roles", "评标室管理员"),
    Role.EVALUATOR: QT_TRANSLATE_NOOP("roles", "评标专家"),
    Role.MANAGER: QT_TRANSLATE_NOOP("roles", "分中心管理员"),
    Role.ADMIN: QT_TRANSLATE_NOOP("roles", "系统管理员"),
}

E_LOGIN_FAILED = QT_TRANSLATE_NOOP("users", "用户名或密码错误，还可尝试 {left} 次")
E_LOCKED = QT_TRANSLATE_NOOP("users", "账号已锁定，请于 {until} 后重试或联系管理员")
E_INACTIVE = QT_TRANSLATE_NOOP("users", "账号已停用，请联系管理员")
E_USERNAME = QT_TRANSLATE_NOOP("users", "用户名须为 3–32 位字母、数字、点、下划线或连字符")
E_USERNAME_TAKEN = QT_TRANSLATE_NOOP("users", "用户名 {username} 已存在")
E_PASSWORD_WEAK = QT_TRANSLATE_NOOP("users", "密码至少 10 位，且须同时包含字母和数字")
E_NO_USER = QT_TRANSLATE_NOOP("users", "用户 {username} 不存在")
E_DISPLAY_NAME = QT_TRANSLATE_NOOP("users", "请填写姓名")

USERNAME_RE = re.compile(r"^[A-Za-z0-9._-]{3,32}$")
# Argon2id, RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes).
_hasher = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=4)
# A fixed hash verified when the user does not exist, so timing does not tell.
_DUMMY_HASH = _hasher.hash("not-a-real-password-0")


class AuthError(UserFacingError):
    """Login refused; the message says why without telling which part was wrong."""


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    locked_until: datetime | None


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id, user.username, user.display_name, Role(user.role), user.active, user.locked_until
    )


def check_password_strength(password: str) -> None:
    if len(password) < 10 or not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        raise UserFacingError(E_PASSWORD_WEAK)


def normalise_username(username: str) -> str:
    name = unicodedata.normalize("NFKC", username).strip().lower()
    if not USERNAME_RE.match(name):
        raise UserFacingError(E_USERNAME)
    return name


class UserService:
    def __init__(self, ctx: AppContext) -> None:
        self.ctx = ctx

    def has_admin(self) -> bool:
        with self.ctx.reading() as session:
            count = session.execute(
                select(func.count()).select_from(User).where(User.role == Role.ADMIN, User.active)
            ).scalar_one()
        return bool(count)

    def list(self) -> list[UserInfo]:
        with self.ctx.reading() as session:
            return [
                _info(u) for u in session.execute(select(User).order_by(User.username)).scalars()
            ]

    def add(
        self, username: str, display_name: str, role: Role, password: str, *, actor: str
    ) -> UserInfo:
        name = normalise_username(username)
        if not display_name.strip():
            raise UserFacingError(E_DISPLAY_NAME)
        check_password_strength(password)
        role = Role(role)
        with self.ctx.transaction(actor) as tx:
            if tx.session.execute(select(User).where(User.username == name)).scalar_one_or_none():
                raise UserFacingError(E_USERNAME_TAKEN, username=name)
            user = User(
                username=name,
                display_name=display_name.strip(),
                role=role,
                password_hash=_hasher.hash(password),
                created_at=self.ctx.clock.now(),
            )
            tx.session.add(user)
            tx.session.flush()
            tx.record("user.added", {"v": 1, "username": name, "role": str(role)}, outbox=False)
            return _info(user)

    def set_password(self, username: str, password: str, *, actor: str) -> None:
        name = normalise_username(username)
        check_password_strength(password)
        with self.ctx.transaction(actor) as tx:
            user = tx.session.execute(
                select(User).where(User.username == name)
            ).scalar_one_or_none()
            if user is None:
                raise UserFacingError(E_NO_USER, username=name)
            user.password_hash = _hasher.hash(password)
            user.failed_attempts = 0
            user.locked_until = None
            tx.record("user.password_changed", {"v": 1, "username": name}, outbox=False)

    def authenticate(self, username: str, password: str) -> UserInfo:
        """Check a login; failures count towards a lockout and are audited."""
        auth = self.ctx.settings.auth
        now = self.ctx.clock.now()
        try:
            name = normalise_username(username)
        except UserFacingError:
            name = ""
        failure: AuthError | None = None
        with self.ctx.transaction(f"login:{name or '?'}") as tx:
            user = tx.session.execute(
                select(User).where(User.username == name)
            ).scalar_one_or_none()
            if user is None:
                _verify(_DUMMY_HASH, password)
                tx.record(
                    "auth.login_failed",
                    {"v": 1, "username": name, "reason": "unknown_user"},
                    outbox=False,
                )
                failure = AuthError(E_LOGIN_FAILED, left=auth.max_failures)
            elif not user.active:
                tx.record(
                    "auth.login_failed",
                    {"v": 1, "username": name, "reason": "inactive"},
                    outbox=False,
                )
                failure = AuthError(E_INACTIVE)
            elif user.locked_until is not None and user.locked_until > now:
                tx.record(
                    "auth.login_failed",
                    {"v": 1, "username": name, "reason": "locked"},
                    outbox=False,
                )
                failure = AuthError(E_LOCKED, until=_local(user.locked_until))
            elif not _verify(user.password_hash, password):
                user.failed_attempts += 1
                left = max(auth.max_failures - user.failed_attempts, 0)
                payload = {
                    "v": 1,
                    "username": name,
                    "reason": "bad_password",
                    "attempt": user.failed_attempts,
                }
                if left == 0:
                    user.locked_until = now + timedelta(minutes=auth.lockout_minutes)
                    user.failed_attempts = 0
                    tx.record("auth.login_failed", payload, outbox=False)
                    tx.record("auth.locked", {"v": 1, "username": name}, outbox=False)
                    failure = AuthError(E_LOCKED, until=_local(user.locked_until))
                else:
                    tx.record("auth.login_failed", payload, outbox=False)
                    failure = AuthError(E_LOGIN_FAILED, left=left)
            else:
                user.failed_attempts = 0
                user.locked_until = None
                if _hasher.check_needs_rehash(user.password_hash):
                    user.password_hash = _hasher.hash(password)
                tx.record(
                    "auth.login", {"v": 1, "username": name, "role": str(user.role)}, outbox=False
                )
                return _info(user)
        # Raised after the commit, so the failure (and any lockout) stays recorded.
        assert failure is not None
        raise failure

    def logout(self, user: UserInfo, *, reason: str = "logout") -> None:
        with self.ctx.transaction(f"user:{user.username}") as tx:
            tx.record(
                "auth.logout", {"v": 1, "username": user.username, "reason": reason}, outbox=False
            )


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def _local(moment: datetime) -> str:
    return moment.astimezone(BEIJING).strftime("%Y-%m-%d %H:%M:%S")
