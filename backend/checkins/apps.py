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

        from backend.checkins.mutual import share_offers_end_for_departure, share_still_wanted

        # ... and their "Can I share too?" offers there.
        on_membership_ended(share_offers_end_for_departure)

        from backend.checkins.models import Kind
        from backend.checkins.selectors import ask_still_wanted
        from backend.checkins.transitions import transitions_overdue
        from backend.common.readiness import readiness_check
        from backend.notifications.tasks import still_wanted_source

        # /healthz?deep=1 fails while a check-on-me, expiry or follow-up is overdue.
        readiness_check("checkins", transitions_overdue)

        # A re-sent ask (its worker died mid-send) goes out only while the check-in asks.
        still_wanted_source((Kind.REACH_OUT, Kind.CHECK_ON_ME, Kind.NUDGE), ask_still_wanted)
        still_wanted_source(("share_offer", "share_accepted"), share_still_wanted)

        from backend.checkins.versions import track_checkins

        track_checkins()
