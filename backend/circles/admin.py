"""Circles in the admin: for looking, never for changing. Staff may not join, re-point or
un-revoke anything here (they once added themselves to circles through the Membership
inline); staff actions on people go through the moderation service."""

from django.contrib import admin

from backend.circles.models import (
    Block,
    Circle,
    Departure,
    Invite,
    InviteAcceptance,
    JoinRequest,
    Membership,
)
from backend.common.admin import ReadOnlyAdminMixin


class MembershipInline(ReadOnlyAdminMixin, admin.TabularInline[Membership, Circle]):
    model = Membership
    extra = 0
    fields = ("user", "role", "joined_at")
    raw_id_fields = ("user",)


@admin.register(Circle)
class CircleAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[Circle]):
    list_display = ("name", "approval_required", "created_at", "id")
    list_filter = ("approval_required",)
    search_fields = ("name", "id", "memberships__user__email", "memberships__user__display_name")
    inlines = (MembershipInline,)
    readonly_fields = ("id", "created_at")


class InviteAcceptanceInline(ReadOnlyAdminMixin, admin.TabularInline[InviteAcceptance, Invite]):
    model = InviteAcceptance
    extra = 0
    fields = ("user", "created_at")
    readonly_fields = ("user", "created_at")
    can_delete = False


@admin.register(Invite)
class InviteAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[Invite]):
    # Only a hash of the token is stored, and it isn't shown either.
    list_display = (
        "circle",
        "created_by",
        "status",
        "use_count",
        "max_uses",
        "expires_at",
        "revoked_at",
        "created_at",
    )
    list_filter = ("revoked_at", "expires_at")
    search_fields = ("circle__name", "created_by__email", "created_by__display_name", "email")
    list_select_related = ("circle", "created_by")
    exclude = ("token_hash",)
    raw_id_fields = ("circle", "created_by", "revoked_by")
    readonly_fields = ("id", "created_at", "use_count")
    inlines = (InviteAcceptanceInline,)


@admin.register(JoinRequest)
class JoinRequestAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[JoinRequest]):
    list_display = ("user", "circle", "status", "created_at", "decided_at", "decided_by")
    list_filter = ("status",)
    search_fields = ("user__email", "user__display_name", "circle__name")
    list_select_related = ("user", "circle", "decided_by")
    raw_id_fields = ("user", "circle", "invite", "decided_by")


@admin.register(Departure)
class DepartureAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[Departure]):
    list_display = ("user", "circle", "reason", "by", "created_at")
    list_filter = ("reason",)
    search_fields = ("user__email", "user__display_name", "circle__name")
    list_select_related = ("user", "circle", "by")
    raw_id_fields = ("user", "circle", "by")


@admin.register(Block)
class BlockAdmin(ReadOnlyAdminMixin, admin.ModelAdmin[Block]):
    list_display = ("blocker", "blocked", "created_at")
    search_fields = (
        "blocker__email",
        "blocker__display_name",
        "blocked__email",
        "blocked__display_name",
    )
    list_select_related = ("blocker", "blocked")
    raw_id_fields = ("blocker", "blocked")
