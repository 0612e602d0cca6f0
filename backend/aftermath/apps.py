from django.apps import AppConfig


class AftermathConfig(AppConfig):
    name = "backend.aftermath"
    label = "aftermath"

    def ready(self) -> None:
        from backend.aftermath.versions import track_aftermath

        track_aftermath()
