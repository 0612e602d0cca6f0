"""Shoulder settings: one module, configured from the environment, safe by default."""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from backend.web.static import add_headers

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SHOULDER_VAR_DIR", BASE_DIR / "var"))
FRONTEND_DIST = Path(os.environ.get("SHOULDER_FRONTEND_DIST", BASE_DIR / "frontend" / "dist"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_seconds(name: str, default: timedelta) -> timedelta:
    value = os.environ.get(name)
    return default if value is None else timedelta(seconds=float(value))


def _local_secret(filename: str) -> str:
    """A secret generated once into var/ so local runs survive restarts."""
    path = VAR_DIR / filename
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DJANGO_ENV = os.environ.get("DJANGO_ENV", "local")
PRODUCTION = DJANGO_ENV == "production"
DEBUG = env_bool("DJANGO_DEBUG", False)

if PRODUCTION:
    SECRET_KEY = os.environ["SECRET_KEY"]
else:
    SECRET_KEY = os.environ.get("SECRET_KEY") or _local_secret("secret_key")

_site_url = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", _site_url)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "drf_standardized_errors",
    "allauth",
    "allauth.account",
    "allauth.headless",
    "allauth.mfa",
    "allauth.usersessions",
    "django_tasks_db",
    "backend.common",
    "backend.accounts",
    "backend.circles",
    "backend.checkins",
    "backend.aftermath",
    "backend.moderation",
    "backend.notifications",
    "backend.privacy",
    "backend.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside SessionMiddleware: mirrors the session cookie into one the PWA can read.
    "backend.web.session_hint.session_hint_middleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of a request: Accept-Language, then (once signed in) the person's own.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything loads the person: an unchanged poll is a 304 from two cache reads.
    "backend.common.conditional.ConditionalPollMiddleware",
    "backend.accounts.middleware.PersonLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "backend.moderation.middleware.AdminRequiresSecondFactorMiddleware",
    # Last, so it sees the views' exceptions first: oversized and too-deep bodies → 4xx.
    "backend.common.middleware.ApiErrorMiddleware",
]

ROOT_URLCONF = "backend.urls"
WSGI_APPLICATION = "backend.wsgi.application"
ASGI_APPLICATION = "backend.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Ahead of the apps' folders, so our account emails override allauth's.
        "DIRS": [BASE_DIR / "backend" / "accounts" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'shoulder.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# The hot reads' compiled queries run as prepared statements (backend.common.compiled),
# planned once per connection: their SQL is fixed and every id they take is indexed, so a
# generic plan is the plan (custom plans re-planned ~2 ms of every home read). The ORM's own
# queries bind on the client and are never prepared, so this reaches nothing else.
PREPARED_READS = env_bool("PREPARED_READS", True)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and PREPARED_READS:
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c plan_cache_mode=force_generic_plan"
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL + a busy timeout let the web server and the task worker share the file.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use a file, not memory: the browser tests' live server answers on several
    # threads, and an in-memory database would be one connection shared between them.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test_shoulder.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# `make bench-api` mounts its two floor views (/bench/floor/…) in the server it measures.
BENCH_FLOORS = env_bool("SHOULDER_BENCH_FLOORS", False) and not PRODUCTION

REDIS_URL = os.environ.get("REDIS_URL", "")
if PRODUCTION and not REDIS_URL:
    # Rate limits and lockouts count in the cache: a per-process cache multiplies every limit
    # by the number of gunicorn workers (backend.common.checks says so again for `check`).
    raise ImproperlyConfigured(
        "Production needs REDIS_URL (a cache shared by every process, for rate limits)."
    )


def redis_cache(url: str) -> dict[str, Any]:
    """The cache on Redis. django-redis, not Django's own RedisCache: with IGNORE_EXCEPTIONS a
    Redis that is down or restarting reads as an empty cache (rate limits count from zero,
    sessions come from the database) instead of every request answering 500."""
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
            # One quick retry (a connection the restart broke), no backoff: a Redis that is
            # down costs each request milliseconds, not seconds.
            "CONNECTION_POOL_KWARGS": {"retry": Retry(NoBackoff(), 1)},
        },
    }


DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# With a shared cache, a signed-in request reads its session from Redis (written through to
# the database, read from there when Redis is away); a per-process cache would keep serving
# a session another process has ended, so without Redis sessions stay in the database.
if REDIS_URL:
    SESSION_ENGINE = "backend.common.sessions"

