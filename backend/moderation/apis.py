"""Reports, strikes and appeals, and what circle owners do.

Authorization: anonymous 401; what the reporter can't see 404 (through the other apps'
`access_*` gates); a strike is its person's alone (404 for anyone else). The reported person
is never told who reported.
"""

from typing import Any
from uuid import UUID

from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.apis import request_user
from backend.aftermath.access import access_note
from backend.circles.access import access_circle
from backend.common.apis import PaginatedApi, error_responses
from backend.moderation import conf, selectors, services
from backend.moderation.access import access_strike
from backend.moderation.models import Category, Report, ReportStatus, Strike, StrikeKind, TargetType


class ReportListApi(PaginatedApi):
    throttle_scope = "report"

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        target_type = serializers.ChoiceField(choices=TargetType.choices)
        target_id = serializers.UUIDField()
        category = serializers.ChoiceField(choices=Category.choices)
        details = serializers.CharField(
            max_length=conf.DETAILS_MAX, required=False, allow_blank=True, default=""
        )
        also_block = serializers.BooleanField(required=False, default=False)

    class OutputSerializer(serializers.ModelSerializer[Report]):
        target_type = serializers.ChoiceField(choices=TargetType.choices)
        category = serializers.ChoiceField(choices=Category.choices)
        status = serializers.ChoiceField(choices=ReportStatus.choices)
        outcome = serializers.CharField(source="outcome_text")
        show_crisis_resources = serializers.SerializerMethodField()

        class Meta:
            model = Report
            fields = (
                "id",
                "target_type",
                "target_id",
                "target_label",
                "category",
                "details",
                "status",
                "outcome",
                "resolved_at",
                "created_at",
                "show_crisis_resources",
            )

        @extend_schema_field(serializers.BooleanField())
        def get_show_crisis_resources(self, report: Report) -> bool:
            return report.category == Category.SELF_HARM_CONCERN

    @extend_schema(
        responses=OutputSerializer(many=True),
        operation_id="report_list",
        description="My reports, newest first, with their status and outcome.",
    )
    def get(self, request: Request) -> Response:
        reports = selectors.report_list_for_reporter(user=request_user(request))
        return self.paginate(request, reports, self.OutputSerializer)

    @extend_schema(
        request=InputSerializer,
        responses={201: OutputSerializer, 200: OutputSerializer, **error_responses(404, 429)},
        operation_id="report_create",
        description=(
            "Report a note, a check-in's message, a person (someone in one of my circles) or a "
            "circle. 201 with the report; 200 with the same report when I already reported "
            "it and it is still open. 404 for what I can't see. `also_block` blocks the "
            "person behind it in the same step. `show_crisis_resources` is true for a "
            "self-harm concern."
        ),
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report, created = services.report_create(
            reporter=request_user(request), **serializer.validated_data
        )
        code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
        return Response(self.OutputSerializer(report).data, status=code)


class StrikeSerializer(serializers.ModelSerializer[Strike]):
    kind = serializers.ChoiceField(choices=StrikeKind.choices)
    appeal_until = serializers.DateTimeField()
    appeal_status = serializers.SerializerMethodField(
        help_text="`none`, `pending`, `approved` or `rejected`."
    )

    class Meta:
        model = Strike
        fields = (
            "id",
            "kind",
            "reason",
            "snapshot",
            "target_label",
            "suspended_until",
            "created_at",
            "appeal_until",
            "appeal_status",
        )

    @extend_schema_field(serializers.CharField())
    def get_appeal_status(self, strike: Strike) -> str:
        appeal = getattr(strike, "appeal", None)
        if appeal is None:
            return "none"
        return appeal.decision or "pending"


class StrikeListApi(PaginatedApi):
    @extend_schema(
        responses=StrikeSerializer(many=True),
        operation_id="strike_list",
        description="What moderators did about my words or conduct, newest first.",
    )
    def get(self, request: Request) -> Response:
        strikes = selectors.strike_list_for_person(user=request_user(request))
        return self.paginate(request, strikes, StrikeSerializer)


class StrikeAppealApi(APIView):
    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        text = serializers.CharField(max_length=conf.APPEAL_TEXT_MAX, allow_blank=False)

    @extend_schema(
        request=InputSerializer,
        responses={201: StrikeSerializer, **error_responses(404, 409, 410)},
        operation_id="strike_appeal",
        description=(
            "Appeal a warning or a suspension, once, within 20 days. Errors: 409 "
            "`already_appealed`, 409 `not_appealable` (a ban), 410 `appeal_window_closed`. "
            "Open to a suspended person."
        ),
    )
    def post(self, request: Request, strike_id: UUID) -> Response:
        me = request_user(request)
        strike = access_strike(me, strike_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.appeal_create(strike=strike, by=me, text=serializer.validated_data["text"])
        strike = access_strike(me, strike_id)
        return Response(StrikeSerializer(strike).data, status=status.HTTP_201_CREATED)


class NoteRemoveFromCircleApi(APIView):
    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        reason = serializers.CharField(
            max_length=conf.REASON_MAX, required=False, allow_blank=True, default=""
        )

    @extend_schema(
        request=InputSerializer,
        responses={204: None, **error_responses(403, 404)},
        operation_id="note_remove_from_circle",
        description=(
            "The owner of the note's circle takes down a note shared with the whole circle; "
            "the author is told. Errors: 403 `owner_only`, 403 `not_shown_to_circle`; 404 for "
            "a note the owner can't read."
        ),
    )
    def post(self, request: Request, note_id: UUID) -> Response:
        me = request_user(request)
        note = access_note(me, note_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.owner_remove_note(note=note, owner=me, **serializer.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CircleMemberApi(APIView):
    """Replaces the circles app's member endpoint (same path, same answers) so an owner's
    removal of someone is recorded in the moderation log; circles never imports moderation."""

    @extend_schema(
        responses={204: None, **error_responses(403, 409)},
        operation_id="circle_member_remove",
        description=(
            "Your own id: leave the circle. Someone else's id: the owner removes them "
            "(members get 403 `owner_only`), recorded in the moderation log. The owner can't "
            "leave: 409 `owner_must_transfer` (hand over or delete the circle first)."
        ),
    )
    def delete(self, request: Request, circle_id: UUID, user_id: UUID) -> Response:
        me = request_user(request)
        circle = access_circle(me, circle_id)
        services.owner_remove_member(circle=circle, by=me, user_id=user_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
