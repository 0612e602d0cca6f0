import re
import uuid
from typing import Any, ClassVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone as dj_timezone
from django.utils.translation import gettext, gettext_lazy

from backend.accounts.errors import AccountErrorCode
from backend.common.i18n import Words
from backend.common.timezones import is_valid_timezone


def validate_timezone(value: str) -> None:
    if not is_valid_timezone(value):
        raise ValidationError(
            gettext("Pick a timezone from the list."), code=AccountErrorCode.INVALID_TIMEZONE
        )


def public_name(display_name: str | None) -> str:
    """How a person is named to everyone else (no display name yet: "A friend")."""
    return display_name or gettext("A friend")


def public_name_lazy(display_name: str | None) -> Words:
    """`public_name` for words rendered later in someone else's language (a push)."""
    return display_name or gettext_lazy("A friend")


PHONE_MAX = 20
_PHONE = re.compile(r"^\+?[0-9]{6,15}$")


def normalize_phone(value: str) -> str | None:
    """ "+44 7700 900-123" → "+447700900123"; "" stays ""; None when it isn't a number."""
    compact = re.sub(r"[\s().\-/]", "", value)
    if not compact:
        return ""
    return compact if _PHONE.match(compact) else None


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create(self, email: str, password: str | None, **extra: Any) -> "User":
        if not email:
            raise ValueError("An email is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> "User":
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)

    def get_by_natural_key(self, username: str | None) -> "User":
        return self.get(email__iexact=username)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Shown to others only as `{id, display_name}`; email stays private."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(max_length=254, unique=True)
    display_name = models.CharField(max_length=60, blank=True)
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    # What the app, pushes and emails say to this person (set at sign-up from the browser).
    language = models.CharField(max_length=8, choices=settings.LANGUAGES, default="en")
    # Optional; shown only to circle mates in a check-in they share (tel:/sms: links).
    phone = models.CharField(max_length=PHONE_MAX, blank=True)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False)
    date_joined = models.DateTimeField(default=dj_timezone.now)
    is_suspended_until = models.DateTimeField(null=True, blank=True)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.display_name or self.email

    @property
    def public_name(self) -> str:
        return public_name(self.display_name)
