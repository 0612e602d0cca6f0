from allauth.account.models import EmailAddress
from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from cryptography.fernet import InvalidToken
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from backend.accounts.models import User

DEMO_EMAIL = "demo@shoulder.local"
DEMO_PASSWORD = "lean-on-me-2026"
MODERATOR_EMAIL = "moderator@shoulder.local"
MODERATOR_PASSWORD = "steady-hands-2026"
# Created by the moderation app's migration; looked up by name (accounts sits below it).
MODERATORS_GROUP = "Moderators"


class Command(BaseCommand):
    help = "Local first run: VAPID keys and a verified demo account (once); prints the login."

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        call_command("ensure_vapid_keys", stdout=self.stdout)
        user = User.objects.filter(email__iexact=DEMO_EMAIL).first()
        if user is None:
            user = User.objects.create_user(
                DEMO_EMAIL,
                DEMO_PASSWORD,
                display_name="Demo Friend",
                is_staff=True,
                is_superuser=True,
            )
            self.stdout.write("Created the demo account.")
        EmailAddress.objects.update_or_create(
            user=user, email=DEMO_EMAIL, defaults={"verified": True, "primary": True}
        )
        self.stdout.write(f"Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD}")
        secret = self._moderator()
        self.stdout.write(
            f"Moderator login: {MODERATOR_EMAIL} / {MODERATOR_PASSWORD}, then /admin/ "
            f"(TOTP secret for an authenticator app: {secret})"
        )

    def _moderator(self) -> str:
        """A moderator (staff, in the Moderators group) with TOTP set up through allauth.mfa,
        so a newcomer can try the queue; returns the TOTP secret."""
        user = User.objects.filter(email__iexact=MODERATOR_EMAIL).first()
        if user is None:
            user = User.objects.create_user(
                MODERATOR_EMAIL, MODERATOR_PASSWORD, display_name="Demo Moderator", is_staff=True
            )
            self.stdout.write("Created the moderator account.")
        EmailAddress.objects.update_or_create(
            user=user, email=MODERATOR_EMAIL, defaults={"verified": True, "primary": True}
        )
        user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
        totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
        if totp is not None:
            try:
                return str(get_mfa_adapter().decrypt(totp.data["secret"]))
            except InvalidToken:
                # Written before secrets were encrypted (or under another key): this demo
                # account's authenticator is remade; real people's are never touched here.
                Authenticator.objects.filter(user=user).delete()
                self.stdout.write("Remade the moderator's authenticator (unreadable secret).")
        secret = generate_totp_secret()
        TOTP.activate(user, secret)
        return secret
