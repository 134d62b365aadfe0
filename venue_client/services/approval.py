"""Who may approve an exception on the spot (a manual check-in, a credit warning,
a late arrival, backup-key decryption): a supervisor (监标人) or the branch manager,
never the operator who asks for it. One rule for every desk."""

from __future__ import annotations

from venue_client.domain.errors import QT_TRANSLATE_NOOP, UserFacingError
from venue_client.services.context import AppContext
from venue_client.services.users import UserInfo, UserService
from venue_client.store.log_models import Role

E_NOT_SUPERVISOR = QT_TRANSLATE_NOOP("approval", "{name} 不是监标人或分中心管理员，不能批准")
E_SELF_APPROVAL = QT_TRANSLATE_NOOP("approval", "操作员不能批准自己的操作，请由监标人确认")
APPROVER_ROLES = (Role.SUPERVISOR, Role.MANAGER)


class ApprovalError(UserFacingError):
    """The person is not allowed to approve this."""


def check_approver(user: UserInfo | None, operator: UserInfo) -> UserInfo:
    """``user`` if a supervisor (or manager) other than ``operator``."""
    if user is None or user.role not in APPROVER_ROLES:
        raise ApprovalError(E_NOT_SUPERVISOR, name=user.display_name if user else "-")
    if user.id == operator.id:
        raise ApprovalError(E_SELF_APPROVAL)
    return user


def authenticate_approver(
    ctx: AppContext, username: str, password: str, *, operator: UserInfo
) -> UserInfo:
    """A supervisor's credentials given on the spot (the login attempt is audited)."""
    return check_approver(UserService(ctx).authenticate(username, password), operator)
