from typing import Any

from backend.accounts.models import User
from tests.common.helpers import DELIVER as DELIVER
from tests.common.helpers import DELIVER_BATCH as DELIVER_BATCH
from tests.common.helpers import post
from tests.common.world import CircleWorld

CHECKINS = "/api/v1/checkins/"


def reach_out(
    world: CircleWorld, user: User | None = None, *, expect: int | None = None, **body: Any
) -> Any:
    """POST a check-in (a reach-out unless `kind` says otherwise); `expect` as in `post`."""
    payload = {"kind": "reach_out", "circle": str(world.circle.pk), "mode": "come_over", **body}
    return post(world.client(user or world.owner), CHECKINS, payload, expect=expect)


ADVANCE = "backend.checkins.transitions.advance"
SWEEP = "backend.checkins.transitions.sweep"


def queued(task_path: str, *, ready_only: bool = False) -> list[Any]:
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(task_path=task_path)
    if ready_only:
        rows = rows & DBTaskResult.objects.ready()
    return list(rows.order_by("run_after", "enqueued_at"))
