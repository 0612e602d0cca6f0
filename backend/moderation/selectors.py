"""Reads of the moderation app."""

from django.db.models import QuerySet

from backend.accounts.models import User
from backend.moderation.models import Report, Strike


def report_list_for_reporter(*, user: User) -> QuerySet[Report]:
    return Report.objects.filter(reporter=user)


def strike_list_for_person(*, user: User) -> QuerySet[Strike]:
    return Strike.objects.filter(person=user).select_related("appeal")
