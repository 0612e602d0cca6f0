from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from backend.checkins.services import checkins_sweep
from backend.checkins.tasks import sweep_schedule_next


class Command(BaseCommand):
    help = (
        "Do every check-in transition that is due (fire check-on-me, nobody answered, expiry, "
        "aftercare), and make sure the every-minute check-ins sweep is scheduled for db_worker."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Only sweep once; do not schedule the periodic sweep task.",
        )

    def handle(self, *args: Any, schedule: bool = True, **options: Any) -> None:
        counts = checkins_sweep()
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "nothing due"
        self.stdout.write(f"Check-ins sweep: {summary}.")
        if schedule:
            started = sweep_schedule_next()
            self.stdout.write(
                "Scheduled the periodic check-ins sweep."
                if started
                else "The periodic check-ins sweep is already scheduled."
            )