AUTH_USER_MODEL = "accounts.User"
# Staff log in through the PWA too (allauth's rate limits and MFA apply), then land in /admin/.
LOGIN_URL = "/login"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The languages Shoulder speaks (README: "Adding a language"). Catalogs live in backend/locale
# (compiled by `make run`/`make test`, never committed as binaries).
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "backend" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# The built PWA is served from the site root (sw.js needs root scope).
WHITENOISE_ROOT = FRONTEND_DIST if FRONTEND_DIST.exists() else None
WHITENOISE_MIMETYPES = {".webmanifest": "application/manifest+json"}
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/(assets/.+|static/.+\.[0-9a-f]{12}\.\w+)$"
WHITENOISE_ADD_HEADERS_FUNCTION = add_headers
WHITENOISE_MAX_AGE = 60
WHITENOISE_AUTOREFRESH = DEBUG

# Email: Django 6.1's MAILERS, console by default so newcomers see codes in the terminal.
EMAIL_BACKENDS = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "locmem": "django.core.mail.backends.locmem.EmailBackend",
}
_mailer = os.environ.get("EMAIL_BACKEND_NAME", "smtp" if PRODUCTION else "console")
_mailer_options: dict[str, object] = {}
if _mailer == "smtp":
    _mailer_options = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": int(os.environ.get("EMAIL_PORT", "587")),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", True),
        "timeout": 10,
    }
MAILERS = {"default": {"BACKEND": EMAIL_BACKENDS[_mailer], "OPTIONS": _mailer_options}}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Shoulder <hello@shoulder.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Asks (and what follows them) have a queue of their own, with its own worker, so a reach-out
# never waits behind bulk work (backend.notifications.conf.ASKS_QUEUE).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "asks"]}}

# --- allauth (headless) ---------------------------------------------------
HEADLESS_ONLY = True
HEADLESS_CLIENTS = ("browser", "app")
HEADLESS_SERVE_SPECIFICATION = True
HEADLESS_FRONTEND_URLS = {
    "account_confirm_email": "/verify?key={key}",
    "account_reset_password": "/password/forgot",
    "account_reset_password_from_key": "/password/reset?key={key}",
    "account_signup": "/signup",
}
ACCOUNT_ADAPTER = "backend.accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "backend.accounts.forms.SignupForm"
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = True
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = True
ACCOUNT_CHANGE_EMAIL = True
# Email, password and MFA changes need a reauthentication (allauth answers 401 with a
# `reauthenticate` flow); export and deletion check `backend.accounts.reauth`.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
# The old address hears about an email change; password changes are mailed.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# The extra step of a login past the per-key limit (and a login by emailed code on its own).
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = os.environ.get("SITE_NAME", "Shoulder") + ": "
# Proxies in front of the app that append to X-Forwarded-For (0: the client connects directly).
# One number for every rate limit: DRF's throttles (NUM_PROXIES) and allauth's (below).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT

ACCOUNT_RATE_LIMITS = {
    # Per client address: a hard limit. Per key (the email typed, or the user for MFA codes):
    # for passwords a soft one — past it a correct password still logs in, with a code sent to
    # the address as the extra step (AccountAdapter), so nobody can lock an owner out.
    "login_failed": "20/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
    "reauthenticate": "10/m/user",
}
# Security emails (new sign-in method, two-factor added or removed, email/password changed).
ACCOUNT_EMAIL_NOTIFICATIONS = True
MFA_ADAPTER = "backend.accounts.mfa.MFAAdapter"
# The key TOTP secrets and recovery-code seeds are encrypted with. Changing it makes every
# stored authenticator unreadable (people then log in with a passkey or reset two-factor).
if PRODUCTION:
    MFA_ENCRYPTION_KEY = os.environ["MFA_ENCRYPTION_KEY"]
else:
    MFA_ENCRYPTION_KEY = os.environ.get("MFA_ENCRYPTION_KEY") or f"local:{SECRET_KEY}"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
# Recovery codes are shown once, right after they are made; after that, only regenerated.
MFA_RECOVERY_CODES_SHOW_ONCE = True
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Shoulder"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = not PRODUCTION
USERSESSIONS_TRACK_ACTIVITY = True

