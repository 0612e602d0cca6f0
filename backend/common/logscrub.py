"""Keep invite tokens out of logs: they travel in URL paths (`/api/v1/invites/<token>/…`,
the PWA's `/invite/<token>`), and whoever reads a log must not be able to join a circle.

Used by gunicorn's access log (`gunicorn.conf.py`) and Django's log handler (LOGGING)."""

import logging
import re
from typing import Any

from gunicorn.glogging import Logger

# The token itself is URL-safe base64; the paths may be percent-encoded (a `?next=` value).
_SEP = r"(?:/|%2F)"
INVITE_TOKEN_IN_PATH = re.compile(
    rf"({_SEP}(?:api{_SEP}v1{_SEP}invites|invite){_SEP})[A-Za-z0-9_-]+", re.IGNORECASE
)
REDACTED = "[token]"


def scrub(text: str) -> str:
    return INVITE_TOKEN_IN_PATH.sub(rf"\1{REDACTED}", text)


class ScrubFilter(logging.Filter):
    """Rewrites a record's message (Django logs `Not Found: <path>` and the like)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        scrubbed = scrub(message)
        if scrubbed != message:
            record.msg, record.args = scrubbed, None
        return True


class GunicornLogger(Logger):
    """gunicorn's logger with every access-log value (request line, path, query, referer)
    scrubbed, whatever `access_log_format` picks."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        atoms: dict[str, Any] = super().atoms(resp, req, environ, request_time)
        return {key: scrub(v) if isinstance(v, str) else v for key, v in atoms.items()}
