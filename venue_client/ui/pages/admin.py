"""管理: the user accounts (add through a dialog) and verification of the audit log."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from venue_client.audit.verify import VerifyReport
from venue_client.services.users import ROLE_NAMES, UserInfo
from venue_client.ui.formatting import short_hex, table_time
from venue_client.ui.i18n import message_text, tr_text
from venue_client.ui.navigation import ADMIN
from venue_client.ui.pages.add_user import AddUserDialog
from venue_client.ui.pages.base import Page
from venue_client.ui.theme import FAILURE_RED, SUCCESS_GREEN
from venue_client.ui.widgets import Card, fill_table, make_table, page_heading


class AdminPage(Page):
    name = ADMIN
    refresh_on = ("user.",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_dialog: AddUserDialog | None = None
        self.outer.addWidget(page_heading(self.tr("管理"), self.tr("用户与角色、审计日志校验。")))
        users = Card(self.tr("用户"))
        self.table = make_table(
            [
                self.tr("用户名"),
                self.tr("姓名"),
                self.tr("角色"),
                self.tr("状态"),
                self.tr("锁定至"),
            ],
            object_name="usersTable",
        )
        users.body.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("添加用户…"))
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.open_add_user)
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        users.body.addLayout(buttons)
        self.outer.addWidget(users, 3)

        audit = Card(self.tr("审计日志"))
        row = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("校验审计日志"))
        self.verify_button.clicked.connect(self.verify)
        row.addWidget(self.verify_button)
        row.addStretch(1)
        audit.body.addLayout(row)
        self.verify_result = QLabel(
            self.tr("从数据库重新计算默克尔树，并与已签名的检查点逐一核对。")
        )
        self.verify_result.setObjectName("verifyResult")
        self.verify_result.setWordWrap(True)
        audit.body.addWidget(self.verify_result)
        self.outer.addWidget(audit, 1)

    def fetch(self) -> list[UserInfo]:
        return self.env.users.list()

    def present(self, data: Any) -> None:
        users: list[UserInfo] = data
        rows = [
            (
                u.username,
                u.display_name,
                tr_text(ROLE_NAMES[u.role]),
                self.tr("启用") if u.active else self.tr("停用"),
                table_time(u.locked_until),
            )
            for u in users
        ]
        fill_table(self.table, rows)

    def open_add_user(self) -> None:
        self.add_dialog = AddUserDialog(self.env, self)
        self.add_dialog.accepted.connect(self.reload)
        self.add_dialog.open()

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.verify_result.setStyleSheet("")
        self.verify_result.setText(self.tr("正在校验……"))
        self.env.tasks.run(
            self.env.audit.verify,
            on_done=self._verified,
            on_finished=lambda: self.verify_button.setEnabled(True),
            owner=self,
        )

    def _verified(self, report: VerifyReport) -> None:
        if report.ok:
            self.verify_result.setStyleSheet(f"color:{SUCCESS_GREEN};font-weight:bold;")
            self.verify_result.setText(
                self.tr("审计日志完整：共 {n} 个事件，根哈希 {root}").format(
                    n=report.tree_size, root=short_hex(report.root_hex, 24)
                )
            )
        else:
            self.verify_result.setStyleSheet(f"color:{FAILURE_RED};font-weight:bold;")
            problems = "\n".join(message_text(p) for p in report.problems[:5])
            self.verify_result.setText(
                self.tr("审计日志校验失败：\n{problems}").format(problems=problems)
            )

    def title(self) -> str:
        return self.tr("管理")
