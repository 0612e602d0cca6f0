from backend.checkins.transitions import checkins_sweep, sweep_schedule_next
from backend.common.commands import SweepCommand


class Command(SweepCommand):
    help = (
        "Do every check-in transition that is due (fire check-on-me, nobody answered, expiry, "
        "aftercare), and make sure the every-minute check-ins sweep is scheduled for db_worker."
    )
    periodic_name = "check-ins sweep"

    def sweep(self) -> str:
        counts = checkins_sweep()
        summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "nothing due"
        return f"Check-ins sweep: {summary}."

    def schedule_next(self) -> bool:
        return sweep_schedule_next()