# --- Shoulder ------------------------------------------------------------------
# Every knob of the app itself, with its default; code reads them through
# `backend.common.conf.shoulder_setting(name)` (so pytest-django's `settings` fixture can
# override one). Each is also read from the environment variable of the same name
# (durations in seconds, lists comma-separated). README's configuration table lists them.
SHOULDER: dict[str, Any] = {
    # Public origin of the site, used in links (invite emails, share URLs).
    "SITE_URL": _site_url,
    # The name account emails sign with and put in their subjects.
    "SITE_NAME": os.environ.get("SITE_NAME", "Shoulder"),
    # Circles stay small on purpose.
    "CIRCLE_MAX_MEMBERS": int(os.environ.get("CIRCLE_MAX_MEMBERS", "12")),
    # Per-IP ceiling on every look at an invite token, against guessing.
    "INVITE_GUESS_RATE": os.environ.get("INVITE_GUESS_RATE", "60/hour"),
    # Invite emails a person may have sent in any 24 hours (over it: 429, no invite).
    "INVITE_EMAILS_PER_DAY": int(os.environ.get("INVITE_EMAILS_PER_DAY", "10")),
    # An account younger than this sends invite emails without its personal message.
    "INVITE_MESSAGE_MIN_ACCOUNT_AGE": env_seconds(
        "INVITE_MESSAGE_MIN_ACCOUNT_AGE", timedelta(days=7)
    ),
    # With no answer after this long, the requester is offered another circle and help.
    "NOBODY_ANSWERED_AFTER": env_seconds("NOBODY_ANSWERED_AFTER", timedelta(minutes=10)),
    # An open or answered check-in nobody closed expires this long after it opened.
    "EXPIRE_AFTER": env_seconds("EXPIRE_AFTER", timedelta(hours=12)),
    # How long after sending the requester may still take a check-in back.
    "CANCEL_WINDOW": env_seconds("CANCEL_WINDOW", timedelta(minutes=2)),
    # Local hour (each helper's timezone) of the "How are you after that?" push.
    "AFTERCARE_HOUR": int(os.environ.get("AFTERCARE_HOUR", "9")),
    # How far ahead a "check on me later" may be set.
    "SCHEDULE_MAX_AHEAD": env_seconds("SCHEDULE_MAX_AHEAD", timedelta(days=7)),
    # "Check on me later"s one person may have waiting at once, and the least time between
    # their times (a stack of them would fire a flood of quiet-hours-breaking pushes).
    "SCHEDULED_MAX_PENDING": int(os.environ.get("SCHEDULED_MAX_PENDING", "3")),
    "SCHEDULED_MIN_SPACING": env_seconds("SCHEDULED_MIN_SPACING", timedelta(minutes=30)),
    # "Thinking of you" nudges one person receives per 24 hours, from everyone together.
    "NUDGES_PER_RECIPIENT_PER_DAY": int(os.environ.get("NUDGES_PER_RECIPIENT_PER_DAY", "3")),
    # Writes of aftermath notes and reactions per person.
    "AFTERMATH_WRITE_RATE": os.environ.get("AFTERMATH_WRITE_RATE", "120/hour"),
    # Host patterns push endpoints may point at (`*.example.com`: subdomains only).
    "PUSH_HOSTS": env_list(
        "PUSH_HOSTS",
        "fcm.googleapis.com,updates.push.services.mozilla.com,*.push.services.mozilla.com,"
        "*.push.apple.com,*.notify.windows.com",
    ),
    # A push still "sending" this long belongs to a worker that died: the sweep sends it again
    # (sends time out after 10 s; a push service collapses a duplicate by its Topic).
    "PUSH_STALE_SENDING_AFTER": env_seconds("PUSH_STALE_SENDING_AFTER", timedelta(seconds=60)),
    # How long what the app keeps about people is kept (README "Security model"); the hourly
    # retention task prunes what is older.
    "TASK_RESULTS_KEPT_FOR": env_seconds("TASK_RESULTS_KEPT_FOR", timedelta(days=7)),
    "NOTIFICATIONS_KEPT_FOR": env_seconds("NOTIFICATIONS_KEPT_FOR", timedelta(days=30)),
    "USER_SESSIONS_KEPT_FOR": env_seconds("USER_SESSIONS_KEPT_FOR", timedelta(days=90)),
    # Web Push keys; when unset, a pair is generated into var/vapid.json.
    "VAPID_PRIVATE_KEY": os.environ.get("VAPID_PRIVATE_KEY", "").strip(),
    "VAPID_PUBLIC_KEY": os.environ.get("VAPID_PUBLIC_KEY", "").strip(),
    "VAPID_SUBJECT": os.environ.get("VAPID_SUBJECT", "").strip(),
    # Polled reads (home, a check-in) answer `If-None-Match` with 304 from a per-person
    # version in the cache (backend.common.versions); needs a cache shared by every process.
    "CONDITIONAL_GET": env_bool("CONDITIONAL_GET", bool(REDIS_URL)),
    # Those reads' answers are kept in the cache under the same version (a 200 for the same
    # person, language and URL is then one cache read until something they see changes);
    # how long an answer is kept at most. 0: answers are always built.
    "ANSWER_CACHE_SECONDS": env_seconds("ANSWER_CACHE_SECONDS", timedelta(minutes=5)),
    # On PostgreSQL the hot reads' compiled queries are prepared statements (parsed once per
    # connection). Off behind a pooler that hands one session's statements to another
    # connection (PgBouncer in transaction mode before 1.21).
    "PREPARED_READS": PREPARED_READS,
    # DRF throttle rates per scope (`user_or_ip` is every call's ceiling).
    "THROTTLE_RATES": {
        "user_or_ip": os.environ.get("THROTTLE_DEFAULT", "600/min"),
        "profile_write": "60/hour",
        "invite_create": "30/hour",
        "invite_accept": "30/hour",
        "checkin_create": "20/hour",
        "nudge": "20/day",
        "report": "20/hour",
    },
}
# `THROTTLE_RATES=scope=rate,scope=rate` replaces those scopes' rates (e.g. for `make load`,
# where 100 people reach out, answer and nudge far faster than anyone would).
for _scope, _, _rate in (
    item.strip().partition("=") for item in os.environ.get("THROTTLE_RATES", "").split(",")
):
    if _scope and _rate:
        SHOULDER["THROTTLE_RATES"][_scope] = _rate

