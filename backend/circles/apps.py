from django.apps import AppConfig


class CirclesConfig(AppConfig):
    name = "backend.circles"
    label = "circles"
