from django.conf import settings
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.accounts.errors import AccountErrorCode
from backend.accounts.models import PHONE_MAX, User, normalize_phone
from backend.accounts.permissions import suspended_until
from backend.accounts.selectors import me_read
from backend.accounts.services import user_update_profile
from backend.common.timezones import is_valid_timezone


def request_user(request: Request) -> User:
    """The signed-in person; for views behind the default `IsAuthenticated` permission."""
    user = request.user
    assert isinstance(user, User)  # the default permission is IsAuthenticated
    return user


class PersonSerializer(serializers.Serializer[User]):
    """A person as everyone else sees them: never their email."""

    id = serializers.UUIDField()
    display_name = serializers.CharField(source="public_name")


class PersonWithPhoneSerializer(PersonSerializer):
    """A person as a circle mate sees them in a check-in they share: with their phone number
    when they gave one ("" otherwise), for one-tap call and text."""

    phone = serializers.CharField()


class MeApi(APIView):
    throttle_scope = "profile_write"

    class OutputSerializer(serializers.ModelSerializer[User]):
        suspended_until = serializers.SerializerMethodField(
            help_text="When my suspension ends; null when I'm not suspended."
        )
        standing = serializers.SerializerMethodField(help_text="`good` or `suspended`.")

        class Meta:
            model = User
            fields = (
                "id",
                "email",
                "display_name",
                "timezone",
                "language",
                "phone",
                "date_joined",
                "suspended_until",
                "standing",
            )

        @extend_schema_field(serializers.DateTimeField(allow_null=True))
        def get_suspended_until(self, user: User) -> str | None:
            until = suspended_until(user)
            return serializers.DateTimeField().to_representation(until) if until else None

        @extend_schema_field(serializers.ChoiceField(choices=["good", "suspended"]))
        def get_standing(self, user: User) -> str:
            return "suspended" if suspended_until(user) else "good"

    class InputSerializer(serializers.Serializer[dict[str, str]]):
        display_name = serializers.CharField(max_length=60, required=False, allow_blank=False)
        timezone = serializers.CharField(max_length=64, required=False)
        language = serializers.ChoiceField(
            choices=settings.LANGUAGES,
            required=False,
            help_text="What the app, pushes and emails say to me in.",
        )
        phone = serializers.CharField(
            max_length=40,
            required=False,
            allow_blank=True,
            help_text=(
                "Optional; only circle mates see it, in a check-in you share. Empty removes it."
            ),
        )

        def validate_phone(self, value: str) -> str:
            phone = normalize_phone(value)
            if phone is None or len(phone) > PHONE_MAX:
                raise serializers.ValidationError(
                    gettext(
                        "That doesn't look like a phone number. Use digits, with a + and the "
                        "country code if you like, e.g. +44 7700 900123."
                    ),
                    code=AccountErrorCode.INVALID_PHONE,
                )
            return phone

        def validate_timezone(self, value: str) -> str:
            if not is_valid_timezone(value):
                raise serializers.ValidationError(
                    gettext("Pick a timezone from the list, like Europe/Berlin."),
                    code=AccountErrorCode.INVALID_TIMEZONE,
                )
            return value

    @extend_schema(responses=OutputSerializer, operation_id="me_retrieve")
    def get(self, request: Request) -> Response:
        # The lean read: `OutputSerializer` documents it (tests hold the two the same).
        return Response(me_read(request_user(request)))

    @extend_schema(request=InputSerializer, responses=OutputSerializer, operation_id="me_update")
    def patch(self, request: Request) -> Response:
        serializer = self.InputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = user_update_profile(user=request_user(request), **serializer.validated_data)
        return Response(self.OutputSerializer(user).data)
