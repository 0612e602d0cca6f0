from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "backend.checkins"
    label = "checkins"

    def ready(self) -> None:
        from backend.checkins.services import checkins_end_for_departure
        from backend.circles.services import on_membership_ended

        # Leaving a circle (or being removed) ends one's open asks there; circles is below
        # checkins and can't import it.
        on_membership_ended(checkins_end_for_departure)
