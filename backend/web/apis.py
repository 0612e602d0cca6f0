from typing import Any

from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.selectors import CRISIS_INTRO, crisis_resource_list


class CrisisResourceSerializer(serializers.Serializer[dict[str, Any]]):
    name = serializers.CharField()
    region = serializers.CharField(
        help_text="A country code (ISO 3166-1 alpha-2, e.g. `GB`) or `international`."
    )
    language = serializers.CharField(help_text="The language it answers in, e.g. `en`.")
    emergency = serializers.BooleanField(
        help_text="The emergency number of its region; every region has one."
    )
    description = serializers.CharField()
    phone = serializers.CharField()
    text = serializers.CharField()
    url = serializers.CharField()


class CrisisResourcesApi(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    class OutputSerializer(serializers.Serializer[dict[str, Any]]):
        intro = serializers.CharField()
        resources = CrisisResourceSerializer(many=True)

    @extend_schema(
        responses=OutputSerializer,
        operation_id="crisis_resources",
        description="Every region's resources (the PWA shows the person's own region first); "
        "each region always has its emergency number.",
    )
    @method_decorator(cache_control(public=True, max_age=300))
    def get(self, request: Request) -> Response:
        resources = CrisisResourceSerializer(crisis_resource_list(), many=True).data  # type: ignore[arg-type]
        return Response({"intro": CRISIS_INTRO, "resources": resources})
