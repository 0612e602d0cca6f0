from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "backend.common"
    label = "common"

    def ready(self) -> None:
        from backend.common import (  # noqa: F401 - registers the system checks and OpenAPI extensions
            checks,
            schema,
        )
