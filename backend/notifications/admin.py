from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from backend.notifications.models import Delivery, Notification, PushSubscription


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PushSubscription)
class PushSubscriptionAdmin(ReadOnlyAdmin):
    list_display = ("user", "short_endpoint", "created_at", "last_success_at", "failure_count")
    list_select_related = ("user",)
    search_fields = ("user__email",)
    exclude = ("p256dh", "auth")

    @admin.display(description="endpoint")
    def short_endpoint(self, obj: PushSubscription) -> str:
        return obj.endpoint if len(obj.endpoint) <= 60 else obj.endpoint[:57] + "…"


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = ("kind", "user", "urgency", "created_at")
    list_filter = ("kind", "urgency")
    list_select_related = ("user",)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdmin):
    list_display = (
        "notification",
        "status",
        "attempts",
        "next_attempt_at",
        "delivered_at",
        "last_status_code",
    )
    list_filter = ("status", "last_status_code")
    list_select_related = ("notification", "notification__user")
    date_hierarchy = "created_at"
