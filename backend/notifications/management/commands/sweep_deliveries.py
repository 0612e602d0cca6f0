from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from backend.notifications.tasks import sweep_deliveries, sweep_schedule_next


class Command(BaseCommand):
    help = (
        "Re-enqueue push deliveries whose task was lost (a killed worker, a failed enqueue), "
        "and make sure the every-minute sweep task is scheduled for the db_worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Only sweep once; do not schedule the periodic sweep task.",
        )

    def handle(self, *args: Any, schedule: bool = True, **options: Any) -> None:
        count = sweep_deliveries()
        self.stdout.write(f"Re-enqueued {count} deliveries.")
        if schedule:
            started = sweep_schedule_next()
            self.stdout.write(
                "Scheduled the periodic sweep."
                if started
                else "The periodic sweep is already scheduled."
            )
