from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "backend.common"
    label = "common"

    def ready(self) -> None:
        from backend.common import schema  # noqa: F401 - registers the OpenAPI extensions
