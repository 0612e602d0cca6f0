from allauth.account.models import EmailAddress
from django.core.management.base import BaseCommand
from django.db import transaction

from backend.accounts.models import User

DEMO_EMAIL = "demo@shoulder.local"
DEMO_PASSWORD = "lean-on-me-2026"


class Command(BaseCommand):
    help = "Create the local demo account (verified) once, and print its login."

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
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
