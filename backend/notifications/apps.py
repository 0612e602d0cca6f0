from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "backend.notifications"
    label = "notifications"

    def ready(self) -> None:
        from backend.common.readiness import readiness_check
        from backend.notifications.selectors import deliveries_overdue

        readiness_check("notifications", deliveries_overdue)
