from backend.common.commands import SweepCommand
from backend.notifications.tasks import sweep_deliveries, sweep_schedule_next


class Command(SweepCommand):
    help = (
        "Re-enqueue push deliveries whose task was lost (a killed worker, a failed enqueue), "
        "and make sure the every-minute sweep task is scheduled for the db_worker."
    )

    def sweep(self) -> str:
        return f"Re-enqueued {sweep_deliveries()} deliveries."

    def schedule_next(self) -> bool:
        return sweep_schedule_next()
