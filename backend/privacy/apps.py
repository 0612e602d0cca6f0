from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    """A person's export and the deletion of their account: the top layer, since both reach
    into every app below."""

    name = "backend.privacy"
    label = "privacy"
