from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.db import transaction

from backend.accounts.models import User


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    display_name: str | None = None,
    timezone: str | None = None,
    language: str | None = None,
    phone: str | None = None,
) -> User:
    fields: list[str] = []
    if phone is not None:
        user.phone = phone
        fields.append("phone")
    if display_name is not None:
        user.display_name = display_name.strip()
        fields.append("display_name")
    if timezone is not None:
        user.timezone = timezone
        fields.append("timezone")
    if language is not None:
        user.language = language
        fields.append("language")
    if fields:
        user.full_clean(exclude=["password", "email"])
        user.save(update_fields=fields)
    return user


def user_end_all_sessions(*, user: User) -> int:
    """Sign `user` out everywhere: allauth's tracked sessions (browser and app tokens) and
    any other Django session that carries them. Returns how many sessions ended."""
    ended = 0
    for user_session in UserSession.objects.filter(user=user):
        user_session.end()
        ended += 1
    stale = [
        session.session_key
        for session in Session.objects.all().iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    ended += len(stale)
    Session.objects.filter(session_key__in=stale).delete()
    return ended
