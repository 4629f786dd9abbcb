"""Permission policies shared by the admin screens of several apps."""

from typing import Any

from wagtail.permission_policies import ModelPermissionPolicy


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Staff may look, never add, edit or delete: the rows change only through the app's services."""

    WRITE_ACTIONS = frozenset({"add", "change", "delete"})

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action not in self.WRITE_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user: Any, actions: Any) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)
