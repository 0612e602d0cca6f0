from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from backend.accounts.models import User

DEMO_EMAIL = "demo@shoulder.local"
DEMO_PASSWORD = "lean-on-me-2026"


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
        self.stdout.write(f"Demo login: {DEMO_EMAIL} / {DEMO_PASSWORD} (also admin at /admin/)")