# --- REST API ---------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "backend.common.authentication.SessionTokenAuthentication",
        "backend.common.authentication.CsrfSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "backend.accounts.permissions.NotSuspended",
    ],
    "DEFAULT_RENDERER_CLASSES": ["backend.common.renderers.ORJSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["backend.common.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "backend.common.pagination.CursorPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_SCHEMA_CLASS": "backend.common.schema.AutoSchema",
    "EXCEPTION_HANDLER": "backend.common.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": [
        "backend.common.throttling.UserOrIpThrottle",
        "backend.common.throttling.ScopedThrottle",
    ],
    # DRF reads its rates here; they are declared once, in SHOULDER above.
    "DEFAULT_THROTTLE_RATES": SHOULDER["THROTTLE_RATES"],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "NUM_PROXIES": TRUSTED_PROXY_COUNT,
}
DRF_STANDARDIZED_ERRORS = {
    "ENABLE_IN_DEBUG_FOR_UNHANDLED_EXCEPTIONS": True,
    "ALLOWED_ERROR_STATUS_CODES": ["400", "401", "403", "404", "409", "413", "429", "500"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Shoulder API",
    "DESCRIPTION": (
        "Be there for a friend who is crying. Every error has one shape: "
        '{"type": ..., "errors": [{"code", "detail", "attr"}]}.'
    ),
    "VERSION": "1.0.0",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        **{
            f"{kind}ErrorEnum": (
                f"drf_standardized_errors.openapi_serializers.{kind}ErrorEnum.choices"
            )
            for kind in ("Validation", "Client", "Server")
        },
        # One stable name per choice set, so fields of the same name in other apps don't
        # collide (serializers use `<Choices>.choices`: the labels are part of the match).
        "CheckinStatusEnum": "backend.checkins.models.Status",
        "CheckinKindEnum": "backend.checkins.models.Kind",
        "CheckinModeEnum": "backend.checkins.models.Mode",
        "CheckinAnswerEnum": "backend.checkins.models.Answer",
        "CheckinRoleEnum": ["requester", "asked"],
        "CircleRoleEnum": "backend.circles.models.Membership.Role",
        "InviteStatusEnum": "backend.circles.models.Invite.Status",
        "JoinRequestStatusEnum": "backend.circles.models.JoinRequest.Status",
        "NoteAudienceEnum": "backend.aftermath.models.Audience",
        "ReactionKindEnum": "backend.aftermath.models.ReactionKind",
        "ReportTargetTypeEnum": "backend.moderation.models.TargetType",
        "ReportCategoryEnum": "backend.moderation.models.Category",
        "ReportStatusEnum": "backend.moderation.models.ReportStatus",
        "StrikeKindEnum": "backend.moderation.models.StrikeKind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_standardized_errors.openapi_hooks.postprocess_schema_enums",
    ],
}

# --- Security ---------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "worker-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "backend.common.errors.csrf_failure"

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# `make cluster` runs production on one machine over plain http (127.0.0.1): everything stays
# production but HTTPS (no redirect, no HSTS, cookies without `Secure`). Never on a server.
LOCAL_HTTP = PRODUCTION and env_bool("SHOULDER_LOCAL_HTTP", False)
if LOCAL_HTTP:
    SECURE_SSL_REDIRECT = False
    SECURE_HSTS_SECONDS = 0
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False
    SECURE_HSTS_PRELOAD = False
    SESSION_COOKIE_SECURE = False
    CSRF_COOKIE_SECURE = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Invite tokens travel in URL paths; no log line carries one (gunicorn.conf.py does the same).
    "filters": {"scrub": {"()": "backend.common.logscrub.ScrubFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["scrub"]}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"level": "ERROR"}},
}
