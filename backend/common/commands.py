from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class SweepCommand(BaseCommand):
    """Sweep once now, then make sure the every-minute sweep task is scheduled for db_worker.

    Subclasses say what one sweep does (`sweep`, answering the line to print), how to
    schedule the periodic one (`schedule_next`, True when it started one) and its name."""

    periodic_name = "sweep"

    def sweep(self) -> str:
        raise NotImplementedError

    def schedule_next(self) -> bool:
        raise NotImplementedError

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-schedule",
            action="store_false",
            dest="schedule",
            help="Only sweep once; do not schedule the periodic sweep task.",
        )

    def handle(self, *args: Any, schedule: bool = True, **options: Any) -> None:
        self.stdout.write(self.sweep())
        if schedule:
            self.stdout.write(
                f"Scheduled the periodic {self.periodic_name}."
                if self.schedule_next()
                else f"The periodic {self.periodic_name} is already scheduled."
            )
