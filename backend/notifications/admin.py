from django.contrib import admin

from backend.common.admin import ReadOnlyAdminMixin
from backend.notifications.models import Delivery, Notification, PushSubscription


@admin.register(PushSubscription)
class PushSubscriptionAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[PushSubscription]):
    list_display = ("user", "short_endpoint", "created_at", "last_success_at", "failure_count")
    list_select_related = ("user",)
    search_fields = ("user__email",)
    exclude = ("p256dh", "auth")

    @admin.display(description="endpoint")
    def short_endpoint(self, obj: PushSubscription) -> str:
        return obj.endpoint if len(obj.endpoint) <= 60 else obj.endpoint[:57] + "…"


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[Notification]):
    list_display = ("kind", "user", "urgency", "created_at")
    list_filter = ("kind", "urgency")
    list_select_related = ("user",)


@admin.register(Delivery)
class DeliveryAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[Delivery]):
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
