import uuid

from django.db import models


class BaseModel(models.Model):
    """Every object has a non-enumerable UUID id and a creation time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        abstract = True


class PeriodicSchedule(models.Model):
    """When the next run of one periodic task is due (`backend.common.periodic`), keyed by
    the task's name, so each chain of runs has its own row and only one chain lives."""

    name = models.CharField(max_length=100, unique=True)
    next_run_at = models.DateTimeField()
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name}: next run at {self.next_run_at:%Y-%m-%d %H:%M:%S}"
