from typing import Any

from django.core.management.base import BaseCommand

from backend.notifications.vapid import ensure_key_file, get_vapid_keys, key_file, keys_configured


class Command(BaseCommand):
    help = "Create the VAPID key pair for web push in var/vapid.json when it is missing."

    def handle(self, *args: Any, **options: Any) -> None:
        if keys_configured():
            get_vapid_keys()  # fails loudly when the environment's keys are malformed
            self.stdout.write("VAPID keys come from the environment.")
            return
        path = key_file()
        if ensure_key_file(path):
            self.stdout.write(f"Created VAPID keys in {path}.")
        else:
            self.stdout.write(f"VAPID keys: {path}.")
