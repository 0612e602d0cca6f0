from typing import Any

from django.http import HttpRequest


class ReadOnlyAdminMixin:
    """Staff may look, never add, change or delete: `class XAdmin(ReadOnlyAdminMixin,
    admin.ModelAdmin[X])`."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
