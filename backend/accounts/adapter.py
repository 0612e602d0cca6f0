import zoneinfo
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest

from backend.accounts.models import User


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> User:
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.email = user.email.lower()
        user.display_name = (data.get("display_name") or "").strip()[:60]
        tz = data.get("timezone") or "UTC"
        user.timezone = tz if tz in zoneinfo.available_timezones() else "UTC"
        if commit:
            user.save()
        return user

    def clean_email(self, email: str) -> str:
        return super().clean_email(email).lower()
