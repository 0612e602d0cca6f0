from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "backend.circles"
    label = "circles"

    def ready(self) -> None:
        from backend.circles.selectors import notification_levels
        from backend.notifications.services import circle_levels_source

        # notify() honours each person's level for a circle without importing this app.
        circle_levels_source(notification_levels)

        from backend.circles.versions import track_circles

        # Polls answer 304 until something they show changes (backend.common.versions).
        track_circles()
