from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ModerationConfig(AppConfig):
    name = "backend.moderation"
    label = "moderation"
    verbose_name = "Moderation"

    def ready(self) -> None:
        from backend.moderation.groups import moderators_group_ensure

        # After auth's own hook has made this app's permissions (it runs first: auth is
        # installed before us).
        post_migrate.connect(moderators_group_ensure, sender=self)

        from backend.moderation.versions import track_moderation

        track_moderation()
