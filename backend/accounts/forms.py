from django import forms
from django.http import HttpRequest

from backend.accounts.models import User


class SignupForm(forms.Form):
    """Extra signup fields; allauth's headless signup accepts them as JSON keys."""

    display_name = forms.CharField(max_length=60, required=False, strip=True)
    timezone = forms.CharField(max_length=64, required=False)
    # The language picked in the app before signing up; else the browser's (Accept-Language).
    language = forms.CharField(max_length=16, required=False)

    def signup(self, request: HttpRequest, user: User) -> None:
        # Filled by the adapter's save_user; nothing else to do here.
        return None
