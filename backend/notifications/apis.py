import datetime as dt
from typing import Any

from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.apis import request_user
from backend.notifications.models import PushSubscription
from backend.notifications.services import (
    push_subscription_delete,
    push_subscription_register,
    send_test_notification,
)
from backend.notifications.validators import (
    MAX_EXPIRATION_MS,
    validate_auth_secret,
    validate_p256dh,
    validate_push_endpoint,
)
from backend.notifications.vapid import get_vapid_keys


class PushKeyApi(APIView):
    permission_classes = (AllowAny,)

    class OutputSerializer(serializers.Serializer[dict[str, str]]):
        public_key = serializers.CharField(
            help_text="URL-safe base64 (no padding) of the uncompressed P-256 point, "
            "for `pushManager.subscribe({applicationServerKey})`."
        )

    @extend_schema(responses=OutputSerializer, operation_id="push_key_retrieve")
    def get(self, request: Request) -> Response:
        return Response({"public_key": get_vapid_keys().public_key})


class PushSubscriptionApi(APIView):
    """This device's subscription. The PWA deletes it before signing out: the server cannot
    tell which device a logout came from, so it cannot do this on its own."""

    throttle_scope = "profile_write"

    class InputSerializer(serializers.Serializer[dict[str, Any]]):
        """The browser's `PushSubscription.toJSON()`."""

        class KeysSerializer(serializers.Serializer[dict[str, str]]):
            p256dh = serializers.CharField(max_length=128, validators=[validate_p256dh])
            auth = serializers.CharField(max_length=64, validators=[validate_auth_secret])

        endpoint = serializers.CharField(max_length=2048, validators=[validate_push_endpoint])
        expirationTime = serializers.IntegerField(
            required=False,
            allow_null=True,
            min_value=0,
            max_value=MAX_EXPIRATION_MS,
            help_text="Milliseconds since the epoch, or null.",
        )
        keys = KeysSerializer()

    class DeleteInputSerializer(serializers.Serializer[dict[str, str]]):
        endpoint = serializers.CharField(max_length=2048)

    class OutputSerializer(serializers.Serializer[PushSubscription]):
        id = serializers.UUIDField()
        endpoint = serializers.CharField()
        created_at = serializers.DateTimeField()
        last_success_at = serializers.DateTimeField(allow_null=True)

    @extend_schema(
        request=InputSerializer,
        responses={
            201: OutputSerializer,
            200: OpenApiResponse(OutputSerializer, description="This device was already known."),
        },
        operation_id="push_subscription_create",
    )
    def post(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        expires_ms = data.get("expirationTime")
        subscription, created = push_subscription_register(
            user=request_user(request),
            endpoint=data["endpoint"],
            p256dh=data["keys"]["p256dh"],
            auth=data["keys"]["auth"],
            expiration_time=(
                dt.datetime.fromtimestamp(expires_ms / 1000, tz=dt.UTC) if expires_ms else None
            ),
            user_agent=request.headers.get("User-Agent", ""),
        )
        return Response(
            self.OutputSerializer(subscription).data,
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "endpoint",
                str,
                description="This device's push endpoint. A JSON body `{endpoint}` works too.",
            )
        ],
        responses={204: None},
        operation_id="push_subscription_delete",
    )
    def delete(self, request: Request) -> Response:
        data = request.data if request.data else request.query_params
        serializer = self.DeleteInputSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        push_subscription_delete(
            user=request_user(request),
            endpoint=serializer.validated_data["endpoint"],
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class PushTestApi(APIView):
    throttle_scope = "profile_write"

    class OutputSerializer(serializers.Serializer[dict[str, int]]):
        devices = serializers.IntegerField(help_text="How many devices a test was queued for.")

    @extend_schema(
        request=None,
        responses={202: OutputSerializer},
        operation_id="push_test_create",
    )
    def post(self, request: Request) -> Response:
        notifications = send_test_notification(request_user(request))
        devices = sum(n.deliveries.count() for n in notifications)
        return Response({"devices": devices}, status=status.HTTP_202_ACCEPTED)
