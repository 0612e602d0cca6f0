from django.apps import AppConfig


class AftermathConfig(AppConfig):
    name = "backend.aftermath"
    label = "aftermath"
