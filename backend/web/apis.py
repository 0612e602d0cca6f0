from typing import Any

from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.web.selectors import CRISIS_INTRO, DEFAULT_CRISIS_RESOURCES, crisis_resource_list


class CrisisResourcesApi(APIView):
    permission_classes = (AllowAny,)
    authentication_classes = ()

    class ResourceSerializer(serializers.Serializer[dict[str, Any]]):
        name = serializers.CharField()
        region = serializers.CharField()
        description = serializers.CharField()
        phone = serializers.CharField()
        text = serializers.CharField()
        url = serializers.CharField()

    class OutputSerializer(serializers.Serializer[dict[str, Any]]):
        intro = serializers.CharField()
        resources = serializers.ListField(child=serializers.DictField())

    @extend_schema(responses=OutputSerializer, operation_id="crisis_resources")
    @method_decorator(cache_control(public=True, max_age=300))
    def get(self, request: Request) -> Response:
        rows = list(crisis_resource_list())
        if not rows:
            return Response({"intro": CRISIS_INTRO, "resources": DEFAULT_CRISIS_RESOURCES})
        resources = self.ResourceSerializer(rows, many=True).data  # type: ignore[arg-type]
        return Response({"intro": CRISIS_INTRO, "resources": resources})
