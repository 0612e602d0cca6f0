from django.db import transaction

from backend.accounts.models import User


@transaction.atomic
def user_update_profile(
    *, user: User, display_name: str | None = None, timezone: str | None = None
) -> User:
    fields: list[str] = []
    if display_name is not None:
        user.display_name = display_name.strip()
        fields.append("display_name")
    if timezone is not None:
        user.timezone = timezone
        fields.append("timezone")
    if fields:
        user.full_clean(exclude=["password", "email"])
        user.save(update_fields=fields)
    return user
