import uuid

from django.db import models


class BaseModel(models.Model):
    """Every object has a non-enumerable UUID id and a creation time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        abstract = True
