"""API plumbing every app shares: the error shape for the schema, shared shapes, and
paginated lists. (Who is asking, and a person, are the accounts app's: `accounts.apis`.)"""

from collections.abc import Callable, Sequence
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from backend.common.compiled import Paged
from backend.common.pagination import CursorPagination

# --- the error shape, for the schema -------------------------------------------------------


class ErrorItemSerializer(serializers.Serializer[Any]):
    code = serializers.CharField()
    detail = serializers.CharField()
    attr = serializers.CharField(allow_null=True)


class ErrorSerializer(serializers.Serializer[Any]):
    """The API's one error shape (`backend.common.errors`); schema-only."""

    type = serializers.CharField()
    # Schema-only; the declared field is popped off the class, so `.errors` still works.
    errors = ErrorItemSerializer(many=True)  # type: ignore[assignment]


def error_responses(
    *status_codes: int, serializer: type[serializers.Serializer[Any]] = ErrorSerializer
) -> dict[int, Any]:
    """`extend_schema(responses={200: ..., **error_responses(403, 404)})`."""
    return dict.fromkeys(status_codes, serializer)


# --- shared shapes -------------------------------------------------------------------------


class CircleRefSerializer(serializers.Serializer[Any]):
    """A circle named where something belongs to it."""

    id = serializers.UUIDField()
    name = serializers.CharField()


# --- paginated lists -----------------------------------------------------------------------

# APIViews don't get these documented on their own.
PAGE_PARAMETERS = [
    OpenApiParameter("cursor", str, required=False),
    OpenApiParameter("page_size", int, required=False),
]


class PaginatedApi(APIView):
    """A view answering one page of a list; set `pagination_class` for another order."""

    pagination_class: type[BasePagination] = CursorPagination

    def paginate(
        self,
        request: Request,
        queryset: QuerySet[Any, Any] | Paged,
        serializer: type[serializers.BaseSerializer[Any]] | None = None,
        *,
        read_model: Callable[[list[Any], Any], Sequence[Any]] | None = None,
    ) -> Response:
        """One page of `queryset` through `serializer`; with `read_model(page, me)` (a
        selector building typed views of the rows), the serializer reads those instead; with
        a read model and no serializer, the read model's plain dicts are the answer (the lean
        path of the hot lists; `extend_schema` documents them with their serializer)."""
        paginator = self.pagination_class()
        # A compiled page (`Paged`) does what DRF's paginators do to a queryset.
        rows: Any = queryset
        page: Sequence[Any] = list(paginator.paginate_queryset(rows, request, view=self) or [])
        if read_model is not None:
            page = read_model(list(page), request.user)
        if serializer is None:
            return paginator.get_paginated_response(page)
        data = serializer(page, many=True, context={"request": request}).data
        return paginator.get_paginated_response(data)
