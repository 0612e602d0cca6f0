"""Read-only views for staff. What someone wrote in a check-in (its message, an answer's
message) is not shown: moderators see reported content through the report's snapshot."""

from django.contrib import admin

from backend.checkins.models import CheckIn, Response
from backend.common.admin import ReadOnlyAdminMixin


@admin.register(CheckIn)
class CheckInAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[CheckIn]):
    list_display = ("id", "kind", "status", "circle", "created_at", "activated_at", "closed_at")
    list_filter = ("kind", "status")
    list_select_related = ("circle",)
    search_fields = ("id", "circle__name")
    date_hierarchy = "created_at"
    fields = (
        "id",
        "kind",
        "status",
        "circle",
        "requester",
        "created_at",
        "scheduled_for",
        "activated_at",
        "answered_at",
        "nobody_answered_at",
        "closed_at",
        "closed_by",
        "expired_at",
        "cancelled_at",
        "in_reply_to",
    )
    readonly_fields = fields


@admin.register(Response)
class ResponseAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[Response]):
    list_display = ("id", "checkin", "answer", "created_at", "updated_at")
    list_filter = ("answer",)
    list_select_related = ("checkin",)
    fields = (
        "id",
        "checkin",
        "responder",
        "answer",
        "eta_minutes",
        "created_at",
        "updated_at",
        "aftercare_due_at",
        "aftercare_sent_at",
    )
    readonly_fields = fields
