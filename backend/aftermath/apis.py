"""Aftermath notes: what the people who were there write afterwards, and reactions to them.

Authorization: anonymous 401; anyone who may not read a note (or open a session's notes) 404,
through `access.py`; someone who can read it but may not do the operation 403 (`author_only`,
`participants_only`); writing before the session is over 409 (`session_not_over`), on a nudge
or a cancelled check-in 409 (`not_a_session`).
"""

from typing import Any
from uuid import UUID

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.apis import PersonSerializer, request_user
from backend.aftermath import activity, conf, selectors, services
from backend.aftermath.access import access_note, access_session, access_session_id
from backend.aftermath.models import Audience, Reaction, ReactionKind
from backend.aftermath.throttling import AftermathWriteThrottle
from backend.checkins.models import Answer, Kind
from backend.circles.access import access_circle, access_person
from backend.common.apis import (
    PAGE_PARAMETERS,
    CircleRefSerializer,
    PaginatedApi,
    error_responses,
)
from backend.common.compiled import Paged
from backend.common.conditional import conditional_get
from backend.common.pagination import CursorPagination
from backend.common.throttling import throttles_with

# --- shared shapes -------------------------------------------------------------------


class AftermathReactionSerializer(serializers.ModelSerializer[Reaction]):
    user = PersonSerializer()
    kind = serializers.ChoiceField(choices=ReactionKind.choices)

    class Meta:
        model = Reaction
        fields = ("user", "kind")


class AftermathNoteSerializer(serializers.Serializer[selectors.NoteView]):
    """A note as one of its readers sees it."""

    id = serializers.UUIDField(source="note.id", read_only=True)
    author = PersonSerializer(source="note.author")
    body = serializers.CharField(source="note.body", max_length=conf.BODY_MAX)
    audience = serializers.ChoiceField(source="note.audience", choices=Audience.choices)
    created_at = serializers.DateTimeField(source="note.created_at", read_only=True)
    edited_at = serializers.DateTimeField(source="note.edited_at", allow_null=True, required=False)
    reactions = AftermathReactionSerializer(source="note.reactions", many=True)
    my_reaction = serializers.ChoiceField(choices=ReactionKind.choices, allow_null=True)
    checkin = serializers.UUIDField(source="note.checkin_id")
    can_edit = serializers.BooleanField()


class AftermathMomentSerializer(serializers.Serializer[Any]):
    """A session that is over, with the notes the viewer may read (oldest first)."""

    id = serializers.UUIDField(source="session.id", read_only=True)
    kind = serializers.ChoiceField(source="session.kind", choices=Kind.choices)
    circle = CircleRefSerializer(source="session.circle")
    requester = PersonSerializer(source="session.requester")
    created_at = serializers.DateTimeField(source="session.created_at", read_only=True)
    ended_at = serializers.DateTimeField(allow_null=True)
    notes = AftermathNoteSerializer(many=True)
    mutual = serializers.BooleanField(
        help_text="A two-way session: someone who came shared too (“You were there for each "
        "other”)."
    )
    shared_with = PersonSerializer(
        many=True, help_text="In a two-way session, the friends who shared too."
    )


def _note(request: Request, note_id: UUID, code: int = status.HTTP_200_OK) -> Response:
    """Answer with the note as it is now, through the gate (so reactions are prefetched)."""
    me = request_user(request)
    view = selectors.note_views([access_note(me, note_id)], me)[0]
    return Response(AftermathNoteSerializer(view).data, status=code)


WRITE_THROTTLES = throttles_with(AftermathWriteThrottle)


class OldestFirstPagination(CursorPagination):
    # A session's notes read like a conversation.
    ordering = "created_at"


