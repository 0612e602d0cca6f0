"""Two-way sessions (see `mutual.py`): "Can I share too?", the requester's "Of course" or "let
it be", the friend's own needs, and "I could use someone too" after the session.

Authorization as for answers: anyone who may not see the check-in 404 (`access_checkin`);
someone who sees it but may not do this 403 (`not_there`, `requester_only`); refused
transitions 409.
"""

from typing import Any
from uuid import UUID

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.apis import PersonSerializer, request_user
from backend.checkins import mutual, selectors
from backend.checkins.access import access_checkin
from backend.checkins.apis import REACH_OUT_ERRORS, CheckinSerializer, _AskFieldsSerializer
from backend.checkins.models import CheckIn, Mode, ShareOffer, ShareStatus
from backend.common.apis import CircleRefSerializer, error_responses


class ShareOfferSerializer(serializers.Serializer[ShareOffer]):
    """A friend's "Can I share too?", with the needs they picked for themselves."""

    id = serializers.UUIDField()
    by = PersonSerializer(source="offered_by")
    status = serializers.ChoiceField(choices=ShareStatus.choices)
    created_at = serializers.DateTimeField()
    accepted_at = serializers.DateTimeField(allow_null=True)
    no_need_to_explain = serializers.BooleanField()
    just_listen = serializers.BooleanField()
    silence_ok = serializers.BooleanField()


class ReachOutTooSerializer(serializers.Serializer[mutual.ReachOutToo]):
    person = PersonSerializer(
        allow_null=True, help_text="The person I was there for; null when I can't ask them now."
    )
    circle = CircleRefSerializer()


class SharingSerializer(serializers.Serializer[mutual.SharingView]):
    can_offer = serializers.BooleanField(
        help_text="I showed up, the session is on and I haven't asked yet: offer \"Can I share "
        'too?".'
    )
    mutual = serializers.BooleanField(help_text='Someone\'s offer was answered "Of course".')
    my_offer = ShareOfferSerializer(allow_null=True)
    offers = ShareOfferSerializer(
        many=True, help_text="The requester: every offer that counts; a friend: their own."
    )
    reach_out_too = ReachOutTooSerializer(
        allow_null=True,
        help_text='After a session I was there for: "I could use someone too" asks this person '
        "(or the circle) — POST …/reach-out-too/.",
    )


def _sharing(request: Request, checkin: CheckIn, code: int = status.HTTP_200_OK) -> Response:
    view = mutual.sharing_for(checkin=checkin, viewer=request_user(request))
    return Response(SharingSerializer(view).data, status=code)


class ShareNeedsSerializer(serializers.Serializer[dict[str, Any]]):
    no_need_to_explain = serializers.BooleanField(required=False)
    just_listen = serializers.BooleanField(required=False)
    silence_ok = serializers.BooleanField(required=False)


SHARING_ERRORS = error_responses(400, 403, 404, 409)


class SharingApi(APIView):
    @extend_schema(
        responses={200: SharingSerializer, **error_responses(404)},
        operation_id="checkin_sharing",
        description=(
            "The two-way side of a check-in for me: whether I may ask to share too, the "
            "offers I may see (the requester: all that count; a friend: their own), whether "
            'the session is mutual, and after a session I was there for, who "I could use '
            'someone too" would ask.'
        ),
    )
    def get(self, request: Request, checkin_id: UUID) -> Response:
        return _sharing(request, access_checkin(request_user(request), checkin_id))


class ShareOfferApi(APIView):
    @extend_schema(
        request=ShareNeedsSerializer,
        responses={201: SharingSerializer, 200: SharingSerializer, **SHARING_ERRORS},
        operation_id="checkin_share_offer",
        description=(
            '"Can I share too?": a friend who showed up (on my way, calling, texting), while '
            "the session is on. The requester is told softly. 201 the first time; asking again "
            "answers 200 with the offer already made, whatever became of it. Optional needs. "
            "Errors: 403 `not_there`; 409 `checkin_not_open`, `not_a_session`, `offer_ended`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        checkin = access_checkin(me, checkin_id)
        serializer = ShareNeedsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        _, created = mutual.share_offer(checkin=checkin, by=me, **serializer.validated_data)
        return _sharing(
            request, checkin, status.HTTP_201_CREATED if created else status.HTTP_200_OK
        )

    @extend_schema(
        request=ShareNeedsSerializer,
        responses={200: SharingSerializer, **SHARING_ERRORS},
        operation_id="checkin_share_needs",
        description=(
            "The friend who offered says what would help them (the needs given change). "
            "Errors: 404 (no offer of mine), 409 `checkin_not_open`, `offer_ended`."
        ),
    )
    def patch(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        checkin = access_checkin(me, checkin_id)
        serializer = ShareNeedsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        mutual.share_needs_set(checkin=checkin, by=me, **serializer.validated_data)
        return _sharing(request, checkin)


class ShareAcceptApi(APIView):
    @extend_schema(
        request=None,
        responses={200: SharingSerializer, **SHARING_ERRORS},
        operation_id="checkin_share_accept",
        description=(
            '"Of course": the requester makes the session mutual (idempotent; also after '
            '"let it be"). The friend is told softly. Errors: 403 `requester_only`; 404 '
            "no such offer; 409 `checkin_not_open`, `offer_ended`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID, offer_id: UUID) -> Response:
        me = request_user(request)
        checkin = access_checkin(me, checkin_id)
        mutual.share_accept(checkin=checkin, offer_id=offer_id, by=me)
        return _sharing(request, checkin)


class ShareDeclineApi(APIView):
    @extend_schema(
        request=None,
        responses={200: SharingSerializer, **SHARING_ERRORS},
        operation_id="checkin_share_decline",
        description=(
            '"Let it be": quietly, nobody is told (idempotent). Errors: 403 `requester_only`; '
            "404 no such offer; 409 `checkin_not_open`, `offer_already_accepted`, `offer_ended`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID, offer_id: UUID) -> Response:
        me = request_user(request)
        checkin = access_checkin(me, checkin_id)
        mutual.share_decline(checkin=checkin, offer_id=offer_id, by=me)
        return _sharing(request, checkin)


class ReachOutTooApi(APIView):
    throttle_scope = "checkin_create"

    class InputSerializer(_AskFieldsSerializer):
        mode = serializers.ChoiceField(choices=Mode.choices)
        to = serializers.ChoiceField(
            choices=mutual.ReachOutTo.CHOICES, required=False, default=mutual.ReachOutTo.PERSON
        )

    @extend_schema(
        request=InputSerializer,
        responses={201: CheckinSerializer, 200: CheckinSerializer, **REACH_OUT_ERRORS},
        operation_id="checkin_reach_out_too",
        description=(
            '"I could use someone too": after a session I was there for (closed or expired), a '
            "reach-out in its circle to the person I was with (`to` = `person`, default) or to "
            "everyone in the circle (`circle`). Same errors as creating a reach-out, plus 403 "
            "`not_there`, 409 `session_not_over`, `not_a_session`."
        ),
    )
    def post(self, request: Request, checkin_id: UUID) -> Response:
        me = request_user(request)
        session = access_checkin(me, checkin_id)
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        checkin, created = mutual.reach_out_too(session=session, by=me, **serializer.validated_data)
        return Response(
            selectors.checkin_read(checkin_id=checkin.pk, viewer=me, gate=False),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )
