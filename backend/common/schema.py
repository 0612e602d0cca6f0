from typing import Any

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_standardized_errors.openapi import AutoSchema as StandardizedAutoSchema


class AutoSchema(StandardizedAutoSchema):
    """Names nested serializers after their API (`MeApi.OutputSerializer` -> `MeOutput`)."""

    def get_serializer_name(self, serializer: Any, direction: Any) -> str:
        cls = serializer if isinstance(serializer, type) else type(serializer)
        parts = cls.__qualname__.split(".")
        if len(parts) > 1:
            return parts[0].removesuffix("Api") + parts[-1]
        return super().get_serializer_name(serializer, direction)


class SessionTokenScheme(OpenApiAuthenticationExtension):
    target_class = "backend.common.authentication.SessionTokenAuthentication"
    name = "sessionToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "apiKey", "in": "header", "name": "X-Session-Token"}


class CsrfSessionScheme(SessionScheme):
    """The session cookie, as drf-spectacular documents DRF's own SessionAuthentication."""

    target_class = "backend.common.authentication.CsrfSessionAuthentication"