class _BodyField(serializers.CharField):
    """Plain text, stored and returned exactly (HTML stays literal text; clients never render
    it as HTML). Outer whitespace is trimmed; empty after that is refused."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_length=conf.BODY_MAX, allow_blank=False, **kwargs)


# --- notes of a session --------------------------------------------------------------


class NoteListApi(PaginatedApi):
    throttle_classes = WRITE_THROTTLES
    pagination_class = OldestFirstPagination

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        body = _BodyField()
        audience = serializers.ChoiceField(
            choices=Audience.choices, required=False, default=Audience.PARTICIPANTS
        )

    @extend_schema(
        parameters=PAGE_PARAMETERS,
        responses={200: AftermathNoteSerializer(many=True), **error_responses(404)},
        operation_id="note_list",
        description=(
            "The notes of a check-in I may read, oldest first (cursor pagination). Open to "
            "those who were there (requester and friends who answered with anything but "
            '"can\'t right now") while still in the circle, and to circle members who can '
            "read one of its circle-wide notes; anyone else 404."
        ),
    )
    @conditional_get
    def get(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        access_session_id(me, checkin_id)
        rows = selectors.note_rows_for_checkin(checkin_id=checkin_id, user=me)
        return self.paginate(request, rows, read_model=selectors.note_reads)

    @extend_schema(
        request=InputSerializer,
        responses={201: AftermathNoteSerializer, **error_responses(400, 403, 404, 409)},
        operation_id="note_create",
        description=(
            "Write a note about a session that is over (closed or expired). `audience`: "
            "`participants` (just us, default) or `circle` (everyone in the circle now). The "
            "other participants get a quiet push. Errors: 400 (attr body/audience; body is "
            "1-2000 characters after trimming); 403 `participants_only`; 404; 409 "
            "`session_not_over`, `not_a_session` (a nudge or a cancelled check-in); 429."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        checkin = access_session(me, checkin_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        note = services.note_create(checkin=checkin, author=me, **serializer.validated_data)
        return _note(request, note.pk, status.HTTP_201_CREATED)


# --- one note ------------------------------------------------------------------------


class NoteDetailApi(APIView):
    throttle_classes = WRITE_THROTTLES

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        body = _BodyField(required=False)
        audience = serializers.ChoiceField(choices=Audience.choices, required=False)

    @extend_schema(
        responses={200: AftermathNoteSerializer, **error_responses(404)},
        operation_id="note_retrieve",
        description="One note, for whoever may read it.",
    )
    def get(self, request: Request, note_id: UUID) -> Response:
        return _note(request, note_id)

    @extend_schema(
        request=InputSerializer,
        responses={200: AftermathNoteSerializer, **error_responses(400, 403, 404)},
        operation_id="note_update",
        description=(
            "The author changes `body` and/or `audience`; sets `edited_at`; takes effect for "
            "the next read. Errors: 400 (attr body/audience, or `nothing_to_change`); 403 "
            "`author_only`, `not_in_circle` (the author left or was removed from the circle; "
            "they can still delete the note); 404."
        ),
    )
    def patch(self, request: Request, note_id: UUID) -> Response:
        me = request_user(request)
        note = access_note(me, note_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.note_update(note=note, by=me, **serializer.validated_data)
        return _note(request, note_id)

    @extend_schema(
        responses={204: None, **error_responses(403, 404)},
        operation_id="note_delete",
        description=(
            "The author deletes the note: it and its reactions are gone for everyone at once "
            "(no tombstone). Errors: 403 `author_only`; 404."
        ),
    )
    def delete(self, request: Request, note_id: UUID) -> Response:
        me = request_user(request)
        services.note_delete(note=access_note(me, note_id), by=me)
        return Response(status=status.HTTP_204_NO_CONTENT)


class NoteReactionApi(APIView):
    throttle_classes = WRITE_THROTTLES

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        kind = serializers.ChoiceField(choices=ReactionKind.choices)

    @extend_schema(
        request=InputSerializer,
        responses={200: AftermathNoteSerializer, **error_responses(400, 404)},
        operation_id="note_reaction_set",
        description=(
            "My reaction (one per person; a new one replaces mine). Anyone who may read the "
            "note. Answers the note with its `reactions` and `my_reaction`."
        ),
    )
    def put(self, request: Request, note_id: UUID) -> Response:
        me = request_user(request)
        note = access_note(me, note_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.reaction_set(note=note, user=me, kind=serializer.validated_data["kind"])
        return _note(request, note_id)

    @extend_schema(
        request=None,
        responses={200: AftermathNoteSerializer, **error_responses(404)},
        operation_id="note_reaction_delete",
        description="Take my reaction back (idempotent). Answers the note.",
    )
    def delete(self, request: Request, note_id: UUID) -> Response:
        me = request_user(request)
        services.reaction_delete(note=access_note(me, note_id), user=me)
        return _note(request, note_id)


# --- our moments ---------------------------------------------------------------------


class _MomentsApi(PaginatedApi):
    def moments_page(self, request: Request, rows: Paged) -> Response:
        return self.paginate(request, rows, read_model=selectors.moment_reads)


class CircleMomentsApi(_MomentsApi):
    @extend_schema(
        parameters=PAGE_PARAMETERS,
        responses={200: AftermathMomentSerializer(many=True), **error_responses(404)},
        operation_id="circle_moments",
        description=(
            "Our moments: the circle's sessions that are over and have notes I may read, "
            "newest first (by when they started), each with those notes oldest first. "
            "404 unless I'm in the circle."
        ),
    )
    @conditional_get
    def get(self, request: Request, circle_id: UUID) -> Response:
        me = request_user(request)
        page = self.moments_page(
            request, selectors.moment_rows_for_circle(circle_id=circle_id, user=me)
        )
        # Moments are only ever shown to the circle's members (`session_visible_to`), so a
        # page with any is already through the gate; an empty one asks it (404 or empty).
        if not page.data["results"]:
            access_circle(me, circle_id)
        return page


class PersonMomentsApi(_MomentsApi):
    @extend_schema(
        parameters=PAGE_PARAMETERS,
        responses={200: AftermathMomentSerializer(many=True), **error_responses(404)},
        operation_id="person_moments",
        description=(
            "Sessions both this person and I were there for, with notes I may read, newest "
            "first. 404 unless we share a circle now; across a block, an empty page (as "
            "with someone I have no moments with), so the block isn't revealed."
        ),
    )
    @conditional_get
    def get(self, request: Request, user_id: UUID) -> Response:
        me = request_user(request)
        person = access_person(me, user_id, blocked_too=True)
        return self.moments_page(request, selectors.moment_rows_with_person(person=person, user=me))


# --- activity ------------------------------------------------------------------------


class ActivityApi(APIView):
    class ItemSerializer(serializers.Serializer[Any]):
        """Something that happened lately around me (an `activity.ActivityItem`)."""

        kind = serializers.ChoiceField(
            choices=["answer", "nudge_answer", "okay_now", "join_request", "note"]
        )
        at = serializers.DateTimeField()
        person = PersonSerializer()
        circle = CircleRefSerializer()
        checkin = serializers.UUIDField(source="checkin_id", allow_null=True)
        answer = serializers.ChoiceField(choices=Answer.choices, allow_null=True)

    @extend_schema(
        responses={200: ItemSerializer(many=True)},
        operation_id="activity_list",
        description=(
            "What happened lately around me, newest first (a few days, at most 20): answers to "
            "what I asked (`answer`, `nudge_answer`, with `answer`), friends who said "
            '"I\'m okay now" (`okay_now`), people waiting to join a circle I look after '
            "(`join_request`), and new notes I may read (`note`). No counts: home shows it "
            "as a calm list."
        ),
    )
    def get(self, request: Request) -> Response:
        items = activity.activity_for_user(user=request_user(request))
        return Response(self.ItemSerializer(items, many=True).data)
