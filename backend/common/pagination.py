from rest_framework import pagination


class CursorPagination(pagination.CursorPagination):
    """Newest first; stable under inserts; no COUNT query."""

    ordering = "-created_at"
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100
