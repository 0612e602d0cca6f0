"""The moderation console: the report queue (urgent first, then oldest), acting on a report
through `services.moderation_act`, appeals, and the read-only audit log.

Moderators see what was reported only as the report's snapshot; no page here lists notes."""

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from backend.accounts.models import User
from backend.common.errors import ApplicationError
from backend.moderation import services
from backend.moderation.models import (
    ActionKind,
    Appeal,
    ModerationAction,
    Report,
    Strike,
    TargetType,
)

MODERATOR_ACTIONS = [
    ("", "— only save —"),
    *[
        (kind.value, kind.label)
        for kind in (
            ActionKind.DISMISS,
            ActionKind.HIDE_CONTENT,
            ActionKind.RESTORE_CONTENT,
            ActionKind.WARN,
            ActionKind.SUSPEND,
            ActionKind.UNSUSPEND,
            ActionKind.BAN,
        )
    ],
]


def _moderator(request: HttpRequest) -> User:
    """The signed-in staff member (the admin lets no one else in)."""
    user = request.user
    assert isinstance(user, User)
    return user


class ReportActForm(forms.ModelForm[Report]):
    action = forms.ChoiceField(choices=MODERATOR_ACTIONS, required=False)
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=1000,
        help_text="Shown to the person acted on (with a warning, suspension or ban).",
    )
    suspend_until = forms.SplitDateTimeField(
        required=False, widget=widgets.AdminSplitDateTime, help_text="For a suspension (UTC)."
    )

    class Meta:
        model = Report
        fields: list[str] = []

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        action = data.get("action")
        if action == ActionKind.SUSPEND:
            until = data.get("suspend_until")
            if until is None or until <= timezone.now():
                self.add_error("suspend_until", "Pick when the suspension ends (in the future).")
        if action in (ActionKind.HIDE_CONTENT, ActionKind.RESTORE_CONTENT) and (
            self.instance.target_type not in (TargetType.NOTE, TargetType.CHECKIN)
        ):
            self.add_error("action", "Only a note or a check-in's message can be hidden.")
        if action in (ActionKind.WARN, ActionKind.SUSPEND, ActionKind.BAN) and not data.get(
            "reason"
        ):
            self.add_error("reason", "Say why: the person will read it.")
        return data


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin[Report]):
    form = ReportActForm
    list_display = (
        "urgent_mark",
        "category",
        "target_label",
        "status",
        "assigned_to",
        "created_at",
    )
    list_display_links = ("category", "target_label")
    list_select_related = ("assigned_to",)
    list_filter = ("status", "category", "urgent", "assigned_to")
    ordering = ("-urgent", "created_at")
    actions = ("assign_to_me",)
    readonly_fields = (
        "urgent",
        "category",
        "target_type",
        "target_id",
        "target_label",
        "snapshot_text",
        "details",
        "status",
        "assigned_to",
        "created_at",
        "resolved_at",
        "resolved_by",
        "outcome",
        "outcome_text",
        "history",
    )
    fieldsets = (
        (
            "What was reported",
            {
                "fields": (
                    "urgent",
                    "category",
                    "target_type",
                    "target_label",
                    "snapshot_text",
                    "details",
                    "created_at",
                )
            },
        ),
        ("State", {"fields": ("status", "assigned_to", "resolved_at", "resolved_by")}),
        ("Outcome", {"fields": ("outcome", "outcome_text", "history")}),
        ("Act", {"fields": ("action", "reason", "suspend_until")}),
    )

    @admin.display(description="Urgent", boolean=True, ordering="-urgent")
    def urgent_mark(self, report: Report) -> bool:
        return report.urgent

    @admin.display(description="Snapshot (the words at report time)")
    def snapshot_text(self, report: Report) -> str:
        return report.snapshot or "—"

    @admin.display(description="Actions on this report")
    def history(self, report: Report) -> str:
        rows = report.actions.order_by("created_at")
        return "; ".join(f"{a.created_at:%Y-%m-%d %H:%M} {a.get_action_display()}" for a in rows)

    @admin.action(description="Assign to me", permissions=["change"])
    def assign_to_me(self, request: HttpRequest, queryset: QuerySet[Report]) -> None:
        for report in queryset:
            services.report_assign(report=report, moderator=_moderator(request))
        self.message_user(request, f"{queryset.count()} report(s) assigned to you.")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Report, form: Any, change: bool) -> None:
        action = form.cleaned_data.get("action")
        if not action:
            return
        try:
            services.moderation_act(
                moderator=_moderator(request),
                action=action,
                target_type=obj.target_type,
                target_id=obj.target_id,
                reports=[obj],
                reason=form.cleaned_data.get("reason") or "",
                suspend_until=form.cleaned_data.get("suspend_until"),
            )
        except ApplicationError as exc:
            self.message_user(request, str(exc.detail), level=messages.ERROR)


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ModerationAction)
class ModerationActionAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "actor_label", "action", "target_type", "target_label")
    list_filter = ("action", "target_type")
    ordering = ("-created_at",)
    fields = (
        "created_at",
        "actor_label",
        "action",
        "target_type",
        "target_id",
        "target_label",
        "reason",
        "reports",
    )
    readonly_fields = fields


@admin.register(Strike)
class StrikeAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "person", "kind", "target_label", "suspended_until")
    list_select_related = ("person",)
    list_filter = ("kind",)
    ordering = ("-created_at",)
    fields = ("created_at", "person", "kind", "reason", "target_label", "snapshot", "action")
    readonly_fields = fields


@admin.register(Appeal)
class AppealAdmin(admin.ModelAdmin[Appeal]):
    list_display = ("created_at", "strike", "decision", "decided_at", "decided_by")
    list_select_related = ("strike", "decided_by")
    list_filter = ("decision",)
    ordering = ("decided_at", "created_at")
    actions = ("approve", "reject")
    fields = (
        "created_at",
        "strike",
        "strike_reason",
        "strike_snapshot",
        "text",
        "decision",
        "decided_at",
        "decided_by",
    )
    readonly_fields = fields

    @admin.display(description="Strike's reason")
    def strike_reason(self, appeal: Appeal) -> str:
        return appeal.strike.reason

    @admin.display(description="Snapshot")
    def strike_snapshot(self, appeal: Appeal) -> str:
        return appeal.strike.snapshot or "—"

    def _decide(self, request: HttpRequest, queryset: QuerySet[Appeal], approve: bool) -> None:
        done = 0
        for appeal in queryset:
            try:
                services.appeal_decide(
                    appeal=appeal,
                    moderator=_moderator(request),
                    approve=approve,
                )
                done += 1
            except ApplicationError as exc:
                self.message_user(request, f"{appeal}: {exc.detail}", level=messages.WARNING)
        self.message_user(request, f"{done} appeal(s) decided.")

    @admin.action(description="Approve: undo the action", permissions=["change"])
    def approve(self, request: HttpRequest, queryset: QuerySet[Appeal]) -> None:
        self._decide(request, queryset, approve=True)

    @admin.action(description="Reject: the decision stays", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet[Appeal]) -> None:
        self._decide(request, queryset, approve=False)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
