"""gunicorn's settings, used by `make run` and the Procfile (`gunicorn -c gunicorn.conf.py`)."""

import sys
from pathlib import Path

# The logger class is imported from the project, wherever gunicorn was started from.
sys.path.insert(0, str(Path(__file__).resolve().parent))

accesslog = "-"
# Invite tokens travel in URL paths: the access log writes them as [token].
logger_class = "backend.common.logscrub.GunicornLogger"
