from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.account.models import EmailAddress, Login
from allauth.core.internal import ratelimit
from django.http import HttpRequest
from django.utils import translation

from backend.accounts.models import User
from backend.common.conf import shoulder_setting
from backend.common.i18n import in_language, supported_language
from backend.common.timezones import is_valid_timezone

APP = "allauth.account"
ACTION = "login_failed"


def _login_failed_rates(per: str) -> dict[str, str]:
    """The part of `ACCOUNT_RATE_LIMITS["login_failed"]` counted per `ip` or per `key`, as a
    config of its own (same action and rates, so the same cache buckets as allauth's)."""
    rates = ratelimit.get_rates(app=APP, action=ACTION)
    return {ACTION: ",".join(f"{r.amount}/{r.duration:g}s/{r.per}" for r in rates if r.per == per)}


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request: HttpRequest, user: Any, form: Any, commit: bool = True) -> User:
        user = super().save_user(request, user, form, commit=False)
        data = form.cleaned_data
        user.email = user.email.lower()
        user.display_name = (data.get("display_name") or "").strip()[:60]
        tz = data.get("timezone") or "UTC"
        user.timezone = tz if is_valid_timezone(tz) else "UTC"
        user.language = supported_language(data.get("language") or translation.get_language())
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        # Our templates sign with the product's name and link, not the request's host.
        context = {
            "site_name": shoulder_setting("SITE_NAME"),
            "site_url": shoulder_setting("SITE_URL"),
            **context,
        }
        # In the recipient's language when they have an account (a security mail may be sent
        # from someone else's request), else the language of this request (a new sign-up).
        recipient = User.objects.filter(email__iexact=email).first()
        if recipient is not None:
            context.setdefault("user", recipient)  # "Hi Ana," in every mail to an account
        with in_language(recipient.language if recipient else translation.get_language()):
            super().send_mail(template_prefix, email, context)

    def clean_email(self, email: str) -> str:
        return super().clean_email(email).lower()

    # Failed logins. allauth's own `pre_authenticate` refuses every password for an address
    # once it has failed `5/5m/key` times, from anywhere: anyone who knows the address can
    # lock its owner out. Here the per-client-address limit stays hard, and the per-address
    # one only makes a correct password need one more step (a code sent to the address).

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        per_ip = ratelimit.consume(
            request, app=APP, action=ACTION, config=_login_failed_rates("ip")
        )
        if not per_ip:
            raise self.validation_error("too_many_login_attempts")
        per_key = ratelimit.consume(
            request,
            app=APP,
            action=ACTION,
            config=_login_failed_rates("key"),
            key=self._get_login_attempts_cache_key(request, **credentials),
        )
        # Rolled back by allauth when the password is right, so only failures count.
        self._login_failed_rl_usage = ratelimit.RateLimitUsage(
            usage=per_ip.usage + (per_key.usage if per_key else [])
        )

    def is_login_by_code_required(self, login: Login) -> bool:
        if super().is_login_by_code_required(login):
            return True
        records = get_authentication_records(self.request, login.user)
        if not records or records[-1]["method"] != "password":
            return False  # a passkey (or the code itself) needs no extra step
        email = login.email or EmailAddress.objects.get_primary_email(login.user)
        if not email:
            return False
        return not ratelimit.consume(
            self.request,
            app=APP,
            action=ACTION,
            config=_login_failed_rates("key"),
            key=self._get_login_attempts_cache_key(self.request, email=email),
            dry_run=True,
        )
