"""Moderators see people's words: the admin opens only for staff with a second factor."""

from collections.abc import Callable

from allauth.mfa.models import Authenticator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

# The PWA's page where a person sets up TOTP or a passkey.
SECOND_FACTOR_SETUP_URL = "/account/security"
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def has_second_factor(user: object) -> bool:
    return Authenticator.objects.filter(user=user, type__in=SECOND_FACTORS).exists()


class AdminRequiresSecondFactorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        admin_root = reverse("admin:index")
        if (
            request.path.startswith(admin_root)
            and request.path not in (reverse("admin:login"), reverse("admin:logout"))
            and request.user.is_authenticated
            and request.user.is_staff
            and not has_second_factor(request.user)
        ):
            return HttpResponseRedirect(f"{SECOND_FACTOR_SETUP_URL}?next={admin_root}")
        return self.get_response(request)
